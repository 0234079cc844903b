"""doctor's verdicts: a table of engine facts -> the checks a user sees."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from warmbuild.doctor import Check, Facts, Status, evaluate, problems, version_tuple
from warmbuild.engine import EngineFacts, Resolved, Unresolved

HEALTHY = EngineFacts(
    server_version="26.1.5+dfsg1",
    buildx_version="0.13.1+ds1",
    builder_name="default",
    builder_driver="docker",
    containerd_store=True,
    mirrors=("http://127.0.0.1:5000/",),
)
Bases = tuple[tuple[str, Resolved | Unresolved], ...]
BASES: Bases = (("python:3.13-slim", Resolved("sha256:aa", "http://127.0.0.1:5000")),)


def facts(engine: EngineFacts = HEALTHY, registry_problem: str | None = None, bases: Bases = BASES) -> Facts:
    return Facts(engine, "127.0.0.1:5000", registry_problem, bases, "2.26.1-4")


def verdicts(checks: Sequence[Check]) -> dict[str, Status]:
    return {check.name: check.status for check in checks}


def test_healthy_machine_has_no_problems() -> None:
    checks = evaluate(facts())
    assert problems(checks) == []
    assert [c.name for c in checks] == [
        "engine",
        "buildx",
        "builder",
        "cache export",
        "cache import",
        "image loading",
        "registry",
        "base python:3.13-slim",
        "compose",
    ]


@pytest.mark.parametrize(
    "engine_facts, registry_problem, bases, expected_problems, fix_mentions",
    [
        pytest.param(
            EngineFacts(server_error="Cannot connect", buildx_version="0.13.1", docker_host="tcp://nowhere:1"),
            None,
            BASES,
            ["engine"],
            "DOCKER_HOST",
            id="daemon-down",
        ),
        pytest.param(
            EngineFacts(server_version="26.1.5", buildx_error="'buildx' is not a docker command"),
            None,
            BASES,
            ["buildx"],
            "docker-buildx",
            id="buildx-missing",
        ),
        pytest.param(
            EngineFacts(
                server_version="26.1.5", buildx_version="0.10.4", builder_name="default", builder_driver="docker"
            ),
            None,
            BASES,
            ["buildx", "cache export"],
            "upgrade",
            id="buildx-too-old",
        ),
        pytest.param(
            EngineFacts(
                server_version="20.10.24", buildx_version="0.13.1", builder_name="default", builder_driver="docker"
            ),
            None,
            BASES,
            ["engine", "cache export"],
            "upgrade Docker Engine",
            id="engine-too-old",
        ),
        pytest.param(
            EngineFacts(
                server_version="26.1.5", buildx_version="0.13.1", builder_name="default", builder_driver="docker"
            ),
            None,
            BASES,
            ["cache export"],
            "containerd-snapshotter",
            id="classic-store-cannot-export",
        ),
        pytest.param(
            EngineFacts(
                server_version="26.1.5", buildx_version="0.13.1", builder_name="ci", builder_driver="docker-container"
            ),
            None,
            BASES,
            [],
            "",
            id="docker-container-exports",
        ),
        pytest.param(HEALTHY, "[Errno 111] Connection refused", BASES, ["registry"], "--registry", id="registry-down"),
        pytest.param(
            HEALTHY,
            None,
            (("python:3.13-slim", Unresolved("no such host")),),
            ["base python:3.13-slim"],
            "mirror",
            id="base-unresolvable",
        ),
    ],
)
def test_each_problem_names_its_fix(
    engine_facts: EngineFacts,
    registry_problem: str | None,
    bases: Bases,
    expected_problems: list[str],
    fix_mentions: str,
) -> None:
    found = problems(evaluate(facts(engine_facts, registry_problem, bases)))
    assert [c.name for c in found] == expected_problems
    if found:
        assert fix_mentions in found[0].fix


def test_checks_that_depend_on_the_engine_are_not_reported_as_problems() -> None:
    checks = evaluate(facts(EngineFacts(server_error="down", buildx_version="0.13.1")))
    status = verdicts(checks)
    assert status["builder"] is Status.NOT_CHECKED
    assert status["base python:3.13-slim"] is Status.NOT_CHECKED


@pytest.mark.parametrize(
    "text, expected", [("26.1.5+dfsg1", (26, 1, 5)), ("0.13.1+ds1", (0, 13, 1)), ("v0.12.0-rc1", (0, 12, 0))]
)
def test_version_tuple(text: str, expected: tuple[int, ...]) -> None:
    assert version_tuple(text) == expected


REMOTE_CONTEXT = EngineFacts(
    **{**HEALTHY.__dict__, "builder_name": "shared", "builder_engine": "shared", "builder_endpoint": "shared"}
)


@pytest.mark.parametrize(
    ("engine_facts", "export", "loading", "mentions"),
    [
        pytest.param(HEALTHY, Status.OK, Status.OK, "into this engine's image store", id="local-engine"),
        pytest.param(
            EngineFacts(**{**REMOTE_CONTEXT.__dict__, "builder_engine_containerd_store": True}),
            Status.OK,
            Status.WARNING,
            "dev-up refuse",
            id="other-context-containerd",
        ),
        # The other engine's store decides, not this one's.
        pytest.param(REMOTE_CONTEXT, Status.PROBLEM, Status.WARNING, "context shared", id="other-context-classic"),
        pytest.param(
            EngineFacts(**{**HEALTHY.__dict__, "builder_driver": "remote", "builder_endpoint": "tcp://b:1234"}),
            Status.OK,
            Status.OK,
            "over the wire",
            id="remote-driver",
        ),
    ],
)
def test_where_a_builder_exports_cache_and_loads_images(
    engine_facts: EngineFacts, export: Status, loading: Status, mentions: str
) -> None:
    checks = {check.name: check for check in evaluate(facts(engine_facts))}
    assert (checks["cache export"].status, checks["image loading"].status) == (export, loading)
    assert mentions in checks["image loading"].detail
    assert problems(list(checks.values())) == ([checks["cache export"]] if export is Status.PROBLEM else [])


@pytest.mark.parametrize(
    "version, team_file, status, detail",
    [
        pytest.param("2.26.1-4", True, Status.OK, "Docker Compose 2.26.1-4", id="debian-s-2.26"),
        pytest.param("2.21.0", False, Status.OK, "Docker Compose 2.21.0", id="old-enough-for-our-stack"),
        pytest.param("2.21.0", True, Status.PROBLEM, "`!reset`), which needs 2.24", id="too-old-for-a-team-file"),
        pytest.param("2.16.0", False, Status.PROBLEM, "dev-up waits with it, which needs 2.17", id="too-old"),
        pytest.param("", False, Status.PROBLEM, "`docker compose` is not installed", id="missing"),
    ],
)
def test_compose_is_new_enough_for_the_dev_stack(version: str, team_file: bool, status: Status, detail: str) -> None:
    found = Facts(HEALTHY, "127.0.0.1:5000", None, BASES, version, team_file)
    [check] = [check for check in evaluate(found) if check.name == "compose"]
    assert check.status is status and detail in check.detail
    assert (check.fix != "") is (status is Status.PROBLEM)


EMULATING = ("linux/amd64", "linux/amd64/v2", "linux/arm64")


@pytest.mark.parametrize(
    "builder_platforms, wanted, status, detail",
    [
        pytest.param(
            EMULATING,
            ("linux/amd64", "linux/arm64"),
            Status.OK,
            "linux/amd64, linux/arm64 (linux/arm64: packages cross-installed, the rest under an emulator)",
            id="emulator-registered",
        ),
        pytest.param(
            ("linux/amd64",),
            ("linux/amd64", "linux/arm64"),
            Status.PROBLEM,
            "builder default cannot run linux/arm64 steps (it runs linux/amd64)",
            id="no-emulator",
        ),
        pytest.param(("linux/amd64",), ("linux/amd64",), Status.OK, "linux/amd64", id="its-own-only"),
        pytest.param((), ("linux/arm64",), Status.NOT_CHECKED, "the builder lists no platforms", id="unknown"),
        pytest.param(EMULATING, (), None, "", id="none-configured-no-row"),
    ],
)
def test_the_configured_platforms_are_ones_the_builder_runs(
    builder_platforms: tuple[str, ...], wanted: tuple[str, ...], status: Status | None, detail: str
) -> None:
    engine = EngineFacts(
        **{**HEALTHY.__dict__, "builder_platform": "linux/amd64", "builder_platforms": builder_platforms}
    )
    found = Facts(engine, "127.0.0.1:5000", None, BASES, "2.26.1-4", False, wanted)
    rows = [check for check in evaluate(found) if check.name == "platforms"]
    if status is None:
        assert rows == []
        return
    [check] = rows
    assert (check.status, check.detail) == (status, detail)
    assert ("qemu-user-static" in check.fix) is (status is Status.PROBLEM)
