"""What each invoke task does, minus option parsing: load config, run, report.

Every function turns warmbuild errors into one line and its exit code
(``console.user_errors``); ``--debug`` adds the command lines and the traceback.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import yaml

from . import bench as bench_module
from . import build as pipeline
from . import config as config_module
from . import console, devloop, warm
from . import doctor as doctor_module
from .errors import ConfigError
from .plan import TARGETS

DEFAULT_CONFIG = Path(config_module.DEFAULT_CONFIG_FILE)


def load(
    config_path: str,
    registry: str | None = None,
    installer: str | None = None,
    builder: str | None = None,
    pull_request: bool = False,
    export_cache: bool = False,
):
    overrides = {
        "registry": registry,
        "installer": installer,
        "builder": builder,
        "cache.read_only": True if pull_request else None,
        "cache.export_local": True if export_cache else None,
    }
    return config_module.load_config(config_path or DEFAULT_CONFIG, overrides)


def doctor(config_path: str, debug: bool, **overrides) -> None:
    with console.user_errors(debug):
        settings = load(config_path, **overrides)
        checks = doctor_module.evaluate(doctor_module.gather_facts(settings))
    console.print_checks(checks)
    found = doctor_module.problems(checks)
    if found:
        console.fail(console.problem_lines(found), code=1)


def show_config(config_path: str, debug: bool, **overrides) -> None:
    with console.user_errors(debug):
        settings = load(config_path, **overrides)
    console.out.print(f"# resolved from {settings.source} + flags + defaults")
    console.out.print(yaml.safe_dump(config_module.config_as_dict(settings), sort_keys=False).rstrip())


def _targets(target: str) -> list[str]:
    if target == "all":
        return list(TARGETS)
    if target not in TARGETS:
        raise ConfigError(f"unknown target {target!r}", f"use one of {', '.join(TARGETS)} or all")
    return [target]


def plan(target: str, config_path: str, debug: bool, branch: str = "", **overrides) -> None:
    with console.user_errors(debug):
        targets = _targets(target)
        plans = pipeline.plan_targets(load(config_path, **overrides), targets, branch)
    console.print_plans(plans)


def build(
    target: str,
    config_path: str,
    debug: bool,
    json_path: str = "",
    branch: str = "",
    push: bool | None = None,
    **overrides,
) -> None:
    started = time.monotonic()
    with console.user_errors(debug):
        settings = load(config_path, **overrides)
        with console.BuildProgressView(f"building {target}") as view:
            summaries = pipeline.build_target(settings, target, push=push or None, branch=branch, on_progress=view)
    wall = time.monotonic() - started
    console.print_summaries(summaries, wall)
    if json_path:
        report = {"wall_seconds": round(wall, 2), "builds": [s.as_dict() for s in summaries]}
        Path(json_path).write_text(json.dumps(report, indent=2) + "\n")


def dev_up(
    config_path: str,
    debug: bool,
    services: str,
    rebuild: bool,
    follow: bool,
    branch: str,
    json_path: str,
    export_cache: bool = False,
) -> None:
    started = time.monotonic()
    with console.user_errors(debug):
        settings = load(config_path, export_cache=export_cache)
        with console.BuildProgressView("building the dev stack") as view:
            stack = devloop.dev_up(settings, services=services, rebuild=rebuild, branch=branch, on_progress=view)
    wall = time.monotonic() - started
    console.print_summaries(list(stack.summaries), wall)
    console.print_urls(stack.urls, stack.env_file)
    if json_path:
        report = {"wall_seconds": round(wall, 2), "urls": stack.urls, "builds": [s.as_dict() for s in stack.summaries]}
        Path(json_path).write_text(json.dumps(report, indent=2) + "\n")
    if follow:
        with console.user_errors(debug):
            devloop.dev_logs(settings, services, follow=True)


def dev_down(config_path: str, debug: bool, volumes: bool) -> None:
    with console.user_errors(debug):
        left = devloop.dev_down(load(config_path), volumes)
    if left:
        console.fail(f"error: containers left behind: {', '.join(left)}; fix: docker rm -f them", code=1)
    console.out.print("dev stack stopped and removed" + (" (volumes too)" if volumes else ""))


def dev_logs(config_path: str, debug: bool, services: str, follow: bool, tail: str) -> None:
    with console.user_errors(debug):
        devloop.dev_logs(load(config_path), services, follow, tail)


def dev_shell(config_path: str, debug: bool, service: str, command: str) -> None:
    with console.user_errors(debug):
        devloop.dev_shell(load(config_path), service, command)


def cache_warm(config_path: str, debug: bool, json_path: str = "", branch: str = "", **overrides) -> None:
    started = time.monotonic()
    with console.user_errors(debug):
        settings = load(config_path, **overrides)
        with console.BuildProgressView("warming caches") as view:
            summaries = warm.cache_warm(settings, branch=branch, on_progress=view)
    wall = time.monotonic() - started
    console.print_summaries(summaries, wall)
    if json_path:
        report = {
            "wall_seconds": round(wall, 2),
            "read_only": settings.cache.read_only,
            "builds": [s.as_dict() for s in summaries],
        }
        Path(json_path).write_text(json.dumps(report, indent=2) + "\n")


def bench(config_path: str, debug: bool, repeats: int, quick: bool, out: str, readme: str) -> None:
    with console.user_errors(debug):
        settings = load(config_path)
        options = bench_module.quick_options() if quick else bench_module.BenchOptions(repeats=repeats)
        repo = Path(settings.source).resolve().parent
        with console.bench_progress(bench_module.total_steps(options)) as advance:
            raw = bench_module.run_bench(repo, settings.registry, settings.python_image, options, advance)
        summary = bench_module.summarize(raw)
        readme_path = Path(readme) if readme else (None if quick else repo / "README.md")
        paths = bench_module.write_outputs(summary, raw, Path(out) if out else repo / "bench" / "results", readme_path)
    console.print_bench(summary, bench_module.target_verdicts(summary), paths)
