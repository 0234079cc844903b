"""Extra Docker Engines as separate machines (CI runners), from ci/engines.sh: each
in its own network namespace, sharing nothing with the first engine but the registry
(reached there under the same name, 127.0.0.1:5000)."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from support import REPO_ROOT

ENGINES = REPO_ROOT / "ci" / "engines.sh"
ENGINES_DIR = Path(os.environ.get("WARMBUILD_ENGINES_DIR", "/var/lib/warmbuild/engines"))


@dataclass
class Runner:
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

    def warmbuild(self, task: str, config: Path, *args: str) -> Run:
        """`warmbuild TASK` as a process on this machine, with its JSON report."""
        report = self.tmp / f"{task}-{time.monotonic_ns()}.json"
        command = [sys.executable, "-m", "warmbuild", task, "--config", str(config), "--json", str(report), *args]
        started = time.monotonic()
        result = subprocess.run(command, capture_output=True, text=True, env=self.env, timeout=1800)
        seconds = time.monotonic() - started
        builds = json.loads(report.read_text())["builds"] if report.exists() else []
        return Run(result, seconds, {b["target"]: b for b in builds})

    def docker(self, *args: str) -> str:
        return subprocess.run(["docker", *args], env=self.env, capture_output=True, text=True, check=True).stdout

    def content_bytes(self) -> int:
        """Bytes in this engine's image content store: what it has pulled (and built)."""
        store = ENGINES_DIR / self.name / "data" / "containerd" / "daemon" / "io.containerd.content.v1.content"
        return sum(p.stat().st_size for p in store.rglob("*") if p.is_file())

    def in_namespace(self, *command: str) -> subprocess.CompletedProcess:
        """A command on this machine's network (its loopback, its published ports)."""
        return subprocess.run(["nsenter", f"--net={self.netns}", *command], capture_output=True, text=True)


@dataclass
class Run:
    result: subprocess.CompletedProcess
    seconds: float
    builds: dict[str, dict]

    @property
    def ok(self) -> bool:
        return self.result.returncode == 0

    def why(self) -> str:
        return (self.result.stdout + self.result.stderr)[-3000:]


@contextlib.contextmanager
def runners(tmp_path: Path, *specs: tuple[str, int, tuple[str, ...]]) -> Iterator[list[Runner]]:
    """Start engines (name, index, extra `up` flags); stop and purge them afterwards."""
    started: list[Runner] = []
    try:
        for name, index, flags in specs:
            up = subprocess.run(
                ["bash", str(ENGINES), "up", name, str(index), *flags], capture_output=True, text=True, timeout=180
            )
            assert up.returncode == 0, f"ci/engines.sh up {name}: {up.stderr[-2000:]}"
            host = up.stdout.strip().removeprefix("DOCKER_HOST=")
            tmp = tmp_path / f"{name}-tmp"
            tmp.mkdir()
            started.append(Runner(name, host, tmp))
        yield started
    finally:
        for runner in reversed(started):
            subprocess.run(["bash", str(ENGINES), "down", runner.name, "--purge"], capture_output=True, timeout=180)
