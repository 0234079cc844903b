"""uv.lock with its pyproject.toml. Pure.

uv records the project itself as a package (source `virtual` or `editable` "."),
its groups as `dev-dependencies`, its extras as `optional-dependencies`, and every
edge with its marker; a forked lock holds several versions of one name and its
edges say which (``version``)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from ..errors import LockError
from .model import MAIN, Artifact, Lock, LockedPackage, Requirement, Source, SourceKind, canonical


def _root(lock_data: dict[str, Any]) -> dict[str, Any]:
    for raw in lock_data.get("package", []):
        source = raw.get("source", {})
        if source.get("virtual") == "." or source.get("editable") == ".":
            root: dict[str, Any] = raw
            return root
    raise LockError("uv.lock has no root project (source virtual or editable '.')", "run `uv lock`")


def _edge(raw: dict[str, Any], for_extras: tuple[str, ...] = ()) -> Requirement:
    return Requirement(
        canonical(raw["name"]),
        marker=str(raw.get("marker", "")),
        extras=tuple(raw.get("extra", ())),
        specifier=f"=={raw['version']}" if "version" in raw else "",
        for_extras=for_extras,
    )


def _edges(raw: dict[str, Any]) -> tuple[Requirement, ...]:
    edges = [_edge(entry) for entry in raw.get("dependencies", [])]
    for extra, entries in raw.get("optional-dependencies", {}).items():
        edges += [_edge(entry, (extra,)) for entry in entries]
    return tuple(edges)


def _source(raw: dict[str, Any], extra_indexes: frozenset[str]) -> Source:
    source = raw.get("source", {})
    if "git" in source:
        # git = "https://host/repo?rev=v1&subdirectory=pkg#<commit>"
        parts = urlsplit(source["git"])
        query = parse_qs(parts.query)
        url = parts._replace(query="", fragment="").geturl()
        return Source(SourceKind.GIT, url=url, commit=parts.fragment, path=query.get("subdirectory", [""])[0])
    for key in ("directory", "editable", "path"):
        if key in source:
            return Source(SourceKind.PATH, path=str(source[key]))
    if "url" in source:
        return Source(SourceKind.URL, url=str(source["url"]))
    registry = str(source.get("registry", ""))
    # Only an index the project declares is named to the installer; the others are
    # the default index, which the build's own configuration (index_url) decides.
    return Source(SourceKind.INDEX, url=registry if registry.rstrip("/") in extra_indexes else "", name=registry)


def _artifact(raw: dict[str, Any]) -> Artifact:
    url = str(raw.get("url") or raw.get("path") or raw.get("filename") or "")
    return Artifact(unquote(url.rsplit("/", 1)[-1].split("#", 1)[0]), str(raw.get("hash", "")), raw.get("size"))


def declared_indexes(pyproject: dict[str, Any]) -> frozenset[str]:
    """The URLs of `[[tool.uv.index]]` entries that are not the default index."""
    indexes = pyproject.get("tool", {}).get("uv", {}).get("index", [])
    return frozenset(str(i["url"]).rstrip("/") for i in indexes if "url" in i and not i.get("default"))


def parse_packages(lock_data: dict[str, Any], extra_indexes: frozenset[str] = frozenset()) -> tuple[LockedPackage, ...]:
    root = _root(lock_data)
    packages = []
    for raw in lock_data.get("package", []):
        if raw is root:
            continue
        files = [_artifact(w) for w in raw.get("wheels", [])]
        if "sdist" in raw:
            files.append(_artifact(raw["sdist"]))
        packages.append(
            LockedPackage(
                name=canonical(raw["name"]),
                version=str(raw.get("version", "")),
                files=tuple(files),
                source=_source(raw, extra_indexes),
                dependencies=_edges(raw),
            )
        )
    return tuple(packages)


def roots(lock_data: dict[str, Any]) -> tuple[dict[str, tuple[Requirement, ...]], set[str]]:
    root = _root(lock_data)
    found: dict[str, tuple[Requirement, ...]] = {MAIN: tuple(_edge(e) for e in root.get("dependencies", []))}
    optional = set()
    for extra, entries in root.get("optional-dependencies", {}).items():
        found[canonical(extra)] = tuple(_edge(e) for e in entries)
        optional.add(canonical(extra))
    for group, entries in root.get("dev-dependencies", {}).items():
        found[canonical(group)] = tuple(_edge(e) for e in entries)
    return found, optional


def _requirement_name(requirement: str) -> str:
    return canonical(re.split(r"[\s<>=!~;\[(@]", requirement.strip(), maxsplit=1)[0])


def check_fresh(pyproject: dict[str, Any], lock_data: dict[str, Any], lock_name: str, app_dir: Path) -> None:
    """uv records the root's requirements in the lock. A dependency added to or
    removed from pyproject.toml without `uv lock` shows as a different name set
    (uv itself is the authority on the finer points: `uv lock --check`)."""
    declared = {_requirement_name(d) for d in pyproject.get("project", {}).get("dependencies", [])}
    locked = {canonical(r["name"]) for r in _root(lock_data).get("metadata", {}).get("requires-dist", [])}
    if declared != locked:
        raise LockError(f"{lock_name} is out of date with pyproject.toml", f"run `uv lock` in {app_dir}")


def read(pyproject: dict[str, Any], lock_data: dict[str, Any], lock_name: str, app_dir: Path) -> Lock:
    check_fresh(pyproject, lock_data, lock_name, app_dir)
    groups, optional = roots(lock_data)
    # `uv sync` installs its default groups: `tool.uv.default-groups`, else "dev".
    defaults = pyproject.get("tool", {}).get("uv", {}).get("default-groups", ["dev"])
    defaults = list(groups) if defaults == "all" else [canonical(g) for g in defaults]
    return Lock(
        kind="uv",
        files=("pyproject.toml", "uv.lock"),
        packages=parse_packages(lock_data, declared_indexes(pyproject)),
        roots=tuple(groups.items()),
        optional_groups=frozenset(optional),
        extras=frozenset(optional),
        development_groups=tuple(g for g in defaults if g in groups and g != MAIN),
        requires_python=str(lock_data.get("requires-python", "")),
    )
