"""Is a uv.lock out of date with its pyproject.toml? Compared as `uv lock --check`
compares them (uv's `Lock::satisfies` and `ValidatedLock::validate`), for what uv
reads from pyproject.toml alone: the project's requires-dist (its dependencies and
its extras, an extra's entries carrying `extra == '…'`), its extras' names, its
dependency groups (PEP 735 includes flattened, `tool.uv.dev-dependencies` as
`dev`), its version, whether it is a package, and the workspace's requires-python
(as a range). Requirements compare as uv normalises them: names and extras
normalised, specifiers as sets of versions, markers by what they mean within the
lock's requires-python. Pure.

Only what is certain is reported: anything this cannot read the way uv does (a
dynamic field, a marker it cannot evaluate, a lock without a table) passes, and
`uv lock --check` stays the authority on the rest (constraints, overrides, indexes,
settings from uv.toml or the command line)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from packaging.requirements import InvalidRequirement
from packaging.requirements import Requirement as Pep508
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

from . import markers
from .model import DEV, canonical

# Keys of a lock's requires-dist entry that name a source other than the default index.
REQUIREMENT_SOURCE_KEYS = ("url", "git", "path", "directory", "editable", "index", "workspace")


@dataclass(frozen=True)
class Declared:
    """One requirement as uv compares it (its marker kept as text, compared by meaning)."""

    name: str
    extras: frozenset[str] = frozenset()
    # None: a specifier this cannot read (compared as "any").
    specifier: SpecifierSet | None = None
    marker: str = ""
    # From somewhere other than the default index (tool.uv.sources, a URL).
    sourced: bool = False

    def shown(self) -> str:
        extras = f"[{','.join(sorted(self.extras))}]" if self.extras else ""
        marker = f" ; {self.marker}" if self.marker else ""
        return f"{self.name}{extras}{self.specifier or ''}{marker}"


def _specifier(text: str) -> SpecifierSet | None:
    try:
        return SpecifierSet(text)
    except InvalidSpecifier:
        return None


def _and_extra(marker: str, extra: str) -> str:
    clause = f"extra == '{extra}'"
    return f"({marker}) and {clause}" if marker else clause


def from_pyproject(text: str, sources: set[str], extra: str = "") -> Declared | None:
    """A pyproject requirement string (None: one packaging cannot read)."""
    try:
        parsed = Pep508(text)
    except InvalidRequirement:
        return None
    name = canonical(parsed.name)
    marker = str(parsed.marker or "")
    return Declared(
        name,
        frozenset(canonical(e) for e in parsed.extras),
        parsed.specifier,
        _and_extra(marker, extra) if extra else marker,
        bool(parsed.url) or name in sources,
    )


def from_lock(raw: dict[str, Any]) -> Declared:
    return Declared(
        canonical(str(raw["name"])),
        frozenset(canonical(e) for e in raw.get("extras", ())),
        _specifier(str(raw.get("specifier", ""))),
        str(raw.get("marker", "")),
        any(key in raw for key in REQUIREMENT_SOURCE_KEYS),
    )


def _same(ours: Declared, theirs: Declared, requires_python: str) -> bool:
    return (
        ours.extras == theirs.extras
        and (ours.specifier is None or theirs.specifier is None or ours.specifier == theirs.specifier)
        and markers.equivalent(ours.marker, theirs.marker, requires_python)
    )


def _unmatched(ours: list[Declared], theirs: list[Declared], requires_python: str) -> Declared | None:
    """An entry of ``ours`` with no counterpart in ``theirs`` (as multisets)."""
    left = list(theirs)
    for entry in ours:
        match = next((i for i, other in enumerate(left) if _same(entry, other, requires_python)), None)
        if match is None:
            return entry
        left.pop(match)
    return None


def compare_requirements(
    declared: Iterable[Declared],
    locked: Iterable[Declared],
    requires_python: str,
    project: str,
    extras: Iterable[str] = (),
) -> str:
    """Why two requirement lists differ for uv, or '' (the same, or not surely different)."""
    ours = [d for d in declared if d.name != project and not markers.never(d.marker, requires_python)]
    theirs = [d for d in locked if d.name != project and not markers.never(d.marker, requires_python)]
    for name in sorted({d.name for d in ours} | {d.name for d in theirs}):
        mine = [d for d in ours if d.name == name]
        lock = [d for d in theirs if d.name == name]
        if not lock:
            return f"{mine[0].shown()} is not in uv.lock"
        if not mine:
            return f"uv.lock has {lock[0].shown()}, pyproject.toml does not"
        if any(d.sourced for d in lock) and not any(d.sourced for d in mine):
            return f"{name} has a source (tool.uv.sources or a URL) in uv.lock, not in pyproject.toml"
        if any(d.sourced for d in mine + lock):
            # A source with markers becomes several entries: compare where it is needed.
            wanted = set(extras) | {e for d in mine + lock for e in markers.literals([d.marker]).get("extra", ())}
            where_mine = _contexts(mine, wanted, requires_python)
            where_lock = _contexts(lock, wanted, requires_python)
            if where_mine != where_lock:
                return (
                    f"{name} is needed with extras {_listed(where_mine)} in pyproject.toml, "
                    f"{_listed(where_lock)} in uv.lock"
                )
            continue
        missing = _unmatched(mine, lock, requires_python)
        if missing:
            return f"{missing.shown()} in pyproject.toml, uv.lock has {', '.join(d.shown() for d in lock)}"
        extra = _unmatched(lock, mine, requires_python)
        if extra:
            return f"uv.lock has {extra.shown()}, pyproject.toml {', '.join(d.shown() for d in mine)}"
    return ""


def _contexts(entries: list[Declared], extras: set[str], requires_python: str) -> frozenset[str]:
    return frozenset().union(*(markers.extras_where_possible(d.marker, extras, requires_python) for d in entries))


def _listed(extras: Iterable[str]) -> str:
    return ", ".join(repr(e) if e else "(none)" for e in sorted(extras)) or "none"


# --- the parts of pyproject.toml uv compares -----------------------------------------------------


def declared_requires_dist(pyproject: dict[str, Any]) -> list[Declared] | None:
    """project.dependencies and optional-dependencies as uv's requires-dist (None:
    dynamic, or unreadable: not compared)."""
    project = pyproject.get("project", {})
    if {"dependencies", "optional-dependencies"} & set(project.get("dynamic", [])):
        return None
    sources = _sourced_names(pyproject)
    found = [from_pyproject(text, sources) for text in project.get("dependencies", [])]
    for extra, entries in project.get("optional-dependencies", {}).items():
        found += [from_pyproject(text, sources, canonical(extra)) for text in entries]
    return None if None in found else [d for d in found if d is not None]


def declared_groups(pyproject: dict[str, Any]) -> dict[str, list[Declared]] | None:
    """PEP 735 groups (includes flattened) and `tool.uv.dev-dependencies` (the `dev`
    group), as uv's requires-dev; empty groups left out (uv keeps them only in newer
    lock revisions). None: unreadable."""
    declared: dict[str, list[Any]] = pyproject.get("dependency-groups", {})
    sources = _sourced_names(pyproject)

    def flattened(group: str, seen: frozenset[str]) -> list[Declared | None]:
        found: list[Declared | None] = []
        for item in declared.get(group, []):
            if isinstance(item, dict) and "include-group" in item:
                included = next((g for g in declared if canonical(g) == canonical(str(item["include-group"]))), "")
                if included and included not in seen:
                    found += flattened(included, seen | {included})
            elif isinstance(item, str):
                found.append(from_pyproject(item, sources))
            else:
                found.append(None)
        return found

    groups: dict[str, list[Declared | None]] = {}
    for group in declared:
        groups.setdefault(canonical(group), []).extend(flattened(group, frozenset({group})))
    legacy = pyproject.get("tool", {}).get("uv", {}).get("dev-dependencies", [])
    if legacy:
        groups.setdefault(DEV, []).extend(from_pyproject(text, sources) for text in legacy)
    if any(None in entries for entries in groups.values()):
        return None
    return {group: [d for d in entries if d is not None] for group, entries in groups.items() if entries}


def _sourced_names(pyproject: dict[str, Any]) -> set[str]:
    return {canonical(name) for name in pyproject.get("tool", {}).get("uv", {}).get("sources", {})}


# --- requires-python as uv compares it: a range ---------------------------------------------------

Bound = tuple[Version, bool] | None  # (version, inclusive), None: unbounded


def python_range(specifier: str) -> tuple[Bound, Bound] | None:
    """(lower, upper) bounds of a requires-python, or None when it has terms this
    does not turn into bounds the way uv does (!=, ===)."""
    spec = _specifier(specifier)
    if spec is None:
        return None
    lower: Bound = None
    upper: Bound = None
    for term in spec:
        op, text = term.operator, term.version
        try:
            version = Version(text.removesuffix(".*"))
        except InvalidVersion:
            return None
        low: Bound = None
        high: Bound = None
        if op in (">=", "~=") or (op == "==" and text.endswith(".*")):
            low = (version, True)
            cut = 1 if op == "~=" else 0
            if op != ">=":
                release = version.release[: len(version.release) - cut] or version.release
                high = (Version(".".join(map(str, (*release[:-1], release[-1] + 1)))), False)
        elif op == ">":
            low = (version, False)
        elif op == "<":
            high = (version, False)
        elif op == "<=":
            high = (version, True)
        elif op == "==":
            low, high = (version, True), (version, True)
        else:
            return None
        lower = low if lower is None or (low is not None and low[0] > lower[0]) else lower
        upper = high if upper is None or (high is not None and high[0] < upper[0]) else upper
    return lower, upper


def _bounds_differ(first: Bound, second: Bound) -> bool:
    if first is None or second is None:
        return (first is None) != (second is None)
    if first[1] != second[1]:
        # `>3.11` and `>=3.11.1`: uv may or may not call these the same; only the
        # same version with different inclusiveness surely differs.
        return first[0] == second[0]
    return first[0] != second[0]


def requires_python_changed(pyproject: dict[str, Any], lock_data: dict[str, Any]) -> str:
    """The workspace's requires-python is the intersection of its members': with more
    members than the root, pyproject.toml alone cannot tell."""
    declared = str(pyproject.get("project", {}).get("requires-python", ""))
    locked = str(lock_data.get("requires-python", ""))
    if not declared or not locked or len(lock_data.get("manifest", {}).get("members", [])) > 1:
        return ""
    ours, theirs = python_range(declared), python_range(locked)
    if ours is None or theirs is None:
        return ""
    if any(_bounds_differ(a, b) for a, b in zip(ours, theirs, strict=True)):
        return f"requires-python is {declared} in pyproject.toml, {locked} in uv.lock"
    return ""


# --- the whole check ---------------------------------------------------------------------------


def _version_changed(pyproject: dict[str, Any], root: dict[str, Any]) -> str:
    project = pyproject.get("project", {})
    if "version" in project.get("dynamic", []) or "version" not in project or "version" not in root:
        return ""
    try:
        same = Version(str(project["version"])) == Version(str(root["version"]))
    except InvalidVersion:
        return ""
    return (
        "" if same else f"the project's version is {project['version']} in pyproject.toml, {root['version']} in uv.lock"
    )


def _virtual_changed(pyproject: dict[str, Any], root: dict[str, Any]) -> str:
    """uv locks a project that is no package (`tool.uv.package = false`, or no
    build-system) as virtual, a package as editable."""
    source = root.get("source", {})
    if not ({"virtual", "editable"} & set(source)):
        return ""
    package = pyproject.get("tool", {}).get("uv", {}).get("package")
    is_package = bool(package) if package is not None else "build-system" in pyproject
    if is_package == ("editable" in source):
        return ""
    return "the project is " + ("a package" if is_package else "not a package") + " in pyproject.toml, not in uv.lock"


def _extras_changed(pyproject: dict[str, Any], metadata: dict[str, Any]) -> str:
    project = pyproject.get("project", {})
    if "provides-extras" not in metadata or "optional-dependencies" in project.get("dynamic", []):
        return ""
    ours = {canonical(e) for e in project.get("optional-dependencies", {})}
    theirs = {canonical(str(e)) for e in metadata["provides-extras"]}
    return "" if ours == theirs else f"the extras are {_listed(ours)} in pyproject.toml, {_listed(theirs)} in uv.lock"


def _requirements_changed(
    pyproject: dict[str, Any], metadata: dict[str, Any], requires_python: str, project: str
) -> str:
    declared = declared_requires_dist(pyproject)
    if declared is None or "requires-dist" not in metadata:
        return ""
    extras = {canonical(e) for e in pyproject.get("project", {}).get("optional-dependencies", {})}
    locked = [from_lock(raw) for raw in metadata["requires-dist"]]
    return compare_requirements(declared, locked, requires_python, project, extras)


def _groups_changed(pyproject: dict[str, Any], metadata: dict[str, Any], requires_python: str, project: str) -> str:
    declared = declared_groups(pyproject)
    locked_raw: dict[str, list[dict[str, Any]]] = metadata.get("requires-dev", {})
    if declared is None or ("requires-dev" not in metadata and declared):
        return ""
    locked = {canonical(g): [from_lock(raw) for raw in entries] for g, entries in locked_raw.items() if entries}
    for group in sorted(set(declared) | set(locked)):
        if group not in locked:
            return f"dependency group {group!r} is not in uv.lock"
        if group not in declared:
            return f"uv.lock has dependency group {group!r}, pyproject.toml does not"
        differs = compare_requirements(declared[group], locked[group], requires_python, project)
        if differs:
            return f"dependency group {group!r}: {differs}"
    return ""


def staleness(pyproject: dict[str, Any], lock_data: dict[str, Any], root: dict[str, Any]) -> str:
    """Why `uv lock --check` would call this lock out of date, or '' (fresh as far as
    pyproject.toml alone can tell)."""
    metadata: dict[str, Any] = root.get("metadata", {})
    requires_python = str(lock_data.get("requires-python", ""))
    project = canonical(str(root.get("name", "")))
    checks: tuple[Callable[[], str], ...] = (
        lambda: requires_python_changed(pyproject, lock_data),
        lambda: _version_changed(pyproject, root),
        lambda: _virtual_changed(pyproject, root),
        lambda: _extras_changed(pyproject, metadata),
        lambda: _requirements_changed(pyproject, metadata, requires_python, project),
        lambda: _groups_changed(pyproject, metadata, requires_python, project),
    )
    return next((reason for check in checks if (reason := check())), "")
