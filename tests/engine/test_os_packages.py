"""OS packages from the artifacts, built for real (issue 19, part 4).

- A package published only as source (python-ldap) fails to compile without its
  headers: the build names the Debian packages that have them, found in Debian's own
  file index of the build image's release, in one line; named in
  `build_apt_packages`, it compiles, and prod gets the runtime libraries the built
  wheel links (read from its ELF NEEDED entries, mapped with `dpkg -S`) with nothing
  in `apt_packages`, and no -dev package or compiler.
- A binary wheel that leaves a library to the system (opencv-python's libGL.so.1)
  fails the build after the install, in one line naming the module, the library and
  the Debian package, instead of failing at import.

Python 3.11 (bookworm): this machine's package mirror serves trixie Contents files that
do not match its InRelease, so trixie's file index cannot be read here (the build then
falls back to warmbuild's table, as without network); bookworm's can."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import yaml
from python_on_whales import docker
from support_cli import invoke, one_line_error, task_report

from warmbuild import registry_http

# `uv lock` of the pyproject below (python-ldap 3.4.4: an sdist only, no wheel for
# any platform), the index's host names replaced: the build installs from the index.
LDAP_PYPROJECT = """\
[project]
name = "ldap-app"
version = "0.1.0"
requires-python = ">=3.11,<3.12"
dependencies = [
    # C, sdist only: compiles against OpenLDAP and SASL (libldap-dev, libsasl2-dev).
    "python-ldap==3.4.4",
]

[tool.uv]
package = false
"""
FILES = "https://files.index.example/packages"
LDAP_LOCK = f"""\
version = 1
revision = 5
requires-python = "==3.11.*"

[[package]]
name = "ldap-app"
version = "0.1.0"
source = {{ virtual = "." }}
dependencies = [
    {{ name = "python-ldap" }},
]

[package.metadata]
requires-dist = [{{ name = "python-ldap", specifier = "==3.4.4" }}]

[[package]]
name = "pyasn1"
version = "0.6.5"
source = {{ registry = "https://index.example/simple" }}
sdist = {{ url = "{FILES}/88/7e/3c0da41061a2021cac7cd524fd57092adbe5b515e8bf9005702e366802e2/pyasn1-0.6.5.tar.gz", hash = "sha256:6b11616a6bcf3a40e635f082bb232fa57b5e0dd7f517bd7ddd69ec3794508a47", size = 155152, upload-time = "2026-10-27T06:32:49.125Z" }}
wheels = [
    {{ url = "{FILES}/19/1f/3eefd5c84c35cae44549ce1c7f7e58f7945b34f5a6bce07a135438522073/pyasn1-0.6.5-py3-none-any.whl", hash = "sha256:4017b0fce125096b8573b39c989fdb1a4b19cf761e683398184550fea0e66587", size = 84807, upload-time = "2026-10-27T06:32:48.045Z" }},
]

[[package]]
name = "pyasn1-modules"
version = "0.4.2"
source = {{ registry = "https://index.example/simple" }}
dependencies = [
    {{ name = "pyasn1" }},
]
sdist = {{ url = "{FILES}/e9/e6/78ebbb10a8c8e4b61a59249394a4a594c1a7af95593dc933a349c8d00964/pyasn1_modules-0.4.2.tar.gz", hash = "sha256:677091de870a80aae844b1ca6134f54652fa2c8c5a52aa396440ac3106e941e6", size = 307892, upload-time = "2025-03-28T02:41:22.17Z" }}
wheels = [
    {{ url = "{FILES}/47/8d/d529b5d697919ba8c11ad626e835d4039be708a35b0d22de83a269a6682c/pyasn1_modules-0.4.2-py3-none-any.whl", hash = "sha256:29253a9207ce32b64c3ac6600edc75368f98473906e8fd1043bd6b5b1de2c14a", size = 181259, upload-time = "2025-03-28T02:41:19.028Z" }},
]

[[package]]
name = "python-ldap"
version = "3.4.4"
source = {{ registry = "https://index.example/simple" }}
dependencies = [
    {{ name = "pyasn1" }},
    {{ name = "pyasn1-modules" }},
]
sdist = {{ url = "{FILES}/fd/8b/1eeb4025dc1d3ac2f16678f38dec9ebdde6271c74955b72db5ce7a4dbfbd/python-ldap-3.4.4.tar.gz", hash = "sha256:7edb0accec4e037797705f3a05cbf36a9fde50d08c8f67f2aef99a2628fab828", size = 377889, upload-time = "2023-11-17T21:14:16.32Z" }}
"""  # noqa: E501

# `uv lock` (environments: linux x86_64 only, so the lock names two wheels) of
# opencv-python 4.10.0.84, the GUI build: its manylinux wheel bundles most of what it
# links but leaves libGL and GLib to the system, as the manylinux policy allows.
VISION_PYPROJECT = """\
[project]
name = "vision-app"
version = "0.1.0"
requires-python = ">=3.11,<3.12"
dependencies = ["opencv-python==4.10.0.84", "numpy==2.1.3"]

[tool.uv]
package = false
environments = ["sys_platform == 'linux' and platform_machine == 'x86_64'"]
"""
VISION_LOCK = f"""\
version = 1
revision = 5
requires-python = "==3.11.*"
resolution-markers = [
    "platform_machine == 'x86_64' and sys_platform == 'linux'",
]
supported-markers = [
    "platform_machine == 'x86_64' and sys_platform == 'linux'",
]

[[package]]
name = "numpy"
version = "2.1.3"
source = {{ registry = "https://index.example/simple" }}
sdist = {{ url = "{FILES}/25/ca/1166b75c21abd1da445b97bf1fa2f14f423c6cfb4fc7c4ef31dccf9f6a94/numpy-2.1.3.tar.gz", hash = "sha256:aa08e04e08aaf974d4458def539dece0d28146d866a39da5639596f4921fd761", size = 20166090, upload-time = "2024-11-02T17:48:55.832Z" }}
wheels = [
    {{ url = "{FILES}/7a/f0/80811e836484262b236c684a75dfc4ba0424bc670e765afaa911468d9f39/numpy-2.1.3-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", hash = "sha256:bc6f24b3d1ecc1eebfbf5d6051faa49af40b03be1aaa781ebdadcbc090b4539b", size = 16339644, upload-time = "2024-11-02T17:35:30.888Z" }},
    {{ url = "{FILES}/fa/81/ce213159a1ed8eb7d88a2a6ef4fbdb9e4ffd0c76b866c350eb4e3c37e640/numpy-2.1.3-cp311-cp311-musllinux_1_1_x86_64.whl", hash = "sha256:17ee83a1f4fef3c94d16dc1802b998668b5419362c8a4f4e8a491de1b41cc3ee", size = 16712217, upload-time = "2024-11-02T17:35:56.703Z" }},
]

[[package]]
name = "opencv-python"
version = "4.10.0.84"
source = {{ registry = "https://index.example/simple" }}
dependencies = [
    {{ name = "numpy" }},
]
sdist = {{ url = "{FILES}/4a/e7/b70a2d9ab205110d715906fc8ec83fbb00404aeb3a37a0654fdb68eb0c8c/opencv-python-4.10.0.84.tar.gz", hash = "sha256:72d234e4582e9658ffea8e9cae5b63d488ad06994ef12d81dc303b17472f3526", size = 95103981, upload-time = "2024-06-17T18:29:56.757Z" }}
wheels = [
    {{ url = "{FILES}/3f/a4/d2537f47fd7fcfba966bd806e3ec18e7ee1681056d4b0a9c8d983983e4d5/opencv_python-4.10.0.84-cp37-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", hash = "sha256:9ace140fc6d647fbe1c692bcb2abce768973491222c067c131d80957c595b71f", size = 62548253, upload-time = "2024-06-17T18:29:43.659Z" }},
]

[[package]]
name = "vision-app"
version = "0.1.0"
source = {{ virtual = "." }}
dependencies = [
    {{ name = "numpy" }},
    {{ name = "opencv-python" }},
]

[package.metadata]
requires-dist = [
    {{ name = "numpy", specifier = "==2.1.3" }},
    {{ name = "opencv-python", specifier = "==4.10.0.84" }},
]
"""  # noqa: E501


def app_with(tmp_path: Path, pyproject: str, lock: str, module: str) -> Path:
    """An app folder with the lock and a module that imports ``module``."""
    app = tmp_path / "app"
    (app / "app").mkdir(parents=True)
    (app / "pyproject.toml").write_text(pyproject)
    (app / "uv.lock").write_text(lock)
    (app / "app" / "__init__.py").write_text("")
    (app / "app" / "main.py").write_text(f"import {module}\n")
    return app


def write_config(tmp_path: Path, **values: Any) -> Path:
    path = tmp_path / "warmbuild.yaml"
    # These apps are a module that imports a package; they serve nothing, so their
    # command says what they run (a server not in their lock would be refused).
    settings = {
        "context": "app", "python_image": "python:3.11-slim", "heavy": [], "frontend": {"context": ""},
        "command": ["python", "-m", "app.main"],
    }  # fmt: skip
    path.write_text(yaml.safe_dump({**settings, **values}))
    return path


def assert_nothing_tagged(unique: str, registry: str) -> None:
    tags = {tag for image in docker.image.list() for tag in image.repo_tags}
    assert not any(f"{unique}/prod" in tag for tag in tags), "nothing was tagged"
    assert registry_http.tags(registry, f"{unique}/prod") == [], "nothing was pushed"


def in_image(image: str, command: str) -> str:
    """``command`` (sh) in the image, root filesystem read-only."""
    output = docker.run(image, ["sh", "-c", command], remove=True, read_only=True, entrypoint="", user="0")
    return str(output).strip()


def test_a_source_build_names_its_debian_packages_and_prod_installs_their_libraries(
    tmp_path: Path, unique: str, registry: str
) -> None:
    app_with(tmp_path, LDAP_PYPROJECT, LDAP_LOCK, "ldap")
    started = time.monotonic()
    config = write_config(tmp_path, name=unique, registry=registry)
    failed = invoke("build-prod", "--config", str(config), "--branch", "main")
    failing = time.monotonic() - started
    # Both headers, though the compiler stops at the first: the failing step installs
    # what the index named and compiles again, in that step only.
    assert one_line_error(failed, 1) == (
        "error: compiling python-ldap==3.4.4 from source failed: lber.h and sasl/sasl.h are missing in the build "
        "image; fix: add libldap-dev and libsasl2-dev to build_apt_packages in warmbuild.yaml"
    )
    assert_nothing_tagged(unique, registry)

    # The fix as the error says it; `apt_packages` is not set.
    config = write_config(tmp_path, name=unique, registry=registry, build_apt_packages=["libldap-dev", "libsasl2-dev"])
    started = time.monotonic()
    builds = task_report("build-prod", config, tmp_path / "prod.json", "--branch", "main")
    building = time.monotonic() - started
    assert builds["prod"]["built_from_source"] == ["python-ldap==3.4.4"]
    image = builds["prod"]["image"]
    assert in_image(image, "python -c 'import ldap; print(ldap.__version__)'") == "3.4.4"
    packages = set(in_image(image, "dpkg-query -W -f '${Package}\\n'").split())
    # bookworm's names (trixie's: libldap2); libsasl2-2 comes as libldap's dependency.
    assert {"libldap-2.5-0", "libsasl2-2"} <= packages, sorted(packages)
    assert not [p for p in packages if p.endswith("-dev")], "no -dev package in prod"
    assert in_image(image, "for c in cc gcc make; do command -v $c; done; true") == "", "no compiler in prod"
    print(f"\npython-ldap: failing build-prod {failing:.1f}s (file index, two compiles more); fixed {building:.1f}s")


def test_a_binary_wheel_whose_library_the_image_lacks_fails_the_build(
    tmp_path: Path, unique: str, registry: str
) -> None:
    app_with(tmp_path, VISION_PYPROJECT, VISION_LOCK, "cv2")
    config = write_config(tmp_path, name=unique, registry=registry, apt_packages=[])
    started = time.monotonic()
    failed = invoke("build-prod", "--config", str(config), "--branch", "main")
    failing = time.monotonic() - started
    assert one_line_error(failed, 1) == (
        "error: cv2/cv2.abi3.so (opencv-python 4.10.0.84) needs libGL.so.1, libglib-2.0.so.0 and "
        "libgthread-2.0.so.0, which are not in the image; fix: add libgl1 and libglib2.0-0 to apt_packages "
        "in warmbuild.yaml"
    )
    assert_nothing_tagged(unique, registry)

    # Positive control: with them, the check passes and the module imports.
    config = write_config(tmp_path, name=unique, registry=registry, apt_packages=["libgl1", "libglib2.0-0"])
    started = time.monotonic()
    builds = task_report("build-prod", config, tmp_path / "prod.json", "--branch", "main")
    building = time.monotonic() - started
    image = builds["prod"]["image"]
    assert in_image(image, "python -c 'import cv2; print(cv2.__version__)'") == "4.10.0"
    print(f"\nopencv-python: failing build-prod {failing:.1f}s; with libgl1 and libglib2.0-0 {building:.1f}s")
