"""The tasks as a user runs them: plan builds nothing; build-prod reports as JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path

from support import copy_example_app
from support_cli import invoke

from warmbuild.docker_engine import DockerEngine


def test_plan_prints_commands_and_builds_nothing(tmp_path: Path, unique: str) -> None:
    config = copy_example_app(tmp_path, unique)
    result = invoke("plan", "--config", str(config), "--branch", "feature/x")
    assert result.returncode == 0, result.stderr
    deps_tag = result.stdout.split(f"{unique}/deps:")[1].split()[0]
    for expected in (
        "docker buildx build",
        "--target deps",
        "--target dev",
        "--target prod",
        "cache:prod-feature-x",
        "cache:prod-main",
        "push=true,compression=zstd",
        "type=docker,compression=zstd",
    ):
        assert expected in result.stdout, expected
    client = DockerEngine()
    assert not client.registry_has(f"127.0.0.1:5000/{unique}/deps:{deps_tag}")
    assert not (tmp_path / ".warmbuild").exists(), "plan writes nothing"


def test_build_prod_writes_a_json_report(tmp_path: Path, unique: str) -> None:
    config = copy_example_app(tmp_path, unique)
    report_path = tmp_path / "report.json"
    result = invoke(
        "build-prod", "--config", str(config), "--branch", "main", "--export-cache", "--json", str(report_path)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "build report" in result.stdout
    report = json.loads(report_path.read_text())
    builds = {b["target"]: b for b in report["builds"]}
    assert set(builds) == {"deps", "prod"}
    prod = builds["prod"]
    assert prod["steps_total"] == prod["steps_cached"] + prod["steps_executed"] > 0
    assert prod["image"] == f"127.0.0.1:5000/{unique}/prod:main"
    assert prod["cache_to"].startswith(f"type=registry,ref=127.0.0.1:5000/{unique}/cache:prod-main")
    assert report["wall_seconds"] > 0 and prod["image_bytes"] > 0


def test_debug_prints_the_build_command(tmp_path: Path, unique: str) -> None:
    config = copy_example_app(tmp_path, unique)
    # A temp folder of its own: no engine facts kept by an earlier task, so they are asked.
    result = invoke("build-deps", "--config", str(config), "--branch", "main", "--debug", TMPDIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    flat = " ".join(result.stderr.split())
    # The docker client on PATH (by its full path once python-on-whales has found it).
    assert re.search(r"running (\S*/)?docker buildx build --progress=rawjson", flat), flat
    assert "docker info" in flat and "docker buildx inspect" in flat


def test_local_builds_import_but_do_not_export_by_default(tmp_path: Path, unique: str) -> None:
    config = copy_example_app(tmp_path, unique)
    result = invoke("build-dev", "--config", str(config), "--branch", "main", "--json", str(tmp_path / "r.json"))
    assert result.returncode == 0, result.stderr
    dev = {b["target"]: b for b in json.loads((tmp_path / "r.json").read_text())["builds"]}["dev"]
    assert dev["cache_to"] == "" and dev["cache_from"] == [f"127.0.0.1:5000/{unique}/cache:dev-main"]
    assert not DockerEngine().registry_has(f"127.0.0.1:5000/{unique}/cache:dev-main")
