"""Helpers shared by the tests: sample inputs for plans, a copy of the example app."""

from __future__ import annotations

import contextlib
import json
import shutil
import time
import urllib.request
from pathlib import Path

import yaml
from python_on_whales import docker
from python_on_whales.exceptions import DockerException

from warmbuild import gc_run, locks, registry_http
from warmbuild.docker_engine import DockerEngine
from warmbuild.options import Config, load_config, parse_config
from warmbuild.plan import BuildInputs, packaged
from warmbuild.repo import RepoState

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA = REPO_ROOT / "tests" / "data"
DOCKERFILE = packaged("python-app.Dockerfile")
FRONTEND_DOCKERFILE = packaged("frontend.Dockerfile")
BASE_DIGEST = "sha256:" + "b" * 64
# Where plans in unit tests say the Dockerfile is: a fixed path, so argv tables are exact.
PLANNED_DOCKERFILE = Path("/repo/docker/python-app.Dockerfile")
# The example app's settings (the repository's warmbuild.yaml), without a file behind it.
EXAMPLE_SETTINGS = yaml.safe_load((REPO_ROOT / "warmbuild.yaml").read_text())
EXAMPLE = parse_config(EXAMPLE_SETTINGS, None)


def sample_inputs(config: Config | None = None, app_dir: Path | None = None, **changes) -> BuildInputs:
    """BuildInputs for the example backend without an engine: the lock is read from
    disk, everything the engine would tell is fixed."""
    config = config or EXAMPLE
    app_dir = app_dir or REPO_ROOT / "backend"
    lock = locks.read_lock(app_dir, config.lock)
    values = {
        "config": config,
        "repo": RepoState(root=Path("/repo"), branch="main", revision="c0ffee", commit_time=1_700_000_000),
        "lock": lock,
        "environment": locks.target_environment(config.python_image, config.python_version, "linux/amd64"),
        "lock_texts": tuple((name, (app_dir / name).read_text()) for name in lock.files),
        "dockerfile_path": PLANNED_DOCKERFILE,
        "dockerfile_text": DOCKERFILE.read_text(),
        "installer_script_text": (DOCKERFILE.parent / "install-python-deps.sh").read_text(),
        "base_digest": BASE_DIGEST,
        "host_platform": "linux/amd64",
        "can_export_cache": True,
        "dev_uid": 1000,
        "dev_gid": 1000,
        "dockerignore_text": DOCKERFILE.with_name("python-app.Dockerfile.dockerignore").read_text(),
        "dockerignore_source": "warmbuild's",
    }
    values.update(changes)
    return BuildInputs(**values)


def copy_example_app(destination: Path, name: str, variant: str = "", **config_values) -> Path:
    """The example backend in a folder of its own with a warmbuild.yaml naming its
    own images and caches. Returns the config file's path."""
    app = destination / "backend"
    if not app.exists():
        shutil.copytree(REPO_ROOT / "backend", app, ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache"))
    if variant:
        use_variant(app, variant)
    # Without a frontend unless the test brings one (it copies frontend/ itself).
    config = {**EXAMPLE_SETTINGS, "name": name, "context": "backend", "frontend": {"context": ""}}
    config.update(config_values)
    path = destination / "warmbuild.yaml"
    path.write_text(yaml.safe_dump(config))
    return path


def use_variant(app: Path, variant: str) -> None:
    """Swap in a pre-locked variant of the example's pyproject + poetry.lock."""
    for name in ("pyproject.toml", "poetry.lock"):
        shutil.copy(REPO_ROOT / "bench" / "variants" / variant / name, app / name)


def load(config_path: Path) -> Config:
    return load_config(config_path)


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


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def missing_blobs(registry: str, repository: str, reference: str) -> list[str]:
    """Every blob or child manifest the manifest names that the registry lacks: [] means whole."""
    return registry_http.missing_blobs(registry, repository, reference)


def purge_app(name: str, registry: str) -> None:
    """`invoke gc --purge` for a test's app: its images and caches leave the registry
    and this machine."""
    config = parse_config({"name": name, "registry": registry}, None)
    engine = DockerEngine()
    # A registry error is a gc bug and fails the test; a local image already gone is not.
    with contextlib.suppress(DockerException):
        gc_run.apply(config, engine, gc_run.gather(config, engine, purge=True, machine=False))
