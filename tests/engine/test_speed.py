"""Speed that shows in the image, not in timings: a heavy package's new version moves
its own layer alone; the slots install side by side; the same inputs give the same
image; a build whose inputs did not change is not run at all, and one whose base
tag moved is."""

from __future__ import annotations

import itertools
import subprocess
import time
from datetime import datetime
from pathlib import Path

from support import copy_example_app, load, use_variant
from support_cli import task_report
from support_engines import new_machine

from warmbuild import pipeline, plan, registry_http
from warmbuild.docker_engine import DockerEngine


def layers(registry: str, image: str) -> list[tuple[str, int]]:
    """(digest, size) of each layer of an image's linux/amd64 manifest."""
    repository, tag = image.split("/", 1)[1].rsplit(":", 1)

    manifest, _ = registry_http.manifest(registry, repository, tag)
    if "manifests" in manifest:
        [child] = [m for m in manifest["manifests"] if m.get("platform", {}).get("architecture") == "amd64"]
        manifest, _ = registry_http.manifest(registry, repository, child["digest"])
    return [(layer["digest"], layer["size"]) for layer in manifest["layers"]]


def moment(text: str) -> float:
    return datetime.fromisoformat(text[:26].rstrip("Z") + "+00:00").timestamp()


def cache_layers(registry: str, ref: str) -> set[str]:
    """Digests of the layers a registry cache ref holds (its index lists them)."""
    repository, tag = ref.split("/", 1)[1].rsplit(":", 1)
    manifest, _ = registry_http.manifest(registry, repository, tag)
    return {m["digest"] for m in manifest["manifests"] if "layer" in m["mediaType"]}


def test_a_heavy_bump_moves_one_layer_and_the_slots_install_side_by_side(
    tmp_path: Path, unique: str, registry: str
) -> None:
    config = copy_example_app(tmp_path, unique)
    # Machines of their own: on a builder whose cache holds several results of one step
    # (a step run again with --no-cache by another test keeps both), BuildKit may take
    # either, and the layers of unchanged slots would differ by their files' times.
    with new_machine():
        engine = DockerEngine()
        first = pipeline.ensure_deps(engine, pipeline.gather_inputs(load(config), engine, "main"))
        before = layers(registry, first.image)
    # Nothing compiled: the deps cache is exported in min mode, the image's own layers
    # and no slot stage's install layer (the same bytes again).
    assert first.cache_to and ",mode=min," in first.cache_to
    assert cache_layers(registry, plan.cache_ref(load(config), "deps", "main")) <= {d for d, _ in before}

    # A teammate's machine, its builder empty, bumps one heavy package: the other
    # slots come from that cache, none of their installs runs.
    with new_machine():
        engine = DockerEngine()
        use_variant(tmp_path / "backend", "heavy-changed")  # scipy 1.18.1 -> 1.17.1
        inputs = pipeline.gather_inputs(load(config), engine, "main")
        bumped = pipeline.ensure_deps(engine, inputs)
        installed = [s.name for s in bumped.steps if "install-python-deps heavy-" in s.name and not s.cached]
        assert len(installed) == 1, installed
        slot = installed[0].rsplit(" ", 1)[-1]
        assert "scipy==1.17.1" in dict(plan.plan_build(inputs, "deps").files)[f"{slot}/packages.txt"]
        after = layers(registry, bumped.image)
        assert bumped.image != first.image and len(after) == len(before)
        moved = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
        assert len(moved) == 1, [(old[1], new[1]) for old, new in moved]
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


def test_unchanged_inputs_skip_the_build_and_give_the_same_image(tmp_path: Path, unique: str, registry: str) -> None:
    # A base image tag of this test's own, so it can be moved.
    base = f"{registry}/{unique}/python:3.13-slim"
    standin = f"{registry}/library/python:3.13-slim"  # what the mirror serves for python:3.13-slim
    subprocess.run(["docker", "buildx", "imagetools", "create", "-t", base, standin], check=True)
    config = copy_example_app(tmp_path, unique, python_image=base)
    first = task_report("build-prod", config, tmp_path / "1.json", "--branch", "main")
    assert first["prod"]["outcome"] == "built"
    built_id = image_id(first["prod"]["image"])

    started = time.monotonic()
    second = task_report("build-prod", config, tmp_path / "2.json", "--branch", "main")
    print(f"build-prod with nothing changed: {time.monotonic() - started:.2f}s as a process, no buildx run")
    assert second["prod"]["outcome"] == "unchanged" and second["prod"]["steps"] == []
    assert image_id(second["prod"]["image"]) == built_id, "the same inputs give the same image"

    forced = task_report("build-prod", config, tmp_path / "3.json", "--branch", "main", "--rebuild")
    # --rebuild runs prod's own steps again (--no-cache-filter prod, its prod-* stages
    # and light, the stage its light set is installed in); the deps image they build on
    # is reused.
    executed = [step["name"] for step in forced["prod"]["steps"] if not step["cached"]]
    assert forced["prod"]["outcome"] == "built" and forced["deps"]["outcome"] != "built"
    assert executed and all(name.startswith(("[prod ", "[prod-", "[light ")) for name in executed), executed
    assert any(name.startswith("[light ") for name in executed), executed

    # The base tag moves (a new image behind the same name): the plan pins the new
    # digest, so nothing is skipped.
    moved = tmp_path / "moved"
    moved.mkdir()
    (moved / "Dockerfile").write_text(f"FROM {base}\nRUN echo {unique} > /moved\n")
    subprocess.run(
        ["docker", "buildx", "build", "-q", "-t", base, "--push", str(moved)], check=True, stdout=subprocess.DEVNULL
    )
    after_move = task_report("build-prod", config, tmp_path / "4.json", "--branch", "main")
    assert after_move["deps"]["outcome"] == "built", "a new base: a new deps image"
    assert after_move["prod"]["outcome"] == "built"
