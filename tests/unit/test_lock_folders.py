"""The `locks` build context on disk: complete or absent, old plans' folders pruned."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from support import sample_inputs

from warmbuild.folders import STALE_AFTER_SECONDS
from warmbuild.pipeline import write_files
from warmbuild.plan import BuildPlan, plan_build
from warmbuild.repo import RepoState


def prod_plan(tmp_path: Path) -> BuildPlan:
    repo = RepoState(root=tmp_path, branch="main", revision="c0ffee", commit_time=1_700_000_000)
    return plan_build(sample_inputs(repo=repo), "prod")


def test_written_files_are_exactly_the_plans(tmp_path: Path) -> None:
    plan = prod_plan(tmp_path)
    write_files(plan)
    folder = Path(plan.locks_dir)
    for path, text in plan.files:
        assert (folder / path).read_text() == text
    written = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert written == sorted(path for path, _ in plan.files)


def test_concurrent_writes_of_one_plan_all_succeed_and_leave_no_scratch(tmp_path: Path) -> None:
    plan = prod_plan(tmp_path)
    errors = []

    def write() -> None:
        try:
            write_files(plan)
        except Exception as error:
            errors.append(error)

    threads = [threading.Thread(target=write) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    state = Path(plan.locks_dir).parent
    assert [p.name for p in state.iterdir() if p.name.startswith(".")] == []


def test_only_day_old_folders_of_other_plans_are_pruned(tmp_path: Path) -> None:
    plan = prod_plan(tmp_path)
    state = tmp_path / ".warmbuild" / "warmbuild-example" / "prod"
    old, recent = state / "locks-0000000000000000", state / "locks-1111111111111111"
    for folder in (old, recent):
        folder.mkdir(parents=True)
    day_ago = time.time() - STALE_AFTER_SECONDS - 60
    os.utime(old, (day_ago, day_ago))
    write_files(plan)
    assert not old.exists() and recent.exists()
