"""Lock files in, the exact installed sets out.

Three inputs: Poetry (pyproject.toml + poetry.lock, 1.x and 2.x), uv (pyproject.toml
+ uv.lock) and requirements.txt (pinned, with or without hashes). Each becomes a
``Lock``: packages with their files, sources and edges, and the project's groups.
``install_set`` walks it for one target environment (markers evaluated for the
image's Python and platform, groups and extras as configured), which is what the
lock's own tool would install there; ``requirements_text`` writes such a set as the
pinned file the installers read.

``read_lock`` reads the app folder's lock files; everything else here is pure (text
and data in, data out).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import LockError
from . import poetry, requirements, uv
from .environment import TargetEnvironment, target_environment
from .model import DEV, MAIN, Artifact, IndexFiles, Lock, LockedPackage, Requirement, Source, SourceKind, canonical
from .select import closure, needs_build, resolve, unusable

__all__ = [
    "DEV",
    "MAIN",
    "Artifact",
    "IndexFiles",
    "Lock",
    "LockedPackage",
    "Requirement",
    "Source",
    "SourceKind",
    "TargetEnvironment",
    "canonical",
    "closure",
    "heavy_packages",
    "install_set",
    "needs_build",
    "read_lock",
    "requirement_line",
    "requirements_text",
    "target_environment",
    "unusable",
]

LOCK_FILES = {"poetry": "poetry.lock", "uv": "uv.lock", "requirements": "requirements.txt"}
FIX_COMMANDS = {"poetry": "poetry lock", "uv": "uv lock", "requirements": "uv pip compile --generate-hashes"}


def detect_kind(app_dir: Path, configured: str) -> str:
    if configured != "auto":
        return configured
    for kind, filename in LOCK_FILES.items():
        if (app_dir / filename).is_file():
            return kind
    raise LockError(
        f"no lock file in {app_dir} (looked for {', '.join(LOCK_FILES.values())})",
        "run `poetry lock` or `uv lock` there, or set `lock:` in warmbuild.yaml",
    )


def _load_toml(path: Path) -> dict[str, Any]:
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text())
    except tomllib.TOMLDecodeError as error:
        raise LockError(f"{path}: not valid TOML ({error})", "restore the file from version control") from None
    return data


def read_lock(app_dir: Path, configured_kind: str = "auto") -> Lock:
    """Read and check the app's lock: present, parseable, in step with pyproject."""
    kind = detect_kind(app_dir, configured_kind)
    lock_path = app_dir / LOCK_FILES[kind]
    if not lock_path.is_file():
        raise LockError(f"{lock_path} not found (lock: {kind})", f"run `{FIX_COMMANDS[kind]}` in {app_dir}")
    if kind == "requirements":
        return requirements.read(app_dir)
    pyproject_path = app_dir / "pyproject.toml"
    if not pyproject_path.is_file():
        raise LockError(f"{pyproject_path} not found next to {lock_path.name}", "add the project's pyproject.toml")
    reader = poetry.read if kind == "poetry" else uv.read
    return reader(_load_toml(pyproject_path), _load_toml(lock_path), str(lock_path), app_dir)


def install_set(
    lock: Lock, groups: Iterable[str], env: TargetEnvironment, lock_name: str = "the lock"
) -> tuple[LockedPackage, ...]:
    """What a target installs: ``groups`` of the project walked through the lock in
    ``env``. A group the lock does not have is an error naming the ones it has."""
    wanted = [canonical(g) for g in groups]
    unknown = [g for g in wanted if g not in lock.group_names()]
    if unknown:
        have = ", ".join(g for g in lock.group_names() if g != MAIN) or "none"
        raise LockError(
            f"{lock_name} has no group or extra {unknown[0]!r} (it has: {have})",
            "fix `groups:` in warmbuild.yaml, or add the group to the project and relock",
        )
    if lock.requires_python and not env.allows_python(lock.requires_python):
        raise LockError(
            f"{lock_name} is for Python {lock.requires_python}, the image has {env.python_full_version}",
            "set `python_image:` (or `python_version:`) to a Python the lock allows",
        )
    return resolve(lock, wanted, env, lock_name)


def heavy_packages(
    installed: Iterable[LockedPackage], heavy: Iterable[str], lock_name: str
) -> tuple[LockedPackage, ...]:
    """The deps image's packages: the configured heavy ones and their dependencies,
    within what the target installs."""
    installed = tuple(installed)
    names = {p.name for p in installed}
    for name in heavy:
        if canonical(name) not in names:
            raise LockError(
                f"heavy package {name!r} is not in {lock_name} for this target (group, marker or platform)",
                "add it to the project and relock, or remove it from `heavy:` in warmbuild.yaml",
            )
    return closure(installed, heavy)


def requirement_line(package: LockedPackage) -> str:
    """One pinned line. Markers were evaluated already: the set is for one target."""
    if package.source.kind is SourceKind.URL:
        head = f"{package.name} @ {package.source.url}"
    else:
        head = f"{package.name}=={package.version}"
    return head + "".join(f" \\\n    --hash={h}" for h in package.hashes)


def requirements_text(
    packages: Iterable[LockedPackage], index_options: Iterable[str] = (), source: str = "the lock"
) -> str:
    """The pinned file an installer reads: index options, then one line a package.
    Its first line names ``source`` (``Lock.lock_file``): the build's check of the
    installed set says which file to fix."""
    packages = sorted(packages, key=lambda p: p.name)
    # An index a package came from other than the default one (Poetry's explicit or
    # supplemental sources, uv's declared indexes): hashes still pin every file.
    extra = [
        f"--extra-index-url {p.source.url}" for p in packages if p.source.kind is SourceKind.INDEX and p.source.url
    ]
    indexes = dict.fromkeys([*index_options, *extra])
    lines = [f"# Written by warmbuild from {source}; do not edit.", *indexes, *map(requirement_line, packages)]
    return "\n".join(lines) + "\n"
