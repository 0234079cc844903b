"""What `invoke init` finds in a repository: each detector turns the repository's
files (path -> text) into a value, why it was chosen, and whether it is sure. Pure:
the files, the lock and the index's sizes come in; nothing is read here."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from . import detect_django, locks
from .errors import ConfigError, LockError
from .locks import IndexFiles, LockedPackage, SourceKind, TargetEnvironment

# Newest first: init picks the newest the lock allows and has wheels for.
PYTHONS = ((3, 13), (3, 12), (3, 11), (3, 10))
# A package whose wheel for the image is at least this large gets a layer of its own.
HEAVY_BYTES = 10_000_000
LOCK_NAMES = {file: kind for kind, file in locks.LOCK_FILES.items()}
APP_CLASSES = {"FastAPI": "asgi", "Starlette": "asgi", "Litestar": "asgi", "Quart": "asgi", "Flask": "wsgi"}
# Django's project modules: `application = get_wsgi_application()` (wsgi.py), or asgi's.
DJANGO_APPLICATIONS = {"get_wsgi_application": "wsgi", "get_asgi_application": "asgi"}
HEALTH_NAMES = re.compile(
    # `_health` (aiohttp services), `__heartbeat__` (Mozilla's Dockerflow).
    r"^(/api)?(/v\d+)?/_{0,2}(health|healthz|healthcheck|health-check|ping|status|livez|readyz|ready|alive|"
    r"heartbeat|lbheartbeat)(__)?/?$"
)


@dataclass(frozen=True)
class Finding:
    """One detected value: what it is, why, and whether the user should check it."""

    value: object
    reason: str
    sure: bool = True


@dataclass(frozen=True)
class AppFolder:
    folder: str  # relative to the repository, "." for its root
    lock_kind: str
    lock_file: str


# --- the app's folder and lock ------------------------------------------------------------


def find_app_folders(files: Mapping[str, str]) -> list[AppFolder]:
    """Folders with a lock: poetry.lock or uv.lock next to a pyproject.toml, or a
    requirements.txt. One folder may hold several: the one a build reads wins
    (locks.LOCK_FILES' order, as `lock: auto` picks), so init and build agree."""
    found: dict[str, AppFolder] = {}
    order = list(locks.LOCK_FILES.values())
    candidates = [p for p in files if PurePosixPath(p).name in LOCK_NAMES]
    for path in sorted(candidates, key=lambda p: (p.count("/"), order.index(PurePosixPath(p).name), p)):
        name = PurePosixPath(path).name
        folder = str(PurePosixPath(path).parent)
        kind = LOCK_NAMES[name]
        if folder in found:
            continue
        if kind != "requirements" and f"{folder}/pyproject.toml".removeprefix("./") not in files:
            continue
        found[folder] = AppFolder(folder, kind, name)
    return list(found.values())


def choose_app_folder(files: Mapping[str, str], requested: str = "") -> AppFolder:
    folders = find_app_folders(files)
    if requested:
        wanted = str(PurePosixPath(requested))
        chosen = [f for f in folders if f.folder == wanted]
        if not chosen:
            raise LockError(
                f"no lock file in {requested} (looked for poetry.lock, uv.lock, requirements.txt)",
                "lock the app there (`poetry lock` or `uv lock`), or pass --context to the folder that has one",
            )
        return chosen[0]
    if not folders:
        raise LockError(
            "no lock file in this repository (looked for poetry.lock, uv.lock, requirements.txt)",
            "lock the app first (`poetry lock`, `uv lock` or `uv pip compile`), then run `warmbuild init` again",
        )
    if len(folders) > 1:
        names = ", ".join(f.folder for f in folders)
        raise ConfigError(
            f"several apps with a lock: {names}", f"choose one: `warmbuild init --context {folders[0].folder}`"
        )
    return folders[0]


# --- the Python version ---------------------------------------------------------------------


def _compiled_for(requirements_text: str) -> tuple[int, int] | None:
    """pip-compile and uv pip compile say which Python they resolved for."""
    for pattern in (r"pip-compile with Python (\d+)\.(\d+)", r"--python-version[ =](\d+)\.(\d+)"):
        match = re.search(pattern, requirements_text)
        if match:
            return int(match[1]), int(match[2])
    return None


def python_candidates(lock: locks.Lock, groups: list[str]) -> list[tuple[tuple[int, int], int]]:
    """(version, packages to compile) for each Python the lock allows and has a
    wheel or an sdist for every package: the fewest to compile first, then the newest."""
    found = []
    for version in PYTHONS:
        env = TargetEnvironment((*version, 0))
        if lock.requires_python and not env.allows_python(lock.requires_python):
            continue
        try:
            packages = locks.install_set(lock, groups, env)
        except LockError:
            continue
        if any(locks.unusable(p, env) for p in packages):
            continue
        found.append((version, sum(locks.needs_build(p, env) for p in packages)))
    return sorted(found, key=lambda c: (c[1], -c[0][0], -c[0][1]))


def detect_python(
    lock: locks.Lock, groups: list[str], requirements_text: str = "", stated: Finding | None = None
) -> Finding:
    """The Python of the images. ``stated``: the version (3, 11) the repository's own
    Dockerfile runs, which wins where the lock allows it."""
    if lock.kind == "requirements":
        if stated is not None:
            return stated
        compiled = _compiled_for(requirements_text)
        if compiled:
            return Finding(compiled, f"the requirements file was compiled for Python {compiled[0]}.{compiled[1]}")
        return Finding(PYTHONS[0], "the requirements file does not say which Python it is for", sure=False)
    candidates = python_candidates(lock, groups)
    if not candidates:
        allowed = lock.requires_python or "any"
        raise LockError(
            f"the lock allows no Python warmbuild knows an image for (requires-python {allowed}; "
            f"tried {', '.join(f'{a}.{b}' for a, b in PYTHONS)})",
            "relock for one of those Pythons, or set `python_image:` in warmbuild.yaml by hand",
        )
    if stated is not None and stated.value in [version for version, _ in candidates]:
        return stated
    version, builds = candidates[0]
    newer = sorted((c for c in candidates if c[0] > version), reverse=True)
    reason = f"the newest Python the lock allows ({lock.requires_python or 'any'})"
    if newer:
        reason = (
            f"the Python with the fewest packages to compile ({builds}); "
            f"{newer[0][0][0]}.{newer[0][0][1]} would compile {newer[0][1]}"
        )
    elif builds:
        reason += f"; {builds} package(s) compile from source"
    return Finding(version, reason)


# --- the app object, port and health route ----------------------------------------------------


@dataclass(frozen=True)
class AppObject:
    module: str
    attribute: str
    framework: str
    interface: str
    routes: tuple[str, ...] = ()
    port: int | None = None


def _module_name(path: str) -> str:
    parts = list(PurePosixPath(path).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _call_name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _string_args(call: ast.Call) -> list[str]:
    return [a.value for a in call.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]


def _routes(tree: ast.Module) -> list[str]:
    """GET-ish route paths: decorators (@app.get("/x"), @router.route("/x")),
    Starlette's Route("/x", ...), aiohttp's router.add_route("GET", "/x", …) and
    add_get("/x", …), Flask's add_url_rule("/x", …)."""
    found = []
    for node in ast.walk(tree):
        decorators = node.decorator_list if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) else []
        for decorator in decorators:
            if isinstance(decorator, ast.Call) and _call_name(decorator.func) in ("get", "route", "api_route"):
                found += _string_args(decorator)[:1]
        if not isinstance(node, ast.Call):
            continue
        name = _call_name(node.func)
        if name in ("Route", "route", "get", "add_get", "add_url_rule"):
            found += [a for a in _string_args(node)[:1] if a.startswith("/")]
        elif name == "add_route" and _string_args(node)[:1] in (["GET"], ["*"]):
            found += [a for a in _string_args(node)[1:2] if a.startswith("/")]
    return found


def _run_port(tree: ast.Module) -> int | None:
    """uvicorn.run(app, port=8080) (or app.run(port=…))."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _call_name(node.func) == "run":
            for keyword in node.keywords:
                value = keyword.value
                if keyword.arg == "port" and isinstance(value, ast.Constant) and isinstance(value.value, int):
                    return value.value
    return None


def find_app_objects(sources: Mapping[str, str]) -> list[AppObject]:
    """Module-level `x = FastAPI(...)` (Starlette, Litestar, Quart, Flask) and Django's
    `application = get_wsgi_application()` (or asgi's), with the routes and port of
    that file."""
    found = []
    for path, tree in _parsed(sources):
        for node in tree.body:
            if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)):
                continue
            target = node.targets[0]
            kind = _call_name(node.value.func)
            framework = "Django" if kind in DJANGO_APPLICATIONS else kind
            interface = DJANGO_APPLICATIONS.get(kind) or APP_CLASSES.get(kind, "")
            if isinstance(target, ast.Name) and interface:
                found.append(
                    AppObject(
                        _module_name(path), target.id, framework, interface, tuple(_routes(tree)), _run_port(tree)
                    )
                )
    return found


PREFERRED_FILES = ("main", "app", "asgi", "server", "api", "wsgi")


def detect_app(sources: Mapping[str, str]) -> Finding:
    apps = find_app_objects(sources)
    if not apps:
        return Finding(None, "no FastAPI, Starlette, Litestar, Quart, Flask or Django app object found", sure=False)
    if len(apps) > 1:
        preferred = [a for a in apps if a.module.rsplit(".", 1)[-1] in PREFERRED_FILES]
        if len(preferred) != 1:
            names = ", ".join(f"{a.module}:{a.attribute}" for a in apps)
            return Finding(apps[0], f"several app objects ({names}); took the first", sure=False)
        apps = preferred
    app = apps[0]
    return Finding(app, f"`{app.attribute} = {app.framework}(...)` in {app.module.replace('.', '/')}.py")


def detect_health(app: AppObject | None, sources: Mapping[str, str] | None = None) -> Finding:
    """A route named like a health check: in the app's own file, else in any module
    (a Flask blueprint, a FastAPI router), where a prefix the module gives its
    routes makes it a guess."""
    routes = app.routes if app else ()
    health = [r for r in routes if HEALTH_NAMES.match(r)]
    if health:
        return Finding(health[0].rstrip("/") or "/", f"a GET route named like a health check ({health[0]})")
    django = _django_health(sources or {})
    if django is not None:
        return django
    for path, tree in _parsed(sources or {}):
        health = [r for r in _routes(tree) if HEALTH_NAMES.match(r)]
        if health:
            prefixed = any(
                k.arg in ("prefix", "url_prefix") for n in ast.walk(tree) for k in getattr(n, "keywords", [])
            )
            return Finding(
                health[0].rstrip("/") or "/",
                f"a GET route named like a health check in {path} ({health[0]})"
                + ("; its module gives its routes a prefix" if prefixed else ""),
                sure=not prefixed,
            )
    if "/" in routes:
        return Finding("/", "no health route; the app answers GET /", sure=False)
    return Finding("/health", "no health route found: add one (GET, answering 200) or set health_path", sure=False)


def _django_health(sources: Mapping[str, str]) -> Finding | None:
    """Django's health route at its full path under the root URLconf: a health-check
    app's URLs (django-health-check's liveness subset), else a route named like one."""
    if not any(path.endswith("urls.py") for path in sources):
        return None
    stated = detect_django.health_route(sources)
    if stated is not None:
        return Finding(stated[0], stated[1])
    named = [r for r in detect_django.django_routes(sources) if HEALTH_NAMES.match(r.path)]
    if named:
        return Finding(named[0].path, f"a Django route named like a health check in {named[0].where}")
    return None


def _parsed(sources: Mapping[str, str]) -> Iterator[tuple[str, ast.Module]]:
    for path, text in sorted(sources.items()):
        try:
            yield path, ast.parse(text)
        except SyntaxError:
            continue


def _path_value(node: ast.expr, module_path: PurePosixPath, names: Mapping[str, PurePosixPath]) -> PurePosixPath | None:
    """The folder an expression names, where it is built from the module's own place:
    `__file__`, `os.path.dirname(…)`, `os.path.join(…, "logs")`, `Path(__file__).parent`
    (`.resolve()`, `/ "logs"`), a module-level name bound to one of those; else None."""
    if isinstance(node, ast.Name):
        return module_path if node.id == "__file__" else names.get(node.id)
    if isinstance(node, ast.Call):
        name = _call_name(node.func)
        args = [_path_value(a, module_path, names) for a in node.args[:1]]
        if name in ("dirname", "abspath", "realpath", "Path", "resolve", "absolute"):
            inner = args[0] if args else None
            if name in ("resolve", "absolute") and isinstance(node.func, ast.Attribute):
                inner = _path_value(node.func.value, module_path, names)
            return inner.parent if name == "dirname" and inner is not None else inner
        if name == "join" and args and args[0] is not None:
            parts = [a.value for a in node.args[1:] if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            return args[0].joinpath(*parts) if len(parts) == len(node.args) - 1 else None
    if isinstance(node, ast.Attribute) and node.attr == "parent":
        inner = _path_value(node.value, module_path, names)
        return inner.parent if inner is not None else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        left = _path_value(node.left, module_path, names)
        right = node.right
        if left is not None and isinstance(right, ast.Constant) and isinstance(right.value, str):
            return left / right.value
    return None


MAKE_FOLDER = ("makedirs", "mkdir")


def detect_made_folders(sources: Mapping[str, str]) -> list[tuple[str, str]]:
    """(folder, where) of each folder the code makes beside itself (fastapi-boilerplate's
    logger: `os.makedirs(os.path.join(<its package>, "logs"))`), relative to the app's
    folder: what the app writes at run time, so the image must let it."""
    found: list[tuple[str, str]] = []
    for path, tree in _parsed(sources):
        module_path = PurePosixPath(path)
        names: dict[str, PurePosixPath] = {}
        for node in tree.body:
            if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
                value = _path_value(node.value, module_path, names)
                if value is not None:
                    names[node.targets[0].id] = value
        calls = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and _call_name(c.func) in MAKE_FOLDER]
        for call in calls:
            target = call.args[0] if call.args else None
            if _call_name(call.func) == "mkdir" and isinstance(call.func, ast.Attribute):
                target = call.func.value  # Path(...).mkdir()
            folder = _path_value(target, module_path, names) if target is not None else None
            if folder is not None and folder != module_path and ".." not in folder.parts:
                found.append((str(folder), f"{path}:{call.lineno} makes it"))
    return list({folder: (folder, where) for folder, where in found}.values())


def detect_port(app: AppObject | None) -> Finding:
    """The port the app's own code runs its server on; what the repository's Dockerfile,
    compose file or Procfile says comes from detect_runtime and wins."""
    if app and app.port:
        return Finding(app.port, f"{app.module}.py runs the server on port {app.port}")
    return Finding(8000, "the default port of uvicorn, gunicorn and granian")


# --- heavy packages and OS packages ----------------------------------------------------------------


# Why a package has no size: it compiles here, which is no unknown.
BUILT = "built from source"
# Names shown in a reason at most (a requirements file may hold hundreds).
SHOWN_NAMES = 12


def _sized(
    package: LockedPackage, env: TargetEnvironment, index_files: Mapping[tuple[str, str], IndexFiles]
) -> tuple[int | None, str]:
    """(bytes of the wheel that installs here, '') or (None, why not): BUILT when
    only an sdist fits, else why the size is unknown. The lock's own files and sizes
    first (uv records sizes); else the index's answer for this name and version,
    among the lock's files where it names them."""
    named = [f for f in package.files if f.filename]
    best = env.best_wheel(f.filename for f in named)
    if best is not None:
        size = next(f.size for f in named if f.filename == best)
        if size is not None:
            return size, ""
    elif named:
        return None, BUILT if any(not f.is_wheel for f in named) else "no file for this platform"
    answer = index_files.get((package.name, package.version))
    if answer is None:
        return None, "not looked up"
    files = [f for f in answer.files if f.filename in {n.filename for n in named}] if named else []
    files = files or list(answer.files)
    best = env.best_wheel(f.filename for f in files)
    if best is None:
        if any(not f.is_wheel for f in files):
            return None, BUILT
        return None, answer.problem or "no file for this platform"
    size = next(f.size for f in files if f.filename == best)
    return (size, "") if size is not None else (None, answer.problem or "the index gives no size")


def wheel_size(
    package: LockedPackage, env: TargetEnvironment, index_files: Mapping[tuple[str, str], IndexFiles]
) -> int | None:
    """The bytes of the wheel that installs here (the one an installer picks: the
    most specific tag), from the lock or from the index's files of this version."""
    return _sized(package, env, index_files)[0]


def _listed(items: list[str]) -> str:
    more = f", and {len(items) - SHOWN_NAMES} more" if len(items) > SHOWN_NAMES else ""
    return ", ".join(items[:SHOWN_NAMES]) + more


def detect_heavy(
    packages: tuple[LockedPackage, ...],
    env: TargetEnvironment,
    index_files: Mapping[tuple[str, str], IndexFiles],
) -> Finding:
    """The packages whose wheel for the image is HEAVY_BYTES or more. Those that
    compile here are named as such; those whose size is unknown, each with why."""
    sized = [(p, *_sized(p, env, index_files)) for p in packages if p.source.kind is SourceKind.INDEX]
    built = [p for p in packages if p.builds_from_source] + [p for p, _, why in sized if why == BUILT]
    unknown = [f"{p.pinned.replace('==', ' ')} ({why})" for p, size, why in sized if size is None and why != BUILT]
    heavy = sorted(
        ((size, p) for p, size, _ in sized if size and size >= HEAVY_BYTES), key=lambda sp: (-sp[0], sp[1].name)
    )
    names = [p.name for _, p in heavy]
    shown = ", ".join(f"{p.name} {size / 1e6:.0f} MB" for size, p in heavy) or "none"
    reason = f"wheels of {HEAVY_BYTES // 1_000_000} MB or more for this image: {shown}"
    if built:
        reason += f"; {BUILT}: {_listed(sorted(p.pinned.replace('==', ' ') for p in built))}"
    if unknown:
        return Finding(names, f"{reason}; sizes unknown for: {_listed(sorted(unknown))}", sure=False)
    return Finding(names, reason)


@dataclass(frozen=True)
class SystemNeed:
    """Debian packages a Python package needs: at run time, and to compile it."""

    runtime: tuple[str, ...]
    build: tuple[str, ...]
    reason: str
    # Needed only when the package is compiled here (no wheel: its wheel would bundle them).
    only_from_source: bool = False


# Binary wheels' needs: init cannot read every wheel's libraries cheaply, so these come
# from this table (and the build checks them: `install-python-deps libraries`). For a
# package compiled here, the runtime libraries are read from the wheel built in the
# wheel-build stage and installed with it: the table names only what compiling needs.
SYSTEM_NEEDS: dict[str, SystemNeed] = {
    "opencv-python": SystemNeed(
        ("libgl1", "libglib2.0-0", "libxcb1"), (), "OpenCV's GUI build links libGL, GLib (and from 5.0 libxcb)"
    ),
    "opencv-contrib-python": SystemNeed(
        ("libgl1", "libglib2.0-0", "libxcb1"), (), "OpenCV's GUI build links libGL, GLib (and from 5.0 libxcb)"
    ),
    "pytesseract": SystemNeed(("tesseract-ocr",), (), "pytesseract runs the tesseract program"),
    "psycopg2": SystemNeed(("libpq5",), ("libpq-dev",), "psycopg2 from source links libpq", True),
    "psycopg": SystemNeed(("libpq5",), (), "psycopg (without its binary extra) loads libpq"),
    "mysqlclient": SystemNeed(
        ("libmariadb3",), ("default-libmysqlclient-dev", "pkg-config"), "mysqlclient links libmariadb", True
    ),
    "python-magic": SystemNeed(("libmagic1",), (), "python-magic loads libmagic"),
    "pdf2image": SystemNeed(("poppler-utils",), (), "pdf2image runs poppler's pdftoppm"),
    "pyzbar": SystemNeed(("libzbar0",), (), "pyzbar loads libzbar"),
    "weasyprint": SystemNeed(("libpango-1.0-0", "libpangoft2-1.0-0"), (), "WeasyPrint loads Pango"),
    "pygraphviz": SystemNeed(("graphviz",), ("libgraphviz-dev",), "pygraphviz links Graphviz", True),
    "lxml": SystemNeed((), ("libxml2-dev", "libxslt1-dev"), "lxml from source compiles against libxml2", True),
    "python-ldap": SystemNeed(
        (), ("libldap-dev", "libsasl2-dev"), "python-ldap from source compiles against OpenLDAP and SASL", True
    ),
}
# Said of a package compiled here whose libraries the table knows.
FROM_THE_WHEEL = "; its runtime libraries are read from the wheel built here and installed with it: nothing to list"


def detect_system_packages(
    packages: tuple[LockedPackage, ...], env: TargetEnvironment
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """([(runtime package, reason)], [(build package, reason)]) for the locked set. The
    runtime libraries of packages compiled here are not listed: the build reads them
    from the wheels it compiles (ELF NEEDED entries, `dpkg -S`) and installs them."""
    runtime: dict[str, str] = {}
    build: dict[str, str] = {}
    for package in packages:
        need = SYSTEM_NEEDS.get(package.name)
        if need is None:
            continue
        compiled = locks.needs_build(package, env)
        if need.only_from_source and not compiled:
            continue
        if not need.only_from_source:
            for name in need.runtime:
                runtime.setdefault(name, need.reason)
        if compiled:
            for name in need.build:
                build.setdefault(name, need.reason + (FROM_THE_WHEEL if need.only_from_source else ""))
    return sorted(runtime.items()), sorted(build.items())


# --- the frontend and the groups --------------------------------------------------------------------


def detect_frontend(files: Mapping[str, str]) -> Finding:
    """A Vite app with a lock (package.json + package-lock.json) outside the backend."""
    for path, text in sorted(files.items()):
        if PurePosixPath(path).name != "package.json":
            continue
        folder = str(PurePosixPath(path).parent)
        if f"{folder}/package-lock.json".removeprefix("./") in files and '"vite"' in text:
            fits = f"{folder}/server.mjs".removeprefix("./") in files
            if fits:
                return Finding(folder, f"a Vite app with package-lock.json and server.mjs in {folder}/")
            return Finding(
                "", f"a Vite app in {folder}/, without the server.mjs warmbuild's frontend image serves with", False
            )
    return Finding("", "no frontend (package.json with Vite and a package-lock.json) found")


@dataclass
class GroupsFinding:
    optional: list[str] = field(default_factory=list)
    development: list[str] = field(default_factory=list)


def detect_groups(lock: locks.Lock) -> GroupsFinding:
    return GroupsFinding(sorted(lock.optional_groups), list(lock.development_groups))


def image_name(repository_folder: str) -> str:
    """The repository's folder name as an image name (lower case, [a-z0-9._-])."""
    name = re.sub(r"[^a-z0-9]+", "-", repository_folder.lower()).strip("-")
    return name or "app"
