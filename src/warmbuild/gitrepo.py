"""Read the repository's state from git and the CI environment."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from .repo import RepoState

# CI systems check out a detached HEAD; they name the branch in the environment.
BRANCH_VARIABLES = ("GITHUB_HEAD_REF", "GITHUB_REF_NAME", "CI_COMMIT_REF_NAME", "BUILDKITE_BRANCH")


def _git(root: Path, *args: str) -> str:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""


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


def remote_branches(root: Path, remote: str) -> frozenset[str] | None:
    """The branches the remote has now (`git ls-remote --heads`); None when there is
    no such remote or it cannot be reached: then no branch counts as gone."""
    try:
        # Never a password prompt: a remote that wants one counts as unreachable.
        quiet = {
            "GIT_TERMINAL_PROMPT": "0",
            "GIT_SSH_COMMAND": os.environ.get("GIT_SSH_COMMAND", "ssh -o BatchMode=yes"),
        }
        result = subprocess.run(
            ["git", "ls-remote", "--heads", remote],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=30,
            env={**os.environ, **quiet},
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode != 0:
        return None
    return frozenset(line.split("refs/heads/", 1)[1] for line in result.stdout.splitlines() if "\trefs/heads/" in line)


def local_branches(root: Path) -> frozenset[str]:
    """This checkout's branches."""
    return frozenset(_git(root, "branch", "--format=%(refname:short)").splitlines())
