"""Lock reading and the installed sets, checked against what the lock tools install."""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

import pytest
from support import DATA, REPO_ROOT

from warmbuild import locks
from warmbuild.errors import ConfigError, LockError
from warmbuild.locks import requirements as requirements_lock
from warmbuild.locks.environment import TargetEnvironment, python_from_image, target_environment
from warmbuild.locks.poetry import content_hash, pep440, python_marker
from warmbuild.selection import build_line

SMALL = DATA / "poetry-small"
LINUX_313 = TargetEnvironment((3, 13, 0))
LINUX_311 = TargetEnvironment((3, 11, 0))
ARM_313 = TargetEnvironment((3, 13, 0), machine="aarch64")


def exported(text: str, env: TargetEnvironment) -> dict[str, str]:
    """What a tool's export (`poetry export`, `uv export`) installs in ``env``: its
    lines whose markers hold there."""
    entries, _ = requirements_lock.parse(text, "export")
    return {e.name: e.version for e in entries if env.accepts(e.marker)}


def installed(lock: locks.Lock, groups: list[str], env: TargetEnvironment) -> dict[str, str]:
    return {p.name: p.version for p in locks.install_set(lock, groups, env)}


@pytest.mark.parametrize(
    "groups, golden", [(["main"], "export-main.txt"), (["main", "dev"], "export-dev.txt")], ids=["main", "main+dev"]
)
def test_poetry_selection_matches_poetry_export(groups: list[str], golden: str) -> None:
    """Goldens captured from Poetry 2.5.1's `poetry export` when the fixture was locked."""
    lock = locks.read_lock(SMALL)
    ours = installed(lock, groups, LINUX_313)
    assert ours == exported((SMALL / golden).read_text(), LINUX_313)
    hashes = {p.name: p.hashes for p in locks.install_set(lock, groups, LINUX_313)}
    golden_entries, _ = requirements_lock.parse((SMALL / golden).read_text(), golden)
    assert hashes == {e.name: e.hashes for e in golden_entries if e.name in hashes}


def test_markers_are_evaluated_for_the_target() -> None:
    """colorama is needed on Windows only: in the lock, not in a Linux image."""
    lock = locks.read_lock(SMALL)
    assert "colorama" in {p.name for p in lock.packages}
    assert "colorama" not in installed(lock, ["main", "dev"], LINUX_313)


@pytest.mark.parametrize("project", [SMALL, REPO_ROOT / "backend"], ids=["small", "example-backend"])
def test_content_hash_matches_the_one_poetry_wrote(project: Path) -> None:
    pyproject = tomllib.loads((project / "pyproject.toml").read_text())
    lock = tomllib.loads((project / "poetry.lock").read_text())
    assert content_hash(pyproject) == lock["metadata"]["content-hash"]


def test_stale_lock_is_caught_before_any_build(tmp_path: Path) -> None:
    shutil.copytree(SMALL, tmp_path / "app")
    pyproject = tmp_path / "app" / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace('"scipy (>=1.14)"', '"scipy (>=1.14)", "six"'))
    with pytest.raises(LockError) as error:
        locks.read_lock(tmp_path / "app")
    assert error.value.one_line() == (
        f"{tmp_path / 'app' / 'poetry.lock'} is out of date with pyproject.toml (content-hash differs); "
        f"fix: run `poetry lock` in {tmp_path / 'app'}"
    )
    assert error.value.exit_code == 3


def test_missing_lock_names_the_fix(tmp_path: Path) -> None:
    with pytest.raises(LockError, match=r"no lock file in .* \(looked for poetry.lock, uv.lock, requirements.txt\)"):
        locks.read_lock(tmp_path)


def test_heavy_closure_follows_dependencies() -> None:
    lock = locks.read_lock(REPO_ROOT / "backend")
    prod = locks.install_set(lock, ["main"], LINUX_313)
    heavy = locks.heavy_packages(prod, ["scipy", "opencv-python-headless"], "poetry.lock")
    assert [p.name for p in heavy] == ["numpy", "opencv-python-headless", "scipy"]


def test_heavy_package_missing_from_the_target() -> None:
    lock = locks.read_lock(REPO_ROOT / "backend")
    prod = locks.install_set(lock, ["main"], LINUX_313)
    with pytest.raises(LockError, match=r"heavy package 'torch' is not in poetry\.lock for this target"):
        locks.heavy_packages(prod, ["torch"], "poetry.lock")


def test_optional_group_is_left_out_unless_asked_for() -> None:
    lock = locks.read_lock(REPO_ROOT / "backend")
    assert "ml" in lock.optional_groups and "ml" not in lock.development_groups
    assert "ultralytics" not in installed(lock, ["main"], LINUX_313)
    assert "ultralytics" in installed(lock, ["main", "ml"], LINUX_313)


def test_unknown_group_names_the_ones_there_are() -> None:
    lock = locks.read_lock(REPO_ROOT / "backend")
    with pytest.raises(LockError, match=r"has no group or extra 'gpu' \(it has: dev, ml\)"):
        locks.install_set(lock, ["main", "gpu"], LINUX_313, "poetry.lock")


def test_a_lock_for_another_python_is_refused() -> None:
    lock = locks.read_lock(REPO_ROOT / "backend")  # requires-python >=3.13,<3.14
    with pytest.raises(LockError) as error:
        locks.install_set(lock, ["main"], LINUX_311, "backend/poetry.lock")
    assert "is for Python >=3.13,<3.14, the image has 3.11.0" in error.value.problem
    assert "python_image" in error.value.fix


# --- requirements files -------------------------------------------------------------------

REQUIREMENTS = """\
# This file was autogenerated by uv via the following command:
#    uv pip compile requirements.in --generate-hashes
numpy==2.1.0 \\
    --hash=sha256:aa \\
    --hash=sha256:bb
    # via
    #   -r requirements.in
    #   scipy
scipy==1.14.1 \\
    --hash=sha256:cc
    # via -r requirements.in
colorama==0.4.6 ; sys_platform == 'win32' \\
    --hash=sha256:dd
    # via click
click==8.1.7 --hash=sha256:ee
    # via -r requirements.in
"""


def requirements_lock_in(tmp_path: Path, text: str, dev: str = "") -> locks.Lock:
    (tmp_path / "requirements.txt").write_text(text)
    if dev:
        (tmp_path / "requirements-dev.txt").write_text(dev)
    return locks.read_lock(tmp_path)


def test_requirements_file_with_via_comments(tmp_path: Path) -> None:
    lock = requirements_lock_in(tmp_path, REQUIREMENTS)
    assert lock.hashed
    packages = {p.name: p for p in locks.install_set(lock, ["main"], LINUX_313)}
    assert set(packages) == {"numpy", "scipy", "click"}, "colorama is for Windows"
    assert packages["numpy"].hashes == ("sha256:aa", "sha256:bb")
    assert [p.name for p in locks.closure(packages.values(), ["scipy"])] == ["numpy", "scipy"]


def test_unhashed_requirements_are_read_and_marked(tmp_path: Path) -> None:
    lock = requirements_lock_in(tmp_path, "# via nothing\nsix==1.16.0\nidna==3.10 ; python_version >= '3.8'\n")
    assert not lock.hashed
    text = locks.requirements_text(locks.install_set(lock, ["main"], LINUX_313))
    assert "idna==3.10\n" in text and "six==1.16.0\n" in text and "--hash" not in text


def test_requirements_dev_file_is_the_dev_group(tmp_path: Path) -> None:
    lock = requirements_lock_in(tmp_path, "six==1.16.0\n", dev="six==1.16.0\npytest==8.3.0\n")
    assert lock.development_groups == ("dev",)
    assert installed(lock, ["main"], LINUX_313) == {"six": "1.16.0"}
    assert installed(lock, ["main", "dev"], LINUX_313) == {"six": "1.16.0", "pytest": "8.3.0"}


@pytest.mark.parametrize(
    "text, message",
    [
        ("numpy>=2 --hash=sha256:aa\n", "'numpy>=2' is not pinned"),
        ("numpy\n", "'numpy' is not pinned"),
        ("numpy==2.1.0 --hash=sha256:aa\nsix==1.16.0\n", "six has no --hash while other entries have one"),
        ("pkg @ git+https://git.example/pkg.git@main#egg=pkg\n", None),
        ("-r base.txt\n", "includes another file"),
    ],
    ids=["range", "bare-name", "partly-hashed", "git-branch-is-not-a-commit", "include"],
)
def test_requirements_that_are_not_a_lock(tmp_path: Path, text: str, message: str | None) -> None:
    (tmp_path / "requirements.txt").write_text(text)
    with pytest.raises(LockError) as error:
        locks.read_lock(tmp_path)
    assert (message or "is not pinned to a commit") in error.value.problem
    assert error.value.exit_code == 3


def test_requirements_git_and_path_entries(tmp_path: Path) -> None:
    lock = requirements_lock_in(
        tmp_path,
        "shared @ file:./libs/shared\n"
        "tool @ git+https://git.example/tool.git@0123456789abcdef0123456789abcdef01234567\n"
        "six==1.16.0\n",
    )
    by_name = {p.name: p for p in lock.packages}
    assert by_name["shared"].source.kind is locks.SourceKind.PATH
    assert by_name["tool"].source.commit == "0123456789abcdef0123456789abcdef01234567"
    assert locks.needs_build(by_name["tool"], LINUX_313) and not locks.needs_build(by_name["shared"], LINUX_313)


# --- uv.lock ----------------------------------------------------------------------------

UV_LOCK = (DATA / "uv-fork" / "uv.lock").read_text()  # a forked uv.lock made for these tests


def write_uv_project(folder: Path, dependencies: list[str]) -> Path:
    folder.mkdir()
    (folder / "pyproject.toml").write_text(
        "[project]\nname = 'app'\nversion = '0.1.0'\ndependencies = " + json.dumps(dependencies) + "\n"
    )
    (folder / "uv.lock").write_text(UV_LOCK)
    return folder


UV_DEPENDENCIES = ["numpy", "scipy>=1.14", "uvicorn[standard]"]


@pytest.mark.parametrize(
    "env, groups, expected",
    [
        pytest.param(
            LINUX_313,
            ["main"],
            {"numpy": "2.1.0", "scipy": "1.14.1", "uvicorn": "0.30.0", "uvloop": "0.21.0", "h11": "0.14.0"},
            id="3.13-fork-picks-numpy-2",
        ),
        pytest.param(
            LINUX_311,
            ["main"],
            {"numpy": "1.26.4", "scipy": "1.14.1", "uvicorn": "0.30.0", "uvloop": "0.21.0", "h11": "0.14.0"},
            id="3.11-fork-picks-numpy-1.26",
        ),
        pytest.param(
            LINUX_313,
            ["main", "dev"],
            {
                "numpy": "2.1.0",
                "scipy": "1.14.1",
                "uvicorn": "0.30.0",
                "uvloop": "0.21.0",
                "h11": "0.14.0",
                "pytest": "8.3.0",
            },
            id="dev-group",
        ),
    ],
)
def test_uv_lock_walks_forks_extras_groups_and_markers(
    tmp_path: Path, env: TargetEnvironment, groups: list[str], expected: dict[str, str]
) -> None:
    lock = locks.read_lock(write_uv_project(tmp_path / "app", UV_DEPENDENCIES))
    assert lock.kind == "uv" and lock.development_groups == ("dev",) and lock.extras == {"ml"}
    assert installed(lock, groups, env) == expected


def test_which_packages_are_built_from_source(tmp_path: Path) -> None:
    lock = locks.read_lock(write_uv_project(tmp_path / "app", UV_DEPENDENCIES))
    packages = {p.name: p for p in locks.install_set(lock, ["main"], LINUX_313)}
    assert [name for name, p in sorted(packages.items()) if locks.needs_build(p, LINUX_313)] == ["uvloop"]
    assert packages["scipy"].hashes == ("sha256:s1", "sha256:s3")


def test_a_package_without_wheel_or_sdist_for_the_target_is_unusable(tmp_path: Path) -> None:
    lock = locks.read_lock(write_uv_project(tmp_path / "app", UV_DEPENDENCIES))
    pillow = next(p for p in lock.packages if p.name == "pillow")
    assert locks.unusable(pillow, LINUX_313) and not locks.unusable(pillow, ARM_313)


def test_uv_lock_out_of_date(tmp_path: Path) -> None:
    with pytest.raises(LockError) as error:
        locks.read_lock(write_uv_project(tmp_path / "app", [*UV_DEPENDENCIES, "httpx"]))
    assert error.value.one_line().endswith(
        "uv.lock is out of date with pyproject.toml (httpx is not in uv.lock); fix: run `uv lock` in "
        + str(tmp_path / "app")
    )


# --- the target environment ------------------------------------------------------------------


@pytest.mark.parametrize(
    "image, expected",
    [
        ("python:3.13-slim", (3, 13, 0)),
        ("python:3.11.9-slim-bookworm", (3, 11, 9)),
        ("127.0.0.1:5000/library/python:3.12@sha256:aa", (3, 12, 0)),
        ("registry.example/team/base:latest", None),
    ],
)
def test_python_version_from_the_image_tag(image: str, expected: tuple[int, ...] | None) -> None:
    assert python_from_image(image) == expected


def test_an_image_without_a_version_needs_python_version() -> None:
    with pytest.raises(ConfigError, match="cannot tell the Python version") as error:
        target_environment("registry.example/team/base:latest", "", "linux/amd64")
    assert "set `python_version:`" in error.value.fix
    assert target_environment("registry.example/team/base:latest", "3.12", "linux/arm64") == TargetEnvironment(
        (3, 12, 0), "aarch64"
    )


@pytest.mark.parametrize(
    "filename, fits",
    [
        ("numpy-2.1.0-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", True),
        ("numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.whl", False),
        ("pkg-1.0-cp313-abi3-manylinux_2_28_x86_64.whl", True),
        ("pkg-1.0-cp313-cp313-manylinux_2_39_x86_64.whl", False),
        ("pkg-1.0-cp313-cp313-musllinux_1_2_x86_64.whl", False),
        ("pkg-1.0-cp313-cp313-manylinux_2_17_aarch64.whl", False),
        ("pkg-1.0-py3-none-any.whl", True),
    ],
)
def test_wheel_tags(filename: str, fits: bool) -> None:
    assert LINUX_313.wheel_fits(filename) is fits


@pytest.mark.parametrize(
    "constraint, specifiers, marker",
    [
        ("^3.8", [">=3.8,<4"], 'python_full_version >= "3.8" and python_full_version < "4"'),
        ("~3.9", [">=3.9,<3.10"], 'python_full_version >= "3.9" and python_full_version < "3.10"'),
        (">=3.8 <3.12", [">=3.8,<3.12"], 'python_full_version >= "3.8" and python_full_version < "3.12"'),
        ("<3.11 || >=3.12", ["<3.11", ">=3.12"], '(python_full_version < "3.11") or (python_full_version >= "3.12")'),
        ("^0.2.1", [">=0.2.1,<0.3"], 'python_full_version >= "0.2.1" and python_full_version < "0.3"'),
        ("*", [""], ""),
    ],
)
def test_poetry_constraints_in_pep440(constraint: str, specifiers: list[str], marker: str) -> None:
    assert pep440(constraint) == specifiers
    assert python_marker(constraint) == marker


POETRY_PATH_AND_GIT = {
    "pyproject.toml": """\
[project]
name = "service"
version = "0.1.0"
requires-python = ">=3.11"
dependencies = ["shared", "tool"]

[tool.poetry]
package-mode = false

[tool.poetry.dependencies]
shared = { path = "../libs/shared", develop = true }
tool = { git = "https://git.example/team/tool.git", rev = "v1" }
""",
    "poetry.lock": """\
[[package]]
name = "shared"
version = "0.2.0"
description = ""
optional = false
python-versions = ">=3.11"
groups = ["main"]
files = []
develop = true

[package.dependencies]
six = "*"

[package.source]
type = "directory"
url = "../libs/shared"

[[package]]
name = "six"
version = "1.16.0"
description = ""
optional = false
python-versions = ">=2.7"
groups = ["main"]
files = [{file = "six-1.16.0-py2.py3-none-any.whl", hash = "sha256:aa"}]

[[package]]
name = "tool"
version = "1.0.0"
description = ""
optional = false
python-versions = ">=3.11"
groups = ["main"]
files = []

[package.source]
type = "git"
url = "https://git.example/team/tool.git"
reference = "v1"
resolved_reference = "0123456789abcdef0123456789abcdef01234567"
subdirectory = "python"

[metadata]
lock-version = "2.1"
python-versions = ">=3.11"
content-hash = "CONTENT_HASH"
""",
}


def test_poetry_path_and_git_dependencies(tmp_path: Path) -> None:
    for name, text in POETRY_PATH_AND_GIT.items():
        (tmp_path / name).write_text(text)
    pyproject = tomllib.loads(POETRY_PATH_AND_GIT["pyproject.toml"])
    lock_text = POETRY_PATH_AND_GIT["poetry.lock"].replace("CONTENT_HASH", content_hash(pyproject))
    (tmp_path / "poetry.lock").write_text(lock_text)
    packages = {p.name: p for p in locks.install_set(locks.read_lock(tmp_path), ["main"], LINUX_313)}
    assert set(packages) == {"shared", "six", "tool"}, "a path dependency's own dependencies come along"
    shared, tool = packages["shared"], packages["tool"]
    assert shared.source == locks.Source(locks.SourceKind.PATH, path="../libs/shared")
    assert tool.source.kind is locks.SourceKind.GIT and tool.source.commit.startswith("0123456789")
    assert locks.needs_build(tool, LINUX_313) and not locks.needs_build(shared, LINUX_313)
    commit = "0123456789abcdef0123456789abcdef01234567"
    assert build_line(tool) == f"tool @ git+https://git.example/team/tool.git@{commit}#subdirectory=python"
