"""A team's stack with a service that does not start: dev-up names it (one line and
its last log lines, exit 1) and leaves the rest of the stack up to look at."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from support import copy_example_app
from support_cli import invoke

# The example backend as its team's compose file runs it, beside a worker that cannot
# reach its broker (what a worker does when the stack's Redis is missing).
COMPOSE = """\
services:
  api:
    build: ./backend
    command: uvicorn app.main:app --host 0.0.0.0 --port 8000 --reload
  worker:
    build: {context: ./backend}
    command: ["python", "-c", "import sys; print('worker: no broker at redis:6379'); sys.exit(3)"]
"""


def test_a_service_that_exits_is_named_with_its_last_lines(tmp_path: Path, unique: str) -> None:
    config = copy_example_app(tmp_path, unique, dev={"compose_file": "compose.yaml"})
    (tmp_path / "compose.yaml").write_text(COMPOSE)
    try:
        up = invoke("dev-up", "--config", str(config), "--branch", "main")
        said = up.stdout + up.stderr
        assert up.returncode == 1, said
        assert "error: the dev stack did not become healthy: worker exited with code 3" in up.stderr, said
        assert "invoke dev-logs --services worker" in up.stderr and "worker: no broker at redis:6379" in up.stderr
        assert "Traceback" not in said
        # The rest of the stack is left up for dev-logs and dev-shell.
        project = ["docker", "compose", "--project-name", unique, "--file", str(tmp_path / "compose.yaml")]
        listed = subprocess.run([*project, "ps", "--format", "json"], capture_output=True, text=True, check=True)
        states = {row["Service"]: row["State"] for row in map(json.loads, listed.stdout.splitlines())}
        assert states.get("api") == "running", states
    finally:
        down = invoke("dev-down", "--config", str(config))
        assert down.returncode == 0, down.stdout + down.stderr
