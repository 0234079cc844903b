"""uv.lock freshness, as `uv lock --check` decides it: real locks (tests/data/real-locks,
origins in each ORIGIN.md) and edits of their pyproject.toml, each judged by uv itself
(the test venv's uv, offline) and by warmbuild. warmbuild calls a lock stale only when
uv does; where uv looks at more than pyproject.toml (settings such as
`tool.uv.environments`), warmbuild passes and leaves it to uv."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import DATA

from warmbuild import locks
from warmbuild.errors import LockError
from warmbuild.locks import uv_fresh

REAL = DATA / "real-locks"
UV = Path(sys.executable).parent / "uv"
# The locks' own index: their hosts were replaced with index.example (ORIGIN.md), and
# uv checks that every index the lock names is configured.
INDEX = "https://index.example/simple"
# One end of a requires-python range: (version, inclusive).
Bound = tuple[str, bool]


def uv_says_fresh(folder: Path) -> bool:
    """`uv lock --check`, offline. A lock that does not satisfy the project makes uv
    resolve again (which fails offline): its debug log says why it did."""
    env = {**os.environ, "UV_OFFLINE": "1", "NO_COLOR": "1", "UV_NO_CONFIG": "1", "UV_PYTHON_DOWNLOADS": "never"}
    command = [str(UV), "lock", "--check", "--offline", "--no-config", "--default-index", INDEX, "-v"]
    command += ["--python", sys.executable]
    result = subprocess.run(command, cwd=folder, capture_output=True, text=True, env=env, timeout=120)
    if result.returncode == 0:
        return True
    said = [line for line in result.stderr.splitlines() if STALE.search(line)]
    assert said, result.stderr[-2000:]
    return False


# uv's words (debug log) when the lock does not satisfy the project.
STALE = re.compile(r"Resolving despite existing lockfile due to|Ignoring existing lockfile due to|needs to be updated")


def warmbuild_says_fresh(folder: Path) -> bool:
    try:
        locks.read_lock(folder)
    except LockError as error:
        problem = error.problem
    else:
        return True
    assert "is out of date with pyproject.toml" in problem, problem
    return False


def edited(tmp_path: Path, lock: str, edits: list[tuple[str, str]]) -> Path:
    folder = tmp_path / lock
    shutil.copytree(REAL / lock, folder, ignore=shutil.ignore_patterns("ORIGIN.md", ".*"))
    pyproject = folder / "pyproject.toml"
    text = pyproject.read_text()
    for old, new in edits:
        assert old in text, f"the edit does not apply: {old!r}"
        text = text.replace(old, new, 1)
    pyproject.write_text(text)
    return folder


FLASK = "uv-flask"
PAPERLESS = "uv-paperless-ngx"
KUBERNETISTA = "uv-kubernetista-fastapi-uv"

# (lock, edits of pyproject.toml, fresh for uv).
CASES = [
    # --- unmodified: fresh, extras and groups and sources and all ----------------------------
    pytest.param(FLASK, [], True, id="flask-as-is"),
    pytest.param(PAPERLESS, [], True, id="paperless-as-is"),
    pytest.param(KUBERNETISTA, [], True, id="kubernetista-as-is"),
    # --- edits that change nothing uv compares -------------------------------------------------
    pytest.param(FLASK, [('"blinker>=1.9.0"', '"blinker >= 1.9.0"')], True, id="flask-spacing"),
    pytest.param(FLASK, [('"jinja2>=3.1.2"', '"Jinja2>=3.1.2.0"')], True, id="flask-name-case-and-zero"),
    pytest.param(FLASK, [("dependencies = [\n", "dependencies = [  # what Flask needs\n")], True, id="flask-comment"),
    pytest.param(
        FLASK,
        [('    "blinker>=1.9.0",\n    "click>=8.1.3",\n', '    "click>=8.1.3",\n    "blinker>=1.9.0",\n')],
        True,
        id="flask-reordered",
    ),
    pytest.param(
        FLASK,
        [("\"gha-update ; python_full_version >= '3.12'\"", "\"gha-update; python_version >= '3.12'\"")],
        True,
        id="flask-group-marker-respelled",
    ),
    pytest.param(FLASK, [('requires-python = ">=3.10"', 'requires-python = ">= 3.10.0"')], True, id="flask-rp-spelled"),
    pytest.param(
        FLASK, [('default-groups = ["dev"', 'default-groups = ["docs", "dev"')], True, id="flask-default-groups"
    ),
    pytest.param(PAPERLESS, [('"bleach~=6.2.0",', '"bleach ~= 6.2.0",  # HTML')], True, id="paperless-reformatted"),
    pytest.param(
        PAPERLESS,
        [
            (
                '  { "include-group" = "docs" },\n  { "include-group" = "testing" },',
                '  { "include-group" = "testing" },\n  { "include-group" = "docs" },',
            )
        ],
        True,
        id="paperless-includes-reordered",
    ),
    # --- stale: the project's dependencies ------------------------------------------------------
    pytest.param(FLASK, [('"blinker>=1.9.0",', '"blinker>=1.9.0",\n    "six",')], False, id="flask-dependency-added"),
    pytest.param(FLASK, [('    "blinker>=1.9.0",\n', "")], False, id="flask-dependency-removed"),
    pytest.param(FLASK, [('"werkzeug>=3.1.0"', '"werkzeug>=99"')], False, id="flask-bound-excludes-the-locked"),
    pytest.param(FLASK, [('"click>=8.1.3"', '"click>=8.1.4"')], False, id="flask-bound-still-satisfied"),
    pytest.param(
        FLASK, [('"click>=8.1.3"', "\"click>=8.1.3; sys_platform == 'linux'\"")], False, id="flask-marker-added"
    ),
    pytest.param(FLASK, [('"jinja2>=3.1.2"', '"jinja2[i18n]>=3.1.2"')], False, id="flask-extra-of-a-dependency"),
    pytest.param(PAPERLESS, [('"bleach~=6.2.0"', '"bleach~=6.3.0"')], False, id="paperless-bound-changed"),
    # --- stale: extras ------------------------------------------------------------------------------
    pytest.param(
        FLASK, [('async = ["asgiref>=3.2"]', 'async = ["asgiref>=3.2", "six"]')], False, id="flask-extra-dep-added"
    ),
    pytest.param(FLASK, [('async = ["asgiref>=3.2"]', 'async = ["asgiref>=3.3"]')], False, id="flask-extra-bound"),
    pytest.param(
        FLASK,
        [('dotenv = ["python-dotenv"]', 'dotenv = ["python-dotenv"]\nyaml = []')],
        False,
        id="flask-empty-extra-added",
    ),
    pytest.param(FLASK, [('dotenv = ["python-dotenv"]', 'env = ["python-dotenv"]')], False, id="flask-extra-renamed"),
    pytest.param(
        PAPERLESS, [('"mysqlclient~=2.2.7",', '"mysqlclient~=2.2.7",\n  "six",')], False, id="paperless-extra-dep-added"
    ),
    # --- stale: groups --------------------------------------------------------------------------------
    pytest.param(FLASK, [('    "greenlet",\n', '    "greenlet",\n    "six",\n')], False, id="flask-group-dep-added"),
    pytest.param(FLASK, [('docs-auto = [\n    "sphinx-autobuild",\n]\n', "")], False, id="flask-group-removed"),
    pytest.param(PAPERLESS, [('  { "include-group" = "lint" },\n', "")], False, id="paperless-include-removed"),
    pytest.param(KUBERNETISTA, [('"ruff>=', '"ruff<1,>=')], False, id="kubernetista-legacy-dev-bound"),
    # --- stale: the project itself -------------------------------------------------------------------
    pytest.param(FLASK, [('requires-python = ">=3.10"', 'requires-python = ">=3.11"')], False, id="flask-rp-raised"),
    pytest.param(FLASK, [('requires-python = ">=3.10"', 'requires-python = ">=3.10,<4"')], False, id="flask-rp-capped"),
    pytest.param(PAPERLESS, [('requires-python = ">=3.10"', 'requires-python = ">=3.11"')], False, id="paperless-rp"),
    pytest.param(FLASK, [('version = "3.2.0.dev"', 'version = "3.2.0"')], False, id="flask-version-bumped"),
    pytest.param(PAPERLESS, [("package = false\n", "")], True, id="paperless-no-build-system-stays-virtual"),
    pytest.param(PAPERLESS, [("package = false", "package = true")], False, id="paperless-becomes-a-package"),
    # --- stale: sources -----------------------------------------------------------------------------
    pytest.param(
        PAPERLESS,
        [("psycopg-c = [\n", "psycopg-x = [\n")],
        False,
        id="paperless-source-dropped",
    ),
]


@pytest.mark.parametrize("lock, edits, fresh", CASES)
def test_warmbuild_agrees_with_uv_lock_check(
    tmp_path: Path, lock: str, edits: list[tuple[str, str]], fresh: bool
) -> None:
    folder = edited(tmp_path, lock, edits)
    assert uv_says_fresh(folder) is fresh, "the row's premise: what uv says"
    assert warmbuild_says_fresh(folder) is fresh


# What uv reads beyond pyproject.toml's requirements: warmbuild does not guess at it.
UV_ONLY = [
    pytest.param(
        PAPERLESS,
        [("  \"sys_platform == 'darwin'\",\n", "")],
        id="paperless-environments-changed",
    ),
]


@pytest.mark.parametrize("lock, edits", UV_ONLY)
def test_what_only_uv_judges_passes(tmp_path: Path, lock: str, edits: list[tuple[str, str]]) -> None:
    folder = edited(tmp_path, lock, edits)
    assert not uv_says_fresh(folder)
    assert warmbuild_says_fresh(folder)


def test_a_stale_lock_says_what_changed(tmp_path: Path) -> None:
    folder = edited(tmp_path, FLASK, [('async = ["asgiref>=3.2"]', 'async = ["asgiref>=3.2", "six"]')])
    with pytest.raises(LockError) as error:
        locks.read_lock(folder)
    assert error.value.one_line() == (
        f"{folder / 'uv.lock'} is out of date with pyproject.toml "
        "(six ; extra == 'async' is not in uv.lock); "
        f"fix: run `uv lock` in {folder}"
    )


@pytest.mark.parametrize(
    "specifier, bounds",
    [
        pytest.param(">=3.11", (("3.11", True), None), id="lower"),
        pytest.param(">=3.11, <4.0", (("3.11", True), ("4.0", False)), id="both"),
        pytest.param("==3.12.*", (("3.12", True), ("3.13", False)), id="star"),
        pytest.param("~=3.11.2", (("3.11.2", True), ("3.12", False)), id="compatible"),
        pytest.param(">3.10,<=3.13", (("3.10", False), ("3.13", True)), id="exclusive-and-inclusive"),
        pytest.param(">=3.10,!=3.11.*", None, id="a-hole-is-not-compared"),
    ],
)
def test_requires_python_as_a_range(specifier: str, bounds: tuple[Bound | None, Bound | None] | None) -> None:
    """(lower, upper) as (version, inclusive): what uv's RequiresPython range compares."""
    found = uv_fresh.python_range(specifier)
    shown = tuple(b and (str(b[0]), b[1]) for b in found) if found else None
    assert shown == bounds


def test_a_workspace_requires_python_is_left_to_uv() -> None:
    """With members, uv locks the intersection of their requires-python: not the root's."""
    pyproject = {"project": {"name": "root", "version": "1", "requires-python": ">=3.10"}}
    lock = {"requires-python": ">=3.12", "manifest": {"members": ["member", "root"]}}
    root = {"name": "root", "version": "1", "source": {"virtual": "."}}
    assert uv_fresh.staleness(pyproject, lock, root) == ""
    alone = {"requires-python": ">=3.12"}
    assert (
        uv_fresh.staleness(pyproject, alone, root) == "requires-python is >=3.10 in pyproject.toml, >=3.12 in uv.lock"
    )
