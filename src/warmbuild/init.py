"""`invoke init`: read a repository, detect what warmbuild needs, write
warmbuild.yaml (every value explained) and a two-line tasks.py.

I/O: ``read_repository`` (the files detectors read), ``detect_all`` (the lock
files, and the engine's and the index's answers through what it is given) and
``write_files``. ``plan_init`` turns what was found into the files to write, pure,
so `--dry-run` prints exactly what a real run writes."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import detect, folders, locks, team_stack
from .detect_runtime import COMPOSE_FILES, Installs, detect_build_commands, detect_runtime
from .engine import Engine, Unresolved
from .errors import ConfigError
from .fingerprint import ignore_patterns
from .options import CONFIG_FILE

# Never read: other people's code, caches, build output, editor and CI folders.
NOT_READ = folders.NOT_SOURCE + ignore_patterns("**/.github\n**/.gitlab\n**/.idea\n**/.vscode\n**/.cache")
READ_NAMES = (
    "pyproject.toml",
    "poetry.lock",
    "uv.lock",
    "package.json",
    "package-lock.json",
    "server.mjs",
    ".dockerignore",
)
MAX_FILE_BYTES = 2_000_000
TASKS_PY = (
    '"""Invoke tasks: warmbuild\'s (`invoke --list`)."""\n\nfrom warmbuild.tasks import namespace as ns  # noqa: F401\n'
)


def _wanted(name: str) -> bool:
    return (
        name in READ_NAMES
        or (name.startswith("requirements") and name.endswith(".txt"))
        # Sources, entrypoint scripts, named Dockerfiles (app.Dockerfile).
        or name.endswith((".py", ".sh", ".Dockerfile", ".conf"))  # .conf: supervisord's, which a script execs
        or name.lower().startswith(("dockerfile", "compose", "docker-compose", "procfile"))
    )


def read_repository(root: Path) -> dict[str, str]:
    """The files the detectors read, by path relative to ``root``."""
    return {
        relative: path.read_text(errors="replace")
        for relative, path in folders.walk(root, NOT_READ)
        if _wanted(path.name) and path.is_file() and path.stat().st_size <= MAX_FILE_BYTES
    }


@dataclass
class Detected:
    """Everything init found, each value with its reason."""

    app_folder: detect.AppFolder
    values: dict[str, object] = field(default_factory=dict)
    reasons: dict[str, str] = field(default_factory=dict)
    unsure: list[str] = field(default_factory=list)
    # What applies without a key of its own (which .dockerignore the builds use).
    notes: list[str] = field(default_factory=list)

    def set(self, key: str, finding: detect.Finding, value: object = None) -> None:
        self.values[key] = finding.value if value is None else value
        self.reasons[key] = finding.reason
        # A later, surer statement (the Dockerfile's) replaces a guess and its doubt.
        self.unsure = [line for line in self.unsure if line.split(":", 1)[0] != key]
        if not finding.sure:
            self.unsure.append(f"{key}: {finding.reason}")


# (the target's packages, its environment, the lock's index options) -> what their
# indexes say of each (name, version) whose size the lock does not give.
SizeLookup = Callable[
    [tuple[locks.LockedPackage, ...], locks.TargetEnvironment, tuple[str, ...]],
    dict[tuple[str, str], locks.IndexFiles],
]


def detect_all(
    files: dict[str, str],
    root: Path,
    requested_context: str,
    engine: Engine | None,
    index_sizes: SizeLookup | None = None,
) -> Detected:
    """Run every detector. ``engine`` (optional) says which Python images exist;
    ``index_sizes`` looks up wheel sizes (by name and version, on each package's
    index) for packages whose lock records none."""
    app_folder = detect.choose_app_folder(files, requested_context)
    prefix = "" if app_folder.folder == "." else f"{app_folder.folder}/"
    # What the repository's Dockerfile, compose file or Procfile says beats a guess.
    stated = detect_runtime(files, app_folder.folder)
    installs = stated.pop("installs", None)
    chosen_lock = _lock_it_installs(files, app_folder, installs)
    if chosen_lock is not None:
        app_folder = dataclasses.replace(app_folder, lock_kind=chosen_lock, lock_file=locks.LOCK_FILES[chosen_lock])
    lock = locks.read_lock(root / app_folder.folder, app_folder.lock_kind)
    found = Detected(app_folder)
    found.set("name", detect.Finding(detect.image_name(root.resolve().name), "the repository's folder name"))
    found.set("context", detect.Finding(app_folder.folder, f"{app_folder.lock_file} is there"))
    if chosen_lock is not None and installs is not None:
        found.set("lock", detect.Finding(chosen_lock, f"{installs.reason}: the lock its Dockerfile installs"))
    version = _python(found, files, prefix, lock, stated.pop("python_image", None), engine)
    env = locks.TargetEnvironment((*version, 0))
    chosen_groups = _groups_it_installs(lock, installs)
    prod = locks.install_set(lock, [locks.MAIN, *chosen_groups], env, f"{prefix}{app_folder.lock_file}")
    _packages(found, prod, env, index_sizes(prod, env, lock.index_options) if index_sizes else {})
    sources = {
        path.removeprefix(prefix): text
        for path, text in files.items()
        if path.startswith(prefix)
        and path.endswith(".py")
        and not path.removeprefix(prefix).startswith(("tests/", "test/"))
    }
    _guessed_from_sources(found, sources)
    found.notes.append(_dockerignore_note(files, app_folder.folder))
    for key, finding in stated.items():
        found.set(key, finding)
    if "command" in stated and "app" not in stated:
        # `command` runs the app: a guess of `app` would only be a question to answer.
        found.values.pop("app", None)
        found.unsure = [line for line in found.unsure if not line.startswith("app:")]
    _import_root(found, sources)
    _made_folders(found, detect.detect_made_folders(sources))
    _project(found, files, app_folder.folder, lock)
    found.set("frontend", detect.detect_frontend(files), {"context": detect.detect_frontend(files).value})
    _groups(found, lock, chosen_groups, installs)
    _team_compose_file(found, files, root, app_folder.folder)
    _release(found, files, prefix)
    return found


def _release(found: Detected, files: dict[str, str], prefix: str) -> None:
    """The Procfile's `release:` (Heroku's, Dokku's: migrations before the new code
    serves) is what dev-up runs before the app's services start."""
    for path in (f"{prefix}Procfile", "Procfile"):
        line = re.search(r"^release:[ \t]*(\S.*)$", files.get(path, ""), re.MULTILINE)
        if line:
            dev = {**found.values.get("dev", {}), "release": line.group(1).strip()}  # type: ignore[dict-item]
            reasons = [found.reasons["dev"]] if "dev" in found.values else []
            reason = "; ".join([*reasons, f"{path} release: dev-up runs it before the app's services"])
            found.set("dev", detect.Finding(dev, reason), dev)
            return


def _team_compose_file(found: Detected, files: dict[str, str], root: Path, folder: str) -> None:
    """The team's compose file with a service built from the app's folder: dev-up runs
    it (those services on warmbuild's dev image, the others as written)."""
    prefix = "" if folder == "." else f"{folder}/"
    for path in [f"{prefix}{name}" for name in COMPOSE_FILES] + [name for name in COMPOSE_FILES if prefix]:
        if path not in files:
            continue
        try:
            stack = team_stack.read_team_stack(files[path], (root / path).parent, root / folder, path)
        except ConfigError:
            continue
        others = [name for name in stack.services if name not in stack.app_services]
        reason = (
            f"{path}: dev-up runs your stack; {', '.join(stack.app_services)} (built from the app's folder) on "
            f"warmbuild's dev image" + (f", {', '.join(others)} as written" if others else "")
        )
        found.set("dev", detect.Finding(path, reason), {"compose_file": path})
        return


def _python(
    found: Detected,
    files: dict[str, str],
    prefix: str,
    lock: locks.Lock,
    stated_image: detect.Finding | None,
    engine: Engine | None,
) -> tuple[int, int]:
    """The Python the Dockerfile states (where the lock allows it) or the lock's, as
    the engine can resolve it."""
    groups = [locks.MAIN, *lock.development_groups]
    python = detect.detect_python(
        lock, groups, files.get(f"{prefix}requirements.txt", ""), _stated_python(stated_image)
    )
    version = _existing_python(python, lock, groups, engine)
    wanted = python.value
    if isinstance(wanted, tuple) and version != wanted:
        python = detect.Finding(
            version,
            f"{python.reason}; python:{wanted[0]}.{wanted[1]}-slim cannot be resolved here: the "
            + (
                "nearest Python that can (its pins name no files to choose by)"
                if lock.kind == "requirements"
                else "next Python the lock allows"
            ),
            sure=False,
        )
    found.set("python_image", python, f"python:{version[0]}.{version[1]}-slim")
    return version


def _packages(
    found: Detected,
    prod: tuple[locks.LockedPackage, ...],
    env: locks.TargetEnvironment,
    sizes: dict[tuple[str, str], locks.IndexFiles],
) -> None:
    """Heavy packages and the Debian packages the locked ones need."""
    found.set("heavy", detect.detect_heavy(prod, env, sizes))
    runtime, build = detect.detect_system_packages(prod, env)
    found.set("apt_packages", detect.Finding([n for n, _ in runtime], _reasons(runtime, "run time")))
    if build:
        found.set("build_apt_packages", detect.Finding([n for n, _ in build], _reasons(build, "compiling")))


def _guessed_from_sources(found: Detected, sources: dict[str, str]) -> None:
    """App, interface, port and health route as the code suggests (what the
    repository states replaces them afterwards)."""
    app = detect.detect_app(sources)
    app_object = app.value if isinstance(app.value, detect.AppObject) else None
    found.set("app", app, f"{app_object.module}:{app_object.attribute}" if app_object else "app.main:app")
    if app_object and app_object.interface == "wsgi":
        found.set(
            "interface", detect.Finding("wsgi", f"{app_object.framework} is a WSGI app: uvicorn serves it as one")
        )
    found.set("port", detect.detect_port(app_object))
    found.set("health_path", detect.detect_health(app_object, sources))


def _project(found: Detected, files: dict[str, str], folder: str, lock: locks.Lock) -> None:
    """Whether the project itself is installed, and the build-time commands its
    Dockerfile runs (its console scripts among them)."""
    if lock.project is not None:
        found.set("install_project", detect.Finding(lock.project.installed_by_its_tool, lock.project.why))
    scripts = (
        [name for group, name, _ in lock.project.entry_points if group == "console_scripts"] if lock.project else []
    )
    build_commands = detect_build_commands(files, folder, scripts)
    if build_commands is not None:
        found.set("build_commands", build_commands)


def _groups(found: Detected, lock: locks.Lock, chosen: list[str], installs: detect.Finding | None) -> None:
    """The groups the Dockerfile installs, else none, naming the optional ones."""
    groups_found = detect.detect_groups(lock)
    found.values["groups"] = []
    found.reasons["groups"] = (
        f"optional groups and extras you may add: {', '.join(groups_found.optional)}"
        if groups_found.optional
        else "the lock has no optional groups or extras"
    )
    if chosen and installs is not None:
        found.set("groups", detect.Finding(chosen, f"{installs.reason}: what its Dockerfile installs"))


def _lock_it_installs(
    files: dict[str, str], app_folder: detect.AppFolder, installs: detect.Finding | None
) -> str | None:
    """The lock the repository's Dockerfile installs from, where it is not the one
    `lock: auto` reads and the folder has it (lnbits: poetry.lock beside the uv.lock
    its Dockerfile syncs)."""
    if installs is None or not isinstance(installs.value, Installs) or installs.value.lock == app_folder.lock_kind:
        return None
    kind = installs.value.lock
    prefix = "" if app_folder.folder == "." else f"{app_folder.folder}/"
    needed = [locks.LOCK_FILES[kind]] + (["pyproject.toml"] if kind != "requirements" else [])
    return kind if all(f"{prefix}{name}" in files for name in needed) else None


def _groups_it_installs(lock: locks.Lock, installs: detect.Finding | None) -> list[str]:
    """The optional groups and extras of the lock the Dockerfile's install line names
    (`uv sync --extra postgresql`, `--all-extras`)."""
    if installs is None or not isinstance(installs.value, Installs) or installs.value.lock != lock.kind:
        return []
    said = installs.value
    wanted = sorted(lock.extras) if said.all_extras else []
    wanted += [locks.canonical(name) for name in (*said.extras, *said.groups)]
    return [name for name in dict.fromkeys(wanted) if name in lock.optional_groups]


def _made_folders(found: Detected, made: list[tuple[str, str]]) -> None:
    """The folders the code makes beside itself join `writable` (they are written at
    run time: a read-only root filesystem would stop the app)."""
    before_value = found.values.get("writable")
    known = [str(folder) for folder in before_value] if isinstance(before_value, list) else []
    new = [(folder, where) for folder, where in made if folder not in known]
    if not new:
        return
    reason = "; ".join(f"{folder}: {where}" for folder, where in new)
    before = found.reasons.get("writable")
    found.set(
        "writable",
        detect.Finding([*known, *(f for f, _ in new)], f"{before}; {reason}" if before else reason),
    )


def _stated_python(image: detect.Finding | None) -> detect.Finding | None:
    """`python:3.11-slim` as the repository's Dockerfile states it -> (3, 11)."""
    if image is None:
        return None
    major, minor = str(image.value).removeprefix("python:").split("-")[0].split(".")
    return detect.Finding((int(major), int(minor)), image.reason, image.sure)


def _dockerignore_note(files: dict[str, str], folder: str) -> str:
    own = folders.repository_dockerignore(folder, lambda path: path in files)
    if own is None:
        return "Files kept out of the images: warmbuild's list (no .dockerignore in the repository)."
    return f"Files kept out of the images: {own}, plus what never belongs in an image (.git, .env, venvs, caches)."


def _import_root(found: Detected, sources: dict[str, str]) -> None:
    """An app under src/ is imported from there: a `src.` module would not import, and
    a Dockerfile's `app.main:app` runs from where it copied src/app to."""
    app = str(found.values.get("app", ""))
    if app.startswith("src."):
        found.values["app"] = app.removeprefix("src.")
        found.set("import_root", detect.Finding("src", f"{app.split(':')[0]} lives under src/ (a src layout)"))
        return
    top = app.split(":")[0].split(".")[0]
    if found.values.get("import_root") or not top or "command" in found.values:
        return

    def has(root: str) -> bool:
        return any(p == f"{root}{top}.py" or p.startswith(f"{root}{top}/") for p in sources)

    if not has("") and has("src/"):
        found.set("import_root", detect.Finding("src", f"{top} is src/{top} (a src layout)"))


def _existing_python(
    python: detect.Finding, lock: locks.Lock, groups: list[str], engine: Engine | None
) -> tuple[int, int]:
    """The detected Python, or the newest other candidate whose image the engine can
    resolve (a site may mirror only some Python images)."""
    assert isinstance(python.value, tuple)
    preferred: tuple[int, int] = python.value
    if engine is None:
        return preferred
    if lock.kind == "requirements":
        candidates = [preferred, *_nearest(preferred)]
    else:
        candidates = [preferred] + [v for v, _ in detect.python_candidates(lock, groups) if v != preferred]
    facts = engine.facts("")
    for version in candidates:
        image = f"python:{version[0]}.{version[1]}-slim"
        if not isinstance(engine.resolve_digest(image, facts.mirrors), Unresolved):
            return version
    tried = ", ".join(f"python:{a}.{b}-slim" for a, b in candidates)
    raise ConfigError(
        f"no base image for the Python this lock needs: {tried} cannot be resolved",
        "make one of them pullable (a registry mirror: README, Setting up an engine), then run `warmbuild init` again",
    )


def _nearest(version: tuple[int, int]) -> list[tuple[int, int]]:
    """The other Pythons, nearest first, the older before the newer at the same
    distance: a requirements file names no files, so which Python its pins install on
    is not known here, and a pin keeps its wheels for older Pythons longer than it
    gains them for newer ones (the build's check says if one does not install)."""
    others = [v for v in detect.PYTHONS if v != version and v[0] == version[0]]
    return sorted(others, key=lambda v: (abs(v[1] - version[1]), v > version))


def _reasons(named: list[tuple[str, str]], when: str) -> str:
    if not named:
        return f"no locked package needs a Debian package at {when}"
    return "; ".join(f"{name}: {reason}" for name, reason in named)


# --- the files ---------------------------------------------------------------------------------

ORDER = (
    "name",
    "registry",
    "context",
    "lock",
    "python_image",
    "heavy",
    "groups",
    "apt_packages",
    "build_apt_packages",
    "server",
    "app",
    "interface",
    "workers",
    "server_args",
    "command",
    "install_project",
    "build_commands",
    "import_root",
    "port",
    "health_path",
    "health_command",
    "env",
    "writable",
    "frontend",
    "dev",
)


def render_config(found: Detected) -> str:
    """warmbuild.yaml: each value with the reason it was chosen above it; values init
    is not sure of say so."""
    lines = [
        "# warmbuild configuration, written by `warmbuild init`. Each value says why it was",
        "# chosen; `invoke config` prints every key in effect (README, Configuration).",
        *(f"# {line}" for note in found.notes for line in _wrap(note)),
    ]
    values = {**found.values, "registry": "127.0.0.1:5000"}
    reasons = {**found.reasons, "registry": "where images and caches go: set your team's registry (e.g. ghcr.io/acme)"}
    unsure_keys = {line.split(":", 1)[0] for line in found.unsure}
    for key in ORDER:
        if key not in values:
            continue
        lines.append("")
        if key in unsure_keys:
            lines.append("# CHECK: not sure, please set this.")
        lines += [f"# {line}" for line in _wrap(reasons.get(key, ""))]
        lines.append(_yaml_line(key, values[key]))
    return "\n".join(lines) + "\n"


def _yaml_line(key: str, value: object) -> str:
    """`key: value`, lists in flow style (heavy: [numpy, scipy]), mappings as blocks."""
    if isinstance(value, list):
        return f"{key}: {yaml.safe_dump(value, default_flow_style=True, width=1000).strip()}"
    return yaml.safe_dump({key: value}, default_flow_style=False, sort_keys=False).rstrip()


def _wrap(text: str, width: int = 86) -> list[str]:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines


@dataclass(frozen=True)
class InitPlan:
    """Files to write (path -> text) and what to tell the user."""

    files: dict[Path, str]
    kept: tuple[Path, ...]
    found: tuple[str, ...]
    check: tuple[str, ...]


def plan_init(root: Path, found: Detected, force: bool, extra_files: dict[Path, str] | None = None) -> InitPlan:
    """What init writes. warmbuild.yaml is never overwritten without ``force``; a
    tasks.py that exists is left as it is (the user's own tasks)."""
    config_path = root / CONFIG_FILE
    if config_path.exists() and not force:
        raise ConfigError(f"{config_path} already exists", "pass --force to overwrite it, or --dry-run to compare")
    files = {config_path: render_config(found)}
    kept = []
    tasks_path = root / "tasks.py"
    if tasks_path.exists():
        kept.append(tasks_path)
    else:
        files[tasks_path] = TASKS_PY
    files.update(extra_files or {})
    summary = tuple(
        f"{key}: {_shown(found.values[key])}  ({found.reasons[key]})" for key in ORDER if key in found.values
    )
    return InitPlan(files, tuple(kept), summary, tuple(found.unsure))


def _shown(value: object) -> str:
    return yaml.safe_dump(value, default_flow_style=True).strip().removesuffix("...").strip()


CI_TEMPLATES = Path(__file__).resolve().parent / "ci_templates"
CI_FILES = {
    "github": {
        ".github/workflows/warm-cache.yml": "github-warm-cache.yml",
        ".github/workflows/warm-cache-on-lock-change.yml": "github-warm-cache-on-lock-change.yml",
        ".github/workflows/pull-request.yml": "github-pull-request.yml",
    },
    "gitlab": {".gitlab-ci.yml": "gitlab-ci.yml"},
}


def ci_files(kind: str, install: str, lock_paths: list[str], default_branch: str) -> dict[str, str]:
    """The CI files of one kind (github, gitlab), rendered: how to install warmbuild
    (a pinned requirement), which files change the locks, the default branch."""
    if kind not in CI_FILES:
        raise ConfigError(f"--ci {kind!r} is not one of {', '.join(CI_FILES)}", "use --ci github or --ci gitlab")
    rendered = {}
    for destination, template in CI_FILES[kind].items():
        text = (CI_TEMPLATES / template).read_text()
        text = text.replace("{{INSTALL}}", install).replace("{{DEFAULT_BRANCH}}", default_branch)
        rendered[destination] = text.replace("{{LOCK_PATHS_JSON}}", json.dumps(lock_paths))
    return rendered


def lock_paths(found: Detected, lock: locks.Lock) -> list[str]:
    prefix = "" if found.app_folder.folder == "." else f"{found.app_folder.folder}/"
    paths = [f"{prefix}{name}" for name in lock.files]
    frontend = found.values.get("frontend")
    if isinstance(frontend, dict) and frontend.get("context"):
        paths.append(f"{frontend['context']}/package-lock.json")
    return paths


def write_files(plan: InitPlan) -> None:
    """Every file complete or not at all: written beside, then renamed into place."""
    for path, text in plan.files.items():
        folders.write_text(path, text)
