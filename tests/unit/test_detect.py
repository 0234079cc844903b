"""`invoke init`'s detectors: tables of repository files -> the value, and the cases
where they must say "not sure" instead of guessing."""

from __future__ import annotations

import dataclasses
import re
import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest
import yaml
from fake_engine import FakeEngine
from support import DATA, REPO_ROOT

from warmbuild import detect, init, locks
from warmbuild.engine import Resolved, Unresolved
from warmbuild.errors import ConfigError, LockError
from warmbuild.locks import Artifact, LockedPackage, Source, SourceKind, TargetEnvironment

LINUX_313 = TargetEnvironment((3, 13, 0))
PYPROJECT = "[project]\nname = 'x'\nversion = '0'\n"


@pytest.mark.parametrize(
    "files, expected",
    [
        pytest.param({"poetry.lock": "", "pyproject.toml": PYPROJECT}, [(".", "poetry")], id="root-poetry"),
        pytest.param({"api/uv.lock": "", "api/pyproject.toml": PYPROJECT}, [("api", "uv")], id="sub-folder-uv"),
        pytest.param({"svc/requirements.txt": ""}, [("svc", "requirements")], id="requirements"),
        pytest.param({"uv.lock": ""}, [], id="uv-lock-without-pyproject"),
        pytest.param(
            {"poetry.lock": "", "uv.lock": "", "pyproject.toml": PYPROJECT}, [(".", "poetry")], id="poetry-wins"
        ),
        pytest.param(
            {"a/poetry.lock": "", "a/pyproject.toml": PYPROJECT, "b/requirements.txt": ""},
            [("a", "poetry"), ("b", "requirements")],
            id="two-apps",
        ),
        pytest.param(
            {"requirements.txt": "", "uv.lock": "", "pyproject.toml": PYPROJECT},
            [(".", "uv")],
            id="uv-lock-beats-requirements-as-the-build-reads-it",  # CTFd has both
        ),
    ],
)
def test_app_folders(files: dict[str, str], expected: list[tuple[str, str]]) -> None:
    assert [(f.folder, f.lock_kind) for f in detect.find_app_folders(files)] == expected


def test_no_lock_and_two_apps_are_errors_with_their_fix() -> None:
    with pytest.raises(LockError) as no_lock:
        detect.choose_app_folder({"README.md": ""})
    assert no_lock.value.exit_code == 3 and "`poetry lock`" in no_lock.value.fix
    two = {"a/poetry.lock": "", "a/pyproject.toml": PYPROJECT, "b/requirements.txt": ""}
    with pytest.raises(ConfigError) as ambiguous:
        detect.choose_app_folder(two)
    assert ambiguous.value.problem == "several apps with a lock: a, b"
    assert "warmbuild init --context a" in ambiguous.value.fix and ambiguous.value.exit_code == 2
    assert detect.choose_app_folder(two, "b").folder == "b"


APP_SOURCES = {
    "fastapi": (
        {
            "app/main.py": (
                "from fastapi import FastAPI\napp = FastAPI()\n\n"
                "@app.get('/healthz')\ndef healthz():\n    return {}\n\n"
                "if __name__ == '__main__':\n    import uvicorn\n    uvicorn.run(app, host='0.0.0.0', port=8080)\n"
            )
        },
        ("app.main", "app", "asgi", "/healthz", 8080),
    ),
    "starlette": (
        {
            "service/web.py": "from starlette.applications import Starlette\nfrom starlette.routing import Route\n"
            "application = Starlette(routes=[Route('/status', None)])\n"
        },
        ("service.web", "application", "asgi", "/status", None),
    ),
    "flask": (
        {
            "server.py": (
                "from flask import Flask\nweb = Flask(__name__)\n\n@web.route('/ping')\ndef ping():\n    return ''\n"
            )
        },
        ("server", "web", "wsgi", "/ping", None),
    ),
    "django": (
        {"site/asgi.py": "from django.core.asgi import get_asgi_application\napplication = get_asgi_application()\n"},
        ("site.asgi", "application", "asgi", "/health", None),
    ),
    "django-wsgi": (
        {"site/wsgi.py": "from django.core.wsgi import get_wsgi_application\napplication = get_wsgi_application()\n"},
        ("site.wsgi", "application", "wsgi", "/health", None),
    ),
}


@pytest.mark.parametrize("kind", list(APP_SOURCES))
def test_app_object_health_route_and_port(kind: str) -> None:
    sources, (module, attribute, interface, health, port) = APP_SOURCES[kind]
    app = detect.detect_app(sources)
    assert app.sure and isinstance(app.value, detect.AppObject)
    assert (app.value.module, app.value.attribute, app.value.interface) == (module, attribute, interface)
    assert detect.detect_health(app.value).value == health
    assert detect.detect_port(app.value).value == (port or 8000)


@pytest.mark.parametrize(
    "sources, reason",
    [
        pytest.param({"util.py": "x = 1\n"}, "no FastAPI, Starlette", id="none"),
        pytest.param(
            {
                "a.py": "from fastapi import FastAPI\na = FastAPI()\n",
                "b.py": "from fastapi import FastAPI\nb = FastAPI()\n",
            },
            "several app objects (a:a, b:b)",
            id="two-apps-neither-main",
        ),
    ],
)
def test_app_object_not_sure(sources: dict[str, str], reason: str) -> None:
    found = detect.detect_app(sources)
    assert not found.sure and reason in found.reason


@pytest.mark.parametrize(
    "sources, expected",
    [
        pytest.param(
            {"pkg/views.py": "views = Blueprint('views', __name__)\n@views.route('/healthcheck')\ndef h(): ...\n"},
            ("/healthcheck", True),
            id="a-flask-blueprint",  # CTFd's shape: the app comes from a factory
        ),
        pytest.param(
            {"api/utils.py": "router = APIRouter(prefix='/utils')\n@router.get('/health-check/')\ndef h(): ...\n"},
            ("/health-check", False),
            id="a-prefixed-router-is-a-guess",
        ),
        pytest.param(
            {"core/api.py": "api_router = APIRouter(tags=['Core'])\n@api_router.get('/api/v1/health')\ndef h(): ...\n"},
            ("/api/v1/health", True),
            id="a-versioned-api-route",  # lnbits
        ),
        pytest.param(
            {
                "svc/config.py": "app.router.add_route('GET', '/packages', p)\n"
                "app.router.add_route('GET', '/_health/', h)\n"
            },
            ("/_health", True),
            id="an-aiohttp-route",  # conveyor
        ),
        pytest.param(
            {"svc/app.py": "app.router.add_get('/__heartbeat__', h)\n"}, ("/__heartbeat__", True), id="aiohttp-add-get"
        ),
        pytest.param(
            {"svc/app.py": "app.router.add_route('POST', '/status', h)\n"}, ("/health", False), id="a-post-route-is-not"
        ),
        pytest.param(
            {"svc/app.py": "app.add_url_rule('/healthz', view_func=h)\n"}, ("/healthz", True), id="flask-url-rule"
        ),
        pytest.param({"pkg/views.py": "@views.route('/items')\ndef h(): ...\n"}, ("/health", False), id="none"),
    ],
)
def test_health_route_in_another_module(sources: dict[str, str], expected: tuple[str, bool]) -> None:
    found = detect.detect_health(None, sources)
    assert (found.value, found.sure) == expected


def test_health_route_not_sure_without_one() -> None:
    plain = detect.AppObject("app.main", "app", "FastAPI", "asgi", routes=("/items",))
    finding = detect.detect_health(plain)
    assert (finding.value, finding.sure) == ("/health", False)
    root = detect.AppObject("app.main", "app", "FastAPI", "asgi", routes=("/",))
    assert (detect.detect_health(root).value, detect.detect_health(root).sure) == ("/", False)


def package(name: str, *files: Artifact, kind: SourceKind = SourceKind.INDEX) -> LockedPackage:
    return LockedPackage(name, "1.0", files, Source(kind))


WHEEL = "{}-1.0-cp313-cp313-manylinux_2_17_x86_64.whl"
NEWER_GLIBC = "{}-1.0-cp313-cp313-manylinux_2_28_x86_64.whl"
WINDOWS = "{}-1.0-cp313-cp313-win_amd64.whl"
SDIST = "{}-1.0.tar.gz"


def index(name: str, *files: Artifact, problem: str = "") -> dict[tuple[str, str], locks.IndexFiles]:
    """What an index says of name 1.0 (its files of that version, or why none)."""
    return {(name, "1.0"): locks.IndexFiles(files, problem)}


@pytest.mark.parametrize(
    "packages, index_files, expected, sure, said",
    [
        pytest.param(
            [
                package("numpy", Artifact(WHEEL.format("numpy"), size=16_000_000)),
                package("idna", Artifact(WHEEL.format("idna"), size=70_000)),
            ],
            {},
            ["numpy"],
            True,
            "for this image: numpy 16 MB",
            id="sizes-from-the-lock",
        ),
        pytest.param(
            [package("torch"), package("six")],
            {
                **index(
                    "torch",
                    Artifact(WINDOWS.format("torch"), size=200_000_000),
                    Artifact(WHEEL.format("torch"), size=900_000_000),
                    Artifact(SDIST.format("torch"), size=1_000_000),
                ),
                **index("six", Artifact("six-1.0-py3-none-any.whl", size=11_000)),
            },
            ["torch"],
            True,
            "torch 900 MB",
            id="requirements-file-by-name-and-version",
        ),
        pytest.param(
            [package("pyarrow")],
            index(
                "pyarrow",
                Artifact(WHEEL.format("pyarrow"), size=9_000_000),
                Artifact(NEWER_GLIBC.format("pyarrow"), size=40_000_000),
            ),
            ["pyarrow"],
            True,
            "pyarrow 40 MB",
            id="the-wheel-the-installer-picks",
        ),
        pytest.param(
            [package("scipy", Artifact(WHEEL.format("scipy")))],
            index(
                "scipy",
                Artifact(WHEEL.format("scipy"), size=38_000_000),
                Artifact(NEWER_GLIBC.format("scipy"), size=1_000),
            ),
            ["scipy"],
            True,
            "scipy 38 MB",
            id="only-the-files-the-lock-names",
        ),
        pytest.param(
            [package("insightface", Artifact(SDIST.format("insightface"))), package("easydict")],
            index("easydict", Artifact(SDIST.format("easydict"), size=6_000)),
            [],
            True,
            "built from source: easydict 1.0, insightface 1.0",
            id="sdist-only-is-built-not-unknown",
        ),
        pytest.param(
            [package("tool", kind=SourceKind.GIT)],
            {},
            [],
            True,
            "built from source: tool 1.0",
            id="git-is-built",
        ),
        pytest.param(
            [package("torch"), package("x", Artifact(WHEEL.format("x"))), package("y")],
            {
                **index("torch", problem="index unreachable: cpu.index.example"),
                **index("y", Artifact(WHEEL.format("y")), problem="the index gives no size"),
            },
            [],
            False,
            "sizes unknown for: torch 1.0 (index unreachable: cpu.index.example), x 1.0 (not looked up), "
            "y 1.0 (the index gives no size)",
            id="unknown-sizes-by-name-and-why",
        ),
        pytest.param(
            [package("winonly")],
            index("winonly", Artifact(WINDOWS.format("winonly"), size=5)),
            [],
            False,
            "sizes unknown for: winonly 1.0 (no file for this platform)",
            id="no-file-for-this-platform",
        ),
    ],
)
def test_heavy_packages_by_wheel_size(
    packages: list[LockedPackage],
    index_files: dict[tuple[str, str], locks.IndexFiles],
    expected: list[str],
    sure: bool,
    said: str,
) -> None:
    finding = detect.detect_heavy(tuple(packages), LINUX_313, index_files)
    assert (finding.value, finding.sure) == (expected, sure)
    assert said in finding.reason


@pytest.mark.parametrize(
    "packages, runtime, build",
    [
        pytest.param(
            [package("opencv-python", Artifact(WHEEL.format("opencv")))],
            ["libgl1", "libglib2.0-0", "libxcb1"],
            [],
            id="opencv-gui",
        ),
        pytest.param([package("opencv-python-headless", Artifact(WHEEL.format("o")))], [], [], id="opencv-headless"),
        pytest.param(
            [package("pytesseract", Artifact("pytesseract-1.0-py3-none-any.whl"))], ["tesseract-ocr"], [], id="ocr"
        ),
        pytest.param(
            # Its runtime library (libpq5) is read from the wheel built here, not listed.
            [package("psycopg2", Artifact("psycopg2-1.0.tar.gz"))],
            [],
            ["libpq-dev"],
            id="psycopg2-sdist",
        ),
        pytest.param([package("psycopg2", Artifact(WHEEL.format("psycopg2")))], [], [], id="psycopg2-with-a-wheel"),
        pytest.param([package("python-magic", Artifact("m-1.0-py3-none-any.whl"))], ["libmagic1"], [], id="magic"),
        pytest.param([package("pdf2image", Artifact("p-1.0-py3-none-any.whl"))], ["poppler-utils"], [], id="pdf"),
    ],
)
def test_system_packages_from_the_table(packages: list[LockedPackage], runtime: list[str], build: list[str]) -> None:
    found_runtime, found_build = detect.detect_system_packages(tuple(packages), LINUX_313)
    assert [name for name, _ in found_runtime] == runtime
    assert [name for name, _ in found_build] == build
    assert all(reason for _, reason in found_runtime + found_build), "each with its reason"


def test_python_is_the_newest_with_wheels() -> None:
    lock = locks.read_lock(DATA / "real-locks" / "poetry1-immich-ml")  # python >=3.10,<4.0
    finding = detect.detect_python(lock, ["main"])
    # easydict and insightface are sdist-only everywhere; 3.13 lacks wheels of 15 more.
    assert finding.value == (3, 12), finding.reason
    assert finding.reason == "the Python with the fewest packages to compile (2); 3.13 would compile 17"


@pytest.mark.parametrize(
    "stated, expected",
    [
        pytest.param((3, 11), (3, 11), id="the-dockerfiles-python-where-the-lock-allows-it"),
        pytest.param((3, 9), (3, 12), id="not-one-the-lock-allows"),
    ],
)
def test_python_the_repositorys_dockerfile_states(stated: tuple[int, int], expected: tuple[int, int]) -> None:
    lock = locks.read_lock(DATA / "real-locks" / "poetry1-immich-ml")  # python >=3.10,<4.0
    finding = detect.detect_python(lock, ["main"], stated=detect.Finding(stated, "Dockerfile:1 FROM"))
    assert finding.value == expected


def test_python_from_a_compiled_requirements_file(tmp_path: Path) -> None:
    (tmp_path / "requirements.txt").write_text("# autogenerated by pip-compile with Python 3.11\nsix==1.16.0\n")
    lock = locks.read_lock(tmp_path)
    assert detect.detect_python(lock, ["main"], (tmp_path / "requirements.txt").read_text()).value == (3, 11)
    unknown = detect.detect_python(lock, ["main"], "six==1.16.0\n")
    assert (unknown.value, unknown.sure) == ((3, 13), False)


@dataclasses.dataclass
class EngineWithout(FakeEngine):
    """An engine whose registry has no image of these Pythons."""

    absent: tuple[str, ...] = ()

    def resolve_digest(self, image: str, mirrors: Sequence[str] = ()) -> Resolved | Unresolved:
        return Unresolved("manifest unknown") if image in self.absent else super().resolve_digest(image, mirrors)


@pytest.mark.parametrize(
    "compiled, absent, expected",
    [
        pytest.param((3, 11), (), (3, 11), id="its-own-python"),
        pytest.param((3, 12), ("python:3.12-slim",), (3, 11), id="conveyor-3.12-none-here-the-older-first"),
        pytest.param((3, 12), ("python:3.12-slim", "python:3.11-slim"), (3, 13), id="then-the-newer"),
        pytest.param((3, 10), ("python:3.10-slim",), (3, 11), id="the-nearest-not-the-newest"),
    ],
)
def test_a_requirements_file_gets_the_nearest_python_here(
    tmp_path: Path, compiled: tuple[int, int], absent: tuple[str, ...], expected: tuple[int, int]
) -> None:
    (tmp_path / "requirements.txt").write_text(
        f"# autogenerated by pip-compile with Python {compiled[0]}.{compiled[1]}\nsix==1.16.0\n"
    )
    found = init.detect_all(init.read_repository(tmp_path), tmp_path, "", EngineWithout(absent=absent), lambda *_: {})
    assert found.values["python_image"] == f"python:{expected[0]}.{expected[1]}-slim"
    assert any(line.startswith("python_image:") for line in found.unsure) == (expected != compiled)


def test_a_requirements_file_for_no_python_here_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "requirements.txt").write_text("# autogenerated by pip-compile with Python 3.12\nsix==1.16.0\n")
    absent = tuple(f"python:{a}.{b}-slim" for a, b in detect.PYTHONS)
    with pytest.raises(
        ConfigError, match=re.escape("python:3.12-slim, python:3.11-slim, python:3.13-slim, python:3.10-slim")
    ):
        init.detect_all(init.read_repository(tmp_path), tmp_path, "", EngineWithout(absent=absent), lambda *_: {})


def test_a_lock_for_no_known_python_is_an_error(tmp_path: Path) -> None:
    shutil.copytree(DATA / "apps" / "compiled-app", tmp_path / "app")
    lock = locks.read_lock(tmp_path / "app")
    old = lock.__class__(**{**lock.__dict__, "requires_python": "<3.9"})
    with pytest.raises(LockError, match="the lock allows no Python warmbuild knows an image for"):
        detect.detect_python(old, ["main"])


@pytest.mark.parametrize(
    "files, context, sure",
    [
        pytest.param(
            {
                "web/package.json": '{"devDependencies": {"vite": "^6"}}',
                "web/package-lock.json": "{}",
                "web/server.mjs": "",
            },
            "web",
            True,
            id="vite-app-that-fits",
        ),
        pytest.param(
            {"web/package.json": '{"devDependencies": {"vite": "^6"}}', "web/package-lock.json": "{}"},
            "",
            False,
            id="vite-app-without-server",
        ),
        pytest.param({"web/package.json": '{"dependencies": {"react": "^19"}}'}, "", True, id="no-vite"),
    ],
)
def test_frontend(files: dict[str, str], context: str, sure: bool) -> None:
    finding = detect.detect_frontend(files)
    assert (finding.value, finding.sure) == (context, sure)


def test_init_writes_a_commented_config_that_warmbuild_reads(tmp_path: Path) -> None:
    """The whole detection on the example repository, without an engine: every key
    it writes is one the options model accepts, with its reason above it."""
    for folder in ("backend", "frontend"):
        shutil.copytree(REPO_ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("node_modules"))
    sizes = {"numpy": 16_000_000, "scipy": 37_000_000, "opencv-python-headless": 50_000_000}
    found = init.detect_all(init.read_repository(tmp_path), tmp_path, "", None, lambda *_: {})
    assert found.values["context"] == "backend" and found.values["app"] == "app.main:app"
    assert found.values["python_image"] == "python:3.13-slim" and found.values["health_path"] == "/health"
    assert found.values["frontend"] == {"context": "frontend"}
    assert "heavy" in " ".join(found.unsure), "no sizes known: init says so"
    found = init.detect_all(init.read_repository(tmp_path), tmp_path, "", None, lambda p, *_: _by_file(p, sizes))
    assert found.values["heavy"] == ["opencv-python-headless", "scipy", "numpy"]
    plan = init.plan_init(tmp_path, found, force=False)
    config_text = plan.files[tmp_path / "warmbuild.yaml"]
    parsed = yaml.safe_load(config_text)
    from warmbuild.options import parse_config

    assert parse_config(parsed, Path("warmbuild.yaml")).heavy == ("opencv-python-headless", "scipy", "numpy")
    assert "# wheels of 10 MB or more for this image: opencv-python-headless 50 MB" in config_text
    assert plan.files[tmp_path / "tasks.py"] == init.TASKS_PY
    (tmp_path / "warmbuild.yaml").write_text("name: mine\n")
    with pytest.raises(ConfigError, match="already exists"):
        init.plan_init(tmp_path, found, force=False)


def test_init_takes_what_the_repositorys_dockerfile_says_over_its_guesses(tmp_path: Path) -> None:
    """The example backend with a Dockerfile of its own: the server, app, workers, port,
    env and writable folder it states are what init writes, each citing its line, and
    the options model accepts them."""
    shutil.copytree(REPO_ROOT / "backend", tmp_path / "backend")
    (tmp_path / "backend" / "Dockerfile").write_text(
        "FROM python:3.13-slim\nENV DATA_DIR=/app/data\nVOLUME /app/data\nEXPOSE 9000\n"
        'CMD ["gunicorn", "app.main:app", "-k", "uvicorn.workers.UvicornWorker", "-w", "3", "-b", ":9000"]\n'
    )
    found = init.detect_all(init.read_repository(tmp_path), tmp_path, "", None, lambda *_: {})
    stated = {key: found.values[key] for key in ("server", "app", "interface", "workers", "port", "env", "writable")}
    assert stated == {
        "server": "gunicorn",
        "app": "app.main:app",
        "interface": "asgi",
        "workers": 3,
        "port": 9000,
        "env": {"DATA_DIR": "/app/data"},
        "writable": ["/app/data"],
    }
    assert found.reasons["workers"].startswith("backend/Dockerfile:5 CMD")
    config_text = init.plan_init(tmp_path, found, force=False).files[tmp_path / "warmbuild.yaml"]
    from warmbuild.options import parse_config

    config = parse_config(yaml.safe_load(config_text), Path("warmbuild.yaml"))
    assert (config.server, config.workers, config.port, config.writable) == ("gunicorn", 3, 9000, ("/app/data",))


def test_an_app_under_src_is_imported_from_there(tmp_path: Path) -> None:
    shutil.copytree(REPO_ROOT / "backend", tmp_path / "backend")
    (tmp_path / "backend" / "src").mkdir()
    (tmp_path / "backend" / "app").rename(tmp_path / "backend" / "src" / "app")
    found = init.detect_all(init.read_repository(tmp_path), tmp_path, "", None, lambda *_: {})
    assert (found.values["app"], found.values["import_root"]) == ("app.main:app", "src")


def test_a_dockerfiles_app_under_src_is_imported_from_there(tmp_path: Path) -> None:
    """fastapi-boilerplate's shape: `COPY ./src/app /code/app`, then `uvicorn app.main:app`."""
    shutil.copytree(REPO_ROOT / "backend", tmp_path / "backend")
    (tmp_path / "backend" / "src").mkdir()
    (tmp_path / "backend" / "app").rename(tmp_path / "backend" / "src" / "app")
    (tmp_path / "backend" / "app.py").unlink(missing_ok=True)
    (tmp_path / "backend" / "Dockerfile").write_text(
        'FROM python:3.13-slim\nWORKDIR /code\nCOPY ./src/app /code/app\nCMD ["uvicorn", "app.main:app"]\n'
    )
    found = init.detect_all(init.read_repository(tmp_path), tmp_path, "", None, lambda *_: {})
    assert (found.values["app"], found.values["import_root"]) == ("app.main:app", "src")
    assert found.reasons["import_root"] == "app is src/app (a src layout)"


def _by_file(packages: list[LockedPackage], sizes: dict[str, int]) -> dict[tuple[str, str], locks.IndexFiles]:
    """The index's answers: the lock's files of each package, with the given sizes."""
    return {
        (p.name, p.version): locks.IndexFiles(tuple(Artifact(f.filename, f.hash, sizes[p.name]) for f in p.files))
        for p in packages
        if p.name in sizes
    }


def test_ci_files_are_rendered_with_the_install_line_and_lock_paths() -> None:
    rendered = init.ci_files("github", '"warmbuild==1.2.3"', ["api/poetry.lock", "api/pyproject.toml"], "trunk")
    assert set(rendered) == {
        ".github/workflows/warm-cache.yml",
        ".github/workflows/warm-cache-on-lock-change.yml",
        ".github/workflows/pull-request.yml",
    }
    text = "\n".join(rendered.values())
    assert 'pip install "warmbuild==1.2.3"' in text and "{{" not in text.replace("${{", "")
    assert 'paths: ["api/poetry.lock", "api/pyproject.toml"]' in text and "branches: [trunk]" in text
    with pytest.raises(ConfigError, match="--ci 'jenkins' is not one of github, gitlab"):
        init.ci_files("jenkins", "", [], "main")


@pytest.mark.parametrize(
    ("files", "note"),
    [
        ({}, "warmbuild's list (no .dockerignore in the repository)"),
        ({".dockerignore": "*.log\n"}, ".dockerignore, plus what never belongs"),
        ({".dockerignore": "", "backend/.dockerignore": "data\n"}, "backend/.dockerignore, plus what never belongs"),
    ],
)
def test_init_says_which_dockerignore_the_builds_use(tmp_path: Path, files: dict[str, str], note: str) -> None:
    shutil.copytree(REPO_ROOT / "backend", tmp_path / "backend")
    for path, text in files.items():
        (tmp_path / path).write_text(text)
    found = init.detect_all(init.read_repository(tmp_path), tmp_path, "", None, lambda *_: {})
    config_text = init.plan_init(tmp_path, found, force=False).files[tmp_path / "warmbuild.yaml"]
    assert note in " ".join(line.lstrip("# ") for line in config_text.splitlines()[:5])


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        pytest.param(
            {"docker-compose.yml": "services:\n  web: {build: .}\n  worker: {build: .}\n  db: {image: postgres:13}\n"},
            {"compose_file": "docker-compose.yml"},
            id="api-and-worker-built-here",
        ),
        pytest.param(
            {"compose.yaml": "services:\n  web: {build: ./elsewhere}\n  db: {image: postgres:13}\n"},
            None,
            id="nothing-built-from-the-app",
        ),
        pytest.param({"compose.yaml": "services: [x"}, None, id="not-yaml"),
        pytest.param({}, None, id="no-compose-file"),
        pytest.param(
            {"Procfile": "release: python manage.py migrate --noinput\nweb: gunicorn app.main:app\n"},
            {"release": "python manage.py migrate --noinput"},
            id="procfile-release",
        ),
        pytest.param(
            {"compose.yaml": "services:\n  web: {build: .}\n", "Procfile": "release: alembic upgrade head\n"},
            {"compose_file": "compose.yaml", "release": "alembic upgrade head"},
            id="compose-file-and-procfile-release",
        ),
    ],
)
def test_init_names_the_teams_compose_file_for_dev_up(
    tmp_path: Path, files: dict[str, str], expected: dict[str, str] | None
) -> None:
    shutil.copytree(REPO_ROOT / "backend", tmp_path / "backend")
    for path, text in files.items():
        (tmp_path / "backend" / path).write_text(text)
    root = tmp_path / "backend"
    found = init.detect_all(init.read_repository(root), root, "", None, lambda *_: {})
    assert found.values.get("dev") == expected


@pytest.mark.parametrize(
    "sources, expected",
    [
        pytest.param(
            {"src/app/core/logger.py": "import os\nLOG_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "
             "'logs')\nif not os.path.exists(LOG_DIR):\n    os.makedirs(LOG_DIR)\n"},
            ["src/app/logs"],
            id="fastapi-boilerplate's logger",
        ),
        pytest.param(
            {"pkg/a.py": "from pathlib import Path\nBASE = Path(__file__).resolve().parent\n"
             "(BASE / 'cache').mkdir(exist_ok=True)\n"},
            ["pkg/cache"],
            id="pathlib",
        ),
        pytest.param({"pkg/a.py": "import os\nos.makedirs(os.environ['DATA'])\nos.makedirs('/tmp/x')\n"}, [],
                     id="not beside the code"),
    ],
)  # fmt: skip
def test_folders_the_code_makes_beside_itself(sources: dict[str, str], expected: list[str]) -> None:
    assert [folder for folder, _ in detect.detect_made_folders(sources)] == expected


def test_init_follows_the_lock_and_extras_the_dockerfile_installs(tmp_path: Path) -> None:
    """lnbits (MIT, tests/data/services/lnbits.ORIGIN.md): poetry.lock beside the uv.lock
    its Dockerfile syncs with --all-extras, its own console script as the command."""
    shutil.copytree(DATA / "services" / "lnbits", tmp_path / "lnbits")
    found = init.detect_all(init.read_repository(tmp_path / "lnbits"), tmp_path / "lnbits", "", None, lambda *_: {})
    assert found.values["lock"] == "uv" and found.reasons["lock"].startswith("Dockerfile:18 RUN uv sync --all-extras")
    assert found.values["groups"] == ["breez", "liquid", "migration"]
    assert found.values["install_project"] is True
    assert found.values["command"] == [
        "sh",
        "-c",
        "lnbits --port $LNBITS_PORT --host $LNBITS_HOST --forwarded-allow-ips='*'",
    ]
    assert found.values["writable"] == ["data"]
