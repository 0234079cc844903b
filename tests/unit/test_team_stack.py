"""The team's compose file as the dev stack: which services get warmbuild's dev
image, which stay as written, and the override dev-up writes (tables of compose
text -> stack, and the override compose itself merges)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest
import yaml
from support import REPO_ROOT

from warmbuild import team_stack
from warmbuild.errors import ConfigError

# fastapi-boilerplate's docker-compose.yml (tests/data/services), trimmed: the API and
# its arq worker built from the repository, PostgreSQL and Redis as images.
BOILERPLATE = """\
services:
  web:
    build: {context: ., dockerfile: Dockerfile}
    command: uvicorn app.main:app --host 0.0.0.0 --port 8000 --reload
    ports: ["8000:8000"]
    volumes: ["./src/app:/code/app"]
  worker:
    build: {context: ., dockerfile: Dockerfile}
    command: arq app.core.worker.settings.WorkerSettings
  db:
    image: postgres:13
  redis:
    image: redis:alpine
"""
# haztrak's compose.yaml shape: the app in server/, a client built from client/.
MONOREPO = """\
services:
  trak:
    build: {context: ./server}
    healthcheck: {test: ["CMD", "true"]}
    ports: ["127.0.0.1:8001:8000/tcp", {published: 9000, target: 9000}]
  celery-worker:
    build: ./server
  client:
    build: {context: ./client, target: dev}
  db:
    image: postgres:17.5
"""


@pytest.mark.parametrize(
    "text, app, expected",
    [
        pytest.param(
            BOILERPLATE, ".",
            (("web", "worker"), (), ("web", "worker", "db", "redis"),
             {"web": (8000,), "worker": (), "db": (), "redis": ()}),
            id="api-and-worker-share-the-image",
        ),
        pytest.param(
            MONOREPO, "server",
            (("trak", "celery-worker"), ("client",), ("trak", "celery-worker", "db"),
             {"trak": (8001, 9000), "celery-worker": (), "client": (), "db": ()}),
            id="monorepo-client-left-out",
        ),
    ],
)  # fmt: skip
def test_which_services_run_our_image(tmp_path: Path, text: str, app: str, expected: tuple[object, ...]) -> None:
    stack = team_stack.read_team_stack(text, tmp_path, tmp_path / app, "compose.yaml")
    found = (stack.app_services, stack.built_elsewhere, team_stack.default_services(stack), dict(stack.published))
    assert found == expected


@pytest.mark.parametrize(
    "command, serves",
    [
        pytest.param(
            '|\n      sh -c "\n      python manage.py migrate &&\n'
            '      uvicorn --host 0.0.0.0 --reload haztrak.asgi:app"',
            True,
            id="haztrak-migrates-then-serves",
        ),
        pytest.param("python manage.py celery_worker", False, id="a-worker"),
        pytest.param('["gunicorn", "proj.wsgi:application"]', True, id="exec-form"),
        pytest.param('"sh -c \'unclosed"', False, id="not-words"),
    ],
)
def test_which_app_service_serves_without_ports(tmp_path: Path, command: str, serves: bool) -> None:
    text = f"services:\n  api:\n    build: .\n    command: {command}\n"
    stack = team_stack.read_team_stack(text, tmp_path, tmp_path, "compose.yaml")
    assert stack.serving == (("api",) if serves else ())


@pytest.mark.parametrize(
    "text, problem",
    [
        pytest.param("services: [x", "compose.yaml is not YAML", id="not-yaml"),
        pytest.param("volumes: {}\n", "compose.yaml has no services", id="no-services"),
        pytest.param("services:\n  db: {image: postgres:13}\n", "no service is built from the app's folder", id="none"),
        pytest.param(
            "services:\n  api: {build: .}\n  worker: {build: {context: ., dockerfile: worker.Dockerfile}}\n",
            "service 'worker' builds from worker.Dockerfile but 'api' from Dockerfile: warmbuild runs one dev image",
            id="another-dockerfile-in-the-app-folder",
        ),
        pytest.param(
            "services:\n  api: {build: {context: ., dockerfile_inline: 'FROM python'}}\n",
            "service 'api' builds from `dockerfile_inline`: warmbuild cannot map it",
            id="inline-dockerfile",
        ),
    ],
)
def test_a_compose_file_it_cannot_use(tmp_path: Path, text: str, problem: str) -> None:
    with pytest.raises(ConfigError, match=problem):
        team_stack.read_team_stack(text, tmp_path, tmp_path, "compose.yaml")


class ComposeLoader(yaml.SafeLoader):
    """YAML with compose's `!reset` tag (2.24+), read as "<reset>"."""


ComposeLoader.add_constructor("!reset", lambda *_: "<reset>")


def test_the_override_gives_the_app_services_our_image_and_code(tmp_path: Path) -> None:
    stack = team_stack.read_team_stack(BOILERPLATE, tmp_path, tmp_path, "compose.yaml")
    text = team_stack.override_text(stack, "BACKEND_IMAGE", {"shared-lib": tmp_path / "libs" / "shared"})
    services = yaml.load(text, Loader=ComposeLoader)["services"]
    assert set(services) == {"web", "worker"}  # db and redis: as the team wrote them
    web = services["web"]
    assert web["build"] == "<reset>" and web["image"] == "${BACKEND_IMAGE:?run invoke dev-up}"
    assert web["pull_policy"] == "never" and web["user"] == "${DEV_UID:-1000}:${DEV_GID:-1000}"
    assert web["init"] is True  # SIGTERM stops a process without a handler: restarts take no timeout
    assert web["volumes"] == [
        "${BACKEND_DIR:?run invoke dev-up}:/app",
        f"{tmp_path}/libs/shared:/opt/pathdeps/shared-lib:ro",
    ]
    # The serving service without a healthcheck of its own gets the dev image's; the worker serves nothing.
    assert "WARMBUILD_HEALTHCHECK" in web["healthcheck"]["test"][1] and "healthcheck" not in services["worker"]


def test_stages_of_one_dockerfile_are_one_image(tmp_path: Path) -> None:
    text = (
        "services:\n  api: {build: {context: ., target: dev}}\n"
        "  worker: {build: {context: ., dockerfile: ./Dockerfile, target: worker}}\n"
    )
    assert team_stack.read_team_stack(text, tmp_path, tmp_path, "compose.yaml").app_services == ("api", "worker")


SERVICES = REPO_ROOT / "tests" / "data" / "services"


@pytest.mark.parametrize(
    "compose, app, chosen, before",
    [
        # haztrak: nginx depends on trak (the app), so it starts with the app, not before.
        pytest.param(
            "haztrak/compose.yaml", "haztrak/server",
            ("trak", "celery-worker", "celery-beat", "redis", "db", "nginx", "mail"), ("redis", "db", "mail"),
            id="haztrak",
        ),
        pytest.param(
            "fastapi-boilerplate/docker-compose.yml", "fastapi-boilerplate",
            ("web", "worker", "db", "redis"), ("db", "redis"), id="fastapi-boilerplate",
        ),
        # `--services trak`: what trak depends on still comes first.
        pytest.param("haztrak/compose.yaml", "haztrak/server", ("trak",), ("db",), id="haztrak-services-trak"),
    ],
)  # fmt: skip
def test_what_the_release_command_needs_starts_before_it(
    compose: str, app: str, chosen: tuple[str, ...], before: tuple[str, ...]
) -> None:
    path = SERVICES / compose
    stack = team_stack.read_team_stack(path.read_text(), path.parent, SERVICES / app, compose)
    assert team_stack.needed_by_the_app(stack, chosen) == before


def read_corpus_stack(compose: str, app: str) -> team_stack.TeamStack:
    """A corpus service's compose file, with the override compose reads beside it."""
    path = SERVICES / compose
    beside = [path.parent / PurePosixPath(name).name for name in team_stack.default_override(path.name)]
    overrides = [(str(override), override.read_text()) for override in beside if override.is_file()]
    return team_stack.read_team_stack(path.read_text(), path.parent, SERVICES / app, compose, overrides)


@pytest.mark.parametrize(
    "compose, app, ours, elsewhere, started, before, serving",
    [
        pytest.param(
            "haztrak/compose.yaml", "haztrak/server",
            ("trak", "celery-worker", "celery-beat"), ("client",),
            ("trak", "redis", "celery-worker", "celery-beat", "db", "nginx", "mail"), ("redis", "db", "mail"),
            ("trak",),
            id="haztrak",
        ),
        pytest.param(
            "fastapi-boilerplate/docker-compose.yml", "fastapi-boilerplate",
            ("web", "worker"), (), ("web", "worker", "db", "redis"), ("db", "redis"), ("web",),
            id="fastapi-boilerplate",
        ),
        # docker-compose.override.yml read too (as compose reads it with no -f): the
        # backend's port and reloading command are there. prestart (its migrations) is
        # built from the backend's folder: the dev image too.
        pytest.param(
            "full-stack-fastapi-template/docker-compose.yml", "full-stack-fastapi-template/backend",
            ("prestart", "backend"), ("frontend", "playwright"),
            ("db", "adminer", "prestart", "backend", "proxy", "mailcatcher"), ("db", "adminer", "proxy", "mailcatcher"),
            ("backend",),
            id="full-stack-fastapi-template",
        ),
        pytest.param(
            "kinto/docker-compose.yml", "kinto", ("web",), (), ("db", "cache", "web"), ("db", "cache"), ("web",),
            id="kinto",
        ),
        pytest.param(
            "ctfd/docker-compose.yml", "ctfd",
            ("ctfd",), (), ("ctfd", "permissions", "nginx", "db", "cache"), ("permissions", "db", "cache"), ("ctfd",),
            id="ctfd",
        ),
    ],
)  # fmt: skip
def test_real_compose_files_as_dev_up_runs_them(
    compose: str,
    app: str,
    ours: tuple[str, ...],
    elsewhere: tuple[str, ...],
    started: tuple[str, ...],
    before: tuple[str, ...],
    serving: tuple[str, ...],
) -> None:
    stack = read_corpus_stack(compose, app)
    assert (stack.app_services, stack.built_elsewhere) == (ours, elsewhere)
    default = team_stack.default_services(stack)
    assert (default, team_stack.needed_by_the_app(stack, default), stack.serving) == (started, before, serving)
    override = yaml.load(team_stack.override_text(stack, "BACKEND_IMAGE", {}), Loader=ComposeLoader)["services"]
    assert tuple(override) == ours, "the other services stay as the team wrote them"
    for name, service in override.items():
        # Their build (args, target) goes; their env_file, environment and depends_on stay theirs.
        assert service["build"] == "<reset>" and service["init"] is True, name
        assert not {"env_file", "environment", "depends_on", "command"} & set(service), name


def test_the_teams_own_override_file_is_merged_as_compose_merges_it() -> None:
    stack = read_corpus_stack("full-stack-fastapi-template/docker-compose.yml", "full-stack-fastapi-template/backend")
    # docker-compose.yml's backend has no command; docker-compose.override.yml's reloads.
    assert stack.commands["backend"] == ("fastapi", "run", "--reload", "app/main.py")
    assert stack.published["backend"] == (8000,) and stack.has_healthcheck["backend"]
    assert stack.depends_on["backend"] == ("db", "prestart")
    # compose-go's override names, beside any default-named file: the first found is read.
    assert team_stack.default_override("compose.yaml") == (
        "compose.override.yml",
        "compose.override.yaml",
        "docker-compose.override.yml",
        "docker-compose.override.yaml",
    )
    assert team_stack.default_override("deploy/stack.yml") == (), "only compose's default names have one"


PROFILED = """\
services:
  api: {build: .}
  db: {image: postgres:15}
  pgadmin: {image: dpage/pgadmin4, profiles: [tools]}
"""


@pytest.mark.parametrize(
    "active, started",
    [
        pytest.param((), ("api", "db"), id="no-profile-active"),
        pytest.param(("tools",), ("api", "db", "pgadmin"), id="tools-active"),
        pytest.param(("debug",), ("api", "db"), id="another-profile"),
    ],
)
def test_a_service_of_a_profile_starts_only_when_the_profile_is_active(
    tmp_path: Path, active: tuple[str, ...], started: tuple[str, ...]
) -> None:
    stack = team_stack.read_team_stack(PROFILED, tmp_path, tmp_path, "compose.yaml")
    assert team_stack.default_services(stack, active) == started


BASE = """\
services:
  api:
    build: ./app
    command: [gunicorn, main:app]
    depends_on: [db]
    healthcheck: {test: [CMD, "true"]}
    ports: ["8000:8000"]
  db: {image: postgres:15}
  cache: {image: redis:7}
"""


@pytest.mark.parametrize(
    "override, expected",
    [
        pytest.param("services:\n  api: {build: {target: dev}, ports: ['5678:5678']}\n",
                     {"ours": ("api",), "ports": (8000, 5678)}, id="build-mapping-on-a-string-keeps-the-context"),
        pytest.param("services:\n  api: {depends_on: {cache: {condition: service_started}}}\n",
                     {"depends": ("db", "cache")}, id="depends-on-mapping-on-a-list"),
        pytest.param("services:\n  api: {healthcheck: {disable: true}}\n", {"healthcheck": False},
                     id="healthcheck-disabled"),
        pytest.param("services:\n  api: {healthcheck: !reset null, ports: !override ['9000:8000']}\n",
                     {"healthcheck": False, "ports": (9000,)}, id="reset-and-override-tags"),
        pytest.param("volumes: {data: {}}\n", {"ours": ("api",), "ports": (8000,)}, id="no-services-in-the-override"),
        pytest.param("services:\n  api: {command: [uvicorn, main:app, --reload]}\n",
                     {"command": ("uvicorn", "main:app", "--reload")}, id="a-command-is-replaced-not-appended"),
    ],
)  # fmt: skip
def test_the_teams_override_merges_as_compose_merges_it(
    tmp_path: Path, override: str, expected: dict[str, object]
) -> None:
    stack = team_stack.read_team_stack(BASE, tmp_path, tmp_path / "app", "compose.yaml", [("override", override)])
    found = {
        "command": stack.commands["api"],
        "ours": stack.app_services,
        "ports": stack.published["api"],
        "depends": stack.depends_on["api"],
        "healthcheck": stack.has_healthcheck["api"],
    }
    assert {key: found[key] for key in expected} == expected
