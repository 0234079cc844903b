"""The installed set's check (`install-python-deps check`, the last step of the dev and
prod installs): every requirement of every installed distribution is there, markers
evaluated by the interpreter itself, with the extras the installed packages ask of
each other; and how its failure reaches the user (one line, naming what is missing
and why). The script runs here for real, on a venv of dist-info folders."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import REPO_ROOT, failed_build

from warmbuild import locks
from warmbuild.errors import BuildFailed
from warmbuild.failures import classify_failure

SCRIPT = REPO_ROOT / "src" / "warmbuild" / "docker" / "install-python-deps.sh"
HERE = f"{sys.version_info[0]}.{sys.version_info[1]}"


def venv_with(tmp_path: Path, distributions: dict[str, list[str]]) -> Path:
    """A venv (pyvenv.cfg whose home is this interpreter's, which has `packaging`)
    holding "name version" -> its Requires-Dist lines."""
    venv = tmp_path / "venv"
    site = venv / "lib" / f"python{HERE}" / "site-packages"
    site.mkdir(parents=True)
    (venv / "pyvenv.cfg").write_text(f"home = {Path(sys.executable).parent}\n")
    for spec, requires in distributions.items():
        name, version = spec.split()
        info = site / f"{name.replace('-', '_')}-{version}.dist-info"
        info.mkdir()
        lines = ["Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}"]
        lines += [f"Requires-Dist: {r}" for r in requires]
        (info / "METADATA").write_text("\n".join(lines) + "\n\nA long description.\nRequires-Dist: not-a-header\n")
    return venv


def check(venv: Path, exported: str = "") -> subprocess.CompletedProcess[str]:
    locks_dir = venv.parent / "locks"
    locks_dir.mkdir(exist_ok=True)
    if exported:
        (locks_dir / "packages.txt").write_text(exported)
    env = {**os.environ, "VIRTUAL_ENV": str(venv), "WARMBUILD_LOCKS": str(locks_dir)}
    return subprocess.run(["sh", str(SCRIPT), "check"], capture_output=True, text=True, env=env, timeout=60)


LINUX_ONLY = "platform_system == 'Linux'"

CASES = [
    pytest.param({"fastapi 0.115.0": ["starlette>=0.40"], "starlette 0.41.0": []}, [], id="complete"),
    pytest.param(
        {"torch 2.2.0": [f"nvidia-cublas-cu12==12.1.3.1; {LINUX_ONLY}", "filelock"], "filelock 3.0": []},
        ['missing: torch 2.2.0 requires nvidia-cublas-cu12==12.1.3.1 (platform_system == "Linux")'],
        id="compiled-on-another-platform",
    ),
    pytest.param({"click 8.1.7": ["colorama; platform_system == 'Windows'"]}, [], id="windows-only-is-not-needed"),
    pytest.param(
        {"fastapi 0.115.0": ["uvicorn[standard]>=0.12"], "uvicorn 0.30.0": ["h11", "uvloop; extra == 'standard'"]},
        [
            "missing: uvicorn 0.30.0 requires h11",
            'missing: uvicorn 0.30.0 requires uvloop (extra == "standard")',
        ],
        id="extras-an-installed-package-asks-for",
    ),
    pytest.param({"uvicorn 0.30.0": ["uvloop; extra == 'standard'"]}, [], id="extras-nobody-asks-for-are-not-needed"),
    pytest.param(
        {"app-tests 1.0": ["pytest-extra-durations>=0.1; python_version >= '3'"]},
        ['missing: app-tests 1.0 requires pytest-extra-durations>=0.1 (python_version >= "3")'],
        id="a-name-with-extra-in-it-is-no-extra",
    ),
    pytest.param(
        {"scipy 1.14.1": ["numpy>=1.23.5"], "numpy 1.21.0": []},
        ["conflict: scipy 1.14.1 requires numpy>=1.23.5, 1.21.0 is installed"],
        id="a-version-that-does-not-fit",
    ),
]


@pytest.mark.parametrize("distributions, problems", CASES)
def test_the_installed_set_is_checked(tmp_path: Path, distributions: dict[str, list[str]], problems: list[str]) -> None:
    result = check(venv_with(tmp_path, distributions))
    said = [line.removeprefix("warmbuild-check: ") for line in result.stderr.splitlines()]
    assert said == ([*problems, "lock: the lock"] if problems else []), result.stderr
    assert result.returncode == (1 if problems else 0)


@pytest.mark.parametrize(
    "path, module, with_setuptools, problem",
    [
        pytest.param("polymorphic/__init__.py", "import pkg_resources\n", False,
                     "undeclared: django-polymorphic 3.1.0 imports pkg_resources (polymorphic/__init__.py:2) without "
                     "requiring setuptools, which provides it", id="django-polymorphic-3.1"),
        pytest.param("polymorphic/__init__.py", "import pkg_resources\n", True, None, id="setuptools-is-installed"),
        pytest.param("polymorphic/__init__.py", "try:\n    import pkg_resources\nexcept ImportError:\n    pass\n",
                     False, None, id="a-guarded-import"),
        # passlib 1.7.4's passlib/pwd.py: imported only by apps that generate passwords.
        pytest.param("polymorphic/pwd.py", "import pkg_resources\n", False, None,
                     id="a-submodule-may-never-be-imported"),
    ],
)  # fmt: skip
def test_a_package_importing_pkg_resources_needs_setuptools_installed(
    tmp_path: Path, path: str, module: str, with_setuptools: bool, problem: str | None
) -> None:
    """django-polymorphic 3.1.0's `polymorphic/__init__.py` imports pkg_resources at
    module level without requiring setuptools (Python's images before 3.12 had it)."""
    distributions: dict[str, list[str]] = {"django-polymorphic 3.1.0": []}
    if with_setuptools:
        distributions["setuptools 75.0.0"] = []
    venv = venv_with(tmp_path, distributions)
    site = next(venv.glob("lib/python*/site-packages"))
    (site / "polymorphic").mkdir()
    (site / path).write_text('"""Seamless polymorphic inheritance."""\n' + module)
    (site / "django_polymorphic-3.1.0.dist-info" / "RECORD").write_text(f"{path},sha256=x,1\n")
    result = check(venv)
    said = [line.removeprefix("warmbuild-check: ") for line in result.stderr.splitlines()]
    assert said == ([problem, "lock: the lock"] if problem else []), result.stderr


def test_the_check_names_the_lock_the_export_came_from(tmp_path: Path) -> None:
    exported = locks.requirements_text([], source="requirements.txt")
    result = check(venv_with(tmp_path, {"keyring 25.6.0": ["jeepney>=0.4.2; sys_platform == 'linux'"]}), exported)
    assert result.stderr.splitlines()[-1] == "warmbuild-check: lock: requirements.txt"


def test_the_check_step_passes_a_real_venv() -> None:
    """The test venv itself (~100 real distributions, their compiled modules): nothing
    is reported missing. It runs after every light install: its time is printed (the
    benchmark's light-dep figures hold it), not asserted."""
    venv = Path(sys.prefix)
    assert len(list(venv.glob("lib/python*/site-packages/*.dist-info"))) >= 90
    started = time.perf_counter()
    result = check_in_place(venv)
    assert result.returncode == 0, result.stderr
    print(f"\ncheck on {venv}: {time.perf_counter() - started:.3f} s")


def check_in_place(venv: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "VIRTUAL_ENV": str(venv), "WARMBUILD_LOCKS": "/nonexistent"}
    return subprocess.run(["sh", str(SCRIPT), "check"], capture_output=True, text=True, env=env, timeout=60)


# --- how it reaches the user ----------------------------------------------------------------------


CHECK_STEP = "[prod 5/9] RUN install-python-deps paths && install-python-deps check"


TORCH = (
    'warmbuild-check: missing: torch 2.2.0 requires nvidia-cublas-cu12==12.1.3.1 (platform_system == "Linux")\n'
    'warmbuild-check: missing: torch 2.2.0 requires triton==2.2.0 (platform_system == "Linux")\n'
)


@pytest.mark.parametrize(
    "log, message",
    [
        pytest.param(
            TORCH + "warmbuild-check: lock: requirements.txt\n",
            "the installed set is incomplete: torch 2.2.0 requires nvidia-cublas-cu12==12.1.3.1 "
            '(platform_system == "Linux"), not in requirements.txt (and 1 more) — it was compiled on another '
            "platform; fix: recompile requirements.txt on linux (uv pip compile --python-platform linux)",
            id="requirements-compiled-elsewhere",
        ),
        pytest.param(
            "warmbuild-check: missing: app-lib 1.0 requires six\nwarmbuild-check: lock: the lock\n",
            "the installed set is incomplete: app-lib 1.0 requires six, not in the lock — it was compiled without "
            "it; fix: recompile the requirements file on linux (uv pip compile --python-platform linux)",
            id="export-not-named",
        ),
        pytest.param(
            "warmbuild-check: conflict: scipy 1.14.1 requires numpy>=1.23.5, 1.21.0 is installed\n"
            "warmbuild-check: lock: uv.lock\n",
            "the installed set is inconsistent: scipy 1.14.1 requires numpy>=1.23.5, 1.21.0 is installed; fix: "
            "run `uv lock` and build again (the lock is for every platform: it was edited by hand or is damaged)",
            id="universal-lock-conflict",
        ),
        pytest.param(
            "warmbuild-check: undeclared: django-polymorphic 3.1.0 imports pkg_resources (polymorphic/__init__.py:9) "
            "without requiring setuptools, which provides it\nwarmbuild-check: lock: ./poetry.lock\n",
            "the installed set is incomplete: django-polymorphic 3.1.0 imports pkg_resources "
            "(polymorphic/__init__.py:9) without requiring setuptools, which provides it — Python's own images "
            "before 3.12 carried setuptools in every environment; this one holds what the lock installs; fix: add "
            "setuptools to the project's dependencies and relock (`poetry add setuptools`)",
            id="pkg-resources-without-setuptools",
        ),
    ],
)
def test_a_failed_check_is_one_line_naming_what_is_missing_and_why(log: str, message: str) -> None:
    error = classify_failure(failed_build(CHECK_STEP, log))
    assert type(error) is BuildFailed
    assert error.one_line() == message
    assert error.exit_code == 1
