"""The project itself (`install_project`): whether its lock's tool installs it, its
name, version and entry points read from pyproject.toml (real services' files), and
the files the build writes into the venv from them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support import DATA, EXAMPLE, REPO_ROOT, sample_inputs

from warmbuild import locks
from warmbuild.errors import ConfigError
from warmbuild.locks.project import read_project
from warmbuild.options import Config
from warmbuild.plan import plan_build

SERVICES = DATA / "services"
NAMED = {"project": {"name": "svc", "version": "1.0"}}
BUILT = {"build-system": {"requires": ["hatchling"], "build-backend": "hatchling.build"}}


@pytest.mark.parametrize(
    "pyproject, kind, locked_root, installed, entry_points",
    [
        pytest.param(NAMED, "uv", {"source": {"editable": "."}}, True, (), id="uv-editable-root"),
        pytest.param(NAMED, "uv", {"source": {"virtual": "."}}, False, (), id="uv-virtual-root"),
        pytest.param({**NAMED, **BUILT}, "poetry", None, True, (), id="poetry-package"),
        pytest.param(
            {**NAMED, **BUILT, "tool": {"poetry": {"package-mode": False}}}, "poetry", None, False, (),
            id="poetry-package-mode-off",
        ),
        pytest.param(NAMED, "poetry", None, False, (), id="poetry-without-build-system"),
        pytest.param(
            {"tool": {"poetry": {"name": "svc", "version": "2", "scripts": {"svc": "svc.cli:main",
                                                                        "x": {"reference": "svc.x:run"}}}},
             **BUILT},
            "poetry", None, True, (("console_scripts", "svc", "svc.cli:main"), ("console_scripts", "x", "svc.x:run")),
            id="poetry-1-scripts",
        ),
    ],
)  # fmt: skip
def test_whether_the_locks_tool_installs_the_project(
    pyproject: dict[str, Any],
    kind: str,
    locked_root: dict[str, Any] | None,
    installed: bool,
    entry_points: tuple[tuple[str, str, str], ...],
) -> None:
    project = read_project(pyproject, kind, locked_root)
    assert project is not None and project.installed_by_its_tool is installed
    assert project.entry_points == entry_points


def test_a_pyproject_without_a_name_has_no_project() -> None:
    assert read_project({"tool": {"black": {}}}, "poetry") is None


@pytest.mark.parametrize(
    "service, name, version, installed, entry_points",
    [
        # Kinto (Apache-2.0): a dynamic version from git tags; a paste.app_factory entry
        # point its ini files name (`use = egg:kinto`).
        ("kinto", "kinto", "0", True, "[console_scripts]\nkinto = kinto.__main__:main\n\n"
         "[paste.app_factory]\nmain = kinto:main\n"),
        ("ctfd", "ctfd", "3.8.6", False, ""),  # uv.lock: a virtual project
        ("lnbits", "lnbits", "1.5.2-rc3", True,
         "[console_scripts]\nlnbits = lnbits.server:main\nlnbits-cli = lnbits.commands:main\n"),
    ],
)  # fmt: skip
def test_real_services_projects(service: str, name: str, version: str, installed: bool, entry_points: str) -> None:
    project = locks.read_lock(SERVICES / service).project
    assert project is not None
    assert (project.name, project.version, project.installed_by_its_tool) == (name, version, installed)
    assert project.entry_points_text() == entry_points
    assert project.metadata_text() == f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"


def project_files(config: Config, app_dir: Path, target: str = "prod") -> dict[str, str]:
    files = plan_build(sample_inputs(config, app_dir=app_dir), target).files
    return {path: text for path, text in files if path.startswith("project/")}


def test_the_project_files_follow_install_project_and_the_import_root() -> None:
    assert project_files(EXAMPLE, REPO_ROOT / "backend") == {"project/METADATA": ""}
    kinto = EXAMPLE.model_copy(
        update={"install_project": True, "import_root": "src", "heavy": (), "command": ("kinto", "start")}
    )
    files = project_files(kinto, SERVICES / "kinto")
    assert files["project/METADATA"].startswith("Metadata-Version: 2.1\nName: kinto\n")
    assert files["project/import-root"] == "/app/src\n"
    assert "kinto = kinto.__main__:main" in files["project/entry_points.txt"]
    assert project_files(kinto, SERVICES / "kinto", "dev") == files


def test_install_project_without_a_project_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "requirements.txt").write_text("six==1.16.0 --hash=sha256:" + "0" * 64 + "\n")
    config = EXAMPLE.model_copy(update={"install_project": True, "heavy": ()})
    with pytest.raises(ConfigError) as error:
        project_files(config, tmp_path)
    assert error.value.fix == "set `install_project: false` in warmbuild.yaml"


def test_an_extra_whose_package_needs_the_project_itself_resolves() -> None:
    """Kinto's `container` extra holds kinto-attachment, which requires kinto: the
    project being installed, not a package of the lock."""
    kinto = locks.read_lock(SERVICES / "kinto")
    installed = locks.install_set(kinto, ["main", "container"], locks.TargetEnvironment((3, 13, 0)))
    assert {"kinto-attachment", "kinto-emailer"} <= {p.name for p in installed}
    assert "kinto" not in {p.name for p in installed}


@pytest.mark.parametrize(
    "changes, problem",
    [
        ({"server": "gunicorn"}, "server: gunicorn is not in what"),
        ({"server": "gunicorn", "command": ("python", "-m", "app")}, None),  # the command is the app's business
        ({"server": "uvicorn"}, None),
    ],
    ids=["a server the lock lacks (ephios installs gunicorn beside its lock)", "a command", "uvicorn is locked"],
)
def test_the_server_must_be_in_what_the_target_installs(changes: dict[str, Any], problem: str | None) -> None:
    config = EXAMPLE.model_copy(update=changes)
    if problem is None:
        plan_build(sample_inputs(config), "prod")
        return
    with pytest.raises(ConfigError) as error:
        plan_build(sample_inputs(config), "prod")
    assert error.value.problem.startswith(problem) and "relock" in error.value.fix
