"""The project itself, as its lock's tool installs it: `uv sync` installs a project
whose root is locked as `editable = "."` (it has a build system), not a `virtual`
one; `poetry install` installs the root unless `package-mode = false`. What an
install gives an app at run time is its metadata (`importlib.metadata.version`) and
its entry points (console scripts, plugins), with the code importable from where it
is: warmbuild writes those from pyproject.toml (see install-python-deps.sh
`project`), as an editable install does, without running a build backend. Pure."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .model import canonical


@dataclass(frozen=True)
class Project:
    name: str
    # "0" when the build backend computes it (a dynamic version): not read here.
    version: str
    # (group, name, object reference): console_scripts and the project's entry points.
    entry_points: tuple[tuple[str, str, str], ...]
    # Whether the lock's tool installs the project, and why (or why not).
    installed_by_its_tool: bool
    why: str

    def metadata_text(self) -> str:
        """The METADATA file of its dist-info (core metadata 2.1, the fields read at run time)."""
        return f"Metadata-Version: 2.1\nName: {self.name}\nVersion: {self.version}\n"

    def entry_points_text(self) -> str:
        groups: dict[str, list[str]] = {}
        for group, name, reference in self.entry_points:
            groups.setdefault(group, []).append(f"{name} = {reference}")
        sections = (f"[{group}]\n" + "".join(f"{line}\n" for line in lines) for group, lines in groups.items())
        return "\n".join(sections)


def _poetry_scripts(poetry: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """[tool.poetry.scripts]: `name = "module:function"` or `{reference = …, type = "console"}`."""
    found = []
    for name, value in (poetry.get("scripts") or {}).items():
        if isinstance(value, str):
            found.append(("console_scripts", name, value))
        elif isinstance(value, dict) and value.get("type", "console") == "console":
            reference = value.get("reference") or value.get("callable") or ""
            if reference:
                found.append(("console_scripts", name, str(reference)))
    return found


def _entry_points(pyproject: Mapping[str, Any]) -> tuple[tuple[str, str, str], ...]:
    project = pyproject.get("project") or {}
    poetry = (pyproject.get("tool") or {}).get("poetry") or {}
    found = [("console_scripts", n, str(r)) for n, r in (project.get("scripts") or {}).items()]
    found += [("gui_scripts", n, str(r)) for n, r in (project.get("gui-scripts") or {}).items()]
    for group, points in (project.get("entry-points") or {}).items():
        found += [(group, n, str(r)) for n, r in points.items()]
    if not found:
        found = _poetry_scripts(poetry)
        for group, points in (poetry.get("plugins") or {}).items():
            found += [(group, n, str(r)) for n, r in points.items()]
    return tuple(found)


def read_project(
    pyproject: Mapping[str, Any],
    kind: str,
    locked_root: Mapping[str, Any] | None = None,
    package_found: bool = True,
) -> Project | None:
    """The project of ``pyproject`` (None without a name), and whether ``kind``'s tool
    installs it; ``locked_root``: uv.lock's entry of the project; ``package_found``:
    whether Poetry finds its package (it fails without one)."""
    project = pyproject.get("project") or {}
    poetry = (pyproject.get("tool") or {}).get("poetry") or {}
    name = project.get("name") or poetry.get("name")
    if not name:
        return None
    version = str(project.get("version") or poetry.get("version") or (locked_root or {}).get("version") or "0")
    if kind == "uv":
        source = (locked_root or {}).get("source") or {}
        installed = "editable" in source or "directory" in source
        why = (
            "uv.lock locks it as the project to install (it has a build system)"
            if installed
            else "uv.lock locks it as a virtual project: `uv sync` does not install it"
        )
    else:
        mode = poetry.get("package-mode", True)
        installed = mode is not False and "build-system" in pyproject and package_found
        why = (
            "`poetry install` installs it (a build system, package-mode on, its package found)"
            if installed
            else "`poetry install` would not install it (package-mode = false, no [build-system], or no package "
            "named as the project)"
        )
    return Project(canonical(str(name)), version, _entry_points(pyproject), installed, why)
