"""Test harness: two kinds of tests, declared strictly.

- ``unit``: pure, no engine, no network. DOCKER_HOST points nowhere, so a unit test
  that reaches for Docker fails loudly instead of passing by luck.
- ``engine``: a real Docker Engine with buildx and the local registry. With
  ``CI=true`` a missing engine FAILS these tests; elsewhere they skip with the reason.

The kind comes from the folder (tests/unit, tests/engine), so no test is unmarked.

No test prunes the shared engine's builder: one that needs a new machine (an empty
builder and image store) gets an engine of its own (support_engines.new_machine);
one that needs its steps uncached makes its inputs unique.

After a session that ran engine tests, the registry and the local image store must
hold nothing its tests created (support_leftovers says what counts): what is left is
listed at the end and fails the run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from support import IN_CI, RegistryProcess
from support_leftovers import Holdings, leftovers, purge, read_holdings

from warmbuild import quick, registry_http
from warmbuild.errors import WarmbuildError

REPO_ROOT = Path(__file__).resolve().parent.parent
REGISTRY = os.environ.get("WARMBUILD_TEST_REGISTRY", "127.0.0.1:5000")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
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
def _guard_by_kind(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, engine_problem_lazy: Callable[[], str]
) -> None:
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


@dataclass
class LeftoverCheck:
    """What the session's engine tests were named, and what the registry and the image
    store held when the first of them started."""

    before: Holdings | None = None
    names: list[str] = field(default_factory=list)
    found: list[str] | None = None


CHECK = pytest.StashKey[LeftoverCheck]()


def pytest_configure(config: pytest.Config) -> None:
    config.stash[CHECK] = LeftoverCheck()
    # warmbuild's quick records of the session's runs go to a folder of its own, removed
    # at the end: the tests leave nothing in the user's cache.
    os.environ[quick.FOLDER_VARIABLE] = tempfile.mkdtemp(prefix="warmbuild-quick-")


def pytest_unconfigure() -> None:
    folder = os.environ.pop(quick.FOLDER_VARIABLE, "")
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def engine_problem_lazy(pytestconfig: pytest.Config) -> Callable[[], str]:
    """Probe the engine once, and only if an engine test runs; with an engine, note
    what the registry and the image store hold before any engine test."""
    cache: list[str] = []

    def probe() -> str:
        if not cache:
            cache.append(_engine_problem())
            if not cache[0]:
                pytestconfig.stash[CHECK].before = read_holdings(REGISTRY, [])
        return cache[0]

    return probe


@pytest.fixture(scope="session")
def registry() -> str:
    return REGISTRY


@pytest.fixture
def own_registry(tmp_path: Path) -> Iterator[RegistryProcess]:
    """A registry process of the test's own on a free loopback port, not started (the
    test starts, stops and restarts it); stopped afterwards."""
    registry = RegistryProcess(tmp_path / "own-registry")
    yield registry
    registry.stop()


@pytest.fixture
def unique(request: pytest.FixtureRequest) -> Iterator[str]:
    """A name no other test (or earlier run) uses: images and cache refs never collide.
    Afterwards `invoke gc --purge` takes the test's images and caches from the
    registry and this machine (each holds up to ~1 GB: a suite run would otherwise
    fill a runner's disk after a few runs)."""
    slug = re.sub(r"[^a-z0-9]+", "-", request.node.name.lower()).strip("-")[:40]
    name = f"wbt-{slug}-{uuid.uuid4().hex[:8]}"
    request.config.stash[CHECK].names.append(name)
    yield name
    if shutil.which("docker") and not registry_http.ping(REGISTRY):
        purge(name, REGISTRY)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """After every test and fixture: what the session's tests left fails the run."""
    check = session.config.stash[CHECK]
    if check.before is None:
        return  # no engine test ran
    try:
        check.found = leftovers(read_holdings(REGISTRY, check.names), check.before, check.names)
    except (OSError, WarmbuildError) as error:
        check.found = [f"(could not read the registry or the image store: {error})"]
    if check.found and session.exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The figures engine tests measured (what they print), together at the end of
    the run: CI's log shows them without -s; then what the tests left behind."""
    lines = [
        f"{report.nodeid.split('::')[-1]}: {line.strip()}"
        # An expected failure (a known gap, strict) measures what it ran too.
        for report in [*terminalreporter.stats.get("passed", []), *terminalreporter.stats.get("xfailed", [])]
        if report.when == "call" and not report.nodeid.startswith("tests/unit")
        for line in report.capstdout.splitlines()
        if line.strip()
    ]
    if lines:
        terminalreporter.section("measured figures")
        for line in lines:
            terminalreporter.write_line(line)
    found = terminalreporter.config.stash[CHECK].found
    if found is not None:
        terminalreporter.section("leftovers: tagged images this run's tests created")
        for reference in found:
            terminalreporter.write_line(reference, red=True)
        terminalreporter.write_line(
            f"{len(found)} left: the run fails" if found else "none in the registry or the local image store"
        )
