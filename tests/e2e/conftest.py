"""What the end-to-end journeys share: warmbuild installed as a user installs it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from support import REPO_ROOT


@pytest.fixture(scope="session")
def warmbuild_venv(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """One wheel of this checkout and one venv with it installed, for every test here:
    the environment a user's shell has after `pip install warmbuild`."""
    out = tmp_path_factory.mktemp("wheel")
    build = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(REPO_ROOT)]
    subprocess.run(build, check=True, capture_output=True)
    [wheel] = out.glob("warmbuild-*.whl")
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pins = ["-c", str(REPO_ROOT / "ci" / "constraints.txt")]
    pip = [str(venv / "bin" / "pip"), "install", "-q", "--disable-pip-version-check", *pins, str(wheel)]
    subprocess.run(pip, check=True, capture_output=True)
    env = {**os.environ, "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}", "VIRTUAL_ENV": str(venv)}
    env.pop("PYTHONPATH", None)
    return env
