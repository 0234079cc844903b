"""`invoke bench`: our builds against the seed's Dockerfiles, measured in one run.

Builds of the same example backend: the seed's current multi-stage prod Dockerfile
and its proposed Dockerfile.dev (bench/seed/, unchanged), and our dev and prod
targets, twice: as the example is (tesseract-ocr from apt) and without apt packages
(as the seed's images, which have no OCR). Each goes through the scenarios a user
meets, repeated. Every figure is the wall time of the whole command a user runs, as
a process: `warmbuild build-prod …` (interpreter start, imports, engine facts,
registry checks included) and `docker buildx build …` for the seed. Bytes pushed
are read from the registry's storage, bytes pulled from the engine's content store.

Every build runs on an engine of the benchmark's own (ci/engines.sh, through the
tests' support_machines): the cold and new-machine scenarios empty its builder,
which on a shared engine would take every other user's cache with it.

Every build installs from the same loopback package index (pypiserver over the
locked wheels), because the seed's `poetry install` needs an index Poetry can use and
Poetry cannot use this machine's proxy. The copy of the app the benchmark builds is
the example with a primary Poetry source pointing there (its lock rewritten, the
content-hash recomputed); our builds get the same index through the `index_url`
secret. Downloads are local for everyone, so the comparison is of build strategy,
not of network luck; the floor (downloading the locked wheels from the real index)
is measured apart.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import tomllib
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NotRequired, TypedDict

import support_machines as machines
import yaml
from support import VARIANTS, free_port, package_index
from support_leftovers import purge

from warmbuild import locks, quick
from warmbuild.docker_engine import DockerEngine
from warmbuild.errors import BuildFailed
from warmbuild.plan import packaged

KINDS = ("seed-prod", "seed-dev", "ours-dev", "ours-prod", "ours-dev-noapt", "ours-prod-noapt")
QUICK_KINDS = ("seed-prod", "seed-dev", "ours-dev", "ours-prod")
SCENARIOS = (
    "cold",
    "new-machine",
    "no-op",
    "no-op-again",
    "code-change",
    "light-dep",
    "heavy-change",
    "second-machine",
)
QUICK_SCENARIOS = ("no-op", "no-op-again", "code-change")
# The example's runtime OS packages; the "-noapt" kinds build it without them.
APT_PACKAGES = ["tesseract-ocr"]
HEAVY = ["numpy", "scipy", "opencv-python-headless"]
# The heavy package the heavy-change variant moves (scipy 1.18.1 -> 1.17.1).
CHANGED_HEAVY = "scipy"
REGISTRY_STORAGE = Path(os.environ.get("WARMBUILD_STATE_DIR", "/var/lib/warmbuild")) / "registry"
# Run order: a developer's machine edits code and changes the lock with its cache
# mounts (uv's, pip's) warm; "new machine" empties the builder, mounts included, so
# it runs last instead of handing every later scenario an empty download cache.
# "no-op" is the first run after a build (the full path: it leaves warmbuild's quick
# record); "no-op-again" the next one, answered from that record.
RUN_ORDER = (
    "cold",
    "no-op",
    "no-op-again",
    "code-change",
    "light-dep",
    "heavy-change",
    "second-machine",
    "new-machine",
)
INSTALLERS = ("uv", "pip", "poetry")
INDEX_NAME = "bench-index"
# The example's image: CPython 3.13 on linux/amd64 (what the locked sets are for).
BUILD_ENVIRONMENT = locks.target_environment("python:3.13-slim", "", "linux/amd64")
SEED_DOCKERFILES = {"seed-prod": "baseline-prod.Dockerfile", "seed-dev": "baseline-dev.Dockerfile"}
# Goals from the issue (ratio to seed-prod in the same run, or absolute).
TARGETS = {
    "cold": 0.5,
    "new-machine": 0.05,
    "light-dep": 0.15,
    "heavy-change": 0.25,
    "code-change": 1.0,
}
# The goal for a no-op as a whole process on this machine (2 cores), seconds.
NO_OP_GOAL = 0.25
# Each scenario's floor: the least any build could cost for it, measured in the same
# run as whole processes (what it is, for the README's table). The heavy change's is
# the second machine's pull (the moved layer pulled and unpacked by an engine holding
# the rest), the no-op-again's the no-op's.
FLOORS = {
    "cold": "downloading the locked wheels and unpacking them (one container)",
    "new-machine": "`docker pull` of the deps image by an empty engine",
    "no-op": "the interpreter's start (`python -c pass`)",
    "no-op-again": "the interpreter's start (`python -c pass`)",
    "code-change": "`docker buildx build` of `FROM <prod image>` + `COPY . /app` after the same edit",
    "heavy-change": "the moved layer pulled and unpacked (second-machine)",
}
OURS = ("ours-prod", "ours-dev", "ours-prod-noapt", "ours-dev-noapt")
# The arm64 scenario: the example's deps image (its heavy packages; no apt packages,
# which run under the emulator either way), cold, built for amd64 (this machine's
# own), for arm64 as warmbuild builds it (packages unpacked on this CPU) and for arm64
# with every step under the emulator (the same Dockerfile and lock, INSTALL_BASE=runtime-base).
ARM64 = "linux/arm64"
ARM64_KINDS = ("amd64", "arm64-cross", "arm64-emulated")
# Goals: cross-installed within x1.5 of amd64; at least x5 faster than emulated.
ARM64_TARGETS = {"arm64-cross / amd64": 1.5, "arm64-emulated / arm64-cross": 5.0}


# --- what a run measures -------------------------------------------------------------


class Moved(TypedDict):
    """Bytes one scenario pushed to the registry and pulled into the engine (None:
    unreadable)."""

    pushed: int | None
    pulled: int | None


class RawResults(TypedDict):
    """What one run measured: seconds (and bytes) by kind and scenario, in run order."""

    times: dict[str, dict[str, list[float]]]
    # The image of the example as it is, by kind.
    sizes: dict[str, int]
    installers: dict[str, list[float]]
    dev_loop: dict[str, list[float]]
    floor: list[float]
    # Older results files have neither.
    bytes: NotRequired[dict[str, dict[str, list[Moved]]]]
    heavy_installed: NotRequired[int | None]
    # Commands run again after the engine's snapshot race (ENGINE_RACE).
    engine_retries: NotRequired[list[str]]
    # What each of our runs reported per build (built, unchanged, reused …), by kind
    # and scenario: a no-op must build nothing, a code change must build prod.
    outcomes: NotRequired[dict[str, dict[str, list[list[str]]]]]
    # The example's deps image built cold for amd64, for arm64 cross-installed and for
    # arm64 all under the emulator (ARM64_KINDS), seconds by kind.
    arm64: NotRequired[dict[str, list[float]]]
    # Each scenario's floor (FLOORS), seconds; and where our builds' time went: per
    # kind and scenario, the process and each build's seconds (Phase).
    floors: NotRequired[dict[str, list[float]]]
    phases: NotRequired[dict[str, dict[str, list[Phase]]]]


class Phase(TypedDict):
    """One of our runs: the whole process's seconds and, per build (deps, prod …), the
    build's seconds and the seconds of the steps it ran (the rest of a build: buildx
    start, solving, pulling, exporting, loading, pushing)."""

    process: float
    builds: dict[str, dict[str, float]]


class Stats(TypedDict, total=False):
    """The median, range and count of some measures; empty when there were none."""

    median: float
    min: float
    max: float
    n: int


class MovedMedians(TypedDict, total=False):
    pushed: int
    pulled: int


class Summary(TypedDict):
    times: dict[str, dict[str, Stats]]
    # Each kind's median over seed-prod's in the same run (None: not measurable).
    ratios: dict[str, dict[str, float | None]]
    sizes: dict[str, int]
    size_ratios: dict[str, float]
    installers: dict[str, Stats]
    dev_loop: dict[str, Stats]
    floor: Stats
    bytes: dict[str, dict[str, MovedMedians]]
    heavy_installed: int | None
    arm64: NotRequired[dict[str, Stats]]
    floors: NotRequired[dict[str, Stats]]
    # Medians by kind and scenario: "process", "<target>" and "<target> steps" seconds.
    phases: NotRequired[dict[str, dict[str, dict[str, float]]]]


# --- the app the benchmark builds ---------------------------------------------------


def with_index_source(pyproject_text: str, lock_text: str, index_url: str) -> tuple[str, str]:
    """The same project and lock, resolved against ``index_url`` as a primary legacy
    source: what `poetry source add --priority=primary` plus `poetry lock` would
    write, without a resolve (versions and hashes stay exactly the lock's). Pure."""
    pyproject = (
        pyproject_text.rstrip("\n")
        + f'\n\n[[tool.poetry.source]]\nname = "{INDEX_NAME}"\nurl = "{index_url}/"\npriority = "primary"\n'
    )
    source = f'\n[package.source]\ntype = "legacy"\nurl = "{index_url}"\nreference = "{INDEX_NAME}"\n\n'
    blocks = re.split(r"(?m)^(?=\[\[package\]\]|\[metadata\])", lock_text)
    lock = "".join(b.rstrip("\n") + "\n" + source if b.startswith("[[package]]") else b for b in blocks)
    content_hash = locks.poetry.content_hash(tomllib.loads(pyproject))
    lock = re.sub(r'(?m)^content-hash = ".*"$', f'content-hash = "{content_hash}"', lock)
    return pyproject, lock


@dataclass
class Workspace:
    """Everything one benchmark run builds and serves, under .warmbuild/bench/<id>."""

    root: Path
    repo: Path
    # The simple index's URL, with its trailing slash.
    index_url: str = ""
    edits: int = 0
    # When the app's files last changed (time.time()).
    changed: float = 0.0
    # Every app name a builder used: `invoke gc --purge` takes them all away at the end.
    app_names: list[str] = field(default_factory=list)
    # The engine every build runs on: the benchmark's own, so emptying its builder
    # (the cold and new-machine scenarios) disturbs no one.
    machine: machines.Machine | None = None
    # The teammate's machine of the second-machine scenario: an engine of its own.
    second_machine: machines.Machine | None = None

    @property
    def app(self) -> Path:
        return self.root / "backend"

    @property
    def engine(self) -> machines.Machine:
        if self.machine is None:
            raise BuildFailed("the benchmark's engine is not running", "run the benchmark as root")
        return self.machine

    def use_variant(self, variant: str) -> None:
        """Copy the example app (fresh) and apply a lock variant, pointed at the index."""
        if self.app.exists():
            shutil.rmtree(self.app)
        ignore = shutil.ignore_patterns("__pycache__", ".pytest_cache", "tests")
        shutil.copytree(self.repo / "backend", self.app, ignore=ignore)
        source = VARIANTS / variant if variant != "base" else self.repo / "backend"
        pyproject, lock = with_index_source(
            (source / "pyproject.toml").read_text(), (source / "poetry.lock").read_text(), self.index_url.rstrip("/")
        )
        (self.app / "pyproject.toml").write_text(pyproject)
        (self.app / "poetry.lock").write_text(lock)
        self.changed = time.time()

    def edit_code(self) -> None:
        self.edits += 1
        main = self.app / "app" / "main.py"
        main.write_text(main.read_text() + f"\n# bench edit {self.edits}\n")
        self.changed = time.time()


def variant_requirements(repo: Path) -> dict[str, str]:
    """What each variant installs (main and dev groups), as requirement files: one per
    variant, since they pin different versions of the same packages."""
    folders = {"base": repo / "backend"} | {p.name: p for p in sorted(VARIANTS.iterdir())}
    return {
        name: locks.requirements_text(locks.install_set(locks.read_lock(folder), ["main", "dev"], BUILD_ENVIRONMENT))
        for name, folder in folders.items()
    }


def tool_requirements(dockerfile_text: str) -> str:
    """The installer tools our Dockerfile bootstraps (uv, Poetry, at its pinned
    versions): the benchmark's index must serve them too, as a team's index would."""
    versions = dict(re.findall(r"(?m)^ARG (UV|POETRY)_VERSION=(\S+)$", dockerfile_text))
    return f"uv=={versions['UV']}\npoetry=={versions['POETRY']}\n"


def download_wheels(
    python_image: str, requirements: Path, destination: Path, locked: bool = True, platform: str = ""
) -> float:
    """pip download of a requirements file inside the Python image the builds use
    (so the right wheels for its Python and platform): the network floor. ``locked``:
    pinned with hashes, no dependencies; otherwise resolved with dependencies."""
    destination.mkdir(parents=True, exist_ok=True)
    mode = ["--no-deps", "--require-hashes"] if locked else []
    started = time.monotonic()
    result = subprocess.run(
        ["docker", "run", "--rm", *(["--platform", platform] if platform else []),
         "--user", f"{os.getuid()}:{os.getgid()}", "--env", "HOME=/tmp",
         "-v", f"{requirements.parent}:/in:ro", "-v", f"{destination}:/out", python_image,
         "pip", "download", "-q", "--disable-pip-version-check", *mode,
         "-r", f"/in/{requirements.name}", "-d", "/out"],
        capture_output=True, text=True,
    )  # fmt: skip
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["no output"])[-1]
        raise BuildFailed(
            f"downloading the locked wheels failed: {last}", "check the package index and `invoke doctor`"
        )
    return time.monotonic() - started


# --- builds -----------------------------------------------------------------------------


def folder_bytes(folder: Path) -> int | None:
    """Bytes of the files under ``folder`` (None when it cannot be read)."""
    if not folder.is_dir():
        return None
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


# containerd's garbage collector can remove a snapshot while the engine unpacks an
# image onto it (moby/buildkit#6521, open; seen here once in a seed build after the
# benchmark had emptied the engine): the command fails through no fault of the build.
ENGINE_RACE = re.compile(r"failed to prepare extraction snapshot .*parent snapshot \S+ does not exist")
# The commands run again because of it, in this process: written to bench.json.
ENGINE_RETRIES: list[str] = []
# More than this in one run is not a rare race: the benchmark stops.
MAX_ENGINE_RETRIES = 3


def timed(command: list[str], env: dict[str, str] | None = None) -> float:
    """The wall time of a command as a user runs it; its failure stops the benchmark,
    except the engine's snapshot race once (that run is measured again and counted)."""
    for attempt in (1, 2):
        started = time.monotonic()
        result = subprocess.run(command, capture_output=True, text=True, env=env)
        seconds = time.monotonic() - started
        if result.returncode == 0:
            return seconds
        race = ENGINE_RACE.search(f"{result.stderr}\n{result.stdout}")
        if race and attempt == 1 and len(ENGINE_RETRIES) < MAX_ENGINE_RETRIES:
            ENGINE_RETRIES.append(" ".join(command[:5]))
            print(f"  engine snapshot race (moby/buildkit#6521): running again: {' '.join(command[:5])}")
            continue
        break
    tail = (result.stderr.strip() or result.stdout.strip()).splitlines()[-3:]
    raise BuildFailed(f"{' '.join(command[:4])} … failed: {' | '.join(tail)}", "see the command's output")


@dataclass
class Builder:
    """Runs one kind of build against the workspace; knows how to make it cold."""

    kind: str
    workspace: Workspace
    registry: str
    installer: str = "uv"
    name: str = ""
    images: dict[str, str] = field(default_factory=dict)
    # The outcome of each build of its last run, as its report says.
    outcomes: list[str] = field(default_factory=list)
    # The deps image before the last heavy change (the second machine has it).
    previous_deps: str = ""
    # Bytes a scenario pulled on another engine (the second machine), when it did.
    pulled_override: int | None = None
    # The image's platform ('' = the engine's own), for the arm64 scenario.
    platform: str = ""
    # Where the last run's time went (None: not one of ours, or not a build).
    phase: Phase | None = None

    @property
    def ours(self) -> bool:
        return self.kind.startswith("ours-")

    @property
    def target(self) -> str:
        return self.kind.removeprefix("ours-").removesuffix("-noapt")

    def fresh_registry_namespace(self) -> None:
        self.name = f"bench-{uuid.uuid4().hex[:10]}"
        self.workspace.app_names.append(self.name)

    def config_path(self) -> Path:
        """The builder's configuration, written when it changes only: a file rewritten
        just before a run would keep that run from leaving a quick record."""
        path = self.workspace.root / f"{self.name}.yaml"
        text = yaml.safe_dump({
            "name": self.name,
            "registry": self.registry,
            "context": str(self.workspace.app),
            "installer": self.installer,
            "heavy": HEAVY,
            "apt_packages": [] if self.kind.endswith("-noapt") else APT_PACKAGES,
            "network": "host",
            "frontend": {"context": ""},
            "secrets": [{"id": "index_url", "env": "WARMBUILD_BENCH_INDEX_URL"}],
            **({"platforms": [self.platform]} if self.platform else {}),
        })  # fmt: skip
        if not path.exists() or path.read_text() != text:
            path.write_text(text)
        return path

    def warmbuild(self, task: str) -> float:
        """`warmbuild TASK` as a process; remembers the images its report names."""
        report = self.workspace.root / f"{self.name}-report.json"
        command = [sys.executable, "-m", "warmbuild", task, "--config", str(self.config_path()), "--branch", "bench"]
        seconds = timed([*command, "--json", str(report)])
        builds = json.loads(report.read_text())["builds"]
        self.images.update({b["target"]: b["image"] for b in builds})
        self.outcomes = [b["outcome"] for b in builds]
        self.phase = phase_of(builds, seconds)
        return seconds

    def run(self, target: str = "") -> float:
        if self.ours:
            return self.warmbuild(f"build-{target or self.target}")
        tag = f"warmbuild-bench/{self.kind}:latest"
        dockerfile = self.workspace.repo / "bench" / "seed" / SEED_DOCKERFILES[self.kind]
        self.images = {self.kind: tag}
        return timed(["docker", "buildx", "build", "--progress=quiet", "--network", "host", "--file", str(dockerfile),
                      "--tag", tag, "--load", str(self.workspace.app)])  # fmt: skip

    def emulated_deps(self) -> float:
        """The deps build warmbuild plans, with every install on the target's CPU
        under the emulator (as the Poetry installer's is): `docker buildx build` as a
        process. Its plan and files are made first, untimed."""
        from warmbuild import pipeline
        from warmbuild.options import load_config

        config = load_config(self.config_path(), {"branch": "bench"})
        [deps] = pipeline.plan_targets(config, DockerEngine(), ["deps"], "bench")
        pipeline.write_files(deps)
        argv: list[str] = []
        parts = iter(deps.argv)
        for part in parts:
            value = next(parts) if part == "--build-arg" else None
            if value is None:
                argv.append(part)
            elif not value.startswith("INSTALL_FOR="):
                argv += [part, value]
        return timed(["docker", *argv[:2], "--build-arg", "INSTALL_BASE=runtime-base", *argv[2:]])

    def image_bytes(self) -> int:
        image = self.images.get(self.target) or next(iter(self.images.values()))
        return DockerEngine().local_image_size(image) or 0

    def warm_registry(self) -> None:
        """What CI's cache-warm leaves for a new machine: the deps image and the dev
        and prod caches of the branch (the seed's builds have no registry to warm)."""
        if self.ours:
            self.warmbuild("cache-warm")

    def forget_local(self) -> None:
        """A new machine: none of this build's images, an empty builder cache (the
        benchmark's own engine's)."""
        subprocess.run(["docker", "image", "rm", "-f", *self.images.values()], capture_output=True)
        DockerEngine().prune_build_cache()

    def second_machine(self) -> float:
        """A teammate's machine that has the deps image of before the heavy change
        pulls the new one: only the moved layer travels. That machine is an engine of
        its own (ci/engines.sh): on this one, the builder still holds every blob, so a
        pull would move nothing and measure nothing."""
        machine = self.workspace.second_machine
        if machine is None:
            raise BuildFailed("the second machine's engine is not running", "run the benchmark as root")
        machine.forget_all()
        machine.docker("pull", "-q", self.previous_deps)
        before = machine.content_bytes()
        seconds = timed(["docker", "pull", "-q", self.images["deps"]], env=machine.env)
        self.pulled_override = max(0, machine.content_bytes() - before)
        return seconds


def phase_of(builds: list[dict[str, Any]], seconds: float) -> Phase:
    """A run's report as a Phase: each build's seconds and its executed steps'."""
    found: dict[str, dict[str, float]] = {}
    for build in builds:
        executed = sum(step["seconds"] for step in build.get("steps", []) if not step["cached"])
        found[build["target"]] = {"seconds": build["seconds"], "steps": round(executed, 2)}
    return {"process": round(seconds, 2), "builds": found}


def code_change_floor(builder: Builder) -> float:
    """A bare `docker buildx build` copying the app onto our finished prod image, timed
    after the same edit as the code-change scenario (its first run, untimed, fills
    the cache): the least a code change can cost as a Docker build."""
    workspace = builder.workspace
    dockerfile = workspace.root / "floor-code.Dockerfile"
    dockerfile.write_text(f"FROM {builder.images['prod']}\nCOPY . /app\n")
    command = ["docker", "buildx", "build", "--progress=quiet", "--provenance", "false", "--file", str(dockerfile),
               "--tag", "warmbuild-bench/floor-code:latest", "--load", str(workspace.app)]  # fmt: skip
    timed(command)
    workspace.edit_code()
    return timed(command)


def new_machine_floor(builder: Builder) -> float | None:
    """`docker pull` of the deps image by an empty engine (the second machine): the
    bytes a new machine needs at least, pulled and unpacked."""
    machine = builder.workspace.second_machine
    if machine is None or "deps" not in builder.images:
        return None
    machine.forget_all()
    return timed(["docker", "pull", "-q", builder.images["deps"]], env=machine.env)


# The floors measured beside ours-prod's scenario (FLOORS; cold's and no-op's are
# measured once per repeat, heavy-change's is the second machine's scenario).
SCENARIO_FLOORS: dict[str, Callable[[Builder], float | None]] = {
    "code-change": code_change_floor,
    "new-machine": new_machine_floor,
}


def installed_bytes(image: str, package: str) -> int:
    """Bytes a package takes in an image's venv (its folder, metadata and libraries)."""
    site = "/opt/venv/lib/python3*/site-packages"
    command = f"du -scb {site}/{package} {site}/{package}[-.]* | tail -1"
    output = subprocess.run(["docker", "run", "--rm", "--entrypoint", "sh", image, "-c", command],
                            capture_output=True, text=True, check=True).stdout  # fmt: skip
    return int(output.split()[0])


def run_scenario(builder: Builder, scenario: str) -> float:
    workspace = builder.workspace
    if scenario == "cold":
        workspace.use_variant("base")
        builder.fresh_registry_namespace()
        DockerEngine().prune_build_cache()  # the benchmark's own engine
    elif scenario == "new-machine":
        builder.warm_registry()
        builder.forget_local()
    elif scenario == "no-op":
        # Files changed in the last 2 s make a run leave no quick record (it cannot tell
        # them from changes made while it ran): a user's next run comes later than that.
        # Waited here, outside the timed command.
        time.sleep(max(0.0, workspace.changed + quick.RACY_NS / 1e9 + 0.1 - time.time()))
    elif scenario == "code-change":
        workspace.edit_code()
    elif scenario == "light-dep":
        workspace.use_variant("light-added")
    elif scenario == "heavy-change":
        builder.previous_deps = builder.images.get("deps", "")
        workspace.use_variant("heavy-changed")
    elif scenario == "second-machine":
        return builder.second_machine()
    return builder.run()


# --- the dev loop ------------------------------------------------------------------------


def measure_dev_loop(builder: Builder) -> float:
    """Seconds from saving a backend file to the backend answering with the change,
    in the dev image with the code mounted and uvicorn reloading (compose's way). The
    container's address is on the benchmark engine's network: asked from there."""
    workspace = builder.workspace
    image = builder.images.get("dev") or builder.images[builder.kind]
    command = ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000", "--reload"]
    container = subprocess.run(
        ["docker", "run", "-d", "--rm", "-v", f"{workspace.app}:/app", "-w", "/app",
         "-u", f"{os.getuid()}:{os.getgid()}", "-e", "PYTHONDONTWRITEBYTECODE=1", image, *command],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    try:
        address = subprocess.run(
            ["docker", "inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", container],
            check=True, capture_output=True, text=True,
        ).stdout.strip()  # fmt: skip
        url = f"http://{address}:8000/health"
        with workspace.engine.network():
            _wait_for(url, lambda body: "status" in body, 120)
            marker = f"bench-{uuid.uuid4().hex[:8]}"
            main = workspace.app / "app" / "main.py"
            main.write_text(main.read_text().replace('return {"status": "ok"}', f'return {{"status": "{marker}"}}'))
            started = time.monotonic()
            _wait_for(url, lambda body: marker in body, 60)
            return time.monotonic() - started
    finally:
        subprocess.run(["docker", "rm", "-f", container], capture_output=True)


def _wait_for(url: str, ready: Callable[[str], bool], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if ready(response.read().decode()):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise BuildFailed(f"{url} did not answer as expected within {seconds:.0f} s", "see the container's logs")


# --- the run -----------------------------------------------------------------------------


@contextlib.contextmanager
def progress_bar(total: int) -> Iterator[Callable[[str], None]]:
    """A progress bar for the benchmark (it takes many minutes); yields `advance(label)`."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from warmbuild.console import out

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=out, transient=False) as progress:
        bar = progress.add_task("benchmark", total=total)

        def advance(label: str) -> None:
            progress.update(bar, advance=1, description=label)
            if not out.is_terminal:
                out.print(f"  {label}")

        yield advance


@dataclass
class BenchOptions:
    repeats: int = 3
    scenarios: tuple[str, ...] = SCENARIOS
    kinds: tuple[str, ...] = KINDS
    installers: tuple[str, ...] = INSTALLERS
    dev_loop: bool = True
    # The arm64 scenario (ARM64_KINDS): the deps image cold, three ways; its runs (0:
    # as many as ``repeats``; the emulated build alone takes ~5 min).
    arm64: bool = True
    arm64_repeats: int = 0

    @property
    def arm64_runs(self) -> int:
        return (self.arm64_repeats or self.repeats) if self.arm64 else 0


def arm64_options(repeats: int) -> BenchOptions:
    """Only the arm64 scenario (`invoke bench --arm64-only`)."""
    return BenchOptions(repeats=repeats, scenarios=(), kinds=(), installers=(), dev_loop=False)


def quick_options() -> BenchOptions:
    return BenchOptions(
        repeats=1, scenarios=QUICK_SCENARIOS, kinds=QUICK_KINDS, installers=(), dev_loop=True, arm64=False
    )


def scenarios_of(kind: str, options: BenchOptions) -> list[str]:
    """The seed has no registry: a second machine would rebuild, a new one is cold."""
    wanted = [s for s in options.scenarios if kind.startswith("ours-") or s != "second-machine"]
    return sorted(wanted, key=RUN_ORDER.index)


def total_steps(options: BenchOptions) -> int:
    per_repeat = sum(len(scenarios_of(k, options)) for k in options.kinds) + len(options.installers)
    dev_loops = sum(kind.endswith("dev") for kind in options.kinds) if options.dev_loop else 0
    arm64 = len(ARM64_KINDS) * options.arm64_runs
    return options.repeats * (per_repeat + dev_loops) + arm64 + 1 + (1 if options.arm64 else 0)


def run_bench(
    repo: Path, registry: str, python_image: str, options: BenchOptions, advance: Callable[[str], None]
) -> RawResults:
    """Measure everything on an engine of the benchmark's own (it empties that
    builder between scenarios, as a new machine has it); returns the raw results
    (lists of seconds)."""
    workspace = Workspace(root=repo / ".warmbuild" / "bench" / uuid.uuid4().hex[:8], repo=repo)
    workspace.root.mkdir(parents=True)
    results: RawResults = {"times": {k: {s: [] for s in options.scenarios} for k in options.kinds}, "sizes": {},
                           "installers": {i: [] for i in options.installers}, "dev_loop": {}, "floor": [],
                           "bytes": {k: {} for k in options.kinds}, "heavy_installed": None,
                           "outcomes": {k: {} for k in options.kinds}, "floors": {},
                           "phases": {k: {} for k in options.kinds if k in OURS}}  # fmt: skip
    index_port = free_port()
    try:
        with contextlib.ExitStack() as stack:
            # Builds reach the package index (on this host's loopback) under the same
            # address on the benchmark's engine.
            own = machines.machine_of_its_own(workspace.root / "machine", prefix="bench", forward=(index_port,))
            workspace.machine = stack.enter_context(own)
            if "second-machine" in options.scenarios:
                second = machines.machine_of_its_own(workspace.root / "second-machine", prefix="bench2")
                workspace.second_machine = stack.enter_context(second)
            stack.enter_context(workspace.machine.selected())
            cold_floor = fetch_wheels(workspace, python_image, options.repeats)
            results["floor"] = [download for download, _ in cold_floor]
            if cold_floor:
                results["floors"]["cold"] = [round(download + unpack, 2) for download, unpack in cold_floor]
            advance("floor: downloading the locked wheels")
            if options.arm64:
                fetch_wheels(workspace, python_image, 0, platform=ARM64)
                advance("the arm64 wheels")
            workspace.index_url = stack.enter_context(package_index(workspace.root / "wheels", index_port))
            os.environ["WARMBUILD_BENCH_INDEX_URL"] = workspace.index_url
            stack.callback(os.environ.pop, "WARMBUILD_BENCH_INDEX_URL", None)
            measure(workspace, registry, options, results, advance)
            if options.arm64:
                results["arm64"] = measure_arm64(workspace, registry, options.arm64_runs, advance)
            results["engine_retries"] = list(ENGINE_RETRIES)
    finally:
        # The wheels alone are ~130 MB a run; every build's image ~1 GB in the
        # registry: gc takes each app's images and caches away (the engines' went
        # with them).
        shutil.rmtree(workspace.root, ignore_errors=True)
        for name in workspace.app_names:
            purge(name, registry)
    return results


def fetch_wheels(
    workspace: Workspace, python_image: str, repeats: int, platform: str = ""
) -> list[tuple[float, float]]:
    """Every wheel the builds install, into the index's folder (``platform``'s:
    downloaded by pip in that platform's image); and the cold floor, ``repeats``
    times: seconds to download the locked wheels alone, and to unpack them."""
    repo = workspace.repo
    variants = variant_requirements(repo)
    for name, text in variants.items() if not platform else [("base", variants["base"])]:
        requirements = workspace.root / f"requirements-{name}.txt"
        requirements.write_text(text)
        download_wheels(python_image, requirements, workspace.root / "wheels", platform=platform)
    tools = workspace.root / "tools.txt"
    wanted = tool_requirements(packaged("python-app.Dockerfile").read_text())
    # Another platform's builds bootstrap uv alone (Poetry's resolution is minutes under QEMU).
    tools.write_text(wanted.splitlines()[0] + "\n" if platform else wanted)
    download_wheels(python_image, tools, workspace.root / "wheels", locked=False, platform=platform)
    main_only = workspace.root / "main.txt"
    backend_lock = locks.read_lock(repo / "backend")
    main_only.write_text(locks.requirements_text(locks.install_set(backend_lock, ["main"], BUILD_ENVIRONMENT)))
    found = []
    for _ in range(repeats):
        folder = workspace.root / f"floor-{uuid.uuid4().hex}"
        found.append((download_wheels(python_image, main_only, folder), unpack_wheels(python_image, folder)))
    return found


def unpack_wheels(python_image: str, folder: Path) -> float:
    """Seconds to unpack the wheels in ``folder`` into a container's filesystem, as a
    process: with their download, the cold build's floor (no installer, no bytecode,
    no image export)."""
    script = "import glob, zipfile\nfor wheel in glob.glob('/in/*.whl'): zipfile.ZipFile(wheel).extractall('/site')"
    return timed(["docker", "run", "--rm", "-v", f"{folder}:/in:ro", python_image, "python", "-c", script])


def interpreter_start() -> float:
    """The no-op's floor: this interpreter started and stopped, as a process."""
    return timed([sys.executable, "-c", "pass"])


def measure(
    workspace: Workspace, registry: str, options: BenchOptions, results: RawResults, advance: Callable[[str], None]
) -> None:
    """Every scenario of every kind, the dev loops and the installers, ``options.repeats`` times."""
    floors = results.setdefault("floors", {})
    for repeat in range(options.repeats):
        if {"no-op", "no-op-again"} & set(options.scenarios):
            floors.setdefault("no-op", []).append(round(interpreter_start(), 3))
        for kind in options.kinds:
            builder = Builder(kind, workspace, registry)
            builder.fresh_registry_namespace()
            workspace.use_variant("base")
            if "cold" not in options.scenarios:
                builder.run()  # a starting point for the incremental scenarios
            run_order = scenarios_of(kind, options)
            for scenario in run_order:
                stored, pulled_before = folder_bytes(REGISTRY_STORAGE), workspace.engine.content_bytes()
                builder.pulled_override, builder.phase = None, None
                seconds = run_scenario(builder, scenario)
                results["times"][kind][scenario].append(round(seconds, 2))
                if builder.ours:
                    results["outcomes"][kind].setdefault(scenario, []).append(builder.outcomes)
                if builder.phase is not None:
                    results["phases"][kind].setdefault(scenario, []).append(builder.phase)
                pushed = _delta(stored, folder_bytes(REGISTRY_STORAGE))
                pulled = builder.pulled_override
                if pulled is None:
                    pulled = _delta(pulled_before, workspace.engine.content_bytes())
                results["bytes"][kind].setdefault(scenario, []).append({"pushed": pushed, "pulled": pulled})
                advance(f"{kind} {scenario} (repeat {repeat + 1}): {seconds:.1f}s")
                if scenario == run_order[0]:
                    # The image of the example as it is (before any edit or variant).
                    results["sizes"][kind] = builder.image_bytes()
                if kind == "ours-prod" and scenario in SCENARIO_FLOORS:
                    floor = SCENARIO_FLOORS[scenario](builder)
                    if floor is not None:
                        floors.setdefault(scenario, []).append(round(floor, 2))
                if scenario == "heavy-change" and kind == "ours-prod" and results["heavy_installed"] is None:
                    results["heavy_installed"] = installed_bytes(builder.images["deps"], CHANGED_HEAVY)
            if options.dev_loop and kind.endswith("dev"):
                workspace.use_variant("base")
                builder.run()
                seconds = measure_dev_loop(builder)
                results["dev_loop"].setdefault(kind, []).append(round(seconds, 2))
                advance(f"{kind} dev loop (repeat {repeat + 1}): {seconds:.2f}s")
        for installer in options.installers:
            builder = Builder("ours-deps", workspace, registry, installer=installer)
            builder.fresh_registry_namespace()
            workspace.use_variant("base")
            DockerEngine().prune_build_cache()  # the benchmark's own engine
            seconds = builder.run("deps")
            results["installers"][installer].append(round(seconds, 2))
            advance(f"deps stage with {installer} (repeat {repeat + 1}): {seconds:.1f}s")


def measure_arm64(
    workspace: Workspace, registry: str, repeats: int, advance: Callable[[str], None]
) -> dict[str, list[float]]:
    """The deps image cold, three ways (ARM64_KINDS), ``repeats`` times: each build a
    whole process on an emptied builder (cache mounts included), like "cold"."""
    found: dict[str, list[float]] = {kind: [] for kind in ARM64_KINDS}
    for repeat in range(repeats):
        for kind in ARM64_KINDS:
            builder = Builder("ours-deps-noapt", workspace, registry, platform="" if kind == "amd64" else ARM64)
            builder.fresh_registry_namespace()
            workspace.use_variant("base")
            DockerEngine().prune_build_cache()  # the benchmark's own engine
            seconds = builder.emulated_deps() if kind == "arm64-emulated" else builder.run("deps")
            found[kind].append(round(seconds, 2))
            advance(f"deps for {kind} (repeat {repeat + 1}): {seconds:.1f}s")
    return found


def _delta(before: int | None, after: int | None) -> int | None:
    return None if before is None or after is None else max(0, after - before)


# --- statistics and ratios (pure) -------------------------------------------------------------


def stats(values: list[float]) -> Stats:
    if not values:
        return {}
    return {"median": round(statistics.median(values), 2), "min": min(values), "max": max(values), "n": len(values)}


def summarize(results: RawResults) -> Summary:
    """Medians, ranges and the ratios to seed-prod in the same run."""
    times = {k: {s: stats(v) for s, v in scenarios.items()} for k, scenarios in results["times"].items()}
    baseline = times.get("seed-prod", {})

    def ratio(kind: str, scenario: str) -> float | None:
        # A new machine is compared with the seed's cold build: the seed has no
        # registry cache, so a new machine is cold for it.
        base_scenario = "cold" if scenario == "new-machine" else scenario
        ours, base = times[kind].get(scenario, {}), baseline.get(base_scenario, {})
        if "median" not in ours or not base.get("median"):
            return None
        return round(ours["median"] / base["median"], 3)

    ratios = {k: {s: ratio(k, s) for s in times[k]} for k in times}
    sizes = results["sizes"]
    size_ratio = {k: round(v / sizes["seed-prod"], 3) for k, v in sizes.items()} if sizes.get("seed-prod") else {}
    return {
        "times": times,
        "ratios": ratios,
        "sizes": sizes,
        "size_ratios": size_ratio,
        "installers": {i: stats(v) for i, v in results["installers"].items()},
        "dev_loop": {k: stats(v) for k, v in results["dev_loop"].items()},
        "floor": stats(results["floor"]),
        "bytes": {
            k: {s: _byte_medians(v) for s, v in scenarios.items()} for k, scenarios in results.get("bytes", {}).items()
        },
        "heavy_installed": results.get("heavy_installed"),
        "arm64": {kind: stats(values) for kind, values in results.get("arm64", {}).items()},
        "floors": floor_stats(results, times),
        "phases": {
            kind: {scenario: phase_medians(runs) for scenario, runs in scenarios.items()}
            for kind, scenarios in results.get("phases", {}).items()
        },
    }


def floor_stats(results: RawResults, times: dict[str, dict[str, Stats]]) -> dict[str, Stats]:
    """Each scenario's floor (FLOORS): the measured ones, the no-op's for no-op-again
    and the second machine's pull for the heavy change."""
    floors = {scenario: stats(values) for scenario, values in results.get("floors", {}).items() if values}
    if "no-op" in floors:
        floors["no-op-again"] = floors["no-op"]
    pull = times.get("ours-prod", {}).get("second-machine")
    if pull:
        floors["heavy-change"] = pull
    return floors


def phase_medians(runs: list[Phase]) -> dict[str, float]:
    """The median of each part of the runs: "process", and per build "<target>" (its
    seconds) and "<target> steps" (its executed steps' seconds)."""
    parts: dict[str, list[float]] = {"process": [run["process"] for run in runs]}
    for run in runs:
        for target, build in run["builds"].items():
            parts.setdefault(target, []).append(build["seconds"])
            parts.setdefault(f"{target} steps", []).append(build["steps"])
    return {part: round(statistics.median(values), 2) for part, values in parts.items()}


def _byte_medians(measures: list[Moved]) -> MovedMedians:
    found: MovedMedians = {}
    pushed = [m["pushed"] for m in measures if m["pushed"] is not None]
    pulled = [m["pulled"] for m in measures if m["pulled"] is not None]
    if pushed:
        found["pushed"] = int(statistics.median(pushed))
    if pulled:
        found["pulled"] = int(statistics.median(pulled))
    return found


def arm64_ratios(summary: Summary) -> dict[str, float]:
    """The arm64 goals' ratios, of medians measured in this run."""
    medians = {kind: found["median"] for kind, found in summary.get("arm64", {}).items() if found.get("median")}
    ratios = {}
    for goal in ARM64_TARGETS:
        over, under = goal.split(" / ")
        if over in medians and under in medians:
            ratios[goal] = round(medians[over] / medians[under], 2)
    return ratios


def arm64_table(summary: Summary) -> str:
    found = summary.get("arm64", {})
    if not any(found.values()):
        return ""
    lines = ["", "| deps image, cold (numpy, scipy, opencv) | seconds (min–max) |", "|---|---|"]
    for kind, value in found.items():
        if value:
            lines.append(f"| {kind} | {value['median']:.1f} s ({value['min']:.1f}–{value['max']:.1f}) |")
    ratios = arm64_ratios(summary)
    text = ", ".join(f"{goal} ×{ratio:.2f}" for goal, ratio in ratios.items())
    return "\n".join(lines) + (f"\n\n{text}." if text else "") + "\n"


def target_verdicts(summary: Summary) -> list[tuple[str, str, str, bool]]:
    """(goal, measured, target, met) for each goal measurable in this run."""
    verdicts = []
    for arm64_goal, ratio in arm64_ratios(summary).items():
        bound = ARM64_TARGETS[arm64_goal]
        # cross / amd64 at most the bound; emulated / cross at least it.
        at_most = arm64_goal.endswith("amd64")
        met = ratio <= bound if at_most else ratio >= bound
        verdicts.append((arm64_goal, f"{ratio:.2f}", f"{'<=' if at_most else '>='} {bound}", met))
    for kind in OURS:
        for scenario, goal in TARGETS.items():
            value = summary["ratios"].get(kind, {}).get(scenario)
            if value is not None:
                verdicts.append((f"{kind} {scenario} / seed-prod", f"{value:.2f}", f"<= {goal}", value <= goal))
    times = summary["times"]
    no_op, seed_no_op = times.get("ours-prod", {}).get("no-op-again"), times.get("seed-prod", {}).get("no-op-again")
    if no_op:
        verdicts.append(
            ("ours-prod no-op, as a process", f"{no_op['median']:.2f} s", "<= 0.25 s", no_op["median"] <= NO_OP_GOAL)
        )
    if no_op and seed_no_op:
        faster = no_op["median"] < seed_no_op["median"]
        verdicts.append(
            (
                "ours-prod no-op / seed-prod no-op",
                f"{no_op['median']:.2f} s",
                f"< {seed_no_op['median']:.2f} s",
                faster,
            )
        )
    installed = summary.get("heavy_installed")
    moved = summary.get("bytes", {}).get("ours-prod", {})
    measures = (
        ("heavy-change", "pushed", moved.get("heavy-change", {}).get("pushed")),
        ("second-machine", "pulled", moved.get("second-machine", {}).get("pulled")),
    )
    for scenario, direction, measured in measures:
        if installed and measured is not None:
            verdicts.append((
                f"ours-prod {scenario}: bytes {direction} / {CHANGED_HEAVY} installed",
                f"{measured / 1e6:.0f} MB / {installed / 1e6:.0f} MB",
                "<= 1.5x",
                measured <= 1.5 * installed,
            ))  # fmt: skip
    size = summary["size_ratios"].get("ours-prod")
    if size is not None:
        verdicts.append(("ours-prod image / seed-prod image", f"{size:.2f}", "<= 0.75", size <= 0.75))
    loop = summary["dev_loop"].get("ours-dev")
    if loop:
        verdicts.append(("ours-dev edit to response", f"{loop['median']:.2f} s", "<= 1.2 s", loop["median"] <= 1.2))
    return verdicts


def markdown_table(summary: Summary) -> str:
    """The table the README embeds: median seconds (min-max) and ratio to seed-prod."""
    kinds = list(summary["times"])
    scenarios = list(next(iter(summary["times"].values())))
    lines = ["| scenario | " + " | ".join(kinds) + " |", "|---|" + "---|" * len(kinds)]
    for scenario in scenarios:
        cells = []
        for kind in kinds:
            value = summary["times"][kind].get(scenario)
            ratio = summary["ratios"][kind].get(scenario)
            text = f"{value['median']:.1f} s ({value['min']:.1f}–{value['max']:.1f})" if value else "–"
            if ratio is not None and kind != "seed-prod":
                text += f" ×{ratio:.2f}"
            cells.append(text)
        lines.append(f"| {scenario} | " + " | ".join(cells) + " |")
    sizes = summary["sizes"]
    lines.append(
        "| image size | " + " | ".join(f"{sizes[k] / 1e6:.0f} MB" if k in sizes else "–" for k in kinds) + " |"
    )
    loops = summary["dev_loop"]
    lines.append(
        "| dev loop: edit to response | "
        + " | ".join(f"{loops[k]['median']:.2f} s" if k in loops else "–" for k in kinds)
        + " |"
    )
    floor = summary["floor"]
    extra = [f"Floor: downloading the locked wheels alone takes {floor['median']:.1f} s (median)."] if floor else []
    installers = summary["installers"]
    if any(installers.values()):
        parts = [f"{name} {value['median']:.1f} s" for name, value in installers.items() if value]
        extra.append("Deps stage, cold, by installer: " + ", ".join(parts) + ".")
    return (
        "\n".join(lines)
        + ("\n\n" + " ".join(extra) if extra else "")
        + "\n"
        + floors_table(summary)
        + phases_table(summary)
        + bytes_table(summary)
        + arm64_table(summary)
    )


def floors_table(summary: Summary, kind: str = "ours-prod") -> str:
    """Each scenario's floor beside ``kind``'s median and the ratio of the two."""
    floors, times = summary.get("floors", {}), summary["times"].get(kind, {})
    rows = [s for s in FLOORS if floors.get(s) and times.get(s)]
    if not rows:
        return ""
    lines = ["", f"| scenario | floor | {kind} | × floor | the floor is |", "|---|---|---|---|---|"]
    for scenario in rows:
        floor, ours = floors[scenario]["median"], times[scenario]["median"]
        lines.append(f"| {scenario} | {floor:.2f} s | {ours:.2f} s | ×{ours / floor:.1f} | {FLOORS[scenario]} |")
    return "\n".join(lines) + "\n"


def phases_table(summary: Summary, kind: str = "ours-prod") -> str:
    """Where ``kind``'s time goes, per scenario (medians): the process, each build and
    its executed steps; the process less its builds is interpreter start, planning,
    registry checks and the report."""
    phases = summary.get("phases", {}).get(kind, {})
    rows = {scenario: found for scenario, found in phases.items() if any(k != "process" for k in found)}
    if not rows:
        return ""
    lines = [
        "",
        f"| {kind}, median s | process | deps build (steps run) | prod build (steps run) | process less builds |",
        "|---|---|---|---|---|",
    ]
    for scenario, found in rows.items():
        cells = []
        for target in ("deps", "prod"):
            seconds = found.get(target)
            steps = found.get(f"{target} steps", 0.0)
            cells.append("–" if seconds is None else f"{seconds:.2f} ({steps:.2f})")
        outside = found["process"] - found.get("deps", 0.0) - found.get("prod", 0.0)
        lines.append(f"| {scenario} | {found['process']:.2f} | {cells[0]} | {cells[1]} | {outside:.2f} |")
    return "\n".join(lines) + "\n"


def bytes_table(summary: Summary) -> str:
    """MB pushed to the registry / pulled by the engine, per scenario of our builds."""
    moved = {k: v for k, v in summary.get("bytes", {}).items() if k in OURS and v}
    if not moved:
        return ""
    kinds = list(moved)
    scenarios = [s for s in SCENARIOS if any(s in moved[k] for k in kinds)]
    lines = ["", "| MB pushed / pulled | " + " | ".join(kinds) + " |", "|---|" + "---|" * len(kinds)]
    for scenario in scenarios:
        cells = []
        for kind in kinds:
            value = moved[kind].get(scenario, {})
            pushed, pulled = value.get("pushed"), value.get("pulled")
            cells.append(" / ".join("–" if v is None else f"{v / 1e6:.0f}" for v in (pushed, pulled)))
        lines.append(f"| {scenario} | " + " | ".join(cells) + " |")
    installed = summary.get("heavy_installed")
    if installed:
        lines += ["", f"{CHANGED_HEAVY} (the heavy-change package) installed: {installed / 1e6:.0f} MB."]
    return "\n".join(lines) + "\n"


def write_outputs(summary: Summary, raw: RawResults, out_dir: Path, readme: Path | None) -> dict[str, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {"json": out_dir / "bench.json", "png": out_dir / "bench.png", "markdown": out_dir / "bench.md"}
    paths["json"].write_text(json.dumps({"summary": summary, "raw": raw}, indent=2) + "\n")
    table = markdown_table(summary)
    paths["markdown"].write_text(table)
    draw_chart(summary, paths["png"])
    if readme is not None:
        update_readme(readme, table)
    return paths


def write_arm64_outputs(summary: Summary, raw: RawResults, out_dir: Path) -> dict[str, Path]:
    """`--arm64-only`: its results apart from a full run's."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {"json": out_dir / "bench-arm64.json", "markdown": out_dir / "bench-arm64.md"}
    paths["json"].write_text(json.dumps({"summary": summary, "raw": raw}, indent=2) + "\n")
    paths["markdown"].write_text(arm64_table(summary))
    return paths


START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def update_readme(readme: Path, table: str) -> None:
    text = readme.read_text()
    if START not in text or END not in text:
        raise ValueError(f"{readme} has no {START} … {END} block")
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    readme.write_text(f"{before}{START}\n{table}{END}{after}")


def draw_chart(summary: Summary, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    kinds = list(summary["times"])
    scenarios = list(next(iter(summary["times"].values())))
    width = 0.8 / len(kinds)
    figure, axis = plt.subplots(figsize=(11, 5))
    for index, kind in enumerate(kinds):
        medians = [summary["times"][kind].get(s, {}).get("median", 0) for s in scenarios]
        positions = [i + index * width for i in range(len(scenarios))]
        axis.bar(positions, medians, width, label=kind)
    # Each scenario's floor: a line across its group of bars (labelled once).
    floors = summary.get("floors", {})
    label = "floor"
    for i, scenario in enumerate(scenarios):
        floor = floors.get(scenario, {}).get("median")
        if floor:
            right = i + width * (len(kinds) - 0.5)
            axis.hlines(floor, i - width / 2, right, colors="black", linestyles="dashed", label=label)
            label = "_nolegend_"
    axis.set_xticks([i + width * (len(kinds) - 1) / 2 for i in range(len(scenarios))], scenarios)
    axis.set_ylabel("seconds (median)")
    axis.set_title("Build time by scenario: the seed's Dockerfiles against warmbuild's targets")
    axis.legend()
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
