"""`invoke bench --quick` runs end to end, so the harness cannot rot. It checks that
the harness works (every build ran, every output was written), not the timings."""

from __future__ import annotations

import json
from pathlib import Path

from support_cli import invoke


def test_bench_quick_runs_every_build_and_writes_its_outputs(tmp_path: Path) -> None:
    result = invoke("bench", "--quick", "--out", str(tmp_path), timeout=1800)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    data = json.loads((tmp_path / "bench.json").read_text())
    times = data["raw"]["times"]
    assert set(times) == {"seed-prod", "seed-dev", "ours-dev", "ours-prod"}
    assert all(len(runs) == 1 and runs[0] > 0 for scenarios in times.values() for runs in scenarios.values())
    assert set(data["raw"]["dev_loop"]) == {"seed-dev", "ours-dev"}
    assert data["summary"]["ratios"]["ours-prod"]["no-op"] > 0
    assert data["summary"]["ratios"]["ours-prod"]["no-op-again"] > 0
    # Ours answered the no-ops without building, and built prod for the code change.
    outcomes = data["raw"]["outcomes"]["ours-prod"]
    assert outcomes["no-op-again"] == [["reused from the registry", "unchanged"]], outcomes
    assert outcomes["code-change"][0][-1] == "built", outcomes
    # Each scenario's floor, measured in the same run: the interpreter's start for the
    # no-ops, a bare buildx build of the same edit onto our image for the code change.
    floors = data["summary"]["floors"]
    assert 0 < floors["no-op-again"]["median"] < times["ours-prod"]["no-op"][0], floors
    assert floors["code-change"]["median"] > 0, floors
    # Where ours-prod's time went: the code change's prod build and the steps it ran.
    phases = data["summary"]["phases"]["ours-prod"]["code-change"]
    assert 0 < phases["prod steps"] < phases["prod"] < phases["process"], phases
    table = (tmp_path / "bench.md").read_text()
    assert "| code-change |" in table.split("| scenario | floor |")[1], table
    assert (tmp_path / "bench.png").stat().st_size > 10_000
    assert (tmp_path / "bench.md").read_text().startswith("| scenario | seed-prod | seed-dev | ours-dev | ours-prod |")
    assert "benchmark: median seconds" in result.stdout
