"""The one module that talks to Docker: the real ``Engine``, through python-on-whales.

Builds run as the exact argv a plan prints (``docker buildx build …``), prefixed
with python-on-whales' client command so DOCKER_HOST, contexts and config
directories apply as they do for every other call.

python-on-whales is imported when a call first needs it: a build whose inputs did
not change asks only the registry and the image store, and starts in a fraction of
the time (README, Speed).
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import io
import json
import logging
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import registry_http
from .engine import ComposeProject, EngineFacts, ProgressCallback, Resolved, Unresolved
from .errors import BuildFailed, EngineError, Interrupted
from .failures import classify_failure, failure_reason, is_transient
from .gc import LocalImage
from .progress import BuildRun, RawJsonDecoder
from .refs import DOCKER_HUB, parse_image_ref

if TYPE_CHECKING:
    from python_on_whales import DockerClient
    from python_on_whales.exceptions import DockerException

log = logging.getLogger("warmbuild")
# Engine facts are asked once in this long and kept (per engine, client and builder):
# every task starts with them, and they change when someone reconfigures the engine.
FACTS_TTL_SECONDS = 300

CONTAINERD_SNAPSHOTTER = "io.containerd.snapshotter.v1"
# Seconds buildx gets to cancel a build cleanly after Ctrl-C before it is killed.
CANCEL_GRACE_SECONDS = 20


def _last_line(error: Any) -> str:
    text = (error.stderr or error.stdout or str(error)).strip()
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else f"exit code {error.return_code}"


def _docker_exception() -> type[DockerException]:
    from python_on_whales.exceptions import DockerException

    return DockerException


def run_cli(command: list[str]) -> str:
    from python_on_whales.utils import run

    return str(run(command))


class DockerEngine:
    """Docker Engine + buildx + compose, as DOCKER_HOST / DOCKER_CONTEXT say."""

    def __init__(self, client: DockerClient | None = None, cache_facts: bool = True) -> None:
        self._client = client
        self.cache_facts = cache_facts

    @property
    def client(self) -> DockerClient:
        if self._client is None:
            from python_on_whales import DockerClient

            self._client = DockerClient()
        return self._client

    @property
    def _docker(self) -> list[str]:
        if self._client is None:
            # The default client runs the docker on PATH, as DOCKER_HOST and
            # DOCKER_CONTEXT say: what python-on-whales' own command would be.
            return ["docker"]
        return [str(part) for part in self.client.client_config.docker_cmd]

    # --- facts ---------------------------------------------------------------------------

    def _facts_file(self, builder: str) -> Path:
        where = [os.environ.get(v, "") for v in ("DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_CONFIG", "PATH")]
        key = hashlib.sha256("\0".join([*where, str(shutil.which("docker")), builder]).encode()).hexdigest()[:16]
        return Path(tempfile.gettempdir()) / "warmbuild-facts" / f"{os.getuid()}-{key}.json"

    def facts(self, builder: str = "") -> EngineFacts:
        """Engine, buildx and builder. A usable answer is kept a few minutes (see
        FACTS_TTL_SECONDS); doctor always asks afresh, and a failed build forgets it."""
        cached = self._facts_file(builder)
        if self.cache_facts and cached.is_file() and time.time() - cached.stat().st_mtime < FACTS_TTL_SECONDS:
            try:
                data = json.loads(cached.read_text())
                return EngineFacts(**{**data, "mirrors": tuple(data["mirrors"])})
            except (ValueError, TypeError, KeyError):
                pass
        facts = self._ask_facts(builder)
        if self.cache_facts and facts.server_version and facts.buildx_version and facts.builder_name:
            cached.parent.mkdir(parents=True, exist_ok=True)
            scratch = cached.with_suffix(f".{os.getpid()}")
            scratch.write_text(json.dumps(facts.__dict__))
            scratch.replace(cached)
        return facts

    def forget_facts(self, builder: str = "") -> None:
        self._facts_file(builder).unlink(missing_ok=True)

    def _ask_facts(self, builder: str) -> EngineFacts:
        """Engine, buildx and builder, asked at once: each is a CLI round trip."""
        with ThreadPoolExecutor(max_workers=3) as pool:
            server = pool.submit(self._server_facts)
            buildx = pool.submit(self._buildx_facts)
            builder_facts = pool.submit(self._builder_facts, builder)
            found: dict[str, Any] = {
                "docker_host": os.environ.get("DOCKER_HOST", ""),
                **server.result(),
                **buildx.result(),
            }
            if found.get("server_version") and found.get("buildx_version"):
                found.update(builder_facts.result())
        return EngineFacts(**found)

    def _server_facts(self) -> dict[str, Any]:
        try:
            info = self.client.system.info()
        except _docker_exception() as error:
            return {"server_error": _last_line(error)}
        driver_status = {str(pair[0]): str(pair[1]) for pair in (info.driver_status or []) if len(pair) == 2}
        return {
            "server_version": info.server_version or "",
            "server_error": "" if info.server_version else "the daemon did not answer",
            "containerd_store": driver_status.get("driver-type") == CONTAINERD_SNAPSHOTTER,
            "mirrors": tuple((info.registry_config or {}).get("Mirrors") or ()),
        }

    def _buildx_facts(self) -> dict[str, Any]:
        try:
            return {"buildx_version": self.client.buildx.version().split()[1].removeprefix("v")}
        except _docker_exception() as error:
            return {"buildx_error": _last_line(error)}
        except IndexError:
            return {"buildx_error": "unreadable version"}

    def _builder_facts(self, builder: str) -> dict[str, Any]:
        try:
            found = self.client.buildx.inspect(builder or None)
        except _docker_exception() as error:
            return {"builder_error": _last_line(error)}
        platforms = [p for node in found.nodes or [] for p in (node.platforms or [])]
        endpoint = str(found.nodes[0].endpoint or "") if found.nodes else ""
        facts: dict[str, Any] = {
            "builder_name": found.name,
            "builder_driver": found.driver,
            "builder_platform": platforms[0] if platforms else "",
            "builder_endpoint": endpoint,
        }
        if found.driver == "docker" and endpoint and endpoint != self._current_context():
            # The docker driver builds in the engine of its context: ask that engine.
            facts["builder_engine"] = endpoint
            facts["builder_engine_containerd_store"] = self._context_uses_containerd(endpoint)
        return facts

    def _current_context(self) -> str:
        if os.environ.get("DOCKER_HOST"):
            return "default"  # DOCKER_HOST overrides the context: buildx calls it default
        try:
            return str(self.client.context.inspect(None).name)
        except _docker_exception():
            return "default"

    def _context_uses_containerd(self, context: str) -> bool:
        info = subprocess.run(
            [*self._docker, "--context", context, "info", "--format", "{{json .DriverStatus}}"],
            capture_output=True,
            text=True,
        )
        try:
            pairs = json.loads(info.stdout) if info.returncode == 0 else []
        except ValueError:
            return False
        return any(pair == ["driver-type", CONTAINERD_SNAPSHOTTER] for pair in pairs or [])

    # --- registry -------------------------------------------------------------------------

    def manifest_digest(self, image: str) -> str:
        """The digest of ``image``'s manifest (or index) in its registry, with the
        user's credentials. Raises DockerException when the registry does not hold it."""
        # python-on-whales' imagetools.inspect parses `--raw`, which carries no digest.
        text = run_cli([*self._docker, "buildx", "imagetools", "inspect", image, "--format", "{{json .Manifest}}"])
        return str(json.loads(str(text))["digest"])

    def resolve_digest(self, image: str, mirrors: Sequence[str] = ()) -> Resolved | Unresolved:
        """buildx asks the image's own registry. For Docker Hub images the daemon may
        use mirrors that buildx does not know about, so those are asked first, exactly
        as the daemon does when a build pulls the image."""
        ref = parse_image_ref(image)
        if ref.registry == DOCKER_HUB:
            for mirror in mirrors:
                digest = registry_http.lookup_manifest(mirror, ref)
                if digest:
                    return Resolved(digest, mirror.rstrip("/"))
        try:
            return Resolved(self.manifest_digest(image), ref.registry)
        except _docker_exception() as error:
            return Unresolved(_last_line(error))

    def registry_problem(self, registry: str) -> str | None:
        return registry_http.ping(registry)

    def registry_has(self, image: str) -> bool:
        """A plain HTTP question first (milliseconds); buildx, with the user's
        credentials, when anonymous access cannot tell."""
        ref = parse_image_ref(image)
        answer = registry_http.lookup_manifest(ref.registry, ref)
        if answer is not None:
            return bool(answer)
        try:
            self.manifest_digest(image)
            return True
        except _docker_exception():
            return False

    # --- local images ---------------------------------------------------------------------

    def cache_intact(self, ref: str) -> bool:
        image = parse_image_ref(ref)
        try:
            return not registry_http.missing_blobs(image.registry, image.repository, image.reference)
        except OSError:
            return True  # cannot tell (credentials, network): trust it, as BuildKit will

    def _inspect_image(self, image: str, field: str) -> str | None:
        # One plain CLI call, not python-on-whales (~0.1 s to import and parse): asked on
        # every build, also those that end up not running.
        inspect = subprocess.run(
            [*self._docker, "image", "inspect", "--format", f"{{{{.{field}}}}}", image], capture_output=True, text=True
        )
        return inspect.stdout.strip() or None if inspect.returncode == 0 else None

    def local_image_size(self, image: str) -> int | None:
        size = self._inspect_image(image, "Size")
        return int(size) if size and size.isdigit() else None

    def local_image_id(self, image: str) -> str | None:
        return self._inspect_image(image, "Id")

    def registry_digest(self, image: str) -> str | None:
        ref = parse_image_ref(image)
        answer = registry_http.lookup_manifest(ref.registry, ref)
        if answer is not None:
            return answer or None
        try:
            return self.manifest_digest(image)
        except _docker_exception():
            return None

    def local_images(self, prefix: str) -> list[LocalImage]:
        """The tagged images whose name starts with ``prefix``, one entry per tag."""
        found = []
        for image in self.client.image.list():
            created = image.created.timestamp() if image.created else None
            for tag in image.repo_tags or []:
                if tag.startswith(prefix):
                    found.append(LocalImage(tag, created, int(image.size or 0)))
        return found

    def remove_images(self, names: Sequence[str]) -> None:
        """Untag exactly these names (an image whose last tag goes is freed)."""
        if names:
            self.client.image.remove(list(names), force=True)

    def build_cache_bytes(self, builder: str = "") -> int | None:
        """The builder's cache size as `docker buildx du` totals it; None if unreadable."""
        command = [*self._docker, "buildx", "du"] + (["--builder", builder] if builder else [])
        try:
            text = run_cli(command)
        except _docker_exception():
            return None
        total = re.search(r"^Total:\s+([\d.]+)\s*([kKMGT]?B)", text, re.MULTILINE)
        if not total:
            return 0 if "Reclaimable" in text or not text.strip() else None
        # buildx prints decimal units (go-units HumanSize).
        scale = {"B": 1, "KB": 1000, "MB": 1000**2, "GB": 1000**3, "TB": 1000**4}[total[2].upper()]
        return int(float(total[1]) * scale)

    def prune_build_cache(
        self, builder: str = "", keep_cache_mounts: bool = False, keep_bytes: int | None = None
    ) -> None:
        """Empty the builder's local cache (a "new machine" for cache tests); with
        ``keep_cache_mounts``, only its layers: a machine that forgot its builds but
        keeps its download caches (uv's, pip's); with ``keep_bytes``, down to that
        budget, least recently used first (`invoke gc`)."""
        # python-on-whales' prune has no --builder option.
        prune = self._docker + ["buildx", "prune", "--all", "--force"] + (["--builder", builder] if builder else [])
        if keep_bytes is not None:
            run_cli([*prune, "--keep-storage", str(keep_bytes)])
            return
        if not keep_cache_mounts:
            run_cli(prune)
            return
        # One record type per call (filters are ANDed; buildx turns `!=` into an invalid `!==`).
        for record_type in ("regular", "source.local"):
            run_cli([*prune, "--filter", f"type={record_type}"])

    # --- builds -----------------------------------------------------------------------------

    def run_build(self, argv: Sequence[str], on_progress: ProgressCallback | None = None) -> BuildRun:
        """Run ``docker <argv>`` (argv starts with ``buildx build`` and asks for
        ``--progress=rawjson``), feeding progress to ``on_progress`` as it arrives.

        Raises BuildFailed or RegistryError naming the failing step, or Interrupted
        after Ctrl-C, once buildx has cancelled the build (so nothing is pushed). A
        build that failed for a passing reason (``failures.is_transient``) runs once more.
        """
        run = self._run_once(argv, on_progress)
        if run.returncode != 0 and is_transient(run):
            log.warning("the build failed for a passing reason (%s): building again", failure_reason(run))
            run = self._run_once(argv, on_progress)
        if run.returncode != 0:
            # Whatever failed, the next task asks the engine afresh.
            # The builder's name: --builder's, or a docker-driver builder's context.
            named = [argv[i + 1] for i, part in enumerate(argv[:-1]) if part in ("--builder", "--context")]
            self.forget_facts(named[0] if named else "")
            raise classify_failure(run)
        return run

    def _run_once(self, argv: Sequence[str], on_progress: ProgressCallback | None) -> BuildRun:
        run = BuildRun(argv=tuple(argv))
        command = self._docker + list(argv)
        log.debug("running %s", shlex.join(command))
        started = time.monotonic()
        try:
            # A new session: Ctrl-C reaches us alone, and we cancel buildx
            # deliberately, so a half-finished push never races our own cleanup.
            process = subprocess.Popen(
                command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
            )
        except FileNotFoundError:
            raise EngineError("the docker client is not installed", "run ci/provision-engine.sh") from None
        decoder = RawJsonDecoder()
        failure: list[BaseException] = []
        stream = process.stderr
        assert isinstance(stream, io.BufferedReader)  # stderr=PIPE

        def read_stream() -> None:
            text = codecs.getincrementaldecoder("utf-8")("replace")
            try:
                for chunk in iter(lambda: stream.read1(65536), b""):
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
            _cancel(process, reader)
            raise Interrupted(
                "interrupted: the build was cancelled; an unfinished build pushes and tags nothing",
                "run the task again: finished steps come from the cache",
            ) from None
        finally:
            run.seconds = time.monotonic() - started
            # Closing the stream under a blocked read would wait for that read.
            if not reader.is_alive():
                stream.close()
        decoder.close()
        run.messages = decoder.non_json
        if failure:
            raise failure[0]
        return run

    # --- compose (the dev stack) --------------------------------------------------------------

    def _compose(self, project: ComposeProject) -> DockerClient:
        from python_on_whales import DockerClient

        return DockerClient(
            compose_files=[str(path) for path in project.compose_files],
            compose_project_name=project.name,
            compose_env_files=[str(project.env_file)],
        )

    def compose_up(self, project: ComposeProject, services: Sequence[str], wait_seconds: int) -> None:
        """Start the stack and wait for its healthchecks. Never builds or pulls: the
        images are warmbuild's."""
        try:
            self._compose(project).compose.up(
                services=list(services) or None,
                detach=True,
                wait=True,
                wait_timeout=wait_seconds,
                pull="never",
                no_build=True,
                remove_orphans=True,
                quiet=True,
            )
        except _docker_exception() as error:
            raise BuildFailed(
                f"the dev stack did not become healthy: {_last_line(error)}", "see `invoke dev-logs`"
            ) from None

    def compose_down(self, project: ComposeProject, volumes: bool) -> None:
        self._compose(project).compose.down(remove_orphans=True, volumes=volumes, quiet=True)

    def compose_logs(self, project: ComposeProject, services: Sequence[str], follow: bool, tail: str) -> None:
        """Stream logs to the terminal (follow until Ctrl-C)."""
        logs = self._compose(project).compose.logs(services=list(services), follow=follow, tail=tail, stream=True)
        for _, line in logs:
            sys.stdout.write(line.decode("utf-8", "replace"))
            sys.stdout.flush()

    def compose_shell(self, project: ComposeProject, service: str, command: Sequence[str]) -> None:
        """Interactive on a terminal; from a script, run the command and print its output."""
        interactive = sys.stdin.isatty() and sys.stdout.isatty()
        output = self._compose(project).compose.execute(service, list(command), tty=interactive)
        if output:
            sys.stdout.write(f"{output}\n")

    def compose_containers(self, project: ComposeProject) -> list[str]:
        return [container.name for container in self._compose(project).compose.ps(all=True)]

    def compose_container_ids(self, project: ComposeProject) -> list[str]:
        return [container.id for container in self._compose(project).compose.ps()]

    def containers_healthy(self, ids: Sequence[str]) -> bool:
        if not ids:
            return False
        # One plain CLI call (no compose): what decides whether dev-up has anything to do.
        template = "{{.State.Running}} {{if .State.Health}}{{.State.Health.Status}}{{else}}healthy{{end}}"
        inspect = subprocess.run(
            [*self._docker, "container", "inspect", "--format", template, *ids], capture_output=True, text=True
        )
        states = inspect.stdout.split("\n")[: len(ids)]
        return inspect.returncode == 0 and all(state.strip() == "true healthy" for state in states)


def _cancel(process: subprocess.Popen[bytes], reader: threading.Thread) -> None:
    """SIGINT lets buildx cancel the solve and release its locks; kill only if stuck.
    The docker client runs buildx as a plugin, a second process of the same session:
    done is when the reader of their stderr has seen its end, that is when every
    process of the session has let go of it. Whatever is still there after the grace
    time is killed: its session closes and BuildKit cancels the solve, so nothing is
    pushed after we said "interrupted"."""
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
    reader.join(CANCEL_GRACE_SECONDS)
    if reader.is_alive() or process.poll() is None:
        _kill_session(process)
        reader.join(5)
    process.wait()


def _kill_session(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL whatever is left of the build's session (its own process group)."""
    with contextlib.suppress(ProcessLookupError):  # nothing left
        os.killpg(process.pid, signal.SIGKILL)
