"""Extra Docker Engines as CI runners (bench/machines.py over ci/engines.sh), and
warmbuild run on them as a user runs it: a process with its JSON report."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bench import machines


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


class Runner(machines.Machine):
    def warmbuild(self, task: str, config: Path, *args: str) -> Run:
        """`warmbuild TASK` as a process on this machine, with its JSON report."""
        report = self.tmp / f"{task}-{time.monotonic_ns()}.json"
        command = [sys.executable, "-m", "warmbuild", task, "--config", str(config), "--json", str(report), *args]
        started = time.monotonic()
        result = subprocess.run(command, capture_output=True, text=True, env=self.env, timeout=1800)
        seconds = time.monotonic() - started
        builds = json.loads(report.read_text())["builds"] if report.exists() else []
        return Run(result, seconds, {b["target"]: b for b in builds})


@contextlib.contextmanager
def runners(tmp_path: Path, *specs: tuple[str, int, tuple[str, ...]]) -> Iterator[list[Runner]]:
    """Start engines (name, index, extra `up` flags) as runners; stop and purge them afterwards."""
    with machines.machines(tmp_path, *specs) as started:
        yield [Runner(m.name, m.docker_host, m.tmp) for m in started]
