"""The CI files `invoke init --ci` writes: valid for their platforms, and calling only
tasks and options that exist."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from support import REPO_ROOT

from warmbuild import init

BIN = Path(sys.executable).parent
LOCKS = ["backend/poetry.lock", "backend/pyproject.toml", "frontend/package-lock.json"]
WORKFLOW_NAMES = sorted(Path(name).name for name in init.CI_FILES["github"])


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What `invoke init --ci github` and `--ci gitlab` write, in a repository of its own."""
    root = tmp_path_factory.mktemp("ci-files")
    for kind in ("github", "gitlab"):
        for relative, text in init.ci_files(kind, '"warmbuild==0.1.0"', LOCKS, "main").items():
            (root / relative).parent.mkdir(parents=True, exist_ok=True)
            (root / relative).write_text(text)
    return root


def workflow(root: Path, name: str) -> Path:
    return root / ".github" / "workflows" / name


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, cwd=REPO_ROOT)


def test_workflows_pass_actionlint(rendered: Path) -> None:
    workflows = [workflow(rendered, name) for name in WORKFLOW_NAMES]
    assert len(workflows) == 3 and all(path.is_file() for path in workflows)
    result = run(BIN / "actionlint", "-no-color", *workflows)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n"
    )
    assert run(BIN / "actionlint", "-no-color", broken).returncode != 0


@pytest.mark.parametrize("name", WORKFLOW_NAMES)
def test_workflow_matches_github_schema(rendered: Path, name: str) -> None:
    result = run(BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", workflow(rendered, name))
    assert result.returncode == 0, result.stdout + result.stderr


def test_gitlab_file_matches_gitlab_schema(rendered: Path) -> None:
    result = run(BIN / "check-jsonschema", "--builtin-schema", "vendor.gitlab-ci", rendered / ".gitlab-ci.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def shell_lines(node: object) -> list[str]:
    """Every shell command in a workflow (`run:`) or GitLab file (`script:`), with
    folded lines joined."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "run" and isinstance(value, str):
                found.append(" ".join(value.split()))
            elif key in ("script", "before_script") and isinstance(value, list):
                found.extend(" ".join(str(line).split()) for line in value)
            else:
                found.extend(shell_lines(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(shell_lines(item))
    return found


def task_options() -> dict[str, set[str]]:
    from warmbuild.tasks import TASKS, make_task

    found = {}
    for spec in TASKS:
        # A fresh task each time: invoke consumes a task's help while listing its arguments.
        arguments = make_task(spec).get_arguments()
        found[spec.name] = {f"--{arg.name.replace('_', '-')}" for arg in arguments if arg.name}
    return found


def reusable_workflows(node: object) -> list[str]:
    if isinstance(node, dict):
        return [v for k, v in node.items() if k == "uses" and str(v).startswith("./")] + [
            u for v in node.values() for u in reusable_workflows(v)
        ]
    return []


@pytest.mark.parametrize("relative", [*(f".github/workflows/{n}" for n in WORKFLOW_NAMES), ".gitlab-ci.yml"])
def test_ci_calls_only_existing_tasks_and_options(rendered: Path, relative: str) -> None:
    path = rendered / relative
    document = yaml.safe_load(path.read_text())
    options = task_options()
    commands = [line for line in shell_lines(document) if line.startswith("invoke ")]
    for reference in reusable_workflows(document):
        assert (path.parent / Path(reference).name).is_file(), f"{path.name}: {reference} does not exist"
    assert commands or reusable_workflows(document), f"{path.name} calls no invoke task"
    for command in commands:
        call = shlex.split(command.replace("${{", "'").replace("}}", "'"))
        task = call[1]
        assert task in options, f"{path.name}: unknown task {task}"
        for flag in (part for part in call[2:] if part.startswith("--")):
            assert flag in options[task], f"{path.name}: invoke {task} has no option {flag}"
    assert "buildx build" not in path.read_text(), "CI files call tasks, never buildx directly"
