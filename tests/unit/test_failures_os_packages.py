"""OS packages from the artifacts (issue 19, part 4): what install-python-deps prints
about a failed compile (the Debian package of a missing header or tool, from Debian's
file index) and about extension modules whose libraries the image lacks, and the
one-line errors failures.py makes of it; then the script's own ELF reader, run here
on real extension modules of this test venv."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from support import DOCKERFILE, IN_CI, REPO_ROOT, failed_build, sample_inputs

from warmbuild import dockerfile, plan
from warmbuild.errors import BuildFailed
from warmbuild.failures import classify_failure

SCRIPT = REPO_ROOT / "src" / "warmbuild" / "docker" / "install-python-deps.sh"
WHEEL_STEP = "[wheel-build 4/4] RUN install-python-deps build-wheels"
PROD_STEP = "[prod 7/10] RUN install-python-deps paths && install-python-deps check && install-python-deps libraries"


# Captured from python-ldap 3.4.4's compile in python:3.11 (bookworm), trimmed.
LDAP = (
    "building a wheel: python-ldap==3.4.4\n"
    "      In file included from Modules/LDAPObject.c:3:\n"
    "      Modules/common.h:15:10: fatal error: lber.h: No such file or directory\n"
    "         15 | #include <lber.h>\n"
    "      compilation terminated.\n"
    "      error: command '/usr/bin/x86_64-linux-gnu-gcc' failed with exit code 1\n"
)
LDAP_AGAIN = (
    "      Modules/LDAPObject.c:16:10: fatal error: sasl/sasl.h: No such file or directory\n"
    "      compilation terminated.\n"
)
PSYCOPG2 = (
    "building a wheel: mmh3==3.0.0\nbuilding a wheel: psycopg2==2.9.10\n"
    "Error: pg_config executable not found.\n\npg_config is required to build psycopg2 from source.\n"
)
# The file index unreadable (here: a mirror whose Contents files do not match its
# InRelease; elsewhere: no network).
UNAVAILABLE = "was not looked up: Debian's file index is unavailable (Some index files failed to download.)"

BUILD_ROWS = [
    pytest.param(
        LDAP + "warmbuild: lber.h is in the Debian package libldap-dev\n",
        "compiling python-ldap==3.4.4 from source failed: lber.h is missing in the build image; "
        "fix: add libldap-dev to build_apt_packages in warmbuild.yaml",
        id="header-found-by-the-index",
    ),
    pytest.param(
        LDAP
        + "warmbuild: lber.h is in the Debian package libldap-dev\n"
        + "warmbuild: compiling again with libldap-dev, to find whatever else is missing\n"
        + LDAP_AGAIN
        + "warmbuild: sasl/sasl.h is in the Debian package libsasl2-dev\n"
        + "warmbuild: compiling again with libldap-dev libsasl2-dev, to find whatever else is missing\n"
        + "warmbuild: with libldap-dev libsasl2-dev added, python-ldap==3.4.4 compiles\n",
        "compiling python-ldap==3.4.4 from source failed: lber.h and sasl/sasl.h are missing in the build image; "
        "fix: add libldap-dev and libsasl2-dev to build_apt_packages in warmbuild.yaml",
        id="compiled-again-until-it-builds",
    ),
    pytest.param(
        PSYCOPG2 + "warmbuild: pg_config is in the Debian package libpq-dev\n",
        "compiling psycopg2==2.9.10 from source failed: pg_config is missing in the build image; "
        "fix: add libpq-dev to build_apt_packages in warmbuild.yaml",
        id="tool-found-by-the-index",
    ),
    pytest.param(
        "building a wheel: lxml==5.0\nPackage libxml-2.0 was not found in the pkg-config search path.\n"
        "warmbuild: libxml-2.0.pc is in the Debian package libxml2-dev\n",
        "compiling lxml==5.0 from source failed: libxml-2.0.pc is missing in the build image; "
        "fix: add libxml2-dev to build_apt_packages in warmbuild.yaml",
        id="pkg-config-module",
    ),
    pytest.param(
        LDAP + f"warmbuild: lber.h {UNAVAILABLE}\n",
        "compiling python-ldap==3.4.4 from source failed: lber.h is missing in the build image; "
        "fix: add the Debian package to `build_apt_packages:` in warmbuild.yaml (for lber.h: libldap-dev)",
        id="index-unavailable-the-table-guesses",
    ),
    pytest.param(
        "building a wheel: gpu-ext==1.0\nx.cu:1:10: fatal error: cuda_runtime.h: No such file or directory\n"
        "warmbuild: cuda_runtime.h is in no Debian package of this release\n",
        "compiling gpu-ext==1.0 from source failed: cuda_runtime.h is missing in the build image; "
        "fix: no Debian package of the build image's release has cuda_runtime.h: "
        "gpu-ext==1.0's build instructions say where it comes from",
        id="in-no-package",
    ),
    pytest.param(
        LDAP
        + "warmbuild: lber.h is in the Debian package libldap-dev\n"
        + "warmbuild: compiling again with libldap-dev, to find whatever else is missing\n"
        + "x.c:2:10: fatal error: odd/odd.h: No such file or directory\n"
        + f"warmbuild: odd/odd.h {UNAVAILABLE}\n",
        "compiling python-ldap==3.4.4 from source failed: lber.h and odd/odd.h are missing in the build image; "
        "fix: add libldap-dev to build_apt_packages in warmbuild.yaml; add the Debian package that has odd/odd.h "
        "to build_apt_packages (find it with apt-file search -x '/odd/odd\\.h$')",
        id="index-lost-midway",
    ),
]


@pytest.mark.parametrize("log, message", BUILD_ROWS)
def test_a_failed_compile_names_the_debian_package_the_index_found(log: str, message: str) -> None:
    error = classify_failure(failed_build(WHEEL_STEP, log))
    assert type(error) is BuildFailed and error.exit_code == 1
    assert error.one_line() == message


OPENCV = "(opencv-python 4.10.0.84)"
LIBRARY_ROWS = [
    pytest.param(
        f"warmbuild-libraries: missing: libGL.so.1 needed by cv2/cv2.abi3.so {OPENCV}\n"
        f"warmbuild-libraries: missing: libglib-2.0.so.0 needed by cv2/cv2.abi3.so {OPENCV}\n"
        f"warmbuild-libraries: missing: libgthread-2.0.so.0 needed by cv2/cv2.abi3.so {OPENCV}\n",
        "cv2/cv2.abi3.so (opencv-python 4.10.0.84) needs libGL.so.1, libglib-2.0.so.0 and libgthread-2.0.so.0, "
        "which are not in the image; fix: add libgl1 and libglib2.0-0 to apt_packages in warmbuild.yaml",
        id="opencv-without-libgl",
    ),
    pytest.param(
        "warmbuild-libraries: missing: libzbar.so.0 needed by zbarx/_zbar.cpython-313-x86_64-linux-gnu.so "
        "(zbarx 1.0)\n",
        "zbarx/_zbar.cpython-313-x86_64-linux-gnu.so (zbarx 1.0) needs libzbar.so.0, which is not in the image; "
        "fix: add libzbar0 to apt_packages in warmbuild.yaml",
        id="known-library",
    ),
    pytest.param(
        "warmbuild-libraries: missing: libfoo.so.3 needed by foo/_foo.abi3.so (foo 2.1)\n",
        "foo/_foo.abi3.so (foo 2.1) needs libfoo.so.3, which is not in the image; fix: add the Debian package "
        "that has libfoo.so.3 to apt_packages (find it with apt-file search -x '/libfoo\\.so\\.3$')",
        id="unknown-library",
    ),
    pytest.param(
        "warmbuild-libraries: missing: libmagic.so.2 needed by magicx/_m.abi3.so (python-magic 0.4.27)\n",
        "magicx/_m.abi3.so (python-magic 0.4.27) needs libmagic.so.2, which is not in the image; "
        "fix: add libmagic1 to apt_packages in warmbuild.yaml",
        id="init-hint-for-the-distribution",
    ),
    pytest.param(
        f"warmbuild-libraries: missing: libGL.so.1 needed by cv2/cv2.abi3.so {OPENCV}\n"
        "warmbuild-libraries: missing: libfoo.so.3 needed by foo/_foo.abi3.so (foo 2.1)\n",
        "cv2/cv2.abi3.so (opencv-python 4.10.0.84) needs libGL.so.1, which is not in the image (and 1 more "
        "module(s) lack libraries: the step's log lists them); fix: add libgl1 to apt_packages in warmbuild.yaml; "
        "add the Debian package that has libfoo.so.3 to apt_packages (find it with apt-file search -x "
        "'/libfoo\\.so\\.3$')",
        id="two-modules",
    ),
]


@pytest.mark.parametrize("log, message", LIBRARY_ROWS)
def test_a_module_whose_library_the_image_lacks_fails_in_one_line(log: str, message: str) -> None:
    error = classify_failure(failed_build(PROD_STEP, log))
    assert type(error) is BuildFailed and error.exit_code == 1
    assert error.one_line() == message


# --- the script's ELF reader, on real extension modules -------------------------------------------


def reader(tmp_path: Path) -> Path:
    """The script's Python program (the heredoc of its `artifacts` function), as a file."""
    text = SCRIPT.read_text()
    body = text[text.index("artifacts() {") :]
    program = body[body.index("<<'PYTHON'\n") + len("<<'PYTHON'\n") : body.index("\nPYTHON\n")]
    path = tmp_path / "artifacts.py"
    path.write_text(program + "\n")
    return path


def run_reader(tmp_path: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(reader(tmp_path)), *arguments], capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(
    "log, expected",
    [
        pytest.param(LDAP, ["lber.h /lber\\.h$"], id="gcc-header"),
        pytest.param(LDAP_AGAIN, ["sasl/sasl.h /sasl/sasl\\.h$"], id="header-in-a-folder"),
        pytest.param("x.c:1:10: fatal error: 'ffi.h' file not found\n", ["ffi.h /ffi\\.h$"], id="clang-header"),
        pytest.param(PSYCOPG2, ["pg_config ^/(usr/)?s?bin/pg_config$"], id="pg_config"),
        pytest.param(
            "/bin/sh: 1: xml2-config: not found\n", ["xml2-config ^/(usr/)?s?bin/xml2\\-config$"], id="sh-not-found"
        ),
        pytest.param(
            "FileNotFoundError: [Errno 2] No such file or directory: 'pkg-config'\n",
            ["pkg-config ^/(usr/)?s?bin/pkg\\-config$"],
            id="python-runs-a-missing-tool",
        ),
        pytest.param(
            "Package 'libxml-2.0', required by 'virtual:world', not found\n",
            ["libxml-2.0.pc /pkgconfig/libxml\\-2\\.0\\.pc$"],
            id="pkgconf-module",
        ),
        pytest.param("/usr/bin/ld: cannot find -lsnappy\n", ["libsnappy.so /libsnappy\\.so$"], id="linker"),
        pytest.param("error: could not compile `foo` (lib)\n", [], id="nothing-to-look-up"),
    ],
)
def test_the_missing_file_is_read_from_the_compilers_words(tmp_path: Path, log: str, expected: list[str]) -> None:
    (tmp_path / "pip.log").write_text(log)
    found = run_reader(tmp_path, "missing-files", str(tmp_path / "pip.log"))
    assert found.returncode == 0, found.stderr
    assert found.stdout.splitlines() == expected


def test_the_package_a_compile_means_wins_among_the_index_hits(tmp_path: Path) -> None:
    hits = tmp_path / "hits"
    hits.write_text(
        "libbotan-2-dev: /usr/include/botan-2/botan/ffi.h\nlibffi-dev: /usr/include/x86_64-linux-gnu/ffi.h\n"
        "libfoo-dev: /usr/include/libffi.h\n"
    )
    assert run_reader(tmp_path, "best-package", "ffi.h", "/ffi\\.h$", str(hits)).stdout.strip() == "libffi-dev"
    hits.write_text(
        "libpq-dev: /usr/bin/pg_config\npostgresql-common: /usr/bin/pg_config\n"
        "libpq-dev: /usr/share/man/man1/pg_config.1.gz\n"
    )
    tool = "^/(usr/)?s?bin/pg_config$"
    assert run_reader(tmp_path, "best-package", "pg_config", tool, str(hits)).stdout.strip() == "libpq-dev"
    hits.write_text("libpq-dev: /usr/share/man/man1/pg_config.1.gz\n")
    assert run_reader(tmp_path, "best-package", "pg_config", tool, str(hits)).stdout.strip() == ""


def extension_module() -> Path:
    """A real extension module of this venv that links libc.so.6."""
    site = Path(sys.prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}" / "site-packages"
    for path in sorted(site.rglob("*.cpython-*.so")):
        if b"libc.so.6\0" in path.read_bytes():
            return path
    raise AssertionError("no extension module in the test venv")


def venv_with_module(tmp_path: Path, library: bytes) -> Path:
    """A venv whose one extension module links ``library`` (instead of libc.so.6,
    the same length: the dynamic string table stays as it was)."""
    venv = tmp_path / "venv"
    site = venv / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}" / "site-packages"
    (site / "pkg").mkdir(parents=True)
    (venv / "pyvenv.cfg").write_text(f"home = {Path(sys.executable).parent}\n")
    data = extension_module().read_bytes().replace(b"libc.so.6\0", library + b"\0")
    (site / "pkg" / "_native.cpython-313-x86_64-linux-gnu.so").write_bytes(data)
    info = site / "pkg-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: pkg\nVersion: 1.0\n")
    (info / "RECORD").write_text("pkg/_native.cpython-313-x86_64-linux-gnu.so,,\n")
    return venv


def libraries(venv: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "VIRTUAL_ENV": str(venv), "LD_LIBRARY_PATH": ""}
    return subprocess.run(["sh", str(SCRIPT), "libraries"], capture_output=True, text=True, env=env, timeout=60)


def test_a_library_in_no_folder_of_the_image_is_named(tmp_path: Path) -> None:
    assert len(b"libq.so.7") == len(b"libc.so.6")
    result = libraries(venv_with_module(tmp_path, b"libq.so.7"))
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        "warmbuild-libraries: missing: libq.so.7 needed by pkg/_native.cpython-313-x86_64-linux-gnu.so (pkg 1.0)"
    ]


@pytest.mark.parametrize("bundled", [True, False], ids=["with-pillow-libs", "without"])
def test_what_a_wheel_bundles_counts_as_there(tmp_path: Path, bundled: bool) -> None:
    """Pillow's wheel as auditwheel repaired it: its modules link libraries of
    pillow.libs through RPATH $ORIGIN/../pillow.libs (and those link each other by
    soname, with no RPATH of their own). Without that folder, the check names them."""
    source = Path(sys.prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}" / "site-packages"
    venv = venv_with_module(tmp_path, b"libc.so.6")
    site = next(venv.glob("lib/python*/site-packages"))
    shutil.copytree(source / "PIL", site / "PIL")
    if bundled:
        shutil.copytree(source / "pillow.libs", site / "pillow.libs")
    result = libraries(venv)
    if bundled:
        assert result.returncode == 0, result.stdout
    else:
        assert result.returncode == 1
        assert re.search(r"missing: libtiff-\w+\.so\.[\d.]+ needed by PIL/_imaging\.cpython-", result.stdout)


def test_the_libraries_step_passes_a_real_venv() -> None:
    """The test venv itself (~100 real distributions, their compiled modules): nothing
    is reported missing. It runs after every light install: its time is printed (the
    benchmark's light-dep figures hold it), not asserted."""
    venv = Path(sys.prefix)
    assert len(list(venv.glob("lib/python*/site-packages/*.dist-info"))) >= 90
    started = time.perf_counter()
    result = libraries(venv)
    assert result.returncode == 0, result.stdout
    print(f"\nlibraries on {venv}: {time.perf_counter() - started:.3f} s")


def test_the_runtime_packages_of_a_wheel_come_from_dpkg(tmp_path: Path) -> None:
    """A wheel whose module links libz.so.1 (and glibc), against a runtime image that
    has glibc only: zlib1g is listed, with the wheel and the soname."""
    if not shutil.which("dpkg-query"):
        # CI runs on Debian: there, a missing dpkg-query is a broken machine.
        (pytest.fail if IN_CI else pytest.skip)("not on Debian: dpkg-query is missing")
    data = extension_module().read_bytes().replace(b"libc.so.6\0", b"libz.so.1\0")
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    with zipfile.ZipFile(wheels / "pkg_x-1.0-cp313-cp313-linux_x86_64.whl", "w") as wheel:
        wheel.writestr("pkg_x/_native.cpython-313-x86_64-linux-gnu.so", data)
        wheel.writestr("pkg_x-1.0.dist-info/METADATA", "Name: pkg-x\nVersion: 1.0\n")
    runtime = tmp_path / "runtime"
    (runtime / "etc").mkdir(parents=True)
    (runtime / "usr" / "lib").mkdir(parents=True)
    for library in Path("/usr/lib/x86_64-linux-gnu").glob("lib[cm].so.6"):
        (runtime / "usr" / "lib" / library.name).touch()
    output = tmp_path / "runtime-packages.txt"
    found = run_reader(tmp_path, "runtime-packages", str(wheels), str(runtime), str(output))
    assert found.returncode == 0, found.stderr
    lines = [line for line in output.read_text().splitlines() if not line.startswith("#")]
    zlib = [line for line in lines if " libz.so.1" in line]
    assert len(zlib) == 1 and re.fullmatch(r"zlib1g pkg-x==1\.0 libz\.so\.1", zlib[0]), lines
    assert "warmbuild: runtime libraries of compiled wheels: " in found.stdout and "zlib1g (pkg-x)" in found.stdout


# --- the deps image's key ------------------------------------------------------------------------


@pytest.mark.parametrize("wheels", ["no-wheels", "built-wheels"])
def test_the_deps_key_holds_how_runtime_packages_are_found_and_installed(wheels: str) -> None:
    """deps_key hashes the deps stage's text (with every stage it builds on) and the
    install script: the os-packages step that installs the wheels' runtime packages is in
    it, and with wheels built for deps, the wheel-build step that lists them against the
    runtime image too."""
    text = dockerfile.text_for_stage(DOCKERFILE.read_text(), "deps", {"WHEELS": wheels})
    assert "--mount=type=bind,from=wheels,target=/run/warmbuild/wheels" in text
    assert "install-python-deps os-packages" in text
    built = "--mount=type=bind,from=runtime-base,target=/run/warmbuild/runtime" in text
    assert built == ("install-python-deps build-wheels" in text) == (wheels == "built-wheels")
    key = json.loads(plan.deps_key(sample_inputs()))
    assert key["installer_script"] == SCRIPT.read_text()
