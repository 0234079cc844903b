"""The benchmark's pure parts: the app it builds, statistics, ratios, the README block."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from support import REPO_ROOT

from bench import harness as bench
from warmbuild import locks
from warmbuild.errors import BuildFailed
from warmbuild.plan import packaged

RAW: bench.RawResults = {
    "times": {
        "seed-prod": {"cold": [70.0, 72.0, 74.0], "new-machine": [71.0], "no-op-again": [0.4, 0.5, 0.4]},
        "ours-prod": {"cold": [30.0, 35.0, 31.0], "new-machine": [9.0], "no-op-again": [0.9, 1.1, 1.0]},
    },
    "sizes": {"seed-prod": 400_000_000, "ours-prod": 260_000_000},
    "installers": {"uv": [20.0], "pip": [25.0]},
    "dev_loop": {"ours-dev": [1.2, 1.4, 1.3]},
    "floor": [8.0, 9.0, 10.0],
    "bytes": {
        "ours-prod": {
            "heavy-change": [{"pushed": 40_000_000, "pulled": None}, {"pushed": 42_000_000, "pulled": None}],
            "second-machine": [{"pushed": 0, "pulled": 90_000_000}],
        }
    },
    "heavy_installed": 45_000_000,
}


def test_index_source_rewrite_keeps_versions_and_a_valid_content_hash() -> None:
    source = REPO_ROOT / "backend"
    pyproject, lock = bench.with_index_source(
        (source / "pyproject.toml").read_text(), (source / "poetry.lock").read_text(), "http://127.0.0.1:9/simple"
    )
    data = tomllib.loads(lock)
    assert data["metadata"]["content-hash"] == locks.poetry.content_hash(tomllib.loads(pyproject))
    packages = data["package"]
    assert all(p["source"] == {"type": "legacy", "url": "http://127.0.0.1:9/simple", "reference": "bench-index"}
               for p in packages)  # fmt: skip
    original = tomllib.loads((source / "poetry.lock").read_text())["package"]
    assert [(p["name"], p["version"], p["files"]) for p in packages] == [
        (p["name"], p["version"], p["files"]) for p in original
    ]
    assert tomllib.loads(pyproject)["tool"]["poetry"]["source"][0]["priority"] == "primary"


def test_summary_ratios_compare_with_seed_prod_in_the_same_run() -> None:
    summary = bench.summarize(RAW)
    assert summary["times"]["ours-prod"]["cold"] == {"median": 31.0, "min": 30.0, "max": 35.0, "n": 3}
    assert summary["ratios"]["ours-prod"]["cold"] == pytest.approx(31.0 / 72.0, abs=1e-3)
    # A new machine is compared with the seed's cold build (the seed has no registry cache).
    assert summary["ratios"]["ours-prod"]["new-machine"] == pytest.approx(9.0 / 72.0, abs=1e-3)
    assert summary["size_ratios"]["ours-prod"] == 0.65


def test_verdicts_name_each_goal() -> None:
    verdicts = {goal: met for goal, _, _, met in bench.target_verdicts(bench.summarize(RAW))}
    assert verdicts["ours-prod cold / seed-prod"] is True
    assert verdicts["ours-prod no-op, as a process"] is False, "1.0 s is over the 0.25 s goal"
    assert verdicts["ours-prod no-op / seed-prod no-op"] is False
    assert verdicts["ours-prod heavy-change: bytes pushed / scipy installed"] is True
    assert verdicts["ours-prod second-machine: bytes pulled / scipy installed"] is False
    assert verdicts["ours-prod image / seed-prod image"] is True
    assert verdicts["ours-dev edit to response"] is False, "1.3 s is over the 1.2 s goal"


def test_markdown_table_and_readme_block(tmp_path: Path) -> None:
    table = bench.markdown_table(bench.summarize(RAW))
    assert table.splitlines()[0] == "| scenario | seed-prod | ours-prod |"
    assert "| cold | 72.0 s (70.0–74.0) | 31.0 s (30.0–35.0) ×0.43 |" in table
    assert "Floor: downloading the locked wheels alone takes 9.0 s (median)." in table
    readme = tmp_path / "README.md"
    readme.write_text(f"before\n{bench.START}\nOLD-BLOCK\n{bench.END}\nafter\n")
    bench.update_readme(readme, table)
    text = readme.read_text()
    assert text.startswith("before\n") and text.endswith(f"{bench.END}\nafter\n") and "OLD-BLOCK" not in text
    with pytest.raises(ValueError, match="has no"):
        bench.update_readme(_no_block(tmp_path), table)


def _no_block(tmp_path: Path) -> Path:
    path = tmp_path / "plain.md"
    path.write_text("no block here\n")
    return path


def test_total_steps_counts_every_measurement() -> None:
    quick = bench.quick_options()
    assert bench.total_steps(quick) == 1 + len(bench.QUICK_KINDS) * len(bench.QUICK_SCENARIOS) + 2
    full = bench.BenchOptions(repeats=2)
    # The seed has no second machine (no registry): 6 kinds x 8 scenarios - 2, 3 installers, 2 dev loops,
    # 3 arm64 builds; and the arm64 wheels' download once.
    assert bench.total_steps(full) == 1 + 2 * (6 * 8 - 2 + 3 + 2 + 3) + 1
    assert bench.total_steps(bench.arm64_options(2)) == 1 + 2 * 3 + 1
    # --arm64-repeats 1: three runs of the emulated build fewer.
    assert bench.total_steps(bench.BenchOptions(repeats=2, arm64_repeats=1)) == bench.total_steps(full) - 3
    assert bench.scenarios_of("seed-prod", full)[-1] == "new-machine" and "second-machine" not in bench.scenarios_of(
        "seed-dev", full
    )


def test_tool_versions_come_from_the_dockerfile() -> None:
    text = packaged("python-app.Dockerfile").read_text()
    assert bench.tool_requirements(text) == "uv==0.13.8\npoetry==2.5.1\n"


def test_every_scenario_runs_and_new_machine_runs_after_the_incremental_ones() -> None:
    assert sorted(bench.RUN_ORDER) == sorted(bench.SCENARIOS)
    assert bench.RUN_ORDER[0] == "cold" and bench.RUN_ORDER[-1] == "new-machine"


def test_the_arm64_goals_are_ratios_of_this_runs_medians() -> None:
    raw: dict[str, Any] = {"times": {}, "sizes": {}, "installers": {}, "dev_loop": {}, "floor": [],
           "arm64": {"amd64": [20.0, 22.0], "arm64-cross": [26.0, 27.0], "arm64-emulated": [300.0, 320.0]}}  # fmt: skip
    summary = bench.summarize(raw)  # type: ignore[arg-type]
    assert bench.arm64_ratios(summary) == {"arm64-cross / amd64": 1.26, "arm64-emulated / arm64-cross": 11.7}
    assert [v[1:] for v in bench.target_verdicts(summary)] == [("1.26", "<= 1.5", True), ("11.70", ">= 5.0", True)]
    assert "| arm64-emulated | 310.0 s (300.0–320.0) |" in bench.arm64_table(summary)
    raw["arm64"]["arm64-cross"] = [40.0]
    slow = bench.summarize(raw)  # type: ignore[arg-type]
    assert [v[3] for v in bench.target_verdicts(slow)] == [False, True]


def test_each_scenarios_floor_sits_beside_ours_with_the_ratio(tmp_path: Path) -> None:
    raw: dict[str, Any] = {
        "times": {"ours-prod": {"cold": [20.0], "no-op-again": [0.06], "heavy-change": [9.0],
                                "second-machine": [1.5, 1.7, 1.6]}},
        "sizes": {}, "installers": {}, "dev_loop": {}, "floor": [3.0],
        "floors": {"cold": [4.0, 5.0, 6.0], "no-op": [0.02, 0.03, 0.04], "code-change": []},
    }  # fmt: skip
    summary = bench.summarize(raw)  # type: ignore[arg-type]
    floors = summary["floors"]
    # Measured ones; the no-op's stands for no-op-again; the heavy change's is the second machine's pull;
    # none measured gives no floor.
    assert floors["cold"]["median"] == 5.0 and floors["no-op-again"]["median"] == 0.03
    assert floors["heavy-change"]["median"] == 1.6 and "code-change" not in floors
    table = bench.floors_table(summary)
    assert "| cold | 5.00 s | 20.00 s | ×4.0 | downloading the locked wheels and unpacking them" in table
    assert "| heavy-change | 1.60 s | 9.00 s | ×5.6 |" in table and "| no-op-again | 0.03 s | 0.06 s | ×2.0 |" in table
    assert "| no-op |" not in table, "ours-prod's no-op was not measured: no row"
    bench.draw_chart(summary, tmp_path / "chart.png")
    assert (tmp_path / "chart.png").stat().st_size > 0


def test_where_the_time_goes_is_the_median_of_each_part() -> None:
    def run(process: float, prod: float, steps: float) -> bench.Phase:
        return {"process": process, "builds": {"deps": {"seconds": 0.0, "steps": 0.0},
                                               "prod": {"seconds": prod, "steps": steps}}}  # fmt: skip

    raw: dict[str, Any] = {"times": {"ours-prod": {"code-change": [1.2]}}, "sizes": {}, "installers": {},
                           "dev_loop": {}, "floor": [],
                           "phases": {"ours-prod": {"code-change": [run(1.2, 0.7, 0.1), run(1.4, 0.8, 0.2),
                                                                   run(1.3, 0.9, 0.1)]}}}  # fmt: skip
    summary = bench.summarize(raw)  # type: ignore[arg-type]
    assert summary["phases"]["ours-prod"]["code-change"] == {
        "process": 1.3, "deps": 0.0, "deps steps": 0.0, "prod": 0.8, "prod steps": 0.1
    }  # fmt: skip
    assert "| code-change | 1.30 | 0.00 (0.00) | 0.80 (0.10) | 0.50 |" in bench.phases_table(summary)
    assert bench.phase_of(
        [{"target": "prod", "seconds": 0.7, "steps": [{"seconds": 0.3, "cached": False},
                                                      {"seconds": 5.0, "cached": True}]}], 1.25
    ) == {"process": 1.25, "builds": {"prod": {"seconds": 0.7, "steps": 0.3}}}  # fmt: skip


# The engine's own words when containerd's collector races an unpack (a seed build's
# output in a benchmark run, 2026-12-04).
SNAPSHOT_RACE = (
    'ERROR: failed to solve: failed to prepare extraction snapshot "extract-787020701-JgO1 sha256:779d39ef": '
    "parent snapshot sha256:e7fe3d17 does not exist: not found"
)


def test_the_engines_snapshot_race_runs_the_command_again_once_and_is_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bench, "ENGINE_RETRIES", [])
    marker = tmp_path / "failed-once"
    # Fails with the race the first time, succeeds the second: a real process each time.
    script = f'if [ -e {marker} ]; then exit 0; fi; touch {marker}; echo "{SNAPSHOT_RACE}" >&2; exit 1'
    assert bench.timed(["sh", "-c", script]) >= 0
    assert [f"sh -c {script}"] == bench.ENGINE_RETRIES
    assert marker.exists()


@pytest.mark.parametrize(
    "stderr",
    [
        "ERROR: failed to solve: process did not complete successfully: exit code: 1",  # the build's own failure
        "parent snapshot is fine",
    ],
)
def test_any_other_failure_stops_the_benchmark_at_once(
    stderr: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bench, "ENGINE_RETRIES", [])
    runs = tmp_path / "runs"
    with pytest.raises(BuildFailed, match="failed"):
        bench.timed(["sh", "-c", f'echo x >> {runs}; echo "{stderr}" >&2; exit 1'])
    assert runs.read_text() == "x\n" and bench.ENGINE_RETRIES == []


def test_a_race_that_comes_back_stops_the_benchmark(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bench, "ENGINE_RETRIES", [])
    with pytest.raises(BuildFailed, match="parent snapshot"):
        bench.timed(["sh", "-c", f'echo "{SNAPSHOT_RACE}" >&2; exit 1'])
    assert len(bench.ENGINE_RETRIES) == 1, "run again once, then the failure stands"
    # Past MAX_ENGINE_RETRIES in one run it is not a rare race: no more runs again.
    monkeypatch.setattr(bench, "ENGINE_RETRIES", ["x"] * bench.MAX_ENGINE_RETRIES)
    with pytest.raises(BuildFailed):
        bench.timed(["sh", "-c", f'echo "{SNAPSHOT_RACE}" >&2; exit 1'])
    assert len(bench.ENGINE_RETRIES) == bench.MAX_ENGINE_RETRIES
