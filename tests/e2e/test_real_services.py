"""Real open-source services as they are (tests/data/services, each with its
ORIGIN.md): a fresh git repository of the service -> `pip install` of warmbuild's
wheel -> `warmbuild init` with no edits -> `warmbuild build-prod` -> the prod image
runs as its non-root user with a read-only root filesystem, beside the databases it
needs on a network of the test's own, and answers its own health route or command.

Where init writes a value the service does not run with, the case is an xfail
(strict, raising InitGuessWrong only) naming the key, the value that works and the
repository's line that says it: the test still runs it, and flags the fix."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path
from typing import NoReturn

import pytest
import yaml
from python_on_whales import docker
from support import IN_CI
from support_services import (
    SERVICES,
    InitGuessWrong,
    Service,
    databases_available_or_skip,
    fresh_repository,
    network_with_databases,
    reasons,
    run,
    run_once,
    run_prod,
    user_of,
    wait_answer,
    wrong_keys,
)

from warmbuild.detect import image_name

# Test-only secrets, given at `docker run` as the services' docs say (never in a config).
SECRET = "test-only-secret-key-0123456789abcdef0123456789abcdef"
DB_PASSWORD = "test-only-password"  # support_services.DATABASES' postgres
HEALTH_SECONDS = 120


def known_gap(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, raises=InitGuessWrong, reason=f"init: {reason}")


CASES = [
    pytest.param(
        Service(
            "ctfd",
            # Flask app built by a factory under gunicorn (gevent workers, through its
            # entrypoint script), a requirements.txt exported without hashes beside a
            # uv.lock, Python 3.11 only.
            expected={
                "context": ".",
                "lock": "requirements",
                "python_image": "python:3.11-slim",
                "server": "gunicorn",
                "app": "CTFd:create_app()",
                "interface": "wsgi",
                "port": 8000,
                "writable": ["/var/log/CTFd", "/var/uploads"],
                "health_path": "/healthcheck",
            },
            health="/healthcheck",
            port=8000,
            # docker-compose.yml: REDIS_URL=redis://cache:6379 (init copies it into env).
            databases={"redis": "cache"},
            # SQLite in the upload volume: the compose file's MariaDB has no stand-in.
            run_env={"SECRET_KEY": SECRET, "DATABASE_URL": "sqlite:////var/uploads/ctfd.db"},
        ),
        id="ctfd",
    ),
    pytest.param(
        Service(
            "full-stack-fastapi-template",
            # A monorepo's backend/ folder with its uv.lock, its own CLI (`fastapi run`); PostgreSQL.
            expected={
                "context": "backend",
                "command": ["fastapi", "run", "--workers", "4", "app/main.py"],
                "port": 8000,
                "health_path": "/api/v1/utils/health-check/",
            },
            health="/api/v1/utils/health-check/",
            port=8000,
            databases={"postgres": "db"},
            run_env={
                "PROJECT_NAME": "Full Stack FastAPI Project",
                "ENVIRONMENT": "production",
                "SECRET_KEY": SECRET,
                "POSTGRES_SERVER": "db",
                "POSTGRES_USER": "app",
                "POSTGRES_PASSWORD": DB_PASSWORD,
                "POSTGRES_DB": "app",
                "FIRST_SUPERUSER": "admin@example.com",
                "FIRST_SUPERUSER_PASSWORD": SECRET,
            },
        ),
        id="full-stack-fastapi-template",
    ),
    pytest.param(
        Service(
            "fastapi-boilerplate",
            # FastAPI in a src/ layout, uv.lock; PostgreSQL and Redis at start-up; a
            # logs folder its logger makes beside the code at import.
            expected={
                "context": ".",
                "server": "uvicorn",
                "app": "app.main:app",
                "import_root": "src",
                "port": 8000,
                "writable": ["src/app/logs"],
            },
            # The repository has no health route: FastAPI's /docs page (on while
            # ENVIRONMENT is local, its default: src/app/core/config.py:106) stands in.
            health="/docs",
            port=8000,
            databases={"postgres": "db", "redis": "redis"},
            run_env={
                "SECRET_KEY": SECRET,
                "POSTGRES_SERVER": "db",
                "POSTGRES_USER": "app",
                "POSTGRES_PASSWORD": DB_PASSWORD,
                "POSTGRES_DB": "app",
                "REDIS_CACHE_HOST": "redis",
                "REDIS_QUEUE_HOST": "redis",
                "REDIS_RATE_LIMIT_HOST": "redis",
            },
        ),
        id="fastapi-boilerplate",
    ),
    pytest.param(
        Service(
            "lnbits",
            # FastAPI started by its own console script (uvicorn inside; it reads its own
            # version from its metadata), a data/ folder it writes, the uv.lock its
            # Dockerfile syncs with every extra beside a Poetry 2 lock.
            expected={
                "context": ".",
                "lock": "uv",
                "python_image": "python:3.11-slim",
                "install_project": True,
                "command": ["sh", "-c", "lnbits --port $LNBITS_PORT --host $LNBITS_HOST --forwarded-allow-ips='*'"],
                "port": 5000,
                "health_path": "/api/v1/health",
                "writable": ["data"],
            },
            health="/api/v1/health",
            port=5000,
            # lnbits/server.py:45 makes <LNBITS_EXTENSIONS_PATH>/extensions at start-up,
            # in its code folder unless the setting (.env.example:71) points elsewhere:
            # with a read-only root, into its data volume.
            run_env={"AUTH_SECRET_KEY": SECRET, "LNBITS_EXTENSIONS_PATH": "data"},
        ),
        id="lnbits",
    ),
    pytest.param(
        Service(
            "conveyor",
            # aiohttp under gunicorn with aiohttp's worker class (its Procfile), a
            # requirements.txt from pip-compile without hashes, compiled for a Python
            # (3.12) this machine has no image of.
            expected={
                "context": ".",
                "python_image": "python:3.11-slim",
                "server": "gunicorn",
                "app": "conveyor.app:application",
                "server_args": ["--worker-class", "aiohttp.worker.GunicornWebWorker", "-c", "gunicorn.conf.py"],
                "port": 8000,
                "health_path": "/_health",
            },
            health="/_health",
            port=8000,
            # Its README's two settings. Its S3 client and its redirects task (which
            # swallows errors) are pointed at a closed port on the container's loopback:
            # test traffic stays on this machine.
            run_env={
                "CONVEYOR_ENDPOINT": "http://127.0.0.1:9",
                "DOCS_BUCKET": "docs",
                "AWS_ENDPOINT_URL": "http://127.0.0.1:9",
                "AWS_DEFAULT_REGION": "us-east-1",
            },
        ),
        id="conveyor",
    ),
    pytest.param(
        Service(
            "haztrak",
            # Django served as ASGI (gunicorn with uvicorn-worker's worker class) from a
            # monorepo's server/ folder, a uv.lock on Python 3.12 or newer (no 3.12 image
            # here), a virtual project; PostgreSQL and Redis.
            expected={
                "context": "server",
                "python_image": "python:3.13-slim",
                "server": "gunicorn",
                "app": "haztrak.asgi:app",
                "interface": "asgi",
                "server_args": ["--worker-class", "uvicorn_worker.UvicornWorker"],
                "workers": 2,
                "port": 8000,
                "install_project": False,
                "build_apt_packages": ["libffi-dev", "gcc", "libc-dev", "curl"],
                "health_path": "/api/health/liveness-probe/",
            },
            # django-health-check's liveness subset (server/haztrak/settings/base.py:217:
            # the database); its full /api/health/ also waits for a Celery worker.
            health="/api/health/liveness-probe/",
            port=8000,
            databases={"postgres": "db", "redis": "redis"},
            # compose.yaml's settings (init copies those without secrets into env) with
            # its .env's database for PostgreSQL; migrations first, as its compose
            # command runs them.
            run_env={
                "HT_DB_ENGINE": "django.db.backends.postgresql",
                "HT_DB_NAME": "app",
                "HT_DB_USER": "app",
                "HT_DB_PASSWORD": DB_PASSWORD,
                "HT_CACHE_URL": "redis://redis:6379",
            },
            before=(("python", "manage.py", "migrate", "--noinput"),),
            # Its development settings (DEBUG, no ALLOWED_HOSTS) answer localhost only,
            # where its compose file publishes the port.
            headers={"Host": "localhost"},
        ),
        id="haztrak",
    ),
    pytest.param(
        Service(
            "kinto",
            # Pyramid under its own console script, a uv.lock synced with five extras,
            # `kinto init` at build time; PostgreSQL for storage and permissions.
            expected={
                "context": ".",
                "install_project": True,
                "groups": ["postgresql", "memcached", "redis", "monitoring", "container"],
                "build_commands": ["kinto init --ini /etc/kinto/kinto.ini --backend=memory --cache-backend=memory"],
                "command": ["sh", "-c", "kinto migrate --ini $KINTO_INI && kinto start --ini $KINTO_INI --port $PORT"],
                "port": 8888,
                "health_path": "/v1/__heartbeat__",
            },
            # Asked inside the container, as the image's HEALTHCHECK asks: `kinto init`
            # (kinto/__main__.py:92-96) writes `host = 127.0.0.1` into the ini its
            # Dockerfile makes, so the server listens on the container's loopback only.
            health=("python", "-c", "import urllib.request as u; u.urlopen('http://127.0.0.1:8888/v1/__heartbeat__')"),
            port=8888,
            databases={"postgres": "db"},
            # Its compose file's backends; the URLs carry a password, so they are given
            # at run time (init leaves them out of the config), and the cache in memory
            # (memcached has no stand-in).
            run_env={
                "KINTO_STORAGE_URL": f"postgresql://app:{DB_PASSWORD}@db/app",
                "KINTO_PERMISSION_URL": f"postgresql://app:{DB_PASSWORD}@db/app",
                "KINTO_CACHE_BACKEND": "kinto.core.cache.memory",
            },
        ),
        id="kinto",
        marks=known_gap(
            "health_path /health, works: /v1/__heartbeat__ (kinto/core/views/heartbeat.py: a cornice "
            "Service(path='/__heartbeat__') under the /v1 route prefix; neither its Dockerfile nor its compose "
            "file has a healthcheck)"
        ),
    ),
]


@pytest.mark.parametrize("service", CASES)
def test_a_real_service_builds_and_answers_as_init_configured_it(
    tmp_path: Path, unique: str, warmbuild_venv: dict[str, str], service: Service
) -> None:
    missing = databases_available_or_skip(service)
    if missing:
        (pytest.fail if IN_CI else pytest.skip)(missing)
    repo = tmp_path / unique
    fresh_repository(service.name, repo)

    init = run(["warmbuild", "init"], repo, warmbuild_venv, timeout=300)
    assert init.returncode == 0, init.stdout + init.stderr
    config_text = (repo / "warmbuild.yaml").read_text()
    written = yaml.safe_load(config_text)
    wrong = wrong_keys(written, service.expected)

    def fail(what: str) -> NoReturn:
        """A failure after a wrong guess is the guess's (the case's known gap)."""
        if wrong:
            raise InitGuessWrong("\n".join([*wrong, what]))
        raise AssertionError(what)

    started = time.monotonic()
    build = run(["warmbuild", "build-prod", "--branch", "main"], repo, warmbuild_venv, timeout=900)
    seconds = time.monotonic() - started
    if build.returncode != 0:
        fail(f"build-prod exited {build.returncode}:\n{build.stdout[-3000:]}\n{build.stderr[-3000:]}")
    image = f"127.0.0.1:5000/{image_name(unique)}/prod:main"
    size = docker.image.inspect(image).size
    detected = reasons(config_text, ["python_image", "server", "app", "command", "port", "health_path", "writable"])
    print(
        f"{service.name}: build-prod {seconds:.0f}s (a new repository, this machine's builder cache), "
        f"image {size / 1e6:.0f} MB; init: {detected}"
    )

    with network_with_databases(unique, service.databases) as network:
        for command in service.before:
            run_once(image, network, service.run_env, (), *command)
        container = run_prod(image, f"{unique}-prod", network, service.run_env)
        try:
            configured, uid = user_of(container, image)
            assert configured not in ("", "root", "0") and uid not in ("", "0"), (configured, uid)
            try:
                answer = wait_answer(container, network, service, HEALTH_SECONDS)
            except AssertionError as error:
                fail(str(error))
        finally:
            container.remove(force=True, volumes=True)

    print(f"{service.name}: {answer}")
    if wrong:
        raise InitGuessWrong("\n".join(wrong))


# ephios (MIT, tests/data/services/ephios.ORIGIN.md): Django under gunicorn, which its
# entrypoint starts through supervisord beside a cron program; a Poetry 1.x lock with
# every extra (psycopg2 and mysqlclient compiled from source); SQLite in its data folder.
EPHIOS_EXPECTED = {
    "python_image": "python:3.11-slim",
    "server": "gunicorn",
    "app": "ephios.wsgi:application",
    "interface": "wsgi",
    "workers": 5,
    "port": 80,
    "health_path": "/healthcheck",
    "groups": ["mysql", "pgsql", "redis"],
    "build_apt_packages": ["default-libmysqlclient-dev", "libpq-dev", "pkg-config"],
    "install_project": True,
    "writable": ["/var/ephios/data", "/var/log/supervisord", "/var/run/supervisord"],
}
# Its .env.example's settings, for production (secrets given at run time, never in a config).
EPHIOS_ENV = {
    "DEBUG": "False",
    "SECRET_KEY": SECRET,
    "DATA_DIR": "/var/ephios/data",
    "DATABASE_URL": "sqlite:////var/ephios/data/db.sqlite3",
    "ALLOWED_HOSTS": "*",
    "SITE_URL": "http://localhost",
    "DEFAULT_FROM_EMAIL": "webmaster@localhost",
    "SERVER_EMAIL": "root@localhost",
    "ADMINS": "Root User <root@localhost>",
    "EMAIL_URL": "consolemail://",
    # Behind its TLS proxy (production settings redirect plain HTTP to https).
    "TRUST_X_FORWARDED_PROTO": "True",
}


def relock(repo: Path, fixed: str, message: str) -> None:
    """The user's fix: the project relocked as the error said (tests/data/services/<fixed>)."""
    for name in ("pyproject.toml", "poetry.lock"):
        shutil.copy(SERVICES / fixed / name, repo / name)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run([*git, "commit", "-qam", message], cwd=repo, check=True, capture_output=True)


def test_a_server_installed_beside_the_lock_is_refused_then_the_relocked_service_answers(
    tmp_path: Path, unique: str, warmbuild_venv: dict[str, str]
) -> None:
    """A user's journey on ephios as it is: init reads its Dockerfile, entrypoint and
    supervisord config; build-prod refuses the lock because the Dockerfile installs
    gunicorn beside it (one line naming the relock, exit 2, nothing built); relocked
    with gunicorn, the build's check stops at a package that imports pkg_resources
    without requiring setuptools (exit 1, naming the file and the relock); relocked
    again, the prod image migrates and runs its periodic job as one-off containers,
    then serves, and answers its own /healthcheck/ (database, cache, cron job, disk)."""
    repo = tmp_path / unique
    fresh_repository("ephios", repo)
    init = run(["warmbuild", "init"], repo, warmbuild_venv, timeout=300)
    assert init.returncode == 0, init.stdout + init.stderr
    written = yaml.safe_load((repo / "warmbuild.yaml").read_text())
    assert wrong_keys(written, EPHIOS_EXPECTED) == []

    refused = run(["warmbuild", "build-prod", "--branch", "main"], repo, warmbuild_venv, timeout=600)
    said = refused.stdout + refused.stderr
    assert refused.returncode == 2, said
    assert "server: gunicorn is not in what ./poetry.lock installs for prod" in said and "poetry add gunicorn" in said
    assert "Traceback" not in said

    relock(repo, "ephios.gunicorn-added", "poetry add gunicorn")
    undeclared = run(["warmbuild", "build-prod", "--branch", "main"], repo, warmbuild_venv, timeout=1200)
    said = undeclared.stdout + undeclared.stderr
    assert undeclared.returncode == 1, said
    assert "django-polymorphic 3.1.0 imports pkg_resources (polymorphic/__init__.py:9)" in said
    assert "poetry add setuptools" in said and "Traceback" not in said

    relock(repo, "ephios.setuptools-added", "poetry add setuptools")
    started = time.monotonic()
    build = run(["warmbuild", "build-prod", "--branch", "main"], repo, warmbuild_venv, timeout=1200)
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    image = f"127.0.0.1:5000/{image_name(unique)}/prod:main"
    print(
        f"ephios: build-prod {time.monotonic() - started:.0f}s, image {docker.image.inspect(image).size / 1e6:.0f} MB"
    )

    service = Service(
        "ephios", EPHIOS_EXPECTED, health="/healthcheck/", port=80, headers={"X-Forwarded-Proto": "https"}
    )
    with network_with_databases(unique, {}) as network:
        volume = docker.volume.create(f"{unique}-data")
        try:
            volumes = ((volume.name, "/var/ephios/data"),)
            run_once(image, network, EPHIOS_ENV, volumes, "python", "manage.py", "migrate", "--noinput")
            run_once(image, network, EPHIOS_ENV, volumes, "python", "-m", "ephios", "run_periodic")
            container = run_prod(image, f"{unique}-prod", network, EPHIOS_ENV, volumes)
            try:
                configured, uid = user_of(container, image)
                assert configured not in ("", "root", "0") and uid not in ("", "0"), (configured, uid)
                print(f"ephios: {wait_answer(container, network, service, HEALTH_SECONDS)}")
            finally:
                container.remove(force=True, volumes=True)
        finally:
            volume.remove()
