"""Test harness: two kinds of tests, declared strictly.

- ``unit``: pure, no engine, no network. DOCKER_HOST points nowhere, so a unit test
  that reaches for Docker fails loudly instead of passing by luck.
- ``engine``: a real Docker Engine with buildx and the local registry. With
  ``CI=true`` a missing engine FAILS these tests; elsewhere they skip with the reason.

The kind comes from the folder (tests/unit, tests/engine), so no test is unmarked.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import purge_app

from warmbuild import registry_http

REPO_ROOT = Path(__file__).resolve().parent.parent
REGISTRY = os.environ.get("WARMBUILD_TEST_REGISTRY", "127.0.0.1:5000")
IN_CI = os.environ.get("CI", "").lower() == "true"


def pytest_collection_modifyitems(items):
    for item in items:
        kind = Path(str(item.fspath)).parent.name
        if kind not in ("unit", "engine", "e2e"):
            raise pytest.UsageError(f"{item.nodeid}: tests live in tests/unit, tests/engine or tests/e2e")
        item.add_marker("engine" if kind == "e2e" else kind)


def _engine_problem() -> str:
    try:
        info = subprocess.run(
            ["docker", "info", "--format", "{{.ServerVersion}}"], capture_output=True, text=True, timeout=20
        )
        if info.returncode != 0 or not info.stdout.strip():
            return f"Docker Engine not reachable: {(info.stderr or info.stdout).strip().splitlines()[-1:]}"
        buildx = subprocess.run(["docker", "buildx", "version"], capture_output=True, text=True, timeout=20)
        if buildx.returncode != 0:
            return "docker buildx is missing"
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"docker client unusable: {error}"
    problem = registry_http.ping(REGISTRY)
    return f"registry {REGISTRY} not reachable: {problem}" if problem else ""


@pytest.fixture(autouse=True)
def _guard_by_kind(request, monkeypatch, engine_problem_lazy):
    if request.node.get_closest_marker("unit"):
        # Any Docker call from a unit test fails at once.
        monkeypatch.setenv("DOCKER_HOST", "unix:///unit-tests-must-not-use-docker.sock")
        return
    problem = engine_problem_lazy()
    if problem:
        message = f"engine test needs ci/provision-engine.sh: {problem}"
        if IN_CI:
            pytest.fail(message, pytrace=False)
        # Deliberate: on a laptop without an engine, engine tests skip with the reason.
        pytest.skip(message)


@pytest.fixture(scope="session")
def engine_problem_lazy():
    """Probe the engine once, and only if an engine test runs."""
    cache: list[str] = []

    def probe() -> str:
        if not cache:
            cache.append(_engine_problem())
        return cache[0]

    return probe


@pytest.fixture(scope="session")
def registry() -> str:
    return REGISTRY


@pytest.fixture
def unique(request) -> Iterator[str]:
    """A name no other test (or earlier run) uses: images and cache refs never collide.
    Afterwards `invoke gc --purge` takes the test's images and caches from the
    registry and this machine (each holds up to ~1 GB: a suite run would otherwise
    fill a runner's disk after a few runs)."""
    slug = re.sub(r"[^a-z0-9]+", "-", request.node.name.lower()).strip("-")[:40]
    name = f"wbt-{slug}-{uuid.uuid4().hex[:8]}"
    yield name
    if shutil.which("docker") and not registry_http.ping(REGISTRY):
        purge_app(name, REGISTRY)


def pytest_terminal_summary(terminalreporter):
    """The figures engine tests measured (what they print), together at the end of
    the run: CI's log shows them without -s."""
    lines = [
        f"{report.nodeid.split('::')[-1]}: {line.strip()}"
        for report in terminalreporter.stats.get("passed", [])
        if report.when == "call" and not report.nodeid.startswith("tests/unit")
        for line in report.capstdout.splitlines()
        if line.strip()
    ]
    if lines:
        terminalreporter.section("measured figures")
        for line in lines:
            terminalreporter.write_line(line)
