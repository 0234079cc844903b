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
    "platforms",
    "locks",
    "selection",
    "dockerfile",
    "progress",
    "failures",
    "report",
    "engine",
    "doctor",
    "detect",
    "fingerprint",
    "gc",
    "targets",
    "runtime",
    "detect_runtime",
    "detect_django",
    "team_stack",
    "watching",
}
# Modules (ours or not) a pure module must never reach, directly or through ours.
IMPURE_OURS = {
    "docker_engine",
    "registry_http",
    "gc_run",
    "index_http",
    "gitrepo",
    "machine_locks",
    "folders",
    "pipeline",
    "commands",
    "console",
    "tasks",
    "quick",
    "replay",
}
IMPURE_OTHERS = {"subprocess", "urllib.request", "socket", "fcntl", "python_on_whales", "rich", "invoke", "threading"}


def sources_of(module: str) -> list[Path]:
    """A module's file, or a sub-package's files (its modules count as one: `locks`)."""
    folder = PACKAGE / module
    return sorted(folder.glob("*.py")) if folder.is_dir() else [PACKAGE / f"{module}.py"]


def impure_module(name: str) -> bool:
    return any(name == bad or name.startswith(f"{bad}.") for bad in IMPURE_OTHERS) or name == "urllib"


def imports_of(module: str) -> tuple[set[str], set[str]]:
    """(our modules, other top-level modules) that ``module`` imports."""
    ours, others = set(), set()
    for source in sources_of(module):
        found_ours, found_others = _imports_in(ast.parse(source.read_text()), inside=source.parent != PACKAGE)
        ours |= found_ours
        others |= found_others
    return ours - {module}, others


def _imports_in(tree: ast.Module, inside: bool) -> tuple[set[str], set[str]]:
    ours, others = set(), set()
    for node in ast.walk(tree):
        # In a sub-package, `from .model` is the package itself and `from ..errors` is ours.
        if isinstance(node, ast.ImportFrom) and node.level == 1 and inside:
            continue
        if isinstance(node, ast.ImportFrom) and node.level >= 1:
            if node.module:
                ours.add(node.module.split(".")[0])
            else:
                ours.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith("warmbuild"):
                ours.add(node.module.split(".")[1] if "." in node.module else node.module)
            else:
                others.add(node.module)
        elif isinstance(node, ast.Import):
            others.update(alias.name for alias in node.names)
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


MODULES = sorted(
    [path.stem for path in PACKAGE.glob("*.py") if path.stem != "__init__"]
    + [path.parent.name for path in PACKAGE.glob("*/__init__.py")]
)


def test_every_module_is_classified() -> None:
    assert PURE | IMPURE_OURS | {"warm", "devloop", "init"} >= set(MODULES) - {"__main__"}


@pytest.mark.parametrize("module", sorted(PURE))
def test_pure_modules_import_nothing_impure(module: str) -> None:
    ours, others = reachable(module)
    assert not ours & IMPURE_OURS, f"{module} reaches {sorted(ours & IMPURE_OURS)}"
    impure = sorted(name for name in others if impure_module(name))
    assert not impure, f"{module} reaches {impure}"


@pytest.mark.parametrize("module", MODULES)
def test_only_the_engine_module_talks_to_docker(module: str) -> None:
    _ours, others = imports_of(module)
    if module == "docker_engine":
        # Only python-on-whales' models, which parse what the engine answers: its
        # clients would start processes of their own, outside the gate.
        used = {name for name in others if name.startswith("python_on_whales")}
        assert used and all(name.endswith(".models") for name in used), used
        return
    assert not any(name.startswith("python_on_whales") for name in others)
    if "subprocess" in others:
        # docker_engine runs docker; gitrepo runs git; index_http asks pip for its index.
        assert module in ("gitrepo", "index_http"), f"{module} runs a process"


def test_listing_tasks_imports_no_docker_client_rich_or_planner() -> None:
    """`invoke --list` and `--help` pay only for invoke and the options."""
    code = (
        "import sys, warmbuild.tasks; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('python_on_whales', 'rich', 'warmbuild') ))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "python_on_whales" not in loaded and "'rich" not in loaded, loaded
    assert "warmbuild.commands" not in loaded and "warmbuild.plan" not in loaded, loaded


def test_the_quick_path_imports_only_the_standard_library() -> None:
    """`warmbuild build-prod` with nothing changed answers from `quick` alone: neither
    invoke, nor the options model, nor the rest of warmbuild is imported."""
    code = (
        "import sys; from warmbuild import __main__, quick; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('warmbuild', 'invoke', 'pydantic', 'yaml', 'rich', 'python_on_whales')))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "['warmbuild', 'warmbuild.__main__', 'warmbuild.quick']", loaded


def test_a_code_edit_built_again_as_planned_imports_no_planner() -> None:
    """`replay` runs the recorded build through the engine layer's gate, without
    invoke, the options model, rich or the planner (their imports cost ~0.4 s)."""
    code = (
        "import sys; from warmbuild import replay, docker_engine; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('invoke', 'pydantic', 'yaml', 'rich', 'python_on_whales') or m in "
        "('warmbuild.options', 'warmbuild.plan', 'warmbuild.pipeline', 'warmbuild.locks')))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]", loaded


def test_bench_is_not_part_of_the_package() -> None:
    assert not (PACKAGE / "bench.py").exists()
    assert Path(REPO_ROOT / "bench" / "harness.py").is_file()
    for module in MODULES:
        ours, others = imports_of(module)
        assert "bench" not in ours | others and not any(n.startswith("matplotlib") for n in others), module


PROCESS_STARTERS = {
    ("subprocess", name) for name in ("Popen", "run", "call", "check_call", "check_output", "getoutput")
} | {("os", name) for name in ("system", "popen", "spawnv", "execv", "execvp", "fork", "posix_spawn")}


def test_the_engine_starts_processes_in_one_function() -> None:
    """The gate: every docker process of warmbuild starts in DockerEngine._run."""
    tree = ast.parse((PACKAGE / "docker_engine.py").read_text())
    starters = set()
    for function in ast.walk(tree):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(function):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and (node.func.value.id, node.func.attr) in PROCESS_STARTERS
            ):
                starters.add(function.name)
    # ast.walk visits nested functions from their parents too: only the innermost counts.
    assert starters == {"_run"}, starters
