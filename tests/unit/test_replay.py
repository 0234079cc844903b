"""A code edit built again as planned (`replay`): the record it leaves for the next
run and the report it gives, without an engine (tests/engine/test_nothing_changed.py
runs it for real)."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from warmbuild import quick, replay
from warmbuild.progress import BuildProgress

PROD = "127.0.0.1:5000/app/prod:main"
CODE = "/repo/backend/app/main.py"
RECORD: dict[str, Any] = {
    "files": [["/repo/warmbuild.yaml", 1, 1, 10, 1, 0o100644], [CODE, 2, 2, 20, 2, 0o100644]],
    "images": [[PROD, "sha256:old"]],
    "report": {
        "wall_seconds": 0.4,
        "builds": [
            {"target": "deps", "image": "127.0.0.1:5000/app/deps:abc", "outcome": "reused from the registry"},
            {"target": "prod", "image": PROD, "outcome": "unchanged", "skipped": True, "steps": []},
        ],
    },
}
ARGS = ["build-prod", "--branch", "main"]


@pytest.fixture
def stored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(quick.FOLDER_VARIABLE, str(tmp_path))
    path = Path(quick.record_path(ARGS))
    path.write_text(json.dumps(RECORD))
    return path


def test_the_record_then_stands_for_the_edited_code_and_the_new_image(stored: Path) -> None:
    edited = (5, 5, 30, 3, 0o100644)  # changed long before the run
    replay._renew(ARGS, json.loads(stored.read_text()), {CODE: edited}, time.time_ns(), PROD, "sha256:new")
    record = json.loads(stored.read_text())
    assert record["files"] == [RECORD["files"][0], [CODE, *edited]]
    assert record["images"] == [[PROD, "sha256:new"]]
    assert record["report"] == RECORD["report"], "the next run with nothing to do reports it unchanged"


@pytest.mark.parametrize("edited", [None, "just now"])
def test_code_changed_just_before_the_run_or_gone_leaves_no_record(stored: Path, edited: str | None) -> None:
    """A file changed within quick.RACY_NS of the run may change again unseen (file
    times are coarse): the next run plans."""
    started = time.time_ns()
    stat = None if edited is None else (started, started - 1, 30, 3, 0o100644)
    replay._renew(ARGS, json.loads(stored.read_text()), {CODE: stat}, started, PROD, "sha256:new")
    assert not stored.exists()


def test_the_report_shows_the_build_as_built_with_the_steps_it_ran() -> None:
    progress = BuildProgress()
    progress.feed({"vertexes": [
        {"digest": "a", "name": "[prod 1/3] FROM deps", "started": "2026-12-04T10:00:00.000Z",
         "completed": "2026-12-04T10:00:00.000Z", "cached": True},
        {"digest": "b", "name": "[prod 2/3] COPY . /app", "started": "2026-12-04T10:00:00.000Z",
         "completed": "2026-12-04T10:00:00.100Z"},
        {"digest": "c", "name": "[prod 3/3] RUN python -m compileall -q /app", "started": "2026-12-04T10:00:00.100Z",
         "completed": "2026-12-04T10:00:00.300Z"},
    ]})  # fmt: skip
    build: dict[str, object] = {"target": "prod", "image": PROD}
    report = replay._report(RECORD, build, progress, seconds=0.71, wall=0.83)
    builds: list[dict[str, Any]] = report["builds"]  # type: ignore[assignment]
    deps, prod = builds
    assert deps == RECORD["report"]["builds"][0] and report["wall_seconds"] == 0.83
    assert (prod["outcome"], prod["skipped"], prod["seconds"], prod["steps_executed"]) == ("built", False, 0.71, 2)
    assert [(s["stage"], s["cached"], s["seconds"]) for s in prod["steps"]] == [
        ("prod", False, 0.1),
        ("prod", False, 0.2),
    ]
