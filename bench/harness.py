"""`invoke bench`: our builds against the seed's Dockerfiles, measured in one run.

Four builds of the same example backend: the seed's current multi-stage prod
Dockerfile and its proposed Dockerfile.dev (bench/seed/, unchanged), and our dev and
prod targets. Each goes through the scenarios a user meets, repeated; the numbers
are wall-clock seconds of the whole task (ours: `build_target`, deps check included;
the seed's: one `docker buildx build`).

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
import socket
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

import yaml

from warmbuild import locks, pipeline, warm
from warmbuild.docker_engine import DockerEngine
from warmbuild.errors import BuildFailed
from warmbuild.options import load_config
from warmbuild.plan import packaged

KINDS = ("seed-prod", "seed-dev", "ours-dev", "ours-prod")
SCENARIOS = ("cold", "new-machine", "no-op", "code-change", "light-dep", "heavy-change")
QUICK_SCENARIOS = ("no-op", "code-change")
# Run order: a developer's machine edits code and changes the lock with its cache
# mounts (uv's, pip's) warm; "new machine" empties the builder, mounts included, so
# it runs last instead of handing every later scenario an empty download cache.
RUN_ORDER = ("cold", "no-op", "code-change", "light-dep", "heavy-change", "new-machine")
INSTALLERS = ("uv", "pip", "poetry")
INDEX_NAME = "bench-index"
# The example's image: CPython 3.13 on linux/amd64 (what the locked sets are for).
BUILD_ENVIRONMENT = locks.target_environment("python:3.13-slim", "", "linux/amd64")
SEED_DOCKERFILES = {"seed-prod": "baseline-prod.Dockerfile", "seed-dev": "baseline-dev.Dockerfile"}
# Goals from the issue (ratio to seed-prod in the same run, or absolute).
TARGETS = {
    "cold": 0.5,
    "new-machine": 0.2,
    "light-dep": 0.15,
    "heavy-change": 0.6,
    "code-change": 1.0,
}


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
    index_url: str = ""
    server: subprocess.Popen | None = None
    edits: int = 0

    @property
    def app(self) -> Path:
        return self.root / "backend"

    def use_variant(self, variant: str) -> None:
        """Copy the example app (fresh) and apply a lock variant, pointed at the index."""
        if self.app.exists():
            shutil.rmtree(self.app)
        ignore = shutil.ignore_patterns("__pycache__", ".pytest_cache", "tests")
        shutil.copytree(self.repo / "backend", self.app, ignore=ignore)
        source = self.repo / "bench" / "variants" / variant if variant != "base" else self.repo / "backend"
        pyproject, lock = with_index_source(
            (source / "pyproject.toml").read_text(), (source / "poetry.lock").read_text(), self.index_url
        )
        (self.app / "pyproject.toml").write_text(pyproject)
        (self.app / "poetry.lock").write_text(lock)

    def edit_code(self) -> None:
        self.edits += 1
        main = self.app / "app" / "main.py"
        main.write_text(main.read_text() + f"\n# bench edit {self.edits}\n")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def variant_requirements(repo: Path) -> dict[str, str]:
    """What each variant installs (main and dev groups), as requirement files: one per
    variant, since they pin different versions of the same packages."""
    folders = {"base": repo / "backend"} | {p.name: p for p in sorted((repo / "bench" / "variants").iterdir())}
    return {
        name: locks.requirements_text(locks.install_set(locks.read_lock(folder), ["main", "dev"], BUILD_ENVIRONMENT))
        for name, folder in folders.items()
    }


def tool_requirements(dockerfile_text: str) -> str:
    """The installer tools our Dockerfile bootstraps (uv, Poetry, at its pinned
    versions): the benchmark's index must serve them too, as a team's index would."""
    versions = dict(re.findall(r"(?m)^ARG (UV|POETRY)_VERSION=(\S+)$", dockerfile_text))
    return f"uv=={versions['UV']}\npoetry=={versions['POETRY']}\n"


def download_wheels(python_image: str, requirements: Path, destination: Path, locked: bool = True) -> float:
    """pip download of a requirements file inside the Python image the builds use
    (so the right wheels for its Python and platform): the network floor. ``locked``:
    pinned with hashes, no dependencies; otherwise resolved with dependencies."""
    destination.mkdir(parents=True, exist_ok=True)
    mode = ["--no-deps", "--require-hashes"] if locked else []
    started = time.monotonic()
    result = subprocess.run(
        ["docker", "run", "--rm", "--user", f"{os.getuid()}:{os.getgid()}", "--env", "HOME=/tmp",
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


def start_index(workspace: Workspace) -> None:
    port = _free_port()
    server = Path(sys.executable).parent / "pypi-server"
    workspace.server = subprocess.Popen(
        [str(server), "run", "-i", "127.0.0.1", "-p", str(port), "--disable-fallback", str(workspace.root / "wheels")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workspace.index_url = f"http://127.0.0.1:{port}/simple"
    deadline = time.monotonic() + 20
    while True:
        try:
            urllib.request.urlopen(workspace.index_url + "/", timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise BuildFailed("the benchmark's package index did not start", "is pypiserver installed?") from None
            time.sleep(0.2)


# --- builds -----------------------------------------------------------------------------


@dataclass
class Builder:
    """Runs one kind of build against the workspace; knows how to make it cold."""

    kind: str
    workspace: Workspace
    registry: str
    installer: str = "uv"
    name: str = ""
    images: list[str] = field(default_factory=list)

    def fresh_registry_namespace(self) -> None:
        self.name = f"bench-{uuid.uuid4().hex[:10]}"

    def config_path(self) -> Path:
        path = self.workspace.root / f"{self.name}.yaml"
        path.write_text(yaml.safe_dump({
            "name": self.name,
            "registry": self.registry,
            "context": str(self.workspace.app),
            "dockerfile": "",
            "installer": self.installer,
            "network": "host",
            "frontend": {"context": ""},
            "secrets": [{"id": "index_url", "env": "WARMBUILD_BENCH_INDEX_URL"}],
        }))  # fmt: skip
        return path

    def run(self, target: str = "") -> float:
        started = time.monotonic()
        engine = DockerEngine()
        if self.kind.startswith("seed-"):
            tag = f"warmbuild-bench/{self.kind}:latest"
            dockerfile = self.workspace.repo / "bench" / "seed" / SEED_DOCKERFILES[self.kind]
            argv = ["buildx", "build", "--progress=rawjson", "--network", "host", "--file", str(dockerfile),
                    "--tag", tag, "--load", str(self.workspace.app)]  # fmt: skip
            engine.run_build(argv)
            self.images = [tag]
        else:
            target = target or self.kind.removeprefix("ours-")
            summaries = pipeline.build_target(load_config(self.config_path()), engine, target, branch="bench")
            self.images = [s.image for s in summaries]
        return time.monotonic() - started

    def image_bytes(self) -> int:
        return DockerEngine().local_image_size(self.images[-1]) or 0

    def warm_registry(self) -> None:
        """What CI's cache-warm leaves for a new machine: the deps image and the dev
        and prod caches of the branch (the seed's builds have no registry to warm)."""
        if not self.kind.startswith("seed-"):
            warm.cache_warm(load_config(self.config_path()), DockerEngine(), branch="bench")

    def forget_local(self) -> None:
        """A new machine: none of this build's images, an empty builder cache."""
        subprocess.run(["docker", "image", "rm", "-f", *self.images], capture_output=True)
        DockerEngine().prune_build_cache()


def run_scenario(builder: Builder, scenario: str) -> float:
    workspace = builder.workspace
    if scenario == "cold":
        workspace.use_variant("base")
        builder.fresh_registry_namespace()
        DockerEngine().prune_build_cache()
    elif scenario == "new-machine":
        builder.warm_registry()
        builder.forget_local()
    elif scenario == "code-change":
        workspace.edit_code()
    elif scenario == "light-dep":
        workspace.use_variant("light-added")
    elif scenario == "heavy-change":
        workspace.use_variant("heavy-changed")
    return builder.run()


# --- the dev loop ------------------------------------------------------------------------


def measure_dev_loop(builder: Builder) -> float:
    """Seconds from saving a backend file to the backend answering with the change,
    in the dev image with the code mounted and uvicorn reloading (compose's way)."""
    workspace = builder.workspace
    image = builder.images[-1]
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


def quick_options() -> BenchOptions:
    return BenchOptions(repeats=1, scenarios=QUICK_SCENARIOS, installers=(), dev_loop=True)


def total_steps(options: BenchOptions) -> int:
    per_repeat = len(options.kinds) * len(options.scenarios) + len(options.installers)
    dev_loops = sum(kind.endswith("dev") for kind in options.kinds) if options.dev_loop else 0
    return options.repeats * (per_repeat + dev_loops) + 1


def run_bench(repo: Path, registry: str, python_image: str, options: BenchOptions, advance: Callable[[str], None]):
    """Measure everything; returns the raw results (lists of seconds)."""
    workspace = Workspace(root=repo / ".warmbuild" / "bench" / uuid.uuid4().hex[:8], repo=repo)
    workspace.root.mkdir(parents=True)
    results: dict = {"times": {k: {s: [] for s in options.scenarios} for k in options.kinds}, "sizes": {},
                     "installers": {i: [] for i in options.installers}, "dev_loop": {}, "floor": []}  # fmt: skip
    for name, text in variant_requirements(repo).items():
        requirements = workspace.root / f"requirements-{name}.txt"
        requirements.write_text(text)
        download_wheels(python_image, requirements, workspace.root / "wheels")
    tools = workspace.root / "tools.txt"
    tools.write_text(tool_requirements(packaged("python-app.Dockerfile").read_text()))
    download_wheels(python_image, tools, workspace.root / "wheels", locked=False)
    main_only = workspace.root / "main.txt"
    backend_lock = locks.read_lock(repo / "backend")
    main_only.write_text(locks.requirements_text(locks.install_set(backend_lock, ["main"], BUILD_ENVIRONMENT)))
    for _ in range(options.repeats):
        results["floor"].append(download_wheels(python_image, main_only, workspace.root / f"floor-{uuid.uuid4().hex}"))
    advance("floor: downloading the locked wheels")
    start_index(workspace)
    os.environ["WARMBUILD_BENCH_INDEX_URL"] = workspace.index_url + "/"
    if "cold" not in options.scenarios:
        # Start from an empty builder anyway, so every path of the harness runs
        # (installer tools fetched from the benchmark's index, for one).
        DockerEngine().prune_build_cache()
    try:
        for repeat in range(options.repeats):
            for kind in options.kinds:
                builder = Builder(kind, workspace, registry)
                builder.fresh_registry_namespace()
                workspace.use_variant("base")
                if "cold" not in options.scenarios:
                    builder.run()  # a starting point for the incremental scenarios
                run_order = sorted(options.scenarios, key=RUN_ORDER.index)
                for scenario in run_order:
                    seconds = run_scenario(builder, scenario)
                    results["times"][kind][scenario].append(round(seconds, 2))
                    advance(f"{kind} {scenario} (repeat {repeat + 1}): {seconds:.1f}s")
                    if scenario == run_order[0]:
                        # The image of the example as it is (before any edit or variant).
                        results["sizes"][kind] = builder.image_bytes()
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
                DockerEngine().prune_build_cache()
                seconds = builder.run("deps")
                results["installers"][installer].append(round(seconds, 2))
                advance(f"deps stage with {installer} (repeat {repeat + 1}): {seconds:.1f}s")
    finally:
        if workspace.server:
            workspace.server.terminate()
            workspace.server.wait(10)
        os.environ.pop("WARMBUILD_BENCH_INDEX_URL", None)
        # The wheels alone are ~130 MB a run; every build's image ~1 GB (the registry
        # keeps the pushed ones).
        shutil.rmtree(workspace.root, ignore_errors=True)
        DockerEngine().remove_local_images((f"{registry}/bench-", "warmbuild-bench/"))
    return results


# --- statistics and ratios (pure) -------------------------------------------------------------


def stats(values: list[float]) -> dict:
    if not values:
        return {}
    return {"median": round(statistics.median(values), 2), "min": min(values), "max": max(values), "n": len(values)}


def summarize(results: dict) -> dict:
    """Medians, ranges and the ratios to seed-prod in the same run."""
    times = {k: {s: stats(v) for s, v in scenarios.items()} for k, scenarios in results["times"].items()}
    baseline = times.get("seed-prod", {})

    def ratio(kind: str, scenario: str) -> float | None:
        # A new machine is compared with the seed's cold build: the seed has no
        # registry cache, so a new machine is cold for it.
        base_scenario = "cold" if scenario == "new-machine" else scenario
        ours, base = times[kind].get(scenario, {}), baseline.get(base_scenario, {})
        if not ours or not base or not base["median"]:
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
    }


def target_verdicts(summary: dict) -> list[tuple[str, str, str, bool]]:
    """(goal, measured, target, met) for each goal measurable in this run."""
    verdicts = []
    for kind in ("ours-prod", "ours-dev"):
        for scenario, goal in TARGETS.items():
            value = summary["ratios"].get(kind, {}).get(scenario)
            if value is not None:
                verdicts.append((f"{kind} {scenario} / seed-prod", f"{value:.2f}", f"<= {goal}", value <= goal))
    no_op = summary["times"].get("ours-prod", {}).get("no-op")
    if no_op:
        verdicts.append(("ours-prod no-op", f"{no_op['median']:.2f} s", "<= 1 s", no_op["median"] <= 1.0))
    size = summary["size_ratios"].get("ours-prod")
    if size is not None:
        verdicts.append(("ours-prod image / seed-prod image", f"{size:.2f}", "<= 0.75", size <= 0.75))
    loop = summary["dev_loop"].get("ours-dev")
    if loop:
        verdicts.append(("ours-dev edit to response", f"{loop['median']:.2f} s", "<= 2 s", loop["median"] <= 2.0))
    return verdicts


def markdown_table(summary: dict) -> str:
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
    return "\n".join(lines) + ("\n\n" + " ".join(extra) if extra else "") + "\n"


def write_outputs(summary: dict, raw: dict, out_dir: Path, readme: Path | None) -> dict[str, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {"json": out_dir / "bench.json", "png": out_dir / "bench.png", "markdown": out_dir / "bench.md"}
    paths["json"].write_text(json.dumps({"summary": summary, "raw": raw}, indent=2) + "\n")
    table = markdown_table(summary)
    paths["markdown"].write_text(table)
    draw_chart(summary, paths["png"])
    if readme is not None:
        update_readme(readme, table)
    return paths


START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def update_readme(readme: Path, table: str) -> None:
    text = readme.read_text()
    if START not in text or END not in text:
        raise ValueError(f"{readme} has no {START} … {END} block")
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    readme.write_text(f"{before}{START}\n{table}{END}{after}")


def draw_chart(summary: dict, path: Path) -> None:
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
    axis.set_xticks([i + width * (len(kinds) - 1) / 2 for i in range(len(scenarios))], scenarios)
    axis.set_ylabel("seconds (median)")
    axis.set_title("Build time by scenario: the seed's Dockerfiles against warmbuild's targets")
    axis.legend()
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
