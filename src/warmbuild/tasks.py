"""warmbuild's invoke tasks. Your repository's tasks.py needs one line:

    from warmbuild.tasks import namespace as ns

Each task is a row: its name, its one-line help, its options and the function in
``commands`` that does the work. Option defaults and help come from ``options``,
where each is defined once. Importing this module is cheap: ``commands`` (and
with it Docker's client, rich, the planner) is imported only when a task runs.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any

from invoke.collection import Collection
from invoke.context import Context
from invoke.tasks import Task, task

from . import options

COMMON = ("config", "debug")
# The flags of a build that change what it runs: `plan` takes them too.
PLANNED = ("push", "rebuild")
BUILD = (*COMMON, "registry", "installer", "builder", "branch", "pull_request", "export_cache", "json")


@dataclass(frozen=True)
class TaskSpec:
    name: str
    summary: str
    options: tuple[str, ...]
    # The function in `commands` that runs the task with the given options.
    command: str


TASKS = (
    TaskSpec(
        "init",
        "Detect this repository's app and write warmbuild.yaml (and tasks.py, CI files): every value explained.",
        ("debug", "context", "force", "dry_run", "ci", "install"),
        "init",
    ),
    TaskSpec(
        "doctor",
        "Check engine, buildx, builder, cache export/import, registry and base images.",
        (*COMMON, "registry", "builder"),
        "doctor",
    ),
    TaskSpec(
        "config",
        "Print the resolved configuration (file + flags + defaults) as YAML.",
        (*COMMON, "registry", "installer", "builder", "pull_request", "export_cache"),
        "show_config",
    ),
    TaskSpec(
        "plan",
        "Print the exact `docker buildx build` commands and tags, without building.",
        (
            *COMMON,
            "target",
            "registry",
            "installer",
            "builder",
            "branch",
            "pull_request",
            "export_cache",
            "push",
            "rebuild",
        ),
        "show_plan",
    ),
    TaskSpec(
        "build-deps",
        "Build and push the deps base image, only if its content tag is missing.",
        (*BUILD, *PLANNED),
        "build_deps",
    ),
    TaskSpec(
        "build-dev",
        "Build the dev images: deps image reused by tag; code is mounted at run time.",
        (*BUILD, *PLANNED),
        "build_dev",
    ),
    TaskSpec(
        "build-prod",
        "Build the prod images: deps image + light deps + code, non-root, HEALTHCHECK.",
        (*BUILD, *PLANNED),
        "build_prod",
    ),
    TaskSpec(
        "cache-warm",
        "Push the deps image if missing and export dev/prod caches for this branch (idempotent).",
        tuple(o for o in BUILD if o != "export_cache"),
        "cache_warm",
    ),
    TaskSpec(
        "dev-up",
        "Build what is missing or stale, start the dev stack, wait for health, print URLs.",
        (*COMMON, "services", "rebuild", "follow", "watch", "branch", "json", "export_cache", "builder"),
        "dev_up",
    ),
    TaskSpec(
        "gc",
        "List (and with --apply delete) stale branch images and caches, unused deps images, local leftovers.",
        (*COMMON, "registry", "builder", "apply", "purge"),
        "gc",
    ),
    TaskSpec("dev-down", "Stop and remove the dev stack's containers and network.", (*COMMON, "volumes"), "dev_down"),
    TaskSpec("dev-logs", "Show the dev stack's logs.", (*COMMON, "services", "follow", "tail"), "dev_logs"),
    TaskSpec(
        "dev-shell",
        "Open a shell (or run a command) in a running dev container.",
        (*COMMON, "service", "command"),
        "dev_shell",
    ),
)


def make_task(spec: TaskSpec) -> Task[Any]:
    """An invoke task whose flags are the spec's options, with their defaults and help."""

    def run(_c: Context, **given: Any) -> None:
        from . import commands  # the task's work, imported only when it runs

        getattr(commands, spec.command)(given)

    context = inspect.Parameter("c", inspect.Parameter.POSITIONAL_OR_KEYWORD)
    flags = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=options.option_default(name))
        for name in spec.options
    ]
    run.__signature__ = inspect.Signature([context, *flags])  # type: ignore[attr-defined]
    run.__doc__ = spec.summary
    run.__name__ = spec.name.replace("-", "_")
    made: Task[Any] = task(name=spec.name, help={name: options.option_help(name) for name in spec.options})(run)
    return made


namespace = Collection(*(make_task(spec) for spec in TASKS))
