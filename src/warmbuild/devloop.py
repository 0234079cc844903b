"""The local dev loop: build what is stale, start the compose stack, wait for health.

Images come from the build pipeline (deps image reused by its content tag, dev
images from cache); compose only runs them. The variables compose needs are written
to .warmbuild/<name>/dev.env, so `docker compose --env-file …` works by hand too.
"""

from __future__ import annotations

import hashlib
import json
import shlex
from dataclasses import dataclass
from pathlib import Path

from . import folders, pipeline, plan, selection, team_stack
from .engine import ComposeProject, Engine, ProgressCallback, compose_command, compose_up_args
from .errors import BuildFailed, ConfigError
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


def choose_services(config: Config, requested: str) -> tuple[str, ...]:
    """'' means every service the app has; otherwise a comma-separated subset."""
    if config.dev.compose_file:
        stack = read_stack(config)
        available, default = stack.services, team_stack.default_services(stack)
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
    first = read_stack(config).app_services[0] if config.dev.compose_file else "backend"
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


def read_stack(config: Config) -> team_stack.TeamStack:
    """The team's compose file (dev.compose_file) as dev-up runs it."""
    path = team_compose_file(config)
    return team_stack.read_team_stack(path.read_text(), path.parent, config.root / config.context, str(path))


@dataclass(frozen=True)
class TeamStackPlan:
    """What dev-up runs of the team's compose file (`invoke plan` prints it)."""

    stack: team_stack.TeamStack
    started: tuple[str, ...]
    override: Path
    command: tuple[str, ...]


def team_stack_plan(config: Config) -> TeamStackPlan:
    stack = read_stack(config)
    started = team_stack.default_services(stack)
    override = team_override_path(config)
    files = (team_compose_file(config), override)
    project = ComposeProject(files, config.name, env_file_path(config), team=True)
    command = ("docker", *compose_command(project, *compose_up_args(project, started, HEALTH_TIMEOUT)))
    return TeamStackPlan(stack, started, override, command)


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
            if ports and name in services
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
    compose_file = team_compose_file(config) if team else plan.packaged("compose.yaml")
    env_file = env_file_path(config)
    if not env_file.is_file():
        # Nothing was started by dev-up yet; compose still needs its variables set.
        _write_env(env_file, {"BACKEND_IMAGE": "none", "FRONTEND_IMAGE": "none"})
    override = team_override_path(config) if team else pathdeps_override_path(config)
    files = (compose_file, override) if override.is_file() else (compose_file,)
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
    key = stack_key(project, chosen)
    images_kept = all(s.outcome is not Outcome.BUILT for s in summaries)
    restarted = rebuild or not images_kept or not _stack_is_up(engine, record, key)
    if restarted:
        record.unlink(missing_ok=True)
        try:
            engine.compose_up(project, chosen, HEALTH_TIMEOUT)
        except BuildFailed as failed:
            raise _naming_the_service(engine, project, chosen, failed) from None
        folders.write_text(record, json.dumps({"key": key, "containers": engine.compose_container_ids(project)}))
    images = _images(stack, chosen, env["BACKEND_IMAGE"]) if stack is not None else ()
    return DevStack(tuple(summaries), urls(config, chosen, stack), env_file, chosen, restarted, _ps(project), images)


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


def stack_key(project: ComposeProject, services: tuple[str, ...]) -> str:
    """What `compose up` would act on: the compose files, the variables and the services."""
    texts = [path.read_text() for path in (*project.compose_files, project.env_file)]
    return hashlib.sha256(json.dumps([texts, list(services)]).encode()).hexdigest()


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
