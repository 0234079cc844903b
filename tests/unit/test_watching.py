"""`dev-up --watch`'s decisions: which commands reload by themselves, which services a
code change restarts (from real compose files), which changed paths rebuild."""

from __future__ import annotations

import pytest
from support import REPO_ROOT

from warmbuild import team_stack, watching
from warmbuild.watching import Change, FileStat

SERVICES = REPO_ROOT / "tests" / "data" / "services"
UVICORN_RELOAD = ("uvicorn", "app.main:app", "--host", "0.0.0.0", "--reload")


@pytest.mark.parametrize(
    "command, reloads",
    [
        (UVICORN_RELOAD, True),
        (("uvicorn", "app.main:app"), False),
        (("gunicorn", "--reload", "proj.wsgi"), True),
        (("python", "manage.py", "runserver", "0.0.0.0:8000"), True),
        (("python", "manage.py", "runserver", "--noreload"), False),
        (("fastapi", "dev", "app/main.py"), True),
        (("fastapi", "run", "app/main.py"), False),
        (("flask", "--app", "app", "--debug", "run"), True),
        (("flask", "run"), False),
        (("celery", "-A", "proj", "worker"), False),
        (("celery", "-A", "proj", "beat"), False),
        (("python", "manage.py", "celery_worker"), False),
        (("arq", "app.worker.WorkerSettings"), False),
        (("arq", "--watch", "app", "app.worker.WorkerSettings"), True),
        (("rq", "worker"), False),
        (("dramatiq", "app.tasks", "--watch", "."), True),
        (("/usr/local/bin/watchmedo", "auto-restart", "--", "celery", "worker"), True),
        # haztrak's API: a shell line that migrates, then serves with --reload.
        (("sh", "-c", "python manage.py migrate &&\nuvicorn --reload haztrak.asgi:app"), True),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, tuple) else str(value),
)
def test_which_commands_reload_by_themselves(command: tuple[str, ...], reloads: bool) -> None:
    assert watching.reloads_itself(command) is reloads


@pytest.mark.parametrize(
    "compose, app, image_command, restarted",
    [
        # The API reloads (uvicorn --reload in its shell line); Celery's worker and beat cannot.
        ("haztrak/compose.yaml", "haztrak/server", UVICORN_RELOAD, ("celery-worker", "celery-beat")),
        # The API reloads; arq's worker (no --watch) cannot.
        ("fastapi-boilerplate/docker-compose.yml", "fastapi-boilerplate", UVICORN_RELOAD, ("worker",)),
    ],
)
def test_a_code_change_restarts_the_services_that_cannot_reload(
    compose: str, app: str, image_command: tuple[str, ...], restarted: tuple[str, ...]
) -> None:
    path = SERVICES / compose
    stack = team_stack.read_team_stack(path.read_text(), path.parent, SERVICES / app, compose)
    assert watching.restarted_on_code_change(stack.commands, image_command) == restarted


@pytest.mark.parametrize(
    "image_command, restarted",
    [
        pytest.param(UVICORN_RELOAD, (), id="dev-image-reloads"),
        pytest.param(("gunicorn", "app:create_app()"), ("api",), id="dev-command-without-reload"),
    ],
)
def test_a_service_without_a_command_runs_the_dev_images(
    image_command: tuple[str, ...], restarted: tuple[str, ...]
) -> None:
    assert watching.restarted_on_code_change({"api": None}, image_command) == restarted


INPUTS = frozenset({"server/uv.lock", "server/pyproject.toml", "warmbuild.yaml", "compose.yaml", ".env"})


@pytest.mark.parametrize(
    "paths, expected",
    [
        pytest.param(["server/wasteline/tasks.py"], Change(code=("server/wasteline/tasks.py",)), id="code"),
        pytest.param(["server/uv.lock", "server/pyproject.toml"], Change(rebuild=("server/uv.lock",
                     "server/pyproject.toml")), id="a-relock"),
        pytest.param([".env"], Change(rebuild=(".env",)), id="the-stack-s-variables"),
        pytest.param(["server/core/templates/base.html", "warmbuild.yaml"],
                     Change(rebuild=("warmbuild.yaml",), code=("server/core/templates/base.html",)), id="both"),
        pytest.param(["server/core/__pycache__/models.cpython-313.pyc", "server/.git/index", "server/a.py.swp",
                      "server/node_modules/x/index.js", "server/.mypy_cache/x.json"], Change(), id="nobody-s-code"),
        # What the services write into the mounted folder: restarting on it would loop.
        pytest.param(["server/celerybeat-schedule", "server/db.sqlite3-journal", "server/media/upload.png",
                      "server/app/logs/app.log"], Change(), id="what-the-services-write"),
    ],
)  # fmt: skip
def test_changed_paths_are_code_or_the_images_inputs(paths: list[str], expected: Change) -> None:
    found = watching.classify(paths, INPUTS)
    assert found == expected and bool(found) is bool(expected.code or expected.rebuild)


def test_a_path_changed_when_added_removed_or_rewritten() -> None:
    before = {"a.py": FileStat(1, 10), "b.py": FileStat(1, 10), "c.py": FileStat(1, 10)}
    after = {"a.py": FileStat(1, 10), "b.py": FileStat(2, 10), "d.py": FileStat(1, 1)}
    assert watching.changed_paths(before, after) == ("b.py", "c.py", "d.py")
    assert watching.changed_paths(after, dict(after)) == ()
