"""The pipeline's decisions, driven by a fake engine: every outcome of deps reuse,
cache warming, failure classification and the dev loop's choices, as tables."""

from __future__ import annotations

import base64
import dataclasses
import itertools
import os
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_engine import FakeEngine, progress_of
from support import DOCKERFILE, EXAMPLE, REPO_ROOT, VARIANTS, copy_example_app, sample_inputs

from warmbuild import devloop, pipeline, plan, warm
from warmbuild.engine import ServiceState
from warmbuild.errors import (
    BuildFailed,
    CacheBlobsMissing,
    ConfigError,
    DiskFull,
    EngineError,
    RegistryError,
    WarmbuildError,
)
from warmbuild.failures import classify_failure, is_transient
from warmbuild.options import CacheOptions, Config, DevOptions, FrontendOptions, load_config
from warmbuild.plan import Output
from warmbuild.progress import BuildRun
from warmbuild.repo import RepoState
from warmbuild.report import Outcome


def inputs_in(tmp_path: Path, config: Config | None = None, **changes: Any) -> plan.BuildInputs:
    repo = RepoState(root=tmp_path, branch="main", revision="c0ffee", commit_time=1_700_000_000)
    return sample_inputs(config, repo=repo, **changes)


def output_of(argv: tuple[str, ...]) -> str:
    return argv[argv.index("--output") + 1]


# --- the deps image: reused or built, and where it goes -------------------------------------


@pytest.mark.parametrize(
    "in_registry, in_local_store, reachable, push, expected, built_output",
    [
        pytest.param(True, False, True, True, Outcome.REUSED_FROM_REGISTRY, None, id="in-registry"),
        pytest.param(False, False, True, True, Outcome.BUILT, "type=image,push=true", id="missing-built-and-pushed"),
        pytest.param(False, True, True, False, Outcome.REUSED_FROM_LOCAL_STORE, None, id="pull-request-local-copy"),
        pytest.param(False, False, True, False, Outcome.BUILT, "type=docker", id="pull-request-built-locally"),
        pytest.param(True, True, False, True, Outcome.REUSED_FROM_LOCAL_STORE, None, id="registry-down-local-copy"),
        pytest.param(False, False, False, True, Outcome.BUILT, "type=docker", id="registry-down-built-locally"),
    ],
)
def test_deps_image_outcomes(
    tmp_path: Path,
    in_registry: bool,
    in_local_store: bool,
    reachable: bool,
    push: bool,
    expected: Outcome,
    built_output: str | None,
) -> None:
    inputs = inputs_in(tmp_path, registry_reachable=reachable)
    image = plan.deps_image(inputs)
    engine = FakeEngine(
        registry={image} if in_registry else set(),
        local={image: 5} if in_local_store else {},
        registry_down=not reachable,
    )
    summary = pipeline.ensure_deps(engine, inputs, push=push, require_registry=False)
    assert summary.outcome is expected
    assert summary.image == image
    if built_output is None:
        assert engine.builds == [] and summary.steps == ()
    else:
        [argv] = engine.builds
        assert output_of(argv).startswith(built_output)
        assert summary.pushed == ((image,) if built_output.startswith("type=image") else ())


def test_deps_image_needs_the_registry_when_the_task_pushes(tmp_path: Path) -> None:
    inputs = inputs_in(tmp_path, registry_reachable=False)
    with pytest.raises(RegistryError) as error:
        pipeline.ensure_deps(FakeEngine(registry_down=True), inputs, require_registry=True)
    assert error.value.exit_code == 5 and "nothing was pushed" in error.value.fix


def test_a_push_checks_the_registry_first_and_builds_nothing_when_it_is_gone(tmp_path: Path) -> None:
    inputs = inputs_in(tmp_path)
    engine = FakeEngine(registry_down=True)
    with pytest.raises(RegistryError, match="is unreachable"):
        pipeline.execute(engine, plan.plan_build(inputs, "prod", Output.PUSH))
    assert engine.builds == []


def test_a_loaded_image_reports_its_size_and_a_cache_only_build_none(tmp_path: Path) -> None:
    inputs = inputs_in(tmp_path)
    loaded = pipeline.execute(FakeEngine(), plan.plan_build(inputs, "prod"))
    cache_only = pipeline.execute(FakeEngine(), plan.plan_build(inputs, "prod", Output.CACHE_ONLY))
    assert loaded.image_bytes == 1_000_001 and cache_only.image_bytes is None


# --- cache-warm: export only when there is something new ------------------------------------------

PROBE_CACHED = {"[prod 1/2] RUN install": True, "[prod 2/2] COPY . /app": True}
PROBE_WORKED = {"[prod 1/2] RUN install": True, "[prod 2/2] COPY . /app": False}


@pytest.mark.parametrize(
    "config, probe, ref_exists, builds, exported, note",
    [
        pytest.param(EXAMPLE, PROBE_WORKED, True, 2, True, None, id="work-done-exports"),
        pytest.param(EXAMPLE, PROBE_CACHED, False, 2, True, None, id="no-cache-yet-exports"),
        pytest.param(EXAMPLE, PROBE_CACHED, True, 1, False, warm.CURRENT_NOTE, id="current-exports-nothing"),
        pytest.param(EXAMPLE, PROBE_CACHED, "broken", 2, True, warm.REPAIRED_NOTE, id="lost-blobs-exports-again"),
        pytest.param(
            EXAMPLE.model_copy(update={"cache": CacheOptions(read_only=True)}),
            PROBE_WORKED,
            False,
            1,
            False,
            "read-only cache (pull-request mode): importing, never exporting",
            id="read-only-never-exports",
        ),
    ],
)
def test_warm_one_outcomes(
    tmp_path: Path,
    config: Config,
    probe: dict[str, bool],
    ref_exists: bool | str,
    builds: int,
    exported: bool,
    note: str | None,
) -> None:
    inputs = inputs_in(tmp_path, config)
    ref = plan.cache_ref(inputs.config, "prod", "main")
    engine = FakeEngine(
        registry={ref} if ref_exists else set(),
        broken_caches={ref} if ref_exists == "broken" else set(),
        results=[probe, probe],
    )
    summary = warm.warm_one(
        engine, lambda export: plan.plan_build(inputs, "prod", Output.CACHE_ONLY, export_cache=export)
    )
    assert len(engine.builds) == builds
    assert all(output_of(argv) == "type=cacheonly" for argv in engine.builds)
    assert ("--cache-to" in engine.builds[-1]) is exported
    assert bool(summary.cache_to) is exported
    if note:
        assert summary.notes == (note,)


def test_cache_warm_warms_every_image_of_the_app(tmp_path: Path) -> None:
    inputs = inputs_in(tmp_path, frontend_dockerfile=Path("/repo/frontend.Dockerfile"))
    assert [maker(False).target for maker in warm.plan_makers(inputs)] == [
        "dev",
        "prod",
        "frontend-dev",
        "frontend-prod",
    ]
    without = inputs_in(tmp_path)
    assert [maker(False).target for maker in warm.plan_makers(without)] == ["dev", "prod"]


@pytest.mark.parametrize(
    "deps_in_registry, branch_cache, builds, deps_exported",
    [
        # Built here: its build exported the cache; no warming of deps.
        pytest.param(False, False, ["deps", "dev", "dev", "prod", "prod"], True, id="deps-built-here"),
        # Pushed by a laptop (no cache): probed cache-only, then exported.
        pytest.param(True, False, ["deps", "deps", "dev", "dev", "prod", "prod"], True, id="pushed-elsewhere"),
        # Pushed, and its cache current: probed, nothing exported.
        pytest.param(True, True, ["deps", "dev", "dev", "prod", "prod"], False, id="pushed-and-current"),
    ],
)
def test_cache_warm_warms_the_deps_cache_of_an_image_pushed_elsewhere(
    tmp_path: Path, deps_in_registry: bool, branch_cache: bool, builds: list[str], deps_exported: bool
) -> None:
    inputs = inputs_in(tmp_path)
    deps_ref = plan.cache_ref(inputs.config, "deps", "main")
    registry = ({plan.deps_image(inputs)} if deps_in_registry else set()) | ({deps_ref} if branch_cache else set())
    engine = FakeEngine(registry=registry, results=[PROBE_CACHED] * 8)
    summaries = warm.warm_all(engine, inputs)
    assert [argv[argv.index("--target") + 1] for argv in engine.builds] == builds
    assert [s.target for s in summaries] == ["deps", "dev", "prod"], "one summary for deps"
    assert summaries[0].skipped is deps_in_registry
    assert bool(summaries[0].cache_to) is deps_exported


@pytest.mark.parametrize(
    "target, export_local, deps_exports",
    [
        pytest.param("deps", False, True, id="build-deps-writes-the-deps-cache"),
        pytest.param("prod", False, False, id="build-prod-imports-only"),
        pytest.param("dev", False, False, id="build-dev-and-dev-up-import-only"),
        pytest.param("prod", True, True, id="export-local-writes-it"),
    ],
)
def test_which_builds_export_the_deps_cache(
    tmp_path: Path, target: str, export_local: bool, deps_exports: bool
) -> None:
    config = EXAMPLE.model_copy(update={"cache": CacheOptions(export_local=export_local)})
    inputs = inputs_in(tmp_path, config)
    deps_plan = plan.request_plans(inputs, plan.BuildRequest(plan.Target(target)))[0]
    assert plan.exports_deps_cache(config, target) is deps_exports
    assert ("--cache-to" in deps_plan.argv) is deps_exports
    engine = FakeEngine()
    pipeline.ensure_deps(engine, inputs, export_cache=plan.exports_deps_cache(config, target))
    [argv] = engine.builds
    assert ("--cache-to" in argv) is deps_exports


@pytest.mark.parametrize(
    ("results", "imports_of_each_build", "fails"),
    [
        pytest.param([CacheBlobsMissing("gone")], [1, 0], False, id="falls-back-without-registry-cache"),
        pytest.param([CacheBlobsMissing("gone"), CacheBlobsMissing("gone")], [1, 0], True, id="fails-once-bare"),
        pytest.param([BuildFailed("step")], [1], True, id="other-failures-do-not-retry"),
    ],
)
def test_a_cache_that_loses_blobs_under_a_build_is_left_out(
    tmp_path: Path, results: list[WarmbuildError], imports_of_each_build: list[int], fails: bool
) -> None:
    inputs = inputs_in(tmp_path)
    engine = FakeEngine(results=list(results))
    build_plan = plan.plan_build(inputs, "prod", Output.LOAD, export_cache=False)
    if fails:
        with pytest.raises(BuildFailed):
            pipeline.execute(engine, build_plan)
    else:
        summary = pipeline.execute(engine, build_plan)
        assert "built again without registry cache" in summary.notes[-1]
    assert [argv.count("--cache-from") for argv in engine.builds] == imports_of_each_build


# --- failures in the user's terms -------------------------------------------------------------------


def failed_run(
    vertices: list[dict[str, str]], messages: list[str] | None = None, logs: list[dict[str, str]] | None = None
) -> BuildRun:
    progress = progress_of({})
    progress.feed({"vertexes": vertices, "logs": logs or []})
    return BuildRun(argv=(), progress=progress, returncode=1, messages=messages or [])


# uv's words when the builder's disk fills while it unpacks a wheel.
UV_DISK_FULL = (
    b"Downloading scipy\n"
    b"  cause: failed to write to file `/root/.cache/uv/x.so`: No space left on device (os error 28)\n"
)


@pytest.mark.parametrize(
    "run, kind, message",
    [
        pytest.param(
            failed_run(
                [{"digest": "s", "name": "[deps 3/3] RUN install-python-deps heavy", "error": "exit code: 1"}],
                logs=[{"vertex": "s", "data": "TWlzc2luZyBoZWFkZXIKTm8gc3BhY2U="}],  # "Missing header\nNo space"
            ),
            BuildFailed,
            "build failed at [deps 3/3] RUN install-python-deps heavy: exit code: 1 (Missing header | No space)",
            id="failed-step-with-its-log",
        ),
        pytest.param(
            failed_run(
                [
                    {"digest": "c", "name": "importing cache manifest from reg/app/cache:prod-x", "error": "not found"},
                    {"digest": "p", "name": "exporting to image", "error": "failed to push reg/app/prod:main: 500"},
                ]
            ),
            RegistryError,
            "the registry refused or dropped the push: exporting to image: failed to push reg/app/prod:main: 500",
            id="push-refused-cache-miss-ignored",
        ),
        pytest.param(
            failed_run([], messages=["ERROR: failed to solve: dockerfile parse error"]),
            BuildFailed,
            "build failed at ERROR: failed to solve: dockerfile parse error",
            id="buildx-own-error-line",
        ),
        pytest.param(failed_run([]), BuildFailed, "build failed at buildx exited with 1", id="nothing-said"),
        pytest.param(
            failed_run(
                [{"digest": "h", "name": "[heavy-2 1/1] RUN install-python-deps heavy-2", "error": "exit code: 1"}],
                logs=[{"vertex": "h", "data": base64.b64encode(UV_DISK_FULL).decode()}],
            ),
            DiskFull,
            "the builder ran out of disk space at [heavy-2 1/1]: failed to write to file `/root/.cache/uv/x.so`: "
            "No space left on device (os error 28); nothing was tagged or pushed",
            id="disk-full-in-a-step",
        ),
        pytest.param(
            failed_run([], messages=["ERROR: failed to solve: write /var/lib/docker/x: no space left on device"]),
            DiskFull,
            "the builder ran out of disk space: ERROR: failed to solve: write /var/lib/docker/x: no space left on "
            "device; nothing was tagged or pushed",
            id="disk-full-in-the-store",
        ),
    ],
)
def test_failure_classification(run: BuildRun, kind: type[WarmbuildError], message: str) -> None:
    error = classify_failure(run)
    assert type(error) is kind
    assert error.problem == message


# --- the dev loop's choices ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "frontend, requested, expected",
    [
        pytest.param("frontend", "", ("backend", "frontend"), id="all-by-default"),
        pytest.param("", "", ("backend",), id="no-frontend"),
        pytest.param("frontend", " frontend ", ("frontend",), id="subset"),
    ],
)
def test_choose_services(frontend: str, requested: str, expected: tuple[str, ...]) -> None:
    assert devloop.choose_services(Config(frontend=FrontendOptions(context=frontend)), requested) == expected


@pytest.mark.parametrize(
    "function, requested, message",
    [
        pytest.param(devloop.choose_services, "db", "unknown service 'db'", id="unknown"),
        pytest.param(devloop.choose_service, "backend,frontend", "--service names 2 services", id="shell-needs-one"),
    ],
)
def test_service_errors(function: Callable[[Config, str], object], requested: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        function(EXAMPLE, requested)


def test_dev_up_builds_deps_dev_and_frontend_then_starts_the_stack(tmp_path: Path) -> None:
    (tmp_path / "warmbuild.yaml").write_text("")
    config = EXAMPLE.model_copy()
    config._source = tmp_path / "warmbuild.yaml"
    inputs = inputs_in(tmp_path, config, frontend_dockerfile=Path("/repo/frontend.Dockerfile"))
    engine = FakeEngine(registry={plan.deps_image(inputs)})
    stack = devloop.start_stack(engine, inputs, devloop.choose_services(config, ""), rebuild=False)
    assert [s.target for s in stack.summaries] == ["deps", "dev", "frontend-dev"]
    assert stack.summaries[0].outcome is Outcome.REUSED_FROM_REGISTRY
    assert engine.compose_calls == [("up", "backend", "frontend")]
    env = dict(line.split("=", 1) for line in stack.env_file.read_text().splitlines()[1:])
    assert env["BACKEND_IMAGE"] == "127.0.0.1:5000/warmbuild-example/dev:main"
    assert env["FRONTEND_IMAGE"] == "127.0.0.1:5000/warmbuild-example/frontend-dev:main"


TEAM_COMPOSE = """\
services:
  web: {build: ./backend, command: uvicorn app.main:app --reload, ports: ["8000:8000"]}
  worker: {build: {context: backend}, command: arq app.worker.Settings}
  client: {build: ./client}
  db: {image: postgres:13, environment: {POSTGRES_PASSWORD: "${DB_PASSWORD}"}}
"""


def test_dev_up_on_the_teams_compose_file_writes_the_override_and_starts_their_services(tmp_path: Path) -> None:
    (tmp_path / "warmbuild.yaml").write_text("")
    (tmp_path / "docker-compose.yml").write_text(TEAM_COMPOSE)
    (tmp_path / ".env").write_text("DB_PASSWORD='dev only'\n")
    config = EXAMPLE.model_copy(
        update={"frontend": FrontendOptions(context=""), "dev": DevOptions(compose_file="docker-compose.yml")}
    )
    config._source = tmp_path / "warmbuild.yaml"
    inputs = inputs_in(tmp_path, config)
    engine = FakeEngine(registry={plan.deps_image(inputs)})
    chosen = devloop.choose_services(config, "")
    assert chosen == ("web", "worker", "db")  # client: built from another folder, left out
    stack = devloop.start_stack(engine, inputs, chosen, rebuild=False)
    # The database first, until it accepts connections (their depends_on has no condition).
    assert engine.compose_calls == [("up", "db"), ("listening", "db"), ("up", "web", "worker", "db")]
    assert stack.urls == {"web": "http://127.0.0.1:8000"}
    dev_image = plan.plan_build(inputs, "dev").image
    assert stack.images == (("web, worker", dev_image), ("db", "as the compose file says"))
    project = devloop.compose_project(config)
    assert project.team and [p.name for p in project.compose_files] == ["docker-compose.yml", "compose.override.yaml"]
    override = (tmp_path / ".warmbuild" / config.name / "compose.override.yaml").read_text()
    assert '  "web":' in override and '  "worker":' in override and '"db"' not in override
    env_lines = stack.env_file.read_text().splitlines()
    # Their .env first (compose reads it no more once --env-file is given), ours after.
    assert env_lines.index("DB_PASSWORD='dev only'") < env_lines.index(
        "BACKEND_IMAGE=" + plan.plan_build(inputs, "dev").image
    )
    with pytest.raises(ConfigError, match="unknown service 'backend'"):
        devloop.choose_services(config, "backend")
    assert devloop.choose_service(config, "") == "web"
    (tmp_path / "docker-compose.yml").write_text(
        TEAM_COMPOSE.replace("  web:", "  prestart: {build: ./backend}\n  web:")
    )
    assert devloop.choose_service(config, "") == "web", "the serving one, not a one-off before it"


@pytest.mark.parametrize(
    "state, trouble",
    [
        pytest.param(ServiceState("web", "running", "healthy"), "", id="healthy"),
        pytest.param(ServiceState("worker", "running"), "", id="running-without-a-check"),
        pytest.param(ServiceState("web", "running", "unhealthy"), "is unhealthy", id="unhealthy"),
        pytest.param(ServiceState("web", "running", "starting"), "never became healthy", id="still-starting"),
        pytest.param(ServiceState("worker", "exited", exit_code=3), "exited with code 3", id="exited"),
        pytest.param(ServiceState("beat", "restarting", exit_code=1), "is restarting (last exit code 1)", id="looping"),
    ],
)
def test_what_is_wrong_with_a_service(state: ServiceState, trouble: str) -> None:
    assert state.trouble == trouble


def test_a_stack_that_does_not_become_healthy_names_the_service_and_its_last_lines(tmp_path: Path) -> None:
    (tmp_path / "warmbuild.yaml").write_text("")
    (tmp_path / "docker-compose.yml").write_text(TEAM_COMPOSE)
    config = EXAMPLE.model_copy(
        update={"frontend": FrontendOptions(context=""), "dev": DevOptions(compose_file="docker-compose.yml")}
    )
    config._source = tmp_path / "warmbuild.yaml"
    inputs = inputs_in(tmp_path, config)
    states = [
        ServiceState("db", "running", "healthy"),
        ServiceState("web", "running", "starting"),
        ServiceState("worker", "exited", exit_code=2),
    ]
    engine = FakeEngine(
        registry={plan.deps_image(inputs)},
        compose_up_error=BuildFailed("the dev stack did not become healthy: compose up failed"),
        service_states=states,
    )
    with pytest.raises(BuildFailed) as raised:
        devloop.start_stack(engine, inputs, ("web", "worker", "db"), rebuild=False)
    error = raised.value
    # The one that stopped comes first; the one still starting is named beside it.
    assert error.problem == "the dev stack did not become healthy: worker exited with code 2 (also: web)"
    assert "invoke dev-logs --services worker" in error.fix and "left up" in error.fix
    assert error.details[0] == "last lines of worker:" and error.details[-1] == f"worker line {devloop.LOG_LINES}"
    assert ("down",) not in engine.compose_calls


def team_config(tmp_path: Path, **dev: Any) -> Config:
    (tmp_path / "warmbuild.yaml").write_text("")
    (tmp_path / "docker-compose.yml").write_text(TEAM_COMPOSE)
    config = EXAMPLE.model_copy(
        update={"frontend": FrontendOptions(context=""), "dev": DevOptions(compose_file="docker-compose.yml", **dev)}
    )
    config._source = tmp_path / "warmbuild.yaml"
    return config


MIGRATE = ("python", "manage.py", "migrate")


@pytest.mark.parametrize(
    "chosen, calls",
    [
        # The database first (the release needs it), the release in the app's first
        # service, then the stack.
        pytest.param(("web", "worker", "db"),
                     [("up", "db"), ("listening", "db"), ("run", "web", *MIGRATE), ("up", "web", "worker", "db")],
                     id="database-release-stack"),
        pytest.param(("worker",), [("run", "worker", *MIGRATE), ("up", "worker")], id="in-the-first-app-service"),
        pytest.param(("db",), [("up", "db")], id="no-app-service-no-release"),
    ],
)  # fmt: skip
def test_the_release_command_runs_once_before_the_apps_services(
    tmp_path: Path, chosen: tuple[str, ...], calls: list[tuple[str, ...]]
) -> None:
    config = team_config(tmp_path, release=MIGRATE)
    inputs = inputs_in(tmp_path, config)
    engine = FakeEngine(registry={plan.deps_image(inputs)})
    devloop.start_stack(engine, inputs, chosen, rebuild=False)
    assert engine.compose_calls == calls


def test_a_failing_release_names_its_command_and_last_lines_and_starts_no_app_service(tmp_path: Path) -> None:
    config = team_config(tmp_path, release=MIGRATE)
    inputs = inputs_in(tmp_path, config)
    engine = FakeEngine(registry={plan.deps_image(inputs)}, run_status=1)
    with pytest.raises(BuildFailed) as raised:
        devloop.start_stack(engine, inputs, ("web", "worker", "db"), rebuild=False)
    error = raised.value
    assert error.problem == "the release command `python manage.py migrate` failed in web (exit code 1)"
    assert error.details == ("its last lines:", *[f"migrate line {n}" for n in range(16, 31)])
    assert engine.compose_calls == [("up", "db"), ("listening", "db"), ("run", "web", *MIGRATE)], "no app service"
    assert not devloop.stack_record_path(config).exists()


def test_a_port_in_use_stops_dev_up_before_compose_starts_anything(tmp_path: Path) -> None:
    config = team_config(tmp_path)
    inputs = inputs_in(tmp_path, config)
    engine = FakeEngine(registry={plan.deps_image(inputs)}, busy_ports={8000})
    with pytest.raises(ConfigError, match=r"^port 8000, which web publishes, is already in use on this machine$"):
        devloop.start_stack(engine, inputs, ("web", "worker", "db"), rebuild=False)
    assert engine.compose_calls == []
    # The stack's own running service holds its port: that is no conflict.
    engine.service_states = [ServiceState("web", "running", container="c1")]
    devloop.start_stack(engine, inputs, ("web", "worker", "db"), rebuild=False)
    assert engine.compose_calls[-1] == ("up", "web", "worker", "db")


def test_watching_restarts_the_worker_on_a_code_change_and_not_on_an_ignored_file(tmp_path: Path) -> None:
    config = team_config(tmp_path)
    code = tmp_path / "backend" / "app"
    code.mkdir(parents=True)
    (code / "tasks.py").write_text("def add(a, b):\n    return a + b\n")
    started = devloop.DevStack((), {}, tmp_path / "dev.env", ("web", "worker", "db"), code_folders=(code.parent,))
    edits: Iterator[Callable[[], object]] = iter(
        [
            lambda: (code / "__pycache__").mkdir(),
            lambda: (code / "__pycache__" / "tasks.cpython-313.pyc").write_bytes(b"x"),
            lambda: touch(code / "tasks.py", "def add(a, b):\n    return a + b + 1\n"),
        ]
    )
    events: list[devloop.WatchEvent] = []
    # The stack as compose shows it: prestart-like one-offs that finished are not restarted.
    running = [ServiceState(name, "running") for name in ("web", "worker", "db")]
    engine = FakeEngine(service_states=running)
    looks = iter(range(40))  # ten seconds of watching at most

    def keep_going() -> bool:
        edit = next(edits, None)
        if edit is not None:
            edit()
        return not events and next(looks, None) is not None

    devloop.watch(lambda: config, engine, started, services="", branch="main", on_event=events.append,
                  keep_going=keep_going)  # fmt: skip
    # web runs uvicorn --reload (it reloads itself); arq's worker cannot.
    assert engine.compose_calls == [("restart", "worker")]
    [event] = events
    assert isinstance(event, devloop.Restarted) and event.services == ("worker",)
    assert event.paths == ("backend/app/tasks.py",)


def test_dev_up_rebuild_reruns_the_dev_stage(tmp_path: Path) -> None:
    config = EXAMPLE.model_copy(update={"frontend": FrontendOptions(context="")})
    config._source = tmp_path / "warmbuild.yaml"
    inputs = inputs_in(tmp_path, config)
    engine = FakeEngine(registry={plan.deps_image(inputs)})
    devloop.start_stack(engine, inputs, ("backend",), rebuild=True)
    [dev_argv] = engine.builds
    filtered = {value for flag, value in itertools.pairwise(dev_argv) if flag == "--no-cache-filter"}
    # dev, its light set's stage and its last install's stages; never deps' slots.
    assert filtered == {"dev", "dev-light", "dev-base", "dev-with-index", "dev-without-index"}


@pytest.mark.parametrize(
    "command, argv",
    [
        pytest.param("id -u", ["id", "-u"], id="words"),
        pytest.param("python -c 'print(1 + 1)'", ["python", "-c", "print(1 + 1)"], id="quoted"),
    ],
)
def test_dev_shell_splits_commands_as_a_shell_does(tmp_path: Path, command: str, argv: list[str]) -> None:
    config = Config()
    config._source = tmp_path / "warmbuild.yaml"
    engine = FakeEngine()
    devloop.dev_shell(config, engine, "backend", command)
    assert engine.compose_calls == [("shell", "backend", *argv)]


def test_gather_inputs_stops_before_any_build_when_the_engine_is_unusable(tmp_path: Path) -> None:
    config = Config(context=".", heavy=(), frontend=FrontendOptions(context=""), lock="requirements")
    config._source = tmp_path / "warmbuild.yaml"
    (tmp_path / "requirements.txt").write_text("six==1.16.0 --hash=sha256:aa\n")
    engine = FakeEngine(
        facts_value=dataclasses.replace(FakeEngine().facts_value, server_version="", server_error="down")
    )
    with pytest.raises(EngineError) as error:
        pipeline.gather_inputs(config, engine)
    assert error.value.exit_code == 4 and "cannot reach Docker Engine" in error.value.problem
    assert engine.builds == []


def test_passing_failures_are_told_apart_from_real_ones() -> None:
    race = failed_run(
        [
            {
                "digest": "x",
                "name": "exporting to image",
                "error": 'failed to prepare extraction snapshot "extract-1 sha256:aa": parent snapshot sha256:bb '
                "does not exist: not found",
            }
        ]
    )
    step = failed_run([{"digest": "s", "name": "[prod 2/7] RUN install-python-deps main", "error": "exit code: 1"}])
    hiccup = failed_run(
        [
            {
                "digest": "p",
                "name": "exporting to image",
                "error": "pushing reg/app/deps:abc with docker: unexpected status from HEAD request to "
                "http://127.0.0.1:5000/v2/app/deps/manifests/abc: 500 Internal Server Error",
            }
        ]
    )
    refused = failed_run(
        [
            {
                "digest": "p",
                "name": "exporting to image",
                "error": "failed to push reg/app/deps:abc: 405 Method Not Allowed",
            }
        ]
    )
    assert is_transient(race) and is_transient(hiccup)
    assert not is_transient(step) and not is_transient(refused)


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


@pytest.mark.parametrize(
    "log, problem, fix",
    [
        pytest.param(
            "building a wheel: mmh3==3.0.0\nbuilding a wheel: psycopg2==2.9.10\n"
            "Error: pg_config executable not found.\n",
            "compiling psycopg2==2.9.10 from source failed: pg_config is missing in the build image",
            "add the Debian package to `build_apt_packages:` in warmbuild.yaml (for pg_config: libpq-dev)",
            id="pg_config",
        ),
        pytest.param(
            "building a wheel: lxml==5.0\n"
            "src/lxml/etree.c:96:10: fatal error: libxml/xmlversion.h: No such file or directory\n",
            "compiling lxml==5.0 from source failed: libxml/xmlversion.h is missing in the build image",
            "(for libxml/xmlversion.h: libxml2-dev)",
            id="known-header",
        ),
        pytest.param(
            "building a wheel: odd==1.0\nx.c:1:10: fatal error: odd.h: No such file or directory\n",
            "compiling odd==1.0 from source failed: odd.h is missing in the build image",
            "(the one that provides odd.h)",
            id="unknown-header",
        ),
    ],
)
def test_a_failed_source_build_names_the_package_and_the_missing_system_package(
    log: str, problem: str, fix: str
) -> None:
    run = failed_run(
        [{"digest": "w", "name": "[wheel-build 3/3] RUN install-python-deps build-wheels", "error": "exit code: 1"}],
        logs=[{"vertex": "w", "data": b64(log)}],
    )
    error = classify_failure(run)
    assert type(error) is BuildFailed and error.problem == problem and fix in error.fix


# --- skipping builds whose inputs did not change ------------------------------------------------


def context_app(tmp_path: Path) -> plan.BuildInputs:
    """The example's inputs with a real app folder and Dockerfile to fingerprint."""
    shutil.copytree(REPO_ROOT / "backend", tmp_path / "backend", ignore=shutil.ignore_patterns("__pycache__"))
    return inputs_in(tmp_path, dockerfile_path=DOCKERFILE)


def rebuilt(engine: FakeEngine, build_plan: plan.BuildPlan, rebuild: bool = False) -> bool:
    before = len(engine.builds)
    summary = pipeline.execute(engine, build_plan, rebuild=rebuild)
    assert (summary.outcome is Outcome.UNCHANGED) is (len(engine.builds) == before)
    return len(engine.builds) > before


def touch(path: Path, text: str) -> None:
    path.write_text(text)
    os.utime(path, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))


@pytest.mark.parametrize(
    "target, change, builds_again",
    [
        pytest.param("prod", lambda _app, _inputs: None, False, id="nothing-changed"),
        pytest.param("prod", lambda app, _inputs: touch(app / "app" / "main.py", "x = 1\n"), True, id="code-edited"),
        pytest.param("prod", lambda app, _inputs: (app / "app" / "new.py").write_text(""), True, id="file-added"),
        pytest.param("prod", lambda app, _inputs: (app / "tests" / "x.py").write_text(""), False, id="ignored-file"),
        pytest.param(
            "dev", lambda app, _inputs: touch(app / "app" / "main.py", "x = 1\n"), False, id="dev-has-no-code"
        ),
        pytest.param(
            "prod",
            lambda _app, inputs: dataclasses.replace(inputs, base_digest="sha256:" + "c" * 64),
            True,
            id="base-image-tag-moved",
        ),
        pytest.param(
            "prod",
            lambda _app, inputs: sample_inputs(
                app_dir=VARIANTS / "light-added", repo=inputs.repo, dockerfile_path=DOCKERFILE
            ),
            True,
            id="lock-changed",
        ),
    ],
)
def test_an_unchanged_build_is_skipped_and_every_input_counts(
    tmp_path: Path, target: str, change: Callable[[Path, plan.BuildInputs], object], builds_again: bool
) -> None:
    inputs = context_app(tmp_path)
    engine = FakeEngine(registry={plan.deps_image(inputs)})
    assert rebuilt(engine, plan.plan_build(inputs, target)), "the first build runs"
    result = change(tmp_path / "backend", inputs)
    changed = result if isinstance(result, plan.BuildInputs) else inputs
    assert rebuilt(engine, plan.plan_build(changed, target)) is builds_again


def test_a_missing_image_or_rebuild_builds_again(tmp_path: Path) -> None:
    inputs = context_app(tmp_path)
    engine = FakeEngine(registry={plan.deps_image(inputs)})
    prod = plan.plan_build(inputs, "prod")
    assert rebuilt(engine, prod) and not rebuilt(engine, prod)
    assert rebuilt(engine, prod, rebuild=True), "--rebuild"
    engine.local.clear()
    assert rebuilt(engine, prod), "the image was removed"
    engine.local[prod.image] = 7
    assert rebuilt(engine, prod), "the tag now names another image"
    cache_only = plan.plan_build(inputs, "prod", Output.CACHE_ONLY)
    assert rebuilt(engine, cache_only) and rebuilt(engine, cache_only), "cache-only builds always run"


def test_dev_up_leaves_a_running_unchanged_stack_alone(tmp_path: Path) -> None:
    shutil.copytree(REPO_ROOT / "backend", tmp_path / "backend", ignore=shutil.ignore_patterns("__pycache__"))
    config = EXAMPLE.model_copy(update={"frontend": FrontendOptions(context="")})
    config._source = tmp_path / "warmbuild.yaml"
    inputs = inputs_in(tmp_path, config, dockerfile_path=DOCKERFILE)
    engine = FakeEngine(registry={plan.deps_image(inputs)})
    assert devloop.start_stack(engine, inputs, ("backend",), rebuild=False).restarted
    again = devloop.start_stack(engine, inputs, ("backend",), rebuild=False)
    assert not again.restarted and engine.compose_calls == [("up", "backend")], "compose was not asked again"
    engine.healthy = False  # a container stopped or unhealthy: compose brings it back
    assert devloop.start_stack(engine, inputs, ("backend",), rebuild=False).restarted
    engine.healthy = True
    assert devloop.start_stack(engine, inputs, ("backend",), rebuild=True).restarted, "--rebuild"
    moved = config.model_copy(update={"dev": DevOptions(backend_port=9001)})
    moved._source = config.source
    changed = inputs_in(tmp_path, moved, dockerfile_path=DOCKERFILE)
    builds = len(engine.builds)
    assert devloop.start_stack(engine, changed, ("backend",), rebuild=False).restarted, "the compose variables changed"
    assert len(engine.builds) == builds, "a host port is no reason to build"


# --- `invoke plan` shows what the build tasks run ---------------------------------------------


@pytest.mark.parametrize(
    "target, push, rebuild",
    [
        pytest.param("prod", True, False, id="build-prod-push"),
        pytest.param("prod", False, False, id="build-prod"),
        pytest.param("dev", True, True, id="build-dev-push-rebuild"),
        pytest.param("deps", False, False, id="build-deps"),
        pytest.param("deps", False, True, id="build-deps-rebuild"),
    ],
)
def test_plan_prints_exactly_the_argv_the_build_runs(tmp_path: Path, target: str, push: bool, rebuild: bool) -> None:
    config = load_config(copy_example_app(tmp_path, "plan-equals-build"))
    planned = pipeline.plan_targets(config, FakeEngine(), [target], "main", push=push, rebuild=rebuild)
    engine = FakeEngine()
    pipeline.build_target(config, engine, target, push=push, branch="main", rebuild=rebuild)
    assert engine.builds == [p.argv for p in planned]
    pushes = [output_of(argv).startswith("type=image,push=true") for argv in engine.builds]
    assert pushes == [True] + [push] * (len(pushes) - 1)
    # --rebuild runs the target's own steps again: deps' only when deps is the target.
    rebuilt = [rebuild and (i > 0 or target == "deps") for i in range(len(engine.builds))]
    assert [("--no-cache-filter" in argv) for argv in engine.builds] == rebuilt


def test_build_deps_rebuild_builds_an_image_the_registry_has(tmp_path: Path) -> None:
    config = load_config(copy_example_app(tmp_path, "deps-rebuild"))
    inputs = pipeline.gather_inputs(config, FakeEngine(), "main")
    engine = FakeEngine(registry={plan.deps_image(inputs)})
    [reused] = pipeline.build_target(config, engine, "deps", branch="main")
    assert reused.outcome is Outcome.REUSED_FROM_REGISTRY and engine.builds == []
    [rebuilt] = pipeline.build_target(config, engine, "deps", branch="main", rebuild=True)
    assert rebuilt.outcome is Outcome.BUILT
    assert engine.builds[0].count("--no-cache-filter") == 8, "os-packages, six heavy slots, deps"


def test_plan_shows_the_release_what_it_needs_and_what_a_code_change_restarts(tmp_path: Path) -> None:
    config = team_config(tmp_path, release=MIGRATE)
    stack_plan = devloop.team_stack_plan(config)
    assert (stack_plan.started, stack_plan.release, stack_plan.before_release) == (
        ("web", "worker", "db"),
        MIGRATE,
        ("db",),
    )
    assert stack_plan.restarted_on_code_change == ("worker",)
    assert stack_plan.command[-3:] == ("web", "worker", "db")


def test_a_database_that_never_listens_is_named_before_the_app_starts(tmp_path: Path) -> None:
    config = team_config(tmp_path, release=MIGRATE)
    inputs = inputs_in(tmp_path, config)
    engine = FakeEngine(registry={plan.deps_image(inputs)}, silent_services={"db"})
    with pytest.raises(BuildFailed, match=r"^db did not accept connections on its ports within 180s$"):
        devloop.start_stack(engine, inputs, ("web", "worker", "db"), rebuild=False)
    assert engine.compose_calls == [("up", "db"), ("listening", "db")], "no release, no app service"


def test_watching_reports_what_fails_and_goes_on(tmp_path: Path) -> None:
    config = team_config(tmp_path)
    code = tmp_path / "backend" / "app"
    code.mkdir(parents=True)
    started = devloop.DevStack((), {}, tmp_path / "dev.env", ("web", "worker", "db"), code_folders=(code.parent,))
    edits: Iterator[Callable[[], object]] = iter(
        [
            lambda: (tmp_path / "docker-compose.yml").unlink(),  # an editor's save by rename, half-way
            lambda: None,
            lambda: touch(tmp_path / "docker-compose.yml", "services: [broken"),  # an image input: dev-up again
            lambda: None,
            lambda: touch(code / "tasks.py", "x = 1\n"),  # code: the restart reads the broken file too
        ]
    )
    events: list[devloop.WatchEvent] = []
    looks = iter(range(40))

    def keep_going() -> bool:
        edit = next(edits, None)
        if edit is not None:
            edit()
        return len(events) < 3 and next(looks, None) is not None

    devloop.watch(lambda: config, FakeEngine(), started, services="web,worker", branch="main",
                  on_event=events.append, keep_going=keep_going)  # fmt: skip
    assert [type(event) for event in events] == [devloop.WatchFailed] * 3
    failed = [event for event in events if isinstance(event, devloop.WatchFailed)]
    assert [event.paths for event in failed] == [("docker-compose.yml",)] * 2 + [("backend/app/tasks.py",)]
    assert "docker-compose.yml not found" in failed[0].error.problem
    assert all("is not YAML" in event.error.problem for event in failed[1:])


# --- images for several platforms ---------------------------------------------------------------

BOTH_PLATFORMS = ["linux/amd64", "linux/arm64"]
EMULATING = dataclasses.replace(FakeEngine().facts_value, builder_platforms=("linux/amd64", "linux/arm64"))


def platforms_at(argvs: list[tuple[str, ...]]) -> list[str]:
    return [argv[argv.index("--platform") + 1] for argv in argvs]


def test_a_pushed_prod_is_one_image_per_platform_then_one_multi_platform_tag(tmp_path: Path) -> None:
    config = load_config(copy_example_app(tmp_path, "multi", platforms=BOTH_PLATFORMS))
    engine = FakeEngine(facts_value=EMULATING)
    summaries = pipeline.build_target(config, engine, "prod", push=True, branch="main")
    assert platforms_at(engine.builds) == ["linux/amd64", "linux/amd64", "linux/arm64", "linux/arm64"]
    tags = [argv[argv.index("--tag") + 1] for argv in engine.builds]
    assert tags[1::2] == ["127.0.0.1:5000/multi/prod:main-amd64", "127.0.0.1:5000/multi/prod:main-arm64"]
    assert tags[0] != tags[2], "a deps image per platform"
    # The arm64 build unpacks aarch64 wheels on this CPU; amd64's is as it always was.
    assert ["INSTALL_FOR=aarch64-manylinux_2_36" in argv for argv in engine.builds] == [False, False, True, True]
    caches = [argv[argv.index("--cache-from") + 1] for argv in engine.builds]
    assert caches[3] == "type=registry,ref=127.0.0.1:5000/multi/cache:prod-arm64-main"
    # The shared tag is written last, from both pushed images, as `invoke plan` shows it.
    assert engine.indexes == [("127.0.0.1:5000/multi/prod:main", *tags[1::2])]
    assert summaries[-1].pushed == ("127.0.0.1:5000/multi/prod:main",)
    planned = pipeline.plan_all(config, FakeEngine(facts_value=EMULATING), ["prod"], "main", push=True)
    assert [p.argv for p in planned.builds] == engine.builds
    [index] = planned.indexes
    assert index.command_line() == (
        "docker buildx imagetools create --tag 127.0.0.1:5000/multi/prod:main "
        "127.0.0.1:5000/multi/prod:main-amd64 127.0.0.1:5000/multi/prod:main-arm64"
    )


def test_a_loaded_build_makes_only_the_builders_platform(tmp_path: Path) -> None:
    config = load_config(copy_example_app(tmp_path, "laptop", platforms=BOTH_PLATFORMS))
    engine = FakeEngine(facts_value=EMULATING)
    pipeline.build_target(config, engine, "prod", branch="main")
    assert platforms_at(engine.builds) == ["linux/amd64", "linux/amd64"]
    assert engine.builds[1][engine.builds[1].index("--tag") + 1] == "127.0.0.1:5000/laptop/prod:main"
    assert engine.indexes == []


def test_cache_warm_warms_every_configured_platform(tmp_path: Path) -> None:
    config = load_config(copy_example_app(tmp_path, "warm-both", platforms=BOTH_PLATFORMS))
    engine = FakeEngine(facts_value=EMULATING)
    summaries = warm.cache_warm(config, engine, branch="main")
    assert [s.target for s in summaries] == ["deps", "dev", "prod"] * 2
    assert set(platforms_at(engine.builds)) == set(BOTH_PLATFORMS)


def test_a_platform_the_builder_cannot_run_stops_before_any_build(tmp_path: Path) -> None:
    config = load_config(copy_example_app(tmp_path, "no-emulator", platforms=BOTH_PLATFORMS))
    facts = dataclasses.replace(FakeEngine().facts_value, builder_platforms=("linux/amd64",))
    engine = FakeEngine(facts_value=facts)
    with pytest.raises(EngineError) as error:
        pipeline.build_target(config, engine, "prod", push=True, branch="main")
    assert "cannot run linux/arm64 steps" in error.value.problem and "qemu-user-static" in error.value.fix
    assert engine.builds == [], "nothing built, not even the platform it can run"


# nvidia-cuda-runtime-cu12 12.1.105 (as torch 2.1-2.3 locked it) was published as x86_64
# and Windows wheels only, without an sdist; its marker left out, as in locks edited by hand.
X86_ONLY_LOCK = """\
version = 1
revision = 2
requires-python = "==3.13.*"

[[package]]
name = "gpu-app"
version = "0.1.0"
source = { virtual = "." }
dependencies = [{ name = "nvidia-cuda-runtime-cu12" }]

[[package]]
name = "nvidia-cuda-runtime-cu12"
version = "12.1.105"
source = { registry = "https://index.example/simple" }
wheels = [
    { url = "https://files.index.example/%s-py3-none-manylinux1_x86_64.whl", hash = "sha256:aa" },
    { url = "https://files.index.example/%s-py3-none-win_amd64.whl", hash = "sha256:bb" },
]
""" % (("nvidia_cuda_runtime_cu12-12.1.105",) * 2)


def test_a_package_without_a_wheel_for_a_configured_platform_is_named_with_it(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "gpu-app"\nversion = "0.1.0"\n')
    (tmp_path / "uv.lock").write_text(X86_ONLY_LOCK)
    config = Config(context=".", heavy=(), frontend=FrontendOptions(context=""), platforms=tuple(BOTH_PLATFORMS))
    config._source = tmp_path / "warmbuild.yaml"
    engine = FakeEngine(facts_value=EMULATING)
    with pytest.raises(WarmbuildError) as error:
        pipeline.build_target(config, engine, "prod", push=True, branch="main")
    assert error.value.exit_code == 3
    assert error.value.problem == (
        "nvidia-cuda-runtime-cu12==12.1.105 in ./uv.lock has no wheel for CPython 3.13 on linux/aarch64 "
        "and no sdist to build one from"
    )
    assert "leave linux/arm64 out of `platforms`" in error.value.fix
    assert engine.builds == []


def test_each_platform_keeps_its_own_record_so_an_unchanged_push_builds_nothing(tmp_path: Path) -> None:
    config = load_config(copy_example_app(tmp_path, "records", platforms=BOTH_PLATFORMS))
    engine = FakeEngine(facts_value=EMULATING)
    pipeline.build_target(config, engine, "prod", push=True, branch="main")
    built = len(engine.builds)
    again = pipeline.build_target(config, engine, "prod", push=True, branch="main")
    assert len(engine.builds) == built, "nothing built the second time"
    assert [s.outcome for s in again[:-1]] == [Outcome.REUSED_FROM_REGISTRY, Outcome.UNCHANGED] * 2
    assert len(engine.indexes) == 2, "the multi-platform tag is written again (the same index)"
