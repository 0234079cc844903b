"""poetry.lock (Poetry 1.x and 2.x) with its pyproject.toml. Pure.

The project's groups come from pyproject.toml (`[project]`, `[tool.poetry.*]`,
`[dependency-groups]`); the packages and their edges from the lock. Poetry 1.x locks
record neither groups nor markers per package, so both are derived the way Poetry
derives them: by walking from the project's dependencies (``select.resolve``).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from packaging.requirements import InvalidRequirement
from packaging.requirements import Requirement as Pep508

from ..errors import LockError
from .model import DEV, MAIN, Artifact, Lock, LockedPackage, Requirement, Source, SourceKind, canonical
from .project import read_project

# --- Poetry's version constraints, in PEP 440 -----------------------------------------------


def _caret(version: str) -> str:
    parts = [int(p) for p in re.findall(r"\d+", version)] or [0]
    index = next((i for i, p in enumerate(parts) if p != 0), len(parts) - 1)
    upper = [*parts[:index], parts[index] + 1]
    return f">={version},<{'.'.join(map(str, upper))}"


def _tilde(version: str) -> str:
    parts = [int(p) for p in re.findall(r"\d+", version)]
    upper = [parts[0] + 1] if len(parts) == 1 else [parts[0], parts[1] + 1]
    return f">={version},<{'.'.join(map(str, upper))}"


def pep440(constraint: str) -> list[str]:
    """Poetry's constraint syntax as PEP 440 specifier sets, one per `||` alternative:
    "^3.8" -> [">=3.8,<4"], ">=3.8 <4 || 4.1.*" -> [">=3.8,<4", "==4.1.*"]."""
    alternatives = []
    for alternative in constraint.split("||"):
        specs = []
        for part in re.split(r"\s*,\s*|\s+(?=[<>=!~^])", alternative.strip()):
            part = part.replace(" ", "")
            if part in ("", "*"):
                continue
            if part.startswith("^"):
                specs.append(_caret(part[1:]))
            elif part.startswith("~") and not part.startswith("~="):
                specs.append(_tilde(part[1:]))
            elif part[0].isdigit():
                specs.append(f"=={part}")
            else:
                specs.append(part)
        alternatives.append(",".join(specs))
    return alternatives


def python_marker(constraint: str) -> str:
    """A `python = "..."` constraint as a marker."""
    alternatives = []
    for specifier in pep440(constraint):
        terms = [
            f'python_full_version {m[1]} "{m[2]}"' for m in re.finditer(r"(===|==|!=|<=|>=|~=|<|>)([^,]+)", specifier)
        ]
        if terms:
            alternatives.append(" and ".join(terms))
    if not alternatives:
        return ""
    return alternatives[0] if len(alternatives) == 1 else " or ".join(f"({a})" for a in alternatives)


def _and(*markers: str) -> str:
    present = [m for m in markers if m]
    return present[0] if len(present) == 1 else " and ".join(f"({m})" for m in present)


# --- edges --------------------------------------------------------------------------------


def _edges(name: str, value: Any, for_extras: tuple[str, ...] = ()) -> list[Requirement]:
    """One dependency-table entry (a string, a table, or a list of tables)."""
    if isinstance(value, list):
        return [edge for item in value for edge in _edges(name, item, for_extras)]
    if isinstance(value, str):
        value = {"version": value}
    if not isinstance(value, dict):
        return []
    marker = _and(
        str(value.get("markers", "")),
        python_marker(str(value["python"])) if "python" in value else "",
        f'sys_platform == "{value["platform"]}"' if "platform" in value else "",
    )
    specifier = pep440(str(value.get("version", "*")))
    return [
        Requirement(
            canonical(name),
            marker=marker,
            extras=tuple(value.get("extras", ())),
            specifier=specifier[0] if len(specifier) == 1 else "",
            source=str(value.get("source", "")),
            for_extras=for_extras,
        )
    ]


def _pep508_edge(text: str, where: str) -> Requirement:
    try:
        parsed = Pep508(text)
    except InvalidRequirement as error:
        raise LockError(f"{where}: {text!r} is not a valid requirement ({error})", "fix pyproject.toml") from None
    return Requirement(
        canonical(parsed.name),
        marker=str(parsed.marker or ""),
        extras=tuple(sorted(parsed.extras)),
        specifier=str(parsed.specifier),
    )


def _extra_names(entries: list[str]) -> set[str]:
    """[package.extras] lists PEP 508 strings, Poetry style: `name (>=1) ; marker`."""
    return {canonical(m[0]) for entry in entries if (m := re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", entry))}


def _package_edges(raw: dict[str, Any]) -> tuple[Requirement, ...]:
    extras: dict[str, list[str]] = raw.get("extras", {})
    members = {extra: _extra_names(entries) for extra, entries in extras.items()}
    edges = []
    for name, value in raw.get("dependencies", {}).items():
        optional = any(
            isinstance(v, dict) and v.get("optional") for v in (value if isinstance(value, list) else [value])
        )
        for_extras = tuple(sorted(e for e, names in members.items() if canonical(name) in names)) if optional else ()
        if optional and not for_extras:
            continue  # optional and in no extra: never installed
        edges.extend(_edges(name, value, for_extras))
    return tuple(edges)


def _source(raw: dict[str, Any]) -> Source:
    source = raw.get("source")
    if not source:
        return Source()
    kind = source.get("type", "")
    if kind == "git":
        return Source(
            SourceKind.GIT,
            url=source.get("url", ""),
            commit=source.get("resolved_reference") or source.get("reference", ""),
            path=source.get("subdirectory", "") or "",
        )
    if kind in ("directory", "file"):
        return Source(SourceKind.PATH, path=source.get("url", ""))
    if kind == "url":
        return Source(SourceKind.URL, url=source.get("url", ""))
    return Source(SourceKind.INDEX, url=source.get("url", ""), name=source.get("reference", ""))


def parse_packages(lock_data: dict[str, Any]) -> tuple[LockedPackage, ...]:
    return tuple(
        LockedPackage(
            name=canonical(raw["name"]),
            version=str(raw["version"]),
            files=tuple(Artifact(f["file"], f.get("hash", "")) for f in raw.get("files", [])),
            source=_source(raw),
            dependencies=_package_edges(raw),
        )
        for raw in lock_data.get("package", [])
    )


# --- the project's groups ---------------------------------------------------------------------


def _table_edges(table: dict[str, Any]) -> tuple[Requirement, ...]:
    return tuple(edge for name, value in table.items() if name != "python" for edge in _edges(name, value))


def _required(table: dict[str, Any]) -> dict[str, Any]:
    """A dependency table without its `optional = true` entries (those are extras)."""
    return {name: value for name, value in table.items() if not (isinstance(value, dict) and value.get("optional"))}


def _dependency_groups(pyproject: dict[str, Any], where: str) -> dict[str, list[Requirement]]:
    """PEP 735 `[dependency-groups]`, includes resolved."""
    declared: dict[str, list[Any]] = pyproject.get("dependency-groups", {})

    def edges(group: str, seen: frozenset[str]) -> list[Requirement]:
        found = []
        for item in declared.get(group, []):
            if isinstance(item, dict) and "include-group" in item:
                included = str(item["include-group"])
                if included not in seen:
                    found += edges(included, seen | {included})
            elif isinstance(item, str):
                found.append(_pep508_edge(item, f"{where}: dependency-groups.{group}"))
        return found

    return {canonical(group): edges(group, frozenset({group})) for group in declared}


def project_roots(pyproject: dict[str, Any], where: str) -> tuple[dict[str, tuple[Requirement, ...]], set[str]]:
    """The project's groups (main, dev, others, and its extras) and which are optional."""
    project = pyproject.get("project", {})
    poetry = pyproject.get("tool", {}).get("poetry", {})
    roots: dict[str, tuple[Requirement, ...]] = {}
    optional: set[str] = set()
    if "dependencies" in project:
        roots[MAIN] = tuple(_pep508_edge(text, f"{where}: project.dependencies") for text in project["dependencies"])
    else:
        roots[MAIN] = _table_edges(_required(poetry.get("dependencies", {})))
    for extra, entries in project.get("optional-dependencies", {}).items():
        roots[canonical(extra)] = tuple(_pep508_edge(t, f"{where}: optional-dependencies") for t in entries)
        optional.add(canonical(extra))
    declared = poetry.get("dependencies", {})
    for extra, names in poetry.get("extras", {}).items():
        roots[canonical(extra)] = tuple(
            edge for name in names for edge in _edges(name, declared.get(name, declared.get(canonical(name), "*")))
        )
        optional.add(canonical(extra))
    if "dev-dependencies" in poetry:
        roots[DEV] = _table_edges(poetry["dev-dependencies"])
    for group, edges in _dependency_groups(pyproject, where).items():
        roots[group] = roots.get(group, ()) + tuple(edges)
    for group, table in poetry.get("group", {}).items():
        name = canonical(group)
        roots[name] = roots.get(name, ()) + _table_edges(table.get("dependencies", {}))
        if table.get("optional"):
            optional.add(name)
    return roots, optional


def requires_python(pyproject: dict[str, Any], lock_data: dict[str, Any]) -> str:
    project = pyproject.get("project", {})
    if "requires-python" in project:
        return str(project["requires-python"])
    constraint = str(lock_data.get("metadata", {}).get("python-versions", ""))
    alternatives = pep440(constraint) if constraint else []
    return alternatives[0] if len(alternatives) == 1 else ""


# --- freshness ------------------------------------------------------------------------------------


def content_hash(pyproject: dict[str, Any], with_dependency_groups: bool = True) -> str:
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


def check_fresh(pyproject: dict[str, Any], lock_data: dict[str, Any], lock_name: str, app_dir: Path) -> None:
    locked = lock_data.get("metadata", {}).get("content-hash")
    if locked not in (content_hash(pyproject), content_hash(pyproject, with_dependency_groups=False)):
        raise LockError(
            f"{lock_name} is out of date with pyproject.toml (content-hash differs)",
            f"run `poetry lock` in {app_dir}",
        )


def read(pyproject: dict[str, Any], lock_data: dict[str, Any], lock_name: str, app_dir: Path) -> Lock:
    check_fresh(pyproject, lock_data, lock_name, app_dir)
    roots, optional = project_roots(pyproject, lock_name)
    extras = {canonical(e) for e in pyproject.get("project", {}).get("optional-dependencies", {})}
    extras |= {canonical(e) for e in pyproject.get("tool", {}).get("poetry", {}).get("extras", {})}
    # `poetry install` installs every group that is not optional.
    return Lock(
        kind="poetry",
        files=("pyproject.toml", "poetry.lock"),
        packages=parse_packages(lock_data),
        roots=tuple(roots.items()),
        optional_groups=frozenset(optional),
        extras=frozenset(extras),
        development_groups=tuple(g for g in roots if g != MAIN and g not in optional),
        requires_python=requires_python(pyproject, lock_data),
        project=read_project(pyproject, "poetry", package_found=_package_found(pyproject, app_dir)),
    )


def _package_found(pyproject: dict[str, Any], app_dir: Path) -> bool:
    """Whether `poetry install` finds the project's package: declared `packages`, or
    a module named as the project at the root or under src/ (else it fails)."""
    poetry = pyproject.get("tool", {}).get("poetry", {})
    if poetry.get("packages"):
        return True
    name = str(pyproject.get("project", {}).get("name") or poetry.get("name") or "")
    module = canonical(name).replace("-", "_")
    return (
        any((app_dir / root / f).exists() for root in ("", "src") for f in (module, f"{module}.py"))
        if module
        else False
    )
