"""Images for other CPUs, built for real (issue 22): the example app for linux/amd64
and linux/arm64 on this amd64 machine, its packages unpacked on this CPU for arm64.

- `build-prod --push` with both platforms gives one multi-platform image whose arm64
  image runs under the emulator (QEMU, registered by ci/provision-engine.sh), imports
  numpy, SciPy and OpenCV, has the apt package (tesseract) and answers its health
  route; every ELF file in its venv is aarch64 and every extension module is built for
  the interpreter's ABI.
- The arm64 build ran no install under the emulator: its heavy slots and its light
  set unpacked aarch64 wheels on this machine's x86_64 CPU (their logs say so; the
  builds are --rebuild so the steps run and log whatever the builder has cached).
"""

from __future__ import annotations

import json
import subprocess
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from python_on_whales import docker
from support import address_of, copy_example_app, load
from support_cli import invoke, one_line_error

from warmbuild import pipeline
from warmbuild.docker_engine import DockerEngine
from warmbuild.progress import BuildProgress

PLATFORMS = ["linux/amd64", "linux/arm64"]

# Run inside the arm64 image: the ELF machine of every shared object in the venv
# (183 = EM_AARCH64) and the ABI tag of every CPython extension module against the
# interpreter's own.
INSPECT = """
import json, pathlib, sysconfig, platform, subprocess
import numpy, scipy.ndimage, cv2
machines, suffixes = {}, set()
for path in pathlib.Path("/opt/venv").rglob("*"):
    if path.is_file() and not path.is_symlink() and (path.suffix == ".so" or ".so." in path.name):
        head = path.read_bytes()[:20]
        if head[:4] == b"\\x7fELF":
            machines[str(path)] = int.from_bytes(head[18:20], "little")
        if ".cpython-" in path.name:
            suffixes.add(path.name[path.name.index(".cpython-"):])
print(json.dumps({
    "machine": platform.machine(),
    "ext_suffix": sysconfig.get_config_var("EXT_SUFFIX"),
    "suffixes": sorted(suffixes),
    "not_aarch64": sorted(p for p, m in machines.items() if m != 183),
    "elf_files": len(machines),
    "numpy": numpy.__version__,
    "opencv": cv2.__version__,
    "tesseract": subprocess.run(["tesseract", "--version"], capture_output=True, text=True).stdout.split()[:2],
}))
"""


def collect(progresses: list[BuildProgress]) -> Callable[[BuildProgress], None]:
    """An on_progress that keeps each build's progress (its steps' logs)."""

    def keep(progress: BuildProgress) -> None:
        if not any(progress is seen for seen in progresses):
            progresses.append(progress)

    return keep


def cross_installed(progresses: list[BuildProgress]) -> list[str]:
    """The install steps that ran and unpacked aarch64 wheels on this machine's CPU."""
    return [
        step.instruction.rsplit(" ", 2)[-2] + " " + step.instruction.rsplit(" ", 1)[-1]
        for progress in progresses
        for step in progress.steps
        if step.executed and "aarch64-manylinux_2_36 wheels, unpacked on x86_64" in progress.log_of(step)
    ]


def index_platforms(image: str) -> list[str]:
    inspect = ["docker", "buildx", "imagetools", "inspect", "--raw", image]
    raw = json.loads(subprocess.run(inspect, capture_output=True, text=True, check=True).stdout)
    return [
        f"{m['platform']['os']}/{m['platform']['architecture']}"
        for m in raw.get("manifests", [])
        if m.get("platform", {}).get("os") != "unknown"  # attestations
    ]


def health_status(url: str, seconds: float) -> int:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return int(response.status)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(1)


def test_one_push_makes_an_image_for_each_platform_and_the_arm64_one_runs(tmp_path: Path, unique: str) -> None:
    config = copy_example_app(tmp_path, unique, platforms=PLATFORMS)
    settings = load(config)
    progresses: list[BuildProgress] = []
    started = time.monotonic()
    summaries = pipeline.build_target(
        settings, DockerEngine(), "prod", push=True, branch="main", rebuild=True, on_progress=collect(progresses)
    )
    print(f"build-prod --push for {', '.join(PLATFORMS)}: {time.monotonic() - started:.1f}s")
    tag = f"{settings.image_repo('prod')}:main"
    assert [s.image for s in summaries if s.target == "prod"] == [f"{tag}-amd64", f"{tag}-arm64", tag]
    assert index_platforms(tag) == PLATFORMS

    # The light set of the arm64 image: aarch64 wheels, unpacked on this x86_64 CPU.
    # (--rebuild runs it again; the heavy slots run when the builder lacks them, and are
    # checked below.)
    assert "install-python-deps light" in cross_installed(progresses)

    # gc keeps the default branch's platform images (the remote has main alone): the
    # multi-platform image stays whole.
    remote = tmp_path / "remote.git"
    for folder, args in ((tmp_path, ["init", "-q", "--bare", str(remote)]), (tmp_path, ["init", "-q", "-b", "main"]),
                         (tmp_path, ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty",
                                     "-m", "start"]),
                         (tmp_path, ["remote", "add", "origin", str(remote)]),
                         (tmp_path, ["push", "-q", "origin", "main"])):  # fmt: skip
        subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)
    kept = invoke("gc", "--apply", "--config", str(config))
    assert kept.returncode == 0 and "registry: 0 refs" in kept.stdout, kept.stdout + kept.stderr
    assert index_platforms(tag) == PLATFORMS
    assert all(DockerEngine().registry_has(f"{tag}-{arch}") for arch in ("amd64", "arm64"))

    docker.pull(tag, platform="linux/arm64", quiet=True)
    found = json.loads(docker.run(tag, ["python", "-c", INSPECT], platform="linux/arm64", remove=True, entrypoint=""))
    assert found["machine"] == "aarch64"
    assert found["not_aarch64"] == [] and found["elf_files"] > 50
    assert found["suffixes"] == [found["ext_suffix"]] == [".cpython-313-aarch64-linux-gnu.so"]
    assert found["opencv"].startswith("4.") and found["tesseract"][0] == "tesseract"

    container = docker.run(tag, platform="linux/arm64", detach=True, name=f"{unique}-arm64")
    try:
        # Under the emulator the app starts in seconds, not the native fraction of one.
        assert health_status(f"http://{address_of(container.id)}:8000/health", 120) == 200, docker.logs(container)
    finally:
        container.remove(force=True)
        subprocess.run(["docker", "image", "rm", "-f", tag], capture_output=True)


@pytest.mark.parametrize("installer", ["uv", "pip"])
def test_the_heavy_slots_of_an_arm64_image_install_on_this_cpu(tmp_path: Path, unique: str, installer: str) -> None:
    # pip cannot install another platform's wheels into a venv: uv unpacks them for both.
    config = copy_example_app(tmp_path, unique, platforms=["linux/arm64"], apt_packages=[], installer=installer)
    settings = load(config)
    progresses: list[BuildProgress] = []
    started = time.monotonic()
    [deps] = pipeline.build_target(settings, DockerEngine(), "deps", rebuild=True, on_progress=collect(progresses))
    print(f"build-deps --rebuild for linux/arm64: {time.monotonic() - started:.1f}s")
    assert deps.steps_executed > 0
    assert sorted(cross_installed(progresses)) == [
        "install-python-deps heavy-1",
        "install-python-deps heavy-2",
        "install-python-deps heavy-3",
    ]


def test_a_platform_the_builder_cannot_run_is_one_line_before_anything_builds(tmp_path: Path, unique: str) -> None:
    # No emulator here runs s390x steps (only qemu-aarch64 is registered).
    config = copy_example_app(tmp_path, unique, platforms=["linux/amd64", "linux/s390x"])
    result = invoke("build-prod", "--push", "--config", str(config))
    line = one_line_error(result, 4)
    assert "cannot run linux/s390x steps" in line and "register qemu-s390x with the F flag" in line, line
    assert not DockerEngine().registry_has(f"{load(config).image_repo('deps')}:main"), "nothing pushed"
    doctor = invoke("doctor", "--config", str(config))
    assert doctor.returncode != 0 and "│ platforms" in doctor.stdout and "s390x" in doctor.stdout, doctor.stdout


# `uv lock` of the pyproject below (mmh3 3.0.0: C++, an sdist only, no wheel for
# CPython 3.13 on any platform), the index's host names replaced.
HASH_PYPROJECT = """\
[project]
name = "hash-app"
version = "0.1.0"
requires-python = ">=3.13,<3.14"
dependencies = ["mmh3==3.0.0"]

[tool.uv]
package = false
"""
HASH_LOCK = """\
version = 1
revision = 5
requires-python = "==3.13.*"

[[package]]
name = "hash-app"
version = "0.1.0"
source = { virtual = "." }
dependencies = [
    { name = "mmh3" },
]

[package.metadata]
requires-dist = [{ name = "mmh3", specifier = "==3.0.0" }]

[[package]]
name = "mmh3"
version = "3.0.0"
source = { registry = "https://index.example/simple" }
sdist = { url = "https://files.index.example/packages/4a/54/78c7f04ceee4913cbe7b33e253867c1da2291c80dfa6062dc6aaabb6cef8/mmh3-3.0.0.tar.gz", hash = "sha256:d1ec578c09a07d3518ec9be540b87546397fa3455de73c166fcce51eaa5c41c5", size = 10359, upload-time = "2021-02-23T14:45:45.962Z" }
"""  # noqa: E501

HASH_INSPECT = """
import json, mmh3, pathlib, platform
so = pathlib.Path(mmh3.__file__)  # mmh3 3.0 is one extension module
print(json.dumps({"machine": platform.machine(), "hash": mmh3.hash("warmbuild"), "so": so.name,
                  "elf": int.from_bytes(so.read_bytes()[18:20], "little")}))
"""


def test_a_package_built_from_source_is_compiled_for_each_platform(tmp_path: Path, unique: str, registry: str) -> None:
    """mmh3 from its sdist for amd64 (natively) and arm64 (the wheel-build stage under
    the emulator), one after the other sharing the builder's wheel cache: each image
    holds its own CPU's build. The build image is the slim one with g++ and Python's
    headers from apt (the arm64 stand-ins here are slim only)."""
    app = tmp_path / "app"
    (app / "app").mkdir(parents=True)
    (app / "pyproject.toml").write_text(HASH_PYPROJECT)
    (app / "uv.lock").write_text(HASH_LOCK)
    (app / "app" / "__init__.py").write_text("")
    (app / "app" / "main.py").write_text("import mmh3\n")
    config = tmp_path / "warmbuild.yaml"
    settings = {
        "name": unique, "registry": registry, "context": "app", "frontend": {"context": ""},
        "python_image": "python:3.13-slim", "python_build_image": "python:3.13-slim",
        "build_apt_packages": ["g++", "python3-dev"], "heavy": ["mmh3"], "platforms": PLATFORMS,
        "command": ["python", "-m", "app.main"],
    }  # fmt: skip
    config.write_text(yaml.safe_dump(settings))
    started = time.monotonic()
    result = invoke("build-deps", "--config", str(config), "--branch", "main", "--json", str(tmp_path / "r.json"))
    assert result.returncode == 0, result.stdout + result.stderr
    print(f"build-deps for {', '.join(PLATFORMS)}, mmh3 from source: {time.monotonic() - started:.1f}s")
    builds = json.loads((tmp_path / "r.json").read_text())["builds"]
    assert [b["built_from_source"] for b in builds] == [["mmh3==3.0.0"]] * 2
    found = {
        platform: json.loads(
            docker.run(build["image"], ["python", "-c", HASH_INSPECT], platform=platform, remove=True, entrypoint="")
        )
        for platform, build in zip(PLATFORMS, builds, strict=True)
    }
    assert (found["linux/amd64"]["machine"], found["linux/amd64"]["elf"]) == ("x86_64", 62)  # EM_X86_64
    assert (found["linux/arm64"]["machine"], found["linux/arm64"]["elf"]) == ("aarch64", 183)  # EM_AARCH64
    assert found["linux/amd64"]["hash"] == found["linux/arm64"]["hash"], "the same function on both CPUs"
    for build in builds:
        subprocess.run(["docker", "image", "rm", "-f", build["image"]], capture_output=True)
