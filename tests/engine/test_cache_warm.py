"""`invoke cache-warm` against the local registry: idempotent, light changes touch
only light caches, a new machine builds from it, concurrent runs are safe."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from support import REPO_ROOT, copy_example_app, load, missing_blobs, use_variant
from support_cli import task_report
from support_engines import new_machine

from warmbuild import pipeline
from warmbuild.docker_engine import DockerEngine

REFS = ("cache:deps-main", "cache:dev-main", "cache:prod-main", "cache:frontend-dev-main", "cache:frontend-prod-main")


def warm(config: Path, report: Path) -> dict[str, dict[str, Any]]:
    return task_report("cache-warm", config, report, "--branch", "main")


def digests(registry: str, unique: str, deps_image: str) -> dict[str, str]:
    client = DockerEngine()
    refs = {"deps image": deps_image, **{ref: f"{registry}/{unique}/{ref}" for ref in REFS}}
    return {name: client.manifest_digest(ref) for name, ref in refs.items()}


def test_cache_warm_is_idempotent_and_light_changes_stay_light(tmp_path: Path, unique: str, registry: str) -> None:
    config = copy_example_app(tmp_path, unique, with_frontend=True)
    builds = warm(config, tmp_path / "first.json")
    assert set(builds) == {"deps", "dev", "prod", "frontend-dev", "frontend-prod"}
    assert builds["deps"]["pushed"] and not builds["deps"]["skipped"]
    deps_image = builds["deps"]["image"]
    before = digests(registry, unique, deps_image)

    started = time.monotonic()
    second = warm(config, tmp_path / "second.json")
    print(f"second cache-warm, nothing changed: {time.monotonic() - started:.1f}s (target < 20 s)")
    assert second["deps"]["skipped"]
    assert all(b["steps_executed"] == 0 for b in second.values() if not b["skipped"])
    assert digests(registry, unique, deps_image) == before, "nothing new may be pushed"

    use_variant(tmp_path / "backend", "light-added")
    warm(config, tmp_path / "light.json")
    after = digests(registry, unique, deps_image)
    changed = {name for name in before if after[name] != before[name]}
    assert changed == {"cache:dev-main", "cache:prod-main"}

    # A new machine: empty builder cache, no local images; prod comes from the registry.
    with new_machine():
        summaries = {s.target: s for s in pipeline.build_target(load(config), DockerEngine(), "prod", branch="main")}
    assert summaries["deps"].skipped
    assert summaries["prod"].cache_hit_percent >= 90, summaries["prod"].steps


def test_two_cache_warms_at_once_both_succeed(tmp_path: Path, unique: str, registry: str) -> None:
    config = copy_example_app(tmp_path, unique)
    command = [sys.executable, "-m", "invoke", "cache-warm", "--config", str(config), "--branch", "main"]
    runs = [
        subprocess.Popen(command, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=900)[0] for run in runs]
    # The tail of each output holds its error line: long outputs must not hide it.
    assert [run.returncode for run in runs] == [0, 0], "\n---\n".join(out[-2500:] for out in outputs)
    [deps_plan] = pipeline.plan_targets(load(config), DockerEngine(), ["deps"], "main")
    repository, tag = deps_plan.image.split("/", 1)[1].rsplit(":", 1)
    assert missing_blobs(registry, repository, tag) == []
    for ref in ("cache:deps-main", "cache:dev-main", "cache:prod-main"):
        assert missing_blobs(registry, f"{unique}/cache", ref.split(":")[1]) == [], ref
