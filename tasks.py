"""Entry points. Each task parses its options and calls the warmbuild package.

`invoke --list` shows them; `invoke --help TASK` explains each option.
"""

from __future__ import annotations

from pathlib import Path

from invoke import Collection, task

from warmbuild import config as config_module
from warmbuild import console, doctor as doctor_module

ROOT = Path(__file__).resolve().parent
DEFAULT_CONFIG = str(ROOT / config_module.DEFAULT_CONFIG_FILE)

CONFIG_HELP = f"configuration file (default: {config_module.DEFAULT_CONFIG_FILE} next to tasks.py)"
DEBUG_HELP = "show full commands and tracebacks (for bug reports)"


def _load(config_path: str, **overrides):
    return config_module.load_config(config_path or DEFAULT_CONFIG, overrides)


@task(help={"config": CONFIG_HELP, "registry": "registry to check instead of the configured one", "debug": DEBUG_HELP})
def doctor(c, config="", registry=None, debug=False):
    """Check engine, buildx, builder, cache export/import, registry and base images."""
    with console.user_errors(debug):
        settings = _load(config, registry=registry)
        checks = doctor_module.evaluate(doctor_module.gather_facts(settings))
    console.print_checks(checks)
    found = doctor_module.problems(checks)
    if found:
        console.fail(console.problem_lines(found), code=1)


ns = Collection(doctor)
