"""What each target installs, and how: the lock walked for the image's environment,
split into the deps image's layer slots, the packages built from source apart, and
written as the `locks` build context. Pure."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath

from . import dockerfile, locks, platforms
from .errors import ConfigError, LockError
from .locks import LockedPackage, SourceKind, TargetEnvironment
from .options import Config
from .runtime import APP_DIR

# The ARG that chooses the stage providing wheels built here.
WHEELS_BUILT, WHEELS_NONE = "built-wheels", "no-wheels"


@dataclass(frozen=True)
class Selection:
    """The inputs a selection depends on (a part of BuildInputs)."""

    config: Config
    lock: locks.Lock
    environment: TargetEnvironment
    dockerfile_text: str
    lock_name: str


def target_groups(selection: Selection, target: str) -> tuple[str, ...]:
    """prod (and deps): main and the configured groups; dev: what the lock's tool
    installs for development too (`poetry install`: every group that is not
    optional; `uv sync`: its default groups; requirements-dev.txt)."""
    groups = [locks.MAIN]
    if target == "dev":
        groups += selection.lock.development_groups
    groups += [locks.canonical(g) for g in selection.config.groups]
    return tuple(dict.fromkeys(groups))


@functools.lru_cache(maxsize=64)
def installed(selection: Selection, target: str) -> tuple[LockedPackage, ...]:
    packages = locks.install_set(
        selection.lock, target_groups(selection, target), selection.environment, selection.lock_name
    )
    _check_usable(selection, packages)
    return packages


def _check_usable(selection: Selection, packages: Iterable[LockedPackage]) -> None:
    env = selection.environment
    for package in packages:
        if locks.unusable(package, env):
            fix = "pick a `python_image` the lock has wheels for, or relock for this Python"
            platform = platforms.docker_platform(env.machine)
            if platform in selection.config.platforms:
                fix += f"; or leave {platform} out of `platforms`"
            raise LockError(
                f"{package.name}=={package.version} in {selection.lock_name} has no wheel for CPython "
                f"{env.python_version} on linux/{env.machine} and no sdist to build one from",
                fix,
            )
        if selection.config.installer == "poetry" and _special(package, env):
            raise ConfigError(
                f"installer: poetry cannot install {package.name} ({_how(package)}) in a slim image",
                "use `installer: uv` (or pip): warmbuild builds it in a wheel-build stage",
            )


def _special(package: LockedPackage, env: TargetEnvironment) -> bool:
    return package.source.kind is SourceKind.PATH or locks.needs_build(package, env)


def _how(package: LockedPackage) -> str:
    if package.source.kind is SourceKind.PATH:
        return "a path dependency"
    if package.source.kind is SourceKind.GIT:
        return "a git dependency"
    return "no wheel: it must be compiled"


@functools.lru_cache(maxsize=64)
def deps_packages(selection: Selection) -> tuple[LockedPackage, ...]:
    """What the deps image installs: the heavy packages and their dependencies. With
    Poetry as installer, all of main (Poetry cannot install a subset)."""
    prod = installed(selection, "prod")
    if selection.config.installer == "poetry":
        return prod
    return locks.heavy_packages(prod, selection.config.heavy, selection.lock_name)


def _size(package: LockedPackage, env: TargetEnvironment) -> int:
    """Bytes of the wheel that installs here, where the lock records it (uv.lock)."""
    sizes = [f.size or 0 for f in package.files if f.is_wheel and env.wheel_fits(f.filename)]
    return max(sizes, default=0)


@functools.lru_cache(maxsize=64)
def heavy_slots(selection: Selection) -> tuple[tuple[LockedPackage, ...], ...]:
    """The deps image's layers, as many as the Dockerfile has slots: first what
    several heavy packages share (numpy for scipy and opencv), then each heavy package
    with what only it needs, largest first where the lock records sizes (config order
    otherwise), and whatever does not fit a slot of its own in the last one."""
    count = max(1, dockerfile.heavy_slot_count(selection.dockerfile_text))
    packages = deps_packages(selection)
    if selection.config.installer == "poetry" or count == 1:
        return (packages,) + ((),) * (count - 1)
    roots = [locks.canonical(r) for r in selection.config.heavy]
    owners: dict[str, set[str]] = {}
    for root in roots:
        for package in locks.closure(packages, [root]):
            owners.setdefault(package.name, set()).add(root)
    shared = tuple(p for p in packages if len(owners.get(p.name, ())) != 1)
    groups = [tuple(p for p in packages if owners.get(p.name) == {root}) for root in roots]
    groups = [g for g in groups if g]
    env = selection.environment
    groups.sort(key=lambda group: -sum(_size(p, env) for p in group))  # stable: config order on ties
    own, rest = groups[: count - 2], groups[count - 2 :]
    merged = tuple(sorted((p for group in rest for p in group), key=lambda p: p.name))
    slots = [shared, *own, merged]
    return tuple(slots + [()] * (count - len(slots)))


def to_build(selection: Selection, packages: Iterable[LockedPackage], target: str) -> tuple[LockedPackage, ...]:
    """What of ``packages`` is compiled in this target's build: those without a usable
    wheel, except (for dev and prod) what the deps image already holds."""
    held = set() if target == "deps" else {p.key for p in deps_packages(selection)}
    return tuple(p for p in packages if locks.needs_build(p, selection.environment) and p.key not in held)


def build_line(package: LockedPackage) -> str:
    """One line of build.txt: what pip wheel builds (pinned sdist, git commit, URL)."""
    source = package.source
    if source.kind is SourceKind.GIT:
        subdirectory = f"#subdirectory={source.path}" if source.path else ""
        return f"{package.name} @ git+{source.url}@{source.commit}{subdirectory}"
    head = f"{package.name} @ {source.url}" if source.kind is SourceKind.URL else package.pinned
    return head + "".join(f" --hash={h}" for h in package.hashes)


# Each target's light stage: its set less what deps holds, in a venv of its own that
# the target links onto the deps image (so a heavy package's new version re-links it).
LIGHT_STAGES = {"prod": "light", "dev": "dev-light"}


def target_sets(selection: Selection, target: str) -> dict[str, tuple[LockedPackage, ...]]:
    """The installer's sets for one target: heavy-N for deps, main or dev."""
    if target == "deps":
        return {f"heavy-{i}": slot for i, slot in enumerate(heavy_slots(selection), start=1)}
    return {"dev" if target == "dev" else "main": installed(selection, target)}


@functools.lru_cache(maxsize=64)
def built_packages(selection: Selection, target: str) -> tuple[LockedPackage, ...]:
    return tuple(
        p for packages in target_sets(selection, target).values() for p in to_build(selection, packages, target)
    )


def path_packages(selection: Selection, target: str) -> tuple[LockedPackage, ...]:
    if target == "deps":
        return ()
    return tuple(p for p in installed(selection, target) if p.source.kind is SourceKind.PATH)


def lock_files(selection: Selection, target: str, lock_texts: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """The `locks` build context of one target, a folder per install step (its RUN
    mounts that folder alone): only what the step installs is in its cache key, so a
    light dependency never touches the deps image and a heavy package's new version
    re-runs its own slot alone.

    Every folder a step mounts exists, empty or not: heavy-1 … heavy-N (deps), main
    (and light: main less what deps holds) or dev (and dev-light), build (what the wheel-build stage
    compiles), paths (path dependencies)."""
    files: dict[str, str] = {}
    sets = target_sets(selection, target)
    for set_name, packages in sets.items():
        files.update(_set_folder(selection, target, set_name, packages, lock_texts))
    if target in LIGHT_STAGES:
        # prod's light stage (dev's dev-light) installs into a venv of its own, linked
        # onto deps: only what deps does not hold (the set less the heavy packages and
        # their needs).
        in_deps = set(deps_packages(selection))
        light = tuple(p for p in installed(selection, target) if p not in in_deps)
        files.update(_set_folder(selection, target, LIGHT_STAGES[target], light, ()))
    built = built_packages(selection, target)
    files["build/build.txt"] = "".join(build_line(p) + "\n" for p in built)
    if target != "deps":
        files.update(project_files(selection))
        check_server(selection, target, [p for packages in sets.values() for p in packages])
        files["paths/paths.txt"] = "".join(f"{p.name}\n" for p in path_packages(selection, target))
    return files


def _set_folder(
    selection: Selection,
    target: str,
    set_name: str,
    packages: tuple[LockedPackage, ...],
    lock_texts: tuple[tuple[str, str], ...],
) -> dict[str, str]:
    """One install step's folder: packages.txt (pinned, hashed where the lock is),
    built.txt (those compiled in the wheel-build stage); for Poetry, its own files."""
    folder: dict[str, str] = {"packages.txt": ""}
    if selection.config.installer == "poetry":
        if set_name in ("heavy-1", "main", "dev"):  # Poetry installs the whole selection at once
            folder.update(lock_texts)
            folder["poetry-groups.txt"] = _poetry_groups(selection, target) + "\n"
    else:
        built = to_build(selection, packages, target)
        index = [
            p
            for p in packages
            if p.source.kind is not SourceKind.PATH and not locks.needs_build(p, selection.environment)
        ]
        if index:
            folder["packages.txt"] = locks.requirements_text(
                index, selection.lock.index_options, selection.lock.lock_file
            )
        if built:
            folder["built.txt"] = "".join(f"{p.pinned}\n" for p in built)
        if selection.lock.hashed:
            folder["require-hashes"] = ""
    return {f"{set_name}/{name}": text for name, text in folder.items()}


def check_server(selection: Selection, target: str, packages: Iterable[LockedPackage]) -> None:
    """The server `server` names is in ``packages``, what the target installs: an image whose
    command is `gunicorn …` without gunicorn fails at start, not here. (A Dockerfile
    that installs its server beside the lock, `pip install gunicorn`, hides it there.)"""
    config = selection.config
    if config.command or (target == "dev" and config.dev_command):
        return
    needed = [config.server]
    if config.server == "gunicorn" and config.interface == "asgi":
        needed.append("uvicorn")  # its worker class
    have = {p.name for p in packages}
    missing = [name for name in needed if name not in have]
    if missing:
        names = " ".join(missing)
        add = {"poetry": f"`poetry add {names}`", "uv": f"`uv add {names}`"}.get(
            selection.lock.kind, f"{names} in the file it is compiled from, then recompile"
        )
        raise ConfigError(
            f"server: {', '.join(missing)} is not in what {selection.lock_name} installs for {target}, so the image "
            "could not start",
            f"add it to the project and relock ({add}), or set `command:` in warmbuild.yaml",
        )


def project_files(selection: Selection) -> dict[str, str]:
    """The `project` folder of the locks context: the project's METADATA, entry points
    and the folder its code is imported from, when `install_project` is on (else an
    empty METADATA: nothing to install). From pyproject.toml alone, so only a change
    of it re-runs the step."""
    project = selection.lock.project
    if not selection.config.install_project:
        return {"project/METADATA": ""}
    if project is None:
        raise ConfigError(
            f"install_project: {selection.lock_name} has no project to install (no pyproject.toml with a name)",
            "set `install_project: false` in warmbuild.yaml",
        )
    root = PurePosixPath(APP_DIR) / selection.config.import_root
    return {
        "project/METADATA": project.metadata_text(),
        "project/entry_points.txt": project.entry_points_text(),
        "project/import-root": f"{root}\n",
    }


def _poetry_groups(selection: Selection, target: str) -> str:
    """`poetry install`'s options: groups by --only/--with, the project's extras by -E."""
    chosen = [g for g in target_groups(selection, "dev" if target == "dev" else "prod") if g != locks.MAIN]
    groups = [g for g in chosen if g not in selection.lock.extras]
    extras = [f"-E {e}" for e in chosen if e in selection.lock.extras]
    if target == "dev":
        options = [f"--with {','.join(groups)}"] if groups else []
    else:
        options = [f"--only {','.join([locks.MAIN, *groups])}"]
    return " ".join(options + extras)
