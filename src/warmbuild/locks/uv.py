"""uv.lock with its pyproject.toml. Pure.

uv records the project itself as a package (source `virtual` or `editable` "."),
its groups as `dev-dependencies`, its extras as `optional-dependencies`, and every
edge with its marker; a forked lock holds several versions of one name and its
edges say which (``version``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from ..errors import LockError
from . import uv_fresh
from .model import MAIN, Artifact, Lock, LockedPackage, Requirement, Source, SourceKind, canonical
from .project import read_project


def _root(lock_data: dict[str, Any]) -> dict[str, Any]:
    for raw in lock_data.get("package", []):
        source = raw.get("source", {})
        if source.get("virtual") == "." or source.get("editable") == ".":
            root: dict[str, Any] = raw
            return root
    raise LockError("uv.lock has no root project (source virtual or editable '.')", "run `uv lock`")


# The keys of a `source = {…}` table, each naming where a package comes from.
SOURCE_KEYS = ("registry", "url", "git", "path", "directory", "editable", "virtual")


def source_key(source: dict[str, Any]) -> str:
    """What tells one locked source from another (a lock may hold one version of a
    name from both an index and a URL, each for its own platforms)."""
    return next((f"{key}:{source[key]}" for key in SOURCE_KEYS if key in source), "")


def _edge(raw: dict[str, Any], for_extras: tuple[str, ...] = ()) -> Requirement:
    return Requirement(
        canonical(raw["name"]),
        marker=str(raw.get("marker", "")),
        extras=tuple(raw.get("extra", ())),
        specifier=f"=={raw['version']}" if "version" in raw else "",
        # A forked edge names its package's version and source: the same version may
        # come from an index on some platforms and from a URL on others.
        source=source_key(raw["source"]) if "source" in raw else "",
        for_extras=for_extras,
    )


def _edges(raw: dict[str, Any]) -> tuple[Requirement, ...]:
    edges = [_edge(entry) for entry in raw.get("dependencies", [])]
    for extra, entries in raw.get("optional-dependencies", {}).items():
        edges += [_edge(entry, (extra,)) for entry in entries]
    return tuple(edges)


def _source(raw: dict[str, Any], extra_indexes: frozenset[str]) -> Source:
    """The package's source; its name is the lock's key for it, which edges name."""
    source = raw.get("source", {})
    key = source_key(source)
    if "git" in source:
        # git = "https://host/repo?rev=v1&subdirectory=pkg#<commit>"
        parts = urlsplit(source["git"])
        query = parse_qs(parts.query)
        url = parts._replace(query="", fragment="").geturl()
        subdirectory = query.get("subdirectory", [""])[0]
        return Source(SourceKind.GIT, url=url, commit=parts.fragment, path=subdirectory, name=key)
    for path_key in ("directory", "editable", "path"):
        if path_key in source:
            return Source(SourceKind.PATH, path=str(source[path_key]), name=key)
    if "url" in source:
        return Source(SourceKind.URL, url=str(source["url"]), name=key)
    registry = str(source.get("registry", ""))
    # Only an index the project declares is named to the installer; the others are
    # the default index, which the build's own configuration (index_url) decides.
    declared = registry.rstrip("/") in extra_indexes
    return Source(SourceKind.INDEX, url=registry if declared else "", name=key)


def _artifact(raw: dict[str, Any]) -> Artifact:
    url = str(raw.get("url") or raw.get("path") or raw.get("filename") or "")
    filename = unquote(url.rsplit("/", 1)[-1].split("#", 1)[0])
    remote = url.split("#", 1)[0] if url.startswith(("https://", "http://")) else ""
    return Artifact(filename, str(raw.get("hash", "")), raw.get("size"), remote)


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


def check_fresh(pyproject: dict[str, Any], lock_data: dict[str, Any], lock_name: str, app_dir: Path) -> None:
    """Out of date as `uv lock --check` sees it, where pyproject.toml alone can tell
    (``uv_fresh``); uv itself is the authority on the rest."""
    reason = uv_fresh.staleness(pyproject, lock_data, _root(lock_data))
    if reason:
        raise LockError(f"{lock_name} is out of date with pyproject.toml ({reason})", f"run `uv lock` in {app_dir}")


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
        project=read_project(pyproject, "uv", _root(lock_data)),
    )
