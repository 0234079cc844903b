"""The build pipeline: gather inputs -> plan -> (reuse | write files, run) -> summary.

Each step is a small function taking the previous result. The engine is a
parameter: ``gather_inputs`` and ``execute`` reach the outside world only through
it (and the repository's files).
"""

from __future__ import annotations

import os
import platform as python_platform
import time
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from . import doctor, folders, locks, plan, platforms, quick
from . import selection as selection_module
from .engine import Engine, EngineFacts, ProgressCallback, Unresolved
from .errors import CacheBlobsMissing, ConfigError, EngineError, LockError, RegistryError
from .fingerprint import Record, fingerprint, plan_payload
from .gitrepo import read_repo_state
from .machine_locks import machine_lock
from .options import Config
from .plan import BuildInputs, BuildPlan, Output, PathDependency
from .report import BuildSummary, Outcome, summarize, summarize_index, summarize_reuse
from .selection import Selection
from .targets import SHAPES

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
    if config.require_hashes and not lock.hashed:
        raise LockError(
            f"{config.context}/{lock.files[0]} has no --hash lines and `require_hashes` is on",
            "regenerate it with `uv pip compile --generate-hashes` (or pip-compile --generate-hashes)",
        )
    return lock


def check_selection(selection: Selection) -> None:
    """What every target installs, walked now: a heavy package the target does not
    install, a group the lock does not have, a package without a usable wheel or
    sdist, all stop here, before the engine is asked anything."""
    for target in ("prod", "dev"):
        selection_module.installed(selection, target)
    selection_module.deps_packages(selection)


def local_platform() -> str:
    """This machine's platform, as Docker names it (the builder's, until asked)."""
    return platforms.docker_platform(python_platform.machine().lower())


def build_image_name(config: Config) -> str:
    """The full image of the configured Python: python:3.13-slim -> python:3.13."""
    return config.python_build_image or config.python_image.replace("-slim", "")


def path_dependencies(app_dir: Path, lock: locks.Lock) -> tuple[PathDependency, ...]:
    """The lock's path packages, each with a digest of its files (as the context
    would hold them: caches, VCS and build output left out)."""
    found = []
    for package in lock.packages:
        if package.source.kind is not locks.SourceKind.PATH:
            continue
        source = (app_dir / package.source.path).resolve()
        if not source.is_dir():
            raise LockError(
                f"path dependency {package.name} is at {source}, which is not a folder",
                "fix the path in pyproject.toml and relock",
            )
        found.append(PathDependency(package.name, source, folders.content_digest(source)))
    return tuple(found)


def require_engine(facts: EngineFacts, platform: str = "") -> None:
    """The engine, buildx and builder checks of `invoke doctor` (and its platforms
    check of the platform this build makes), as an error: the same words and the
    same fix in both places."""
    checks = doctor.engine_checks(facts)
    if platform and facts.builder_platforms:
        checks.append(doctor.platforms_check(facts, (platform,)))
    for check in checks:
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


def gather_inputs(
    config: Config, engine: Engine, branch: str = "", with_frontend: bool = False, platform: str = ""
) -> BuildInputs:
    """Read everything a plan depends on: files, git, the engine, the base digests.
    Problems surface here, before any build starts. ``platform``: the image's (default:
    the one a local build makes, `platforms.build_platforms`)."""
    app_dir = _check_context(config)
    dockerfile = dockerfile_path(config)
    dockerfile_text = dockerfile.read_text()
    lock = read_lock(config, app_dir)
    lock_name = f"{config.context}/{lock.files[-1]}"
    platform_name = platform or (config.platforms[0] if config.platforms else local_platform())
    env = locks.target_environment(config.python_image, config.python_version, platform_name)
    check_selection(Selection(config, lock, env, dockerfile_text, lock_name))
    secrets = _secret_sources(config)
    frontend = _frontend_dockerfile(config) if with_frontend and config.frontend.context else None
    facts = engine.facts(config.builder)
    require_engine(facts)
    chosen = platforms.build_platforms(config.platforms, facts.builder_platform or platform_name, Output.LOAD)[0]
    if not platform and chosen != platform_name:
        # A remote builder of another architecture, or a laptop building its own of the
        # configured platforms: that platform's environment decides.
        platform_name = chosen
        env = locks.target_environment(config.python_image, config.python_version, platform_name)
        check_selection(Selection(config, lock, env, dockerfile_text, lock_name))
    require_engine(facts, platform_name)
    selection = Selection(config, lock, env, dockerfile_text, lock_name)
    builds_from_source = any(selection_module.built_packages(selection, t) for t in plan.TARGETS)
    build_image = build_image_name(config) if builds_from_source else ""
    frontend_digest = base_digest(engine, config.frontend.node_image, facts) if frontend else ""
    dev_uid, dev_gid = plan.dev_user(config.dev.user, os.getuid(), os.getgid())
    return BuildInputs(
        config=config,
        repo=read_repo_state(config.root, branch),
        lock=lock,
        environment=env,
        lock_texts=tuple((name, (app_dir / name).read_text()) for name in lock.files),
        dockerfile_path=dockerfile,
        dockerfile_text=dockerfile_text,
        installer_script_text=(dockerfile.parent / INSTALL_SCRIPT).read_text(),
        base_digest=base_digest(engine, config.python_image, facts),
        host_platform=facts.builder_platform or "linux/amd64",
        can_export_cache=facts.can_export_cache,
        builder_engine=facts.builder_engine,
        dev_uid=dev_uid,
        dev_gid=dev_gid,
        secrets=secrets,
        frontend_dockerfile=frontend,
        frontend_dockerfile_text=frontend.read_text() if frontend else "",
        frontend_base_digest=frontend_digest,
        registry_reachable=engine.registry_problem(config.registry) is None,
        build_image=build_image,
        build_base_digest=base_digest(engine, build_image, facts) if build_image else "",
        path_dependencies=path_dependencies(app_dir, lock),
        platform=platform_name,
        **_dockerignore(config, dockerfile),
    )


def platform_inputs(
    config: Config, engine: Engine, output: Output, branch: str = "", with_frontend: bool = False
) -> list[BuildInputs]:
    """The inputs of each platform a build with this output makes (one, unless several
    are configured and pushed or cache-only). The frontend goes with the first."""
    first = gather_inputs(config, engine, branch, with_frontend)
    chosen = platforms.build_platforms(config.platforms, first.host_platform, output)
    others = [gather_inputs(config, engine, branch, platform=p) for p in chosen if p != first.platform]
    return [first, *others] if first.platform in chosen else others


# What never goes into an image, whatever the repository's own .dockerignore says
# (appended to it: the last matching line wins).
NEVER_IN_IMAGES = """
# warmbuild: never in an image, whatever the lines above say
**/.git
**/.env
**/.env.*
**/*.pem
**/.netrc
**/.pypirc
**/.warmbuild
**/.venv
**/__pycache__
**/*.py[co]
"""


def _dockerignore(config: Config, dockerfile: Path) -> dict[str, str]:
    """The repository's own .dockerignore (the app folder's, else the repository
    root's) with what never belongs in an image added; else the packaged one."""
    own = folders.repository_dockerignore(config.context, lambda path: (config.root / path).is_file())
    if own is not None:
        text = (config.root / own).read_text() + NEVER_IN_IMAGES
        return {"dockerignore_text": text, "dockerignore_source": own}
    packaged = dockerfile.with_name(f"{dockerfile.name}.dockerignore")
    text = packaged.read_text() if packaged.is_file() else NEVER_IN_IMAGES
    return {"dockerignore_text": text, "dockerignore_source": "warmbuild's"}


# --- running a plan ---------------------------------------------------------------------------


def write_files(build_plan: BuildPlan) -> None:
    """The folders the build reads that warmbuild stages: the target's `locks`
    context and the copies of path dependencies, each named by its content."""
    state = Path(build_plan.metadata_file).parent
    with folders.writing(state):
        state.mkdir(parents=True, exist_ok=True)
    if build_plan.definition_files:
        folders.stage_texts(build_plan.dockerfile.parent, list(build_plan.definition_files))
    if build_plan.locks_dir:
        folders.stage_texts(Path(build_plan.locks_dir), list(build_plan.files))
    for folder, copies in build_plan.trees:
        folders.stage_copies(Path(folder), copies)


def writes_of(build_plan: BuildPlan) -> list[str]:
    """What a build writes, as machine-wide lock names: the image it names (unless
    cache-only) and the cache ref it exports."""
    names = [] if build_plan.output is Output.CACHE_ONLY else [build_plan.image]
    exported = build_plan.exported_cache_ref
    return names + ([exported] if exported else [])


def execute(
    engine: Engine, build_plan: BuildPlan, on_progress: ProgressCallback | None = None, rebuild: bool = False
) -> BuildSummary:
    """Run one plan, holding the machine-wide locks of what it writes; skip it when
    nothing changed since its last build (unless ``rebuild``)."""
    with machine_lock(*writes_of(build_plan)):
        return _run(engine, build_plan, on_progress, rebuild)


def execute_all(
    engine: Engine, plans: list[BuildPlan], on_progress: ProgressCallback | None = None, rebuild: bool = False
) -> list[BuildSummary]:
    """Independent builds (the backend's image and the frontend's) at once: a new
    machine pulls and unpacks both bases side by side instead of one after the other.
    Summaries in plan order; if a build fails, the first failure is raised once every
    build has ended (each one is whole or absent, never half-written)."""
    if len(plans) < 2:
        return [execute(engine, p, on_progress, rebuild) for p in plans]
    with ThreadPoolExecutor(max_workers=len(plans)) as pool:
        futures = [pool.submit(execute, engine, p, on_progress, rebuild) for p in plans]
        wait(futures)
    failures = [error for error in (f.exception() for f in futures) if error is not None]
    if failures:
        raise failures[0]
    return [f.result() for f in futures]


def _run(
    engine: Engine, build_plan: BuildPlan, on_progress: ProgressCallback | None, rebuild: bool = False
) -> BuildSummary:
    write_files(build_plan)
    current = build_fingerprint(build_plan)
    if not rebuild and _unchanged(engine, build_plan, current):
        if build_plan.output is Output.LOAD and build_plan.holds_context:
            quick.observe_replayable(_replayable(build_plan))
        return summarize_reuse(build_plan, Outcome.UNCHANGED)
    if build_plan.pushes:
        _require_registry(engine, build_plan.image)
    record_path(build_plan).unlink(missing_ok=True)  # a failed or cancelled build leaves no record
    try:
        run = engine.run_build(build_plan.argv, on_progress, build_plan.builder)
    except CacheBlobsMissing:
        if not build_plan.cache_from:
            raise
        build_plan = build_plan.without_cache_imports(
            "a layer of the registry cache vanished while this build read it (the ref was rewritten and "
            "collected meanwhile): built again without registry cache"
        )
        run = engine.run_build(build_plan.argv, on_progress, build_plan.builder)
    size = engine.local_image_size(build_plan.image) if build_plan.output is Output.LOAD else None
    _remember(engine, build_plan, current)
    return summarize(build_plan, run, size)


# --- skipping what did not change ---------------------------------------------------------


def record_path(build_plan: BuildPlan) -> Path:
    return Path(build_plan.metadata_file).with_name("last-build.json")


def _image_id(engine: Engine, build_plan: BuildPlan) -> str | None:
    """What identifies the image the build made: the local ID of a loaded image, the
    registry's digest of a pushed one."""
    if build_plan.output is Output.LOAD:
        return engine.local_image_id(build_plan.image)
    if build_plan.output is Output.PUSH:
        return engine.registry_digest(build_plan.image)
    return None


def _unchanged(engine: Engine, build_plan: BuildPlan, current: str | None) -> bool:
    if current is None or not record_path(build_plan).is_file():
        return False
    record = Record.from_json(record_path(build_plan).read_text())
    if record is None or record.fingerprint != current or record.image != build_plan.image:
        return False
    return _image_id(engine, build_plan) == record.image_id


def _remember(engine: Engine, build_plan: BuildPlan, current: str | None) -> None:
    image_id = _image_id(engine, build_plan) if current else None
    if current and image_id:
        folders.write_text(record_path(build_plan), Record(current, build_plan.image, image_id).to_json())


def _replayable(build_plan: BuildPlan) -> dict[str, object]:
    """What `replay` needs to run this build again as planned when only its context's
    files change: the argv, the locks it holds, where its record goes, and the plan's
    part of its fingerprint (the context's is computed then)."""
    return {
        "target": build_plan.target,
        "image": build_plan.image,
        "argv": list(build_plan.argv),
        "locks": writes_of(build_plan),
        "last_build": str(record_path(build_plan)),
        "payload": plan_payload(build_plan, [build_plan.definition_digest]),
        # As the quick record names the files it walked (absolute, links not resolved).
        "context": str(Path(build_plan.context).absolute()),
        "dockerfile": str(build_plan.dockerfile),
    }


def build_fingerprint(build_plan: BuildPlan) -> str | None:
    """None for builds that are never skipped: cache-only ones (their point is the
    registry's cache, which no local record can vouch for)."""
    if build_plan.output is Output.CACHE_ONLY:
        return None
    context = folders.context_digest(build_plan.context, build_plan.dockerfile) if build_plan.holds_context else None
    return fingerprint(build_plan, [build_plan.definition_digest], context)


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
    export_cache: bool = True,
    rebuild: bool = False,
) -> BuildSummary:
    """The deps image by its content tag: reused from the registry, else built (and
    pushed when ``push``; its registry cache exported when ``export_cache``). With the
    registry unreachable and not required, the local image store serves, or the image
    is built locally without registry cache."""
    deps_plan = plan.plan_build(inputs, plan.Target.DEPS, no_cache=rebuild, export_cache=export_cache)
    if not inputs.registry_reachable and require_registry:
        raise RegistryError(
            f"registry {inputs.config.registry} is unreachable: cannot check or push {deps_plan.image}",
            "start the registry or fix `registry:`; nothing was pushed",
        )
    # Held from the check to the push: a concurrent run waits, then finds the image.
    with machine_lock(*writes_of(deps_plan)):
        # build-deps --rebuild: its own steps run again, whatever the registry holds.
        if not rebuild and inputs.registry_reachable and engine.registry_has(deps_plan.image):
            return summarize_reuse(deps_plan, Outcome.REUSED_FROM_REGISTRY)
        if inputs.registry_reachable and push:
            return _run(engine, deps_plan, on_progress, rebuild)
        if not rebuild and engine.local_image_size(deps_plan.image) is not None:
            return summarize_reuse(deps_plan, Outcome.REUSED_FROM_LOCAL_STORE)
        local = plan.plan_build(inputs, plan.Target.DEPS, Output.LOAD, no_cache=rebuild, export_cache=export_cache)
        return _run(engine, local, on_progress, rebuild)


def run_request(
    engine: Engine,
    inputs: BuildInputs,
    request: plan.BuildRequest,
    on_progress: ProgressCallback | None = None,
    rebuild: bool = False,
) -> list[BuildSummary]:
    """How every task that builds images builds them: the deps image first (reused by
    its content tag when it exists), then the request's other images at once."""
    plans = plan.request_plans(inputs, request)
    export_deps = plan.exports_deps_cache(inputs.config, request.target)
    deps = ensure_deps(
        engine,
        inputs,
        on_progress,
        require_registry=request.needs_registry,
        export_cache=export_deps,
        rebuild=request.no_cache and request.target is plan.Target.DEPS,
    )
    return [deps, *execute_all(engine, plans[1:], on_progress, rebuild)]


def build_target(
    config: Config,
    engine: Engine,
    target: str,
    *,
    push: bool = False,
    branch: str = "",
    rebuild: bool = False,
    on_progress: ProgressCallback | None = None,
) -> list[BuildSummary]:
    """build-deps / build-dev / build-prod: the deps image (or its reuse), then the
    target, and the frontend's image of the same target if the app has one. Returns
    one summary per build considered."""
    kind = plan.Target(target)
    request = plan.BuildRequest(kind, Output.PUSH if push else None, no_cache=rebuild)
    output = request.output or SHAPES[kind].default_output
    each = platform_inputs(config, engine, output, branch, with_frontend=kind is not plan.Target.DEPS)
    summaries = [s for inputs in each for s in run_request(engine, inputs, request, on_progress, rebuild)]
    index = plan.plan_index(each, kind) if output is Output.PUSH else None
    if index is not None:
        summaries.append(publish_index(engine, index, [inputs.target_platform for inputs in each], kind))
    return summaries


def publish_index(engine: Engine, index: plan.IndexPlan, platforms_made: list[str], kind: plan.Target) -> BuildSummary:
    """One multi-platform image: `docker pull` on any platform takes its own. Written
    only after every platform's image is pushed, so the tag never names a partial set."""
    started = time.monotonic()
    with machine_lock(index.tag):
        engine.create_index(index.argv)
    note = f"one image for {', '.join(platforms_made)}"
    return summarize_index(index.tag, kind.value, time.monotonic() - started, note)


def plan_targets(
    config: Config, engine: Engine, targets: list[str], branch: str = "", *, push: bool = False, rebuild: bool = False
) -> list[BuildPlan]:
    """`invoke plan`: the plans the build tasks would run with these flags, computed
    against the real engine and registry (for the base digests), with nothing built,
    written or pushed."""
    return plan_all(config, engine, targets, branch, push=push, rebuild=rebuild).builds


@dataclass(frozen=True)
class Planned:
    """What `invoke plan` shows: the builds, then the multi-platform images joining them."""

    builds: list[BuildPlan]
    indexes: list[plan.IndexPlan]


def plan_all(
    config: Config, engine: Engine, targets: list[str], branch: str = "", *, push: bool = False, rebuild: bool = False
) -> Planned:
    """`plan_targets` with the multi-platform images a push of several platforms writes."""
    kinds = [plan.Target(t) for t in targets]
    output = Output.PUSH if push else Output.LOAD
    each = platform_inputs(config, engine, output, branch, with_frontend=kinds != [plan.Target.DEPS])
    plans: dict[tuple[str, str], BuildPlan] = {}
    for inputs in each:
        for kind in kinds:
            request = plan.BuildRequest(kind, Output.PUSH if push else None, no_cache=rebuild)
            for build_plan in plan.request_plans(inputs, request):
                # deps as the first target asking for it builds it (build-deps exports its cache).
                plans.setdefault((build_plan.target, build_plan.image), build_plan)
    indexes = [index for kind in kinds if push and (index := plan.plan_index(each, kind)) is not None]
    return Planned(list(plans.values()), indexes)
