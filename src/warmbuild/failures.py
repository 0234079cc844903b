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
    "lber.h": "libldap-dev",
    "ldap.h": "libldap-dev",
    "sasl/sasl.h": "libsasl2-dev",
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
    looked_up = _looked_up(package, log)
    if looked_up:
        return looked_up
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


# --- OS packages from the artifacts ---------------------------------------------------------
# install-python-deps build-wheels, after a failed compile: what Debian's file index of
# the build image's own release (apt-file) said of each file the compile lacked.
LOOKED_UP = re.compile(
    r"^warmbuild: (?P<file>\S+) (?:is in the Debian package (?P<package>\S+)"
    r"|(?P<none>is in no Debian package of this release)|was not looked up: (?P<why>.*))$",
    re.MULTILINE,
)
TABLE_TOOLS = {tool: debian for _, tool, debian in MISSING_BUILD_TOOLS if tool}


def _joined(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _apt_file(file: str) -> str:
    return f"apt-file search -x '/{re.escape(file)}$'"


def _looked_up(package: str, log: str) -> BuildFailed | None:
    """The compile's missing files with the Debian packages the index named (the
    table's where the index could not be read for one of them); None when the index
    answered for none, and the table alone speaks."""
    answers = list(LOOKED_UP.finditer(log))
    if all(answer["why"] for answer in answers):
        return None
    files = list(dict.fromkeys(answer["file"] for answer in answers))
    debian: dict[str, None] = {}
    fixes = []
    for answer in answers:
        file = answer["file"]
        found = answer["package"] or KNOWN_HEADERS.get(file) or TABLE_TOOLS.get(file, "")
        if answer["package"] or (answer["why"] and found):
            debian[found] = None
        elif answer["none"]:
            fixes.append(
                f"no Debian package of the build image's release has {file}: "
                f"{package}'s build instructions say where it comes from"
            )
        else:
            fixes.append(
                f"add the Debian package that has {file} to build_apt_packages (find it with {_apt_file(file)})"
            )
    if debian:
        fixes.insert(0, f"add {_joined(list(debian))} to build_apt_packages in warmbuild.yaml")
    verb = "is" if len(files) == 1 else "are"
    return BuildFailed(
        f"compiling {package} from source failed: {_joined(files)} {verb} missing in the build image", "; ".join(fixes)
    )


# `install-python-deps libraries` after a target's last install: a library an extension
# module links (through what its wheel bundles) that no folder of the image has.
MISSING_LIBRARY = re.compile(
    r"^warmbuild-libraries: missing: (?P<library>\S+) needed by (?P<module>\S+)(?: \((?P<owner>[^)]*)\))?$",
    re.MULTILINE,
)
# The libraries binary wheels leave to the system (the manylinux policies allow them)
# and their Debian packages, named alike on bookworm and trixie (apt takes trixie's
# t64 package for its old name).
LIBRARY_PACKAGES = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libgio-2.0.so.0": "libglib2.0-0",
    "libX11.so.6": "libx11-6",
    "libXext.so.6": "libxext6",
    "libXrender.so.1": "libxrender1",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libxcb.so.1": "libxcb1",
    "libgomp.so.1": "libgomp1",
    "libpq.so.5": "libpq5",
    "libmagic.so.1": "libmagic1",
    "libzbar.so.0": "libzbar0",
    "libsndfile.so.1": "libsndfile1",
}


def _missing_libraries(run: BuildRun) -> BuildFailed | None:
    """An extension module would not import: name it, the libraries it lacks, and their
    Debian packages where known (the table above, else init's hints for the module's
    distribution), else how to find them."""
    # Imported here: detect reads the lock formats, which a build that succeeded never needs.
    from .detect import SYSTEM_NEEDS

    for step in (v for v in run.progress.failed if v.is_step):
        found = list(MISSING_LIBRARY.finditer(run.progress.log_of(step)))
        if not found:
            continue
        module, owner = found[0]["module"], found[0]["owner"] or ""
        libraries = [m["library"] for m in found if m["module"] == module]
        others = len({m["module"] for m in found}) - 1
        more = f" (and {others} more module(s) lack libraries: the step's log lists them)" if others else ""
        debian: dict[str, None] = {}
        unknown: list[str] = []
        for match in found:
            need = SYSTEM_NEEDS.get((match["owner"] or "").split(" ")[0])
            hint = LIBRARY_PACKAGES.get(match["library"])
            # init's hint for the distribution, where it names a single package.
            names = [hint] if hint else list(need.runtime) if need and len(need.runtime) == 1 else []
            debian.update(dict.fromkeys(names))
            if not names and match["library"] not in unknown:
                unknown.append(match["library"])
        fixes = [f"add {_joined(list(debian))} to apt_packages in warmbuild.yaml"] if debian else []
        fixes += [
            f"add the Debian package that has {name} to apt_packages (find it with {_apt_file(name)})"
            for name in unknown
        ]
        where = f"{module} ({owner})" if owner else module
        verb = "is" if len(libraries) == 1 else "are"
        return BuildFailed(f"{where} needs {_joined(libraries)}, which {verb} not in the image{more}", "; ".join(fixes))
    return None


# `install-python-deps check` after a target's last install: one line a problem,
# then the lock the set came from.
CHECK_LINE = re.compile(r"^warmbuild-check: (missing|conflict|undeclared|lock): (.+)$", re.MULTILINE)
# Markers that name a platform: the lock was resolved for another one.
PLATFORM_MARKER = re.compile(r"\b(sys_platform|platform_system|platform_machine|os_name|platform_release)\b")


UNIVERSAL_LOCKS = {"uv.lock": "uv lock", "poetry.lock": "poetry lock"}


def _relock(source: str) -> str:
    tool = UNIVERSAL_LOCKS.get(source.rsplit("/", 1)[-1])
    if tool:
        return f"run `{tool}` and build again (the lock is for every platform: it was edited by hand or is damaged)"
    file = "the requirements file" if source == "the lock" else source
    return f"recompile {file} on linux (uv pip compile --python-platform linux)"


def _add_command(source: str, name: str) -> str:
    tool = {"poetry.lock": "poetry add", "uv.lock": "uv add"}.get(source.rsplit("/", 1)[-1])
    return f"`{tool} {name}`" if tool else f"{name} in the file {source} is compiled from"


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
        if kind == "undeclared":
            return BuildFailed(
                f"the installed set is incomplete: {first}{more} — Python's own images before 3.12 carried "
                "setuptools in every environment; this one holds what the lock installs",
                f"add setuptools to the project's dependencies and relock ({_add_command(source, 'setuptools')})",
            )
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
    libraries = _missing_libraries(run)
    if libraries:
        return libraries
    reason = failure_reason(run)
    if any(marker in reason for marker in REGISTRY_FAILURES):
        return RegistryError(
            f"the registry refused or dropped the push: {' '.join(reason.split())}",
            "check the registry (reachable, writable, credentials) and rerun; an unfinished push moves no tag",
        )
    return BuildFailed(f"build failed at {reason}", "read the step's log above; rerun with --debug for the command")
