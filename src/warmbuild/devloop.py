"""The local dev loop: build what is stale, start the compose stack, wait for health.

Images come from the build pipeline (deps image reused by its content tag, dev
images from cache); compose only runs them. The variables compose needs are written
to .warmbuild/<name>/dev.env, so `docker compose --env-file …` works by hand too.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shlex
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from . import folders, locks, pipeline, plan, runtime, selection, team_stack, watching
from .engine import ComposeProject, Engine, ProgressCallback, compose_command, compose_up_args
from .errors import BuildFailed, ConfigError, Interrupted, WarmbuildError
from .options import Config
from .plan import BuildInputs
from .report import BuildSummary, Outcome

SERVICES = ("backend", "frontend")
# Seconds compose waits for the stack's healthchecks (first start imports numpy & co).
HEALTH_TIMEOUT = 180


@dataclass(frozen=True)
class DevStack:
    summaries: tuple[BuildSummary, ...]
    urls: dict[str, str]
    env_file: Path
    services: tuple[str, ...]
    # False: the stack was up with nothing to change, compose was not even asked.
    restarted: bool = True
    # The stack by hand: `docker compose … ps` with its files, name and variables.
    compose_ps: str = ""
    # A team's stack: which of its services run which image.
    images: tuple[tuple[str, str], ...] = ()
    # What is mounted as code: the app's folder and its path dependencies'.
    code_folders: tuple[Path, ...] = ()


def choose_services(config: Config, requested: str) -> tuple[str, ...]:
    """'' means every service the app has; otherwise a comma-separated subset."""
    if config.dev.compose_file:
        stack = read_stack(config)
        available, default = stack.services, team_stack.default_services(stack, active_profiles(config))
    else:
        available = default = SERVICES if config.frontend.context else ("backend",)
    if not requested:
        return default
    chosen = tuple(name.strip() for name in requested.split(",") if name.strip())
    unknown = [name for name in chosen if name not in available]
    if unknown:
        raise ConfigError(f"unknown service {unknown[0]!r}", f"use one or more of {', '.join(available)}")
    return chosen


def choose_service(config: Config, requested: str) -> str:
    """Exactly one service (dev-shell): the app's by default."""
    if config.dev.compose_file:
        stack = read_stack(config)
        # The API rather than a one-off before it (full-stack-fastapi-template's prestart).
        first = (*stack.serving, *stack.app_services)[0]
    else:
        first = "backend"
    chosen = choose_services(config, requested or first)
    if len(chosen) != 1:
        raise ConfigError(f"--service names {len(chosen)} services", f"name exactly one (the app's: {first})")
    return chosen[0]


def team_compose_file(config: Config) -> Path:
    path = config.root / config.dev.compose_file
    if not path.is_file():
        raise ConfigError(
            f"{config.source_name}: dev.compose_file: {path} not found", "point it at the stack's compose file"
        )
    return path


def team_compose_files(config: Config) -> tuple[Path, ...]:
    """dev.compose_file and the override compose reads beside it when given no -f
    (`docker-compose.override.yml`): with -f, compose reads only what it is given."""
    path = team_compose_file(config)
    beside = [config.root / name for name in team_stack.default_override(config.dev.compose_file)]
    return (path, *[override for override in beside if override.is_file()][:1])


def read_stack(config: Config) -> team_stack.TeamStack:
    """The team's compose file (dev.compose_file) as dev-up runs it."""
    path, *overrides = team_compose_files(config)
    return team_stack.read_team_stack(
        path.read_text(),
        path.parent,
        config.root / config.context,
        str(path),
        [(str(override), override.read_text()) for override in overrides],
    )


def active_profiles(config: Config) -> tuple[str, ...]:
    """COMPOSE_PROFILES, from the environment or the team's .env (compose reads both)."""
    found = os.environ.get("COMPOSE_PROFILES", "")
    for line in _team_env_lines(config):
        name, _, value = line.partition("=")
        if name.strip() == "COMPOSE_PROFILES" and not found:
            found = value.strip().strip("'\"")
    return tuple(name.strip() for name in found.split(",") if name.strip())


@dataclass(frozen=True)
class TeamStackPlan:
    """What dev-up runs of the team's compose file (`invoke plan` prints it)."""

    stack: team_stack.TeamStack
    started: tuple[str, ...]
    override: Path
    command: tuple[str, ...]
    # Before the app's services: started first, then the release command in one of them.
    release: tuple[str, ...] = ()
    before_release: tuple[str, ...] = ()
    # What `dev-up --watch` restarts on a code change.
    restarted_on_code_change: tuple[str, ...] = ()


def team_stack_plan(config: Config) -> TeamStackPlan:
    stack = read_stack(config)
    started = team_stack.default_services(stack, active_profiles(config))
    override = team_override_path(config)
    files = (*team_compose_files(config), override)
    project = ComposeProject(files, config.name, env_file_path(config), team=True)
    command = ("docker", *compose_command(project, *compose_up_args(project, started, HEALTH_TIMEOUT)))
    return TeamStackPlan(
        stack,
        started,
        override,
        command,
        config.dev.release,
        team_stack.needed_by_the_app(stack, started),
        _restarted_on_code_change(config, stack.commands),
    )


def _restarted_on_code_change(config: Config, commands: Mapping[str, tuple[str, ...] | None]) -> tuple[str, ...]:
    """The app's services a code change restarts (None: runs the dev image's command)."""
    return watching.restarted_on_code_change(commands, runtime.runtime_of(config, plan.Target.DEV).command)


def team_override_path(config: Config) -> Path:
    return config.root / plan.STATE_DIR / config.name / "compose.override.yaml"


def env_file_path(config: Config) -> Path:
    return config.root / plan.STATE_DIR / config.name / "dev.env"


def compose_env(inputs: BuildInputs, frontend_image: str) -> dict[str, str]:
    """What compose.yaml interpolates. Pure."""
    config, root = inputs.config, inputs.repo.root
    return {
        "BACKEND_IMAGE": plan.plan_build(inputs, "dev").image,
        "FRONTEND_IMAGE": frontend_image,
        "BACKEND_DIR": str(root / config.context),
        "FRONTEND_DIR": str(root / (config.frontend.context or config.context)),
        "DEV_UID": str(inputs.dev_uid),
        "DEV_GID": str(inputs.dev_gid),
        "BACKEND_PORT": str(config.dev.backend_port),
        "FRONTEND_PORT": str(config.dev.frontend_port),
        "APP_PORT": str(config.port),
    }


def urls(config: Config, services: tuple[str, ...], stack: team_stack.TeamStack | None = None) -> dict[str, str]:
    """Where the stack answers: the team's published ports (``stack``), else ours."""
    if stack is not None:
        return {
            name: f"http://127.0.0.1:{ports[0]}"
            for name, ports in stack.published.items()
            if ports and name in services and name in stack.app_services
        }
    found = {"backend": f"http://127.0.0.1:{config.dev.backend_port}"}
    if "frontend" in services:
        found["frontend"] = f"http://127.0.0.1:{config.dev.frontend_port}"
    return found


def _write_env(path: Path, env: dict[str, str], before: list[str] | None = None) -> None:
    lines = ["# Written by `invoke dev-up` for compose.yaml; rewritten on every dev-up."]
    lines += before or []
    lines += [f"{key}={value}" for key, value in env.items()]
    folders.write_text(path, "\n".join(lines) + "\n")


def pathdeps_override_path(config: Config) -> Path:
    return config.root / plan.STATE_DIR / config.name / "compose.pathdeps.yaml"


def pathdeps_override(mounts: dict[str, Path]) -> str:
    """A compose file that mounts each path dependency where the dev image installed
    it (editable), so editing one needs no rebuild. Pure."""
    lines = [
        "# Written by `invoke dev-up`: the app's path dependencies, mounted where the dev",
        "# image installed them (editable); rewritten on every dev-up.",
        "services:",
        "  backend:",
        "    volumes:",
    ]
    lines += [f"      - {source}:/opt/pathdeps/{name}:ro" for name, source in sorted(mounts.items())]
    return "\n".join(lines) + "\n"


def compose_project(config: Config) -> ComposeProject:
    team = bool(config.dev.compose_file)
    compose_files = team_compose_files(config) if team else (plan.packaged("compose.yaml"),)
    env_file = env_file_path(config)
    if not env_file.is_file():
        # Nothing was started by dev-up yet; compose still needs its variables set.
        _write_env(env_file, {"BACKEND_IMAGE": "none", "FRONTEND_IMAGE": "none"})
    override = team_override_path(config) if team else pathdeps_override_path(config)
    files = (*compose_files, override) if override.is_file() else compose_files
    return ComposeProject(files, config.name, env_file, team=team)


def dev_up(
    config: Config,
    engine: Engine,
    *,
    services: str = "",
    rebuild: bool = False,
    branch: str = "",
    on_progress: ProgressCallback | None = None,
) -> DevStack:
    chosen = choose_services(config, services)
    with_frontend = "frontend" in chosen and not config.dev.compose_file  # a team stack: its own frontend
    inputs = pipeline.gather_inputs(config, engine, branch, with_frontend=with_frontend)
    return start_stack(engine, inputs, chosen, rebuild, on_progress)


def start_stack(
    engine: Engine,
    inputs: BuildInputs,
    chosen: tuple[str, ...],
    rebuild: bool,
    on_progress: ProgressCallback | None = None,
) -> DevStack:
    """Build the deps image (or reuse it), the dev images, then start the stack."""
    config = inputs.config
    # The backend always: the frontend's dev server depends on it.
    request = plan.BuildRequest(plan.Target.DEV, no_cache=rebuild)
    summaries = pipeline.run_request(engine, inputs, request, on_progress, rebuild)
    frontend_image = summaries[2].image if inputs.frontend_dockerfile is not None else "none"
    env_file = env_file_path(config)
    env = compose_env(inputs, frontend_image)
    stack = read_stack(config) if config.dev.compose_file else None
    if stack is not None:
        # --env-file replaces compose's own .env lookup: the team's .env first, ours after.
        _write_env(env_file, env, _team_env_lines(config))
        override = team_stack.override_text(stack, "BACKEND_IMAGE", _pathdeps_mounts(inputs))
        folders.write_text(team_override_path(config), override)
    else:
        _write_env(env_file, env)
        _write_pathdeps_override(inputs)
    project = compose_project(config)
    record = stack_record_path(config)
    key = stack_key(project, chosen, config.dev.release)
    images_kept = all(s.outcome is not Outcome.BUILT for s in summaries)
    restarted = rebuild or not images_kept or not _stack_is_up(engine, record, key)
    if restarted:
        record.unlink(missing_ok=True)
        _ports_free(engine, project, _published(config, stack), chosen)
        _start_in_order(engine, project, config.dev.release, stack, chosen)
        folders.write_text(record, json.dumps({"key": key, "containers": engine.compose_container_ids(project)}))
    images = _images(stack, chosen, env["BACKEND_IMAGE"]) if stack is not None else ()
    code_folders = (inputs.repo.root / config.context, *_pathdeps_mounts(inputs).values())
    return DevStack(
        tuple(summaries), urls(config, chosen, stack), env_file, chosen, restarted, _ps(project), images, code_folders
    )


def _compose_up(engine: Engine, project: ComposeProject, services: tuple[str, ...]) -> None:
    try:
        engine.compose_up(project, services, HEALTH_TIMEOUT)
    except BuildFailed as failed:
        raise _naming_the_service(engine, project, services, failed) from None


def _published(config: Config, stack: team_stack.TeamStack | None) -> dict[str, tuple[int, ...]]:
    """The host ports each service publishes."""
    if stack is not None:
        return dict(stack.published)
    return {"backend": (config.dev.backend_port,), "frontend": (config.dev.frontend_port,)}


def _ports_free(
    engine: Engine, project: ComposeProject, published: dict[str, tuple[int, ...]], chosen: tuple[str, ...]
) -> None:
    """Every host port the stack will publish is free (or already the stack's own):
    otherwise compose starts half of it and fails on the one it cannot bind."""
    running = {state.service for state in engine.compose_states(project) if state.state == "running"}
    for name in chosen:
        for port in published.get(name, ()) if name not in running else ():
            if not engine.host_port_free(port):
                raise ConfigError(
                    f"port {port}, which {name} publishes, is already in use on this machine",
                    "stop what listens there (`ss -ltnp`), or publish the service on another port",
                )


def _start_in_order(
    engine: Engine,
    project: ComposeProject,
    release: tuple[str, ...],
    stack: team_stack.TeamStack | None,
    chosen: tuple[str, ...],
) -> None:
    """What the app needs (databases, caches) first, until each accepts connections
    (compose's `depends_on` without a condition starts the app beside a database still
    initialising, and an app that fails its start-up under --reload waits for an edit);
    then the release command (migrations) once, in a one-off container of the app's
    first service; then the whole stack."""
    apps = stack.app_services if stack is not None else ("backend",)
    where = next((name for name in chosen if name in apps), None)
    before = team_stack.needed_by_the_app(stack, chosen) if stack is not None and where is not None else ()
    if before:
        _compose_up(engine, project, before)
        silent = engine.wait_until_listening(project, before, HEALTH_TIMEOUT)
        if silent:
            trouble = {state.service: state.trouble for state in engine.compose_states(project) if state.trouble}
            if silent[0] in trouble:
                problem = f"{silent[0]} {trouble[silent[0]]} before accepting connections on its ports"
            else:
                problem = f"{silent[0]} did not accept connections on its ports within {HEALTH_TIMEOUT}s"
            error = BuildFailed(
                problem,
                f"see its log (below, `invoke dev-logs --services {silent[0]}`); the rest is left up",
            )
            error.details = (f"last lines of {silent[0]}:", *engine.compose_log_tail(project, silent[0], LOG_LINES))
            raise error
    if release and where is not None:
        status, output = engine.compose_run(project, where, release)
        if status:
            error = BuildFailed(
                f"the release command `{shlex.join(release)}` failed in {where} (exit code {status})",
                "fix it and run dev-up again; the app's services were not started, the others are left up",
            )
            error.details = ("its last lines:", *output[-LOG_LINES:])
            raise error
    _compose_up(engine, project, chosen)


def _images(stack: team_stack.TeamStack, chosen: tuple[str, ...], dev_image: str) -> tuple[tuple[str, str], ...]:
    """(services, image) of a team's stack: the app's services on the dev image, the
    others as its compose file says."""
    ours = [name for name in chosen if name in stack.app_services]
    others = [name for name in chosen if name not in stack.app_services]
    found = [(", ".join(ours), dev_image)]
    return (*found, (", ".join(others), "as the compose file says")) if others else tuple(found)


def _ps(project: ComposeProject) -> str:
    return shlex.join(["docker", *compose_command(project, "ps")])


LOG_LINES = 15


def _naming_the_service(
    engine: Engine, project: ComposeProject, chosen: tuple[str, ...], failed: BuildFailed
) -> BuildFailed:
    """compose's failure, as the service that failed and its last log lines: the
    stack is left up for `dev-logs` and `dev-shell`."""
    states = [s for s in engine.compose_states(project) if not chosen or s.service in chosen]
    troubled = sorted((s for s in states if s.trouble), key=lambda s: (s.state == "running", s.service))
    if not troubled:
        return failed
    first = troubled[0]
    others = [s.service for s in troubled[1:]]
    error = BuildFailed(
        f"the dev stack did not become healthy: {first.service} {first.trouble}"
        + (f" (also: {', '.join(others)})" if others else ""),
        f"see its log (below, `invoke dev-logs --services {first.service}`); the rest of the stack is left up",
    )
    error.details = (f"last lines of {first.service}:", *engine.compose_log_tail(project, first.service, LOG_LINES))
    return error


# --- leaving a running stack alone ----------------------------------------------------------


def stack_record_path(config: Config) -> Path:
    return config.root / plan.STATE_DIR / config.name / "dev-stack.json"


def stack_key(project: ComposeProject, services: tuple[str, ...], release: tuple[str, ...] = ()) -> str:
    """What starting the stack would act on: the compose files, the variables, the
    services and the release command."""
    texts = [path.read_text() for path in (*project.compose_files, project.env_file)]
    return hashlib.sha256(json.dumps([texts, list(services), list(release)]).encode()).hexdigest()


def _stack_is_up(engine: Engine, record: Path, key: str) -> bool:
    """The stack compose last started from exactly this, still running and healthy:
    `compose up` would change nothing (and costs a second to say so)."""
    try:
        last = json.loads(record.read_text())
    except (OSError, ValueError):
        return False
    return last.get("key") == key and engine.containers_healthy(list(last.get("containers", [])))


def _pathdeps_mounts(inputs: BuildInputs) -> dict[str, Path]:
    names = {p.name for p in selection.path_packages(inputs.selection, "dev")}
    return {d.name: d.source for d in inputs.path_dependencies if d.name in names}


def _team_env_lines(config: Config) -> list[str]:
    """The lines of the .env beside the team's compose file (compose reads it when no
    --env-file is given: their `${VARIABLES}`)."""
    path = team_compose_file(config).parent / ".env"
    return path.read_text().splitlines() if path.is_file() else []


def _write_pathdeps_override(inputs: BuildInputs) -> None:
    mounts = _pathdeps_mounts(inputs)
    override = pathdeps_override_path(inputs.config)
    if mounts:
        folders.write_text(override, pathdeps_override(mounts))
    else:
        override.unlink(missing_ok=True)


def dev_down(config: Config, engine: Engine, volumes: bool = False) -> list[str]:
    """Stop and remove the stack's containers and network (volumes on request).
    Returns what is left of the project afterwards (nothing, normally)."""
    stack_record_path(config).unlink(missing_ok=True)
    project = compose_project(config)
    engine.compose_down(project, volumes)
    return engine.compose_containers(project)


def dev_logs(config: Config, engine: Engine, services: str = "", follow: bool = False, tail: str = "200") -> None:
    engine.compose_logs(compose_project(config), choose_services(config, services), follow, tail)


def dev_shell(config: Config, engine: Engine, service: str = "backend", command: str = "sh") -> int:
    """The command's exit status."""
    try:
        argv = shlex.split(command)
    except ValueError as error:
        raise ConfigError(f"--command: {error}", "quote the command as a shell would") from None
    if not argv:
        raise ConfigError("--command is empty", "give a command, e.g. --command 'python -V'")
    return engine.compose_shell(compose_project(config), choose_service(config, service), argv)


# --- dev-up --watch -------------------------------------------------------------------------

# How often the watcher looks, and how long it lets an editor finish a save (often
# several writes: a temporary file, a rename) before acting on it.
WATCH_INTERVAL = 0.25
SETTLE_SECONDS = 0.1
# Seconds a restarted service gets to stop (Celery finishes its task, then exits).
STOP_SECONDS = 3


@dataclass(frozen=True)
class Restarted:
    """Code changed: the services that cannot reload were restarted."""

    services: tuple[str, ...]
    paths: tuple[str, ...]
    seconds: float  # from the save to the restarted containers


@dataclass(frozen=True)
class Rebuilt:
    """An input of the images changed: dev-up ran again."""

    stack: DevStack
    paths: tuple[str, ...]
    recreated: tuple[str, ...]  # services with a new container
    kept: tuple[str, ...]  # the same container as before
    seconds: float
    # Code changed too and no app service was recreated: these were restarted.
    restarted: tuple[str, ...] = ()


@dataclass(frozen=True)
class WatchFailed:
    """dev-up again failed (a lock that does not install): the stack runs as it was."""

    paths: tuple[str, ...]
    error: WarmbuildError


WatchEvent = Restarted | Rebuilt | WatchFailed


def watch(
    load_config: Callable[[], Config],
    engine: Engine,
    started: DevStack,
    *,
    services: str,
    branch: str,
    on_event: Callable[[WatchEvent], None],
    keep_going: Callable[[], bool] = lambda: True,
) -> None:
    """Watch the stack's code folders and the images' inputs until ``keep_going``
    says stop, acting on each change as `watching` decides. Whatever fails while
    acting is reported and watching goes on (the next save may fix it); Ctrl-C ends it."""
    config, code_folders = load_config(), started.code_folders
    before = _snapshot(config, code_folders)
    while keep_going():
        time.sleep(WATCH_INTERVAL)
        if not watching.changed_paths(before, _snapshot(config, code_folders)):
            continue
        time.sleep(SETTLE_SECONDS)
        after = _snapshot(config, code_folders)
        change = watching.classify(watching.changed_paths(before, after), _image_inputs(config))
        # A change made while acting on this one is seen on the next look.
        before = after
        if not change:
            continue
        saved = max((after[path].mtime_ns / 1e9 for path in change.code + change.rebuild if path in after), default=0)
        try:
            config, event = _act(load_config, config, engine, services, branch, change, saved or time.time())
        except Interrupted:
            raise  # Ctrl-C during a build: the user stops watching
        except WarmbuildError as error:
            event = WatchFailed(change.rebuild or change.code, error)
        if event is not None:
            on_event(event)
        if isinstance(event, Rebuilt) and event.stack.code_folders != code_folders:
            code_folders = event.stack.code_folders  # a path dependency came or went
            before = _snapshot(config, code_folders)


def _act(
    load_config: Callable[[], Config],
    config: Config,
    engine: Engine,
    services: str,
    branch: str,
    change: watching.Change,
    saved: float,
) -> tuple[Config, WatchEvent | None]:
    """dev-up again for a change of the images' inputs; a restart of what cannot
    reload for code (also after a dev-up again that recreated none of the app's services)."""
    if change.rebuild:
        config = load_config()
        rebuilt = _rebuild(config, engine, services, branch, change.rebuild)
        if not change.code or set(rebuilt.recreated) & set(_app_services(config)):
            return config, rebuilt
        restarted = _restart(config, engine, services)
        return config, dataclasses.replace(rebuilt, restarted=restarted)
    restarted = _restart(config, engine, services)
    return config, Restarted(restarted, change.code, time.time() - saved) if restarted else None


def _app_services(config: Config) -> tuple[str, ...]:
    return read_stack(config).app_services if config.dev.compose_file else ("backend",)


def _rebuild(config: Config, engine: Engine, services: str, branch: str, paths: tuple[str, ...]) -> Rebuilt:
    started = time.monotonic()
    project = compose_project(config)
    containers = {state.service: state.container for state in engine.compose_states(project)}
    stack = dev_up(config, engine, services=services, branch=branch)
    now = {state.service: state.container for state in engine.compose_states(project)}
    recreated = tuple(name for name in stack.services if now.get(name) != containers.get(name))
    kept = tuple(name for name in stack.services if name not in recreated)
    return Rebuilt(stack, paths, recreated, kept, time.monotonic() - started)


def _restart(config: Config, engine: Engine, services: str) -> tuple[str, ...]:
    """Restart the chosen services that cannot reload by themselves."""
    commands = read_stack(config).commands if config.dev.compose_file else dict.fromkeys(_app_services(config))
    chosen = choose_services(config, services)
    project = compose_project(config)
    # Running ones only: a one-off that finished (a `prestart` migration) stays finished.
    running = {state.service for state in engine.compose_states(project) if state.state == "running"}
    names = tuple(n for n in _restarted_on_code_change(config, commands) if n in chosen and n in running)
    if names:
        engine.compose_restart(project, names, STOP_SECONDS)
    return names


def _image_files(config: Config) -> list[Path]:
    """The files the images are built from (a change: dev-up again)."""
    context = config.root / config.context
    names = [*locks.LOCK_FILES.values(), "pyproject.toml", ".python-version", ".dockerignore"]
    found = [context / name for name in names]
    if config.source is not None:
        found.append(config.source)
    if config.dev.compose_file:
        # Not team_compose_file(): an editor saving by rename leaves it gone for a moment.
        compose = config.root / config.dev.compose_file
        found += [compose, compose.parent / ".env"]
        found += [config.root / name for name in team_stack.default_override(config.dev.compose_file)]
    return [path.resolve() for path in found]


def _image_inputs(config: Config) -> frozenset[str]:
    return frozenset(_relative(path, config.root) for path in _image_files(config))


def _relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()


def _snapshot(config: Config, code_folders: tuple[Path, ...]) -> dict[str, watching.FileStat]:
    """The stat of every file in the code folders (not in ignored folders) and of the
    images' inputs, by path relative to the configuration's folder."""
    paths = list(_image_files(config))
    for root in code_folders:
        for folder, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if d not in watching.IGNORED_FOLDERS]
            paths += [Path(folder, name) for name in files]
    found: dict[str, watching.FileStat] = {}
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            continue  # not there (yet), or gone between the listing and the look
        found[_relative(path, config.root)] = watching.FileStat(stat.st_mtime_ns, stat.st_size)
    return found
