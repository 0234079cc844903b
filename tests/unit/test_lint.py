"""The code stays readable: ruff's checks and formatting (settings in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

from support import REPO_ROOT

PATHS = ["src", "tests", "tasks.py", "backend", "ci"]


def ruff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ruff", *args, *PATHS], cwd=REPO_ROOT, capture_output=True, text=True)


def test_ruff_check():
    result = ruff("check", "--no-cache")
    assert result.returncode == 0, result.stdout


def test_ruff_format():
    result = ruff("format", "--check", "--no-cache")
    assert result.returncode == 0, result.stdout
