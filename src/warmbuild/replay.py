"""A code change without planning again: when all that changed since a recorded run
with nothing to do are files of a build's context that only its image holds (the
app's code: fingerprinted by their stat, never read by the planner), that build runs
again exactly as the full path planned it, from the quick record, before invoke, the
options model, rich or the planner are imported (~0.4 s a run).

It does what the full path's build does and no more: the same `docker buildx build`
argv under the same machine-wide locks, then the last-build record with the
fingerprint the full path would compute (the plan's part kept in the record, the
context's computed now), so the full path agrees it is unchanged. Any doubt (more
than one build to run, a build that fails, an image that cannot be asked) falls
through to the full path, which plans, builds and reports as always. It imports
the standard library and warmbuild's small modules, and the engine layer (~75 ms)
only once it builds.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat as stat_module
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from . import quick
from .errors import Interrupted, WarmbuildError
from .fingerprint import Record, fingerprint_of
from .folders import context_digest, write_text
from .machine_locks import machine_lock
from .progress import BuildProgress


def answer(args: Sequence[str], record: dict[str, object], probe: quick.Probe) -> int | None:
    """The exit code of the build run again; None: the full path decides."""
    try:
        return _answer(args, record, probe)
    except Interrupted as error:
        print(f"error: {error.one_line()}", file=sys.stderr)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        print("error: interrupted before the build started; nothing was built", file=sys.stderr)
        sys.exit(Interrupted.exit_code)


def _answer(args: Sequence[str], record: dict[str, object], probe: quick.Probe) -> int | None:
    started, started_ns = time.monotonic(), time.time_ns()
    recorded = {str(row[0]): row[1:] for row in _rows(record["files"])}
    changed = [path for path in _strings(record["changeable"]) if list(probe.stat(path) or ()) != recorded.get(path)]
    builds = [b for b in _dicts(record.get("replay")) if any(_inside(p, str(b["context"])) for p in changed)]
    if len(builds) != 1:
        quick.explain(f"the full path: the changed files are in {len(builds)} builds' contexts")
        return None
    build = builds[0]
    before = {path: quick.file_stat(path) for path in changed}
    # As the full path fingerprints it: the context as it is before the build starts.
    current = fingerprint_of(
        _dict(build["payload"]), context_digest(Path(str(build["context"])), Path(str(build["dockerfile"])))
    )
    image = str(build["image"])
    # The engine layer's gate: the same process handling as every build (Ctrl-C
    # cancels it, nothing tagged), imported only now.
    from .docker_engine import DockerEngine

    last_build = Path(str(build["last_build"]))
    with machine_lock(*_strings(build["locks"])):
        last_build.unlink(missing_ok=True)  # as the full path: a failed build leaves no record
        try:
            run = DockerEngine().run_build(_strings(build["argv"]))
        except Interrupted:
            raise
        except WarmbuildError as error:
            # The full path builds again and reports the failure as always.
            quick.explain(f"the full path: the build ran again as planned and failed ({error.problem})")
            return None
        image_id = quick.local_image_id(image)
        if not image_id:
            return None
        write_text(last_build, Record(current, image, image_id).to_json())
    _renew(args, record, before, started_ns, image, image_id)
    report = _report(record, build, run.progress, run.seconds, time.monotonic() - started)
    target = quick.json_path(args)
    if target and not quick.write_report(target, report):
        return None
    # Folders' times move with a save too; the files are what the user changed.
    _print(report, sum(1 for stat in before.values() if stat and stat_module.S_ISREG(stat[4])))
    return 0


def _renew(
    args: Sequence[str],
    record: dict[str, object],
    before: dict[str, quick.Stat],
    started_ns: int,
    image: str,
    image_id: str,
) -> None:
    """The record now stands for the state this build made: the changed files' stats
    as the build read them, the image's new ID. A file changed too close to the run
    (quick.RACY_NS) may have changed again unseen: then no record (the next run plans)."""
    path = quick.record_path(list(quick.task_args(args) or []))
    if any(stat is None or stat[1] > started_ns - quick.RACY_NS for stat in before.values()):
        _forget(path)
        return
    record["files"] = [[row[0], *(before[row[0]] or ())] if row[0] in before else row for row in _rows(record["files"])]
    record["images"] = [[row[0], image_id] if row[0] == image else row for row in _rows(record["images"])]
    try:
        write_text(Path(path), json.dumps(record))
    except Exception:  # a cache: without it the next run plans
        _forget(path)


def _forget(path: str) -> None:
    with contextlib.suppress(OSError):
        Path(path).unlink(missing_ok=True)


def _report(
    record: dict[str, object], build: dict[str, object], progress: BuildProgress, seconds: float, wall: float
) -> dict[str, object]:
    """The recorded report with this build as built, its steps listed as the full
    path's report lists them."""
    steps = [
        {"name": v.name, "stage": v.stage, "cached": v.cached, "seconds": round(v.seconds, 2)} for v in progress.work
    ]
    report = dict(_dict(record["report"]))
    builds = []
    for entry in _dicts(report.get("builds")):
        if entry.get("target") == build["target"] and entry.get("image") == build["image"]:
            executed = sum(1 for step in steps if not step["cached"])
            entry = {**entry, "outcome": "built", "skipped": False, "reason": "", "steps": steps, "image_bytes": 0,
                     "seconds": round(seconds, 2), "steps_total": len(steps),
                     "steps_cached": len(steps) - executed, "steps_executed": executed,
                     "notes": ["only the code changed: built again as last planned"]}  # fmt: skip
        builds.append(entry)
    return {**report, "wall_seconds": round(wall, 3), "builds": builds}


def _print(report: dict[str, object], changed: int) -> None:
    builds = _dicts(report["builds"])
    files = "1 file" if changed == 1 else f"{changed} files"
    print(f"only the code changed ({files}): built again as last planned ({report['wall_seconds']:.2f} s)")
    width = max(len(str(build["target"])) for build in builds)
    for build in builds:
        print(f"  {build['target']:<{width}}  {build['outcome']:<25}  {build['image']}")


def _inside(path: str, folder: str) -> bool:
    return path.startswith(folder.rstrip(os.sep) + os.sep)


def _rows(value: object) -> list[list[object]]:
    assert isinstance(value, list)
    return [list(row) for row in value]


def _strings(value: object) -> list[str]:
    assert isinstance(value, list)
    return [str(item) for item in value]


def _dict(value: object) -> dict[str, object]:
    assert isinstance(value, dict)
    return value


def _dicts(value: object) -> list[dict[str, object]]:
    return [_dict(item) for item in value] if isinstance(value, list) else []
