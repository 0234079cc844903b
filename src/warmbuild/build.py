"""The build pipeline: gather inputs -> plan -> (skip | write files, run) -> summary.

Each step is a small function taking the previous result. Only ``gather_inputs``
and ``execute`` touch the outside world, through ``engine``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Callable

from . import doctor, engine, locks, plan, registry_http
from .config import Config
from .errors import ConfigError, EngineError, RegistryError
from .locking import machine_lock
from .progress import BuildProgress
from .repo import read_repo_state
from .report import BuildSummary, summarize, summarize_skip

ProgressCallback = Callable[[BuildProgress], None]


def config_root(config: Config) -> Path:
    """Paths in the config are relative to the config file's folder."""
    return Path(config.source).resolve().parent if config.source != "<defaults>" else Path.cwd()


def _check_paths(config: Config, root: Path) -> None:
    if not (root / config.context).is_dir():
        raise ConfigError(
            f"{config.source}: context: directory {root / config.context} not found",
            "set `context:` to the application's folder (relative to the config file)",
        )
    if not (root / config.dockerfile).is_file():
        raise ConfigError(
            f"{config.source}: dockerfile: {root / config.dockerfile} not found",
            "set `dockerfile:` to an existing file (default docker/python-app.Dockerfile)",
        )


def _secret_sources(config: Config, root: Path) -> tuple[tuple[str, str], ...]:
    """Check each secret's source exists now, not half-way through a build."""
    sources = []
    for secret in config.secrets:
        if secret.file:
            path = (root / secret.file).resolve()
            if not path.is_file():
                raise ConfigError(
                    f"{config.source}: secrets: {secret.id}: file {path} not found", "create it or fix the path"
                )
            sources.append((secret.id, f"src={path}"))
        else:
            if secret.env not in os.environ:
                raise ConfigError(
                    f"{config.source}: secrets: {secret.id}: environment variable {secret.env} is not set",
                    f"export {secret.env}=… before building",
                )
            sources.append((secret.id, f"env={secret.env}"))
    return tuple(sources)


def gather_inputs(config: Config, client, branch: str = "", with_frontend: bool = False) -> plan.BuildInputs:
    """Read everything a plan depends on: files, git, the engine, the base digests.
    Problems surface here, before any build starts."""
    root = config_root(config)
    _check_paths(config, root)
    app_dir = root / config.context
    lock = locks.read_lock(app_dir, config.lock)
    if config.installer == "poetry" and lock.kind != "poetry":
        raise ConfigError(
            f"{config.source}: installer: poetry needs a Poetry lock, found {lock.kind}",
            "use installer: uv or pip, or lock the app with Poetry",
        )
    # Every configured heavy package must be in the lock: say so before the engine.
    locks.heavy_packages(
        lock, config.heavy, plan.installed_groups(config, "prod"), f"{config.context}/{lock.files[-1]}"
    )
    secrets = _secret_sources(config, root)
    facts = engine.read_engine_facts(client, config.builder)
    _require_engine(facts)
    base_digest = _base_digest(client, config.python_image, facts)
    frontend_digest = ""
    if with_frontend and config.frontend.context:
        _check_frontend(config, root)
        frontend_digest = _base_digest(client, config.frontend.node_image, facts)
    dev_uid, dev_gid = plan.dev_user(config.dev.user, os.getuid(), os.getgid())
    dockerfile_path = root / config.dockerfile
    return plan.BuildInputs(
        config=config,
        repo=read_repo_state(root, branch),
        lock=lock,
        lock_texts=tuple((name, (app_dir / name).read_text()) for name in lock.files),
        dockerfile_text=dockerfile_path.read_text(),
        installer_script_text=(dockerfile_path.parent / "install-python-deps.sh").read_text(),
        base_digest=base_digest,
        host_platform=facts.builder_platform or "linux/amd64",
        can_export_cache=doctor.can_export_cache(facts),
        dev_uid=dev_uid,
        dev_gid=dev_gid,
        secrets=secrets,
        frontend_base_digest=frontend_digest,
        registry_reachable=registry_http.ping(config.registry) == "",
    )


def _require_engine(facts: engine.EngineFacts) -> None:
    """The engine, buildx and builder checks of `invoke doctor`, as an error: the same
    words and the same fix in both places."""
    for check in doctor.engine_checks(facts):
        if check.status is doctor.Status.PROBLEM:
            raise EngineError(check.detail, check.fix)


def _base_digest(client, image: str, facts: engine.EngineFacts) -> str:
    digest, where = engine.resolve_digest(client, image, facts.mirrors)
    if not digest:
        raise RegistryError(
            f"base image {image} cannot be resolved: {where}",
            "check `invoke doctor`; a registry mirror or a pullable image is needed",
        )
    return digest


def _check_frontend(config: Config, root: Path) -> None:
    frontend = config.frontend
    if not (root / frontend.context).is_dir():
        raise ConfigError(
            f"{config.source}: frontend.context: directory {root / frontend.context} not found",
            'set it to the frontend\'s folder, or to "" if the app has none',
        )
    if not (root / frontend.dockerfile).is_file():
        raise ConfigError(
            f"{config.source}: frontend.dockerfile: {root / frontend.dockerfile} not found",
            "set it to an existing file (default docker/frontend.Dockerfile)",
        )


def write_files(build_plan: plan.BuildPlan) -> None:
    """The target's `locks` context: a folder named by its content, so it is complete
    or absent. Written beside it and renamed into place, so a concurrent build of the
    same plan never reads a half-written folder; folders of old plans are pruned."""
    Path(build_plan.metadata_file).parent.mkdir(parents=True, exist_ok=True)
    by_folder: dict[Path, list[tuple[str, str]]] = {}
    for path, text in build_plan.files:
        by_folder.setdefault(Path(path).parent, []).append((Path(path).name, text))
    for folder, named_texts in by_folder.items():
        if not folder.is_dir():
            _write_folder_atomically(folder, named_texts)
        os.utime(folder)  # in use now: not stale for another run's pruning
        _prune_stale_siblings(folder)


def _write_folder_atomically(folder: Path, named_texts: list[tuple[str, str]]) -> None:
    scratch = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    for name, text in named_texts:
        (scratch / name).write_text(text)
    try:
        scratch.rename(folder)
    except OSError:  # another run renamed the same content into place first
        shutil.rmtree(scratch, ignore_errors=True)


STALE_AFTER_SECONDS = 24 * 3600


def _prune_stale_siblings(folder: Path) -> None:
    """Old plans' folders (a lock changed); a day old so no running build still reads them."""
    cutoff = time.time() - STALE_AFTER_SECONDS
    for sibling in folder.parent.glob("locks-*"):
        try:
            stale = sibling != folder and sibling.stat().st_mtime < cutoff
        except FileNotFoundError:  # pruned by a concurrent run
            continue
        if stale:
            shutil.rmtree(sibling, ignore_errors=True)


def execute(client, build_plan: plan.BuildPlan, on_progress: ProgressCallback | None = None) -> BuildSummary:
    """Run one plan, holding the machine-wide locks of what it writes."""
    with machine_lock(*writes_of(build_plan)):
        return _run(client, build_plan, on_progress)


def writes_of(build_plan: plan.BuildPlan) -> list[str]:
    """The image it names (unless cache-only) and the cache ref it exports (the
    first of its import chain: the branch's own ref)."""
    names = [] if build_plan.output == "cacheonly" else [build_plan.image]
    return names + ([build_plan.cache_from[0]] if build_plan.cache_to else [])


def _run(client, build_plan: plan.BuildPlan, on_progress: ProgressCallback | None) -> BuildSummary:
    write_files(build_plan)
    if build_plan.push:
        _require_registry(build_plan.image)
    run = engine.run_build(client, build_plan.argv, on_progress)
    size = engine.image_size(client, build_plan.image) if build_plan.output != "cacheonly" else 0
    return summarize(build_plan, run, size)


def _require_registry(image: str) -> None:
    registry = image.split("/", 1)[0]
    problem = registry_http.ping(registry)
    if problem:
        raise RegistryError(
            f"registry {registry} is unreachable ({problem}): cannot push {image}",
            "start the registry or fix `registry:`; nothing was pushed",
        )


def ensure_deps(
    client,
    inputs: plan.BuildInputs,
    on_progress: ProgressCallback | None = None,
    *,
    push: bool = True,
    require_registry: bool = True,
) -> BuildSummary:
    """The deps image by its content tag: reused from the registry, else built (and
    pushed when ``push``). With the registry unreachable and not required, the local
    image store serves, or the image is built locally without registry cache."""
    deps_plan = plan.plan_build(inputs, "deps")
    if not inputs.registry_reachable and require_registry:
        raise RegistryError(
            f"registry {inputs.config.registry} is unreachable: cannot check or push {deps_plan.image}",
            "start the registry or fix `registry:`; nothing was pushed",
        )
    # Held from the check to the push: a concurrent run waits, then finds the image.
    with machine_lock(*writes_of(deps_plan)):
        if inputs.registry_reachable and engine.registry_has(client, deps_plan.image):
            return summarize_skip(deps_plan, "deps image with this content tag is already in the registry")
        if inputs.registry_reachable and push:
            return _run(client, deps_plan, on_progress)
        if engine.image_size(client, deps_plan.image):
            return summarize_skip(deps_plan, "deps image with this content tag is in the local image store")
        return _run(client, plan.plan_build(inputs, "deps", "load"), on_progress)


def build_target(
    config: Config,
    target: str,
    *,
    push: bool | None = None,
    branch: str = "",
    on_progress: ProgressCallback | None = None,
) -> list[BuildSummary]:
    """build-deps / build-dev / build-prod: the deps image first (or its reuse), then
    the target, and the frontend's image of the same target if the app has one.
    Returns one summary per build considered."""
    client = engine.docker_client()
    with_frontend = target != "deps" and bool(config.frontend.context)
    inputs = gather_inputs(config, client, branch, with_frontend=with_frontend)
    # Only a task that pushes needs the registry; local builds go on without it.
    summaries = [ensure_deps(client, inputs, on_progress, require_registry=target == "deps" or bool(push))]
    output = "push" if push else ""
    for target_plan in target_plans(inputs, target, output)[1:]:
        summaries.append(execute(client, target_plan, on_progress))
    return summaries


def target_plans(inputs: plan.BuildInputs, target: str, output: str = "") -> list[plan.BuildPlan]:
    """deps, then the target and the frontend's image of the same target. Pure.
    dev and prod export registry cache only if `cache.export_local` says so."""
    export = inputs.config.cache.export_local
    plans = [plan.plan_build(inputs, "deps")]
    if target != "deps":
        plans.append(plan.plan_build(inputs, target, output, export_cache=export))
        if inputs.config.frontend.context:
            plans.append(plan.plan_frontend_build(inputs, target, output or "load", export_cache=export))
    return plans


def plan_targets(config: Config, targets: list[str], branch: str = "") -> list[plan.BuildPlan]:
    """`invoke plan`: the plans, computed against the real engine and registry
    (for the base digests), with nothing built, written or pushed."""
    client = engine.docker_client()
    with_frontend = bool(config.frontend.context) and targets != ["deps"]
    inputs = gather_inputs(config, client, branch, with_frontend=with_frontend)
    plans = {p.target: p for target in targets for p in target_plans(inputs, target)}
    return list(plans.values())
