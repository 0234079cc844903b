"""One journey per kind of team repository: a new git repository holding only an app
and its lock (no file of ours) -> `pip install` warmbuild's wheel into a fresh venv ->
`warmbuild init` -> `invoke build-prod` -> `invoke dev-up` -> the app answers."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from python_on_whales import docker
from support import DATA, REPO_ROOT, free_port, get_json, wait_healthy

from warmbuild.detect import image_name

APPS = DATA / "apps"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """warmbuild as a user gets it: a wheel built from this checkout."""
    out = tmp_path_factory.mktemp("wheel")
    build = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(REPO_ROOT)]
    subprocess.run(build, check=True, capture_output=True)
    [found] = out.glob("warmbuild-*.whl")
    return found


def run(command: list[str], cwd: Path, env: dict[str, str], timeout: float = 900) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{' '.join(command)}\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    return result


CASES = [
    pytest.param(
        "vision-service",
        {
            "context": ".",
            "python_image": "python:3.11-slim",
            "heavy": ["opencv-python", "numpy"],
            "apt_packages": ["libgl1", "libglib2.0-0", "libxcb1"],
            "app": "vision.api:api",
            "port": 8080,
            "health_path": "/healthz",
        },
        {"numpy": "1.26.4"},
        id="poetry-python-3.11-opencv",
    ),
    pytest.param(
        "compiled-app",
        {
            "context": ".",
            "python_image": "python:3.13-slim",
            "heavy": [],
            # libpq5 is read from the psycopg2 wheel compiled in the build, not listed.
            "apt_packages": [],
            "build_apt_packages": ["libpq-dev"],
            "app": "app.main:app",
            "port": 8000,
            "health_path": "/health",
        },
        {"mmh3": 656639264},
        id="uv-python-3.13-compiled",
    ),
]


@pytest.mark.parametrize("app, detected, answers", CASES)
def test_a_new_repository_from_install_to_a_healthy_dev_stack(
    tmp_path: Path, unique: str, wheel: Path, app: str, detected: dict[str, Any], answers: dict[str, Any]
) -> None:
    repo = tmp_path / unique
    shutil.copytree(APPS / app, repo)
    assert not (repo / "warmbuild.yaml").exists() and not (repo / "tasks.py").exists(), "nothing of ours"
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    for command in (["init", "-q", "-b", "main"], ["add", "."], ["commit", "-q", "-m", "the app"]):
        subprocess.run([*git, *command], cwd=repo, check=True)

    started = time.monotonic()
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    env = {**os.environ, "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}", "VIRTUAL_ENV": str(venv)}
    env.pop("PYTHONPATH", None)
    pins = ["-c", str(REPO_ROOT / "ci" / "constraints.txt")]
    run([str(venv / "bin" / "pip"), "install", "-q", "--disable-pip-version-check", *pins, str(wheel)], repo, env)
    installed = time.monotonic()

    init = run(["warmbuild", "init"], repo, env, timeout=300)
    assert "wrote" in init.stdout and (repo / "tasks.py").is_file()
    written = yaml.safe_load((repo / "warmbuild.yaml").read_text())
    name = image_name(unique)  # the repository's folder name, as an image name
    assert written["name"] == name
    for key, value in detected.items():
        assert written[key] == value, f"{key}: {written[key]!r}\n{(repo / 'warmbuild.yaml').read_text()}"
    assert "# " in (repo / "warmbuild.yaml").read_text(), "every value explained"
    listed = run(["invoke", "--list"], repo, env)
    assert "build-prod" in listed.stdout and "dev-up" in listed.stdout

    # This machine's dev ports, and nothing else, changed by hand.
    port = free_port()
    with (repo / "warmbuild.yaml").open("a") as config:
        config.write(f"\ndev:\n  backend_port: {port}\n")
    run(["invoke", "build-prod", "--branch", "main"], repo, env)
    prod = f"127.0.0.1:5000/{name}/prod:main"
    container = docker.run(prod, detach=True, read_only=True, tmpfs=["/tmp"], name=f"{unique}-prod")
    try:
        assert wait_healthy(container.id, 120), docker.logs(container)
    finally:
        container.remove(force=True)

    try:
        run(["invoke", "dev-up", "--branch", "main"], repo, env)
        healthy = time.monotonic()
        assert get_json(f"http://127.0.0.1:{port}{detected['health_path']}")
        info = get_json(f"http://127.0.0.1:{port}/info")
        assert {key: info[key] for key in answers} == answers
        print(
            f"{app}: pip install {installed - started:.0f}s; from pip install to a healthy dev-up "
            f"{healthy - started:.0f}s (init, build-prod and its checks included)"
        )
    finally:
        subprocess.run(["invoke", "dev-down"], cwd=repo, env=env, capture_output=True, timeout=120)
