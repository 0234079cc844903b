"""Speed that shows in the image, not in timings: a heavy package's new version moves
its own layer alone; the slots install side by side; the same inputs give the same
image; a build whose inputs did not change is not run at all, and one whose base
tag moved is."""

from __future__ import annotations

import itertools
import json
import subprocess
import time
import urllib.request
from datetime import datetime

from support import copy_example_app, load, use_variant
from support_cli import invoke

from warmbuild import pipeline, plan
from warmbuild.docker_engine import DockerEngine
from warmbuild.registry_http import MANIFEST_TYPES


def layers(registry: str, image: str) -> list[tuple[str, int]]:
    """(digest, size) of each layer of an image's linux/amd64 manifest."""
    repository, tag = image.split("/", 1)[1].rsplit(":", 1)

    def get(reference: str) -> dict:
        request = urllib.request.Request(
            f"http://{registry}/v2/{repository}/manifests/{reference}", headers={"Accept": ", ".join(MANIFEST_TYPES)}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read())

    manifest = get(tag)
    if "manifests" in manifest:
        [child] = [m for m in manifest["manifests"] if m.get("platform", {}).get("architecture") == "amd64"]
        manifest = get(child["digest"])
    return [(layer["digest"], layer["size"]) for layer in manifest["layers"]]


def moment(text: str) -> float:
    return datetime.fromisoformat(text[:26].rstrip("Z") + "+00:00").timestamp()


def test_a_heavy_bump_moves_one_layer_and_the_slots_install_side_by_side(tmp_path, unique, registry):
    config = copy_example_app(tmp_path, unique)
    engine = DockerEngine()
    first = pipeline.ensure_deps(engine, pipeline.gather_inputs(load(config), engine, "main"))
    before = layers(registry, first.image)

    use_variant(tmp_path / "backend", "heavy-changed")  # scipy 1.18.1 -> 1.17.1
    inputs = pipeline.gather_inputs(load(config), engine, "main")
    bumped = pipeline.ensure_deps(engine, inputs)
    after = layers(registry, bumped.image)
    assert bumped.image != first.image and len(after) == len(before)
    moved = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
    assert len(moved) == 1, moved
    print(f"heavy bump: 1 of {len(after)} layers moved, {moved[0][1][1] / 1e6:.1f} MB pushed (compressed)")

    # Every slot's own steps run again (cache-only, not from this builder's cache):
    # their install steps overlap in time, BuildKit runs the stages side by side.
    timeline = plan.plan_build(inputs, "deps", plan.Output.CACHE_ONLY, no_cache=True, export_cache=False)
    pipeline.write_files(timeline)
    run = engine.run_build(timeline.argv)
    installs = [v for v in run.progress.steps if "install-python-deps heavy-" in v.name and not v.cached]
    assert len(installs) == 6, [v.name for v in run.progress.steps]
    spans = sorted((moment(v.started), moment(v.completed)) for v in installs)
    assert any(later[0] < earlier[1] for earlier, later in itertools.pairwise(spans)), spans


def image_id(image: str) -> str:
    return subprocess.run(
        ["docker", "image", "inspect", image, "-f", "{{.Id}}"], capture_output=True, text=True, check=True
    ).stdout.strip()


def report(result: subprocess.CompletedProcess, path) -> dict:
    assert result.returncode == 0, result.stdout + result.stderr
    return {b["target"]: b for b in json.loads(path.read_text())["builds"]}


def test_unchanged_inputs_skip_the_build_and_give_the_same_image(tmp_path, unique, registry):
    # A base image tag of this test's own, so it can be moved.
    base = f"{registry}/{unique}/python:3.13-slim"
    standin = f"{registry}/library/python:3.13-slim"  # what the mirror serves for python:3.13-slim
    subprocess.run(["docker", "buildx", "imagetools", "create", "-t", base, standin], check=True)
    config = copy_example_app(tmp_path, unique, python_image=base)
    args = ["--config", str(config), "--branch", "main"]
    first = report(invoke("build-prod", *args, "--json", str(tmp_path / "1.json")), tmp_path / "1.json")
    assert first["prod"]["outcome"] == "built"
    built_id = image_id(first["prod"]["image"])

    started = time.monotonic()
    second = report(invoke("build-prod", *args, "--json", str(tmp_path / "2.json")), tmp_path / "2.json")
    print(f"build-prod with nothing changed: {time.monotonic() - started:.2f}s as a process, no buildx run")
    assert second["prod"]["outcome"] == "unchanged" and second["prod"]["steps"] == []

    forced = report(invoke("build-prod", *args, "--rebuild", "--json", str(tmp_path / "3.json")), tmp_path / "3.json")
    assert forced["prod"]["outcome"] == "built" and forced["prod"]["steps_executed"] == 0
    assert image_id(forced["prod"]["image"]) == built_id, "the same inputs give the same image ID"

    # The base tag moves (a new image behind the same name): the plan pins the new
    # digest, so nothing is skipped.
    moved = tmp_path / "moved"
    moved.mkdir()
    (moved / "Dockerfile").write_text(f"FROM {base}\nRUN echo {unique} > /moved\n")
    subprocess.run(["docker", "buildx", "build", "-q", "-t", base, "--push", str(moved)], check=True)
    after_move = report(invoke("build-prod", *args, "--json", str(tmp_path / "4.json")), tmp_path / "4.json")
    assert after_move["deps"]["outcome"] == "built", "a new base: a new deps image"
    assert after_move["prod"]["outcome"] == "built"
