"""`warmbuild build-prod` with nothing changed answers at once (`quick`), on a real
engine and registry, and every kind of change takes the full path again: the
config, the lock, a file of the context added, a .dockerignore, the base image's tag
moved in the registry, the image retagged or deleted. A code edit alone builds prod
again as last planned, without planning (`replay`), and the full path agrees."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from support import OTHER_APP, copy_data_app

from warmbuild import quick

QUICK = "nothing changed since the last build: not built"
# A file changed less than this before a run leaves that run no record (quick.RACY_NS).
SETTLE = quick.RACY_NS / 1e9 + 0.1


def build_prod(config: Path, exit_code: int = 0, **env: str) -> tuple[str, dict[str, object], float]:
    """`warmbuild build-prod` as a process: its output, its JSON report, its wall time."""
    report = config.parent / "report.json"
    report.unlink(missing_ok=True)
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "warmbuild", "build-prod", "--branch", "main", "--json", str(report)],
        cwd=config.parent,
        env={**os.environ, quick.DEBUG_VARIABLE: "1", **env},  # why a run was not quick, in the output
        capture_output=True,
        text=True,
        timeout=900,
    )
    seconds = time.monotonic() - started
    assert result.returncode == exit_code, result.stdout + result.stderr
    return result.stdout + result.stderr, json.loads(report.read_text()) if report.exists() else {}, seconds


def answered_quickly() -> bool:
    """The quick path's verdict for this working folder's command, asked in this
    process (same environment, same working folder)."""
    with contextlib.redirect_stdout(io.StringIO()):
        return quick.answer(["build-prod", "--branch", "main"]) == 0


def settled_record(config: Path) -> float:
    """After a change: the full path builds what changed (if anything), its first run
    with nothing to do leaves a record, and the next run is answered quickly. Returns
    the wall time of that last full run with nothing to do."""
    time.sleep(SETTLE)
    full: list[tuple[dict[str, object], float]] = []
    for _ in range(3):
        output, report, seconds = build_prod(config)
        if output.startswith(QUICK):
            break
        full.append((report, seconds))
    assert output.startswith(QUICK), output
    assert full and all(b["skipped"] for b in full[-1][0]["builds"]), "quick only after a full run had nothing to do"  # type: ignore[attr-defined]
    assert answered_quickly()
    return full[-1][1]


def docker(*args: str) -> str:
    return subprocess.run(["docker", *args], capture_output=True, text=True, check=True).stdout.strip()


def test_nothing_changed_is_answered_at_once_and_every_change_falls_through(
    tmp_path: Path, unique: str, registry: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = f"{registry}/{unique}/python:3.13-slim"
    standin = f"{registry}/library/python:3.13-slim"
    docker("buildx", "imagetools", "create", "-t", base, standin)
    config = copy_data_app(tmp_path, "other-app", unique, registry=registry, python_image=base, **OTHER_APP)
    context = tmp_path / str(OTHER_APP["context"])
    monkeypatch.chdir(tmp_path)
    first, _, _ = build_prod(config)
    assert QUICK not in first
    full_seconds = settled_record(config)
    output, report, quick_seconds = build_prod(config)
    assert output.startswith(QUICK), output
    assert [b["outcome"] for b in report["builds"]] == ["reused from the registry", "unchanged"]  # type: ignore[attr-defined]
    print(
        f"\nbuild-prod with nothing changed, as processes: full path {full_seconds:.2f} s, quick {quick_seconds:.2f} s"
    )

    def edit(path: Path, text: str) -> Callable[[], None]:
        def change() -> None:
            path.write_text((path.read_text() if path.exists() else "") + text)

        return change

    file_changes: dict[str, Callable[[], None]] = {
        "config edited": edit(config, "# a comment\n"),
        "lock touched": lambda: os.utime(context / "requirements.txt"),
        "context file added": edit(context / "service" / "notes.txt", "notes\n"),
        ".dockerignore added": edit(context / ".dockerignore", "service/notes.txt\n"),
    }
    for name, change in file_changes.items():
        change()
        assert not answered_quickly(), name
        settled_record(config)

    # The base tag moved in the registry, and back: no file changed, the record holds.
    original = docker("buildx", "imagetools", "inspect", base, "--format", "{{json .Manifest}}")
    docker("buildx", "imagetools", "create", "-t", base, f"{registry}/library/python:3.11-slim")
    assert not answered_quickly(), "base tag moved"
    docker("buildx", "imagetools", "create", "-t", base, f"{base}@{json.loads(original)['digest']}")
    assert answered_quickly(), "base tag moved back"

    # The image retagged to another image, then back; then deleted.
    image = f"{registry}/{unique}/prod:main"
    image_id = docker("image", "inspect", "--format", "{{.Id}}", image)
    docker("tag", standin, image)
    assert not answered_quickly(), "image retagged"
    docker("tag", image_id, image)
    assert answered_quickly(), "image tagged back"
    docker("image", "rm", image)
    assert not answered_quickly(), "image deleted"
    output, report, _ = build_prod(config)
    assert QUICK not in output and report["builds"][-1]["outcome"] == "built"  # type: ignore[index]


REPLAYED = "only the code changed (1 file): built again as last planned"


def test_a_code_edit_alone_builds_prod_again_as_planned_and_the_full_path_agrees(
    tmp_path: Path, unique: str, registry: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = copy_data_app(tmp_path, "other-app", unique, registry=registry, **OTHER_APP)
    code = tmp_path / str(OTHER_APP["context"]) / "service" / "web.py"
    monkeypatch.chdir(tmp_path)
    build_prod(config)
    settled_record(config)
    image = f"{registry}/{unique}/prod:main"

    # Edits of this run's own: BuildKit's cache keys COPY by content, so an edit an earlier
    # run made would be taken from its cache.
    code.write_text(code.read_text() + f"# edited once by {unique}\n")
    output, report, replayed = build_prod(config)
    assert output.startswith(REPLAYED), output
    builds: list[dict[str, Any]] = report["builds"]  # type: ignore[assignment]
    deps, prod = builds
    assert deps["outcome"] == "reused from the registry" and prod["outcome"] == "built", report
    executed = [step["name"] for step in prod["steps"] if not step["cached"]]
    assert len(executed) == 2 and executed[0].endswith("COPY . /app") and "compileall" in executed[1], executed
    assert (
        docker("run", "--rm", "--entrypoint", "tail", image, "-n1", "/app/service/web.py")
        == f"# edited once by {unique}"
    )
    # The full path (no quick record to answer from) agrees: the same fingerprint, the same image.
    image_id = docker("image", "inspect", "--format", "{{.Id}}", image)
    output, report, _ = build_prod(config, WARMBUILD_QUICK_DIR=str(tmp_path / "no-records"))
    assert [b["outcome"] for b in report["builds"]] == ["reused from the registry", "unchanged"], output  # type: ignore[attr-defined]
    assert docker("image", "inspect", "--format", "{{.Id}}", image) == image_id

    # The same edit planned: the full path's code change, as a process.
    code.write_text(code.read_text() + f"# edited twice by {unique}\n")
    output, report, planned = build_prod(config, WARMBUILD_QUICK_DIR=str(tmp_path / "no-records"))
    assert not output.startswith(REPLAYED) and report["builds"][-1]["outcome"] == "built", output  # type: ignore[index]
    print(f"\nbuild-prod after a code edit, as processes: planned {planned:.2f} s, as planned {replayed:.2f} s")

    # A code edit that does not build: the full path runs and reports it as always.
    settled_record(config)
    code.write_text(code.read_text() + f"broken = ('{unique}'\n")
    output, _, _ = build_prod(config, exit_code=1)
    assert re.search(r"failed \(build failed at \[prod \d+/\d+\] RUN python -m compileall", output), output
    assert re.search(r"error: build failed at \[prod \d+/\d+\] RUN python -m compileall", output), output
    assert "SyntaxError" in output, output
    assert "Traceback" not in output
