"""A team's own compose file as the dev stack, on real services as they are
(tests/data/services, each with its ORIGIN.md): `warmbuild init` names the file,
`dev-up` runs it with warmbuild's dev image for the services built from the app's
folder, and `dev-up --watch` follows the team while they code: a code edit reloads
the API and restarts the worker, a relock recreates only the app's services, a
failing migration is named. The databases are the stand-ins the provisioning built
under the compose file's own names and tags."""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import subprocess
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

import yaml
from python_on_whales import docker
from support_services import SERVICES, fresh_repository, run

from warmbuild.detect import image_name

# haztrak's compose.yaml, started as its docs say (`cp ./configs/.env.dev .env`, then
# compose up): the API, its Celery worker and its beat scheduler are built from server/
# (one image), PostgreSQL and Redis are images. nginx and mail: images with no
# stand-in here; client: built from client/, which the corpus does not keep.
HAZTRAK_STACK = ("trak", "celery-worker", "celery-beat", "redis", "db")
# The team's migrations as a release step (its API's command migrates too, on every start).
MIGRATE = "python manage.py migrate --noinput"
# A task the test adds to haztrak's wasteline/tasks.py, then edits: what the worker runs.
PROBE = '''

@shared_task(name="warmbuild_probe")
def warmbuild_probe():
    """Added by warmbuild's test: what the worker answers, before and after an edit."""
    return {answer!r}
'''
FAILING_MIGRATION = """from django.db import migrations


def fail(apps, schema_editor):
    raise RuntimeError("warmbuild's test: this migration fails")


class Migration(migrations.Migration):
    dependencies = [("wasteline", "0006_dot_shipping_names")]
    operations = [migrations.RunPython(fail)]
"""


class Watching:
    """`warmbuild dev-up --watch` running: its output lines as they come."""

    def __init__(self, command: list[str], cwd: Path, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            command,
            cwd=cwd,
            env={**env, "PYTHONUNBUFFERED": "1", "COLUMNS": "300"},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def wait_for(self, text: str, seconds: float) -> str:
        """The first line from now on that holds ``text``."""
        deadline = time.monotonic() + seconds
        while (remaining := deadline - time.monotonic()) > 0:
            try:
                line = self.lines.get(timeout=remaining)
            except queue.Empty:
                break
            if line is None:
                raise AssertionError(f"dev-up --watch ended (exit {self.process.wait()}) before {text!r}:\n{self}")
            self.seen.append(line)
            if text in line:
                return line
        raise AssertionError(f"no {text!r} from dev-up --watch in {seconds:.0f}s:\n{self}")

    def stop(self) -> int:
        """Ctrl-C, as the user stops it."""
        self.process.send_signal(signal.SIGINT)
        code = self.process.wait(timeout=60)
        self.reader.join(timeout=10)  # it takes the last lines
        assert self.process.stdout is not None
        self.process.stdout.close()
        while not self.lines.empty():
            line = self.lines.get()
            self.seen += [line] if line is not None else []
        return code

    def __str__(self) -> str:
        return "\n".join(self.seen[-40:])


def in_container(container: str, *command: str) -> str:
    return str(docker.execute(container, list(command))).strip()


def http_status(container: str, path: str) -> str:
    ask = f"import urllib.request as u; print(u.urlopen('http://127.0.0.1:8000{path}', timeout=60).status)"
    return in_container(container, "python", "-c", ask)


def django_shell(code: str) -> str:
    """What haztrak's Django prints, asked in its API's container; the last line."""
    return in_container("trak", "python", "manage.py", "shell", "-c", code).splitlines()[-1]


def probe_answer() -> str:
    """The probe task enqueued through Redis, run by the worker, its result read from
    PostgreSQL (haztrak's result backend is django-db)."""
    return django_shell("from wasteline.tasks import warmbuild_probe as p; print(p.delay().get(timeout=120))")


def task_results() -> int:
    return int(django_shell("from django_celery_results.models import TaskResult; print(TaskResult.objects.count())"))


def seconds_until_logged(container: str, text: str, since: float, seconds: float) -> float:
    """Seconds from ``since`` (a time.time()) until the container logged ``text``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        logs = subprocess.run(
            ["docker", "logs", "--since", f"{since:.3f}", container], capture_output=True, text=True, check=True
        )
        if text in logs.stdout + logs.stderr:
            return time.time() - since
        time.sleep(0.2)
    raise AssertionError(f"{container} did not log {text!r} within {seconds:.0f}s")


def test_the_teams_stack_while_coding_edit_relock_and_a_failing_migration(
    tmp_path: Path, unique: str, warmbuild_venv: dict[str, str]
) -> None:
    """haztrak's compose file, unchanged: init names it; dev-up runs the migrations once
    (dev.release), then the API, its Celery worker and beat scheduler on warmbuild's
    dev image as the host's user with the code mounted, PostgreSQL and Redis as the
    file says; the API answers its health routes (the database; then the database,
    Redis and a Celery round trip). With --watch: a code edit reloads the API and
    restarts the worker, which then runs the edit; a relock rebuilds and recreates
    only the image's services (the database container and its data stay). A failing
    migration is one line with its last output, the database left up."""
    repo = tmp_path / unique
    fresh_repository("haztrak", repo)
    shutil.copy(repo / "configs" / ".env.dev", repo / ".env")
    tasks = repo / "server" / "wasteline" / "tasks.py"
    original = tasks.read_text()
    tasks.write_text(original + PROBE.format(answer="before the edit"))
    init = run(["warmbuild", "init"], repo, warmbuild_venv, timeout=300)
    assert init.returncode == 0, init.stdout + init.stderr
    config = yaml.safe_load((repo / "warmbuild.yaml").read_text())
    assert config["dev"] == {"compose_file": "compose.yaml"}
    config["dev"]["release"] = MIGRATE
    (repo / "warmbuild.yaml").write_text(yaml.safe_dump(config))

    services = ["--services", ",".join(HAZTRAK_STACK), "--branch", "main"]
    try:
        started = time.monotonic()
        up = run(["warmbuild", "dev-up", *services], repo, warmbuild_venv, timeout=900)
        assert up.returncode == 0, up.stdout[-3000:] + up.stderr[-3000:]
        print(f"haztrak stack: first dev-up {time.monotonic() - started:.1f}s (migrated, app services healthy)")
        dev_env = (repo / ".warmbuild" / image_name(unique) / "dev.env").read_text().splitlines()
        [dev_image] = [line.split("=", 1)[1] for line in dev_env if line.startswith("BACKEND_IMAGE=")]
        images = {name: docker.container.inspect(name).config.image for name in HAZTRAK_STACK}
        assert {images[name] for name in ("trak", "celery-worker", "celery-beat")} == {dev_image}
        assert f"trak, celery-worker, celery-beat: {dev_image}" in up.stdout, up.stdout
        assert (images["db"], images["redis"]) == ("postgres:17.5", "redis:8.2-alpine")
        trak = docker.container.inspect("trak")
        assert trak.config.user == f"{os.getuid()}:{os.getgid()}", trak.config.user
        assert any(m.destination == "/app" and m.source == str(repo / "server") for m in trak.mounts)
        # The liveness probe is a database round trip; the full check adds the cache,
        # Redis, the migrations and a Celery task through the worker.
        assert http_status("trak", "/api/health/liveness-probe/") == "200"
        assert http_status("trak", "/api/health/?format=json") == "200"
        assert probe_answer() == "before the edit"

        started = time.monotonic()
        again = run(["warmbuild", "dev-up", *services], repo, warmbuild_venv, timeout=300)
        assert again.returncode == 0, again.stdout[-3000:] + again.stderr[-3000:]
        print(f"haztrak stack: dev-up again, nothing changed: {time.monotonic() - started:.2f}s")

        watching = Watching(["warmbuild", "dev-up", "--watch", *services], repo, warmbuild_venv)
        try:
            watching.wait_for("watching for changes", 300)
            db = docker.container.inspect("db").id
            saved = time.time()
            tasks.write_text(original + PROBE.format(answer="after the edit"))
            restarted = watching.wait_for("restarted", 60)
            assert "server/wasteline/tasks.py changed: restarted celery-worker, celery-beat" in restarted, restarted
            print(f"haztrak: {restarted.strip()}")
            reloaded = seconds_until_logged("trak", "Application startup complete", saved, 60)
            print(f"haztrak: the API (uvicorn --reload) reloaded {reloaded:.1f}s after the save")
            assert probe_answer() == "after the edit"
            print(f"haztrak: the restarted worker ran the edited task {time.time() - saved:.1f}s after the save")
            results = task_results()
            assert results >= 2, results

            # The team adds a package: `uv add humanize` (tests/data/services/haztrak.humanize-added).
            for name in ("pyproject.toml", "uv.lock"):
                shutil.copy(SERVICES / "haztrak.humanize-added" / "server" / name, repo / "server" / name)
            rebuilt = watching.wait_for("changed: dev-up again", 900)
            print(f"haztrak: {rebuilt.strip()}")
            assert "server/pyproject.toml, server/uv.lock changed" in rebuilt, rebuilt
            assert "recreated trak, celery-worker, celery-beat; kept redis, db" in rebuilt, rebuilt
            assert docker.container.inspect("db").id == db, "the database container was recreated"
            assert task_results() == results, "the database lost its data"
            in_container("trak", "python", "-c", "import humanize")
            assert http_status("trak", "/api/health/?format=json") == "200"
        finally:
            stopped = watching.stop()
        assert stopped == 0 and "stopped watching; the stack is still up" in str(watching), str(watching)

        down = run(["warmbuild", "dev-down"], repo, warmbuild_venv, timeout=300)
        assert down.returncode == 0, down.stdout + down.stderr
        (repo / "server" / "wasteline" / "migrations" / "0007_warmbuild_fails.py").write_text(FAILING_MIGRATION)
        failed = run(["warmbuild", "dev-up", *services], repo, warmbuild_venv, timeout=300)
        said = failed.stdout + failed.stderr
        assert failed.returncode == 1, said
        error = [line for line in said.splitlines() if line.startswith("error:")]
        assert error == [f"error: the release command `{MIGRATE}` failed in trak (exit code 1); fix: fix it and run "
                         "dev-up again; the app's services were not started, the others are left up"], said  # fmt: skip
        assert "RuntimeError: warmbuild's test: this migration fails" in said, said
        assert docker.container.inspect("db").state.running, "the database is left up"
        assert not docker.container.exists("trak"), "no app service started"
    finally:
        down = run(["warmbuild", "dev-down", "--volumes"], repo, warmbuild_venv, timeout=300)
        assert down.returncode == 0, down.stdout + down.stderr


# fastapi-boilerplate's src/.env as its README (section 3.1) has the user write it for
# docker compose: the API and its arq worker read it, and so does the database.
BOILERPLATE_ENV = """\
POSTGRES_USER="app"
POSTGRES_PASSWORD="test-only-password"
POSTGRES_SERVER="db"
POSTGRES_PORT=5432
POSTGRES_DB="app"
SECRET_KEY="test-only-secret-key-0123456789abcdef"
REDIS_CACHE_HOST="redis"
REDIS_QUEUE_HOST="redis"
REDIS_RATE_LIMIT_HOST="redis"
"""
BOILERPLATE_URL = "http://127.0.0.1:8000"  # its compose file publishes 8000:8000


def answer(method: str, path: str, seconds: float = 30) -> Any:
    """JSON from the stack's published API on this machine's loopback."""
    request = urllib.request.Request(f"{BOILERPLATE_URL}{path}", method=method)
    with urllib.request.urlopen(request, timeout=seconds) as response:
        assert response.status in (200, 201), response.status
        return json.loads(response.read() or b"null")


def task_result(message: str, seconds: float = 60) -> str:
    """A job enqueued through the API (arq on Redis), run by the worker, its result
    read back through the API."""
    job = answer("POST", f"/api/v1/tasks/task?message={message}")["id"]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        info = answer("GET", f"/api/v1/tasks/task/{job}")
        if info and info.get("success") is not None:
            return str(info.get("result"))
        time.sleep(0.5)
    raise AssertionError(f"job {job} ({message}) not done in {seconds:.0f}s")


def test_a_second_stack_an_api_that_reloads_and_an_arq_worker_that_is_restarted(
    tmp_path: Path, unique: str, warmbuild_venv: dict[str, str]
) -> None:
    """fastapi-boilerplate's docker-compose.yml, unchanged: its API (uvicorn --reload)
    and arq worker built from the repository, PostgreSQL and Redis started beside them
    with no readiness condition. dev-up --watch waits for the database to accept
    connections before the API starts (its start-up creates the tables); the API
    answers from the database and queues a job the worker runs; an edit of the job
    restarts the worker alone, which then runs the edited job."""
    repo = tmp_path / unique
    fresh_repository("fastapi-boilerplate", repo)
    (repo / "src" / ".env").write_text(BOILERPLATE_ENV)
    init = run(["warmbuild", "init"], repo, warmbuild_venv, timeout=300)
    assert init.returncode == 0, init.stdout + init.stderr
    config = yaml.safe_load((repo / "warmbuild.yaml").read_text())
    assert config["dev"] == {"compose_file": "docker-compose.yml"}
    # init marks health_path CHECK: the repository has no health route (its README's
    # /docs page answers while ENVIRONMENT is local, the default).
    config["health_path"] = "/docs"
    (repo / "warmbuild.yaml").write_text(yaml.safe_dump(config))

    started = time.monotonic()
    watching = Watching(["warmbuild", "dev-up", "--watch", "--branch", "main"], repo, warmbuild_venv)
    try:
        watching.wait_for("watching for changes", 600)
        print(f"fastapi-boilerplate stack: dev-up {time.monotonic() - started:.1f}s until it watches")
        assert f"web: {BOILERPLATE_URL}" in str(watching), str(watching)
        assert answer("GET", "/api/v1/users?page=1&items_per_page=10")["data"] == []  # a database query
        assert task_result("first") == "Task first is complete!"

        functions = repo / "src" / "app" / "core" / "worker" / "functions.py"
        saved = time.time()
        functions.write_text(
            functions.read_text()
            .replace("await asyncio.sleep(5)", "await asyncio.sleep(0)")
            .replace('f"Task {name} is complete!"', 'f"Task {name} is complete, edited!"')
        )
        restarted = watching.wait_for("restarted", 60)
        print(f"fastapi-boilerplate: {restarted.strip()}")
        assert "src/app/core/worker/functions.py changed: restarted worker " in restarted, restarted
        assert task_result("second") == "Task second is complete, edited!"
        print(f"fastapi-boilerplate: the restarted worker ran the edited job {time.time() - saved:.1f}s after the save")
    finally:
        stopped = watching.stop()
        down = run(["warmbuild", "dev-down", "--volumes"], repo, warmbuild_venv, timeout=300)
        assert down.returncode == 0, down.stdout + down.stderr
    assert stopped == 0, str(watching)
