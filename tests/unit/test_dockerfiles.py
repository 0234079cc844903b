"""Every Dockerfile of the product passes hadolint, with no unexplained ignores.

The seed's baseline Dockerfiles in bench/ are copied unchanged on purpose (they are
what we measure against) and are not ours to lint."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from support import REPO_ROOT

DOCKERFILES = sorted((REPO_ROOT / "src" / "warmbuild" / "docker").glob("*.Dockerfile"))
HADOLINT = Path(sys.executable).parent / "hadolint"


@pytest.mark.parametrize("path", DOCKERFILES, ids=lambda p: p.name)
def test_hadolint(path: Path) -> None:
    result = subprocess.run([str(HADOLINT), "--no-color", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", DOCKERFILES, ids=lambda p: p.name)
def test_every_ignore_is_explained(path: Path) -> None:
    """The comment block above an ignore names each ignored rule and says why."""
    lines = path.read_text().splitlines()
    for number, line in enumerate(lines):
        ignored = re.match(r"\s*#\s*hadolint ignore=(\S+)", line)
        if not ignored:
            continue
        block = []
        for above in reversed(lines[:number]):
            if not above.strip().startswith("#"):
                break
            block.append(above)
        for rule in ignored.group(1).split(","):
            assert any(rule in comment for comment in block), f"{path.name}:{number + 1}: {rule} unexplained"


def test_hadolint_catches_a_bad_dockerfile(tmp_path: Path) -> None:
    bad = tmp_path / "Dockerfile"
    bad.write_text("FROM python:latest\nRUN cd /app && pip install flask\n")
    assert subprocess.run([str(HADOLINT), str(bad)], capture_output=True).returncode != 0
