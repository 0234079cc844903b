"""What `dev-up --watch` does about a change, decided from paths and commands. Pure.

Two kinds of change, two answers:
- what the images are built from (the lock, pyproject, warmbuild.yaml, the team's
  compose file and .env): dev-up again, through the pipeline (the deps image only if a
  heavy package moved), and compose recreates the services whose image changed, no others;
- code: nothing to build (it is mounted); the services whose command reloads by
  itself (uvicorn --reload, Django's runserver) see it at once, the others (Celery,
  RQ, arq, a scheduler, a server without its reload flag) are restarted.

Why warmbuild's own watcher and not compose's `develop.watch`: compose (2.26 here)
ignores the watch rules of a service without `build:` (compose-spec#505; lifted by
docker/compose#12343 in a later release), and the override removes their `build:` so
that compose never builds through the team's Dockerfile; a lock change must go through
warmbuild's pipeline anyway; and the code is bind-mounted, so `sync` has nothing to do.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath

# Folders no one edits code in: tools' caches and state, dependencies, VCS.
IGNORED_FOLDERS = frozenset(
    {".git", ".hg", "__pycache__", "node_modules", ".venv", "venv", ".warmbuild", ".mypy_cache", ".pytest_cache",
     ".ruff_cache", ".tox", ".nox", ".idea", ".vscode", "htmlcov", "dist", "build"}
)  # fmt: skip
IGNORED_SUFFIXES = (".pyc", ".pyo", ".swp", ".swx", "~", ".tmp", ".log", ".sqlite3", ".db")
# What counts as code a restart should pick up: source, templates, translations and
# config files. Not what the running services write into the mounted folder (Celery
# beat's `celerybeat-schedule` at every start, SQLite journals, uploads, logs): a
# restart on those would make the restarted service write again, and restart it again.
CODE_SUFFIXES = (".py", ".pyi", ".pyx", ".html", ".htm", ".jinja", ".jinja2", ".j2", ".txt", ".po", ".mo",
                 ".yaml", ".yml", ".toml", ".ini", ".cfg", ".conf", ".env")  # fmt: skip

# A word on the command line that makes the program reload (or restart its child) on
# a code change: uvicorn, gunicorn, hypercorn, granian `--reload`; arq, dramatiq
# `--watch`; Django's runserver (unless --noreload); `fastapi dev`; watchers that
# restart what they run.
RELOADING_WORDS = frozenset({"--reload", "--watch", "--autoreload", "--use-reloader"})
RELOADING_PROGRAMS = frozenset({"watchmedo", "watchfiles", "nodemon", "hupper", "watchgod"})


@dataclass(frozen=True)
class FileStat:
    mtime_ns: int
    size: int


# relative path -> its stat
Snapshot = Mapping[str, FileStat]


@dataclass(frozen=True)
class Change:
    """What changed since the last look, sorted into what to do."""

    rebuild: tuple[str, ...] = ()  # inputs of the images: dev-up again
    code: tuple[str, ...] = ()  # mounted code: restart the services that cannot reload

    def __bool__(self) -> bool:
        return bool(self.rebuild or self.code)


def ignored(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return any(part in IGNORED_FOLDERS for part in parts[:-1]) or parts[-1].endswith(IGNORED_SUFFIXES)


def changed_paths(before: Snapshot, after: Snapshot) -> tuple[str, ...]:
    """Paths added, removed or modified (mtime or size)."""
    return tuple(sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path)))


def classify(paths: Iterable[str], image_inputs: frozenset[str]) -> Change:
    """Sort changed paths: the images' inputs (``image_inputs``), code, or neither."""
    paths = [path for path in paths if not ignored(path)]
    return Change(
        rebuild=tuple(path for path in paths if path in image_inputs),
        code=tuple(path for path in paths if path not in image_inputs and path.endswith(CODE_SUFFIXES)),
    )


def reloads_itself(argv: Iterable[str]) -> bool:
    """Whether a command reloads on a code change by itself. A shell line (`sh -c
    "migrate && uvicorn --reload …"`) counts by its words."""
    words = [word for arg in argv for word in arg.split()]
    names = [PurePosixPath(word).name for word in words]
    if RELOADING_WORDS & set(words) or RELOADING_PROGRAMS & set(names):
        return True
    if "runserver" in words or "runserver_plus" in words:  # Django's autoreloader is on by default
        return "--noreload" not in words
    if "fastapi" in names and "dev" in words:
        return True
    return "flask" in names and "run" in words and "--debug" in words


def restarted_on_code_change(
    commands: Mapping[str, tuple[str, ...] | None], image_command: tuple[str, ...]
) -> tuple[str, ...]:
    """The app's services a code change restarts: those whose command (None: the dev
    image's, ``image_command``) does not reload by itself."""
    return tuple(name for name, argv in commands.items() if not reloads_itself(argv or image_command))
