"""What `init` reads of how a service runs from its own files (detect_runtime), as
tables: real services' Dockerfiles and entrypoints, then one row per parsing rule."""

from __future__ import annotations

from typing import Any

import pytest

from warmbuild.detect_runtime import (
    Installs,
    detect_build_commands,
    detect_runtime,
    parse_dockerfile,
    read_server_command,
)

# CTFd/CTFd (Apache-2.0): `Dockerfile` at 06e74bfed3a426a14e37a621fc4e81215e79157f and
# `docker-entrypoint.sh` at 0469d6c0036751e512901433d10c2c84ecb4203b, as stored, whole.
CTFD_DOCKERFILE = """\
FROM python:3.7-slim-buster AS cache

COPY . /opt/CTFd
RUN find /opt/CTFd -not -name "requirements.txt" -type f -delete

FROM python:3.7-slim-buster
WORKDIR /opt/CTFd
RUN mkdir -p /opt/CTFd /var/log/CTFd /var/uploads

# hadolint ignore=DL3008
RUN apt-get update \\
    && apt-get install -y --no-install-recommends \\
        default-mysql-client \\
    && apt-get clean \\
    && rm -rf /var/lib/apt/lists/*

COPY --from=cache /opt/CTFd /opt/CTFd

RUN pip install -r requirements.txt --no-cache-dir

# hadolint ignore=SC2086
RUN for d in CTFd/plugins/*; do \\
        if [ -f "$d/requirements.txt" ]; then \\
            pip install -r $d/requirements.txt --no-cache-dir; \\
        fi; \\
    done;

COPY . /opt/CTFd

RUN adduser \\
    --disabled-login \\
    -u 1001 \\
    --gecos "" \\
    --shell /bin/bash \\
    ctfd
RUN chmod +x /opt/CTFd/docker-entrypoint.sh \\
    && chown -R 1001:1001 /opt/CTFd /var/log/CTFd /var/uploads

USER 1001
EXPOSE 8000
ENTRYPOINT ["/opt/CTFd/docker-entrypoint.sh"]
"""
CTFD_ENTRYPOINT = """\
#!/bin/bash
set -euo pipefail

WORKERS=${WORKERS:-1}
WORKER_CLASS=${WORKER_CLASS:-gevent}
ACCESS_LOG=${ACCESS_LOG:--}
ERROR_LOG=${ERROR_LOG:--}
WORKER_TEMP_DIR=${WORKER_TEMP_DIR:-/dev/shm}
SECRET_KEY=${SECRET_KEY:-}
SKIP_DB_PING=${SKIP_DB_PING:-false}
DEBUG=${DEBUG:-false}

# Check that a .ctfd_secret_key file or SECRET_KEY envvar is set
if [ ! -f .ctfd_secret_key ] && [ -z "$SECRET_KEY" ]; then
    if [ $WORKERS -gt 1 ]; then
        echo "[ ERROR ] You are configured to use more than 1 worker."
        echo "[ ERROR ] To do this, you must define the SECRET_KEY environment variable or create a .ctfd_secret_key file."
        echo "[ ERROR ] Exiting..."
        exit 1
    fi
fi

# Skip db ping if SKIP_DB_PING is set to a value other than false or empty string
if [[ "$SKIP_DB_PING" == "false" ]]; then
  # Ensures that the database is available
  python ping.py
fi

# Initialize database
flask db upgrade

# Start CTFd
echo "Starting CTFd"
if [ "$DEBUG" = "true" ]; then
    echo "Debug mode enabled"
    exec gunicorn 'CTFd:create_app()' \\
        --bind '0.0.0.0:8000' \\
        --workers $WORKERS \\
        --worker-tmp-dir "$WORKER_TEMP_DIR" \\
        --worker-class "$WORKER_CLASS" \\
        --access-logfile "$ACCESS_LOG" \\
        --error-logfile "$ERROR_LOG" \\
        --reload
else
    exec gunicorn 'CTFd:create_app()' \\
        --bind '0.0.0.0:8000' \\
        --workers $WORKERS \\
        --worker-tmp-dir "$WORKER_TEMP_DIR" \\
        --worker-class "$WORKER_CLASS" \\
        --access-logfile "$ACCESS_LOG" \\
        --error-logfile "$ERROR_LOG"
fi
"""  # noqa: E501
# fastapi/full-stack-fastapi-template (MIT): `backend/Dockerfile` at
# 036af5b61b1337847417b8c6628299f7862d71f7, its instructions (comments left out).
FULL_STACK_FASTAPI = """\
FROM python:3.10
WORKDIR /app/
COPY --from=ghcr.io/astral-sh/uv:0.4.15 /uv /bin/uv
ENV PATH="/app/.venv/bin:$PATH"
ENV UV_COMPILE_BYTECODE=1
ENV UV_LINK_MODE=copy
COPY ./scripts/ /app/
RUN --mount=type=cache,target=/root/.cache/uv \\
    --mount=type=bind,source=uv.lock,target=uv.lock \\
    --mount=type=bind,source=pyproject.toml,target=pyproject.toml \\
    uv sync --frozen --no-install-project
ENV PYTHONUNBUFFERED=1
ENV PYTHONPATH=/app
COPY ./scripts /app/scripts
COPY ./pyproject.toml ./uv.lock ./alembic.ini /app/
COPY ./app /app/app
RUN --mount=type=cache,target=/root/.cache/uv \\
    uv sync
CMD ["fastapi", "run", "--workers", "4", "app/main.py"]
"""


PY312 = "python:3.12-slim"


def values(files: dict[str, str], folder: str = ".") -> dict[str, Any]:
    return {key: finding.value for key, finding in detect_runtime(files, folder).items()}


def test_ctfd_runs_gunicorn_on_its_factory_through_its_entrypoint() -> None:
    found = detect_runtime({"Dockerfile": CTFD_DOCKERFILE, "docker-entrypoint.sh": CTFD_ENTRYPOINT}, ".")
    assert {key: finding.value for key, finding in found.items()} == {
        "python_image": "python:3.7-slim",
        "apt_packages": ["default-mysql-client"],
        "writable": ["/var/log/CTFd", "/var/uploads"],  # its `mkdir -p`, but its WORKDIR
        "installs": Installs("requirements"),
        "port": 8000,
        "server": "gunicorn",
        "app": "CTFd:create_app()",
        "interface": "wsgi",
        "workers": 1,  # the entrypoint's default for $WORKERS
        "server_args": [
            "--worker-class", "gevent", "--worker-tmp-dir", "/dev/shm", "--access-logfile", "-", "--error-logfile", "-",
        ],
    }  # fmt: skip
    assert found["app"].reason.startswith('Dockerfile:41 ENTRYPOINT ["/opt/CTFd/docker-entrypoint.sh"]')
    assert "docker-entrypoint.sh; what it runs before is not run" in found["app"].reason
    assert found["port"].reason.startswith("Dockerfile:40 EXPOSE 8000")


def test_the_fastapi_template_runs_its_own_cli_as_it_is() -> None:
    found = detect_runtime({"backend/Dockerfile": FULL_STACK_FASTAPI}, "backend")
    assert {key: finding.value for key, finding in found.items()} == {
        "python_image": "python:3.10-slim",
        "installs": Installs("uv"),
        "command": ["fastapi", "run", "--workers", "4", "app/main.py"],
    }, "PATH, UV_*, PYTHONUNBUFFERED and PYTHONPATH are the image's own business"
    assert not found["command"].sure


def test_continuations_and_comments_make_whole_instructions_with_their_first_line() -> None:
    stages = parse_dockerfile(CTFD_DOCKERFILE)
    assert [stage[0].args for stage in stages] == ["python:3.7-slim-buster AS cache", "python:3.7-slim-buster"]
    install = next(i for i in stages[1] if "apt-get" in i.args)
    assert install.line == 11 and "default-mysql-client" in install.args and "#" not in install.args


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (
            ["sh", "-c", "python manage.py migrate && exec gunicorn proj.wsgi:application -b 0.0.0.0:$PORT -w 3"],
            {"server": "gunicorn", "app": "proj.wsgi:application", "interface": "wsgi", "workers": 3, "port": None},
        ),
        (
            ["uvicorn", "--factory", "pkg.main:create_app", "--app-dir", "src", "--port", "9000", "--proxy-headers"],
            {"server": "uvicorn", "app": "pkg.main:create_app()", "import_root": "src", "port": 9000,
             "server_args": ("--proxy-headers",), "interface": ""},
        ),
        (
            ["gunicorn", "-k", "uvicorn.workers.UvicornWorker", "--timeout", "120", "app.main:app"],
            {"server": "gunicorn", "interface": "asgi", "server_args": ("--timeout", "120")},
        ),
        (  # haztrak: uvicorn's worker from its own package (uvicorn-worker)
            ["gunicorn", "--bind", "0.0.0:8000", "-k", "uvicorn_worker.UvicornWorker", "haztrak.asgi:app"],
            {"server": "gunicorn", "interface": "asgi", "app": "haztrak.asgi:app", "port": 8000,
             "server_args": ("--worker-class", "uvicorn_worker.UvicornWorker")},
        ),
        (
            ["granian", "--interface", "wsgi", "--host", "0.0.0.0", "--port", "8000", "app:create_app()"],
            {"server": "granian", "interface": "wsgi", "port": 8000, "app": "app:create_app()"},
        ),
        (["python", "-m", "uvicorn", "app.main:app", "--host", "::"], {"server": "uvicorn", "app": "app.main:app"}),
        (["uv", "run", "--frozen", "--with", "h2", "hypercorn", "app:app", "-b", "0.0.0.0:8080"], {"port": 8080}),
        (["daphne", "-b", "0.0.0.0", "-p", "8001", "proj.asgi:application"], {"interface": "asgi", "port": 8001}),
        (["python", "-m", "service"], None),
        (["gunicorn", "--config", "gunicorn.conf.py"], None),  # the app is in the config file: not read
    ],
    ids=["sh -c chain", "uvicorn factory src", "gunicorn asgi worker", "uvicorn-worker's worker", "granian",
         "python -m", "uv run", "daphne", "not a server", "no app on the line"],
)  # fmt: skip
def test_server_command_lines(command: list[str], expected: dict[str, Any] | None) -> None:
    found = read_server_command(command)
    if expected is None:
        assert found is None
    else:
        assert found is not None and {key: getattr(found, key) for key in expected} == expected


@pytest.mark.parametrize(
    ("dockerfile", "expected"),
    [
        (
            'FROM python:3.12-slim\nENV DJANGO_SETTINGS_MODULE=proj.settings DATA_DIR="/app/data"\n'
            "ENV LEGACY_FORM some value\nENV SECRET_KEY=abc DATABASE_PASSWORD=x API_TOKEN=y\n"
            "ENV HOME=/home/app PATH=/x:$PATH\nENV FROM_ELSEWHERE=$OTHER\n",
            {"python_image": "python:3.12-slim",
             "env": {"DJANGO_SETTINGS_MODULE": "proj.settings", "DATA_DIR": "/app/data", "LEGACY_FORM": "some value"}},
        ),
        (
            "FROM python:3.12 AS build\nRUN apt-get update && apt-get install -y --no-install-recommends "
            "build-essential libpq-dev\nFROM python:3.12-slim\nRUN apt-get update && apt-get install -y libpq5 "
            "&& rm -rf /var/lib/apt/lists/*\n",
            {"python_image": "python:3.12-slim", "build_apt_packages": ["build-essential", "libpq-dev"],
             "apt_packages": ["libpq5"]},
        ),
        (
            'FROM python:3.12-slim\nVOLUME ["/app/data"]\n'
            "HEALTHCHECK --interval=30s CMD curl -f http://localhost:8000/api/health/ || exit 1\n",
            {"python_image": "python:3.12-slim", "writable": ["/app/data"], "health_path": "/api/health/"},
        ),
        (
            "FROM python:3.12-slim\nHEALTHCHECK CMD python -c \"import urllib.request; "
            "urllib.request.urlopen('http://127.0.0.1:8000/healthz')\"\n",
            {"python_image": "python:3.12-slim", "health_path": "/healthz"},
        ),
        (
            "FROM python:3.12-slim\nHEALTHCHECK CMD [\"python\", \"manage.py\", \"check\"]\n",
            {"python_image": "python:3.12-slim", "health_command": ["python", "manage.py", "check"]},
        ),
        ("FROM python:3.12-slim\nHEALTHCHECK NONE\nEXPOSE 8080/tcp\n", {"python_image": PY312, "port": 8080}),
        ("FROM python:3.12-slim\nCMD ./start.sh\n", {"python_image": PY312, "command": ["sh", "-c", "./start.sh"]}),
        (
            "FROM docker.io/library/python:3.11.9-slim-bookworm AS base\nFROM base AS deps\nFROM node:20 AS assets\n"
            "FROM deps\nEXPOSE 8000\n",
            {"python_image": "python:3.11-slim", "port": 8000},
        ),
        ("FROM ubuntu:24.04\nEXPOSE 8000\n", {"port": 8000}),
        (
            "FROM python:3.12-slim\nENV DATABASE_URL=mysql+pymysql://ctfd:ctfd@db/ctfd REDIS_URL=redis://cache:6379\n",
            {"python_image": "python:3.12-slim", "env": {"REDIS_URL": "redis://cache:6379"}},
        ),
        (  # Argus' one-stage Dockerfile: it compiles and runs in the same stage
            "FROM python:3.12\nENV DEBIAN_FRONTEND=noninteractive\nRUN apt-get update && apt-get install -y "
            "--no-install-recommends tini \\\n    build-essential libpq-dev libffi-dev libssl-dev\n"
            "ENV PYTHONPATH=/argus/src\n",
            {"python_image": "python:3.12-slim", "apt_packages": ["tini"], "import_root": "src",
             "build_apt_packages": ["build-essential", "libpq-dev", "libffi-dev", "libssl-dev"]},
        ),
        (
            "FROM python:3.12 AS build\nRUN apt-get install -y gcc\nFROM python:3.12-slim\n"
            "RUN apt-get install -y libpq5 libpq-dev\nENV PYTHONPATH=/app/lib\n",
            {"python_image": PY312, "apt_packages": ["libpq5"], "build_apt_packages": ["gcc", "libpq-dev"]},
        ),
        (
            'FROM python:3.12-slim\nENTRYPOINT ["/usr/bin/tini", "-v", "--"]\nCMD ["daphne", "-b", "0.0.0.0", '
            '"-p", "8000", "proj.asgi:application"]\n',
            {"python_image": PY312, "server": "daphne", "app": "proj.asgi:application", "interface": "asgi",
             "port": 8000},
        ),
        (
            'FROM python:3.12-slim\nENTRYPOINT ["dumb-init", "gunicorn", "proj.wsgi"]\n',
            {"python_image": PY312, "server": "gunicorn", "app": "proj.wsgi:application", "interface": "wsgi"},
        ),
    ],
    ids=["env forms and secrets", "apt per stage", "volume and curl health", "urllib health", "health command",
         "health none, expose", "shell form", "python through stage names", "not the python image",
         "a URL with a password", "compilers in a one-stage dockerfile", "compilers beside build stages",
         "under tini", "under dumb-init"],
)  # fmt: skip
def test_dockerfile_rules(dockerfile: str, expected: dict[str, Any]) -> None:
    assert values({"Dockerfile": dockerfile, "src/argus/__init__.py": ""}) == expected


def test_a_pythonpath_named_src_is_no_import_root_without_a_src_folder() -> None:
    # conveyor: `COPY . /opt/conveyor/src/` and `ENV PYTHONPATH /opt/conveyor/src/`.
    dockerfile = "FROM python:3.12-slim\nENV PYTHONPATH /opt/conveyor/src/\nCOPY . /opt/conveyor/src/\n"
    assert values({"Dockerfile": dockerfile, "conveyor/app.py": ""}) == {"python_image": PY312}


COMPOSE = """\
services:
  db:
    image: postgres:17
    volumes: ["pgdata:/var/lib/postgresql/data"]
  api:
    build: ./backend
    command: ["gunicorn", "app.main:app", "-k", "uvicorn.workers.UvicornWorker", "-w", "2"]
    environment:
      - APP_ENV=production
      - SECRET_KEY=${SECRET_KEY}
      - DATABASE_URL
    ports: ["8001:8000"]
    volumes: ["./backend:/app", "uploads:/app/uploads"]
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost:8000/api/health"]
volumes: {pgdata: {}, uploads: {}}
"""


# full-stack-fastapi-template's shape: a one-shot `prestart` built from the same folder
# comes before the server.
ONE_SHOT_FIRST = """\
services:
  prestart:
    build: {context: ./backend}
    command: bash scripts/prestart.sh
  backend:
    build: {context: ./backend}
    restart: always
    ports: ["8000:8000"]
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost:8000/api/v1/utils/health-check/"]
"""
# fastapi-boilerplate's shape: the code and its .env bind-mounted for reloads.
MOUNTS = """\
services:
  web:
    build: .
    volumes:
      - ./src/app:/code/app
      - ./src/.env:/code/.env
      - ./uploads:/code/uploads
      - media:/code/media
      - /var/run/docker.sock:/var/run/docker.sock
"""


ARGUS_COMPOSE = """\
services:
  api:
    build: .
    ports: ["8000:8000"]
    environment:
      - TIME_ZONE=Europe/Oslo
      - DJANGO_SETTINGS_MODULE=argus.site.settings.dockerdev
      - DATABASE_URL=postgresql://argus:HahF9araeKoo@postgres/argus
      - ARGUS_REDIS_SERVER=redis
    volumes:
      - ${PWD}:/argus
"""


@pytest.mark.parametrize(
    ("files", "folder", "expected"),
    [
        (
            {"compose.yaml": COMPOSE},
            "backend",
            {"server": "gunicorn", "app": "app.main:app", "interface": "asgi", "workers": 2,
             "env": {"APP_ENV": "production"}, "port": 8000, "writable": ["/app/uploads"],
             "health_path": "/api/health"},
        ),
        ({"compose.yaml": COMPOSE}, ".", {}),  # no service is built from the repository's root
        ({"Procfile": "release: python manage.py migrate\nweb: gunicorn 'app:create_app()' --workers 2\n"}, ".",
         {"server": "gunicorn", "app": "app:create_app()", "interface": "wsgi", "workers": 2}),
        (
            {"Dockerfile": 'FROM python:3.12-slim\nCMD ["uvicorn", "app.main:app"]\n',
             "Procfile": "web: gunicorn other:app\n"},
            ".",
            {"python_image": "python:3.12-slim", "server": "uvicorn", "app": "app.main:app"},
        ),
        ({"compose.yaml": "services: [not, a, mapping"}, ".", {}),
        ({"compose.yaml": ONE_SHOT_FIRST}, "backend", {"port": 8000, "health_path": "/api/v1/utils/health-check/"}),
        (
            {"compose.yaml": MOUNTS, "src/app/main.py": ""},
            ".",
            {"writable": ["/code/uploads", "/code/media"]},
        ),
        (  # Argus: the Dockerfile's environment, then the compose file's; the code mounted at ${PWD}
            {"Dockerfile": "FROM python:3.12\nENV TIME_ZONE=UTC\n", "docker-compose.yml": ARGUS_COMPOSE},
            ".",
            {"python_image": PY312, "port": 8000,
             "env": {"TIME_ZONE": "UTC", "DJANGO_SETTINGS_MODULE": "argus.site.settings.dockerdev",
                     "ARGUS_REDIS_SERVER": "redis"}},
        ),
    ],
    ids=["compose service of the app", "no service of this folder", "procfile", "dockerfile before procfile",
         "compose that does not parse", "the serving service, not the one-shot before it",
         "code and settings mounts are no data", "environment of both, the first value kept"],
)  # fmt: skip
def test_compose_and_procfile(files: dict[str, str], folder: str, expected: dict[str, Any]) -> None:
    assert values(files, folder) == expected


@pytest.mark.parametrize(
    ("run", "expected"),
    [
        ("uv sync --locked --no-dev \\\n --link-mode=copy --extra postgresql --extra=redis --no-editable",
         Installs("uv", extras=("postgresql", "redis"))),
        ("uv sync --all-extras", Installs("uv", all_extras=True)),
        ("poetry install --no-root --with docs -E ml,cv", Installs("poetry", extras=("ml", "cv"), groups=("docs",))),
        ("pip install --no-cache-dir -r requirements.txt && pip check", Installs("requirements")),
        ("apt-get install -y libpq5", None),
    ],
    ids=["uv sync extras (Kinto)", "all extras (lnbits)", "poetry groups and extras", "pip -r", "not an install"],
)  # fmt: skip
def test_how_the_dockerfile_installs(run: str, expected: Installs | None) -> None:
    found = values({"Dockerfile": f"FROM python:3.12-slim\nRUN {run}\n"}).get("installs")
    assert found == expected


@pytest.mark.parametrize(
    ("dockerfile", "expected"),
    [
        # lnbits' shape: `mkdir data` in the builder's /app, the code in the final stage's /app.
        ("FROM python:3.12 AS builder\nWORKDIR /app\nRUN mkdir data\nFROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n",
         ["data"]),
        ("FROM python:3.12-slim\nWORKDIR /srv\nRUN mkdir -p /srv /var/uploads /opt/venv/x /tmp/y $HOME/z\n",
         ["/var/uploads"]),
    ],
    ids=["relative to the code", "not the workdir, the venv, /tmp or a variable"],
)  # fmt: skip
def test_folders_the_image_makes_are_writable(dockerfile: str, expected: list[str]) -> None:
    assert values({"Dockerfile": dockerfile})["writable"] == expected


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ('CMD ["sh", "-c", "uv run lnbits --port $LNBITS_PORT"]', ["sh", "-c", "lnbits --port $LNBITS_PORT"]),
        ('CMD ["uv", "run", "--frozen", "python", "-m", "svc"]', ["python", "-m", "svc"]),
        ('CMD ["poetry", "run", "svc-cli", "serve"]', ["svc-cli", "serve"]),
    ],
    ids=["uv run in a shell line", "uv run with an option", "poetry run"],
)  # fmt: skip
def test_a_command_run_through_the_package_manager_runs_without_it(command: str, expected: list[str]) -> None:
    assert values({"Dockerfile": f"FROM node:20\n{command}\n"})["command"] == expected


@pytest.mark.parametrize(
    ("runs", "scripts", "expected"),
    [
        ("RUN mkdir -p /etc/kinto && chown -R app:app /etc/kinto\nRUN kinto init --ini /etc/kinto/kinto.ini\n",
         ["kinto"], ["kinto init --ini /etc/kinto/kinto.ini"]),
        ("RUN python manage.py collectstatic --noinput \\\n    && python manage.py compilemessages\n", [],
         ["python manage.py collectstatic --noinput", "python manage.py compilemessages"]),
        ("RUN pip install gunicorn\nRUN --mount=type=cache,target=/c flask assets build\n", [], None),
    ],
    ids=["the project's own script (Kinto)", "django's manage.py", "installs and mounted steps are not"],
)  # fmt: skip
def test_build_commands_from_the_final_stage(runs: str, scripts: list[str], expected: list[str] | None) -> None:
    found = detect_build_commands({"Dockerfile": f"FROM python:3.12 AS b\nRUN flask x\nFROM python:3.12-slim\n{runs}"},
                                  ".", scripts)  # fmt: skip
    assert (found.value if found else None) == expected


def test_an_entrypoint_copied_under_another_name_with_cmd_as_its_arguments() -> None:
    """ephios' shape (MIT, ephios-dev/ephios at 40d8f1b7: Dockerfile, deployment/docker):
    the script is copied to /usr/local/bin/ephios, ENTRYPOINT ["ephios"] + CMD ["run"];
    gunicorn names a module (its `application`). Its real script execs supervisord."""
    files = {
        "Dockerfile": "FROM python:3.11-bookworm\nCOPY deployment/docker/entrypoint.sh /usr/local/bin/ephios\n"
        'ENTRYPOINT ["ephios"]\nCMD ["run"]\n',
        "deployment/docker/entrypoint.sh": '#!/bin/bash\nif [ "$1" == "run" ]; then\n  python manage.py migrate\n'
        "  exec gunicorn ephios.wsgi --bind 0.0.0.0:80 --workers 5\nfi\n",
    }
    found = detect_runtime(files, ".")
    assert {k: found[k].value for k in ("server", "app", "port", "workers")} == {
        "server": "gunicorn", "app": "ephios.wsgi:application", "port": 80, "workers": 5,
    }  # fmt: skip
    assert "deployment/docker/entrypoint.sh; what it runs before is not run" in found["app"].reason


def test_the_entrypoint_script_at_its_path_in_the_image_before_one_of_the_same_name() -> None:
    files = {
        "Dockerfile": 'FROM python:3.12\nWORKDIR /srv\nENTRYPOINT ["tini", "--"]\nCMD ["/srv/deploy/start.sh"]\n',
        "bin/start.sh": "#!/bin/sh\nexec gunicorn other.wsgi\n",
        "deploy/start.sh": "#!/bin/sh\nexec daphne -b 0.0.0.0 -p 8000 proj.asgi:application\n",
    }
    found = values(files)
    assert (found["server"], found["app"], found["interface"]) == ("daphne", "proj.asgi:application", "asgi")


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        pytest.param(  # Argus' docker-entrypoint.sh
            "#!/bin/bash -xe\ncd /argus\npython3 -m pip install -e .\npython3 manage.py collectstatic --noinput\n"
            "python3 manage.py migrate --noinput\nexec daphne -b 0.0.0.0 -p 8000 argus.spa.ws.asgi:application\n",
            ["python3 manage.py collectstatic --noinput"],
            id="collectstatic-not-migrate",
        ),
        pytest.param(
            "#!/bin/sh\ndjango-admin compilemessages && \\\n  python /app/manage.py collectstatic \\\n  --noinput\n"
            "exec gunicorn proj.wsgi\n",
            ["django-admin compilemessages && python /app/manage.py collectstatic --noinput"],
            id="continued-lines",
        ),
        pytest.param("#!/bin/sh\npython manage.py migrate\nexec gunicorn proj.wsgi\n", None, id="none"),
    ],
)
def test_an_entrypoints_file_making_steps_become_build_commands(script: str, expected: list[str] | None) -> None:
    files = {"Dockerfile": 'FROM python:3.12-slim\nCMD ["/app/start.sh"]\n', "start.sh": script}
    assert values(files).get("build_commands") == expected


def test_the_server_a_copied_supervisord_config_runs() -> None:
    """ephios at 40d8f1b7: its entrypoint execs supervisord with the config the
    Dockerfile copied, whose [program:gunicorn] serves (a cron program beside it)."""
    files = {
        "Dockerfile": "FROM python:3.11-bookworm\nCOPY deployment/docker/entrypoint.sh /usr/local/bin/ephios\n"
        "COPY deployment/docker/supervisord.conf /etc/supervisord.conf\n"
        'ENTRYPOINT ["ephios"]\nCMD ["run"]\n',
        "deployment/docker/entrypoint.sh": '#!/bin/bash\nif [ "$1" == "run" ]; then\n  python manage.py migrate\n'
        '  exec supervisord -n -c /etc/supervisord.conf\nfi\nexec python manage.py "$@"\n',
        "deployment/docker/supervisord.conf": "[supervisord]\nnodaemon=true\n\n[program:gunicorn]\n"
        "command=gunicorn ephios.wsgi --bind 0.0.0.0:80 --name ephios --workers 5 --max-requests 1000\n\n"
        "[program:cronscript]\ncommand=/usr/local/bin/cron.sh\n",
    }
    found = detect_runtime(files, ".")
    assert {k: found[k].value for k in ("server", "app", "port", "workers", "server_args")} == {
        "server": "gunicorn", "app": "ephios.wsgi:application", "port": 80, "workers": 5,
        "server_args": ["--name", "ephios", "--max-requests", "1000"],
    }  # fmt: skip
    assert "; deployment/docker/supervisord.conf [program:gunicorn] command=gunicorn ephios.wsgi" in found["app"].reason
