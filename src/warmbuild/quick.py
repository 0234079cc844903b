"""The quick answer to "nothing changed": a build task that has nothing to do answers
from the record of its last run that had nothing to do, before the options model,
the planner, rich or invoke are imported (their imports alone cost ~0.3 s).

The full path records what its answer depended on, as it runs: every file it reads
and every folder it walks (a Python audit hook sees each `open` and each listing),
the names in those folders and in the folders of what it read (a file added or
removed there), the git files behind the branch and commit, docker's own settings,
the environment variables that steer it, the registry's answers (manifest digests)
and the engine's (image IDs, the dev stack's containers). The quick path checks each
of those again with a stat or a listing, one HTTP request per registry answer and
one request on the engine's socket per image or container, and answers only if
every one is as recorded. Any change, any doubt, anything it cannot check in the same
way (a remote engine, a docker command it cannot replay, a --rebuild) falls through
to the full path, which decides as always. Standard library only.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

VERSION = 1
# The tasks a quick answer can stand in for, and flags that always take the full path.
TASKS = frozenset({"build-deps", "build-dev", "build-prod", "dev-up"})
FULL_PATH_FLAGS = frozenset({"--rebuild", "--debug", "-h", "--help", "--dry-run", "--follow", "-f", "--watch", "-w"})
# Environment variables that steer docker, buildx, git's branch and warmbuild: the
# values at record time are compared, and a new one of these prefixes falls through.
ENV_PREFIXES = ("DOCKER_", "BUILDX_", "BUILDKIT_", "WARMBUILD_", "COMPOSE_")
ENV_NAMES = ("CI", "HOME", "PATH", "TMPDIR", "XDG_CACHE_HOME", "http_proxy", "https_proxy", "no_proxy")
DEBUG_VARIABLE = "WARMBUILD_QUICK_DEBUG"  # says why a run was not quick; changes nothing else
FOLDER_VARIABLE = "WARMBUILD_QUICK_DIR"  # where records are kept (default ~/.cache/warmbuild/quick)
# docker commands whose answers the quick path checks in its own way (image inspect,
# by the image's ID) or that only describe the engine (facts, re-read by the files of
# docker's configuration): any other docker command makes a run unrecordable.
REPLAYABLE_DOCKER = (
    ("info",),
    ("buildx", "version"),
    ("buildx", "inspect"),
    ("context", "inspect"),
    ("image", "inspect"),
    ("container", "inspect"),
)
# What a build reads that is not an input: the interpreter's and the installed
# libraries' own files (warmbuild's are recorded as a whole), warmbuild's state
# (records, staged locks, metadata), kernel files.
NOT_INPUT_ROOTS = ("/proc/", "/sys/", "/dev/")
LIBRARY_FOLDERS = ("/site-packages/", "/dist-packages/")
STATE_DIR = ".warmbuild"
# A file changed this close to the run's start may have changed after it was read
# (file times are coarser than the clock): such a run leaves no record (as git's
# index treats "racily clean" files).
RACY_NS = 2_000_000_000
KEEP_RECORDS = 100
FACTS_DIR = "warmbuild-facts"

# (mtime_ns, ctime_ns, size, inode, mode); None: absent. ctime moves with any change
# of a file's content or metadata (chmod included) and cannot be set back.
Stat = tuple[int, int, int, int, int] | None


def task_args(args: Sequence[str]) -> list[str] | None:
    """The task's arguments without where the JSON report goes (an output, not an
    input); None when no quick answer may stand in for this command."""
    if not args or args[0] not in TASKS or any(arg in FULL_PATH_FLAGS for arg in args):
        return None
    kept: list[str] = []
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--json":
            skip = True
        elif not arg.startswith("--json="):
            kept.append(arg)
    return kept


def json_path(args: Sequence[str]) -> str:
    for index, arg in enumerate(args):
        if arg == "--json" and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith("--json="):
            return arg.split("=", 1)[1]
    return ""


def record_path(args: list[str]) -> str:
    key = json.dumps([VERSION, os.getcwd(), args, os.getuid(), os.getgid()])
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.environ.get(FOLDER_VARIABLE) or os.path.join(cache, "warmbuild", "quick")
    return os.path.join(folder, hashlib.sha256(key.encode()).hexdigest()[:32] + ".json")


def file_stat(path: str) -> Stat:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_mtime_ns, found.st_ctime_ns, found.st_size, found.st_ino, found.st_mode)


# --- the check -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Probe:
    """How the present is asked: the real one stats files and asks the registry and
    the engine; tests give their own."""

    stat: Callable[[str], Stat]
    names: Callable[[str], list[str] | None]
    content: Callable[[str], str | None]
    environ: Callable[[], dict[str, str]]
    manifest: Callable[[str, str], str | None]
    image_id: Callable[[str], str | None]
    containers_healthy: Callable[[list[str]], bool]


def first_change(
    record: dict[str, object], probe: Probe, output: str = "", changeable: frozenset[str] = frozenset()
) -> str | None:
    """What differs from the record (the first thing found), or None when nothing does.
    ``output``: where this run writes its JSON report (a name a folder may gain);
    ``changeable``: files whose change does not count, as long as they are there."""
    environ = probe.environ()
    recorded_env = record["env"]
    assert isinstance(recorded_env, dict)
    for name, value in recorded_env.items():
        if environ.get(name) != value:
            return f"environment variable {name}"
    for name in environ:
        if name.startswith(ENV_PREFIXES) and name not in recorded_env and name != DEBUG_VARIABLE:
            return f"environment variable {name}"
    for path, *stat in _rows(record["files"]):
        present = probe.stat(str(path))
        if present != (tuple(stat) if stat else None) and not (path in changeable and present is not None):
            return f"file {path}"
    for path, digest in _rows(record["contents"]):
        if probe.content(str(path)) != digest:
            return f"file {path}"
    outputs = set(_strings(record["outputs"])) | ({os.path.abspath(output)} if output else set())
    for folder, names in _rows(record["folders"]):
        found = probe.names(str(folder))
        if found is None or _without(found, str(folder), outputs) != names:
            return f"folder {folder}"
    for url, accept, digest in _rows(record["manifests"]):
        if probe.manifest(str(url), str(accept)) != digest:
            return f"registry answer {url}"
    for image, image_id in _rows(record["images"]):
        if probe.image_id(str(image)) != image_id:
            return f"image {image}"
    for ids in _rows(record["containers"]):
        if not probe.containers_healthy([str(found) for found in ids]):
            return "the dev stack's containers"
    return None


def _rows(value: object) -> Iterable[list[object]]:
    assert isinstance(value, list)
    return (list(row) for row in value)


def _strings(value: object) -> list[str]:
    assert isinstance(value, list)
    return [str(item) for item in value]


def _without(names: Iterable[str], folder: str, outputs: set[str]) -> list[str]:
    """A folder's names, sorted, without the reports warmbuild writes there and their
    scratch files (`.NAME.PID.tmp`)."""
    own = {os.path.basename(path) for path in outputs if os.path.dirname(path) == folder}
    return sorted(name for name in names if name not in own and not any(name.startswith(f".{mine}.") for mine in own))


def content_digest(path: str) -> str | None:
    try:
        with open(path, "rb") as file:
            return hashlib.sha256(file.read()).hexdigest()
    except OSError:
        return None


def folder_names(path: str) -> list[str] | None:
    try:
        return os.listdir(path)
    except OSError:
        return None


# --- asking the registry and the engine, without a client library --------------------------


def registry_manifest(url: str, accept: str) -> str | None:
    """As registry_http.lookup_manifest answers: the digest, '' when absent, None when
    it cannot tell."""
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    connection = kind(parts.netloc, timeout=5)
    try:
        connection.request("HEAD", parts.path, headers={"Accept": accept})
        response = connection.getresponse()
        if response.status == 404:
            return ""
        return (response.getheader("Docker-Content-Digest") or None) if response.status == 200 else None
    except OSError:
        return None
    finally:
        connection.close()


def engine_socket() -> str | None:
    """The engine's unix socket, when this process's docker would use it (no remote
    host, no other context); None otherwise."""
    host = os.environ.get("DOCKER_HOST", "")
    if os.environ.get("DOCKER_CONTEXT"):
        return None
    if host:
        return host.removeprefix("unix://") if host.startswith("unix://") else None
    config = os.path.join(os.environ.get("DOCKER_CONFIG") or os.path.expanduser("~/.docker"), "config.json")
    try:
        with open(config) as file:
            context = json.load(file).get("currentContext", "")
    except (OSError, ValueError):
        context = ""
    return "/var/run/docker.sock" if context in ("", "default") else None


def engine_get(path: str) -> dict[str, object] | None:
    """GET ``path`` of the engine's API on its socket: the JSON answer, None for 404."""
    import http.client
    import socket

    found = engine_socket()
    if found is None:
        raise OSError("the engine is not this machine's default socket")
    address: str = found

    class UnixConnection(http.client.HTTPConnection):
        def connect(self) -> None:
            self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            self.sock.settimeout(5)
            self.sock.connect(address)

    connection = UnixConnection("localhost")
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    if response.status == 404:
        return None
    if response.status != 200:
        raise OSError(f"the engine answered {response.status}")
    answer = json.loads(body)
    assert isinstance(answer, dict)
    return answer


def local_image_id(image: str) -> str | None:
    """The ID `docker image inspect` gives."""
    from urllib.parse import quote

    found = engine_get(f"/images/{quote(image, safe='')}/json")
    return None if found is None else str(found["Id"])


def containers_healthy(ids: list[str]) -> bool:
    """Each container running, and healthy if it has a health check (as
    DockerEngine.containers_healthy asks it)."""
    for container in ids:
        found = engine_get(f"/containers/{container}/json")
        state = found.get("State") if found else None
        if not isinstance(state, dict) or state.get("Running") is not True:
            return False
        health = state.get("Health")
        if isinstance(health, dict) and health.get("Status") != "healthy":
            return False
    return True


REAL = Probe(
    file_stat,
    folder_names,
    content_digest,
    lambda: dict(os.environ),
    registry_manifest,
    local_image_id,
    containers_healthy,
)


# --- the quick answer ----------------------------------------------------------------------


def answer(args: Sequence[str], probe: Probe = REAL) -> int | None:
    """The exit code, when nothing changed since a recorded run; None: the full path."""
    started = time.monotonic()
    kept = task_args(args)
    if kept is None:
        return None
    try:
        with open(record_path(kept)) as file:
            record = json.load(file)
        change = first_change(record, probe, json_path(args)) if record.get("version") == VERSION else "version"
        if change is not None and change != "version":
            # All that changed may be code only its image holds: that build runs again
            # as planned (replay); else what else changed is the reason to plan.
            changeable = frozenset(_strings(record.get("changeable", [])))
            change = first_change(record, probe, json_path(args), changeable) if changeable else change
            if change is None:
                from . import replay

                return replay.answer(args, record, probe)
        if change is not None:
            explain(f"the full path: {change} changed since the record")
            return None
        report = dict(record["report"])
    # Any doubt (an unreadable record, an engine that does not answer as expected)
    # means asking the full path, which decides as always: never a wrong "unchanged".
    except Exception:
        return None
    report["wall_seconds"] = round(time.monotonic() - started, 3)
    target = json_path(args)
    if target and not write_report(target, report):
        return None  # the full path writes it, or says why it cannot
    _print(report, record)
    return 0


def explain(line: str) -> None:
    """Why a run was not quick, with WARMBUILD_QUICK_DEBUG=1."""
    if os.environ.get("WARMBUILD_QUICK_DEBUG"):
        print(f"warmbuild quick: {line}", file=sys.stderr)


def write_report(target: str, report: dict[str, object]) -> bool:
    """Complete or not at all, as folders.write_text writes it (the same scratch name)."""
    folder, name = os.path.split(os.path.abspath(target))
    scratch = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
    try:
        os.makedirs(folder, exist_ok=True)
        with open(scratch, "w") as file:
            file.write(json.dumps(report, indent=2) + "\n")
        os.replace(scratch, target)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(scratch)
        return False
    return True


def _print(report: dict[str, object], record: dict[str, object]) -> None:
    builds = report["builds"]
    assert isinstance(builds, list)
    counts = [len(record[key]) for key in ("files", "folders", "manifests", "images")]  # type: ignore[arg-type]
    checked = f"{counts[0]} files, {counts[1]} folders, {counts[2]} registry answers, {counts[3]} images"
    print(f"nothing changed since the last build: not built (checked {checked} in {report['wall_seconds']:.2f} s)")
    width = max(len(str(build["target"])) for build in builds)
    for build in builds:
        print(f"  {build['target']:<{width}}  {build['outcome']:<25}  {build['image']}")
    urls = report.get("urls")
    if isinstance(urls, dict):  # dev-up: its stack was left running, as it was
        print("the dev stack is running and healthy, left as it was:")
        for service, url in urls.items():
            print(f"  {service}: {url}")
        print(f"  compose: docker compose --env-file {report.get('compose_env_file', '')} ps")


# --- recording what the full path's answer depended on -------------------------------------


@dataclass
class Recording:
    args: list[str]
    files: set[str] = field(default_factory=set)
    # Each folder the build listed, with its names as they were then.
    folders: dict[str, list[str]] = field(default_factory=dict)
    docker: list[tuple[str, ...]] = field(default_factory=list)
    manifests: dict[tuple[str, str], str | None] = field(default_factory=dict)
    images: dict[str, str | None] = field(default_factory=dict)
    containers: list[tuple[list[str], bool]] = field(default_factory=list)
    # The builds skipped as unchanged that a code change may run again as planned.
    replayable: list[dict[str, object]] = field(default_factory=list)
    active: bool = True
    started_ns: int = field(default_factory=time.time_ns)
    listing: bool = False
    broken: bool = False

    def on_event(self, event: str, event_args: tuple[object, ...]) -> None:
        if not self.active:
            return
        # An audit hook that raises would fail the operation it watches: a failure here
        # only costs this run its record.
        try:
            self._on_event(event, event_args)
        except Exception:
            self.active = False
            self.broken = True

    def _on_event(self, event: str, event_args: tuple[object, ...]) -> None:
        if event == "open":
            path, mode, flags = event_args
            if isinstance(path, str) and _reads(mode, flags):
                self.files.add(os.path.abspath(path))
        elif event in ("os.listdir", "os.scandir") and not self.listing and not _importing():
            path = event_args[0]
            if path is None or isinstance(path, str):
                folder = os.path.abspath(path or ".")
                if folder not in self.folders:
                    self.listing = True  # our own listing raises the event again
                    try:
                        self.folders[folder] = folder_names(folder) or []
                    finally:
                        self.listing = False


def _importing() -> bool:
    """Whether the import system lists the folder (each folder on sys.path, the working
    folder under `python -m`): that is not the build walking a context."""
    caller = sys._getframe(3)  # 0: this function, 1 and 2: the hook, 3: who listed
    return "importlib" in caller.f_code.co_filename


def _reads(mode: object, flags: object) -> bool:
    if isinstance(mode, str):
        return not any(c in mode for c in "wax+")
    return isinstance(flags, int) and flags & os.O_ACCMODE == os.O_RDONLY


_recording: Recording | None = None


def start_recording(args: Sequence[str]) -> None:
    """Watch this run (a task a quick answer may stand in for): what it reads, which
    docker commands it runs, what the registry and the engine answer."""
    global _recording
    kept = task_args(args)
    if kept is None:
        return
    _recording = Recording(kept)
    sys.addaudithook(_recording.on_event)


def observe_docker(argv: Sequence[str]) -> None:
    if _recording is not None and _recording.active:
        _recording.docker.append(tuple(argv))


def observe_manifest(url: str, accept: str, digest: str | None) -> None:
    if _recording is not None and _recording.active:
        _recording.manifests[(url, accept)] = digest


def observe_image(image: str, image_id: str | None) -> None:
    if _recording is not None and _recording.active:
        _recording.images[image] = image_id


def observe_containers(ids: Sequence[str], healthy: bool) -> None:
    if _recording is not None and _recording.active:
        _recording.containers.append((list(ids), healthy))


def observe_replayable(build: dict[str, object]) -> None:
    """A build skipped as unchanged whose image holds its context (the fields
    pipeline._replayable gives): a change of the context's files alone can run it
    again as planned (``replay``)."""
    if _recording is not None and _recording.active:
        _recording.replayable.append(build)


def finish(report: dict[str, object], root: str, output: str = "") -> None:
    """After the full path's report: keep a record if the run had nothing to do and
    everything it depended on can be checked again the quick way; else forget any."""
    recording = _recording
    if recording is None or not recording.active:
        return
    recording.active = False
    # A cache: whatever fails here (a vanished working folder, an unreadable file)
    # only means the next run takes the full path.
    try:
        path = record_path(recording.args)
        record = _record(recording, report, root, output)
    except Exception as error:
        explain(f"no record: {error}")
        return
    try:
        if isinstance(record, str):
            explain(f"no record: {record}")
            os.unlink(path)
            return
        os.makedirs(os.path.dirname(path), exist_ok=True)
        scratch = f"{path}.{os.getpid()}.tmp"
        with open(scratch, "w") as file:
            json.dump(record, file)
        os.replace(scratch, path)
        _prune(os.path.dirname(path))
    except OSError:
        pass  # a cache: without it the next run takes the full path


def _prune(folder: str) -> None:
    """One record per working folder and command: the newest KEEP_RECORDS are kept."""
    records = [entry for entry in os.scandir(folder) if entry.name.endswith(".json")]
    for entry in sorted(records, key=lambda entry: entry.stat().st_mtime_ns)[:-KEEP_RECORDS]:
        os.unlink(entry.path)


def _record(recording: Recording, report: dict[str, object], root: str, output: str = "") -> dict[str, object] | str:
    """The record of a run, or why it leaves none."""
    if recording.broken:
        return "what it read could not be followed"
    builds = report.get("builds")
    if not isinstance(builds, list) or not builds or not all(build.get("skipped") for build in builds):
        return "this run built something"
    unreplayable = [" ".join(argv[:3]) for argv in recording.docker if not _replayable(argv)]
    if unreplayable:
        return f"it ran docker {unreplayable[0]}"
    if any(digest is None for digest in recording.manifests.values()):
        return "a registry could not tell a manifest's digest anonymously"
    if (recording.images or recording.containers) and engine_socket() is None:
        return "the engine is not this machine's default socket"
    if not all(healthy for _, healthy in recording.containers):
        return "a container of the dev stack was not running and healthy"
    outputs = {os.path.abspath(output)} if output else set()
    state = os.path.join(os.path.abspath(root), STATE_DIR)
    listed = {folder: names for folder, names in recording.folders.items() if _inputs({folder}, state)}
    # docker's own settings by content: buildx rewrites them, unchanged, on every call.
    by_content = _docker_files()
    read = _inputs(recording.files, state)
    if not any(path.startswith(os.path.abspath(root) + os.sep) for path in read):
        return "none of what it read was followed"  # at least its configuration is
    walked = _entries(listed, state)
    files = read | walked | _git_files(root) | _own_files()
    files -= outputs | by_content
    folders = {folder: _without(folder_names(folder) or [], folder, outputs) for folder in listed}
    folders |= {folder: _without(folder_names(folder) or [], folder, outputs) for folder in _folders_of(files, root)}
    stats = {path: file_stat(path) for path in sorted(files)}
    # Changed while this run read it (or just before): its answer may be stale.
    racy = [path for path, stat in stats.items() if stat and stat[1] > recording.started_ns - RACY_NS]
    if racy:
        return f"{racy[0]} changed during the run or just before"
    moved = [folder for folder, names in listed.items() if _without(names, folder, outputs) != folders[folder]]
    if moved:
        return f"a file was added to or removed from {moved[0]} during the run"
    environ = os.environ
    names = {name for name in environ if name.startswith(ENV_PREFIXES)} | set(ENV_NAMES) | set(_branch_variables())
    names.discard(DEBUG_VARIABLE)
    return {
        "version": VERSION,
        "env": {name: environ.get(name) for name in sorted(names)},
        "files": [[path, *(stat or ())] for path, stat in stats.items()],
        "contents": sorted([path, content_digest(path)] for path in by_content),
        "folders": sorted([folder, names] for folder, names in folders.items()),
        "outputs": sorted(outputs),
        "manifests": sorted([url, accept, digest] for (url, accept), digest in recording.manifests.items()),
        "images": sorted([image, image_id] for image, image_id in recording.images.items()),
        "containers": [ids for ids, _ in recording.containers],
        "report": report,
        "replay": recording.replayable,
        "changeable": sorted(_changeable(walked - read, recording.replayable)),
    }


def _changeable(walked: set[str], builds: list[dict[str, object]]) -> set[str]:
    """Of the files the run only walked (fingerprinted by their stat, never opened),
    those inside a replayable build's context."""
    contexts = tuple(str(build["context"]).rstrip(os.sep) + os.sep for build in builds)
    return {path for path in walked if contexts and path.startswith(contexts)}


def _replayable(argv: tuple[str, ...]) -> bool:
    words = [word for word in argv if not word.startswith("-")]
    return any(tuple(words[: len(kind)]) == kind for kind in REPLAYABLE_DOCKER)


def _inputs(paths: set[str], state: str) -> set[str]:
    """Of the paths a run read, its inputs: not the interpreter's or installed
    libraries' files, not warmbuild's own state folder for this configuration
    (``state``, in the repository's root: whatever else lies there is an input, even
    a library folder of the app's)."""
    root = os.path.dirname(state)
    # An interpreter's prefix holding the repository (a venv made in its root) does
    # not hide the repository's files; one inside it (.venv) hides its own.
    prefixes = tuple(
        prefix + os.sep
        for prefix in {sys.prefix, sys.base_prefix, sys.exec_prefix}
        if not (root + os.sep).startswith(prefix + os.sep)
    )
    facts = os.sep + FACTS_DIR + os.sep
    return {
        path
        for path in paths
        if not path.startswith(NOT_INPUT_ROOTS)
        and not (path + os.sep).startswith(prefixes)
        and f"{os.sep}__pycache__" not in path  # derived from sources, by whoever imports
        and (path.startswith(root + os.sep) or not any(folder in path for folder in LIBRARY_FOLDERS))
        and path != state
        and not path.startswith(state + os.sep)
        and facts not in path
    }


def _entries(folders: dict[str, list[str]], state: str) -> set[str]:
    """Everything in the folders the build listed: it walked them to fingerprint a
    context by each file's size, time and mode, without opening the files."""
    return _inputs({os.path.join(folder, name) for folder, names in folders.items() for name in names}, state)


def _folders_of(files: Iterable[str], root: str) -> set[str]:
    """The folders of the repository's files, up to its root: a file added or removed
    there (a new lock, a .dockerignore, a config nearer the working folder) moves
    their time."""
    root = os.path.abspath(root)
    found = {os.getcwd()} if os.getcwd().startswith(root) else set()
    for path in files:
        if f"{os.sep}.git{os.sep}" in path:
            continue  # git's own folders move with every `git status`; its files say it all
        folder = os.path.dirname(path)
        while folder.startswith(root) and folder not in found:
            found.add(folder)
            folder = os.path.dirname(folder)
    return found


def _git_files(root: str) -> set[str]:
    """What `git rev-parse HEAD`, the branch and the remote's URL come from."""
    folder = os.path.abspath(root)
    while not os.path.exists(os.path.join(folder, ".git")):
        parent = os.path.dirname(folder)
        if parent == folder:
            return set()
        folder = parent
    git = os.path.join(folder, ".git")
    if not os.path.isdir(git):
        # A worktree or submodule (.git is a file): its HEAD lives elsewhere; record
        # the file itself, and nothing would vouch for the rest: never quick there.
        return {git, os.path.join(git, "HEAD")}
    found = {os.path.join(git, name) for name in ("HEAD", "config", "packed-refs")}
    try:
        with open(os.path.join(git, "HEAD")) as file:
            head = file.read().strip()
    except OSError:
        return found
    if head.startswith("ref: "):
        found.add(os.path.join(git, head[5:]))
    return found


def _docker_files() -> set[str]:
    """Which builder and context docker uses: buildx and the CLI keep them here."""
    config = os.environ.get("DOCKER_CONFIG") or os.path.expanduser("~/.docker")
    return {os.path.join(config, "config.json"), os.path.join(config, "buildx", "current")}


def _own_files() -> set[str]:
    """warmbuild's own code and data (the Dockerfiles, the install script): another
    version may plan or build differently."""
    here = os.path.dirname(os.path.abspath(__file__))
    found: set[str] = set()
    for folder, folders, names in os.walk(here):
        folders[:] = [name for name in folders if name != "__pycache__"]
        found.update(os.path.join(folder, name) for name in names)
    return found


def _branch_variables() -> tuple[str, ...]:
    from .gitrepo import BRANCH_VARIABLES

    return BRANCH_VARIABLES
