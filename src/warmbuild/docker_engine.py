"""The one module that talks to Docker: the real ``Engine``.

Every docker, buildx and compose process starts in one place, ``DockerEngine._run``
(the gate): its command is logged with --debug, and a failure becomes one member of
the error family (``failures.classify_command``: engine down, disk full, not found,
or a plain failure naming the command and its last words). Builds run as the exact
argv a plan prints (``docker buildx build …``).

python-on-whales' models read the JSON the engine answers with where their types
help (``docker info``, ``docker image inspect``); they are imported only then, so a
build whose inputs did not change starts in a fraction of the time (README, Speed).
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
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import quick
from .engine import (
    ComposeProject,
    EngineFacts,
    ProgressCallback,
    Resolved,
    ServiceState,
    Unresolved,
    compose_command,
    compose_up_args,
)
from .errors import BuildFailed, DiskFull, EngineError, Interrupted, NotFound, WarmbuildError
from .failures import CommandFailure, classify_command, classify_failure, failure_reason, is_transient
from .progress import BuildRun, RawJsonDecoder
from .refs import DOCKER_HUB, parse_image_ref

if TYPE_CHECKING:
    from .gc import LocalImage

log = logging.getLogger("warmbuild")
# Engine facts are asked once in this long and kept (per engine, client and builder):
# every task starts with them, and they change when someone reconfigures the engine.
FACTS_TTL_SECONDS = 300

CONTAINERD_SNAPSHOTTER = "io.containerd.snapshotter.v1"
# Seconds buildx gets to cancel a build cleanly after Ctrl-C before it is killed.
CANCEL_GRACE_SECONDS = 20
NO_CLIENT_FIX = "install the docker client with its buildx and compose plugins (README, Setting up an engine)"


class Stdio(Enum):
    """How a docker process is connected."""

    CAPTURE = "capture"  # stdout and stderr read into the result; no stdin
    TERMINAL = "terminal"  # the user's terminal (stdin, stdout, stderr inherited)
    BUILD = "build"  # stderr streamed to a reader as it comes; a session of its own


@dataclass(frozen=True)
class Finished:
    command: tuple[str, ...]
    returncode: int
    stdout: str = ""
    stderr: str = ""


StderrReader = Callable[[str], None]


class DockerEngine:
    """Docker Engine + buildx + compose, as DOCKER_HOST / DOCKER_CONTEXT say."""

    def __init__(self, docker: Sequence[str] = ("docker",), cache_facts: bool = True) -> None:
        # The client command; DOCKER_HOST, DOCKER_CONTEXT and DOCKER_CONFIG apply to it.
        self._docker = tuple(docker)
        self.cache_facts = cache_facts

    # --- the gate -------------------------------------------------------------------------

    def _run(
        self,
        args: Sequence[str],
        *,
        what: str = "",
        stdio: Stdio = Stdio.CAPTURE,
        check: bool = True,
        on_stderr: StderrReader | None = None,
    ) -> Finished:
        """Run ``docker <args>``: the only place warmbuild starts a process of docker.

        With ``check``, a non-zero exit raises the error family's member for it.
        Stdio.BUILD streams stderr to ``on_stderr`` and, on Ctrl-C, lets buildx cancel
        the build before raising Interrupted (so nothing is pushed after we said so).
        Stdio.TERMINAL returns the command's own exit status (Ctrl-C ends it, not us).
        """
        command = (*self._docker, *args)
        quick.observe_docker(args)
        what = what or " ".join(args[:2])
        log.debug("running %s", shlex.join(command))
        connect: dict[str, Any] = {
            Stdio.CAPTURE: {"stdin": subprocess.DEVNULL, "stdout": subprocess.PIPE, "stderr": subprocess.PIPE},
            Stdio.TERMINAL: {},
            # A new session: Ctrl-C reaches us alone, and we cancel buildx
            # deliberately, so a half-finished push never races our own cleanup.
            Stdio.BUILD: {
                "stdin": subprocess.DEVNULL,
                "stdout": subprocess.DEVNULL,
                "stderr": subprocess.PIPE,
                "start_new_session": True,
            },
        }[stdio]
        try:
            process = subprocess.Popen(command, **connect)
        except FileNotFoundError:
            raise EngineError(f"the docker client ({self._docker[0]}) is not installed", NO_CLIENT_FIX) from None
        if stdio is Stdio.BUILD:
            stdout, stderr = "", _read_build_stderr(process, on_stderr)
        elif stdio is Stdio.TERMINAL:
            stdout, stderr = "", ""
            _wait_for_terminal(process)
        else:
            out, err = process.communicate()
            stdout, stderr = out.decode("utf-8", "replace"), err.decode("utf-8", "replace")
        finished = Finished(command, process.returncode, stdout, stderr)
        if check and finished.returncode != 0:
            failure = CommandFailure(what, command, finished.returncode, stderr)
            log.debug("%s exited %d: %s", what, finished.returncode, " | ".join(failure.tail))
            raise classify_command(failure)
        return finished

    def _json(self, args: Sequence[str], what: str = "") -> Any:
        return json.loads(self._run(args, what=what).stdout or "null")

    # --- facts ---------------------------------------------------------------------------

    def _facts_file(self, builder: str) -> Path:
        where = [os.environ.get(v, "") for v in ("DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_CONFIG", "PATH")]
        client = str(shutil.which(self._docker[0]))
        key = hashlib.sha256("\0".join([*where, client, *self._docker[1:], builder]).encode()).hexdigest()[:16]
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
            with contextlib.suppress(OSError):  # a cache: a read-only temp folder only costs time
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
            server = pool.submit(_answer, self._server_facts, "server_error")
            buildx = pool.submit(_answer, self._buildx_facts, "buildx_error")
            builder_facts = pool.submit(_answer, lambda: self._builder_facts(builder), "builder_error")
            found: dict[str, Any] = {
                "docker_host": os.environ.get("DOCKER_HOST", ""),
                **server.result(),
                **buildx.result(),
            }
            if found.get("server_version") and found.get("buildx_version"):
                found.update(builder_facts.result())
        return EngineFacts(**found)

    def _server_facts(self) -> dict[str, Any]:
        from python_on_whales.components.system.models import SystemInfo

        info = SystemInfo(**self._json(["info", "--format", "{{json .}}"], "info"))
        driver_status = {str(pair[0]): str(pair[1]) for pair in (info.driver_status or []) if len(pair) == 2}
        return {
            "server_version": info.server_version or "",
            "server_error": "" if info.server_version else "the daemon did not answer",
            "containerd_store": driver_status.get("driver-type") == CONTAINERD_SNAPSHOTTER,
            "mirrors": tuple((info.registry_config or {}).get("Mirrors") or ()),
        }

    def _buildx_facts(self) -> dict[str, Any]:
        words = self._run(["buildx", "version"]).stdout.split()
        if len(words) < 2:
            return {"buildx_error": "unreadable version"}
        return {"buildx_version": words[1].removeprefix("v")}

    def _builder_facts(self, builder: str) -> dict[str, Any]:
        found = parse_builder(self._run(["buildx", "inspect", *([builder] if builder else [])]).stdout)
        facts: dict[str, Any] = {
            "builder_name": found.get("Name", ""),
            "builder_driver": found.get("Driver", ""),
            "builder_platform": found.get("Platforms", "").split(",")[0].strip(),
            "builder_platforms": tuple(p.strip() for p in found.get("Platforms", "").split(",") if p.strip()),
            "builder_endpoint": found.get("Endpoint", ""),
        }
        endpoint = facts["builder_endpoint"]
        if facts["builder_driver"] == "docker" and endpoint and endpoint != self._current_context():
            # The docker driver builds in the engine of its context: ask that engine.
            facts["builder_engine"] = endpoint
            facts["builder_engine_containerd_store"] = self._context_uses_containerd(endpoint)
        return facts

    def _current_context(self) -> str:
        if os.environ.get("DOCKER_HOST"):
            return "default"  # DOCKER_HOST overrides the context: buildx calls it default
        try:
            return self._run(["context", "inspect", "--format", "{{.Name}}"]).stdout.strip() or "default"
        except WarmbuildError:
            return "default"

    def _context_uses_containerd(self, context: str) -> bool:
        try:
            pairs = self._json(["--context", context, "info", "--format", "{{json .DriverStatus}}"], "info")
        except (WarmbuildError, ValueError):
            return False
        return any(pair == ["driver-type", CONTAINERD_SNAPSHOTTER] for pair in pairs or [])

    # --- registry -------------------------------------------------------------------------

    def manifest_digest(self, image: str) -> str:
        """The digest of ``image``'s manifest (or index) in its registry, with the
        user's credentials. Raises NotFound when the registry does not hold it."""
        # `--raw` carries no digest; the formatted manifest does.
        found = self._json(["buildx", "imagetools", "inspect", image, "--format", "{{json .Manifest}}"])
        return str(found["digest"])

    def resolve_digest(self, image: str, mirrors: Sequence[str] = ()) -> Resolved | Unresolved:
        """buildx asks the image's own registry. For Docker Hub images the daemon may
        use mirrors that buildx does not know about, so those are asked first, exactly
        as the daemon does when a build pulls the image."""
        from . import registry_http

        ref = parse_image_ref(image)
        if ref.registry == DOCKER_HUB:
            for mirror in mirrors:
                digest = registry_http.lookup_manifest(mirror, ref)
                if digest:
                    return Resolved(digest, mirror.rstrip("/"))
        # Elsewhere than Docker Hub (whose anonymous pulls need a token), a plain HTTP
        # question first: milliseconds, and what `quick` can ask again. buildx, with
        # the user's credentials, when anonymous access cannot tell.
        answer = registry_http.lookup_manifest(ref.registry, ref) if ref.registry != DOCKER_HUB else None
        if answer:
            return Resolved(answer, ref.registry)
        try:
            return Resolved(self.manifest_digest(image), ref.registry)
        except EngineError:
            raise
        except WarmbuildError as error:
            return Unresolved(error.problem)

    def registry_problem(self, registry: str) -> str | None:
        from . import registry_http

        return registry_http.ping(registry)

    def registry_has(self, image: str) -> bool:
        """A plain HTTP question first (milliseconds); buildx, with the user's
        credentials, when anonymous access cannot tell."""
        return self.registry_digest(image) is not None

    def registry_digest(self, image: str) -> str | None:
        from . import registry_http

        ref = parse_image_ref(image)
        answer = registry_http.lookup_manifest(ref.registry, ref)
        if answer is not None:
            return answer or None
        try:
            return self.manifest_digest(image)
        except NotFound:
            return None

    def cache_intact(self, ref: str) -> bool:
        from . import registry_http

        image = parse_image_ref(ref)
        try:
            return not registry_http.missing_blobs(image.registry, image.repository, image.reference)
        except OSError:
            return True  # cannot tell (credentials, network): trust it, as BuildKit will

    # --- local images ---------------------------------------------------------------------

    def _inspect_image(self, image: str, field: str) -> str | None:
        # A format string, not a model: asked on every build, also those that end up
        # not running, where importing and parsing would cost more than the answer.
        try:
            answer = self._run(["image", "inspect", "--format", f"{{{{.{field}}}}}", image], what="image inspect")
        except NotFound:
            found = None
        else:
            found = answer.stdout.strip() or None
        if field == "Id":
            quick.observe_image(image, found)
        return found

    def local_image_size(self, image: str) -> int | None:
        size = self._inspect_image(image, "Size")
        return int(size) if size and size.isdigit() else None

    def local_image_id(self, image: str) -> str | None:
        return self._inspect_image(image, "Id")

    def local_images(self, prefix: str) -> list[LocalImage]:
        """The tagged images whose name starts with ``prefix``, one entry per tag."""
        from python_on_whales.components.image.models import ImageInspectResult

        from .gc import LocalImage

        ids = self._run(["image", "ls", "--quiet", "--no-trunc"]).stdout.split()
        if not ids:
            return []
        found = []
        for raw in self._json(["image", "inspect", *dict.fromkeys(ids)], "image inspect"):
            image = ImageInspectResult(**raw)
            created = image.created.timestamp() if image.created else None
            for tag in image.repo_tags or []:
                if tag.startswith(prefix):
                    found.append(LocalImage(tag, created, int(image.size or 0)))
        return found

    def remove_images(self, names: Sequence[str]) -> None:
        """Untag exactly these names (an image whose last tag goes is freed)."""
        if names:
            self._run(["image", "rm", "--force", *names])

    def create_index(self, argv: Sequence[str]) -> None:
        """An OCI index of the platform images, pushed registry to registry (no pull)."""
        self._run(argv, what="buildx imagetools create")

    def build_cache_bytes(self, builder: str = "") -> int | None:
        """The builder's cache size as `docker buildx du` totals it; None if unreadable."""
        try:
            text = self._run(["buildx", "du", *(["--builder", builder] if builder else [])]).stdout
        except WarmbuildError:
            return None
        return parse_du_total(text)

    def prune_build_cache(
        self, builder: str = "", keep_cache_mounts: bool = False, keep_bytes: int | None = None
    ) -> None:
        """Empty the builder's local cache; with ``keep_cache_mounts``, only its
        layers: a machine that forgot its builds but keeps its download caches (uv's,
        pip's); with ``keep_bytes``, down to that budget, least recently used first
        (`invoke gc`)."""
        prune = ["buildx", "prune", "--all", "--force", *(["--builder", builder] if builder else [])]
        if keep_bytes is not None:
            self._run([*prune, "--keep-storage", str(keep_bytes)])
        elif not keep_cache_mounts:
            self._run(prune)
        else:
            # One record type per call (filters are ANDed; buildx turns `!=` into an invalid `!==`).
            for record_type in ("regular", "source.local"):
                self._run([*prune, "--filter", f"type={record_type}"])

    # --- builds -----------------------------------------------------------------------------

    def run_build(
        self, argv: Sequence[str], on_progress: ProgressCallback | None = None, builder: str = ""
    ) -> BuildRun:
        """Run ``docker <argv>`` (argv starts with ``buildx build`` and asks for
        ``--progress=rawjson``), feeding progress to ``on_progress`` as it arrives.
        ``builder`` names the builder the argv uses (its facts are forgotten on failure).

        Raises BuildFailed or RegistryError naming the failing step, or Interrupted
        after Ctrl-C, once buildx has cancelled the build (so nothing is pushed). A
        build that failed for a passing reason (``failures.is_transient``) runs once more.
        """
        run = self._build_once(argv, on_progress)
        if run.returncode != 0 and is_transient(run):
            log.warning("the build failed for a passing reason (%s): building again", failure_reason(run))
            run = self._build_once(argv, on_progress)
        if run.returncode != 0:
            # Whatever failed, the next task asks the engine afresh.
            self.forget_facts(builder)
            raise classify_failure(run)
        return run

    def _build_once(self, argv: Sequence[str], on_progress: ProgressCallback | None) -> BuildRun:
        run = BuildRun(argv=tuple(argv))
        decoder = RawJsonDecoder()

        def feed(text: str) -> None:
            for event in decoder.feed(text):
                run.progress.feed(event)
                if on_progress:
                    on_progress(run.progress)

        started = time.monotonic()
        try:
            finished = self._run(argv, what="buildx build", stdio=Stdio.BUILD, check=False, on_stderr=feed)
        finally:
            run.seconds = time.monotonic() - started
        decoder.close()
        run.returncode = finished.returncode
        run.messages = decoder.non_json
        return run

    # --- compose (the dev stack) --------------------------------------------------------------

    def _compose(self, project: ComposeProject, *args: str) -> list[str]:
        return compose_command(project, *args)

    def compose_version(self) -> str:
        try:
            return self._run(["compose", "version", "--short"], what="compose version").stdout.strip()
        except WarmbuildError:
            return ""

    def compose_up(self, project: ComposeProject, services: Sequence[str], wait_seconds: int) -> None:
        """Start the stack and wait for its healthchecks (`compose_up_args`)."""
        try:
            self._run(self._compose(project, *compose_up_args(project, services, wait_seconds)), what="compose up")
        except (EngineError, DiskFull):
            raise
        except WarmbuildError as error:
            raise BuildFailed(
                f"the dev stack did not become healthy: {error.problem}", "see `invoke dev-logs`"
            ) from None

    def compose_down(self, project: ComposeProject, volumes: bool) -> None:
        down = ["down", "--remove-orphans", *(["--volumes"] if volumes else [])]
        self._run(self._compose(project, *down), what="compose down")

    def host_port_free(self, port: int) -> bool:
        # The engine runs here (dev-up is local): its published ports are this host's.
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            # As the engine binds: connections of a stack just stopped (TIME_WAIT) do not count.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(("0.0.0.0", port))
            except OSError:
                return False
        return True

    def compose_restart(self, project: ComposeProject, services: Sequence[str], stop_seconds: int) -> None:
        restart = ["restart", "--timeout", str(stop_seconds), *services]
        self._run(self._compose(project, *restart), what="compose restart")

    def wait_until_listening(self, project: ComposeProject, services: Sequence[str], seconds: int) -> tuple[str, ...]:
        ids = self._run(self._compose(project, "ps", "--quiet", *services), what="compose ps").stdout.split()
        deadline = time.monotonic() + seconds
        waiting: dict[str, list[tuple[str, int]]] | None = None
        while ids:
            found = json.loads(self._run(["container", "inspect", *ids], what="container inspect").stdout)
            if waiting is None:
                waiting = {name: addresses for name, addresses in map(_listen_addresses, found) if addresses}
            stopped = {_service_of(c) for c in found if not (c.get("State") or {}).get("Running")}
            if stopped & set(waiting):
                break  # it exited or restarts: no use waiting for it
            for name, addresses in list(waiting.items()):
                answers = [_accepts(address) for address in addresses]
                # Any port is enough (images expose ports they do not listen on by default);
                # an address this host cannot reach at all (rootless engine) cannot be asked.
                if any(answers) or all(answer is None for answer in answers):
                    del waiting[name]
            if not waiting or time.monotonic() > deadline:
                break
            time.sleep(0.25)
        return tuple(name for name in services if name in (waiting or {}))

    def compose_run(self, project: ComposeProject, service: str, command: Sequence[str]) -> tuple[int, list[str]]:
        run = ["run", "--rm", "--no-deps", "--no-TTY", "--quiet-pull", service, *command]
        done = self._run(self._compose(project, *run), what="compose run", check=False)
        return done.returncode, (done.stdout + done.stderr).splitlines()

    def compose_logs(self, project: ComposeProject, services: Sequence[str], follow: bool, tail: str) -> None:
        """Logs on the terminal (following until Ctrl-C, which stops only the logs)."""
        logs = ["logs", *(["--follow"] if follow else []), "--tail", tail, *services]
        self._run(self._compose(project, *logs), what="compose logs", stdio=Stdio.TERMINAL)

    def compose_shell(self, project: ComposeProject, service: str, command: Sequence[str]) -> int:
        """Run a command in the service's running container: interactive on a
        terminal, plain from a script. Returns the command's exit status."""
        running = self._run(self._compose(project, "ps", "--status", "running", "--services"), what="compose ps")
        if service not in running.stdout.split():
            raise NotFound(f"the dev stack's {service} service is not running", "start it with `invoke dev-up`")
        tty = [] if _on_terminal() else ["--no-TTY"]
        execute = self._compose(project, "exec", *tty, service, *command)
        return self._run(execute, what="compose exec", stdio=Stdio.TERMINAL, check=False).returncode

    def compose_containers(self, project: ComposeProject) -> list[str]:
        return self._run(self._compose(project, "ps", "--all", "--format", "{{.Name}}")).stdout.split()

    def compose_container_ids(self, project: ComposeProject) -> list[str]:
        return self._run(self._compose(project, "ps", "--quiet")).stdout.split()

    def compose_states(self, project: ComposeProject) -> list[ServiceState]:
        listed = self._run(self._compose(project, "ps", "--all", "--format", "json"), what="compose ps").stdout
        return [_service_state(row) for row in _json_rows(listed)]

    def compose_log_tail(self, project: ComposeProject, service: str, lines: int) -> list[str]:
        logs = ["logs", "--no-color", "--no-log-prefix", "--tail", str(lines), service]
        done = self._run(self._compose(project, *logs), what="compose logs")
        return (done.stdout + done.stderr).splitlines()[-lines:]

    def containers_healthy(self, ids: Sequence[str]) -> bool:
        if not ids:
            return False
        # One plain CLI call (no compose): what decides whether dev-up has anything to do.
        template = "{{.State.Running}} {{if .State.Health}}{{.State.Health.Status}}{{else}}healthy{{end}}"
        try:
            found = self._run(["container", "inspect", "--format", template, *ids], what="container inspect")
        except NotFound:
            return False
        states = found.stdout.split("\n")[: len(ids)]
        healthy = all(state.strip() == "true healthy" for state in states)
        quick.observe_containers(ids, healthy)
        return healthy


# --- parsing what the CLI prints ---------------------------------------------------------------


def _json_rows(text: str) -> list[dict[str, Any]]:
    """`--format json` output: one JSON array (older compose) or one object per line."""
    text = text.strip()
    if text.startswith("["):
        return [row for row in json.loads(text) if isinstance(row, dict)]
    return [json.loads(line) for line in text.splitlines() if line.strip().startswith("{")]


def _service_state(row: dict[str, Any]) -> ServiceState:
    code = row.get("ExitCode")
    return ServiceState(
        str(row.get("Service", "")),
        str(row.get("State", "")),
        str(row.get("Health", "")),
        int(code) if isinstance(code, int) else 0,
        str(row.get("ID", "")),
    )


def _service_of(container: dict[str, Any]) -> str:
    return str(((container.get("Config") or {}).get("Labels") or {}).get("com.docker.compose.service", ""))


def _listen_addresses(container: dict[str, Any]) -> tuple[str, list[tuple[str, int]]]:
    """(service, the (IP, port)s to connect to) of a container without a healthcheck
    (compose --wait waited for those with one): its exposed ports on each of its
    networks' addresses (the engine runs here: they are reachable from this host), or,
    without an address of its own (network_mode: host), its published ports here."""
    service = _service_of(container)
    if (container.get("State") or {}).get("Health"):
        return service, []
    settings = container.get("NetworkSettings") or {}
    ips = [str(n["IPAddress"]) for n in (settings.get("Networks") or {}).values() if n.get("IPAddress")]
    exposed = (container.get("Config") or {}).get("ExposedPorts") or {}
    ports = sorted(int(port.split("/")[0]) for port in exposed if port.endswith("/tcp"))
    if ips:
        return service, [(ip, port) for ip in ips for port in ports]
    published = [
        int(binding["HostPort"])
        for port, bindings in (settings.get("Ports") or {}).items()
        if port.endswith("/tcp")
        for binding in bindings or []
        if str(binding.get("HostPort", "")).isdigit()
    ]
    return service, [("127.0.0.1", port) for port in sorted(set(published))]


def _accepts(address: tuple[str, int]) -> bool | None:
    """True: it accepts; False: refused (not listening yet); None: unreachable."""
    try:
        with socket.create_connection(address, timeout=0.5):
            return True
    except ConnectionRefusedError:
        return False
    except OSError:
        return None


def _answer(ask: Callable[[], dict[str, Any]], error_key: str) -> dict[str, Any]:
    """A fact, or why it could not be read (doctor shows it; nothing is raised)."""
    try:
        return ask()
    except WarmbuildError as error:
        return {error_key: error.said or error.problem}
    except (ValueError, TypeError) as error:  # an answer we cannot read
        return {error_key: f"unreadable answer ({error})"}


def parse_builder(text: str) -> dict[str, str]:
    """`docker buildx inspect`'s text: the builder's Name and Driver, its first node's
    Endpoint and Platforms (the first value of each key wins)."""
    found: dict[str, str] = {}
    for line in text.splitlines():
        key, colon, value = line.partition(":")
        if colon and not line.startswith(" ") and key.strip() not in found:
            found[key.strip()] = value.strip()
    return found


def parse_du_total(text: str) -> int | None:
    """`docker buildx du`'s total in bytes (buildx prints decimal units)."""
    total = re.search(r"^Total:\s+([\d.]+)\s*([kKMGT]?B)", text, re.MULTILINE)
    if not total:
        return 0 if "Reclaimable" in text or not text.strip() else None
    scale = {"B": 1, "KB": 1000, "MB": 1000**2, "GB": 1000**3, "TB": 1000**4}[total[2].upper()]
    return int(float(total[1]) * scale)


def _on_terminal() -> bool:
    return os.isatty(0) and os.isatty(1)


def _wait_for_terminal(process: subprocess.Popen[bytes]) -> None:
    """The terminal's Ctrl-C reaches the command too (same process group): let it end
    the way it chooses (`logs --follow` stops, a shell ignores it) and wait."""
    while True:
        try:
            process.wait()
            return
        except KeyboardInterrupt:
            continue


def _read_build_stderr(process: subprocess.Popen[bytes], on_stderr: StderrReader | None) -> str:
    """Feed buildx's stderr to ``on_stderr`` as it arrives, from a thread, so that the
    main thread can take Ctrl-C and cancel the build. Returns what was not fed."""
    stream = process.stderr
    assert isinstance(stream, io.BufferedReader)  # stderr=PIPE
    kept: list[str] = []
    failure: list[BaseException] = []

    def read() -> None:
        text = codecs.getincrementaldecoder("utf-8")("replace")
        try:
            for chunk in iter(lambda: stream.read1(65536), b""):
                (on_stderr or kept.append)(text.decode(chunk))
        except BaseException as error:  # surfaced in the main thread
            failure.append(error)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        while reader.is_alive():
            reader.join(0.2)
        process.wait()
    except KeyboardInterrupt:
        _cancel(process, reader)
        raise Interrupted(
            "interrupted: the build was cancelled; an unfinished build pushes and tags nothing",
            "run the task again: finished steps come from the cache",
        ) from None
    finally:
        # Closing the stream under a blocked read would wait for that read.
        if not reader.is_alive():
            stream.close()
    if failure:
        raise failure[0]
    return "".join(kept)


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
