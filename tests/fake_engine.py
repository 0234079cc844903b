"""A small fake of our own ``Engine`` interface, for the pipeline's branch logic.

It records what was asked and answers from plain data: which images the registry
and the local store hold, and what each build reports (cached or executed steps, or
a failure). Real behaviour is the engine tests' job; this only drives decisions.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from warmbuild.engine import ComposeProject, Engine, EngineFacts, ProgressCallback, Resolved, ServiceState, Unresolved
from warmbuild.errors import WarmbuildError
from warmbuild.gc import LocalImage
from warmbuild.progress import BuildProgress, BuildRun

HEALTHY = EngineFacts(
    server_version="26.1.5",
    buildx_version="0.13.1",
    builder_name="default",
    builder_driver="docker",
    builder_platform="linux/amd64",
    containerd_store=True,
)


def progress_of(steps: dict[str, bool]) -> BuildProgress:
    """A build's progress: step name -> cached."""
    progress = BuildProgress()
    for index, (name, cached) in enumerate(steps.items()):
        progress.feed(
            {
                "vertexes": [
                    {
                        "digest": f"sha256:{index}",
                        "name": name,
                        "started": "2026-11-28T10:00:00Z",
                        "completed": "2026-11-28T10:00:01Z",
                        "cached": cached,
                    }
                ]
            }
        )
    return progress


@dataclass
class FakeEngine:
    facts_value: EngineFacts = HEALTHY
    registry: set[str] = field(default_factory=set)
    local: dict[str, int] = field(default_factory=dict)
    registry_down: bool = False
    # Cache refs whose blobs are gone from the registry.
    broken_caches: set[str] = field(default_factory=set)
    # What the next builds report, in order: step name -> cached, or an error to raise.
    results: list[dict[str, bool] | WarmbuildError] = field(default_factory=list)
    builds: list[tuple[str, ...]] = field(default_factory=list)
    # Multi-platform images written: (tag, source, ...).
    indexes: list[tuple[str, ...]] = field(default_factory=list)
    compose_calls: list[tuple[str | int, ...]] = field(default_factory=list)
    healthy: bool = True
    # What a command run by dev-shell exits with.
    shell_status: int = 0
    run_status: int = 0  # compose_run's exit status (the release command)
    busy_ports: set[int] = field(default_factory=set)  # host ports something else listens on
    silent_services: set[str] = field(default_factory=set)  # never accept connections
    # What `compose up` fails with, and the services' states `compose ps` then shows.
    compose_up_error: WarmbuildError | None = None
    service_states: list[ServiceState] = field(default_factory=list)

    def facts(self, builder: str = "") -> EngineFacts:
        return self.facts_value

    def resolve_digest(self, image: str, mirrors: Sequence[str] = ()) -> Resolved | Unresolved:
        if image.startswith("missing"):
            return Unresolved("manifest unknown")
        return Resolved("sha256:" + "b" * 64, "fake")

    def registry_problem(self, registry: str) -> str | None:
        return "connection refused" if self.registry_down else None

    def registry_has(self, image: str) -> bool:
        return not self.registry_down and image in self.registry

    def cache_intact(self, ref: str) -> bool:
        return ref not in self.broken_caches

    def local_image_size(self, image: str) -> int | None:
        return self.local.get(image)

    def local_image_id(self, image: str) -> str | None:
        return f"sha256:{self.local[image]}" if image in self.local else None

    def registry_digest(self, image: str) -> str | None:
        return "sha256:pushed" if self.registry_has(image) else None

    def run_build(
        self, argv: Sequence[str], on_progress: ProgressCallback | None = None, builder: str = ""
    ) -> BuildRun:
        self.builds.append(tuple(argv))
        result = self.results.pop(0) if self.results else {"[stage 1/1] RUN true": False}
        if isinstance(result, WarmbuildError):
            raise result
        image = argv[argv.index("--tag") + 1]
        output = argv[argv.index("--output") + 1]
        if output.startswith("type=image,push=true"):
            self.registry.add(image)
        elif output.startswith("type=docker"):
            # A new build, a new image ID (the size stands in for it).
            self.local[image] = 1_000_000 + len(self.builds)
        if "--cache-to" in argv:
            self.registry.add(argv[argv.index("--cache-to") + 1].split("ref=")[1].split(",")[0])
        metadata = Path(argv[argv.index("--metadata-file") + 1])
        metadata.parent.mkdir(parents=True, exist_ok=True)
        metadata.write_text(json.dumps({"image.name": image}))
        return BuildRun(argv=tuple(argv), progress=progress_of(result), seconds=1.0)

    def prune_build_cache(
        self, builder: str = "", keep_cache_mounts: bool = False, keep_bytes: int | None = None
    ) -> None:
        self.compose_calls.append(("prune",) if keep_bytes is None else ("prune", keep_bytes))

    def build_cache_bytes(self, builder: str = "") -> int | None:
        return 0

    def local_images(self, prefix: str) -> list[LocalImage]:
        return [LocalImage(name, None, size) for name, size in self.local.items() if name.startswith(prefix)]

    def remove_images(self, names: Sequence[str]) -> None:
        self.local = {k: v for k, v in self.local.items() if k not in names}

    def create_index(self, argv: Sequence[str]) -> None:
        at = list(argv).index("--tag")
        tag, sources = argv[at + 1], argv[at + 2 :]
        missing = [s for s in sources if s not in self.registry]
        if missing:
            raise WarmbuildError(f"{missing[0]} is not in the registry")
        self.indexes.append((tag, *sources))
        self.registry.add(tag)

    def compose_version(self) -> str:
        return "2.26.1"

    def compose_up(self, project: ComposeProject, services: Sequence[str], wait_seconds: int) -> None:
        self.compose_calls.append(("up", *services))
        # compose fails when a service it starts ends up in trouble (the states given).
        troubled = not self.service_states or any(s.trouble and s.service in services for s in self.service_states)
        if self.compose_up_error is not None and troubled:
            raise self.compose_up_error

    def compose_down(self, project: ComposeProject, volumes: bool) -> None:
        self.compose_calls.append(("down",))

    def host_port_free(self, port: int) -> bool:
        return port not in self.busy_ports

    def compose_restart(self, project: ComposeProject, services: Sequence[str], stop_seconds: int) -> None:
        self.compose_calls.append(("restart", *services))

    def wait_until_listening(self, project: ComposeProject, services: Sequence[str], seconds: int) -> tuple[str, ...]:
        self.compose_calls.append(("listening", *services))
        return tuple(name for name in services if name in self.silent_services)

    def compose_run(self, project: ComposeProject, service: str, command: Sequence[str]) -> tuple[int, list[str]]:
        self.compose_calls.append(("run", service, *command))
        return self.run_status, [f"{command[-1]} line {n}" for n in range(1, 31)]

    def compose_logs(self, project: ComposeProject, services: Sequence[str], follow: bool, tail: str) -> None:
        self.compose_calls.append(("logs", *services))

    def compose_shell(self, project: ComposeProject, service: str, command: Sequence[str]) -> int:
        self.compose_calls.append(("shell", service, *command))
        return self.shell_status

    def compose_containers(self, project: ComposeProject) -> list[str]:
        return []

    def compose_container_ids(self, project: ComposeProject) -> list[str]:
        return ["c1"] if ("up",) in [c[:1] for c in self.compose_calls] else []

    def containers_healthy(self, ids: Sequence[str]) -> bool:
        return bool(ids) and self.healthy

    def compose_states(self, project: ComposeProject) -> list[ServiceState]:
        return list(self.service_states)

    def compose_log_tail(self, project: ComposeProject, service: str, lines: int) -> list[str]:
        return [f"{service} line {n}" for n in range(1, lines + 1)]


# mypy holds the fake to the protocol: a method the Engine gains, loses or changes
# the signature of is an error here, not a surprise in a unit test.
_IS_AN_ENGINE: Engine = FakeEngine()
