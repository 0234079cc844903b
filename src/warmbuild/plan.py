"""Plans: configuration + repository state -> the exact buildx commands. Pure.

Nothing here touches Docker, the network or the disk: everything a plan needs
arrives in BuildInputs (gathered by ``build.gather_inputs``), and everything it asks
for is in the BuildPlan (files to write, then one argv to run).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from . import dockerfile, locks
from .config import Config
from .repo import RepoState, branch_slug

TARGETS = ("deps", "dev", "prod")
# Bump when the meaning of the deps key changes, so old tags are never reused wrongly.
DEPS_KEY_SCHEMA = 1
STATE_DIR = ".warmbuild"


@dataclass(frozen=True)
class BuildInputs:
    """Everything outside the config that a plan depends on."""

    config: Config
    repo: RepoState
    lock: locks.Lock
    # The lock files' own text (the poetry installer bind-mounts them).
    lock_texts: tuple[tuple[str, str], ...]
    dockerfile_text: str
    installer_script_text: str
    base_digest: str
    host_platform: str
    can_export_cache: bool
    dev_uid: int = 1000
    dev_gid: int = 1000
    # Secret sources, already checked to exist: ("ca", "src=/path") or ("tok", "env=VAR").
    secrets: tuple[tuple[str, str], ...] = ()
    # The frontend's node image digest ('' when the app has no frontend).
    frontend_base_digest: str = ""
    # False: build without registry cache; the deps image must be local or built here.
    registry_reachable: bool = True

    @property
    def app_dir(self) -> Path:
        return self.repo.root / self.config.context

    @property
    def dockerfile_path(self) -> Path:
        return self.repo.root / self.config.dockerfile


@dataclass(frozen=True)
class BuildPlan:
    target: str
    # The image reference this build produces (tag).
    image: str
    argv: tuple[str, ...]
    # Files to write before running: (absolute path, content). Lock exports only.
    files: tuple[tuple[str, str], ...]
    push: bool
    # push, load or cacheonly
    output: str
    cache_from: tuple[str, ...]
    cache_to: str
    metadata_file: str
    # Why the plan looks the way it does, for the user (e.g. no cache export).
    notes: tuple[str, ...] = ()
    # For deps: what the tag is a hash of.
    key: str = ""

    def command_line(self) -> str:
        import shlex

        return shlex.join(["docker", *self.argv])


# --- the deps image key -------------------------------------------------------------


def installed_groups(config: Config, target: str) -> tuple[str, ...]:
    groups = [locks.MAIN, *config.groups]
    if target == "dev":
        groups.insert(1, locks.DEV)
    return tuple(dict.fromkeys(groups))


def deps_packages(inputs: BuildInputs) -> tuple[locks.LockedPackage, ...]:
    """What the deps image installs. With Poetry as installer it installs the whole
    main group (Poetry cannot install a subset), so all of it is heavy then."""
    groups = installed_groups(inputs.config, "prod")
    lock_name = f"{inputs.config.context}/{inputs.lock.files[-1]}"
    if inputs.config.installer == "poetry":
        return tuple(sorted(locks.select(inputs.lock, groups), key=lambda p: p.name))
    return locks.heavy_packages(inputs.lock, inputs.config.heavy, groups, lock_name)


def deps_key(inputs: BuildInputs) -> str:
    """Canonical JSON of exactly what goes into the deps image."""
    config = inputs.config
    key = {
        "schema": DEPS_KEY_SCHEMA,
        "packages": [[p.name, p.version, p.marker, list(p.hashes)] for p in deps_packages(inputs)],
        "base": f"{config.python_image}@{inputs.base_digest}",
        "dockerfile": dockerfile.text_for_stage(inputs.dockerfile_text, "deps"),
        "installer_script": inputs.installer_script_text,
        "installer": config.installer,
        "apt_packages": sorted(config.apt_packages),
        "platforms": list(config.platforms) or [inputs.host_platform],
        "poetry_groups": _poetry_groups("deps", config) if config.installer == "poetry" else "",
    }
    return json.dumps(key, sort_keys=True, separators=(",", ":"))


def deps_tag(inputs: BuildInputs) -> str:
    return hashlib.sha256(deps_key(inputs).encode()).hexdigest()[:24]


def deps_image(inputs: BuildInputs) -> str:
    return f"{inputs.config.image_repo('deps')}:{deps_tag(inputs)}"


# --- the lock files each target installs ---------------------------------------------


def _poetry_groups(target: str, config: Config) -> str:
    extra = ",".join(config.groups)
    if target == "dev":
        return "--with dev" + (f",{extra}" if extra else "")
    return "--only main" + (f",{extra}" if extra else "")


def lock_files(inputs: BuildInputs, target: str) -> dict[str, str]:
    """The `locks` build context of one target: only what it installs, so a light
    dependency change never touches the deps stage's cache key."""
    if inputs.config.installer == "poetry":
        files = {name: text for name, text in inputs.lock_texts}
        files["poetry-groups.txt"] = _poetry_groups(target, inputs.config) + "\n"
        return files
    if target == "deps":
        return {"heavy.txt": locks.requirements_text(deps_packages(inputs))}
    set_name = "dev" if target == "dev" else "main"
    packages = locks.select(inputs.lock, installed_groups(inputs.config, target))
    return {f"{set_name}.txt": locks.requirements_text(packages)}


# --- cache refs -------------------------------------------------------------------------


def cache_ref(config: Config, target: str, branch: str) -> str:
    return f"{config.cache_repo}:{target}-{branch_slug(branch)}"


def cache_chain(config: Config, target: str, branch: str) -> tuple[str, ...]:
    """Import order: this branch's cache, then the default branch's."""
    refs = [cache_ref(config, target, branch), cache_ref(config, target, config.cache.default_branch)]
    return tuple(dict.fromkeys(refs))


# --- argv -------------------------------------------------------------------------------


def _sanitized_url(url: str) -> str:
    """A git remote without credentials (https://token@host/... must not become a label)."""
    return re.sub(r"^(\w+://)[^/@]+@", r"\1", url)


def _labels(inputs: BuildInputs) -> dict[str, str]:
    created = datetime.fromtimestamp(inputs.repo.commit_time, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    labels = {
        "org.opencontainers.image.revision": inputs.repo.revision,
        "org.opencontainers.image.created": created,
        "org.opencontainers.image.title": inputs.config.name,
        "org.opencontainers.image.base.name": inputs.config.python_image,
    }
    if inputs.repo.source_url:
        labels["org.opencontainers.image.source"] = _sanitized_url(inputs.repo.source_url)
    return labels


def _head(config: Config, dockerfile_path: Path, target: str, no_cache: bool) -> list[str]:
    argv = ["buildx", "build", "--progress=rawjson"]
    if config.builder:
        argv += ["--builder", config.builder]
    argv += ["--file", str(dockerfile_path), "--target", target]
    if no_cache:
        # Rebuild this stage's own steps; what it builds on still comes from cache.
        argv += ["--no-cache-filter", target]
    return argv


def _build_args(values: dict[str, str]) -> list[str]:
    return [part for name, value in values.items() for part in ("--build-arg", f"{name}={value}")]


@dataclass(frozen=True)
class CacheFlags:
    argv: tuple[str, ...]
    chain: tuple[str, ...]
    cache_to: str
    notes: tuple[str, ...]


def cache_flags(inputs: BuildInputs, cache_target: str, export: bool = True) -> CacheFlags:
    """Import through the branch's then the default branch's cache; export to the
    branch's, unless read-only (pull requests), the builder cannot, or the caller
    asked for an import-only build (``export=False``)."""
    config = inputs.config
    chain = cache_chain(config, cache_target, inputs.repo.branch)
    argv = [part for ref in chain for part in ("--cache-from", f"type=registry,ref={ref}")]
    notes: list[str] = []
    cache_to = ""
    if not inputs.registry_reachable:
        return CacheFlags((), (), "", (f"registry {config.registry} is unreachable: building without its cache",))
    if not export:
        pass
    elif config.cache.read_only:
        notes.append("read-only cache (pull-request mode): importing, never exporting")
    elif not inputs.can_export_cache:
        notes.append(
            "this builder cannot export registry cache (docker driver without the containerd image store): "
            "building without cache export; `invoke doctor` shows the fix"
        )
    else:
        cache_to = f"type=registry,ref={chain[0]},mode={config.cache.mode},compression={config.compression}"
        argv += ["--cache-to", cache_to]
    return CacheFlags(tuple(argv), chain, cache_to, tuple(notes))


OUTPUTS = ("push", "load", "cacheonly")


def _attestations(config: Config, output: str) -> list[str]:
    """Provenance (and an SBOM, if asked) travel with pushed images only."""
    if output != "push":
        return []
    flags = ["--provenance", "false" if config.provenance == "off" else f"mode={config.provenance}"]
    if config.sbom:
        flags += ["--sbom", f"generator={config.sbom_generator}" if config.sbom_generator else "true"]
    return flags


def _tail(config: Config, image: str, metadata: Path, output: str, context: Path) -> list[str]:
    """push: to the registry (the image's name comes from --tag); load: into the local
    image store (`--load` with a compression: the store keeps compressed blobs too, and
    gzip costs 2.6 s of a 45 MB layer against 0.7 s for zstd); cacheonly: no image at
    all, only the cache export (cache warming)."""
    flags = {
        # Not forced: layers already compressed otherwise (the base image's) are reused as they are.
        "push": ["--output", f"type=image,push=true,compression={config.compression}"],
        "load": ["--output", f"type=docker,compression={config.compression}"],
        "cacheonly": ["--output", "type=cacheonly"],
    }[output]
    return ["--tag", image, "--metadata-file", str(metadata), *flags, str(context)]


def _text_digest(named_texts: list[tuple[str, str]]) -> str:
    return hashlib.sha256(json.dumps(named_texts).encode()).hexdigest()[:16]


def plan_build(
    inputs: BuildInputs, target: str, output: str = "", no_cache: bool = False, export_cache: bool = True
) -> BuildPlan:
    """The buildx invocation for one target. dev and prod take the deps image by its
    content tag as the `deps` named context, so they never rebuild it. ``output``
    defaults to push for deps, load for the others."""
    if target not in TARGETS:
        raise ValueError(target)
    config = inputs.config
    state = inputs.repo.root / STATE_DIR / config.name / target
    lock_texts = sorted(lock_files(inputs, target).items())
    # Named by content: concurrent builds of one target (cache-warm next to dev-up,
    # two branches) each see their own files, never one half-rewritten by the other.
    locks_dir = state / f"locks-{_text_digest(lock_texts)}"
    output = output or ("push" if target == "deps" else "load")
    image = deps_image(inputs) if target == "deps" else f"{config.image_repo(target)}:{branch_slug(inputs.repo.branch)}"

    argv = _head(config, inputs.dockerfile_path, target, no_cache)
    argv += ["--build-context", f"locks={locks_dir}", "--build-context", f"warmbuild={inputs.dockerfile_path.parent}"]
    if target != "deps":
        argv += ["--build-context", f"deps=docker-image://{deps_image(inputs)}"]

    build_args = {
        "PYTHON_IMAGE": f"{config.python_image}@{inputs.base_digest}",
        "INSTALLER": config.installer,
        # Image config timestamps from the commit: the same commit, the same image.
        "SOURCE_DATE_EPOCH": str(inputs.repo.commit_time),
    }
    if target == "deps":
        build_args["APT_PACKAGES"] = " ".join(config.apt_packages)
    else:
        build_args.update({"APP": config.app, "PORT": str(config.port)})
    if target == "dev":
        build_args.update({"DEV_UID": str(inputs.dev_uid), "DEV_GID": str(inputs.dev_gid)})
    if target == "prod":
        build_args["HEALTH_PATH"] = config.health_path
    argv += _build_args(build_args)
    if target == "prod":
        for name, value in _labels(inputs).items():
            argv += ["--label", f"{name}={value}"]
    for platform in config.platforms:
        argv += ["--platform", platform]
    if config.network:
        argv += ["--network", config.network]
    cache = cache_flags(inputs, target, export_cache)
    argv += cache.argv
    for secret_id, source in inputs.secrets:
        argv += ["--secret", f"id={secret_id},{source}"]
    argv += _attestations(config, output)
    argv += _tail(config, image, state / "metadata.json", output, inputs.app_dir)

    files = tuple((str(locks_dir / name), text) for name, text in lock_texts)
    return BuildPlan(
        target=target,
        image=image,
        argv=tuple(argv),
        files=files,
        push=output == "push",
        output=output,
        cache_from=cache.chain,
        cache_to=cache.cache_to,
        metadata_file=str(state / "metadata.json"),
        notes=cache.notes,
        key=deps_key(inputs) if target == "deps" else "",
    )


def plan_frontend_build(
    inputs: BuildInputs, target: str, output: str = "load", no_cache: bool = False, export_cache: bool = True
) -> BuildPlan:
    """The frontend's dev or prod image: the same cache chain and reporting, its own
    Dockerfile (npm cache mount, lock bind-mounted)."""
    config = inputs.config
    name = f"frontend-{target}"
    state = inputs.repo.root / STATE_DIR / config.name / name
    image = f"{config.image_repo(name)}:{branch_slug(inputs.repo.branch)}"
    argv = _head(config, inputs.repo.root / config.frontend.dockerfile, target, no_cache)
    build_args = {
        "NODE_IMAGE": f"{config.frontend.node_image}@{inputs.frontend_base_digest}",
        "SOURCE_DATE_EPOCH": str(inputs.repo.commit_time),
    }
    if target == "dev":
        build_args.update({"DEV_UID": str(inputs.dev_uid), "DEV_GID": str(inputs.dev_gid)})
    argv += _build_args(build_args)
    for platform in config.platforms:
        argv += ["--platform", platform]
    cache = cache_flags(inputs, name, export_cache)
    argv += cache.argv
    argv += _attestations(config, output)
    argv += _tail(config, image, state / "metadata.json", output, inputs.repo.root / config.frontend.context)
    return BuildPlan(
        target=name,
        image=image,
        argv=tuple(argv),
        files=(),
        push=output == "push",
        output=output,
        cache_from=cache.chain,
        cache_to=cache.cache_to,
        metadata_file=str(state / "metadata.json"),
        notes=cache.notes,
    )


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
