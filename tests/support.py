"""Helpers shared by the tests (and the benchmark in bench/): sample inputs for plans,
a copy of the example app, free ports, a registry and a package index of a test's
own, and the purge of a test's images."""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from python_on_whales import docker

from warmbuild import locks, registry_http
from warmbuild.options import Config, load_config, parse_config
from warmbuild.plan import BuildInputs, packaged
from warmbuild.progress import BuildProgress, BuildRun
from warmbuild.repo import RepoState

REPO_ROOT = Path(__file__).resolve().parent.parent
# In CI a missing tool or engine fails the tests that need it; elsewhere they skip.
IN_CI = os.environ.get("CI", "").lower() == "true"
DATA = REPO_ROOT / "tests" / "data"
# Pre-locked variants of the example's pyproject + poetry.lock (a light dependency
# added, a heavy package moved): the engine tests' and the benchmark's lock changes.
VARIANTS = DATA / "variants"
DOCKERFILE = packaged("python-app.Dockerfile")
FRONTEND_DOCKERFILE = packaged("frontend.Dockerfile")
BASE_DIGEST = "sha256:" + "b" * 64
# Where plans in unit tests say the Dockerfile is: a fixed path, so argv tables are exact.
PLANNED_DOCKERFILE = Path("/repo/docker/python-app.Dockerfile")
# The example app's settings (the repository's warmbuild.yaml), without a file behind it.
EXAMPLE_SETTINGS = yaml.safe_load((REPO_ROOT / "warmbuild.yaml").read_text())
EXAMPLE = parse_config(EXAMPLE_SETTINGS, None)


def sample_inputs(config: Config | None = None, app_dir: Path | None = None, **changes: Any) -> BuildInputs:
    """BuildInputs for the example backend without an engine: the lock is read from
    disk, everything the engine would tell is fixed; ``changes`` replace fields."""
    config = config or EXAMPLE
    app_dir = app_dir or REPO_ROOT / "backend"
    lock = locks.read_lock(app_dir, config.lock)
    # As gather_inputs chooses on an amd64 builder: its own platform unless not configured.
    configured = config.platforms
    platform = "linux/amd64" if not configured or "linux/amd64" in configured else configured[0]
    inputs = BuildInputs(
        config=config,
        repo=RepoState(root=Path("/repo"), branch="main", revision="c0ffee", commit_time=1_700_000_000),
        lock=lock,
        environment=locks.target_environment(config.python_image, config.python_version, platform),
        platform=platform,
        lock_texts=tuple((name, (app_dir / name).read_text()) for name in lock.files),
        dockerfile_path=PLANNED_DOCKERFILE,
        dockerfile_text=DOCKERFILE.read_text(),
        installer_script_text=(DOCKERFILE.parent / "install-python-deps.sh").read_text(),
        base_digest=BASE_DIGEST,
        host_platform="linux/amd64",
        can_export_cache=True,
        dev_uid=1000,
        dev_gid=1000,
        dockerignore_text=DOCKERFILE.with_name("python-app.Dockerfile.dockerignore").read_text(),
        dockerignore_source="warmbuild's",
    )
    return dataclasses.replace(inputs, **changes)


def copy_example_app(
    destination: Path, name: str, variant: str = "", with_frontend: bool = False, **config_values: object
) -> Path:
    """The example backend (and its frontend, ``with_frontend``) in a folder of its
    own with a warmbuild.yaml naming its own images and caches. Returns the config
    file's path."""
    app = destination / "backend"
    if not app.exists():
        shutil.copytree(REPO_ROOT / "backend", app, ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache"))
    if variant:
        use_variant(app, variant)
    if with_frontend:
        shutil.copytree(REPO_ROOT / "frontend", destination / "frontend", ignore=shutil.ignore_patterns("node_modules"))
        config_values = {"frontend": {"context": "frontend"}, **config_values}
    # Without a frontend unless asked for: the example's settings name one.
    settings = {**EXAMPLE_SETTINGS, "name": name, "context": "backend", "frontend": {"context": ""}, **config_values}
    return write_settings(destination / "warmbuild.yaml", **settings)


# tests/data/other-app: a small Starlette service (pillow; a pip requirements lock).
OTHER_APP: dict[str, object] = {
    "context": "service-src",
    "heavy": ["pillow"],
    "app": "service.web:application",
    "port": 9000,
    "health_path": "/healthz",
}


def copy_data_app(destination: Path, folder: str, name: str, /, **settings: object) -> Path:
    """tests/data/FOLDER copied into DESTINATION as the settings' context, with a
    warmbuild.yaml naming NAME's images. Returns the config file's path."""
    shutil.copytree(DATA / folder, destination / str(settings.get("context", folder)))
    return write_settings(destination / "warmbuild.yaml", name=name, **settings)


def write_settings(path: Path, **settings: object) -> Path:
    """A warmbuild.yaml of these settings; no frontend unless they give one."""
    path.write_text(yaml.safe_dump({"frontend": {"context": ""}, **settings}))
    return path


def use_variant(app: Path, variant: str) -> None:
    """Swap in a pre-locked variant of the example's pyproject + poetry.lock."""
    for name in ("pyproject.toml", "poetry.lock"):
        shutil.copy(VARIANTS / variant / name, app / name)


def load(config_path: Path) -> Config:
    return load_config(config_path)


def failed_build(step: str, log: str) -> BuildRun:
    """A build whose step ``step`` failed after printing ``log``, as BuildKit reports it."""
    progress = BuildProgress()
    progress.feed(
        {
            "vertexes": [{"digest": "s", "name": step, "error": "process did not complete successfully: exit code: 1"}],
            "logs": [{"vertex": "s", "data": base64.b64encode(log.encode()).decode()}],
        }
    )
    return BuildRun(argv=(), progress=progress, returncode=1, messages=["ERROR: failed to solve"])


def wait_healthy(container_id: str, seconds: float = 90) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        state = docker.container.inspect(container_id).state
        if state.health and state.health.status == "healthy":
            return True
        if not state.running:
            return False
        time.sleep(1)
    return False


def address_of(container_id: str, network: str = "bridge") -> str:
    """The container's IP address on ``network``."""
    networks = docker.container.inspect(container_id).network_settings.networks or {}
    return str(networks[network].ip_address)


def get_json(url: str) -> dict[str, Any]:
    with urllib.request.urlopen(url, timeout=10) as response:
        answer: dict[str, Any] = json.loads(response.read())
        return answer


def missing_blobs(registry: str, repository: str, reference: str) -> list[str]:
    """Every blob or child manifest the manifest names that the registry lacks: [] means whole."""
    return registry_http.missing_blobs(registry, repository, reference)


# --- processes of a test's own ----------------------------------------------------------


def free_port() -> int:
    """A loopback port no one listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_until(ready: Callable[[], bool], seconds: float, what: str, process: subprocess.Popen[bytes]) -> None:
    """Poll ``ready`` until it holds; fail if ``process`` exits or time runs out."""
    deadline = time.monotonic() + seconds
    while not ready():
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start (exit status {process.poll()})")
        time.sleep(0.1)


@dataclass
class RegistryProcess:
    """A registry of a test's own (distribution, as ci/provision-engine.sh runs it) on
    a free loopback port, storing under ``root``: one a test can stop, make read-only
    and garbage-collect."""

    root: Path
    address: str = field(default_factory=lambda: f"127.0.0.1:{free_port()}")
    process: subprocess.Popen[bytes] | None = None

    @property
    def config(self) -> Path:
        return self.root / "registry.yml"

    @property
    def storage(self) -> Path:
        return self.root / "data"

    def start(self, read_only: bool = False) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        storage = {
            "filesystem": {"rootdirectory": str(self.storage)},
            "delete": {"enabled": True},
            "maintenance": {"readonly": {"enabled": read_only}},
        }
        settings = {"version": 0.1, "log": {"level": "warn"}, "storage": storage, "http": {"addr": self.address}}
        self.config.write_text(yaml.safe_dump(settings))
        with (self.root / "registry.log").open("a") as log:
            self.process = subprocess.Popen(["docker-registry", "serve", str(self.config)], stdout=log, stderr=log)
        wait_until(lambda: registry_http.ping(self.address) is None, 20, f"registry {self.address}", self.process)

    def stop(self) -> None:
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=30)
            self.process = None

    def collect_garbage(self) -> int:
        """distribution's garbage collection, on the stopped registry; bytes freed."""
        self.stop()
        before = disk_bytes(self.storage)
        subprocess.run(["docker-registry", "garbage-collect", str(self.config)], check=True, capture_output=True)
        self.start()
        return before - disk_bytes(self.storage)


def disk_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


@contextlib.contextmanager
def package_index(wheels: Path, port: int) -> Iterator[str]:
    """pypiserver over a folder of wheels on 127.0.0.1:``port`` (nothing else: no
    fallback to another index); yields its simple index's URL."""
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "pypi-server"), "run", "-i", "127.0.0.1", "-p", str(port),
         "--disable-fallback", str(wheels)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_until(lambda: _answers(port), 20, f"the package index on port {port} (pypiserver)", server)
        yield f"http://127.0.0.1:{port}/simple/"
    finally:
        server.terminate()
        server.wait(10)


def _answers(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True
