"""The local dev loop: build what is stale, start the compose stack, wait for health.

Images come from the build pipeline (deps image reused by its content tag, dev
images from cache); compose only runs them. The variables compose needs are written
to .warmbuild/<name>/dev.env, so `docker compose --env-file …` works by hand too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import build, engine, plan
from .build import ProgressCallback
from .config import Config
from .errors import ConfigError
from .report import BuildSummary

SERVICES = ("backend", "frontend")
# Seconds compose waits for the stack's healthchecks (first start imports numpy & co).
HEALTH_TIMEOUT = 180


@dataclass(frozen=True)
class DevStack:
    summaries: tuple[BuildSummary, ...]
    urls: dict[str, str]
    env_file: Path
    services: tuple[str, ...]


def choose_services(config: Config, requested: str) -> tuple[str, ...]:
    """'' means every service the app has; otherwise a comma-separated subset."""
    available = SERVICES if config.frontend.context else ("backend",)
    if not requested:
        return available
    chosen = tuple(name.strip() for name in requested.split(",") if name.strip())
    unknown = [name for name in chosen if name not in available]
    if unknown:
        raise ConfigError(f"unknown service {unknown[0]!r}", f"use one or more of {', '.join(available)}")
    return chosen


def env_file_path(config: Config) -> Path:
    return build.config_root(config) / plan.STATE_DIR / config.name / "dev.env"


def compose_env(inputs: plan.BuildInputs, frontend_image: str) -> dict[str, str]:
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
    }


def urls(config: Config, services: tuple[str, ...]) -> dict[str, str]:
    found = {"backend": f"http://127.0.0.1:{config.dev.backend_port}"}
    if "frontend" in services:
        found["frontend"] = f"http://127.0.0.1:{config.dev.frontend_port}"
    return found


def _write_env(path: Path, env: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["# Written by `invoke dev-up` for compose.yaml; rewritten on every dev-up."]
    lines += [f"{key}={value}" for key, value in env.items()]
    path.write_text("\n".join(lines) + "\n")


def _compose(config: Config, env_file: Path):
    compose_file = build.config_root(config) / config.dev.compose_file
    if not compose_file.is_file():
        raise ConfigError(
            f"{config.source}: dev.compose_file: {compose_file} not found", "point it at the stack's compose file"
        )
    if not env_file.is_file():
        # Nothing was started by dev-up yet; compose still needs its variables set.
        _write_env(env_file, {"BACKEND_IMAGE": "none", "FRONTEND_IMAGE": "none"})
    return engine.compose_client(str(compose_file), config.name, str(env_file))


def dev_up(
    config: Config,
    *,
    services: str = "",
    rebuild: bool = False,
    branch: str = "",
    on_progress: ProgressCallback | None = None,
) -> DevStack:
    chosen = choose_services(config, services)
    client = engine.docker_client()
    inputs = build.gather_inputs(config, client, branch, with_frontend="frontend" in chosen)
    summaries = [build.ensure_deps(client, inputs, on_progress, require_registry=False)]
    # The backend always: the frontend's dev server depends on it.
    export = config.cache.export_local
    dev_plan = plan.plan_build(inputs, "dev", no_cache=rebuild, export_cache=export)
    summaries.append(build.execute(client, dev_plan, on_progress))
    frontend_image = "none"
    if config.frontend.context:
        frontend_plan = plan.plan_frontend_build(inputs, "dev", no_cache=rebuild, export_cache=export)
        frontend_image = frontend_plan.image
        if "frontend" in chosen:
            summaries.append(build.execute(client, frontend_plan, on_progress))
    env_file = env_file_path(config)
    _write_env(env_file, compose_env(inputs, frontend_image))
    engine.compose_up(_compose(config, env_file), chosen, HEALTH_TIMEOUT)
    return DevStack(tuple(summaries), urls(config, chosen), env_file, chosen)


def dev_down(config: Config, volumes: bool = False) -> list[str]:
    """Stop and remove the stack's containers and network (volumes on request).
    Returns what is left of the project afterwards (nothing, normally)."""
    compose = _compose(config, env_file_path(config))
    engine.compose_down(compose, volumes)
    return engine.compose_containers(compose)


def dev_logs(config: Config, services: str = "", follow: bool = False, tail: str = "200") -> None:
    chosen = choose_services(config, services)
    engine.compose_logs(_compose(config, env_file_path(config)), chosen, follow, tail)


def dev_shell(config: Config, service: str = "backend", command: str = "sh") -> None:
    [chosen] = choose_services(config, service) or ("backend",)
    engine.compose_shell(_compose(config, env_file_path(config)), chosen, command.split())
