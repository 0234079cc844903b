"""Maintainer helper: lock a Poetry project where Poetry cannot reach PyPI's JSON API.

Some networks (TLS-intercepting proxies) serve only the simple index (PEP 503/691).
Poetry's default PyPI source needs the JSON API, so `poetry lock` fails there. This
locks a scratch copy through a temporary primary source pointing at the simple index,
then removes every trace of that source, so the result is the lock `poetry lock`
gives on an open network. Not a user-facing task: users on an open network run
`poetry lock`.

Run with a Python that has Poetry installed:
    POETRY_PYTHON ci/poetry-lock-via-simple-index.py PROJECT_DIR
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SOURCE_NAME = "warmbuild-lock-index"


def simple_index_url() -> str:
    # Read at run time from pip's own default, never written into the repository.
    from pip._internal.models.index import PyPI

    return PyPI.simple_url


def strip_source(text: str, table_header: str) -> str:
    """Remove every table that starts with ``table_header`` and names our source."""
    blocks = re.split(r"(?m)^(?=\[)", text)
    kept = [b for b in blocks if not (b.startswith(table_header) and SOURCE_NAME in b)]
    return "".join(kept)


def main(project: Path) -> None:
    from poetry.factory import Factory

    poetry_bin = Path(sys.executable).parent / "poetry"
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        shutil.copy(project / "pyproject.toml", work / "pyproject.toml")
        if (project / "poetry.lock").exists():
            shutil.copy(project / "poetry.lock", work / "poetry.lock")
        run = lambda *args: subprocess.run([str(poetry_bin), *args], cwd=work, check=True)  # noqa: E731
        run("source", "add", "--priority=primary", SOURCE_NAME, simple_index_url())
        run("lock")
        shutil.copy(project / "pyproject.toml", work / "pyproject.toml")
        lock = strip_source((work / "poetry.lock").read_text(), "[package.source]")
        (work / "poetry.lock").write_text(lock)
        content_hash = Factory().create_poetry(work).locker._get_content_hash()
        lock = re.sub(r'(?m)^content-hash = ".*"$', f'content-hash = "{content_hash}"', lock)
        (project / "poetry.lock").write_text(lock)
    subprocess.run([str(poetry_bin), "check", "--lock"], cwd=project, check=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve())
