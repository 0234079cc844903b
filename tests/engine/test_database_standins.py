"""The database stand-ins (ci/provision-engine.sh builds them from Debian's packages:
Docker Hub is out of reach here) behave as the official images do for what the
real-services tests use: `postgres` creates the POSTGRES_USER role and POSTGRES_DB
database with POSTGRES_PASSWORD and refuses a wrong password over the network;
`redis` answers clients on another container."""

from __future__ import annotations

import subprocess

from support_services import DATABASES, database_image, network_with_databases

PASSWORD = DATABASES["postgres"].env["POSTGRES_PASSWORD"]


def client(network: str, image: str, *command: str, env: dict[str, str] | None = None) -> str:
    """``command`` in a throwaway container of ``image`` on ``network``: its output,
    or its error when it fails."""
    flags = [f"--env={name}={value}" for name, value in (env or {}).items()]
    run = ["docker", "run", "--rm", f"--network={network}", *flags, image, *command]
    done = subprocess.run(run, capture_output=True, text=True, timeout=120)
    return done.stdout.strip() if done.returncode == 0 else f"exit {done.returncode}: {done.stderr.strip()}"


def test_postgres_creates_the_user_and_database_it_is_given_and_checks_the_password(unique: str) -> None:
    image = database_image("postgres")
    assert image, "no postgres stand-in: ci/provision-engine.sh builds it"
    with network_with_databases(unique, {"postgres": "db"}) as network:
        query = ("psql", "-h", "db", "-U", "app", "-d", "app", "-Atc", "select current_user, current_database()")
        assert client(network, image, *query, env={"PGPASSWORD": PASSWORD}) == "app|app"
        refused = client(network, image, *query, env={"PGPASSWORD": "not-the-password"})
        assert 'password authentication failed for user "app"' in refused


def test_redis_answers_another_container(unique: str) -> None:
    image = database_image("redis")
    assert image, "no redis stand-in: ci/provision-engine.sh builds it"
    with network_with_databases(unique, {"redis": "cache"}) as network:
        assert client(network, image, "redis-cli", "-h", "cache", "set", unique, "kept") == "OK"
        assert client(network, image, "redis-cli", "-h", "cache", "get", unique) == "kept"
