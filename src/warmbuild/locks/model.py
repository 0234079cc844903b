"""What a lock says, whatever wrote it: packages with their files and sources, the
edges between them (with markers and extras), and the project's own groups. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

MAIN = "main"
DEV = "dev"

if TYPE_CHECKING:
    from .project import Project


def canonical(name: str) -> str:
    """PEP 503 name normalisation: 'OpenCV_Python.Headless' -> 'opencv-python-headless'."""
    return re.sub(r"[-_.]+", "-", name).lower()


class SourceKind(Enum):
    INDEX = "index"  # a package index (PyPI or a configured one)
    GIT = "git"  # a repository at a pinned commit
    PATH = "path"  # a folder (or file) of the user's own repository
    URL = "url"  # a direct download


@dataclass(frozen=True)
class Source:
    kind: SourceKind = SourceKind.INDEX
    # INDEX: the index's URL when it is not the default; GIT: the repository; URL: the file.
    url: str = ""
    # GIT: the commit the lock pinned.
    commit: str = ""
    # GIT: a sub-folder holding the package; PATH: the folder, relative to the app.
    path: str = ""
    # The name the lock gives the source (Poetry's `reference`), to match edges to it.
    name: str = ""


@dataclass(frozen=True)
class Artifact:
    """A file the lock records for a package: a wheel or an sdist, with its hash."""

    filename: str
    hash: str = ""
    size: int | None = None
    # Where the lock (uv) or the index says the file is; '' when it does not say.
    url: str = ""

    @property
    def is_wheel(self) -> bool:
        return self.filename.endswith(".whl")


@dataclass(frozen=True)
class IndexFiles:
    """What a package index says of one locked version: its files, with their sizes
    where the index gives them (PEP 700, or the file's Content-Length), or why it
    cannot tell (``problem``: "index unreachable", "not on the index", ...)."""

    files: tuple[Artifact, ...] = ()
    problem: str = ""


@dataclass(frozen=True)
class Requirement:
    """An edge: the project or a package needs ``name`` (under ``marker``)."""

    name: str
    # PEP 508 marker text ('' = always); may test `extra` of the package that needs it.
    marker: str = ""
    # The needed package's extras to turn on.
    extras: tuple[str, ...] = ()
    # PEP 440 specifier choosing among several locked versions of one name ('' = any).
    specifier: str = ""
    # The source the edge asks for by name (Poetry's `source = "pytorch"`).
    source: str = ""
    # Needed only when the package that needs it has one of these extras on.
    for_extras: tuple[str, ...] = ()


@dataclass(frozen=True)
class LockedPackage:
    name: str
    version: str
    files: tuple[Artifact, ...] = ()
    source: Source = field(default_factory=Source)
    dependencies: tuple[Requirement, ...] = ()

    @property
    def pinned(self) -> str:
        """name==version, or the name alone when the lock records no version (a
        requirements file's git or path entry)."""
        return f"{self.name}=={self.version}" if self.version else self.name

    @property
    def hashes(self) -> tuple[str, ...]:
        return tuple(sorted(f.hash for f in self.files if f.hash))

    @property
    def key(self) -> tuple[str, str, str]:
        """Names repeat in forked locks (several versions, several sources)."""
        return self.name, self.version, self.source.name or self.source.url

    @property
    def builds_from_source(self) -> bool:
        """Git and path packages are always built here; their locks record no files."""
        return self.source.kind in (SourceKind.GIT, SourceKind.URL) and not self.source.url.endswith(".whl")


@dataclass(frozen=True)
class Lock:
    kind: str
    # The files that make up the lock, relative to the app directory.
    files: tuple[str, ...]
    packages: tuple[LockedPackage, ...]
    # The project's own dependencies by group ("main", "dev", optional groups, extras).
    roots: tuple[tuple[str, tuple[Requirement, ...]], ...]
    # Groups installed only when the configuration asks for them.
    optional_groups: frozenset[str] = frozenset()
    # Which of those are the project's extras (`pip install app[extra]`), not groups.
    extras: frozenset[str] = frozenset()
    # What the lock's tool installs for development by default (`poetry install`:
    # every group that is not optional; `uv sync`: its default groups).
    development_groups: tuple[str, ...] = ()
    # The Python versions the lock was made for (PEP 440), '' when it does not say.
    requires_python: str = ""
    # False for a requirements file without --hash lines: integrity is not verified.
    hashed: bool = True
    # Lines for the exported requirements (an index the lock names), kept as written.
    index_options: tuple[str, ...] = ()
    # The project itself (its name, version and entry points), for `install_project`.
    project: Project | None = None

    @property
    def lock_file(self) -> str:
        """The file that pins the packages: requirements.txt, uv.lock, poetry.lock."""
        return self.files[0] if self.kind == "requirements" else self.files[-1]

    def group_names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.roots)

    def roots_of(self, group: str) -> tuple[Requirement, ...]:
        return next((edges for name, edges in self.roots if name == group), ())

    def by_name(self) -> dict[str, list[LockedPackage]]:
        found: dict[str, list[LockedPackage]] = {}
        for package in self.packages:
            found.setdefault(package.name, []).append(package)
        return found
