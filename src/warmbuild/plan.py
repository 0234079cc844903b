"""Plans: configuration + repository state -> the exact buildx commands. Pure.

Nothing here touches Docker, the network or the disk: everything a plan needs
arrives in BuildInputs (gathered by ``pipeline.gather_inputs``), and everything it
asks for is in the BuildPlan (files to write, then one argv to run).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import shlex
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from . import dockerfile, locks, platforms, runtime, selection
from .errors import ConfigError, EngineError
from .locks import LockedPackage, TargetEnvironment
from .options import Config
from .repo import RepoState, branch_slug
from .selection import Selection
from .targets import SHAPES, Output, Target

__all__ = ["Output", "Target"]  # where the planner's callers find them

TARGETS = tuple(Target)
# Bump when the meaning of the deps key changes, so old tags are never reused wrongly.
DEPS_KEY_SCHEMA = 2
STATE_DIR = ".warmbuild"
PACKAGED_DOCKERFILES = Path(__file__).resolve().parent / "docker"


# A folder to fill before a build: its path, and (source folder, name inside) pairs.
Tree = tuple[str, tuple[tuple[str, str], ...]]


@dataclass(frozen=True)
class PathDependency:
    """A local package of the user's repository that the app depends on."""

    name: str
    source: Path
    # Of its files' content: the staged copy is named by it, so it changes with them.
    digest: str


@dataclass(frozen=True)
class BuildInputs:
    """Everything outside the config that a plan depends on."""

    config: Config
    repo: RepoState
    lock: locks.Lock
    environment: TargetEnvironment
    # The lock files' own text (the poetry installer bind-mounts them).
    lock_texts: tuple[tuple[str, str], ...]
    dockerfile_path: Path
    dockerfile_text: str
    installer_script_text: str
    base_digest: str
    host_platform: str
    can_export_cache: bool
    dev_uid: int = 1000
    dev_gid: int = 1000
    # Secret sources, already checked to exist: ("ca", "src=/path") or ("tok", "env=VAR").
    secrets: tuple[tuple[str, str], ...] = ()
    # The frontend's Dockerfile and node image digest; None when none is built.
    frontend_dockerfile: Path | None = None
    frontend_dockerfile_text: str = ""
    frontend_base_digest: str = ""
    # False: build without registry cache; the deps image must be local or built here.
    registry_reachable: bool = True
    # The image packages without a wheel are compiled in ('' when nothing is).
    build_image: str = ""
    build_base_digest: str = ""
    path_dependencies: tuple[PathDependency, ...] = ()
    # The docker context whose engine the builder builds in, when it is not this
    # engine: images it loads would land there.
    builder_engine: str = ""
    # What leaves the build context out (README, What goes into the image): the
    # repository's own .dockerignore, else warmbuild's; and which file that was.
    dockerignore_text: str = ""
    dockerignore_source: str = ""
    # The platform this build makes ('' = the builder's own): one image per platform.
    platform: str = ""

    @property
    def app_dir(self) -> Path:
        return self.repo.root / self.config.context

    @property
    def target_platform(self) -> str:
        return self.platform or self.host_platform

    @property
    def installing(self) -> platforms.Installing:
        """How this platform's packages are installed (on the builder's CPU when it can)."""
        return platforms.installing(
            self.target_platform,
            self.host_platform,
            self.environment,
            self.config.installer,
            built=list(dict.fromkeys(p.pinned for t in TARGETS for p in selection.built_packages(self.selection, t))),
            apt_packages=self.config.apt_packages,
            build_commands=self.config.build_commands,
        )

    @property
    def selection(self) -> Selection:
        return Selection(self.config, self.lock, self.environment, self.dockerfile_text, lock_name(self))


@dataclass(frozen=True)
class BuildPlan:
    # The build's name in reports: deps, dev, prod, frontend-dev, frontend-prod.
    target: str
    # The image reference this build produces (tag).
    image: str
    argv: tuple[str, ...]
    # What the argv builds with, as fields (the argv is for running, not for reading).
    dockerfile: Path
    context: Path
    # The buildx builder the build runs on ("" = the active one).
    builder: str
    # The `locks` context to write before running: (path inside locks_dir, content).
    files: tuple[tuple[str, str], ...]
    output: Output
    cache_from: tuple[str, ...]
    # The --cache-to value; None when this build exports no cache.
    cache_to: str | None
    metadata_file: str
    # Why the plan looks the way it does, for the user (e.g. no cache export).
    notes: tuple[str, ...] = ()
    # For deps: what the tag is a hash of.
    deps_key: str | None = None
    # Folders to fill before running (named by content): (folder, ((source, name), …)).
    trees: tuple[Tree, ...] = ()
    # Where `files` go: a folder named by their content ('' when there are none).
    locks_dir: str = ""
    # Packages this build installs from wheels it compiles (name==version).
    built_from_source: tuple[str, ...] = ()
    # Of the Dockerfile's (and install script's) text: part of the build's fingerprint.
    definition_digest: str = ""
    # False for an image that never holds its build context (dev: compose mounts the code).
    holds_context: bool = True
    # Files to stage beside `dockerfile` before running (a Dockerfile rendered for the app).
    definition_files: tuple[tuple[str, str], ...] = ()

    @property
    def pushes(self) -> bool:
        return self.output is Output.PUSH

    @property
    def exported_cache_ref(self) -> str | None:
        """The cache ref this build writes (--cache-to's ref=)."""
        if not self.cache_to:
            return None
        return next(part.removeprefix("ref=") for part in self.cache_to.split(",") if part.startswith("ref="))

    def command_line(self) -> str:
        return shlex.join(["docker", *self.argv])

    def without_cache_imports(self, why: str) -> BuildPlan:
        """The same build importing no registry cache: for a cache ref whose blobs
        went missing under it (rewritten and collected while this build read it)."""
        argv: list[str] = []
        parts = iter(self.argv)
        for part in parts:
            if part == "--cache-from":
                next(parts)
                continue
            argv.append(part)
        return dataclasses.replace(self, argv=tuple(argv), cache_from=(), notes=(*self.notes, why))


def packaged(name: str) -> Path:
    """A Dockerfile or script shipped inside the package."""
    return PACKAGED_DOCKERFILES / name


# --- the deps image key -------------------------------------------------------------


def lock_name(inputs: BuildInputs) -> str:
    return f"{inputs.config.context}/{inputs.lock.files[-1]}"


def _package_key(package: LockedPackage) -> list[str]:
    source = package.source
    return [package.name, package.version, source.kind.value, source.url, source.commit, *package.hashes]


def build_args_for(inputs: BuildInputs, target: str) -> dict[str, str]:
    """The build args that decide how a target's packages are built (wheel stage) and,
    for dev and prod, installed last (DEV_INSTALLS, PROD_INSTALLS)."""
    args = {"WHEELS": selection.WHEELS_NONE}
    if selection.built_packages(inputs.selection, target):
        args["WHEELS"] = selection.WHEELS_BUILT
        args["PYTHON_BUILD_IMAGE"] = f"{inputs.build_image}@{inputs.build_base_digest}"
        if inputs.config.build_apt_packages:
            args["BUILD_APT_PACKAGES"] = " ".join(inputs.config.build_apt_packages)
    # A Dockerfile copied from an older packaged one has a single shape of that step.
    if target in (Target.DEV, Target.PROD) and f"{target}-{WITHOUT_INDEX}" in dockerfile.stage_names(
        inputs.dockerfile_text
    ):
        args[f"{target.upper()}_INSTALLS"] = last_installs(inputs, target)
    return args


WITH_INDEX, WITHOUT_INDEX = "with-index", "without-index"


def last_installs(inputs: BuildInputs, target: str) -> str:
    """dev's or prod's last install step (its stage): with the index's secrets only
    where it downloads (the Poetry installer's selection, path dependencies); otherwise
    only the checks, which BuildKit then starts without waiting for secret mounts."""
    downloads = inputs.config.installer == "poetry" or selection.path_packages(inputs.selection, target)
    return f"{target}-{WITH_INDEX if downloads else WITHOUT_INDEX}"


def deps_key(inputs: BuildInputs) -> str:
    """Canonical JSON of exactly what goes into the deps image."""
    config = inputs.config
    env = inputs.environment
    build_args = build_args_for(inputs, "deps")
    key = {
        "schema": DEPS_KEY_SCHEMA,
        "slots": [[_package_key(p) for p in slot] for slot in selection.heavy_slots(inputs.selection)],
        "built": [_package_key(p) for p in selection.built_packages(inputs.selection, "deps")],
        "build": build_args,
        "base": f"{config.python_image}@{inputs.base_digest}",
        "environment": [env.python_full_version, env.machine, list(env.glibc)],
        "dockerfile": dockerfile.text_for_stage(inputs.dockerfile_text, "deps", build_args),
        "installer_script": inputs.installer_script_text,
        "installer": config.installer,
        "apt_packages": sorted(config.apt_packages),
        "platforms": [inputs.target_platform],
        "hashed": inputs.lock.hashed,
    }
    if config.installer == "poetry":
        key["poetry"] = selection.lock_files(inputs.selection, "deps", inputs.lock_texts)
    return json.dumps(key, sort_keys=True, separators=(",", ":"))


def deps_tag(inputs: BuildInputs) -> str:
    return hashlib.sha256(deps_key(inputs).encode()).hexdigest()[:24]


def deps_image(inputs: BuildInputs) -> str:
    return f"{inputs.config.image_repo('deps')}:{deps_tag(inputs)}"


def lock_files(inputs: BuildInputs, target: str) -> dict[str, str]:
    return selection.lock_files(inputs.selection, target, inputs.lock_texts)


def selection_notes(inputs: BuildInputs, target: str) -> tuple[str, ...]:
    """What the user should know about how this target's packages arrive."""
    notes = []
    built = selection.built_packages(inputs.selection, target)
    if built:
        names = ", ".join(p.pinned for p in built)
        notes.append(f"built from source in the wheel-build stage ({inputs.build_image}): {names}")
    if not inputs.lock.hashed:
        notes.append(
            f"{lock_name(inputs)} has no --hash lines: the packages' integrity is not verified "
            "(`require_hashes: true` refuses such files)"
        )
    return tuple(notes)


# --- cache refs -------------------------------------------------------------------------


def cache_ref(config: Config, target: str, branch: str) -> str:
    return f"{config.cache_repo}:{target}-{branch_slug(branch)}"


def cache_chain(config: Config, target: str, branch: str) -> tuple[str, ...]:
    """Import order: this branch's cache, then the default branch's."""
    refs = [cache_ref(config, target, branch), cache_ref(config, target, config.cache.default_branch)]
    return tuple(dict.fromkeys(refs))


@dataclass(frozen=True)
class CacheFlags:
    argv: tuple[str, ...]
    chain: tuple[str, ...]
    cache_to: str | None
    notes: tuple[str, ...]


def cache_flags(inputs: BuildInputs, target: str, export: bool) -> CacheFlags:
    """Import through the branch's then the default branch's cache; export to the
    branch's when asked (``export``), unless read-only (pull requests) or the builder
    cannot."""
    config = inputs.config
    if not inputs.registry_reachable:
        return CacheFlags((), (), None, (f"registry {config.registry} is unreachable: building without its cache",))
    # One platform's cache apart from another's: their steps never match.
    cache_name = target + platforms.tag_suffix(config.platforms, inputs.target_platform)
    chain = cache_chain(config, cache_name, inputs.repo.branch)
    imports = tuple(part for ref in chain for part in ("--cache-from", f"type=registry,ref={ref}"))
    if export and config.cache.read_only:
        return CacheFlags(imports, chain, None, ("read-only cache (pull-request mode): importing, never exporting",))
    if export and not inputs.can_export_cache:
        note = (
            "this builder cannot export registry cache (docker driver without the containerd image store): "
            "building without cache export; `invoke doctor` shows the fix"
        )
        return CacheFlags(imports, chain, None, (note,))
    if not export:
        return CacheFlags(imports, chain, None, ())
    cache_to = f"type=registry,ref={chain[0]},mode={cache_mode(inputs, target)},compression={config.compression}"
    return CacheFlags((*imports, "--cache-to", cache_to), chain, cache_to, ())


def cache_mode(inputs: BuildInputs, target: str) -> Literal["min", "max"]:
    """`cache.mode`, with `auto` decided per target.

    The deps image's own layers are its slots (``COPY --link`` of each), and their cache
    keys are the slots' keys: another machine whose lock moved one slot takes the
    others from a min export without running them (measured on an emptied engine).
    max would also export each slot stage's install layer, the same bytes again
    (a SciPy bump: 1.9 s against 0.5 s, and twice the registry space). What min
    leaves out is worth keeping only where it is costly to redo: the wheels compiled
    from sdists, which another machine would otherwise compile again, and every other
    target's intermediate stages (the frontend's installed node_modules, prod's light
    stage), so those stay max.
    """
    mode = inputs.config.cache.mode
    if mode != "auto":
        return mode
    if target == "deps" and not selection.built_packages(inputs.selection, "deps"):
        return "min"
    return "max"


# --- one image build, backend or frontend -------------------------------------------------


@dataclass(frozen=True)
class ImageSpec:
    """What differs between the image builds: everything else (builder, platforms,
    network, secrets, cache chain, attestations, output) is the same for all."""

    name: str  # the plan's target: deps, dev, prod, frontend-dev, frontend-prod
    stage: str  # the Dockerfile stage
    image: str
    dockerfile: Path
    context: Path
    # Files staged beside the Dockerfile (rendered for the app), if any.
    definition_files: tuple[tuple[str, str], ...] = ()
    build_contexts: tuple[tuple[str, str], ...] = ()
    build_args: tuple[tuple[str, str], ...] = ()
    labels: tuple[tuple[str, str], ...] = ()
    files: tuple[tuple[str, str], ...] = ()
    locks_dir: str = ""
    trees: tuple[Tree, ...] = ()
    notes: tuple[str, ...] = ()
    deps_key: str | None = None
    built_from_source: tuple[str, ...] = ()
    # The stages --no-cache-filter names for this target (default: its own stage).
    own_stages: tuple[str, ...] = ()
    definition_digest: str = ""
    holds_context: bool = True


def _sanitized_url(url: str) -> str:
    """A git remote without credentials (https://token@host/... must not become a label)."""
    return re.sub(r"^(\w+://)[^/@]+@", r"\1", url)


def _labels(inputs: BuildInputs) -> tuple[tuple[str, str], ...]:
    created = datetime.fromtimestamp(inputs.repo.commit_time, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    labels = [
        ("org.opencontainers.image.revision", inputs.repo.revision),
        ("org.opencontainers.image.created", created),
        ("org.opencontainers.image.title", inputs.config.name),
        ("org.opencontainers.image.base.name", inputs.config.python_image),
    ]
    if inputs.repo.source_url:
        labels.append(("org.opencontainers.image.source", _sanitized_url(inputs.repo.source_url)))
    return tuple(labels)


def _attestations(config: Config, output: Output) -> list[str]:
    """Provenance (and an SBOM, if asked) travel with pushed images only. Elsewhere
    buildx would add its own (min) provenance, whose timestamps give a loaded image a
    new ID on every build: compose would recreate containers that nothing changed."""
    if output is not Output.PUSH:
        return ["--provenance", "false"]
    flags = ["--provenance", "false" if config.provenance == "off" else f"mode={config.provenance}"]
    if config.sbom:
        flags += ["--sbom", f"generator={config.sbom_generator}" if config.sbom_generator else "true"]
    return flags


def _output_flags(config: Config, output: Output) -> list[str]:
    """push: to the registry (the image's name comes from --tag); load: into the local
    image store, compressed as configured (the store keeps compressed blobs too, and
    gzip costs 2.6 s of a 45 MB layer against 0.7 s for zstd); cacheonly: no image."""
    # Not forced: layers already compressed otherwise (the base image's) are reused as they are.
    return {
        Output.PUSH: ["--output", f"type=image,push=true,compression={config.compression}"],
        Output.LOAD: ["--output", f"type=docker,compression={config.compression}"],
        Output.CACHE_ONLY: ["--output", "type=cacheonly"],
    }[output]


def plan_image(
    inputs: BuildInputs, spec: ImageSpec, output: Output, no_cache: bool = False, export_cache: bool = True
) -> BuildPlan:
    """The buildx invocation for one image: the one definition of the argv."""
    config = inputs.config
    if output is Output.LOAD and inputs.builder_engine:
        raise EngineError(
            f"builder {config.builder!r} builds in the Docker Engine of context {inputs.builder_engine!r}: "
            f"{spec.image} would be loaded there, not into this engine",
            "push instead (--push), or use a docker-container or remote builder (they load over the wire), "
            "or build without `builder:`",
        )
    # Each platform's build keeps its own record (metadata, last build) apart.
    state = (
        inputs.repo.root
        / STATE_DIR
        / config.name
        / (spec.name + platforms.tag_suffix(config.platforms, inputs.target_platform))
    )
    argv = ["buildx", "build", "--progress=rawjson"]
    if inputs.builder_engine:
        # buildx runs a docker-driver builder of another context only from within that
        # context (`--builder` is refused): the build goes to that engine over its API.
        argv = ["--context", inputs.builder_engine, *argv]
    elif config.builder:
        argv += ["--builder", config.builder]
    argv += ["--file", str(spec.dockerfile), "--target", spec.stage]
    if no_cache:
        # Rebuild the target's own steps; what it builds on still comes from cache.
        for stage in spec.own_stages or (spec.stage,):
            argv += ["--no-cache-filter", stage]
    for name, value in spec.build_contexts:
        argv += ["--build-context", f"{name}={value}"]
    for name, value in spec.build_args:
        argv += ["--build-arg", f"{name}={value}"]
    for name, value in spec.labels:
        argv += ["--label", f"{name}={value}"]
    if config.platforms or inputs.target_platform != inputs.host_platform:
        argv += ["--platform", inputs.target_platform]
    if config.network:
        argv += ["--network", config.network]
    cache = cache_flags(inputs, spec.name, export_cache)
    argv += cache.argv
    for secret_id, source in inputs.secrets:
        argv += ["--secret", f"id={secret_id},{source}"]
    argv += _attestations(config, output)
    metadata = state / "metadata.json"
    argv += ["--tag", spec.image, "--metadata-file", str(metadata), *_output_flags(config, output), str(spec.context)]
    return BuildPlan(
        target=spec.name,
        image=spec.image,
        argv=tuple(argv),
        dockerfile=spec.dockerfile,
        context=spec.context,
        builder=config.builder,
        files=spec.files,
        locks_dir=spec.locks_dir,
        output=output,
        cache_from=cache.chain,
        cache_to=cache.cache_to,
        metadata_file=str(metadata),
        notes=spec.notes + cache.notes,
        deps_key=spec.deps_key,
        trees=spec.trees,
        built_from_source=spec.built_from_source,
        definition_digest=spec.definition_digest,
        holds_context=spec.holds_context,
        definition_files=spec.definition_files,
    )


def _text_digest(named_texts: list[tuple[str, str]]) -> str:
    return hashlib.sha256(json.dumps(named_texts).encode()).hexdigest()[:16]


def python_spec(inputs: BuildInputs, target: Target, output: Output | None = None) -> ImageSpec:
    """deps, dev or prod of the app, as its shape (``targets.SHAPES``) says. dev and
    prod take the deps image by its content tag as the `deps` named context, so they
    never rebuild it. Of several platforms, each pushed image is tagged as its
    platform's (the deps image's content tag holds the platform already)."""
    shape = SHAPES[Target(target)]
    config = inputs.config
    lock_texts = sorted(lock_files(inputs, target).items())
    # Named by content: concurrent builds of one target (cache-warm next to dev-up,
    # two branches) each see their own files, never one half-rewritten by the other.
    locks_dir = inputs.repo.root / STATE_DIR / config.name / target / f"locks-{_text_digest(lock_texts)}"
    suffix = platforms.tag_suffix(config.platforms, inputs.target_platform) if output is not Output.LOAD else ""
    branch_image = f"{config.image_repo(target)}:{_branch_tag(inputs)}{suffix}"
    image = deps_image(inputs) if shape.tagged_by_content else branch_image
    definition = app_definition(inputs)
    contexts = [("locks", str(locks_dir)), ("warmbuild", str(inputs.dockerfile_path.parent))]
    trees: tuple[Tree, ...] = ()
    if shape.on_deps_image:
        contexts.append(("deps", f"docker-image://{deps_image(inputs)}"))
        pathdeps, trees = _pathdeps(inputs)
        contexts.append(("pathdeps", pathdeps))
    args = [
        ("PYTHON_IMAGE", f"{config.python_image}@{inputs.base_digest}"),
        ("INSTALLER", config.installer),
        # Image config timestamps from the commit: the same commit, the same image.
        ("SOURCE_DATE_EPOCH", str(inputs.repo.commit_time)),
        *build_args_for(inputs, target).items(),
        *inputs.installing.build_args,
    ]
    if shape.installs_os_packages:
        args.append(("APT_PACKAGES", " ".join(config.apt_packages)))
    if shape.runs_app and not definition.files:
        args += _app_args(config, shape.released)
    if shape.host_user:
        args += [("DEV_UID", str(inputs.dev_uid)), ("DEV_GID", str(inputs.dev_gid))]
    return ImageSpec(
        name=target,
        stage=target,
        image=image,
        dockerfile=definition.dockerfile,
        definition_files=definition.files,
        context=inputs.app_dir,
        build_contexts=tuple(contexts),
        build_args=tuple(args),
        labels=_labels(inputs) if shape.released else (),
        files=tuple(lock_texts),
        locks_dir=str(locks_dir),
        trees=trees,
        notes=selection_notes(inputs, target) + ((inputs.installing.note,) if inputs.installing.note else ()),
        built_from_source=tuple(p.pinned for p in selection.built_packages(inputs.selection, target)),
        # The deps image is its slots and its OS packages as much as the deps stage.
        own_stages=_own_stages(inputs.dockerfile_text, target),
        definition_digest=definition.digest,
        holds_context=shape.holds_context,
        deps_key=deps_key(inputs) if shape.tagged_by_content else None,
    )


def _branch_tag(inputs: BuildInputs) -> str:
    return branch_slug(inputs.repo.branch)


@dataclass(frozen=True)
class Definition:
    """The Dockerfile an app's images build with."""

    dockerfile: Path
    # Files to stage beside it (the rendered Dockerfile and its .dockerignore), if any.
    files: tuple[tuple[str, str], ...]
    # Of everything that defines the build besides its argv: part of the fingerprint.
    digest: str


# Runtime keys a Dockerfile without runtime blocks cannot apply (it gets APP, INTERFACE,
# PORT and HEALTH_PATH as build args, as before).
RENDERED_ONLY = (
    "server",
    "workers",
    "server_args",
    "command",
    "dev_command",
    "health_command",
    "env",
    "import_root",
    "writable",
    "build_commands",
)


def app_definition(inputs: BuildInputs) -> Definition:
    """A Dockerfile with runtime blocks (the packaged one) is rendered for this app:
    its runtime in the blocks, with the chosen .dockerignore beside it, in a folder
    named by their content. Another Dockerfile is used as it is."""
    config = inputs.config
    script = ("script", inputs.installer_script_text)
    if not runtime.has_blocks(inputs.dockerfile_text):
        defaults = Config()
        changed = [key for key in RENDERED_ONLY if getattr(config, key) != getattr(defaults, key)]
        if changed:
            raise ConfigError(
                f"{config.source_name}: {changed[0]}: {inputs.dockerfile_path} has no runtime blocks to apply it",
                "start your Dockerfile from the packaged one (README, Your own Dockerfile), or remove the key",
            )
        return Definition(inputs.dockerfile_path, (), _text_digest([("Dockerfile", inputs.dockerfile_text), script]))
    rendered = runtime.apply(inputs.dockerfile_text, config)
    files = (("Dockerfile", rendered), ("Dockerfile.dockerignore", inputs.dockerignore_text))
    digest = _text_digest([*files, script])
    folder = inputs.repo.root / STATE_DIR / config.name / f"dockerfile-{digest}"
    return Definition(folder / "Dockerfile", files, digest)


def _app_args(config: Config, released: bool) -> list[tuple[str, str]]:
    """How a Dockerfile without runtime blocks runs the app: build args."""
    # uvicorn's --interface: "auto" tells ASGI 2 from 3 itself; "wsgi" for Flask & co.
    interface = "wsgi" if config.interface == "wsgi" else "auto"
    args = [("APP", config.app), ("INTERFACE", interface), ("PORT", str(config.port))]
    return args + ([("HEALTH_PATH", config.health_path)] if released else [])


def _own_stages(dockerfile_text: str, target: Target) -> tuple[str, ...]:
    """What --rebuild runs again: the deps image is its slots and its OS packages as
    much as the deps stage; dev and prod are their light set's stage and the stages
    of their last install as much as their own."""
    stages = dockerfile.stage_names(dockerfile_text)
    if target is Target.DEPS:
        return tuple(s for s in stages if s in ("os-packages", "deps") or re.fullmatch(r"heavy-\d+", s))
    light = selection.LIGHT_STAGES.get(target)
    if light in stages:
        return tuple(s for s in stages if s in (target, light) or s.startswith(f"{target}-"))
    return ()


def _pathdeps(inputs: BuildInputs) -> tuple[str, tuple[Tree, ...]]:
    """The `pathdeps` context: a folder named by the path dependencies' content, with
    a copy of each (named as the package), so it changes exactly when they do."""
    state = inputs.repo.root / STATE_DIR / inputs.config.name
    wanted = {p.name for p in selection.path_packages(inputs.selection, "dev")} | {
        p.name for p in selection.path_packages(inputs.selection, "prod")
    }
    chosen = sorted((d for d in inputs.path_dependencies if d.name in wanted), key=lambda d: d.name)
    folder = state / f"pathdeps-{_text_digest([(d.name, d.digest) for d in chosen])}"
    return str(folder), ((str(folder), tuple((str(d.source), d.name) for d in chosen)),)


def frontend_spec(inputs: BuildInputs, target: str) -> ImageSpec:
    """The frontend's dev or prod image: its own Dockerfile (npm cache mount, lock
    bind-mounted); no lock exports, no deps image."""
    if inputs.frontend_dockerfile is None:
        raise ValueError("the app has no frontend")
    config = inputs.config
    name = f"frontend-{target}"
    args = [
        ("NODE_IMAGE", f"{config.frontend.node_image}@{inputs.frontend_base_digest}"),
        ("SOURCE_DATE_EPOCH", str(inputs.repo.commit_time)),
    ]
    if target == "dev":
        args += [("DEV_UID", str(inputs.dev_uid)), ("DEV_GID", str(inputs.dev_gid))]
    return ImageSpec(
        name=name,
        stage=target,
        image=f"{config.image_repo(name)}:{branch_slug(inputs.repo.branch)}",
        dockerfile=inputs.frontend_dockerfile,
        context=inputs.repo.root / config.frontend.context,
        build_args=tuple(args),
        definition_digest=_text_digest([("Dockerfile", inputs.frontend_dockerfile_text)]),
    )


def plan_build(
    inputs: BuildInputs, target: str, output: Output | None = None, no_cache: bool = False, export_cache: bool = True
) -> BuildPlan:
    """deps (pushed by default), dev or prod (loaded by default)."""
    kind = Target(target)
    output = output or SHAPES[kind].default_output
    return plan_image(inputs, python_spec(inputs, kind, output), output, no_cache, export_cache)


@dataclass(frozen=True)
class IndexPlan:
    """The platforms' pushed images under the image's own tag, as one multi-platform
    image (an OCI index), written registry to registry after they are all pushed."""

    tag: str
    sources: tuple[str, ...]
    builder: str = ""

    @property
    def argv(self) -> tuple[str, ...]:
        flags = ("--builder", self.builder) if self.builder else ()
        return ("buildx", "imagetools", "create", *flags, "--tag", self.tag, *self.sources)

    def command_line(self) -> str:
        return shlex.join(["docker", *self.argv])


def plan_index(each: list[BuildInputs], target: Target) -> IndexPlan | None:
    """For a pushed dev or prod of several platforms (``each``: their inputs, in
    order): the multi-platform image joining them; None when there is nothing to join."""
    if len(each) < 2 or target is Target.DEPS:
        return None
    sources = tuple(plan_build(inputs, target, Output.PUSH).image for inputs in each)
    tag = plan_build(each[0], target, Output.LOAD).image
    return IndexPlan(tag, sources, each[0].config.builder)


def plan_frontend_build(
    inputs: BuildInputs, target: str, output: Output = Output.LOAD, no_cache: bool = False, export_cache: bool = True
) -> BuildPlan:
    return plan_image(inputs, frontend_spec(inputs, target), output, no_cache, export_cache)


def exports_deps_cache(config: Config, target: str) -> bool:
    """Whether building ``target`` exports the deps image's registry cache when it
    builds that image: build-deps does; the others, as for their own images, only if
    `cache.export_local` says so (cache-warm writes it for the branch). The export
    would stand between the user and the image they wait for (3.4 s of a cold
    build-prod here)."""
    return target == "deps" or config.cache.export_local


@dataclass(frozen=True)
class BuildRequest:
    """What a task asked to build, with every flag that changes an argv: `invoke plan`
    takes the same flags and shows exactly what the task would run."""

    target: Target
    # None: the target's default (deps pushed, dev and prod loaded).
    output: Output | None = None
    # --rebuild: the target's own steps run again; what they build on comes from the cache.
    no_cache: bool = False
    # None: as `cache.export_local` says (cache-warm decides per build).
    export_cache: bool | None = None

    @property
    def needs_registry(self) -> bool:
        """Only a task that pushes needs the registry; local builds go on without it."""
        return self.target is Target.DEPS or self.output is Output.PUSH


def request_plans(inputs: BuildInputs, request: BuildRequest) -> list[BuildPlan]:
    """deps, then the target and the frontend's image of the same target: the one
    definition of the builds a task runs. dev and prod export registry cache only if
    `cache.export_local` says so (or the request does)."""
    config = inputs.config
    export = config.cache.export_local if request.export_cache is None else request.export_cache
    rebuild_deps = request.no_cache and request.target is Target.DEPS
    plans = [
        plan_build(inputs, Target.DEPS, no_cache=rebuild_deps, export_cache=exports_deps_cache(config, request.target))
    ]
    if request.target is not Target.DEPS:
        plans.append(plan_build(inputs, request.target, request.output, request.no_cache, export))
        if inputs.frontend_dockerfile is not None:
            output = request.output or Output.LOAD
            plans.append(plan_frontend_build(inputs, request.target, output, request.no_cache, export))
    return plans


def dev_user(setting: str, host_uid: int, host_gid: int) -> tuple[int, int]:
    """Who the dev containers run as. auto: the host user, so files written into the
    mounted tree stay theirs (and the tree is writable for them); root: the opt-out;
    or an explicit UID:GID."""
    if setting == "root":
        return 0, 0
    if setting == "auto":
        return host_uid, host_gid
    uid, gid = setting.split(":")
    return int(uid), int(gid)
