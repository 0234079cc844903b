"""Repository state a plan depends on: branch, revision, commit time."""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

# CI systems check out a detached HEAD; they name the branch in the environment.
BRANCH_VARIABLES = ("GITHUB_HEAD_REF", "GITHUB_REF_NAME", "CI_COMMIT_REF_NAME", "BUILDKITE_BRANCH")


@dataclass(frozen=True)
class RepoState:
    root: Path
    branch: str
    revision: str
    # Seconds since the epoch of the commit: image timestamps derive from it, so a
    # rebuild of the same commit gives the same image config.
    commit_time: int
    source_url: str = ""


def _git(root: Path, *args: str) -> str:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""


def branch_slug(branch: str) -> str:
    """A branch name as a tag part: [A-Za-z0-9_.-], at most 100 characters."""
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", branch).strip("-.") or "detached"
    return slug[:100]


def read_repo_state(root: Path, branch: str = "") -> RepoState:
    if not branch:
        branch = next((os.environ[v] for v in BRANCH_VARIABLES if os.environ.get(v)), "")
    if not branch:
        branch = _git(root, "rev-parse", "--abbrev-ref", "HEAD")
        if branch == "HEAD":
            branch = ""
    return RepoState(
        root=root,
        branch=branch or "local",
        revision=_git(root, "rev-parse", "HEAD") or "unknown",
        commit_time=int(_git(root, "log", "-1", "--format=%ct") or 0),
        source_url=_git(root, "remote", "get-url", "origin"),
    )
