"""Faults injected for real: a team registry that goes down, refuses pushes, comes
back; Ctrl-C in the middle of a build. Each ends in a clear message, a documented
exit code, no tag on an unfinished image, and a rerun that just works."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from support import REPO_ROOT, RegistryProcess, copy_example_app, load, missing_blobs
from support_cli import invoke, one_line_error

from warmbuild import pipeline
from warmbuild.docker_engine import DockerEngine


def test_team_registry_down_refusing_and_back(tmp_path: Path, unique: str, own_registry: RegistryProcess) -> None:
    own_registry.start()
    config = copy_example_app(tmp_path, unique, registry=own_registry.address)
    args = ["--config", str(config), "--branch", "main"]
    assert invoke("build-dev", *args).returncode == 0
    deps_image = pipeline.plan_targets(load(config), DockerEngine(), ["deps"], "main")[0].image

    # Down: a local build goes on without registry cache, and says so ...
    own_registry.stop()
    local = invoke("build-dev", *args)
    assert local.returncode == 0, local.stdout + local.stderr
    assert "is unreachable: building without its cache" in " ".join(local.stdout.split())
    # ... a task that must push stops before building, with exit code 5.
    line = one_line_error(invoke("build-deps", *args), 5)
    assert f"registry {own_registry.address} is unreachable" in line and "nothing was pushed" in line

    # Refusing pushes (read-only): the prod push fails clearly and moves no tag.
    own_registry.start(read_only=True)
    main_py = tmp_path / "backend" / "app" / "main.py"
    main_py.write_text(main_py.read_text() + "\n# a change to push\n")
    line = one_line_error(invoke("build-prod", *args, "--push"), 5)
    assert "the registry refused or dropped the push" in line
    client = DockerEngine()
    assert not client.registry_has(f"{own_registry.address}/{unique}/prod:main")
    assert client.registry_has(deps_image), "earlier pushes are untouched"

    # Back: the same command succeeds, nothing to clean up by hand, the tag is whole.
    own_registry.stop()
    own_registry.start()
    assert invoke("build-prod", *args, "--push").returncode == 0
    assert missing_blobs(own_registry.address, f"{unique}/prod", "main") == []


class StallingIndex:
    """A package index on loopback that accepts connections and never answers: an
    install step that asks it waits until cancelled, however fast the machine."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}/simple/"
        self.asked = threading.Event()
        self.held: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.held.append(connection)
            self.asked.set()

    def close(self) -> None:
        for connection in [*self.held, self.listener]:
            connection.close()


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_during_build_deps_leaves_nothing_behind(
    tmp_path: Path, unique: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = StallingIndex()
    monkeypatch.setenv("WARMBUILD_TEST_STALLING_INDEX", index.url)
    secret = {"id": "index_url", "env": "WARMBUILD_TEST_STALLING_INDEX"}
    # The heavy install asks the stalling index (through the host's network): the
    # build is inside that step when interrupted, on any machine.
    config = copy_example_app(tmp_path, unique, network="host", secrets=[secret])
    deps_image = pipeline.plan_targets(load(config), DockerEngine(), ["deps"], "main")[0].image
    containers_before = subprocess.run(["docker", "ps", "-aq"], capture_output=True, text=True).stdout
    builders_before = subprocess.run(["docker", "buildx", "ls"], capture_output=True, text=True).stdout

    command = [sys.executable, "-m", "invoke", "build-deps", "--config", str(config), "--branch", "main"]
    # faulthandler: a task that does not end after Ctrl-C shows where each thread is.
    env = {**os.environ, "PYTHONFAULTHANDLER": "1"}
    task = subprocess.Popen(
        command,
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # As a terminal's foreground job gets it: a suite started in the background
        # (`.ci/run &`) ignores SIGINT, and that disposition is inherited, so the
        # task would never see this Ctrl-C (seen: the task kept building).
        preexec_fn=_default_sigint,
    )
    try:
        assert index.asked.wait(300), "the install step never asked the index"
        assert task.poll() is None, "the build finished before it could be interrupted"
        task.send_signal(signal.SIGINT)
        stdout, stderr = task.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        table = subprocess.run(["ps", "-eo", "pid,ppid,pgid,stat,wchan:20,args"], capture_output=True, text=True)
        related = [line for line in table.stdout.splitlines() if "buildx" in line or str(task.pid) in line]
        task.send_signal(signal.SIGABRT)
        stdout, stderr = task.communicate(timeout=30)
        pytest.fail("no exit 120 s after Ctrl-C; processes:\n" + "\n".join(related) + f"\n{stderr[-6000:]}")
    finally:
        index.close()
        if task.poll() is None:
            task.kill()
            task.communicate()
    assert task.returncode == 130, stdout + stderr
    assert "interrupted: the build was cancelled" in stderr and "Traceback" not in stderr

    client = DockerEngine()
    assert not client.registry_has(deps_image), "no tag for an unfinished build"
    assert subprocess.run(["docker", "ps", "-aq"], capture_output=True, text=True).stdout == containers_before
    assert subprocess.run(["docker", "buildx", "ls"], capture_output=True, text=True).stdout == builders_before
    buildx_left = subprocess.run(["pgrep", "-f", "buildx build.*" + unique], capture_output=True, text=True).stdout
    assert buildx_left == "", "no buildx process left running"

    # The same deps image (secrets are not part of its tag), from the real index.
    copy_example_app(tmp_path, unique)
    rerun = invoke("build-deps", "--config", str(config), "--branch", "main")
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert client.registry_has(deps_image)


BUILDX_SHIMS = {
    "missing": "echo \"docker: 'buildx' is not a docker command.\" >&2; exit 1",
    "too-old": (
        'if [ "$2" = version ]; then echo "github.com/docker/buildx v0.10.4 c513d34"; exit 0; fi; exec "$REAL" "$@"'
    ),
}


@pytest.mark.parametrize(
    "state, fragment", [("missing", "buildx is missing"), ("too-old", "buildx 0.10.4 is older than 0.12")]
)
def test_buildx_missing_or_too_old_is_a_clear_engine_error(
    tmp_path: Path, unique: str, state: str, fragment: str
) -> None:
    real = shutil.which("docker")
    shim = tmp_path / "bin" / "docker"
    shim.parent.mkdir()
    # A docker client whose buildx is missing or old; every other command is real.
    shim.write_text(
        f'#!/bin/sh\nREAL={real}\nif [ "$1" = buildx ]; then {BUILDX_SHIMS[state]}; fi\nexec "$REAL" "$@"\n'
    )
    shim.chmod(0o755)
    config = copy_example_app(tmp_path, unique)
    path = f"{shim.parent}:{os.environ['PATH']}"
    line = one_line_error(invoke("build-deps", "--config", str(config), PATH=path), 4)
    assert fragment in line and "fix: " in line and "docker-buildx" in line
    doctor = invoke("doctor", PATH=path)
    assert doctor.returncode == 1 and fragment in " ".join(doctor.stderr.split())
