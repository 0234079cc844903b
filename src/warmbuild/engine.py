"""The one module that talks to Docker (through python-on-whales).

Everything else is pure: it turns configuration and repository state into plans
and reports. Builds run as the exact argv a plan prints (``docker buildx build …``),
prefixed with python-on-whales' client command so DOCKER_HOST, contexts and config
directories apply as they do for every other call.
"""

from __future__ import annotations

import codecs
import json
import logging
import os
import shlex
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Sequence

from python_on_whales import DockerClient
from python_on_whales.exceptions import DockerException
from python_on_whales.utils import run as run_cli

from . import registry_http
from .errors import BuildFailed, EngineError, Interrupted, RegistryError
from .progress import BuildProgress, RawJsonDecoder
from .refs import DOCKER_HUB, parse_image_ref

log = logging.getLogger("warmbuild")

CONTAINERD_SNAPSHOTTER = "io.containerd.snapshotter.v1"
# Seconds buildx gets to cancel a build cleanly after Ctrl-C before it is killed.
CANCEL_GRACE_SECONDS = 20


def docker_client() -> DockerClient:
    """A client honouring DOCKER_HOST / DOCKER_CONTEXT from the environment."""
    return DockerClient()


def _first_line(error: DockerException) -> str:
    text = (error.stderr or error.stdout or str(error)).strip()
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else f"exit code {error.return_code}"


@dataclass(frozen=True)
class EngineFacts:
    """What doctor and the planner need to know about the engine. Empty strings mean
    "could not be read"; the matching ``*_error`` says why."""

    server_version: str = ""
    server_error: str = ""
    buildx_version: str = ""
    buildx_error: str = ""
    builder_name: str = ""
    builder_driver: str = ""
    builder_error: str = ""
    # The builder's native platform, e.g. linux/amd64.
    builder_platform: str = ""
    containerd_store: bool = False
    mirrors: tuple[str, ...] = ()
    docker_host: str = ""


def _server_facts(client: DockerClient) -> dict:
    try:
        info = client.system.info()
    except DockerException as error:
        return {"server_error": _first_line(error)}
    driver_status = dict(tuple(pair) for pair in (info.driver_status or []))
    return {
        "server_version": info.server_version or "",
        "server_error": "" if info.server_version else "the daemon did not answer",
        "containerd_store": driver_status.get("driver-type") == CONTAINERD_SNAPSHOTTER,
        "mirrors": tuple((info.registry_config or {}).get("Mirrors") or ()),
    }


def _buildx_facts(client: DockerClient) -> dict:
    try:
        return {"buildx_version": client.buildx.version().split()[1].removeprefix("v")}
    except DockerException as error:
        return {"buildx_error": _first_line(error)}
    except IndexError:
        return {"buildx_error": "unreadable version"}


def _builder_facts(client: DockerClient, builder: str) -> dict:
    try:
        found = client.buildx.inspect(builder or None)
    except DockerException as error:
        return {"builder_error": _first_line(error)}
    platforms = [p for node in found.nodes or [] for p in (node.platforms or [])]
    return {
        "builder_name": found.name,
        "builder_driver": found.driver,
        "builder_platform": platforms[0] if platforms else "",
    }


def read_engine_facts(client: DockerClient, builder: str = "") -> EngineFacts:
    """Engine, buildx and builder, asked at once: each is a CLI round trip, and every
    task starts with them."""
    with ThreadPoolExecutor(max_workers=3) as pool:
        server = pool.submit(_server_facts, client)
        buildx = pool.submit(_buildx_facts, client)
        builder_facts = pool.submit(_builder_facts, client, builder)
        facts = {"docker_host": os.environ.get("DOCKER_HOST", ""), **server.result(), **buildx.result()}
        if facts.get("server_version") and facts.get("buildx_version"):
            facts.update(builder_facts.result())
    return EngineFacts(**facts)


def manifest_digest(client: DockerClient, image: str) -> str:
    """The digest of ``image``'s manifest (or index) in its registry, with the user's
    credentials. Raises DockerException when the registry does not hold it."""
    # python-on-whales' imagetools.inspect parses `--raw`, which carries no digest.
    text = run_cli(
        client.client_config.docker_cmd + ["buildx", "imagetools", "inspect", image, "--format", "{{json .Manifest}}"]
    )
    return json.loads(text)["digest"]


def resolve_digest(client: DockerClient, image: str, mirrors: Sequence[str] = ()) -> tuple[str, str]:
    """(digest, where it was found) for an image reference, or ('', why not).

    buildx asks the image's own registry. For Docker Hub images the daemon may use
    mirrors that buildx does not know about, so those are asked too, exactly as the
    daemon does when a build pulls the image.
    """
    ref = parse_image_ref(image)
    # Mirrors first, as the daemon asks them first.
    if ref.registry == DOCKER_HUB:
        for mirror in mirrors:
            digest = registry_http.manifest_digest(mirror, ref)
            if digest:
                return digest, mirror.rstrip("/")
    try:
        return manifest_digest(client, image), ref.registry
    except DockerException as error:
        return "", _first_line(error)


def registry_has(client: DockerClient, image: str) -> bool:
    """Does the registry hold this tag? A plain HTTP question first (milliseconds);
    buildx, with the user's credentials, when anonymous access cannot tell."""
    ref = parse_image_ref(image)
    answer = registry_http.lookup_manifest(ref.registry, ref)
    if answer is not None:
        return bool(answer)
    try:
        manifest_digest(client, image)
        return True
    except DockerException:
        return False


@dataclass
class BuildRun:
    """The outcome of one `docker buildx build`."""

    argv: tuple[str, ...]
    progress: BuildProgress = field(default_factory=BuildProgress)
    seconds: float = 0.0
    returncode: int = 0
    messages: list[str] = field(default_factory=list)


def run_build(
    client: DockerClient,
    argv: Sequence[str],
    on_progress: Callable[[BuildProgress], None] | None = None,
) -> BuildRun:
    """Run ``docker <argv>`` (argv starts with ``buildx build`` and asks for
    ``--progress=rawjson``), feeding progress to ``on_progress`` as it arrives.

    Raises BuildFailed with the failing step and its last log lines, or Interrupted
    after Ctrl-C, once buildx has cancelled the build (so nothing is pushed).
    """
    run = BuildRun(argv=tuple(argv))
    command = [str(part) for part in client.client_config.docker_cmd] + list(argv)
    log.debug("running %s", shlex.join(command))
    started = time.monotonic()
    try:
        # A new session: Ctrl-C reaches us alone, and we cancel buildx deliberately,
        # so a half-finished push can never race our own cleanup.
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    except FileNotFoundError:
        raise EngineError("the docker client is not installed", "run ci/provision-engine.sh") from None
    decoder = RawJsonDecoder()
    failure: list[BaseException] = []

    def read_stream() -> None:
        text = codecs.getincrementaldecoder("utf-8")("replace")
        try:
            for chunk in iter(lambda: process.stderr.read1(65536), b""):
                for event in decoder.feed(text.decode(chunk)):
                    run.progress.feed(event)
                    if on_progress:
                        on_progress(run.progress)
        except BaseException as error:  # surfaced in the main thread
            failure.append(error)

    reader = threading.Thread(target=read_stream, daemon=True)
    reader.start()
    try:
        while reader.is_alive():
            reader.join(0.2)
        run.returncode = process.wait()
    except KeyboardInterrupt:
        _cancel(process)
        reader.join(5)
        raise Interrupted(
            "interrupted: the build was cancelled; an unfinished build pushes and tags nothing",
            "run the task again: finished steps come from the cache",
        ) from None
    finally:
        run.seconds = time.monotonic() - started
        process.stderr.close()
    decoder.close()
    run.messages = decoder.non_json
    if failure:
        raise failure[0]
    if run.returncode != 0:
        raise _failure(run)
    return run


def _cancel(process: subprocess.Popen) -> None:
    """SIGINT lets buildx cancel the solve and release its locks; kill only if stuck."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGINT)
    try:
        process.wait(CANCEL_GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


# What buildx says when the registry, not the build, failed.
_REGISTRY_FAILURES = ("failed to push", "error writing layer blob", "failed to export cache", "unexpected status from")


def _failure(run: BuildRun) -> BuildFailed | RegistryError:
    # A cache ref that does not exist yet is reported as a failed vertex, but BuildKit
    # goes on without it: that is never the reason a build failed.
    failed = [v for v in run.progress.failed if not v.name.startswith("importing cache manifest")]
    failed.sort(key=lambda v: not v.is_step)
    if failed:
        vertex = failed[0]
        tail = [line for line in run.progress.log_of(vertex).splitlines() if line.strip()][-3:]
        detail = f" ({' | '.join(tail)})" if tail else ""
        reason = f"{vertex.name}: {vertex.error}{detail}"
    else:
        errors = [line for line in run.messages if line.strip()]
        reason = errors[-1] if errors else f"buildx exited with {run.returncode}"
    if any(marker in reason for marker in _REGISTRY_FAILURES):
        return RegistryError(
            f"the registry refused or dropped the push: {' '.join(reason.split())}",
            "check the registry (reachable, writable, credentials) and rerun; an unfinished push moves no tag",
        )
    return BuildFailed(f"build failed at {reason}", "read the step's log above; rerun with --debug for the command")


def prune_build_cache(client: DockerClient, builder: str = "", keep_cache_mounts: bool = False) -> None:
    """Empty the builder's local cache (a "new machine" for cache tests); with
    ``keep_cache_mounts``, only its layers: a machine that forgot its builds but keeps
    its download caches (uv's, pip's)."""
    # python-on-whales' prune has no --builder option.
    prune = client.client_config.docker_cmd + ["buildx", "prune", "--all", "--force", *_builder_flag(builder)]
    if not keep_cache_mounts:
        run_cli(prune)
        return
    # One record type per call (filters are ANDed; buildx turns `!=` into an invalid `!==`).
    for record_type in ("regular", "source.local"):
        run_cli(prune + ["--filter", f"type={record_type}"])


def remove_local_images(client: DockerClient, prefixes: tuple[str, ...]) -> None:
    """Untag (and so free) every local image whose name starts with one of ``prefixes``."""
    doomed = [tag for image in client.image.list() for tag in image.repo_tags if tag.startswith(prefixes)]
    if doomed:
        client.image.remove(doomed, force=True)


def _builder_flag(builder: str) -> list[str]:
    return ["--builder", builder] if builder else []


def image_size(client: DockerClient, image: str) -> int:
    """Bytes of the image in the local store (0 when the builder did not load it)."""
    try:
        return int(client.image.inspect(image).size or 0)
    except DockerException:
        return 0


# --- compose (the dev stack) ------------------------------------------------------------


def compose_client(compose_file: str, project: str, env_file: str) -> DockerClient:
    return DockerClient(compose_files=[compose_file], compose_project_name=project, compose_env_files=[env_file])


def compose_up(client: DockerClient, services: Sequence[str], wait_seconds: int) -> None:
    """Start the stack and wait for its healthchecks. Never builds or pulls: the
    images are warmbuild's."""
    try:
        client.compose.up(
            services=list(services) or None,
            detach=True,
            wait=True,
            wait_timeout=wait_seconds,
            pull="never",
            no_build=True,
            remove_orphans=True,
            quiet=True,
        )
    except DockerException as error:
        raise BuildFailed(
            f"the dev stack did not become healthy: {_first_line(error)}", "see `invoke dev-logs`"
        ) from None


def compose_down(client: DockerClient, volumes: bool) -> None:
    client.compose.down(remove_orphans=True, volumes=volumes, quiet=True)


def compose_logs(client: DockerClient, services: Sequence[str], follow: bool, tail: str) -> None:
    """Stream logs to the terminal (follow until Ctrl-C)."""
    for _, line in client.compose.logs(services=list(services), follow=follow, tail=tail, stream=True):
        sys.stdout.write(line.decode("utf-8", "replace"))
        sys.stdout.flush()


def compose_shell(client: DockerClient, service: str, command: Sequence[str]) -> None:
    """Interactive on a terminal; from a script, run the command and print its output."""
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    output = client.compose.execute(service, list(command), tty=interactive)
    if output:
        sys.stdout.write(output + "\n")


def compose_containers(client: DockerClient) -> list[str]:
    return [container.name for container in client.compose.ps(all=True)]
