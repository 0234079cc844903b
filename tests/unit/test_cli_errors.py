"""User errors end in one line naming the problem and the fix, a documented exit
code, and no traceback. These fail before the engine is needed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from support import DATA, copy_example_app
from support_cli import invoke, one_line_error


def assert_one_line_error(result: subprocess.CompletedProcess[str], code: int, *fragments: str) -> None:
    line = one_line_error(result, code)
    assert line.startswith("error: ") and "; fix: " in line
    for fragment in fragments:
        assert fragment in line


@pytest.mark.parametrize(
    "config_text, fragments",
    [
        pytest.param("registy: x\n", ["unknown key 'registy'"], id="unknown-key"),
        pytest.param("port: eighty\n", ["port: must be a port number"], id="wrong-type"),
        pytest.param("heavy: [numpy\n", ["invalid YAML at line"], id="invalid-yaml"),
        pytest.param("context: nowhere\n", ["context: directory", "nowhere not found"], id="context-missing"),
        pytest.param("dockerfile: docker/nope.Dockerfile\n", ["dockerfile:", "not found"], id="dockerfile-missing"),
    ],
)
def test_configuration_errors_exit_2(tmp_path: Path, config_text: str, fragments: list[str]) -> None:
    copy_example_app(tmp_path, "cli-errors")
    config = tmp_path / "warmbuild.yaml"
    config.write_text(config.read_text() + config_text if "context" not in config_text else config_text)
    result = invoke("build-prod", "--config", str(config))
    assert_one_line_error(result, 2, str(config), *fragments)


def test_missing_config_file_exits_2(tmp_path: Path) -> None:
    result = invoke("plan", "--config", str(tmp_path / "absent.yaml"))
    assert_one_line_error(result, 2, "absent.yaml: configuration file not found")


def test_unknown_target_exits_2() -> None:
    assert_one_line_error(invoke("plan", "--target", "staging"), 2, "unknown target 'staging'")


def test_bad_flag_value_exits_2() -> None:
    assert_one_line_error(invoke("build-deps", "--installer", "conda"), 2, "installer: 'conda' is not one of")


def test_stale_lock_exits_3_before_any_build(tmp_path: Path) -> None:
    config = copy_example_app(tmp_path, "cli-stale")
    pyproject = tmp_path / "backend" / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace('"numpy (>=2.1,<3)",', '"numpy (>=2.1,<3)",\n    "six",'))
    result = invoke("build-prod", "--config", str(config))
    assert_one_line_error(result, 3, "poetry.lock is out of date with pyproject.toml", "run `poetry lock`")


def test_heavy_package_not_in_lock_exits_3(tmp_path: Path) -> None:
    config = copy_example_app(tmp_path, "cli-heavy", heavy=["numpy", "torch"])
    result = invoke("build-deps", "--config", str(config))
    assert_one_line_error(result, 3, "heavy package 'torch' is not in backend/poetry.lock")


def test_no_lock_exits_3(tmp_path: Path) -> None:
    shutil.copytree(DATA / "other-app", tmp_path / "app", ignore=shutil.ignore_patterns("requirements.txt"))
    (tmp_path / "warmbuild.yaml").write_text("context: app\n")
    result = invoke("build-deps", "--config", str(tmp_path / "warmbuild.yaml"))
    assert_one_line_error(result, 3, "no lock file in", "looked for poetry.lock, uv.lock, requirements.txt")


def test_engine_down_exits_4(tmp_path: Path) -> None:
    config = copy_example_app(tmp_path, "cli-engine")
    result = invoke("build-deps", "--config", str(config))  # DOCKER_HOST points nowhere in unit tests
    assert_one_line_error(result, 4, "cannot reach Docker Engine")


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    config = copy_example_app(tmp_path, "cli-debug", heavy=["torch"])
    result = invoke("build-deps", "--config", str(config), "--debug")
    assert result.returncode == 3
    assert "Traceback" in result.stderr and "LockError" in result.stderr


# --- the gate: every docker failure kind, through a stand-in docker client ---------------------

FAKE_DOCKER = DATA / "fake-docker"
ENGINE_DOWN = "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n"


# What the stand-in docker does: [words its command line holds, stdout, stderr, exit status].
Rule = list[str | int]


def run_with_fake_docker(
    tmp_path: Path, rules: list[Rule], *args: str
) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """A task with the stand-in docker first on PATH; (result, the docker commands it ran)."""
    config = copy_example_app(tmp_path, "cli-gate")
    log = tmp_path / "docker.log"
    result = invoke(
        *args,
        "--config",
        str(config),
        PATH=f"{FAKE_DOCKER}:{os.environ['PATH']}",
        FAKE_DOCKER_RULES=json.dumps(rules),
        FAKE_DOCKER_LOG=str(log),
    )
    return result, log.read_text().splitlines() if log.exists() else []


@pytest.mark.parametrize(
    "rules, args, code, fragments",
    [
        pytest.param(
            [["compose", "", ENGINE_DOWN, 1]],
            ["dev-down"],
            4,
            ["Docker Engine unreachable", "Is the docker daemon running?", "start the engine"],
            id="engine-down",
        ),
        pytest.param(
            [["compose", "", "Error response from daemon: mkdir /var/lib/docker/x: no space left on device\n", 1]],
            ["dev-down"],
            6,
            ["out of disk space during `docker compose down`", "invoke gc --apply"],
            id="disk-full",
        ),
        pytest.param(
            [["compose", "", "network wb_default: resource is still in use\n", 1]],
            ["dev-down"],
            1,
            ["`docker compose down` failed (exit 1): network wb_default: resource is still in use", "--debug"],
            id="plain-failure",
        ),
        pytest.param(
            [["ps --status running", "", "", 0]],
            ["dev-shell", "--command", "python -V"],
            1,
            ["the dev stack's backend service is not running", "invoke dev-up"],
            id="service-not-running",
        ),
        pytest.param(
            [["compose", "", "docker: 'compose' is not a docker command.\n", 1]],
            ["dev-down"],
            4,
            ["the docker client has no compose plugin", "install docker-compose"],
            id="plugin-missing",
        ),
    ],
)
def test_docker_failures_become_one_line_and_their_exit_code(
    tmp_path: Path, rules: list[Rule], args: list[str], code: int, fragments: list[str]
) -> None:
    result, commands = run_with_fake_docker(tmp_path, rules, *args)
    assert commands, "the task never reached the docker client"
    assert_one_line_error(result, code, *fragments)


def test_dev_shell_exits_with_the_commands_status(tmp_path: Path) -> None:
    rules: list[Rule] = [["ps --status running", "backend\n", "", 0], ["exec", "", "", 3]]
    result, commands = run_with_fake_docker(tmp_path, rules, "dev-shell", "--command", "false")
    assert result.returncode == 3, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "error:" not in result.stderr
    assert any(c.endswith("exec --no-TTY backend false") for c in commands), commands


def test_no_docker_client_exits_4(tmp_path: Path) -> None:
    config = copy_example_app(tmp_path, "cli-no-client")
    result = invoke("dev-down", "--config", str(config), PATH=str(tmp_path / "empty"))
    assert_one_line_error(result, 4, "the docker client (docker) is not installed")


def test_a_json_report_that_cannot_be_written_exits_2(tmp_path: Path) -> None:
    """--json is written inside the error handling (its folder is made if missing)."""
    from invoke.exceptions import Exit

    from warmbuild import commands

    (tmp_path / "a-file").write_text("")
    target = tmp_path / "a-file" / "x.json"
    with pytest.raises(Exit) as ended:
        commands._finish({"json": str(target), "debug": False}, [], 0.0)
    assert ended.value.code == 2
    message = str(ended.value.message)
    assert message.startswith(f"error: cannot write {target}: ") and "; fix: " in message
    commands._finish({"json": str(tmp_path / "made" / "x.json"), "debug": False}, [], 0.0)
    assert json.loads((tmp_path / "made" / "x.json").read_text())["builds"] == []
