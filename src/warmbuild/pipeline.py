"""The build pipeline: gather inputs -> plan -> (reuse | write files, run) -> summary.

Each step is a small function taking the previous result. The engine is a
parameter: ``gather_inputs`` and ``execute`` reach the outside world only through
it (and the repository's files).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from . import doctor, locks, plan
from .engine import Engine, EngineFacts, ProgressCallback, Unresolved
from .errors import ConfigError, EngineError, RegistryError
from .gitrepo import read_repo_state
from .locking import machine_lock
from .options import Config
from .plan import BuildInputs, BuildPlan, Output
from .report import BuildSummary, Outcome, summarize, summarize_reuse

INSTALL_SCRIPT = "install-python-deps.sh"


def _existing(config: Config, key: str, configured: str, packaged_name: str, what: str) -> Path:
    """A configured file relative to the config's folder, or the packaged default."""
    if not configured:
        return plan.packaged(packaged_name)
    path = config.root / configured
    if not path.is_file():
        raise ConfigError(f"{config.source_name}: {key}: {path} not found", f"set `{key}:` to {what}")
    return path


def dockerfile_path(config: Config) -> Path:
    return _existing(
        config, "dockerfile", config.dockerfile, "python-app.Dockerfile", 'an existing file, or "" for the packaged one'
    )


def _check_context(config: Config) -> Path:
    app_dir = config.root / config.context
    if not app_dir.is_dir():
        raise ConfigError(
            f"{config.source_name}: context: directory {app_dir} not found",
            "set `context:` to the application's folder (relative to the config file)",
        )
    return app_dir


def _frontend_dockerfile(config: Config) -> Path:
    folder = config.root / config.frontend.context
    if not folder.is_dir():
        raise ConfigError(
            f"{config.source_name}: frontend.context: directory {folder} not found",
            'set it to the frontend\'s folder, or to "" if the app has none',
        )
    return _existing(
        config,
        "frontend.dockerfile",
        config.frontend.dockerfile,
        "frontend.Dockerfile",
        'an existing file, or "" for the packaged one',
    )


def _secret_sources(config: Config) -> tuple[tuple[str, str], ...]:
    """Check each secret's source exists now, not half-way through a build."""
    sources = []
    for secret in config.secrets:
        if secret.file:
            path = (config.root / secret.file).resolve()
            if not path.is_file():
                raise ConfigError(
                    f"{config.source_name}: secrets: {secret.id}: file {path} not found", "create it or fix the path"
                )
            sources.append((secret.id, f"src={path}"))
        else:
            if secret.env not in os.environ:
                raise ConfigError(
                    f"{config.source_name}: secrets: {secret.id}: environment variable {secret.env} is not set",
                    f"export {secret.env}=… before building",
                )
            sources.append((secret.id, f"env={secret.env}"))
    return tuple(sources)


def read_lock(config: Config, app_dir: Path) -> locks.Lock:
    """The app's lock, checked against what the configuration asks of it."""
    lock = locks.read_lock(app_dir, config.lock)
    if config.installer == "poetry" and lock.kind != "poetry":
        raise ConfigError(
            f"{config.source_name}: installer: poetry needs a Poetry lock, found {lock.kind}",
            "use installer: uv or pip, or lock the app with Poetry",
        )
    # Every configured heavy package must be in the lock: say so before the engine.
    groups = plan.installed_groups(config, "prod")
    locks.heavy_packages(lock, config.heavy, groups, f"{config.context}/{lock.files[-1]}")
    return lock


def require_engine(facts: EngineFacts) -> None:
    """The engine, buildx and builder checks of `invoke doctor`, as an error: the
    same words and the same fix in both places."""
    for check in doctor.engine_checks(facts):
        if check.status is doctor.Status.PROBLEM:
            raise EngineError(check.detail, check.fix)


def base_digest(engine: Engine, image: str, facts: EngineFacts) -> str:
    found = engine.resolve_digest(image, facts.mirrors)
    if isinstance(found, Unresolved):
        raise RegistryError(
            f"base image {image} cannot be resolved: {found.why}",
            "check `invoke doctor`; a registry mirror or a pullable image is needed",
        )
    return found.digest


def gather_inputs(config: Config, engine: Engine, branch: str = "", with_frontend: bool = False) -> BuildInputs:
    """Read everything a plan depends on: files, git, the engine, the base digests.
    Problems surface here, before any build starts."""
    app_dir = _check_context(config)
    dockerfile = dockerfile_path(config)
    lock = read_lock(config, app_dir)
    secrets = _secret_sources(config)
    frontend = _frontend_dockerfile(config) if with_frontend and config.frontend.context else None
    facts = engine.facts(config.builder)
    require_engine(facts)
    frontend_digest = base_digest(engine, config.frontend.node_image, facts) if frontend else ""
    dev_uid, dev_gid = plan.dev_user(config.dev.user, os.getuid(), os.getgid())
    return BuildInputs(
        config=config,
        repo=read_repo_state(config.root, branch),
        lock=lock,
        lock_texts=tuple((name, (app_dir / name).read_text()) for name in lock.files),
        dockerfile_path=dockerfile,
        dockerfile_text=dockerfile.read_text(),
        installer_script_text=(dockerfile.parent / INSTALL_SCRIPT).read_text(),
        base_digest=base_digest(engine, config.python_image, facts),
        host_platform=facts.builder_platform or "linux/amd64",
        can_export_cache=facts.can_export_cache,
        dev_uid=dev_uid,
        dev_gid=dev_gid,
        secrets=secrets,
        frontend_dockerfile=frontend,
        frontend_base_digest=frontend_digest,
        registry_reachable=engine.registry_problem(config.registry) is None,
    )


# --- running a plan ---------------------------------------------------------------------------


def write_files(build_plan: BuildPlan) -> None:
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


def writes_of(build_plan: BuildPlan) -> list[str]:
    """What a build writes, as machine-wide lock names: the image it names (unless
    cache-only) and the cache ref it exports."""
    names = [] if build_plan.output is Output.CACHE_ONLY else [build_plan.image]
    exported = build_plan.exported_cache_ref
    return names + ([exported] if exported else [])


def execute(engine: Engine, build_plan: BuildPlan, on_progress: ProgressCallback | None = None) -> BuildSummary:
    """Run one plan, holding the machine-wide locks of what it writes."""
    with machine_lock(*writes_of(build_plan)):
        return _run(engine, build_plan, on_progress)


def _run(engine: Engine, build_plan: BuildPlan, on_progress: ProgressCallback | None) -> BuildSummary:
    write_files(build_plan)
    if build_plan.pushes:
        _require_registry(engine, build_plan.image)
    run = engine.run_build(build_plan.argv, on_progress)
    size = engine.local_image_size(build_plan.image) if build_plan.output is Output.LOAD else None
    return summarize(build_plan, run, size)


def _require_registry(engine: Engine, image: str) -> None:
    registry = image.split("/", 1)[0]
    problem = engine.registry_problem(registry)
    if problem:
        raise RegistryError(
            f"registry {registry} is unreachable ({problem}): cannot push {image}",
            "start the registry or fix `registry:`; nothing was pushed",
        )


def ensure_deps(
    engine: Engine,
    inputs: BuildInputs,
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
        if inputs.registry_reachable and engine.registry_has(deps_plan.image):
            return summarize_reuse(deps_plan, Outcome.REUSED_FROM_REGISTRY)
        if inputs.registry_reachable and push:
            return _run(engine, deps_plan, on_progress)
        if engine.local_image_size(deps_plan.image) is not None:
            return summarize_reuse(deps_plan, Outcome.REUSED_FROM_LOCAL_STORE)
        return _run(engine, plan.plan_build(inputs, "deps", Output.LOAD), on_progress)


def build_target(
    config: Config,
    engine: Engine,
    target: str,
    *,
    push: bool = False,
    branch: str = "",
    on_progress: ProgressCallback | None = None,
) -> list[BuildSummary]:
    """build-deps / build-dev / build-prod: the deps image first (or its reuse), then
    the target, and the frontend's image of the same target if the app has one.
    Returns one summary per build considered."""
    with_frontend = target != "deps" and bool(config.frontend.context)
    inputs = gather_inputs(config, engine, branch, with_frontend=with_frontend)
    # Only a task that pushes needs the registry; local builds go on without it.
    summaries = [ensure_deps(engine, inputs, on_progress, require_registry=target == "deps" or push)]
    for target_plan in plan.target_plans(inputs, target, Output.PUSH if push else None)[1:]:
        summaries.append(execute(engine, target_plan, on_progress))
    return summaries


def plan_targets(config: Config, engine: Engine, targets: list[str], branch: str = "") -> list[BuildPlan]:
    """`invoke plan`: the plans, computed against the real engine and registry
    (for the base digests), with nothing built, written or pushed."""
    with_frontend = bool(config.frontend.context) and targets != ["deps"]
    inputs = gather_inputs(config, engine, branch, with_frontend=with_frontend)
    plans = {p.target: p for target in targets for p in plan.target_plans(inputs, target)}
    return list(plans.values())
