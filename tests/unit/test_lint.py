"""The code stays readable: ruff's checks and formatting (settings in pyproject.toml),
strict typing, and shellcheck on the shell scripts."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from support import IN_CI, REPO_ROOT

PATHS = ["src", "tests", "tasks.py", "backend", "ci", "bench"]
# Every shell script of ours: provisioning, CI's entry point, and the one the images run.
SHELL_SCRIPTS = [
    *sorted((REPO_ROOT / "ci").glob("*.sh")),
    REPO_ROOT / ".ci" / "run",
    REPO_ROOT / "src" / "warmbuild" / "docker" / "install-python-deps.sh",
]


def ruff(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ruff", *args, *PATHS], cwd=REPO_ROOT, capture_output=True, text=True)


def test_ruff_check() -> None:
    result = ruff("check", "--no-cache")
    assert result.returncode == 0, result.stdout


def test_ruff_format() -> None:
    result = ruff("format", "--check", "--no-cache")
    assert result.returncode == 0, result.stdout


def test_mypy_strict_on_the_package() -> None:
    """Strict typing of src/, tests/ and bench/ (settings in pyproject.toml: strict,
    the pydantic plugin)."""
    settings = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["tool"]["mypy"]
    assert settings["strict"] and set(settings["files"]) >= {"src", "tests", "bench"}
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=REPO_ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def shellcheck() -> str:
    """Debian's shellcheck (ci/setup.sh installs it): missing fails in CI, skips elsewhere."""
    found = shutil.which("shellcheck")
    if found is None:
        message = "shellcheck is not installed (Debian's package; ci/setup.sh installs it)"
        if IN_CI:
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return found


@pytest.mark.parametrize("script", SHELL_SCRIPTS, ids=lambda path: str(path.relative_to(REPO_ROOT)))
def test_shellcheck(script: Path) -> None:
    result = subprocess.run(
        [shellcheck(), "--format=gcc", str(script.relative_to(REPO_ROOT))],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_shellcheck_catches_a_mistake(tmp_path: Path) -> None:
    broken = tmp_path / "broken.sh"
    broken.write_text("#!/usr/bin/env bash\nrm -rf $1/*\n")  # unquoted: a path with spaces splits
    result = subprocess.run([shellcheck(), str(broken)], capture_output=True, text=True)
    assert result.returncode != 0 and "SC2086" in result.stdout


def test_test_modules_have_unique_names() -> None:
    """pytest imports each test file by its bare name (the folders have no __init__.py):
    two files of one name in different folders stop the whole run at collection."""
    names = [path.name for path in (REPO_ROOT / "tests").rglob("test_*.py") if "data" not in path.parts]
    assert sorted(names) == sorted(set(names)), [name for name in set(names) if names.count(name) > 1]
