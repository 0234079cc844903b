"""The code stays readable: ruff's checks and formatting (settings in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

from support import REPO_ROOT

PATHS = ["src", "tests", "tasks.py", "backend", "ci", "bench"]


def ruff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ruff", *args, *PATHS], cwd=REPO_ROOT, capture_output=True, text=True)


def test_ruff_check():
    result = ruff("check", "--no-cache")
    assert result.returncode == 0, result.stdout


def test_ruff_format():
    result = ruff("format", "--check", "--no-cache")
    assert result.returncode == 0, result.stdout


def test_mypy_strict_on_the_package():
    """Strict typing of src/ (settings in pyproject.toml: strict, the pydantic plugin)."""
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=REPO_ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
