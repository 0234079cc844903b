"""Which locked packages a build installs: walk from the project's groups through
the lock's edges, keeping an edge only where its marker holds in the target
environment, turning on extras as edges ask for them. This is what `poetry
install` and `uv sync` do at install time; the result is a flat, pinned set. Pure."""

from __future__ import annotations

from collections.abc import Iterable

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

from ..errors import LockError
from .environment import TargetEnvironment
from .model import Lock, LockedPackage, Requirement, SourceKind, canonical


def _candidates(lock: Lock, edge: Requirement) -> list[LockedPackage]:
    found = lock.by_name().get(canonical(edge.name), [])
    if edge.source:
        found = [p for p in found if p.source.name == edge.source] or found
    if edge.specifier and len(found) > 1:
        try:
            specifier = SpecifierSet(edge.specifier)
        except InvalidSpecifier:
            return found
        found = [p for p in found if specifier.contains(p.version, prereleases=True)] or found
    return found


def _choose(lock: Lock, edge: Requirement) -> LockedPackage | None:
    """The locked package an edge lands on. Several versions of one name (a forked
    lock) are told apart by the edge's specifier or source; of what is left, the
    newest (a fork's edges name their version, so this is rare)."""
    found = _candidates(lock, edge)
    return max(found, key=lambda p: _version_key(p.version)) if found else None


def _version_key(version: str) -> Version:
    try:
        return Version(version)
    except InvalidVersion:
        return Version("0")


def resolve(
    lock: Lock, groups: Iterable[str], env: TargetEnvironment, lock_name: str = "the lock"
) -> tuple[LockedPackage, ...]:
    """The packages to install for ``groups`` in ``env``, sorted by name."""
    active: dict[tuple[str, str, str], set[str]] = {}
    chosen: dict[tuple[str, str, str], LockedPackage] = {}
    stack: list[tuple[Requirement, frozenset[str]]] = []
    for group in groups:
        stack.extend((edge, frozenset()) for edge in lock.roots_of(group))
    while stack:
        edge, parent_extras = stack.pop()
        if edge.for_extras and not parent_extras & set(edge.for_extras):
            continue
        if not env.accepts(edge.marker, parent_extras):
            continue
        if lock.project is not None and canonical(edge.name) == lock.project.name:
            # A package of one extra needs the project itself (kinto-attachment needs
            # kinto): the project is what is being installed; `project[extra]` adds
            # that extra's dependencies.
            stack.extend((child, frozenset()) for extra in edge.extras for child in _extra_roots(lock, extra))
            continue
        package = _choose(lock, edge)
        if package is None:
            raise LockError(
                f"{lock_name} has no package {edge.name!r}, which the project needs",
                "relock the project (`poetry lock` / `uv lock`)",
            )
        seen = active.get(package.key)
        wanted = set(edge.extras)
        if seen is not None and wanted <= seen:
            continue
        extras = (seen or set()) | wanted
        active[package.key] = extras
        chosen[package.key] = package
        stack.extend((child, frozenset(extras)) for child in package.dependencies)
    return tuple(sorted(chosen.values(), key=lambda p: (p.name, p.version)))


def _extra_roots(lock: Lock, extra: str) -> tuple[Requirement, ...]:
    name = canonical(extra)
    return lock.roots_of(name) if name in lock.group_names() else ()


def closure(packages: Iterable[LockedPackage], roots: Iterable[str]) -> tuple[LockedPackage, ...]:
    """The roots and everything they depend on, within ``packages`` (an installed
    set, so every edge that mattered is already in it)."""
    by_name = {p.name: p for p in packages}
    found: dict[str, LockedPackage] = {}
    stack = [canonical(r) for r in roots]
    while stack:
        name = stack.pop()
        if name in found or name not in by_name:
            continue
        found[name] = by_name[name]
        stack.extend(canonical(edge.name) for edge in by_name[name].dependencies)
    return tuple(sorted(found.values(), key=lambda p: p.name))


def needs_build(package: LockedPackage, env: TargetEnvironment) -> bool:
    """Built into a wheel here (in the throwaway stage with compilers): a git or
    direct-URL source, or an index package without a wheel for this Python and
    platform. A lock that records no files (a requirements file) cannot tell: it is
    installed from the index, as pip would."""
    if package.source.kind is SourceKind.PATH:
        return False
    if package.builds_from_source:
        return True
    named = [f for f in package.files if f.filename]
    wheels = [f for f in named if f.is_wheel]
    if not named or any(env.wheel_fits(f.filename) for f in wheels):
        return False
    return len(wheels) < len(named)  # an sdist to build from


def unusable(package: LockedPackage, env: TargetEnvironment) -> bool:
    """Neither a wheel for this target nor an sdist to build one from."""
    named = [f for f in package.files if f.filename]
    if package.source.kind is not SourceKind.INDEX or not named:
        return False
    return all(f.is_wheel and not env.wheel_fits(f.filename) for f in named)
