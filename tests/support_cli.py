"""Run the invoke tasks as a user does: a subprocess from the repository root."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from support import REPO_ROOT


def invoke(*args: str, timeout: float = 900, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=timeout,
    )


def one_line_error(result: subprocess.CompletedProcess[str], code: int) -> str:
    """A task that failed as a user should see it fail: exit ``code``, one line on
    stderr, no traceback. Returns that line."""
    assert result.returncode == code, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stdout + result.stderr, result.stderr
    return lines[0]


def task_report(task: str, config: Path, report: Path, *args: str) -> dict[str, dict[str, Any]]:
    """`invoke TASK --config CONFIG --json REPORT ARGS…`, which must succeed: the
    builds its JSON report lists, by target."""
    result = invoke(task, "--config", str(config), "--json", str(report), *args)
    assert result.returncode == 0, result.stdout + result.stderr
    return {build["target"]: build for build in json.loads(report.read_text())["builds"]}
