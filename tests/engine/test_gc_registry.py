"""`invoke gc` on a real registry: a registry of its own (distribution, as
ci/provision-engine.sh runs it), filled with a default branch's caches, a live and a
dead branch's images and four deps versions; the dry run deletes nothing, --apply
deletes exactly what no kept ref uses, the registry's garbage collection frees the
bytes, and the default branch still builds warm."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from support import DATA, OTHER_APP, RegistryProcess, load, missing_blobs, write_settings
from support_cli import invoke
from support_engines import new_machine
from support_leftovers import purge

from warmbuild import gc, pipeline, registry_http, warm
from warmbuild.docker_engine import DockerEngine


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


def app_repository(tmp_path: Path, name: str, registry: str) -> Path:
    """other-app in a git repository whose remote has main and feature-live; feature-dead
    was pushed and has since been deleted there."""
    app = tmp_path / "app"
    shutil.copytree(DATA / "other-app", app / "service-src")
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    git(app, "init", "-q", "-b", "main")
    git(app, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "start")
    git(app, "remote", "add", "origin", str(remote))
    for branch in ("main", "feature-live", "feature-dead"):
        git(app, "push", "-q", "origin", f"main:{branch}")
    git(app, "push", "-q", "origin", "--delete", "feature-dead")
    write_config(app, name, registry, ["pillow"])
    return app


def write_config(app: Path, name: str, registry: str, heavy: list[str]) -> Path:
    """Each heavy set is another deps image."""
    settings = {**OTHER_APP, "name": name, "registry": registry, "heavy": heavy, "gc": {"keep_deps": 0}}
    return write_settings(app / "warmbuild.yaml", **settings)


def registry_tags(registry: str, name: str) -> set[str]:
    return {f"{kind}:{tag}" for kind in gc.KINDS for tag in registry_http.tags(registry, f"{name}/{kind}")}


def test_gc_deletes_what_no_kept_ref_uses_and_the_default_branch_stays_warm(
    tmp_path: Path, unique: str, own_registry: RegistryProcess
) -> None:
    own_registry.start()
    registry = own_registry.address
    app = app_repository(tmp_path, unique, registry)
    try:
        fill_and_collect(app, unique, own_registry)
    finally:
        purge(unique, registry)


def fill_and_collect(app: Path, unique: str, own_registry: RegistryProcess) -> None:
    registry = own_registry.address
    engine = DockerEngine()
    config_path = app / "warmbuild.yaml"
    # main: warm caches on deps A. feature-dead: a prod image on deps B, then deps D
    # (and the branch's deps cache). feature-live: a dev image on deps C.
    warm.cache_warm(load(config_path), engine, branch="main")
    deps = {"A": pipeline.build_target(load(config_path), engine, "deps")[0].image}
    write_config(app, unique, registry, ["pillow", "anyio"])
    built = pipeline.build_target(load(config_path), engine, "prod", push=True, branch="feature-dead")
    deps["B"] = built[0].image
    write_config(app, unique, registry, ["pillow", "idna"])
    built = pipeline.build_target(load(config_path), engine, "dev", push=True, branch="feature-live")
    deps["C"] = built[0].image
    write_config(app, unique, registry, ["anyio"])
    deps["D"] = pipeline.build_target(load(config_path), engine, "deps", branch="feature-dead")[0].image
    tag = {key: "deps:" + image.rsplit(":", 1)[1] for key, image in deps.items()}
    assert len(set(tag.values())) == 4
    before = registry_tags(registry, unique)
    write_config(app, unique, registry, ["pillow"])
    # What keeps deps A: the default branch's dev and prod caches list its layers.
    deps_a = registry_http.stored_ref(registry, f"{unique}/deps", tag["A"].split(":")[1])
    for cache in ("dev-main", "prod-main"):
        assert set(deps_a.layers) <= set(registry_http.stored_ref(registry, f"{unique}/cache", cache).layers)

    listed = invoke("gc", "--config", str(config_path))
    assert listed.returncode == 0, listed.stderr
    assert registry_tags(registry, unique) == before, "a dry run deletes nothing"
    flat = " ".join(listed.stdout.split())
    assert "dry run: nothing was deleted" in flat

    applied = invoke("gc", "--config", str(config_path), "--apply")
    assert applied.returncode == 0, applied.stderr
    gone = {"prod:feature-dead", "cache:deps-feature-dead", tag["B"], tag["D"]}
    assert registry_tags(registry, unique) == before - gone
    assert {"cache:dev-main", "cache:prod-main", tag["A"], "dev:feature-live", tag["C"]} <= before - gone
    reported = " ".join(applied.stdout.split())
    assert "registry: 4 refs, up to" in reported

    freed = own_registry.collect_garbage()
    print(
        f"\ngc: {sorted(gone)} deleted; {reported.split('registry: ')[1].split(';')[0]}; "
        f"the registry's garbage collection freed {freed / 1e6:.0f} MB"
    )
    assert freed > 0
    for name in registry_tags(registry, unique):
        kind, reference = name.split(":")
        assert missing_blobs(registry, f"{unique}/{kind}", reference) == [], name

    # The default branch on a new machine: deps reused, prod all cached. The registry
    # is this test's own, on the host's loopback: forwarded to the same address there.
    with new_machine(forward=(int(registry.rsplit(":", 1)[1]),)):
        summaries = {s.target: s for s in pipeline.build_target(load(config_path), engine, "prod", branch="main")}
    assert summaries["deps"].skipped, "deps A is still in the registry"
    assert summaries["prod"].steps_executed == 0, summaries["prod"]
