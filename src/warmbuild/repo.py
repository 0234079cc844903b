"""Repository state a plan depends on: branch, revision, commit time. Pure data;
``gitrepo.read_repo_state`` reads it from git."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class RepoState:
    root: Path
    branch: str
    revision: str
    # Seconds since the epoch of the commit: image timestamps derive from it, so a
    # rebuild of the same commit gives the same image config.
    commit_time: int
    source_url: str = ""


def branch_slug(branch: str) -> str:
    """A branch name as a tag part: [A-Za-z0-9_.-], at most 100 characters."""
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", branch).strip("-.") or "detached"
    return slug[:100]
