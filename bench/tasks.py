"""`invoke bench`: this repository's benchmark task (not part of the warmbuild package).

Its dependencies are the `bench` extra (`pip install -e '.[bench]'`); they are
checked before anything is built, so a missing one costs seconds, not the run. It
builds on engines of its own (ci/engines.sh), so it runs as root, as CI does.
"""

from __future__ import annotations

import dataclasses
import importlib.util
from pathlib import Path

from invoke.context import Context
from invoke.exceptions import Exit
from invoke.tasks import task

REPO = Path(__file__).resolve().parent.parent
NEEDS = {"matplotlib": "matplotlib", "pypiserver": "pypiserver"}


def missing_dependencies() -> list[str]:
    return [package for module, package in NEEDS.items() if importlib.util.find_spec(module) is None]


@task(
    help={
        "repeats": "runs of each scenario (median, min and max are reported)",
        "quick": "one repeat of the no-op and code-change scenarios: checks the harness, not the numbers",
        "out": "folder for bench.json, bench.png and bench.md (default bench/results)",
        "readme": "README whose bench block to update (default: README.md for full runs, none for --quick)",
        "debug": "show every docker command and the traceback",
        "arm64_only": "only the arm64 scenario: the deps image cold for amd64, arm64 cross-installed, arm64 emulated",
        "arm64_repeats": "runs of the arm64 scenario (default: as --repeats; its emulated build takes ~5 min)",
    }
)
def bench(
    _c: Context,
    repeats: int = 3,
    quick: bool = False,
    out: str = "",
    readme: str = "",
    debug: bool = False,
    arm64_only: bool = False,
    arm64_repeats: int = 0,
) -> None:
    """Measure our builds against the seed's Dockerfiles, side by side, in one run."""
    missing = missing_dependencies()
    if missing:
        raise Exit(f"error: the benchmark needs {', '.join(missing)}; fix: pip install -e '.[bench]'", code=2)
    from warmbuild import console
    from warmbuild.options import load_config

    from . import harness

    with console.user_errors(debug):
        settings = load_config(REPO / "warmbuild.yaml")
        if arm64_only:
            options = harness.arm64_options(repeats)
        else:
            options = harness.quick_options() if quick else harness.BenchOptions(repeats=repeats)
        if arm64_repeats and options.arm64:
            options = dataclasses.replace(options, arm64_repeats=arm64_repeats)
        with harness.progress_bar(harness.total_steps(options)) as advance:
            raw = harness.run_bench(REPO, settings.registry, settings.python_image, options, advance)
        summary = harness.summarize(raw)
        if arm64_only:
            console.out.print(harness.arm64_table(summary))
            paths = harness.write_arm64_outputs(summary, raw, Path(out) if out else REPO / "bench" / "results")
        else:
            readme_path = Path(readme) if readme else (None if quick else REPO / "README.md")
            paths = harness.write_outputs(summary, raw, Path(out) if out else REPO / "bench" / "results", readme_path)
            console.out.print("benchmark: median seconds (min–max), ×ratio to seed-prod in this run")
            console.out.print(harness.markdown_table(summary))
    for goal, measured, target, met in harness.target_verdicts(summary):
        console.out.print(f"  {'met' if met else 'missed'}  {goal}: {measured} (target {target})")
    for kind, path in paths.items():
        console.out.print(f"  {kind}: {path}")
