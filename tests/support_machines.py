"""Extra Docker Engines as separate machines (ci/engines.sh): each in its own network
namespace, with its own data root and temp folder, sharing only the registry (named
127.0.0.1:5000 there too). Tests that need a new machine (an empty builder and image
store) or several runners use them, and so does the benchmark (bench/ imports this
module): pruning or filling an engine of one's own disturbs no other test.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
ENGINES = REPO_ROOT / "ci" / "engines.sh"
ENGINES_DIR = Path(os.environ.get("WARMBUILD_ENGINES_DIR", "/var/lib/warmbuild/engines"))
# Indexes (address blocks 10.203.INDEX.0/24) for engines named at random; the runner
# tests' fixed engines use 1-7.
FREE_INDEXES = range(8, 21)
CLONE_NEWNET = 0x40000000


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
        """Back to an empty machine: no images, no build cache. This engine's alone."""
        self.docker("system", "prune", "--all", "--force")
        self.docker("buildx", "prune", "--all", "--force")

    def in_namespace(self, *command: str) -> subprocess.CompletedProcess[str]:
        """A command on this machine's network (its loopback, its published ports)."""
        return subprocess.run(["nsenter", f"--net={self.netns}", *command], capture_output=True, text=True)

    @contextlib.contextmanager
    def selected(self) -> Iterator[None]:
        """This process's docker calls (DockerEngine, python-on-whales, the processes
        it starts) go to this engine inside the block."""
        saved = {name: os.environ.get(name) for name in ("DOCKER_HOST", "TMPDIR")}
        os.environ.update({"DOCKER_HOST": self.docker_host, "TMPDIR": str(self.tmp)})
        try:
            yield
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value

    @contextlib.contextmanager
    def network(self) -> Iterator[None]:
        """This thread on this machine's network inside the block: its loopback (the
        ports its containers publish), its containers' addresses, and 127.0.0.1:5000
        (the shared registry, forwarded). Processes started inside inherit it."""
        own = os.open("/proc/thread-self/ns/net", os.O_RDONLY)
        machine = os.open(self.netns, os.O_RDONLY)
        try:
            _setns(machine)
            try:
                yield
            finally:
                _setns(own)
        finally:
            os.close(machine)
            os.close(own)


def _setns(fd: int) -> None:
    # os.setns arrives in Python 3.12; the C library's has been there for long.
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.setns(fd, CLONE_NEWNET) != 0:
        error = ctypes.get_errno()
        raise OSError(error, f"setns: {os.strerror(error)}")


def start(name: str, index: int, tmp: Path, *flags: str) -> Machine:
    up = subprocess.run(["bash", str(ENGINES), "up", name, str(index), *flags], capture_output=True, text=True)
    if up.returncode != 0:
        raise RuntimeError(f"ci/engines.sh up {name}: {up.stderr.strip()[-2000:]}")
    tmp.mkdir(parents=True, exist_ok=True)
    return Machine(name, up.stdout.strip().removeprefix("DOCKER_HOST="), tmp)


def start_any(prefix: str, tmp: Path, *flags: str) -> Machine:
    """An engine named ``prefix``-<random> on the first free index: tests and
    benchmarks running at once never share an engine."""
    name = f"{prefix}-{uuid.uuid4().hex[:6]}"
    for index in FREE_INDEXES:
        try:
            return start(name, index, tmp, *flags)
        except RuntimeError as error:
            if "is in use" not in str(error):
                raise
    raise RuntimeError(f"ci/engines.sh: every index of {FREE_INDEXES} is in use")


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


@contextlib.contextmanager
def machine_of_its_own(tmp: Path, prefix: str = "new", forward: tuple[int, ...] = ()) -> Iterator[Machine]:
    """A new machine for one test or benchmark: an empty builder and image store; the
    host's loopback ports in ``forward`` reachable under the same address there.
    Stopped and purged afterwards, whatever happened."""
    flags = [arg for port in forward for arg in ("--forward", str(port))]
    machine = start_any(prefix, tmp, *flags)
    try:
        yield machine
    finally:
        stop(machine)
