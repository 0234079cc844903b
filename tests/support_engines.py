"""Extra Docker Engines as CI runners and new machines (support_machines over
ci/engines.sh), and warmbuild run on them as a user runs it: a process with its JSON
report."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import support_machines as machines


@dataclass
class Run:
    result: subprocess.CompletedProcess[str]
    seconds: float
    # The JSON report's builds by target.
    builds: dict[str, dict[str, Any]]

    @property
    def ok(self) -> bool:
        return self.result.returncode == 0

    def why(self) -> str:
        said: str = self.result.stdout + self.result.stderr
        return said[-3000:]


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


@contextlib.contextmanager
def new_machine(forward: tuple[int, ...] = ()) -> Iterator[Runner]:
    """A new machine of the test's own (an empty builder and image store, the shared
    registry), selected for this process's docker calls inside the block: what a
    test used to get by pruning the shared engine, without touching it. Its temp
    folder lies outside the test's, which is often a build context."""
    with (
        tempfile.TemporaryDirectory(prefix="warmbuild-machine-") as tmp,
        machines.machine_of_its_own(Path(tmp), forward=forward) as machine,
    ):
        runner = Runner(machine.name, machine.docker_host, machine.tmp)
        with runner.selected():
            yield runner
