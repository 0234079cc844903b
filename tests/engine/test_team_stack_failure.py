"""A team's stack with a service that does not start: dev-up names it (one line and
its last log lines, exit 1) and leaves the rest of the stack up to look at; a stack
it cannot start at all (a compose file that does not parse, a service it cannot map,
a port in use) is one line, exit 2, and nothing started."""

from __future__ import annotations

import json
import socket
import subprocess
from pathlib import Path

import pytest
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


@pytest.mark.parametrize(
    "compose, problem",
    [
        pytest.param(
            "services:\n  api: {build: ./backend\n",
            "error: {compose} is not YAML: while parsing a flow mapping; fix: fix the compose file",
            id="does-not-parse",
        ),
        pytest.param(
            "services:\n  api: {build: ./backend}\n"
            "  worker: {build: {context: ./backend, dockerfile: worker.Dockerfile}}\n",
            "error: {compose}: service 'worker' builds from worker.Dockerfile but 'api' from Dockerfile: warmbuild "
            "runs one dev image for the app's folder and cannot map the other; fix: build 'worker' from Dockerfile (a "
            "`target:` may differ), or from another folder",
            id="a-dockerfile-it-cannot-map",
        ),
        pytest.param(
            "services:\n  api: {build: ./backend, ports: ['{port}:8000']}\n  db: {image: postgres:15}\n",
            "error: port {port}, which api publishes, is already in use on this machine; fix: stop what listens there "
            "(`ss -ltnp`), or publish the service on another port",
            id="a-port-in-use",
        ),
    ],
)
def test_a_stack_it_cannot_start_is_one_line_and_nothing_started(
    tmp_path: Path, unique: str, compose: str, problem: str
) -> None:
    config = copy_example_app(tmp_path, unique, dev={"compose_file": "compose.yaml"})
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        (tmp_path / "compose.yaml").write_text(compose.replace("{port}", port))
        up = invoke("dev-up", "--config", str(config), "--branch", "main")
    said = up.stdout + up.stderr
    assert up.returncode == 2 and "Traceback" not in said, said
    expected = problem.replace("{port}", port).replace("{compose}", str(tmp_path / "compose.yaml"))
    assert [line for line in up.stderr.splitlines() if line.strip()] == [expected], said
    containers = subprocess.run(
        ["docker", "ps", "--all", "--quiet", "--filter", f"label=com.docker.compose.project={unique}"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert containers.stdout.split() == [], "nothing started half-way"
