"""`invoke doctor` as a user runs it: green here, clear failures when broken."""

from __future__ import annotations

import subprocess

from support_cli import invoke


def doctor(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return invoke("doctor", *args, timeout=120, **env)


def test_provisioned_machine_is_all_green(registry: str) -> None:
    result = doctor("--registry", registry)
    assert result.returncode == 0, result.stdout + result.stderr
    for check in ("engine", "buildx", "builder", "cache export", "cache import", "registry", "base python:3.13-slim",
                  "compose"):  # fmt: skip
        assert check in result.stdout
    assert "problem" not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_bad_docker_host_is_a_clear_failure() -> None:
    result = doctor(DOCKER_HOST="unix:///nonexistent/docker.sock")
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("problem: engine: cannot reach Docker Engine at unix:///nonexistent/docker.sock: ")
    assert line.endswith("; fix: start dockerd (README, Setting up an engine) or point DOCKER_HOST at a running engine")
    assert "Traceback" not in result.stderr


def test_unreachable_registry_is_a_clear_failure() -> None:
    result = doctor("--registry", "127.0.0.1:1")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "problem: registry: registry 127.0.0.1:1 does not answer: [Errno 111] Connection refused; "
        "fix: start it (README, Setting up an engine) or set `registry:` in the config / --registry"
    ]
