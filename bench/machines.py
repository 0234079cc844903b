"""Extra Docker Engines as separate machines (ci/engines.sh): each in its own network
namespace, with its own data root and temp folder, sharing only the registry (named
127.0.0.1:5000 there too). The benchmark's second machine and the runner tests use them."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
ENGINES = REPO_ROOT / "ci" / "engines.sh"
ENGINES_DIR = Path(os.environ.get("WARMBUILD_ENGINES_DIR", "/var/lib/warmbuild/engines"))


@dataclass
class Machine:
    """One "machine": its engine, and a temp folder of its own (warmbuild's machine
    lock and facts cache live there, as on a separate machine)."""

    name: str
    docker_host: str
    tmp: Path

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "DOCKER_HOST": self.docker_host, "TMPDIR": str(self.tmp)}

    @property
    def netns(self) -> str:
        return f"/var/run/netns/wb-{self.name}"

    def docker(self, *args: str) -> str:
        return subprocess.run(["docker", *args], env=self.env, capture_output=True, text=True, check=True).stdout

    def content_bytes(self) -> int:
        """Bytes in this engine's image content store: what it has pulled (and built)."""
        store = ENGINES_DIR / self.name / "data" / "containerd" / "daemon" / "io.containerd.content.v1.content"
        return sum(p.stat().st_size for p in store.rglob("*") if p.is_file())

    def forget_all(self) -> None:
        """Back to an empty machine: no images, no build cache."""
        self.docker("system", "prune", "--all", "--force")
        self.docker("buildx", "prune", "--all", "--force")

    def in_namespace(self, *command: str) -> subprocess.CompletedProcess:
        """A command on this machine's network (its loopback, its published ports)."""
        return subprocess.run(["nsenter", f"--net={self.netns}", *command], capture_output=True, text=True)


def start(name: str, index: int, tmp: Path, *flags: str) -> Machine:
    up = subprocess.run(["bash", str(ENGINES), "up", name, str(index), *flags], capture_output=True, text=True)
    if up.returncode != 0:
        raise RuntimeError(f"ci/engines.sh up {name}: {up.stderr.strip()[-2000:]}")
    tmp.mkdir(parents=True, exist_ok=True)
    return Machine(name, up.stdout.strip().removeprefix("DOCKER_HOST="), tmp)


def stop(machine: Machine) -> None:
    subprocess.run(["bash", str(ENGINES), "down", machine.name, "--purge"], capture_output=True, timeout=180)


@contextlib.contextmanager
def machines(tmp_path: Path, *specs: tuple[str, int, tuple[str, ...]]) -> Iterator[list[Machine]]:
    """Start engines (name, index, extra `up` flags); stop and purge them afterwards."""
    started: list[Machine] = []
    try:
        for name, index, flags in specs:
            started.append(start(name, index, tmp_path / f"{name}-tmp", *flags))
        yield started
    finally:
        for machine in reversed(started):
            stop(machine)
