"""How the images run the app: configuration -> the runtime block of the dev and prod
stages (command, environment, folders, build commands, health check), as tables."""

from __future__ import annotations

import http.server
import json
import os
import re
import shlex
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from support import DOCKERFILE, EXAMPLE, sample_inputs

from warmbuild import plan, runtime
from warmbuild.errors import ConfigError
from warmbuild.options import parse_config
from warmbuild.targets import Target


def cmd_of(block: str) -> list[str]:
    """The argv the image runs, as the shell would after expanding $PORT=8000."""
    [line] = [line for line in block.splitlines() if line.startswith("CMD ")]
    argv: list[str] = json.loads(line.removeprefix("CMD "))
    if argv[:2] == ["sh", "-c"]:
        argv = shlex.split(argv[2].removeprefix("exec ").replace('"$PORT"', "8000").replace("$PORT", "8000"))
    return argv


GUNICORN = ["gunicorn", "--bind", "0.0.0.0:8000", "--worker-tmp-dir", "/dev/shm"]
GRANIAN = ["granian", "--host", "0.0.0.0", "--port", "8000"]


def lines_starting(block: str, word: str) -> list[str]:
    return [line for line in block.splitlines() if line.startswith(f"{word} ")]


@pytest.mark.parametrize(
    "settings, target, argv",
    [
        pytest.param({}, Target.PROD, ["uvicorn", "--host", "0.0.0.0", "--port", "8000", "app.main:app"], id="default"),
        pytest.param(
            {}, Target.DEV, ["uvicorn", "--host", "0.0.0.0", "--port", "8000", "--reload", "app.main:app"], id="dev"
        ),
        pytest.param(
            {"interface": "wsgi", "app": "svc.web:app", "workers": 3},
            Target.PROD,
            ["uvicorn", "--host", "0.0.0.0", "--port", "8000", "--interface", "wsgi", "--workers", "3", "svc.web:app"],
            id="uvicorn-wsgi-workers",
        ),
        pytest.param(
            {"server": "gunicorn", "interface": "wsgi", "app": "mysite.wsgi:application", "workers": 2},
            Target.PROD,
            [*GUNICORN, "--workers", "2", "mysite.wsgi:application"],
            id="django-gunicorn",
        ),
        pytest.param(
            {
                "server": "gunicorn",
                "interface": "wsgi",
                "app": "flaskr:create_app()",
                "server_args": ["--timeout", "90"],
            },
            Target.PROD,
            [*GUNICORN, "--timeout", "90", "flaskr:create_app()"],
            id="flask-factory-gunicorn",
        ),
        pytest.param(
            {"server": "gunicorn", "app": "api.main:app"},
            Target.DEV,
            [*GUNICORN, "--worker-class", "uvicorn.workers.UvicornWorker", "--reload", "api.main:app"],
            id="gunicorn-asgi-dev-reloads",
        ),
        pytest.param(
            {"server": "gunicorn", "app": "haztrak.asgi:app", "server_args": ["-k", "uvicorn_worker.UvicornWorker"]},
            Target.PROD,
            [*GUNICORN, "-k", "uvicorn_worker.UvicornWorker", "haztrak.asgi:app"],
            id="gunicorn-asgi-its-own-worker-class",
        ),
        pytest.param(
            {"app": "api.main:create_app()"},
            Target.PROD,
            ["uvicorn", "--host", "0.0.0.0", "--port", "8000", "--factory", "api.main:create_app"],
            id="uvicorn-factory",
        ),
        pytest.param(
            {"server": "granian", "interface": "wsgi", "app": "app:create_app()", "workers": 2},
            Target.PROD,
            [*GRANIAN, "--interface", "wsgi", "--factory", "--workers", "2", "app:create_app"],
            id="granian-factory",
        ),
        pytest.param(
            {"server": "hypercorn", "app": "quart_app:app"},
            Target.PROD,
            ["hypercorn", "--bind", "0.0.0.0:8000", "quart_app:app"],
            id="hypercorn",
        ),
        pytest.param(
            {"server": "daphne", "app": "site.asgi:application"},
            Target.DEV,
            ["daphne", "--bind", "0.0.0.0", "--port", "8000", "site.asgi:application"],
            id="daphne-cannot-reload",
        ),
        pytest.param(
            {"command": "python -m service --listen 0.0.0.0:$PORT"},
            Target.PROD,
            ["python", "-m", "service", "--listen", "0.0.0.0:8000"],
            id="command-with-port",
        ),
        pytest.param({"command": ["python", "serve.py"]}, Target.DEV, ["python", "serve.py"], id="command-in-dev"),
        pytest.param(
            {"command": "python serve.py", "dev_command": "python serve.py --debug"},
            Target.DEV,
            ["python", "serve.py", "--debug"],
            id="dev-command",
        ),
    ],
)
def test_the_command_each_image_runs(settings: dict[str, Any], target: Target, argv: list[str]) -> None:
    assert cmd_of(runtime.render(parse_config(settings, None), target)) == argv


def test_a_command_without_variables_is_plain_exec_form() -> None:
    block = runtime.render(parse_config({"command": "python -m service"}, None), Target.PROD)
    assert lines_starting(block, "CMD") == ['CMD ["python", "-m", "service"]']


def test_a_command_reading_port_runs_as_pid_1_through_exec() -> None:
    [line] = lines_starting(runtime.render(parse_config({}, None), Target.PROD), "CMD")
    assert json.loads(line[4:])[:2] == ["sh", "-c"] and json.loads(line[4:])[2].startswith("exec uvicorn ")


@pytest.mark.parametrize(
    "settings, target, fragment",
    [
        pytest.param({}, Target.PROD, 'ENV PORT="8000"', id="port-env"),
        pytest.param({"port": 5000}, Target.PROD, "EXPOSE 5000", id="expose"),
        pytest.param({"import_root": "src"}, Target.DEV, 'ENV PYTHONPATH="/app/src"', id="import-root"),
        pytest.param(
            {"env": {"DJANGO_SETTINGS_MODULE": "x.settings"}},
            Target.DEV,
            'ENV DJANGO_SETTINGS_MODULE="x.settings"',
            id="env",
        ),
        pytest.param(
            {"env": {"Q": 'a "b" $HOME \\n'}}, Target.PROD, 'ENV Q="a \\"b\\" \\$HOME \\\\n"', id="env-quoted"
        ),
        pytest.param(
            {"writable": ["data", "/var/lib/app"]},
            Target.PROD,
            "RUN mkdir -p /app/data /var/lib/app && chown 10001:10001 /app/data /var/lib/app\n"
            'VOLUME ["/app/data", "/var/lib/app"]',
            id="writable-volumes",
        ),
        pytest.param(
            {"writable": ["data", "/var/lib/app"]},
            Target.DEV,
            'RUN mkdir -p /var/lib/app && chown "$DEV_UID:$DEV_GID" /var/lib/app',
            id="writable-dev-outside-the-mount",
        ),
        pytest.param(
            {"build_commands": ["python manage.py collectstatic --noinput"]},
            Target.PROD,
            "RUN python manage.py collectstatic --noinput",
            id="build-command",
        ),
        pytest.param({}, Target.PROD, "USER 10001:10001", id="prod-user"),
        pytest.param({}, Target.DEV, "USER ${DEV_UID}:${DEV_GID}", id="dev-user"),
        pytest.param(
            {"health_command": "python manage.py check --deploy"},
            Target.PROD,
            'CMD ["python", "manage.py", "check", "--deploy"]',
            id="health-command",
        ),
    ],
)
def test_what_the_block_holds(settings: dict[str, Any], target: Target, fragment: str) -> None:
    assert fragment in runtime.render(parse_config(settings, None), target)


@pytest.mark.parametrize(
    "settings, absent",
    [
        pytest.param({"build_commands": ["make static"]}, "make static", id="build-commands-prod-only"),
        pytest.param({"writable": ["data"]}, "mkdir", id="inside-the-mount-nothing-to-make"),
        pytest.param({}, "HEALTHCHECK --", id="compose-asks-dev"),
    ],
)
def test_what_dev_leaves_out(settings: dict[str, Any], absent: str) -> None:
    assert absent not in runtime.render(parse_config(settings, None), Target.DEV)


class Answers(http.server.BaseHTTPRequestHandler):
    """Answers GET <path> with the status the path names (/status/301 -> 301, and a
    Location to https: Django's SECURE_SSL_REDIRECT); /gone is a 404."""

    def do_GET(self) -> None:
        status = int(self.path.rsplit("/", 1)[-1]) if self.path.startswith("/status/") else 404
        self.send_response(status)
        if status == 301:
            self.send_header("Location", f"https://127.0.0.1{self.path}")
        self.end_headers()

    def log_message(self, *args: object) -> None:  # quiet
        pass


@pytest.mark.parametrize(
    "path, healthy",
    [("/status/200", True), ("/status/301", True), ("/status/503", False), ("/gone", False)],
    ids=["ok", "a redirect is not followed (curl -f judges so)", "unavailable", "no such route"],
)
def test_the_image_health_check_asks_its_route_on_port(path: str, healthy: bool) -> None:
    [health] = [
        line
        for line in runtime.render(parse_config({"health_path": path}, None), Target.PROD).splitlines()
        if line.strip().startswith("CMD [") and "http.client" in line
    ]
    argv = json.loads(health.strip().removeprefix("CMD "))
    server = http.server.HTTPServer(("127.0.0.1", 0), Answers)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        env = {**os.environ, "PORT": str(server.server_address[1])}
        done = subprocess.run([sys.executable, *argv[1:]], env=env, capture_output=True, timeout=30)
    finally:
        server.shutdown()
        server.server_close()
    assert (done.returncode == 0) is healthy, done.stderr


def test_dev_health_check_is_what_compose_runs_in_a_shell() -> None:
    block = runtime.render(parse_config({"health_path": "/ping"}, None), Target.DEV)
    [line] = [line for line in block.splitlines() if line.startswith("ENV WARMBUILD_HEALTHCHECK=")]
    value = line.removeprefix("ENV WARMBUILD_HEALTHCHECK=")[1:-1].replace('\\"', '"').replace("\\$", "$")
    assert shlex.split(value)[:2] == ["python", "-c"] and '"/ping"' in value


def test_an_app_factory_a_server_cannot_call_is_a_config_error() -> None:
    with pytest.raises(ConfigError) as error:
        runtime.render(parse_config({"server": "daphne", "app": "site.asgi:make()"}, None), Target.PROD)
    assert "daphne cannot call an app factory" in error.value.problem


@pytest.mark.parametrize(
    "settings, fragment",
    [
        pytest.param({"app": "src.pkg.main:app"}, None, id="dotted-module-is-allowed"),
        pytest.param({"app": "pkg.main"}, "app: 'pkg.main' is not module:attribute", id="no-attribute"),
        pytest.param({"env": {"1X": "y"}}, "'1X' is not a variable name", id="env-name"),
        pytest.param({"env": {"X": ["a"]}}, "X: must be a plain value", id="env-nested"),
        pytest.param({"writable": ["../up"]}, "'../up' leaves the app's folder", id="writable-outside"),
        pytest.param(
            {"command": "gunicorn 'app:create_app("}, "cannot be split as a shell would", id="unbalanced-quote"
        ),
        pytest.param({"health_path": "health"}, "health_path: 'health' is not a URL path", id="health-path-slash"),
        pytest.param({"server": "waitress"}, "server: 'waitress' is not one of uvicorn, gunicorn", id="unknown-server"),
    ],
)
def test_runtime_keys_are_checked(settings: dict[str, Any], fragment: str | None) -> None:
    if fragment is None:
        parse_config(settings, None)
        return
    with pytest.raises(ConfigError) as error:
        parse_config(settings, None)
    assert fragment in error.value.one_line()


def test_the_packaged_dockerfile_holds_the_default_configurations_blocks() -> None:
    text = DOCKERFILE.read_text()
    assert runtime.has_blocks(text)
    assert runtime.apply(text, parse_config({}, None)) == text


def test_an_apps_dockerfile_is_rendered_and_staged_by_content() -> None:
    config = EXAMPLE.model_copy(update={"workers": 2, "writable": ("data",)})
    prod = plan.plan_build(sample_inputs(config), "prod")
    files = dict(prod.definition_files)
    assert prod.dockerfile.name == "Dockerfile" and re.fullmatch(
        r"dockerfile-[0-9a-f]{16}", prod.dockerfile.parent.name
    )
    assert "--workers 2" in files["Dockerfile"] and 'VOLUME ["/app/data"]' in files["Dockerfile"]
    assert files["Dockerfile.dockerignore"] == sample_inputs().dockerignore_text
    other = plan.plan_build(sample_inputs(config.model_copy(update={"workers": 3})), "prod")
    assert other.dockerfile != prod.dockerfile, "another runtime, another folder"
    deps = plan.plan_build(sample_inputs(config.model_copy(update={"workers": 3})), "deps")
    assert deps.image == plan.plan_build(sample_inputs(config), "deps").image, "the runtime never moves the deps image"


def test_a_dockerfile_without_runtime_blocks_gets_build_args_and_refuses_runtime_keys(tmp_path: Path) -> None:
    own = tmp_path / "Dockerfile"
    own.write_text(re.sub(r"# --- runtime of \w+:.*?# --- end of runtime\n", "", DOCKERFILE.read_text(), flags=re.S))
    inputs = sample_inputs(dockerfile_path=own, dockerfile_text=own.read_text())
    prod = plan.plan_build(inputs, "prod")
    assert prod.dockerfile == own and "APP=app.main:app" in prod.argv and "HEALTH_PATH=/health" in prod.argv
    with pytest.raises(ConfigError) as error:
        plan.plan_build(
            sample_inputs(
                EXAMPLE.model_copy(update={"workers": 2}), dockerfile_path=own, dockerfile_text=own.read_text()
            ),
            "prod",
        )
    assert "workers" in error.value.problem and "has no runtime blocks" in error.value.problem


def test_hadolint_accepts_a_rendered_dockerfile(tmp_path: Path) -> None:
    settings = {
        "server": "gunicorn",
        "interface": "wsgi",
        "app": "mysite.wsgi:application",
        "env": {"DJANGO_SETTINGS_MODULE": "mysite.settings"},
        "writable": ["media"],
        "build_commands": ["python manage.py collectstatic --noinput"],
        "import_root": "src",
    }
    rendered = tmp_path / "Dockerfile"
    rendered.write_text(runtime.apply(DOCKERFILE.read_text(), parse_config(settings, None)))
    hadolint = Path(sys.executable).parent / "hadolint"
    result = subprocess.run([str(hadolint), "--no-color", str(rendered)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
