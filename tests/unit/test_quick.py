"""The quick answer's safety, as tables: which commands it may stand in for, what
counts as a change (each kind of input), when a run leaves no record, and what it
prints and writes when nothing changed."""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from warmbuild import quick, replay
from warmbuild.plan import packaged


@pytest.mark.parametrize(
    ("args", "kept"),
    [
        (["build-prod"], ["build-prod"]),
        (["build-prod", "--branch", "main", "--json", "r.json"], ["build-prod", "--branch", "main"]),
        (["build-dev", "--json=r.json", "--push"], ["build-dev", "--push"]),
        (["build-prod", "--rebuild"], None),
        (["build-prod", "--debug"], None),
        (["build-prod", "--help"], None),
        (["dev-up", "--services", "backend"], ["dev-up", "--services", "backend"]),
        (["dev-up", "--follow"], None),
        (["dev-up", "--watch"], None),  # it stays to watch: a recorded answer would exit
        (["dev-up", "-w", "--services", "web"], None),
        (["gc", "--purge"], None),
        ([], None),
    ],
)
def test_which_commands_a_quick_answer_may_stand_in_for(args: list[str], kept: list[str] | None) -> None:
    assert quick.task_args(args) == kept


def stat_of(n: int) -> list[int]:
    return [n, n, 100, n, 0o100644]


RECORD: dict[str, Any] = {
    "version": quick.VERSION,
    "env": {"DOCKER_HOST": None, "GITHUB_REF_NAME": "main", "PATH": "/usr/bin"},
    "files": [
        ["/repo/warmbuild.yaml", *stat_of(1)],
        ["/repo/backend/poetry.lock", *stat_of(2)],
        ["/repo/backend/.dockerignore"],  # absent when recorded
        ["/repo/backend/pyproject.toml", *stat_of(3)],
        ["/repo/backend/app/main.py", *stat_of(4)],
        ["/repo/Dockerfile", *stat_of(5)],
        ["/venv/lib/python3.13/site-packages/warmbuild/docker/install-python-deps.sh", *stat_of(6)],
    ],
    "folders": [["/repo", ["backend", "warmbuild.yaml"]], ["/repo/backend", ["app", "poetry.lock"]]],
    "outputs": ["/repo/report.json"],
    "contents": [["/home/u/.docker/buildx/current", "sha256-of-it"]],
    "manifests": [["http://127.0.0.1:5000/v2/library/python/manifests/3.13-slim", "accept", "sha256:base"]],
    "images": [["127.0.0.1:5000/app/prod:main", "sha256:prod"]],
    "containers": [["c1", "c2"]],
    "report": {"wall_seconds": 0.4, "builds": [{"target": "prod", "outcome": "unchanged", "image": "x"}]},
}


def probe(**changed: Any) -> quick.Probe:
    """The present as recorded, but for ``changed``: files (path -> stat), env,
    manifests (url -> digest), images (name -> id)."""
    files = {row[0]: tuple(row[1:]) or None for row in RECORD["files"]} | changed.get("files", {})
    folders = {row[0]: row[1] for row in RECORD["folders"]} | changed.get("folders", {})
    contents = {row[0]: row[1] for row in RECORD["contents"]} | changed.get("contents", {})
    env = {k: v for k, v in RECORD["env"].items() if v is not None} | changed.get("env", {})
    manifests = {row[0]: row[2] for row in RECORD["manifests"]} | changed.get("manifests", {})
    images = {row[0]: row[1] for row in RECORD["images"]} | changed.get("images", {})
    stopped = changed.get("stopped", set())
    return quick.Probe(
        stat=lambda path: files.get(path),
        names=lambda path: folders.get(path),
        content=lambda path: contents.get(path),
        environ=lambda: env,
        manifest=lambda url, _accept: manifests.get(url),
        image_id=lambda image: images.get(image),
        containers_healthy=lambda ids: not stopped & set(ids),
    )


SCRIPT = RECORD["files"][6][0]
BASE_URL = RECORD["manifests"][0][0]
PROD = RECORD["images"][0][0]


@pytest.mark.parametrize(
    ("present", "change"),
    [
        (probe(), None),
        (probe(files={"/repo/warmbuild.yaml": (9, 9, 100, 1, 0o100644)}), "file /repo/warmbuild.yaml"),
        (probe(files={"/repo/backend/poetry.lock": (2, 5, 100, 2, 0o100644)}), "file /repo/backend/poetry.lock"),
        (probe(files={"/repo/backend/poetry.lock": (2, 2, 100, 2, 0o100755)}), "file /repo/backend/poetry.lock"),
        (probe(files={"/repo/backend/poetry.lock": None}), "file /repo/backend/poetry.lock"),
        (probe(files={"/repo/backend/.dockerignore": stat_of(7)}), "file /repo/backend/.dockerignore"),
        (probe(files={"/repo/backend/pyproject.toml": stat_of(8)}), "file /repo/backend/pyproject.toml"),
        (probe(files={"/repo/backend/app/main.py": stat_of(8)}), "file /repo/backend/app/main.py"),
        (probe(files={"/repo/Dockerfile": stat_of(8)}), "file /repo/Dockerfile"),
        (probe(files={SCRIPT: stat_of(8)}), f"file {SCRIPT}"),
        (probe(folders={"/repo/backend": ["app", "poetry.lock", "uv.lock"]}), "folder /repo/backend"),
        (probe(folders={"/repo/backend": ["app"]}), "folder /repo/backend"),
        (probe(folders={"/repo": ["backend", "report.json", "warmbuild.yaml"]}), None),
        (probe(folders={"/repo": ["backend", "other.json", "warmbuild.yaml"]}), "folder /repo"),
        (probe(contents={"/home/u/.docker/buildx/current": "other"}), "file /home/u/.docker/buildx/current"),
        (probe(env={"GITHUB_REF_NAME": "feature"}), "environment variable GITHUB_REF_NAME"),
        (probe(env={"WARMBUILD_QUICK_DEBUG": "1"}), None),
        (probe(env={"DOCKER_HOST": "tcp://elsewhere:2375"}), "environment variable DOCKER_HOST"),
        (probe(env={"DOCKER_CONTEXT": "remote"}), "environment variable DOCKER_CONTEXT"),
        (probe(manifests={BASE_URL: "sha256:moved"}), f"registry answer {BASE_URL}"),
        (probe(manifests={BASE_URL: None}), f"registry answer {BASE_URL}"),
        (probe(images={PROD: None}), f"image {PROD}"),
        (probe(images={PROD: "sha256:retagged"}), f"image {PROD}"),
        (probe(stopped={"c2"}), "the dev stack's containers"),
    ],
    ids=[
        "nothing",
        "config edited",
        "lock touched",
        "lock chmod",
        "lock deleted",
        "dockerignore added",
        "pyproject edited",
        "a context file edited",
        "their Dockerfile edited",
        "the install script changed (another warmbuild)",
        "a file added to a folder",
        "a file removed from a folder",
        "the recorded report written there",
        "another file written there",
        "another buildx builder",
        "branch variable",
        "asking why",
        "engine elsewhere",
        "new docker variable",
        "base tag moved",
        "registry unreachable",
        "image deleted",
        "image retagged",
        "dev stack: a container stopped or unhealthy",
    ],
)
def test_every_kind_of_input_makes_it_fall_through(present: quick.Probe, change: str | None) -> None:
    assert quick.first_change(RECORD, present) == change


def recording(tmp_path: Path, **changes: Any) -> quick.Recording:
    (tmp_path / "warmbuild.yaml").write_text("name: app\n")
    found = quick.Recording(["build-prod"], files={str(tmp_path / "warmbuild.yaml")})
    found.started_ns = time.time_ns() + 60_000_000_000  # the files count as old
    for name, value in changes.items():
        setattr(found, name, value)
    return found


SKIPPED: dict[str, object] = {"builds": [{"target": "prod", "skipped": True}]}


@pytest.mark.parametrize(
    ("changes", "report", "kept"),
    [
        ({}, SKIPPED, True),
        ({"docker": [("image", "inspect", "--format", "{{.Id}}", "x")]}, SKIPPED, True),
        ({"docker": [("buildx", "imagetools", "inspect", "x")]}, SKIPPED, False),
        ({"docker": [("buildx", "build", "--progress=rawjson")]}, SKIPPED, False),
        ({"manifests": {("http://r/v2/a/manifests/t", "accept"): None}}, SKIPPED, False),
        ({}, {"builds": [{"target": "prod", "skipped": False}]}, False),
        ({}, {"builds": []}, False),
        ({"containers": [(["c1"], True)]}, SKIPPED, True),
        ({"containers": [(["c1"], False)]}, SKIPPED, False),
        ({"docker": [("compose", "--project-name", "x", "up")]}, SKIPPED, False),
        ({"started_ns": 0}, SKIPPED, False),
    ],
    ids=[
        "nothing to do",
        "image inspect: replayed",
        "buildx imagetools: not replayable",
        "a build ran",
        "registry could not tell",
        "something was built",
        "no builds",
        "dev stack up and healthy",
        "dev stack not healthy",
        "compose up ran",
        "files changed since the run started",
    ],
)
def test_only_a_run_with_nothing_to_do_and_checkable_answers_leaves_a_record(
    tmp_path: Path, changes: dict[str, Any], report: dict[str, object], kept: bool
) -> None:
    record = quick._record(recording(tmp_path, **changes), report, str(tmp_path))
    assert isinstance(record, dict) is kept, record


def test_a_file_changed_during_the_run_leaves_no_record(tmp_path: Path) -> None:
    found = recording(tmp_path)
    found.started_ns = time.time_ns()  # warmbuild.yaml was written just now
    assert isinstance(quick._record(found, SKIPPED, str(tmp_path)), str)


def test_the_record_holds_what_the_build_read_and_what_stands_around_it(tmp_path: Path) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "main.py").write_text("")
    (tmp_path / ".warmbuild").mkdir()
    listed = {str(tmp_path / "app"): ["main.py"], str(tmp_path / ".warmbuild"): []}
    found = recording(tmp_path, folders=listed)
    record = quick._record(found, SKIPPED, str(tmp_path))
    assert isinstance(record, dict), record
    paths = {row[0] for row in record["files"]} | {row[0] for row in record["folders"]}  # type: ignore[attr-defined]
    package = Path(quick.__file__).parent
    assert {
        str(tmp_path / "warmbuild.yaml"),  # read
        str(tmp_path / "app" / "main.py"),  # in a folder the build walked (stat only)
        str(tmp_path),  # the folder of what it read: a file added there moves it
        str(package / "docker" / "install-python-deps.sh"),  # warmbuild's own data
        str(package / "plan.py"),  # and code
    } <= paths
    assert not any(".warmbuild" in path for path in paths), "warmbuild's own state is no input"


@pytest.mark.parametrize(
    ("mode", "flags", "read"),
    [("r", 0, True), ("rb", 0, True), ("w", 0, False), ("a", 0, False), ("r+", 0, False), (None, os.O_RDONLY, True)],
)
def test_only_files_opened_for_reading_are_inputs(mode: str | None, flags: int, read: bool) -> None:
    found = quick.Recording(["build-prod"])
    found.on_event("open", ("/repo/file", mode, flags))
    assert (found.files == {"/repo/file"}) is read


def test_a_quick_answer_prints_and_writes_the_recorded_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(quick.FOLDER_VARIABLE, str(tmp_path / "records"))
    args = ["build-prod", "--branch", "main"]
    path = Path(quick.record_path(args))
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(RECORD))

    assert quick.answer([*args, "--json", str(tmp_path / "r.json")], probe()) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("nothing changed since the last build: not built (checked 7 files, 2 folders")
    written = json.loads((tmp_path / "r.json").read_text())
    assert written["builds"] == RECORD["report"]["builds"] and written["wall_seconds"] < 0.4

    assert quick.answer(args, probe(images={PROD: None})) is None, "a change: the full path"
    assert quick.answer(["build-prod", "--branch", "other"], probe()) is None, "no record for these arguments"
    path.write_text("{not json")
    assert quick.answer(args, probe()) is None, "an unreadable record: the full path"


def test_a_file_added_to_a_walked_folder_during_the_run_leaves_no_record(tmp_path: Path) -> None:
    (tmp_path / "app").mkdir()
    found = recording(tmp_path, folders={str(tmp_path / "app"): []})  # empty when the build walked it
    (tmp_path / "app" / "late.py").write_text("")
    found.started_ns = time.time_ns() + 60_000_000_000  # even if the file looks old
    assert isinstance(quick._record(found, SKIPPED, str(tmp_path)), str)


def test_the_report_written_beside_the_inputs_is_no_input(tmp_path: Path) -> None:
    found = recording(tmp_path)
    (tmp_path / "report.json").write_text("{}")
    record = quick._record(found, SKIPPED, str(tmp_path), output=str(tmp_path / "report.json"))
    assert isinstance(record, dict) and record["outputs"] == [str(tmp_path / "report.json")]
    assert [str(tmp_path), ["warmbuild.yaml"]] in record["folders"]  # type: ignore[operator]


def test_records_are_kept_for_the_newest_hundred_commands(tmp_path: Path) -> None:
    for index in range(quick.KEEP_RECORDS + 5):
        record = tmp_path / f"{index:03}.json"
        record.write_text("{}")
        os.utime(record, ns=(index * 1_000_000_000, index * 1_000_000_000))
    quick._prune(str(tmp_path))
    assert sorted(path.name for path in tmp_path.iterdir())[0] == "005.json"
    assert len(list(tmp_path.iterdir())) == quick.KEEP_RECORDS


def test_the_import_systems_listings_are_not_the_builds(tmp_path: Path) -> None:
    """`python -m warmbuild` puts the working folder on sys.path: the import system
    lists it, which says nothing about the build's inputs."""
    found = quick.Recording(["build-prod"])
    code = compile(
        "def fill_cache(r, p):\n    r.on_event('os.listdir', (p,))\n", "<frozen importlib._bootstrap_external>", "exec"
    )
    importer: dict[str, Any] = {}
    exec(code, importer)  # a function whose code says it is the import system's
    importer["fill_cache"](found, str(tmp_path))
    assert found.folders == {}
    found.on_event("os.listdir", (str(tmp_path),))  # the build walking a folder
    assert found.folders == {str(tmp_path): []} and not found.broken


def test_an_app_inside_a_folder_named_like_the_state_folder_is_still_followed(tmp_path: Path) -> None:
    """Only this configuration's own `.warmbuild` folder is state (the benchmark builds
    apps under `.warmbuild/bench/…`): a record without the app's files would vouch for
    any edit."""
    root = tmp_path / ".warmbuild" / "bench" / "app"
    root.mkdir(parents=True)
    record = quick._record(recording(root), SKIPPED, str(root))
    assert isinstance(record, dict), record
    assert [str(root / "warmbuild.yaml"), *quick.file_stat(str(root / "warmbuild.yaml"))] in record["files"]  # type: ignore[operator, misc]


def test_a_run_whose_reads_were_not_followed_leaves_no_record(tmp_path: Path) -> None:
    found = recording(tmp_path, files=set())
    assert quick._record(found, SKIPPED, str(tmp_path)) == "none of what it read was followed"


@pytest.mark.parametrize(
    ("path", "kept"),
    [
        ("/repo/app/main.py", True),
        ("/repo/vendor/site-packages/lib.py", True),  # the app's own, whatever its name
        ("/repo/.warmbuild/app/prod/metadata.json", False),
        ("/repo/.warmbuild", False),
        ("/elsewhere/.venv/lib/python3.13/site-packages/yaml/__init__.py", False),
        ("/proc/self/status", False),
        ("/tmp/warmbuild-facts/0-abc.json", False),
        ("/etc/invoke.yaml", True),
        ("/repo/src/pkg/__pycache__/mod.cpython-313.pyc", False),
        ("/repo/src/pkg/__pycache__", False),
    ],
)
def test_what_counts_as_an_input(path: str, kept: bool) -> None:
    assert (quick._inputs({path}, "/repo/.warmbuild") == {path}) is kept


def test_a_venv_made_in_the_repository_root_hides_nothing_of_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "prefix", "/repo")
    assert quick._inputs({"/repo/app/main.py"}, "/repo/.warmbuild") == {"/repo/app/main.py"}
    monkeypatch.setattr(sys, "prefix", "/repo/.venv")
    assert quick._inputs({"/repo/.venv/lib/x.py", "/repo/app/main.py"}, "/repo/.warmbuild") == {"/repo/app/main.py"}


def test_warmbuild_s_own_dockerfiles_and_install_script_are_inputs_of_every_record() -> None:
    own = quick._own_files()
    for name in ("python-app.Dockerfile", "install-python-deps.sh", "frontend.Dockerfile"):
        assert str(packaged(name)) in own, name
    assert not any("__pycache__" in path for path in own)


CODE = "/repo/backend/app/main.py"
REPLAYABLE: dict[str, Any] = {**RECORD, "changeable": [CODE], "replay": [{"context": "/repo/backend"}]}


@pytest.mark.parametrize(
    ("present", "outcome"),
    [
        (probe(files={CODE: stat_of(9)}), "built again as planned"),
        (probe(files={CODE: stat_of(9), "/repo/backend/pyproject.toml": stat_of(9)}), "planned"),
        (probe(files={CODE: None}), "planned"),
        (probe(files={CODE: stat_of(9)}, folders={"/repo/backend": ["app", "new.py", "poetry.lock"]}), "planned"),
        (probe(files={CODE: stat_of(9)}, images={PROD: "sha256:retagged"}), "planned"),
        (probe(), "unchanged"),
    ],
    ids=["code edited", "code and pyproject", "code deleted", "a file added", "image retagged", "nothing changed"],
)
def test_a_code_edit_alone_builds_again_as_planned_anything_more_plans(
    present: quick.Probe, outcome: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only files of a replayable build's context that the plan never read changed (and
    are still there): that build runs again as planned; anything more: the full path."""
    monkeypatch.setenv(quick.FOLDER_VARIABLE, str(tmp_path))
    args = ["build-prod", "--branch", "main"]
    Path(quick.record_path(args)).write_text(json.dumps(REPLAYABLE))
    replayed: list[object] = []

    def run_again(*given: object) -> int:
        replayed.append(given)
        return 0

    monkeypatch.setattr(replay, "answer", run_again)
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        code = quick.answer(args, present)
    found = "built again as planned" if replayed else "unchanged" if code == 0 else "planned"
    assert found == outcome, printed.getvalue()
    assert code == (None if outcome == "planned" else 0)


def test_the_record_names_the_code_a_replayable_build_may_run_again_for(tmp_path: Path) -> None:
    context = tmp_path / "backend"
    (context / "app").mkdir(parents=True)
    for name in ("app/main.py", "pyproject.toml"):
        (context / name).write_text("")
    listed = {str(context): ["app", "pyproject.toml"], str(context / "app"): ["main.py"]}
    found = recording(tmp_path, folders=listed, replayable=[{"context": str(context)}])
    found.files.add(str(context / "pyproject.toml"))  # the plan read it: a change of it plans again
    record = quick._record(found, SKIPPED, str(tmp_path))
    assert isinstance(record, dict), record
    assert record["changeable"] == [str(context / "app"), str(context / "app" / "main.py")]
    assert record["replay"] == [{"context": str(context)}]
    assert quick._record(recording(tmp_path, folders=listed), SKIPPED, str(tmp_path))["changeable"] == []  # type: ignore[index]
