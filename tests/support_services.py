"""Helpers of the real-services test (tests/e2e/test_real_services.py): what a case
says of a service, the databases it needs on a network of the test's own, and how a
running prod container is asked whether it is healthy."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from python_on_whales import Container, docker
from support import IN_CI, address_of

from warmbuild import registry_http

SERVICES = Path(__file__).resolve().parent / "data" / "services"
REGISTRY = "127.0.0.1:5000"


class InitGuessWrong(AssertionError):
    """`warmbuild init` wrote a value the service does not run with: the case's known
    gap (its xfail names the key, the value that works and where the repository says it)."""


@dataclass(frozen=True)
class Service:
    """One real service as the case runs it.

    ``expected``: the warmbuild.yaml keys init must find, with the values the service
    runs with. ``health``: a GET route on ``port`` (starting with /) or a command run
    in the container. ``databases``: which of DATABASES it needs (network aliases as
    its docs name them). ``run_env``: what its docs say to set at `docker run`
    (secrets too: never in the config). ``before``: what an operator runs once first."""

    name: str
    expected: Mapping[str, object]
    health: str | tuple[str, ...]
    port: int
    databases: Mapping[str, str] = field(default_factory=dict)
    run_env: Mapping[str, str] = field(default_factory=dict)
    # Headers of the health request, as the proxy in front of it sends them.
    headers: Mapping[str, str] = field(default_factory=dict)
    # One-off commands its docs run in the image before it serves (migrations).
    before: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Database:
    """A database stand-in from the local registry (built from Debian packages)."""

    repository: str  # library/postgres
    env: Mapping[str, str]
    ready: tuple[str, ...]  # a command in the container that exits 0 once it serves


DATABASES = {
    "postgres": Database(
        "library/postgres",
        {"POSTGRES_USER": "app", "POSTGRES_PASSWORD": "test-only-password", "POSTGRES_DB": "app"},
        ("pg_isready", "-U", "app", "-d", "app", "-h", "127.0.0.1"),
    ),
    "redis": Database("library/redis", {}, ("redis-cli", "ping")),
}


def database_image(kind: str) -> str | None:
    """The stand-in's image (its newest tag in the local registry), or None."""
    repository = DATABASES[kind].repository
    try:
        tags = sorted(registry_http.tags(REGISTRY, repository), key=_tag_order)
    except Exception:  # the registry does not know it
        return None
    if not tags:
        return None
    return f"{repository.removeprefix('library/')}:{tags[-1]}"


def _tag_order(tag: str) -> tuple[int, ...]:
    numbers = [int(part) for part in tag.replace("-", ".").split(".") if part.isdigit()]
    return (*numbers, -len(tag))


def missing_databases(service: Service) -> list[str]:
    return [kind for kind in service.databases if database_image(kind) is None]


@contextlib.contextmanager
def network_with_databases(name: str, databases: Mapping[str, str], seconds: float = 90) -> Iterator[str]:
    """A docker network of the test's own, ``databases`` (kind -> the network alias a
    service's docs use) on it, ready; all removed afterwards whatever happens; yields
    the network's name."""
    docker.network.create(name)
    started: list[Container] = []
    try:
        for kind, alias in databases.items():
            image = database_image(kind)
            assert image, f"no {kind} stand-in in {REGISTRY}"
            database = DATABASES[kind]
            started.append(
                docker.run(
                    image,
                    detach=True,
                    name=f"{name}-{kind}",
                    networks=[name],
                    network_aliases=[alias],
                    envs=dict(database.env),
                )
            )
            _wait_command(started[-1], database.ready, seconds, f"{kind} ({image})")
        yield name
    finally:
        for container in started:
            container.remove(force=True, volumes=True)
        docker.network.remove(name)


def _wait_command(container: Container, command: tuple[str, ...], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if _exits_zero(container, command):
            return
        time.sleep(1)
    raise AssertionError(f"{what} not ready after {seconds:.0f}s:\n{str(docker.logs(container))[-3000:]}")


def _exits_zero(container: Container, command: tuple[str, ...]) -> bool:
    probe = subprocess.run(["docker", "exec", container.id, *command], capture_output=True, timeout=30)
    return probe.returncode == 0


def run_prod(
    image: str,
    name: str,
    network: str,
    env: Mapping[str, str],
    volumes: tuple[tuple[str, str], ...] = (),
) -> Container:
    """The prod image as production runs it: read-only root filesystem, /tmp a tmpfs;
    the folders the app writes are the image's VOLUMEs (from `writable`), or the
    named ``volumes`` (name, folder) an operator mounts there to keep them."""
    return docker.run(
        image, detach=True, name=name, networks=[network], read_only=True, tmpfs=["/tmp"], envs=dict(env),
        volumes=list(volumes),
    )  # fmt: skip


def run_once(
    image: str, network: str, env: Mapping[str, str], volumes: tuple[tuple[str, str], ...], *command: str
) -> str:
    """A one-off command in the prod image (migrations, a periodic job), as an operator
    runs it beside the service: its output; fails with it when it fails."""
    flags = [f"--env={k}={v}" for k, v in env.items()] + [f"--volume={v}:{f}" for v, f in volumes]
    argv = ["docker", "run", "--rm", "--read-only", "--tmpfs=/tmp", f"--network={network}", *flags, image, *command]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, (
        f"{' '.join(command)} exited {done.returncode}:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    )
    return done.stdout


def user_of(container: Container, image: str) -> tuple[str, str]:
    """(the container's Config.User, as `docker inspect` shows it; `id -u` in a
    container of the image, which answers even when the app has stopped)."""
    configured = container.config.user or ""
    uid = subprocess.run(
        ["docker", "run", "--rm", "--read-only", "--entrypoint", "id", image, "-u"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    return configured, uid.stdout.strip()


def wait_answer(container: Container, network: str, service: Service, seconds: float) -> str:
    """Ask the service's own health route (or command) until it answers 2xx (exit 0);
    returns what answered. Fails with the container's log if it never does."""
    deadline = time.monotonic() + seconds
    last = ""
    while time.monotonic() < deadline:
        if not docker.container.inspect(container.id).state.running:
            break
        if isinstance(service.health, str):
            url = f"http://{address_of(container.id, network)}:{service.port}{service.health}"
            try:
                request = urllib.request.Request(url, headers=dict(service.headers))
                with urllib.request.urlopen(request, timeout=5) as response:
                    return f"GET {service.health} {response.status}"
            except urllib.error.HTTPError as error:
                last = f"GET {service.health} {error.code}"
            except OSError as error:
                last = f"GET {service.health}: {error}"
        elif _exits_zero(container, service.health):
            return f"{' '.join(service.health)}: exit 0"
        time.sleep(1)
    raise AssertionError(f"no healthy answer in {seconds:.0f}s ({last}):\n{str(docker.logs(container))[-4000:]}")


def wrong_keys(written: Mapping[str, Any], expected: Mapping[str, object]) -> list[str]:
    """Each key init wrote differently from what the service runs with."""
    return [
        f"{key}: init wrote {written.get(key)!r}, the service runs with {value!r}"
        for key, value in expected.items()
        if written.get(key) != value
    ]


def reasons(config_text: str, keys: list[str]) -> str:
    """The reason comments above ``keys`` in warmbuild.yaml, one short phrase each."""
    found: dict[str, str] = {}
    comment: list[str] = []
    for line in config_text.splitlines():
        if line.startswith("#"):
            comment.append(line.lstrip("# ").strip())
        elif ":" in line and not line.startswith(" "):
            key = line.split(":", 1)[0]
            text = " ".join(c for c in comment if not c.startswith("CHECK"))
            found[key] = text.split(" (")[0][:70] + (" [CHECK]" if any(c.startswith("CHECK") for c in comment) else "")
            comment = []
        elif not line.strip():
            comment = []
    return "; ".join(f"{key} <- {found[key]}" for key in keys if key in found)


def databases_available_or_skip(service: Service) -> str:
    """'' when every stand-in the service needs is in the registry, else why not
    (the test fails with it in CI and skips elsewhere)."""
    missing = missing_databases(service)
    if not missing:
        return ""
    return f"{service.name} needs {', '.join(missing)}: no stand-in in {REGISTRY} (ci/provision-engine.sh makes them)"


__all__ = [
    "DATABASES",
    "IN_CI",
    "SERVICES",
    "InitGuessWrong",
    "Service",
    "database_image",
    "databases_available_or_skip",
    "network_with_databases",
    "reasons",
    "run_once",
    "run_prod",
    "user_of",
    "wait_answer",
    "wrong_keys",
]


def fresh_repository(service: str, destination: Path) -> None:
    """A copy of a corpus service as a new git repository (one commit)."""
    shutil.copytree(SERVICES / service, destination)
    assert not (destination / "warmbuild.yaml").exists(), "nothing of ours"
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    for command in (["init", "-q", "-b", "main"], ["add", "."], ["commit", "-q", "-m", "the service"]):
        subprocess.run([*git, *command], cwd=destination, check=True, capture_output=True)


def run(command: list[str], cwd: Path, env: dict[str, str], timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
