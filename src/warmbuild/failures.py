"""Why a docker command or a build failed, in the user's terms. Pure: a finished
command (``CommandFailure``) or build (``BuildRun``) in, an error of the family out."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import (
    BuildFailed,
    CacheBlobsMissing,
    DiskFull,
    DockerCommandFailed,
    EngineError,
    NotFound,
    RegistryError,
    WarmbuildError,
)
from .progress import BuildRun

# The docker client's words when it cannot reach the engine (socket missing, daemon
# stopped, no permission): the same for every command, builds included.
ENGINE_DOWN = re.compile(
    r"Cannot connect to the Docker daemon|Is the docker daemon running|error during connect"
    r"|dial unix \S+: connect: (no such file or directory|connection refused|permission denied)",
    re.IGNORECASE,
)
ENGINE_FIX = "start the engine, or point DOCKER_HOST at a running one; `warmbuild doctor` checks the whole setup"
# The client without one of its plugins.
MISSING_PLUGIN = re.compile(r"'(buildx|compose)' is not a docker command|unknown command: docker (buildx|compose)")
NOT_FOUND = re.compile(
    r"no such (image|container|object|service|volume|network)|manifest unknown|\bnot found\b|is not running"
    r"|no container found",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class CommandFailure:
    """A docker command that exited non-zero, as the gate saw it."""

    # What it was asked to do, in a few words ("image inspect", "compose up").
    what: str
    command: tuple[str, ...]
    returncode: int
    stderr: str

    @property
    def tail(self) -> list[str]:
        """The last lines it said (where docker puts the reason)."""
        return [line.strip() for line in self.stderr.splitlines() if line.strip()][-3:]

    @property
    def said(self) -> str:
        # Nothing captured: it ran on the terminal, where its own message is.
        return self.tail[-1] if self.tail else f"exit code {self.returncode} (its own message is above)"


def classify_command(failure: CommandFailure) -> WarmbuildError:
    """The error family's member for a failed docker command: engine down (exit 4),
    disk full (6), not found, or a plain failure naming the command (1)."""
    error = _command_error(failure)
    error.said = failure.said
    return error


def _command_error(failure: CommandFailure) -> WarmbuildError:
    text = failure.stderr
    if ENGINE_DOWN.search(text):
        return EngineError(f"Docker Engine unreachable ({failure.said})", ENGINE_FIX)
    plugin = MISSING_PLUGIN.search(text)
    if plugin:
        name = plugin[1] or plugin[2]
        return EngineError(
            f"the docker client has no {name} plugin", f"install docker-{name} (README, Setting up an engine)"
        )
    if DISK_FULL.search(text):
        return DiskFull(
            f"out of disk space during `docker {failure.what}`: {failure.said}",
            "free space with `invoke gc --apply`, then run the task again",
        )
    if NOT_FOUND.search(text):
        return NotFound(
            f"`docker {failure.what}`: {failure.said}", "check the name; `warmbuild doctor` checks the setup"
        )
    return DockerCommandFailed(
        f"`docker {failure.what}` failed (exit {failure.returncode}): {failure.said}",
        "rerun with --debug to see the command and everything it printed",
    )


# What buildx says when the registry, not the build, failed.
REGISTRY_FAILURES = ("failed to push", "error writing layer blob", "failed to export cache", "unexpected status from")


# BuildKit before v0.28 (moby/buildkit#6521, fixed by #6558) can lose a race with the
# image store's garbage collection while unpacking a loaded image: a parent snapshot
# vanishes between two calls. Nothing is wrong with the build; running it again (all
# from cache) unpacks it.
UNPACK_RACE = ("failed to prepare extraction snapshot", "does not exist")
# A registry's 5xx answer during a push: the registry's own trouble of the moment (the
# local registry answers 500 when it reads a tag another writer of the same push is
# writing). Pushing again, all from cache, is what a person would do.
REGISTRY_HICCUP = re.compile(r"unexpected status( code)?( from \w+ request to \S+)?: 5\d\d")


def is_transient(run: BuildRun) -> bool:
    """Worth one more try: nothing is wrong with the build itself."""
    reason = failure_reason(run)
    return all(marker in reason for marker in UNPACK_RACE) or REGISTRY_HICCUP.search(reason) is not None


def failure_reason(run: BuildRun) -> str:
    """The failing step with the last lines of its log, else buildx's last word."""
    # A cache ref that does not exist yet is reported as a failed vertex, but BuildKit
    # goes on without it: that is never the reason a build failed.
    failed = [v for v in run.progress.failed if not v.name.startswith("importing cache manifest")]
    failed.sort(key=lambda v: not v.is_step)
    if failed:
        vertex = failed[0]
        tail = [line for line in run.progress.log_of(vertex).splitlines() if line.strip()][-3:]
        detail = f" ({' | '.join(tail)})" if tail else ""
        return f"{vertex.name}: {vertex.error}{detail}"
    errors = [line for line in run.messages if line.strip()]
    return errors[-1] if errors else f"buildx exited with {run.returncode}"


# What a compiler or a build backend says when a system library's headers or tools
# are missing, and the Debian package that usually provides them.
MISSING_BUILD_TOOLS = (
    (re.compile(r"pg_config executable not found|pg_config is required"), "pg_config", "libpq-dev"),
    (re.compile(r"fatal error: ([\w/.+-]+\.h): No such file or directory"), "", ""),
    (re.compile(r"(\w[\w.+-]*)\.pc' to the PKG_CONFIG_PATH|No package '([\w.+-]+)' found"), "", ""),
)
KNOWN_HEADERS = {
    "libpq-fe.h": "libpq-dev",
    "ffi.h": "libffi-dev",
    "openssl/ssl.h": "libssl-dev",
    "mysql.h": "default-libmysqlclient-dev",
    "libxml/xmlversion.h": "libxml2-dev",
    "jpeglib.h": "libjpeg-dev",
    "zlib.h": "zlib1g-dev",
    "yaml.h": "libyaml-dev",
    "lzma.h": "liblzma-dev",
    "sqlite3.h": "libsqlite3-dev",
}


def _source_build_failure(run: BuildRun) -> BuildFailed | None:
    """A package compiled in the wheel-build stage failed: name it, and the system
    package it lacked when the log tells."""
    step = next((v for v in run.progress.failed if v.stage == "wheel-build" and v.is_step), None)
    if step is None:
        return None
    log = run.progress.log_of(step)
    building = re.findall(r"building a wheel: (\S+)", log)
    package = building[-1] if building else "a package"
    for pattern, tool, debian in MISSING_BUILD_TOOLS:
        match = pattern.search(log)
        if not match:
            continue
        missing = tool or next(group for group in match.groups() if group)
        hint = debian or KNOWN_HEADERS.get(missing, "")
        example = f" (for {missing}: {hint})" if hint else f" (the one that provides {missing})"
        return BuildFailed(
            f"compiling {package} from source failed: {missing} is missing in the build image",
            f"add the Debian package to `build_apt_packages:` in warmbuild.yaml{example}",
        )
    tail = " | ".join([line for line in log.splitlines() if line.strip()][-3:])
    return BuildFailed(
        f"compiling {package} from source failed ({tail})",
        "read the step's log above; a missing system library goes in `build_apt_packages:`",
    )


# `install-python-deps check` after a target's last install: one line a problem,
# then the lock the set came from.
CHECK_LINE = re.compile(r"^warmbuild-check: (missing|conflict|lock): (.+)$", re.MULTILINE)
# Markers that name a platform: the lock was resolved for another one.
PLATFORM_MARKER = re.compile(r"\b(sys_platform|platform_system|platform_machine|os_name|platform_release)\b")


UNIVERSAL_LOCKS = {"uv.lock": "uv lock", "poetry.lock": "poetry lock"}


def _relock(source: str) -> str:
    tool = UNIVERSAL_LOCKS.get(source.rsplit("/", 1)[-1])
    if tool:
        return f"run `{tool}` and build again (the lock is for every platform: it was edited by hand or is damaged)"
    file = "the requirements file" if source == "the lock" else source
    return f"recompile {file} on linux (uv pip compile --python-platform linux)"


def _incomplete_set(run: BuildRun) -> BuildFailed | None:
    """The installed set's check failed: name the first requirement that is not met
    and why, as the check printed it (a requirements file resolved on another
    platform leaves out what markers ask for here)."""
    for step in (v for v in run.progress.failed if v.is_step):
        found = CHECK_LINE.findall(run.progress.log_of(step))
        problems = [(kind, text) for kind, text in found if kind != "lock"]
        if not problems:
            continue
        source = next((text for kind, text in found if kind == "lock"), "the lock")
        kind, first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        if kind == "conflict":
            return BuildFailed(f"the installed set is inconsistent: {first}{more}", _relock(source))
        if source.rsplit("/", 1)[-1] in UNIVERSAL_LOCKS:
            why = "the lock does not hold it"
        elif PLATFORM_MARKER.search(first):
            why = "it was compiled on another platform"
        else:
            why = "it was compiled without it"
        return BuildFailed(f"the installed set is incomplete: {first}, not in {source}{more} — {why}", _relock(source))
    return None


# ENOSPC as Linux (and Go, Rust, Python) words it, wherever it surfaced: a step's
# files, BuildKit's snapshots or content store, the image store while loading.
DISK_FULL = re.compile(r"no space left on device|os error 28|errno 28", re.IGNORECASE)


def _disk_full(run: BuildRun) -> DiskFull | None:
    reason = failure_reason(run)
    # The steps' own words first: buildx's summary wraps them in its own.
    texts = [*(run.progress.log_of(v) for v in run.progress.failed), *run.messages, reason]
    lines = [line.strip() for text in texts for line in text.splitlines() if DISK_FULL.search(line)]
    if not lines:
        return None
    # The line that says it, from its last cause on ("…: No space left on device").
    said = re.split(r"cause:", lines[0], flags=re.IGNORECASE)[-1]
    step = re.match(r"\[[^\]]+\]", reason)
    at = f" at {step[0]}" if step else ""
    where = "the registry" if any(marker in reason for marker in REGISTRY_FAILURES) else "the builder"
    return DiskFull(
        f"{where} ran out of disk space{at}: {said.strip()[-160:]}; nothing was tagged or pushed",
        "free space with `invoke gc --apply` (stale images and caches, the builder cache beyond "
        "gc.builder_budget), then run the task again",
    )


# BuildKit trusted a cache manifest whose layer is gone from the registry by the time
# it fetched it (the ref was rewritten and its old blobs collected meanwhile).
CACHE_BLOB_GONE = re.compile(r"could not fetch content descriptor \S+ \([^)]*\) from remote: not found")


def classify_failure(run: BuildRun) -> WarmbuildError:
    said = "\n".join(run.messages)
    if ENGINE_DOWN.search(said):
        return EngineError(f"Docker Engine unreachable ({said.strip().splitlines()[-1]})", ENGINE_FIX)
    full = _disk_full(run)
    if full:
        return full
    reason = failure_reason(run)
    if any(CACHE_BLOB_GONE.search(text) for text in (reason, *run.messages)):
        return CacheBlobsMissing(
            f"a layer named by the registry cache is gone from the registry ({' '.join(reason.split())[:200]})",
            "run the task again: it builds without that cache",
        )
    compiled = _source_build_failure(run)
    if compiled:
        return compiled
    incomplete = _incomplete_set(run)
    if incomplete:
        return incomplete
    reason = failure_reason(run)
    if any(marker in reason for marker in REGISTRY_FAILURES):
        return RegistryError(
            f"the registry refused or dropped the push: {' '.join(reason.split())}",
            "check the registry (reachable, writable, credentials) and rerun; an unfinished push moves no tag",
        )
    return BuildFailed(f"build failed at {reason}", "read the step's log above; rerun with --debug for the command")
