"""Folders warmbuild reads and writes for builds.

- ``walk``: the one walk over a folder, leaving out what .dockerignore-style patterns
  exclude (ignored folders are not even entered). The build context's fingerprint,
  path dependencies and `init`'s reading of a repository all walk with it.
- The folders a build reads that warmbuild stages (lock exports, copies of path
  dependencies): named by their content, written beside and renamed into place, so
  a concurrent build of the same plan never sees one half-written; old ones pruned.

Reads and writes files; no Docker.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import CannotWrite, DiskFull, WarmbuildError
from .fingerprint import TreeEntry, ignore_patterns, ignored, tree_digest

Patterns = list[tuple[str, bool]]

# What never belongs to a package's or an app's files: version control, virtualenvs,
# caches and build output. A folder without a .dockerignore is walked without them.
NOT_SOURCE = ignore_patterns(
    "\n".join(
        [
            "**/.git",
            "**/__pycache__",
            "**/*.py[co]",
            "**/.venv",
            "**/venv",
            "**/node_modules",
            "**/build",
            "**/dist",
            "**/*.egg-info",
            "**/.pytest_cache",
            "**/.mypy_cache",
            "**/.ruff_cache",
            "**/.tox",
            "**/.nox",
            "**/.warmbuild",
        ]
    )
)
# Folders a day old are from plans no running build still reads.
STALE_AFTER_SECONDS = 24 * 3600


def walk(root: Path, patterns: Patterns) -> Iterator[tuple[str, Path]]:
    """(relative path with forward slashes, path) of every file under ``root`` that
    the patterns leave, in a stable order."""
    for folder, folders, names in os.walk(root):
        relative = Path(folder).relative_to(root).as_posix()
        prefix = "" if relative == "." else f"{relative}/"
        folders[:] = sorted(f for f in folders if not ignored(f"{prefix}{f}", patterns))
        for name in sorted(names):
            if not ignored(f"{prefix}{name}", patterns):
                yield f"{prefix}{name}", Path(folder) / name


def dockerignore_of(folder: Path) -> Patterns:
    """A folder's own .dockerignore patterns, else NOT_SOURCE."""
    own = folder / ".dockerignore"
    return ignore_patterns(own.read_text()) if own.is_file() else NOT_SOURCE


def repository_dockerignore(context: str, exists: Callable[[str], bool]) -> str | None:
    """Which of the repository's .dockerignore files the app's builds use (a path from
    the repository's root; ``exists`` answers for such paths): the app folder's, else
    the root's; None: warmbuild's own."""
    folder = "" if context in ("", ".") else f"{context.rstrip('/')}/"
    return next((path for path in dict.fromkeys([f"{folder}.dockerignore", ".dockerignore"]) if exists(path)), None)


def context_patterns(context: Path, dockerfile: Path) -> Patterns:
    """What BuildKit leaves out of a build's context: the Dockerfile's own
    `<name>.dockerignore` beside it, else the context's .dockerignore."""
    beside = dockerfile.with_name(f"{dockerfile.name}.dockerignore")
    chosen = beside if beside.is_file() else context / ".dockerignore"
    return ignore_patterns(chosen.read_text()) if chosen.is_file() else []


def context_digest(context: Path, dockerfile: Path) -> str:
    """The context as BuildKit would send it, each file by path, size, modification
    time and mode: cheap to compute on every build (no file is read)."""
    entries = []
    for relative, path in walk(context, context_patterns(context, dockerfile)):
        stat = path.lstat()
        entries.append(TreeEntry(relative, stat.st_size, stat.st_mtime_ns, stat.st_mode))
    return tree_digest(entries, [])


def content_digest(root: Path) -> str:
    """Of a package's files' content (as its .dockerignore, or NOT_SOURCE, leaves them)."""
    digest = hashlib.sha256()
    for relative, path in walk(root, dockerignore_of(root)):
        digest.update(relative.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


# --- writing -------------------------------------------------------------------------------


@contextlib.contextmanager
def writing(path: Path) -> Iterator[None]:
    """A failure to write ``path`` as the error family's one line (exit 2, or 6 for a
    full disk), never a traceback."""
    try:
        yield
    except OSError as error:
        raise cannot_write(path, error) from None


def cannot_write(path: Path, error: OSError) -> WarmbuildError:
    if error.errno == errno.ENOSPC:
        return DiskFull(f"no space left to write {path}", "free space (`invoke gc --apply`), then run the task again")
    return CannotWrite(
        f"cannot write {path}: {error.strerror or error}", "make its folder exist and writable, or choose another path"
    )


def write_text(path: Path, text: str) -> None:
    """A file complete or not at all: written beside, then renamed into place."""
    with writing(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        scratch = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            scratch.write_text(text)
            scratch.replace(path)
        finally:
            scratch.unlink(missing_ok=True)


# --- staged folders -------------------------------------------------------------------------


def stage_texts(folder: Path, named_texts: list[tuple[str, str]]) -> None:
    """A folder of these files (path inside it, text), complete or absent."""
    with writing(folder):
        if not folder.is_dir():
            _stage(folder, lambda scratch: _write_texts(scratch, named_texts))
        _touch_and_prune(folder)


def stage_copies(folder: Path, copies: tuple[tuple[str, str], ...]) -> None:
    """A folder holding a copy of each source folder under its name, complete or absent."""
    with writing(folder):
        if not folder.is_dir():
            _stage(folder, lambda scratch: _copy_all(scratch, copies))
        _touch_and_prune(folder)


def _write_texts(scratch: Path, named_texts: list[tuple[str, str]]) -> None:
    for name, text in named_texts:
        (scratch / name).parent.mkdir(parents=True, exist_ok=True)
        (scratch / name).write_text(text)


def _copy_all(scratch: Path, copies: tuple[tuple[str, str], ...]) -> None:
    for source_name, name in copies:
        source = Path(source_name)
        for relative, path in walk(source, dockerignore_of(source)):
            target = scratch / name / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)


def _stage(folder: Path, fill: Callable[[Path], None]) -> None:
    """Fill a scratch folder beside ``folder``, then rename it into place."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        fill(scratch)
        scratch.rename(folder)
    except OSError:
        shutil.rmtree(scratch, ignore_errors=True)
        if not folder.is_dir():  # not another run's identical folder renamed in first
            raise


def _touch_and_prune(folder: Path) -> None:
    """In use now: not stale for another run's pruning. Siblings of the same kind
    (`locks-*`, `pathdeps-*`) untouched for a day go."""
    os.utime(folder)
    kind = folder.name.rsplit("-", 1)[0]
    cutoff = time.time() - STALE_AFTER_SECONDS
    for sibling in folder.parent.glob(f"{kind}-*"):
        try:
            stale = sibling != folder and sibling.stat().st_mtime < cutoff
        except FileNotFoundError:  # pruned by a concurrent run
            continue
        if stale:
            shutil.rmtree(sibling, ignore_errors=True)
