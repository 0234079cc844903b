"""Lock files in, pinned requirement sets out. Pure: text in, data out.

Three inputs: Poetry (pyproject.toml + poetry.lock), uv (uv.lock) and a plain
requirements.txt pinned with hashes (pip-compile / uv pip compile output). Each
becomes a list of LockedPackage with the dependency edges between them, so the
heavy packages' closure (what the deps image holds) can be computed, and exported
as `name==version ; marker --hash=…` lines that uv and pip install with
--require-hashes.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import LockError

MAIN = "main"
DEV = "dev"
LOCK_FILES = {"poetry": "poetry.lock", "uv": "uv.lock", "requirements": "requirements.txt"}
FIX_COMMANDS = {"poetry": "poetry lock", "uv": "uv lock", "requirements": "uv pip compile --generate-hashes"}


def canonical(name: str) -> str:
    """PEP 503 name normalisation: 'OpenCV_Python.Headless' -> 'opencv-python-headless'."""
    return re.sub(r"[-_.]+", "-", name).lower()


@dataclass(frozen=True)
class LockedPackage:
    name: str
    version: str
    hashes: tuple[str, ...]
    # The environment marker under which it is needed ('' = always).
    marker: str = ""
    # Groups that need it: "main" for the app's own dependencies, "dev", others.
    groups: frozenset[str] = frozenset({MAIN})
    dependencies: tuple[str, ...] = ()

    def requirement_line(self) -> str:
        marker = f" ; {self.marker}" if self.marker else ""
        hashes = "".join(f" \\\n    --hash={h}" for h in self.hashes)
        return f"{self.name}=={self.version}{marker}{hashes}"


@dataclass(frozen=True)
class Lock:
    kind: str
    # The files that make up the lock, relative to the app directory.
    files: tuple[str, ...]
    packages: tuple[LockedPackage, ...] = field(default=())

    def by_name(self) -> dict[str, LockedPackage]:
        return {p.name: p for p in self.packages}


# --- reading ----------------------------------------------------------------------


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


def read_lock(app_dir: Path, configured_kind: str = "auto") -> Lock:
    """Read and check the app's lock: present, parseable, in step with pyproject."""
    kind = detect_kind(app_dir, configured_kind)
    lock_path = app_dir / LOCK_FILES[kind]
    if not lock_path.is_file():
        raise LockError(f"{lock_path} not found (lock: {kind})", f"run `{FIX_COMMANDS[kind]}` in {app_dir}")
    text = lock_path.read_text()
    if kind == "requirements":
        return Lock(kind, (LOCK_FILES[kind],), parse_requirements(text, str(lock_path)))
    pyproject_path = app_dir / "pyproject.toml"
    if not pyproject_path.is_file():
        raise LockError(f"{pyproject_path} not found next to {lock_path.name}", "add the project's pyproject.toml")
    pyproject = _load_toml(pyproject_path)
    lock_data = _load_toml(lock_path)
    if kind == "poetry":
        check_poetry_fresh(pyproject, lock_data, str(lock_path), app_dir)
        packages = parse_poetry_lock(lock_data)
    else:
        check_uv_fresh(pyproject, lock_data, str(lock_path), app_dir)
        packages = parse_uv_lock(lock_data)
    return Lock(kind, ("pyproject.toml", LOCK_FILES[kind]), packages)


def _load_toml(path: Path) -> dict[str, Any]:
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text())
        return data
    except tomllib.TOMLDecodeError as error:
        raise LockError(f"{path}: not valid TOML ({error})", "restore the file from version control") from None


# --- Poetry -----------------------------------------------------------------------


def poetry_content_hash(pyproject: dict[str, Any], with_dependency_groups: bool = True) -> str:
    """The hash Poetry 2 writes as `content-hash`: sha256 over the sorted JSON of
    the pyproject parts that affect locking (Poetry's Locker._get_content_hash)."""
    project = pyproject.get("project", {})
    groups = pyproject.get("dependency-groups", {}) if with_dependency_groups else {}
    tool_poetry = pyproject.get("tool", {}).get("poetry", {})
    relevant_project = {
        key: project[key] for key in ("requires-python", "dependencies", "optional-dependencies") if key in project
    }
    legacy = ("dependencies", "source", "extras", "dev-dependencies")
    relevant_poetry = {}
    for key in (*legacy, "group"):
        value = tool_poetry.get(key)
        if value is None and (key not in legacy or relevant_project or groups):
            continue
        relevant_poetry[key] = value
    content: dict[str, Any] = {}
    if relevant_project:
        content["project"] = relevant_project
    if groups:
        content["dependency-groups"] = groups
    if content:
        content["tool"] = {"poetry": relevant_poetry}
    else:
        content = relevant_poetry
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


def check_poetry_fresh(pyproject: dict[str, Any], lock_data: dict[str, Any], lock_name: str, app_dir: Path) -> None:
    locked = lock_data.get("metadata", {}).get("content-hash")
    if locked not in (poetry_content_hash(pyproject), poetry_content_hash(pyproject, with_dependency_groups=False)):
        raise LockError(
            f"{lock_name} is out of date with pyproject.toml (content-hash differs)",
            f"run `poetry lock` in {app_dir}",
        )


def _poetry_marker(raw: object, groups: Iterable[str]) -> str:
    """lock-version 2.1 writes one marker, or one per group ({main = "...", dev = "..."})."""
    if isinstance(raw, str):
        return raw
    if isinstance(raw, dict):
        per_group = [raw.get(group, "") for group in groups]
        if "" in per_group:
            return ""  # needed unconditionally by some group
        return " or ".join(f"({m})" for m in dict.fromkeys(per_group)) if len(set(per_group)) > 1 else str(per_group[0])
    return ""


def parse_poetry_lock(lock_data: dict[str, Any]) -> tuple[LockedPackage, ...]:
    packages = []
    for raw in lock_data.get("package", []):
        groups = frozenset(raw.get("groups", [MAIN]))
        packages.append(
            LockedPackage(
                name=canonical(raw["name"]),
                version=raw["version"],
                hashes=tuple(sorted(f["hash"] for f in raw.get("files", []))),
                marker=_poetry_marker(raw.get("markers", ""), sorted(groups)),
                groups=groups,
                dependencies=tuple(sorted(canonical(d) for d in raw.get("dependencies", {}))),
            )
        )
    return tuple(packages)


# --- uv ---------------------------------------------------------------------------


def _uv_root(lock_data: dict[str, Any]) -> dict[str, Any]:
    for raw in lock_data.get("package", []):
        source = raw.get("source", {})
        if source.get("virtual") == "." or source.get("editable") == ".":
            root: dict[str, Any] = raw
            return root
    raise LockError("uv.lock has no root project (source virtual or editable '.')", "run `uv lock`")


def check_uv_fresh(pyproject: dict[str, Any], lock_data: dict[str, Any], lock_name: str, app_dir: Path) -> None:
    """uv records the root's requirements in the lock. A dependency added to or
    removed from pyproject.toml without `uv lock` shows as a different name set
    (uv itself is the authority on the finer points: `uv lock --check`)."""
    declared = {_requirement_name(d) for d in pyproject.get("project", {}).get("dependencies", [])}
    locked = {canonical(r["name"]) for r in _uv_root(lock_data).get("metadata", {}).get("requires-dist", [])}
    if declared != locked:
        raise LockError(f"{lock_name} is out of date with pyproject.toml", f"run `uv lock` in {app_dir}")


def _requirement_name(requirement: str) -> str:
    return canonical(re.split(r"[\s<>=!~;\[(@]", requirement.strip(), maxsplit=1)[0])


def _and(a: str, b: str) -> str:
    if not a or not b:
        return a or b
    return f"({a}) and ({b})"


def parse_uv_lock(lock_data: dict[str, Any]) -> tuple[LockedPackage, ...]:
    """Walk from the root through main dependencies and each dependency group,
    carrying markers down the edges (a package reached unconditionally by any path
    is unconditional)."""
    raw_by_name = {canonical(p["name"]): p for p in lock_data.get("package", [])}
    root = _uv_root(lock_data)
    markers: dict[str, set[str]] = {}
    groups: dict[str, set[str]] = {}

    def edges(raw: dict[str, Any], extras: Iterable[str] = ()) -> list[dict[str, Any]]:
        found = list(raw.get("dependencies", []))
        for extra in extras:
            found += raw.get("optional-dependencies", {}).get(extra, [])
        return found

    def walk(entries: list[dict[str, Any]], marker: str, group: str) -> None:
        for entry in entries:
            name = canonical(entry["name"])
            edge_marker = _and(marker, entry.get("marker", ""))
            seen = markers.setdefault(name, set())
            if edge_marker in seen and group in groups.get(name, set()):
                continue
            seen.add(edge_marker)
            groups.setdefault(name, set()).add(group)
            walk(edges(raw_by_name[name], entry.get("extra", [])), edge_marker, group)

    walk(edges(root), "", MAIN)
    for group, entries in root.get("dev-dependencies", {}).items():
        walk(entries, "", group)
    packages = []
    for name, seen in sorted(markers.items()):
        raw = raw_by_name[name]
        files = list(raw.get("wheels", [])) + ([raw["sdist"]] if "sdist" in raw else [])
        packages.append(
            LockedPackage(
                name=name,
                version=raw["version"],
                hashes=tuple(sorted(f["hash"] for f in files if "hash" in f)),
                marker=_any_of(seen),
                groups=frozenset(groups[name]),
                dependencies=tuple(sorted({canonical(d["name"]) for d in edges(raw, _all_extras(raw))})),
            )
        )
    return tuple(packages)


def _any_of(markers: set[str]) -> str:
    """One marker for several paths: none if any path is unconditional."""
    if "" in markers:
        return ""
    if len(markers) == 1:
        return next(iter(markers))
    return " or ".join(f"({m})" for m in sorted(markers))


def _all_extras(raw: dict[str, Any]) -> list[str]:
    return list(raw.get("optional-dependencies", {}))


# --- requirements.txt -----------------------------------------------------------------

_REQUIREMENT = re.compile(
    r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*==\s*(?P<version>[^\s;\\]+)\s*(?:;\s*(?P<marker>[^\\]+?))?\s*$"
)


def parse_requirements(text: str, source: str) -> tuple[LockedPackage, ...]:
    """pip-compile style: `name==version ; marker` with --hash continuation lines and
    `# via parent` comments (one line, or a list below `# via`), which give the
    dependency edges."""
    entries: list[dict[str, Any]] = []
    in_via = False
    for logical in _logical_lines(text):
        stripped = logical.strip()
        if stripped.startswith("#"):
            comment = stripped.lstrip("#").strip()
            if entries and comment.startswith("via"):
                in_via = True
                comment = comment.removeprefix("via").strip()
            if entries and in_via and comment and not comment.startswith("-r"):
                entries[-1]["parents"] |= {canonical(p) for p in re.split(r"[,\s]+", comment) if p}
            continue
        in_via = False
        if not stripped or stripped.startswith("-"):
            continue  # blank, or an option such as --index-url for the whole file
        hashes = re.findall(r"--hash[= ](\S+)", stripped)
        requirement = re.sub(r"\s*--hash[= ]\S+", "", stripped).strip()
        match = _REQUIREMENT.match(requirement)
        if not match:
            raise LockError(
                f"{source}: {requirement!r} is not pinned (name==version)",
                "generate it with `uv pip compile --generate-hashes` or `pip-compile --generate-hashes`",
            )
        if not hashes:
            raise LockError(f"{source}: {match['name']} has no --hash", "regenerate it with --generate-hashes")
        entries.append(
            {
                "name": canonical(match["name"]),
                "version": match["version"],
                "marker": (match["marker"] or "").strip(),
                "hashes": tuple(sorted(hashes)),
                "parents": set(),
            }
        )
    children: dict[str, set[str]] = {}
    for entry in entries:
        for parent in entry["parents"]:
            children.setdefault(parent, set()).add(entry["name"])
    return tuple(
        LockedPackage(
            e["name"],
            e["version"],
            e["hashes"],
            e["marker"],
            frozenset({MAIN}),
            tuple(sorted(children.get(e["name"], ()))),
        )
        for e in entries
    )


def _logical_lines(text: str) -> list[str]:
    """Join backslash continuations, keep comment lines separate."""
    lines, current = [], ""
    for line in text.splitlines():
        if current:
            current += " " + line.strip()
        elif line.lstrip().startswith("#"):
            lines.append(line)
            continue
        else:
            current = line
        if current.endswith("\\"):
            current = current[:-1].rstrip()
            continue
        lines.append(current)
        current = ""
    if current:
        lines.append(current)
    return lines


# --- selecting and exporting ------------------------------------------------------------


def select(lock: Lock, groups: Iterable[str]) -> tuple[LockedPackage, ...]:
    wanted = set(groups)
    return tuple(p for p in lock.packages if p.groups & wanted)


def closure(packages: Iterable[LockedPackage], roots: Iterable[str]) -> tuple[LockedPackage, ...]:
    """The roots and everything they depend on, within ``packages``."""
    by_name = {p.name: p for p in packages}
    found: dict[str, LockedPackage] = {}
    stack = [canonical(r) for r in roots]
    while stack:
        name = stack.pop()
        if name in found or name not in by_name:
            continue
        found[name] = by_name[name]
        stack.extend(by_name[name].dependencies)
    return tuple(sorted(found.values(), key=lambda p: p.name))


def heavy_packages(
    lock: Lock, heavy: Iterable[str], groups: Iterable[str], lock_name: str
) -> tuple[LockedPackage, ...]:
    """The deps image's packages: the configured heavy ones and their dependencies."""
    selected = select(lock, groups)
    names = {p.name for p in selected}
    for name in heavy:
        if canonical(name) not in names:
            raise LockError(
                f"heavy package {name!r} is not in {lock_name} (groups {', '.join(groups)})",
                "add it to the project and relock, or remove it from `heavy:` in warmbuild.yaml",
            )
    return closure(selected, heavy)


def requirements_text(packages: Iterable[LockedPackage]) -> str:
    lines = [p.requirement_line() for p in sorted(packages, key=lambda p: p.name)]
    return "# Written by warmbuild from the lock; do not edit.\n" + "\n".join(lines) + "\n"
