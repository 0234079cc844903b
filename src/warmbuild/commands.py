"""What each invoke task does, once its options are parsed: load the configuration,
run the pipeline against the Docker engine, print the report.

Every function turns warmbuild errors into one line and its exit code
(``console.user_errors``); ``--debug`` adds the docker commands and the traceback.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import console, devloop, folders, options, pipeline, plan, quick, warm
from . import doctor as doctor_checks
from .docker_engine import DockerEngine
from .errors import ConfigError
from .options import Config
from .report import BuildSummary, report_json

Given = dict[str, Any]


def load(given: Given) -> Config:
    """The configuration file, with the flags this task was given on top."""
    flags = {name: value for name, value in given.items() if name in options.CONFIG_FLAGS}
    return options.load_config(given.get("config") or None, flags)


def _finish(
    given: Given, summaries: list[BuildSummary], started: float, root: Path | None = None, **extra: Any
) -> None:
    """Print the report and write it as JSON if asked; a build task with a ``root``
    leaves `quick` what the next run needs to answer at once if nothing changes."""
    wall = time.monotonic() - started
    console.print_summaries(summaries, wall)
    report = report_json(summaries, wall, **extra)
    if given.get("json"):
        with console.user_errors(given["debug"]):
            folders.write_text(Path(given["json"]), report)
    if root is not None:
        quick.finish(json.loads(report), str(root), given.get("json") or "")


def init(given: Given) -> None:
    from importlib.metadata import version

    from . import index_http, locks
    from . import init as init_module

    root = Path.cwd()
    with console.user_errors(given["debug"]):
        engine: DockerEngine | None = DockerEngine()
        if engine is not None and not engine.facts("").server_version:
            engine = None  # no engine here: the Python image is chosen unchecked
        files = init_module.read_repository(root)
        found = init_module.detect_all(files, root, given["context"], engine, index_http.sizes_of)
        if engine is None:
            found.unsure.append("python_image: Docker Engine unreachable, the image was not checked")
        extra = {}
        if given["ci"]:
            lock = locks.read_lock(root / found.app_folder.folder, found.app_folder.lock_kind)
            install = given["install"] or f'"warmbuild=={version("warmbuild")}"'
            rendered = init_module.ci_files(given["ci"], install, init_module.lock_paths(found, lock), "main")
            extra = {root / path: text for path, text in rendered.items()}
        init_plan = init_module.plan_init(root, found, given["force"] or given["dry_run"], extra)
    console.print_init(init_plan, dry_run=given["dry_run"])
    if not given["dry_run"]:
        with console.user_errors(given["debug"]):
            init_module.write_files(init_plan)


def doctor(given: Given) -> None:
    with console.user_errors(given["debug"]):
        checks = doctor_checks.evaluate(doctor_checks.gather_facts(load(given), DockerEngine(cache_facts=False)))
    console.print_checks(checks)
    found = doctor_checks.problems(checks)
    if found:
        console.fail(console.problem_lines(found), code=1)


def show_config(given: Given) -> None:
    with console.user_errors(given["debug"]):
        console.out.print(options.config_as_yaml(load(given)))


def _targets(target: str) -> list[str]:
    if target == "all":
        return list(plan.TARGETS)
    if target not in plan.TARGETS:
        raise ConfigError(f"unknown target {target!r}", f"use one of {', '.join(plan.TARGETS)} or all")
    return [target]


def show_plan(given: Given) -> None:
    with console.user_errors(given["debug"]):
        targets = _targets(given["target"])
        config = load(given)
        planned = pipeline.plan_all(
            config, DockerEngine(), targets, given["branch"], push=given["push"], rebuild=given["rebuild"]
        )
        stack = devloop.team_stack_plan(config) if "dev" in targets and config.dev.compose_file else None
    console.print_plans(planned.builds, planned.indexes)
    if stack is not None:
        console.print_team_stack(stack)


def _build(target: str) -> Callable[[Given], None]:
    def build(given: Given) -> None:
        started = time.monotonic()
        with console.user_errors(given["debug"]):
            config = load(given)
            with console.BuildProgressView(f"building {target}") as view:
                summaries = pipeline.build_target(
                    config,
                    DockerEngine(),
                    target,
                    push=given["push"],
                    branch=given["branch"],
                    rebuild=given["rebuild"],
                    on_progress=view,
                )
        _finish(given, summaries, started, config.root)

    return build


build_deps = _build("deps")
build_dev = _build("dev")
build_prod = _build("prod")


def cache_warm(given: Given) -> None:
    started = time.monotonic()
    with console.user_errors(given["debug"]):
        config = load(given)
        with console.BuildProgressView("warming caches") as view:
            summaries = warm.cache_warm(config, DockerEngine(), branch=given["branch"], on_progress=view)
    _finish(given, summaries, started, read_only=config.cache.read_only)


def dev_up(given: Given) -> None:
    started = time.monotonic()
    engine = DockerEngine()
    with console.user_errors(given["debug"]):
        if given["watch"] and given["follow"]:
            raise ConfigError("--watch and --follow both keep dev-up running", "choose one (dev-logs follows too)")
        config = load(given)
        with console.BuildProgressView("building the dev stack") as view:
            stack = devloop.dev_up(
                config,
                engine,
                services=given["services"],
                rebuild=given["rebuild"],
                branch=given["branch"],
                on_progress=view,
            )
    _finish(given, list(stack.summaries), started, config.root, urls=stack.urls, compose_env_file=str(stack.env_file))
    console.print_urls(stack.urls, stack.compose_ps, stack.images)
    if given["follow"]:
        with console.user_errors(given["debug"]):
            devloop.dev_logs(config, engine, given["services"], follow=True)
    if given["watch"]:
        console.out.print("watching for changes (Ctrl-C stops watching; the stack stays up)")
        with console.user_errors(given["debug"]):
            try:
                devloop.watch(
                    lambda: load(given),
                    engine,
                    stack,
                    services=given["services"],
                    branch=given["branch"],
                    on_event=console.print_watch_event,
                )
            except KeyboardInterrupt:  # how watching ends: the stack stays up
                console.out.print("stopped watching; the stack is still up (`invoke dev-down` stops it)")


def dev_down(given: Given) -> None:
    with console.user_errors(given["debug"]):
        left = devloop.dev_down(load(given), DockerEngine(), given["volumes"])
    if left:
        console.fail(f"error: containers left behind: {', '.join(left)}; fix: docker rm -f them", code=1)
    console.out.print("dev stack stopped and removed" + (" (volumes too)" if given["volumes"] else ""))


def dev_logs(given: Given) -> None:
    with console.user_errors(given["debug"]):
        devloop.dev_logs(load(given), DockerEngine(), given["services"], given["follow"], given["tail"])


def dev_shell(given: Given) -> None:
    with console.user_errors(given["debug"]):
        status = devloop.dev_shell(load(given), DockerEngine(), given["service"], given["command"])
    if status:
        # The command's own exit status; what went wrong, it said itself.
        console.fail("", code=status)


def gc(given: Given) -> None:
    from . import gc_run

    with console.user_errors(given["debug"]):
        config = load(given)
        engine = DockerEngine()
        decided = gc_run.gather(config, engine, purge=given["purge"])
        if given["apply"]:
            gc_run.apply(config, engine, decided)
    console.print_gc(decided, config, applied=given["apply"])
