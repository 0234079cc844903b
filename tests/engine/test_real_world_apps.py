"""What real backends hold, built and run by configuration alone (apps in
tests/data/apps): packages published only as source with C and C++ extensions, a
uv.lock, a requirements file without hashes, a path and a git dependency, Python 3.11.
Every prod image runs with a read-only root filesystem and answers its health route."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from python_on_whales import docker
from support import DATA, address_of, get_json, wait_healthy, write_settings
from support_cli import invoke, task_report

APPS = DATA / "apps"
# Compilers, headers and build-only packages that must never reach deps, dev or prod.
LEFTOVERS = (
    "for c in cc gcc g++ c++ make; do command -v $c; done;"
    " find / -xdev -name Python.h -print;"
    " /opt/venv/bin/python -c 'import importlib.util as u;"
    ' print(*[m for m in ("setuptools", "Cython", "wheel", "pip") if u.find_spec(m)])\';'
    " true"
)


def build(config: Path, target: str, report: Path, *flags: str) -> dict[str, Any]:
    started = time.monotonic()
    builds: dict[str, Any] = task_report(f"build-{target}", config, report, "--branch", "main", *flags)
    # The whole command as the user waits for it (the closing notes quote these).
    builds["seconds"] = time.monotonic() - started
    return builds


def figures(app: str, cold: dict[str, Any], noop: dict[str, Any]) -> str:
    return (
        f"\n{app}: build-prod {cold['seconds']:.1f}s from this machine's state, nothing changed "
        f"{noop['seconds']:.2f}s; prod image {cold['prod']['image_bytes'] / 1e6:.0f} MB"
    )


def run_and_ask(image: str, name: str, port: int, path: str) -> dict[str, Any]:
    """The image with a read-only root filesystem: healthy, and its answer at ``path``."""
    container = docker.run(image, detach=True, read_only=True, tmpfs=["/tmp"], name=name)
    try:
        assert wait_healthy(container.id), docker.logs(container)
        return get_json(f"http://{address_of(container.id)}:{port}{path}")
    finally:
        container.remove(force=True)


def leftovers(image: str) -> str:
    return docker.run(image, ["sh", "-c", LEFTOVERS], remove=True, entrypoint="", user="0").strip()


def test_source_only_packages_compile_in_a_throwaway_stage(tmp_path: Path, unique: str) -> None:
    shutil.copytree(APPS / "compiled-app", tmp_path / "app")
    settings = {"name": unique, "context": "app", "heavy": ["mmh3"], "apt_packages": ["libpq5"]}
    # The runtime library where its headers are needed (a common slip): a one-line
    # error naming the package and the fix.
    config = write_settings(tmp_path / "warmbuild.yaml", **settings, build_apt_packages=["libpq5"])
    failed = invoke("build-prod", "--config", str(config), "--branch", "main")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert failed.stderr.strip().splitlines() == [
        "error: compiling psycopg2==2.9.10 from source failed: pg_config is missing in the build image; "
        "fix: add the Debian package to `build_apt_packages:` in warmbuild.yaml (for pg_config: libpq-dev)"
    ]

    config = write_settings(tmp_path / "warmbuild.yaml", **settings, build_apt_packages=["libpq-dev"])
    plan = invoke("plan", "--config", str(config), "--branch", "main")
    assert "built from source in the wheel-build stage (python:3.13): mmh3==3.0.0" in " ".join(plan.stdout.split())
    prod = build(config, "prod", tmp_path / "prod.json")
    # Compiled now, or by an earlier run on this machine (the wheel-build cache).
    assert prod["deps"]["built_from_source"] == ["mmh3==3.0.0"], "the heavy one, in the deps image"
    assert prod["prod"]["built_from_source"] == ["psycopg2==2.9.10"], "the light one, in prod"
    assert set(prod["prod"]["compiled"]) <= {"psycopg2==2.9.10"}
    answer = run_and_ask(prod["prod"]["image"], f"{unique}-prod", 8000, "/info")
    # MurmurHash3 (x86, 32-bit, seed 0) of "warmbuild", as the C++ extension computes it.
    assert answer["mmh3"] == 656639264 and answer["libpq"] >= 150000, answer

    dev = build(config, "dev", tmp_path / "dev.json")
    for image in (prod["deps"]["image"], prod["prod"]["image"], dev["dev"]["image"]):
        assert leftovers(image) == "", f"compiler, header or build-only package in {image}"
    tests_in_dev = docker.run(dev["dev"]["image"], ["python", "-c", "import pytest, mmh3, psycopg2"], remove=True)
    assert tests_in_dev == "", "the dev group and both compiled packages are in dev"
    noop = build(config, "prod", tmp_path / "noop.json")
    assert noop["deps"]["skipped"] and noop["prod"]["outcome"] == "unchanged", "nothing changed: no buildx run"
    print(figures("compiled-app (uv.lock, C/C++ sources)", prod, noop))

    main_py = tmp_path / "app" / "app" / "main.py"
    main_py.write_text(main_py.read_text() + f"\n# a code change ({unique})\n")
    again = build(config, "prod", tmp_path / "again.json")
    assert again["deps"]["skipped"] and again["prod"]["compiled"] == [], "a code change compiles nothing"
    assert again["prod"]["built_from_source"] == ["psycopg2==2.9.10"]
    wheel_steps = [s for s in again["prod"]["steps"] if s["stage"] == "wheel-build"]
    assert wheel_steps and all(s["cached"] for s in wheel_steps)


@pytest.fixture
def git_server(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """The `tagline` package in a git repository served over HTTP on loopback (git's
    dumb protocol), its commit fixed by fixed dates and author."""
    source = tmp_path / "tagline-src"
    (source / "tagline").mkdir(parents=True)
    (source / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["setuptools>=69"]\nbuild-backend = "setuptools.build_meta"\n\n'
        '[project]\nname = "tagline"\nversion = "0.1.0"\n'
    )
    (source / "tagline" / "__init__.py").write_text('TAGLINE = "from a git dependency, pinned to a commit"\n')
    identity = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t"}
    identity |= {"GIT_COMMITTER_EMAIL": "t@example.invalid", "GIT_AUTHOR_DATE": "2026-01-01T00:00:00Z"}
    identity |= {"GIT_COMMITTER_DATE": "2026-01-01T00:00:00Z"}
    env = {**os.environ, **identity}
    for command in (["init", "-q", "-b", "main"], ["add", "."], ["commit", "-q", "-m", "tagline 0.1.0"]):
        subprocess.run(["git", *command], cwd=source, env=env, check=True)
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=source, capture_output=True, text=True).stdout.strip()
    served = tmp_path / "served"
    served.mkdir()
    subprocess.run(["git", "clone", "-q", "--bare", str(source), str(served / "tagline.git")], check=True)
    subprocess.run(["git", "update-server-info"], cwd=served / "tagline.git", check=True)
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", "0", "--directory", str(served)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert server.stdout is not None  # PIPE
    port = int(server.stdout.readline().split(" port ")[1].split()[0])
    yield f"http://127.0.0.1:{port}/tagline.git", commit
    server.terminate()
    server.wait(10)
    server.stdout.close()


def test_python_311_unhashed_requirements_with_path_and_git_dependencies(
    tmp_path: Path, unique: str, git_server: tuple[str, str]
) -> None:
    url, commit = git_server
    shutil.copytree(APPS / "legacy-app", tmp_path / "repo")
    requirements = tmp_path / "repo" / "service" / "requirements.txt"
    requirements.write_text(requirements.read_text() + f"tagline @ git+{url}@{commit}\n")
    config = write_settings(
        tmp_path / "repo" / "warmbuild.yaml",
        name=unique,
        context="service",
        python_image="python:3.11-slim",
        installer="pip",
        heavy=["numpy"],
        apt_packages=[],
        # The git repository is on the host's loopback: RUN steps need the host network.
        network="host",
    )
    prod = build(config, "prod", tmp_path / "prod.json")
    notes = " ".join(prod["prod"]["notes"])
    assert "has no --hash lines: the packages' integrity is not verified" in notes
    # The requirements file pins the git dependency by commit, not by version.
    assert prod["prod"]["compiled"] == ["tagline"]
    answer = run_and_ask(prod["prod"]["image"], f"{unique}-prod", 8000, "/info")
    assert answer == {
        "numpy": "1.26.4",
        "greeting": "hello from a path dependency",
        "tagline": "from a git dependency, pinned to a commit",
    }

    noop = build(config, "prod", tmp_path / "noop.json")
    assert noop["deps"]["skipped"] and noop["prod"]["outcome"] == "unchanged", "nothing changed: no buildx run"
    print(figures("legacy-app (3.11, unhashed requirements, path + git)", prod, noop))

    # The path dependency changes with the code: its own step re-runs, the lock's do not.
    # The edit names this run: the same edit in an earlier run on this machine would be
    # in the builder's cache, and its step would not run again.
    library = tmp_path / "repo" / "libs" / "greeting" / "greeting" / "__init__.py"
    library.write_text(library.read_text().replace("hello from", f"hello again ({unique}) from"))
    started = time.monotonic()
    again = build(config, "prod", tmp_path / "again.json")
    print(f"prod after a path dependency's edit: {time.monotonic() - started:.1f}s")
    executed = [s["name"] for s in again["prod"]["steps"] if not s["cached"]]
    assert any("install-python-deps paths" in name for name in executed), executed
    assert not any("install-python-deps light" in name for name in executed), executed
    answer = run_and_ask(again["prod"]["image"], f"{unique}-again", 8000, "/info")
    assert answer["greeting"] == f"hello again ({unique}) from a path dependency"
