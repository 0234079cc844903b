"""Entry points. Each task parses its options and calls the warmbuild package.

`invoke --list` shows them; `invoke --help TASK` explains each option.
"""

from __future__ import annotations

from pathlib import Path

from invoke import Collection, task

from warmbuild import tasks_support as support

ROOT = Path(__file__).resolve().parent
support.DEFAULT_CONFIG = ROOT / "warmbuild.yaml"

COMMON_HELP = {
    "config": "configuration file (default: warmbuild.yaml next to tasks.py)",
    "debug": "show full commands and tracebacks (for bug reports)",
    "registry": "registry for images and caches (overrides the config)",
}
BUILD_HELP = {
    **COMMON_HELP,
    "branch": "branch name for cache refs (default: from git or the CI environment)",
    "pull_request": "import caches but never export them (pull-request builds)",
    "installer": "uv, pip or poetry (overrides the config)",
    "json": "also write the build report as JSON to this file",
    "export_cache": "also export this build's registry cache (default: import only; cache-warm writes it)",
}


@task(help={**COMMON_HELP})
def doctor(c, config="", registry=None, debug=False):
    """Check engine, buildx, builder, cache export/import, registry and base images."""
    support.doctor(config, debug, registry=registry)


@task(name="config", help={**COMMON_HELP, "installer": BUILD_HELP["installer"]})
def show_config(c, config="", registry=None, installer=None, debug=False):
    """Print the resolved configuration (file + flags + defaults) as YAML."""
    support.show_config(config, debug, registry=registry, installer=installer)


@task(
    help={
        **{k: v for k, v in BUILD_HELP.items() if k not in ("json", "export_cache")},
        "target": "deps, dev, prod, or all (default)",
    }
)
def plan(c, target="all", config="", registry=None, installer=None, branch="", pull_request=False, debug=False):
    """Print the exact `docker buildx build` commands and tags, without building."""
    support.plan(
        target, config, debug, branch=branch, registry=registry, installer=installer, pull_request=pull_request
    )


def _build_task(target: str, summary: str):
    """build-deps, build-dev and build-prod take the same options."""

    def build(
        c,
        config="",
        registry=None,
        installer=None,
        branch="",
        pull_request=False,
        push=False,
        export_cache=False,
        json="",
        debug=False,
    ):
        support.build(
            target,
            config,
            debug,
            json_path=json,
            branch=branch,
            push=push,
            registry=registry,
            installer=installer,
            pull_request=pull_request,
            export_cache=export_cache,
        )

    build.__doc__ = summary
    push_help = "push the image to the registry (default: load it locally; deps is always pushed)"
    return task(name=f"build-{target}", help={**BUILD_HELP, "push": push_help})(build)


build_deps = _build_task("deps", "Build and push the deps base image, only if its content tag is missing.")
build_dev = _build_task("dev", "Build the dev images: deps image reused by tag; code is mounted at run time.")
build_prod = _build_task("prod", "Build the prod images: deps image + light deps + code, non-root, HEALTHCHECK.")


@task(
    name="cache-warm",
    help={
        **{k: v for k, v in BUILD_HELP.items() if k != "export_cache"},
        "builder": "buildx builder to use (e.g. a docker-container builder in CI)",
    },
)
def cache_warm(
    c, config="", registry=None, installer=None, builder=None, branch="", pull_request=False, json="", debug=False
):
    """Push the deps image if missing and export dev/prod caches for this branch (idempotent)."""
    support.cache_warm(
        config,
        debug,
        json_path=json,
        branch=branch,
        registry=registry,
        installer=installer,
        builder=builder,
        pull_request=pull_request,
    )


DEV_HELP = {
    "config": COMMON_HELP["config"],
    "debug": COMMON_HELP["debug"],
    "services": "comma-separated subset: backend, frontend (default: all)",
}


@task(
    name="dev-up",
    help={
        **DEV_HELP,
        "rebuild": "re-run the dev stages' own steps (the deps image is still reused)",
        "follow": "follow the logs after the stack is up (Ctrl-C stops following, not the stack)",
        "branch": BUILD_HELP["branch"],
        "json": BUILD_HELP["json"],
        "export_cache": BUILD_HELP["export_cache"],
    },
)
def dev_up(c, config="", services="", rebuild=False, follow=False, branch="", json="", export_cache=False, debug=False):
    """Build what is missing or stale, start the dev stack, wait for health, print URLs."""
    support.dev_up(config, debug, services, rebuild, follow, branch, json, export_cache)


@task(
    name="dev-down", help={"config": DEV_HELP["config"], "debug": DEV_HELP["debug"], "volumes": "also remove volumes"}
)
def dev_down(c, config="", volumes=False, debug=False):
    """Stop and remove the dev stack's containers and network."""
    support.dev_down(config, debug, volumes)


@task(name="dev-logs", help={**DEV_HELP, "follow": "keep streaming", "tail": "lines of history per service"})
def dev_logs(c, config="", services="", follow=False, tail="200", debug=False):
    """Show the dev stack's logs."""
    support.dev_logs(config, debug, services, follow, tail)


@task(name="dev-shell", help={**DEV_HELP, "services": "the service (default backend)", "command": "what to run"})
def dev_shell(c, config="", services="backend", command="sh", debug=False):
    """Open a shell (or run a command) in a running dev container."""
    support.dev_shell(config, debug, services, command)


@task(
    help={
        "config": COMMON_HELP["config"],
        "debug": COMMON_HELP["debug"],
        "repeats": "runs of each scenario (median, min and max are reported)",
        "quick": "one repeat of the no-op and code-change scenarios: checks the harness, not the numbers",
        "out": "folder for bench.json, bench.png and bench.md (default bench/results)",
        "readme": "README whose bench block to update (default: README.md for full runs, none for --quick)",
    }
)
def bench(c, config="", repeats=3, quick=False, out="", readme="", debug=False):
    """Measure our builds against the seed's Dockerfiles, side by side, in one run."""
    support.bench(config, debug, repeats, quick, out, readme)


ns = Collection(
    doctor,
    show_config,
    plan,
    build_deps,
    build_dev,
    build_prod,
    cache_warm,
    dev_up,
    dev_down,
    dev_logs,
    dev_shell,
    bench,
)
