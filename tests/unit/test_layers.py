"""The layers the README promises, checked on the import graph: pure modules import
nothing impure, one module alone talks to Docker, and a task's start-up is cheap."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from support import REPO_ROOT

PACKAGE = REPO_ROOT / "src" / "warmbuild"
# Configuration, locks and Dockerfile text in; plans, reports and verdicts out.
PURE = {
    "options",
    "errors",
    "refs",
    "repo",
    "plan",
    "locks",
    "dockerfile",
    "progress",
    "failures",
    "report",
    "engine",
    "doctor",
}
# Modules (ours or not) a pure module must never reach, directly or through ours.
IMPURE_OURS = {"docker_engine", "registry_http", "gitrepo", "locking", "pipeline", "commands", "console", "tasks"}
IMPURE_OTHERS = {"subprocess", "urllib", "socket", "fcntl", "python_on_whales", "rich", "invoke", "threading"}


def imports_of(module: str) -> tuple[set[str], set[str]]:
    """(our modules, other top-level modules) that ``module`` imports."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text())
    ours, others = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                ours.add(node.module.split(".")[0])
            else:
                ours.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            (ours if node.module.startswith("warmbuild") else others).add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            others.update(alias.name.split(".")[0] for alias in node.names)
    return ours, others


def reachable(module: str) -> tuple[set[str], set[str]]:
    seen, others, stack = set(), set(), [module]
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        seen.add(name)
        ours, theirs = imports_of(name)
        others |= theirs
        stack.extend(ours)
    return seen - {module}, others


MODULES = sorted(path.stem for path in PACKAGE.glob("*.py") if path.stem != "__init__")


def test_every_module_is_classified():
    assert PURE | IMPURE_OURS | {"warm", "devloop", "init"} >= set(MODULES) - {"__main__"}


@pytest.mark.parametrize("module", sorted(PURE))
def test_pure_modules_import_nothing_impure(module):
    ours, others = reachable(module)
    assert not ours & IMPURE_OURS, f"{module} reaches {sorted(ours & IMPURE_OURS)}"
    assert not others & IMPURE_OTHERS, f"{module} reaches {sorted(others & IMPURE_OTHERS)}"


@pytest.mark.parametrize("module", MODULES)
def test_only_the_engine_module_talks_to_docker(module):
    _ours, others = imports_of(module)
    if module == "docker_engine":
        assert "python_on_whales" in others
        return
    assert "python_on_whales" not in others
    if "subprocess" in others:
        assert module == "gitrepo", f"{module} runs processes; only docker_engine (docker) and gitrepo (git) may"


def test_listing_tasks_imports_no_docker_client_rich_or_planner():
    """`invoke --list` and `--help` pay only for invoke and the options."""
    code = (
        "import sys, warmbuild.tasks; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('python_on_whales', 'rich', 'warmbuild') ))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "python_on_whales" not in loaded and "'rich" not in loaded, loaded
    assert "warmbuild.commands" not in loaded and "warmbuild.plan" not in loaded, loaded


def test_bench_is_not_part_of_the_package():
    assert not (PACKAGE / "bench.py").exists()
    assert Path(REPO_ROOT / "bench" / "harness.py").is_file()
    for module in MODULES:
        ours, others = imports_of(module)
        assert "bench" not in ours | others and "matplotlib" not in others, module
