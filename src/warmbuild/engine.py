"""What warmbuild asks of a container engine, as a typed interface. Pure.

``docker_engine.DockerEngine`` is the real one (Docker Engine + buildx through
python-on-whales); the pipeline, cache-warm, the dev loop and doctor take an
``Engine`` as a parameter, so their decisions are unit-tested with a small fake.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from .gc import LocalImage
from .progress import BuildProgress, BuildRun

# Drivers that run BuildKit themselves and so export every cache backend.
EXPORTING_DRIVERS = ("docker-container", "kubernetes", "remote")

ProgressCallback = Callable[[BuildProgress], None]


@dataclass(frozen=True)
class EngineFacts:
    """What doctor and the planner need to know about the engine. Empty strings mean
    "could not be read"; the matching ``*_error`` says why."""

    server_version: str = ""
    server_error: str = ""
    buildx_version: str = ""
    buildx_error: str = ""
    builder_name: str = ""
    builder_driver: str = ""
    builder_error: str = ""
    # The builder's native platform, e.g. linux/amd64.
    builder_platform: str = ""
    # Every platform it can build for: its own and those an emulator runs (binfmt_misc).
    builder_platforms: tuple[str, ...] = ()
    # Where the builder's node runs: a docker context's name, a URL, a Kubernetes pod.
    builder_endpoint: str = ""
    # The engine a `docker`-driver builder of another docker context builds in (its
    # image store is not this engine's); "" when it is this engine or not that driver.
    builder_engine: str = ""
    builder_engine_containerd_store: bool = False
    containerd_store: bool = False
    mirrors: tuple[str, ...] = ()
    docker_host: str = ""

    @property
    def can_export_cache(self) -> bool:
        """Registry cache export needs BuildKit's own store: a container-run builder,
        or the docker driver on the containerd image store (of the engine it runs in)."""
        if self.builder_driver in EXPORTING_DRIVERS:
            return True
        store = self.builder_engine_containerd_store if self.builder_engine else self.containerd_store
        return self.builder_driver == "docker" and store

    @property
    def loads_elsewhere(self) -> bool:
        """`--load` puts images into another engine than this one: a docker-driver
        builder of another context. (Container-run builders stream them back here.)"""
        return bool(self.builder_engine)


@dataclass(frozen=True)
class Resolved:
    """An image reference's manifest digest, and where it was found."""

    digest: str
    where: str


@dataclass(frozen=True)
class Unresolved:
    why: str


@dataclass(frozen=True)
class ComposeProject:
    """A compose stack: its files (later ones add to earlier ones), project name and
    the variables it interpolates."""

    compose_files: tuple[Path, ...]
    name: str
    env_file: Path
    # The team's compose file: its other services may need a pull or a build (compose
    # does them as the team wrote); warmbuild's own stack never builds or pulls.
    team: bool = False


@dataclass(frozen=True)
class ServiceState:
    """One compose service's container as `compose ps` reports it."""

    service: str
    state: str  # running, exited, restarting, created …
    health: str = ""  # healthy, unhealthy, starting; "" without a healthcheck
    exit_code: int = 0
    container: str = ""  # its ID: a recreated service has a new one

    @property
    def trouble(self) -> str:
        """What is wrong with it ("" when running and, where checked, healthy)."""
        if self.state == "exited":
            return f"exited with code {self.exit_code}"
        if self.state != "running":
            return f"is {self.state}" + (f" (last exit code {self.exit_code})" if self.exit_code else "")
        if self.health in ("unhealthy", "starting"):
            return "never became healthy" if self.health == "starting" else "is unhealthy"
        return ""


def compose_command(project: ComposeProject, *args: str) -> list[str]:
    """`docker compose …` (without `docker`) for the project: its files, name and variables."""
    files = [part for path in project.compose_files for part in ("--file", str(path))]
    return ["compose", "--project-name", project.name, *files, "--env-file", str(project.env_file), *args]


def compose_up_args(project: ComposeProject, services: Sequence[str], wait_seconds: int) -> list[str]:
    """`up` that waits for the healthchecks. warmbuild's images are never built or
    pulled by compose (a team's stack: its other services as compose would)."""
    up = ["up", "--detach", "--wait", "--wait-timeout", str(wait_seconds)]
    up += [] if project.team else ["--pull", "never", "--no-build"]
    return [*up, "--remove-orphans", "--quiet-pull", *services]


class Engine(Protocol):
    """What warmbuild asks of a container engine (and, through it, of registries)."""

    def facts(self, builder: str) -> EngineFacts: ...

    def resolve_digest(self, image: str, mirrors: Sequence[str]) -> Resolved | Unresolved: ...

    def registry_problem(self, registry: str) -> str | None:
        """None when the registry answers its API, else why not."""
        ...

    def registry_has(self, image: str) -> bool: ...

    def cache_intact(self, ref: str) -> bool:
        """Every blob the cache ref names is in its registry (True when it cannot tell)."""
        ...

    def local_image_size(self, image: str) -> int | None:
        """Bytes of the image in the local store; None when it is not there."""
        ...

    def local_image_id(self, image: str) -> str | None:
        """The image's ID in the local store; None when it is not there."""
        ...

    def registry_digest(self, image: str) -> str | None:
        """The digest of the image's manifest (or index) in its registry; None when
        the registry does not hold it (or cannot be asked)."""
        ...

    def run_build(
        self, argv: Sequence[str], on_progress: ProgressCallback | None = None, builder: str = ""
    ) -> BuildRun:
        """Run ``docker <argv>`` on ``builder``; raise BuildFailed, RegistryError or Interrupted."""
        ...

    def prune_build_cache(
        self, builder: str = "", keep_cache_mounts: bool = False, keep_bytes: int | None = None
    ) -> None: ...

    def build_cache_bytes(self, builder: str = "") -> int | None: ...

    def local_images(self, prefix: str) -> list[LocalImage]: ...

    def remove_images(self, names: Sequence[str]) -> None: ...

    def create_index(self, argv: Sequence[str]) -> None:
        """`docker buildx imagetools create …` (plan.IndexPlan): one multi-platform image."""
        ...

    def compose_version(self) -> str:
        """`docker compose version`'s number; "" when compose is not installed."""
        ...

    def compose_up(self, project: ComposeProject, services: Sequence[str], wait_seconds: int) -> None: ...

    def compose_down(self, project: ComposeProject, volumes: bool) -> None: ...

    def host_port_free(self, port: int) -> bool:
        """Whether a container could publish this port on the engine's host."""
        ...

    def compose_restart(self, project: ComposeProject, services: Sequence[str], stop_seconds: int) -> None:
        """Restart the services' containers as they are (not recreated)."""
        ...

    def wait_until_listening(self, project: ComposeProject, services: Sequence[str], seconds: int) -> tuple[str, ...]:
        """Wait until each service without a healthcheck accepts TCP connections on the
        ports its container exposes; the services that did not in time."""
        ...

    def compose_run(self, project: ComposeProject, service: str, command: Sequence[str]) -> tuple[int, list[str]]:
        """Run a one-off container of the service (without starting what it depends
        on) and remove it: its exit status and what it printed."""
        ...

    def compose_logs(self, project: ComposeProject, services: Sequence[str], follow: bool, tail: str) -> None: ...

    def compose_shell(self, project: ComposeProject, service: str, command: Sequence[str]) -> int:
        """Run the command in the service's container; its exit status."""
        ...

    def compose_containers(self, project: ComposeProject) -> list[str]: ...

    def compose_container_ids(self, project: ComposeProject) -> list[str]: ...

    def compose_states(self, project: ComposeProject) -> list[ServiceState]:
        """Each service's container: running or not, healthy or not, its exit code."""
        ...

    def compose_log_tail(self, project: ComposeProject, service: str, lines: int) -> list[str]:
        """The last lines a service's container logged."""
        ...

    def containers_healthy(self, ids: Sequence[str]) -> bool:
        """Every one of them running, and healthy where it has a healthcheck."""
        ...
