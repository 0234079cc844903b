"""Many machines, one registry: extra engines from ci/engines.sh stand in for CI
runners and teammates' machines. Each has its own network namespace, data root and
temp folder (warmbuild's machine lock lives there), and its own checkout; they share
only the registry, as a fleet does."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from support import OTHER_APP, copy_data_app, copy_example_app, free_port, missing_blobs
from support_engines import Run, runners

from warmbuild import registry_http
from warmbuild.refs import parse_image_ref

PIP_DOWNLOAD = ["python3", "-m", "pip", "download", "-q", "--no-deps", "-d", "/tmp/x", "six==1.17.0"]


def example_checkout(folder: Path, name: str) -> Path:
    """The example app (backend and frontend) as a fresh clone on one machine."""
    folder.mkdir(parents=True)
    return copy_example_app(folder, name, with_frontend=True)


def small_checkout(folder: Path, name: str) -> Path:
    """other-app (pillow, starlette; a pip requirements lock): small, so concurrent
    rounds stay short."""
    return copy_data_app(folder, "other-app", name, **OTHER_APP)


def test_a_fresh_runner_builds_prod_and_starts_the_dev_stack_from_what_another_runner_warmed(
    tmp_path: Path, unique: str
) -> None:
    config_a = example_checkout(tmp_path / "machine-a", unique)
    config_b = example_checkout(tmp_path / "machine-b", unique)
    with runners(tmp_path, ("wb-a", 1, ()), ("wb-b", 2, ()), ("wb-c", 4, ())) as (runner_a, runner_b, runner_c):
        warm = runner_a.warmbuild("cache-warm", config_a, "--branch", "main")
        assert warm.ok, warm.why()
        # The floor on a third empty machine: only pulling the deps image, nothing else.
        started = time.monotonic()
        runner_c.docker("pull", "-q", warm.builds["deps"]["image"])
        floor = time.monotonic() - started
        prod = runner_b.warmbuild("build-prod", config_b, "--branch", "main")
        assert prod.ok, prod.why()
        dev = runner_b.warmbuild("dev-up", config_b, "--branch", "main")
        assert dev.ok, dev.why()
        pulled = runner_b.content_bytes()
        health = runner_b.in_namespace(
            "python3", "-c", "import urllib.request as u; print(u.urlopen('http://127.0.0.1:8000/health').read())"
        )
        page = runner_b.in_namespace("python3", "-c", "import urllib.request as u; u.urlopen('http://127.0.0.1:5173/')")

    print(
        f"\nrunners: cold cache-warm on A {warm.seconds:.1f} s; on B, empty: build-prod {prod.seconds:.1f} s "
        f"(x{prod.seconds / warm.seconds:.2f}), dev-up {dev.seconds:.1f} s (x{dev.seconds / warm.seconds:.2f}); "
        f"B pulled {pulled / 1e6:.0f} MB; `docker pull` of the deps image alone on C: {floor:.1f} s"
    )
    assert warm.builds["deps"]["outcome"] == "built"
    # B built nothing A had built: the deps image came from the registry, every step from cache.
    assert prod.builds["deps"]["outcome"] == "reused from the registry"
    assert dev.builds["deps"]["outcome"] in ("reused from the registry", "reused from the local image store")
    for run, target in ((prod, "prod"), (dev, "dev"), (dev, "frontend-dev")):
        assert run.builds[target]["steps_executed"] == 0, (target, run.builds[target]["steps"])
    assert health.returncode == 0 and b'"ok"' in health.stdout.encode(), health.stderr
    assert page.returncode == 0, page.stderr


def concurrently(*calls: Callable[[], Run]) -> list[Run]:
    results: list[Run | None] = [None] * len(calls)

    def run(index: int) -> None:
        results[index] = calls[index]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [r for r in results if r is not None]


def test_two_runners_warming_one_branch_at_once_leave_a_consistent_registry(
    tmp_path: Path, unique: str, registry: str
) -> None:
    configs = [small_checkout(tmp_path / f"machine-{m}", unique) for m in "ab"]
    with runners(tmp_path, ("wb-a", 1, ()), ("wb-b", 2, ())) as machines:
        rounds = []
        for _ in range(3):
            runs = concurrently(*(lambda r=r, c=c: r.warmbuild("cache-warm", c, "--branch", "main")
                                  for r, c in zip(machines, configs, strict=True)))  # fmt: skip
            for run in runs:
                assert run.ok, run.why()
            rounds.append(runs)
        third = machines[0].warmbuild("cache-warm", configs[0], "--branch", "main")
        assert third.ok, third.why()
        # Importable: B forgets its builds and builds prod all from the registry.
        machines[1].docker("buildx", "prune", "--all", "--force")
        prod = machines[1].warmbuild("build-prod", configs[1], "--branch", "main")
        assert prod.ok, prod.why()

    exported = [[sorted(t for t, b in run.builds.items() if b["cache_to"]) for run in runs] for runs in rounds]
    print(f"\nconcurrent cache-warm, exports per round (A, B): {exported}")
    # After the first round, the branch's caches are current for both: nobody exports.
    assert exported[1:] == [[[], []], [[], []]]
    assert all(not b["cache_to"] for b in third.builds.values()), third.builds
    for kind, reference in (("cache", "deps-main"), ("cache", "dev-main"), ("cache", "prod-main")):
        assert missing_blobs(registry, f"{unique}/{kind}", reference) == [], reference
    deps_tag = prod.builds["deps"]["image"].rsplit(":", 1)[1]
    assert missing_blobs(registry, f"{unique}/deps", deps_tag) == []
    assert prod.builds["prod"]["steps_executed"] == 0, prod.builds["prod"]["steps"]


def test_extra_engines_leave_the_first_engines_network_alone(tmp_path: Path) -> None:
    with runners(tmp_path, ("wb-net", 3, ())) as (runner,):
        runner.docker("pull", "-q", "python:3.13-slim")
        inside = subprocess.run(
            ["docker", "run", "--rm", "python:3.13-slim", *PIP_DOWNLOAD], env=runner.env, capture_output=True, text=True
        )
        assert inside.returncode == 0, inside.stderr
    # After the runner is gone: the first engine's containers still resolve and download.
    after = subprocess.run(["docker", "run", "--rm", "python:3.13-slim", *PIP_DOWNLOAD], capture_output=True, text=True)
    assert after.returncode == 0, after.stderr
    leftovers = subprocess.run(["ip", "netns", "list"], capture_output=True, text=True).stdout
    assert "wb-net" not in leftovers


def test_a_remote_builder_reached_through_a_docker_context_warms_and_pushes_and_loads_nothing_here(
    tmp_path: Path, unique: str, registry: str
) -> None:
    config = small_checkout(tmp_path / "machine", unique)
    port = free_port()
    docker_config = tmp_path / "docker-config"  # the context lives in this user's CLI config only
    docker_config.mkdir()
    env = {**os.environ, "DOCKER_CONFIG": str(docker_config), "TMPDIR": str(tmp_path), "COLUMNS": "250"}
    env.pop("DOCKER_HOST", None)
    with runners(tmp_path, ("wb-remote", 6, ("--tcp", str(port)))):
        subprocess.run(
            ["docker", "context", "create", "shared-builder", "--docker", f"host=tcp://127.0.0.1:{port}"],
            env=env, check=True, capture_output=True,
        )  # fmt: skip

        def warmbuild(*args: str) -> subprocess.CompletedProcess[str]:
            command = [sys.executable, "-m", "warmbuild", *args, "--config", str(config), "--builder", "shared-builder"]
            return subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)

        doctor = warmbuild("doctor")
        warm = warmbuild("cache-warm", "--branch", "main")
        pushed = warmbuild("build-prod", "--push", "--branch", "main")
        refused = warmbuild("dev-up", "--branch", "main")
        here = subprocess.run(["docker", "image", "ls", "--format", "{{.Repository}}"], capture_output=True, text=True)

    report = " ".join(doctor.stdout.split())
    print(f"\nremote builder, doctor: {report[report.index('builder') :][:400]}")
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    assert "shared-builder (driver docker, linux/amd64, endpoint shared-builder)" in report
    assert "registry cache export (docker driver, containerd image store)" in report
    assert "images load into the engine of context shared-builder" in report
    assert warm.returncode == 0, warm.stdout + warm.stderr
    assert pushed.returncode == 0, pushed.stdout + pushed.stderr
    assert registry_http.lookup_manifest(registry, parse_image_ref(f"{registry}/{unique}/prod:main"))
    for ref in ("deps-main", "dev-main", "prod-main"):
        assert missing_blobs(registry, f"{unique}/cache", ref) == [], ref
    assert unique not in here.stdout, "nothing was loaded into this engine"
    assert refused.returncode == 4, refused.stdout + refused.stderr
    assert "would be loaded there, not into this engine" in refused.stderr


def test_a_full_disk_is_a_clear_error_and_leaves_no_tag(tmp_path: Path, unique: str, registry: str) -> None:
    """A runner whose data root is a 400 MB tmpfs: the example's deps (numpy, scipy,
    opencv) do not fit."""
    config = example_checkout(tmp_path / "machine", unique)
    with runners(tmp_path, ("wb-full", 7, ("--data-size", "400m"))) as (runner,):
        full = runner.warmbuild("build-deps", config, "--branch", "main")
        images = runner.docker("image", "ls", "--format", "{{.Repository}}")
    error = full.result.stderr.strip()
    print(f"\ndisk full: exit {full.result.returncode}: {error[:400]}")
    assert full.result.returncode == 6, full.why()
    assert error.startswith("error: the builder ran out of disk space at [") and "invoke gc --apply" in error
    assert "No space left on device" in error
    assert len(error.splitlines()) == 1 and "Traceback" not in full.result.stdout + error
    assert registry_http.tags(registry, f"{unique}/deps") == [], "nothing was pushed"
    assert unique not in images, "nothing was tagged"


def unlink_blobs(registry: str, repository: str, digests: list[str]) -> None:
    """What a registry's garbage collection does to the layers of a cache ref rewritten
    under a build that had already read its old manifest."""
    for digest in digests:
        request = urllib.request.Request(f"http://{registry}/v2/{repository}/blobs/{digest}", method="DELETE")
        urllib.request.urlopen(request, timeout=10).close()


def test_a_cache_that_loses_layers_under_a_runner_is_built_around_and_repaired(
    tmp_path: Path, unique: str, registry: str
) -> None:
    configs = [small_checkout(tmp_path / f"machine-{m}", unique) for m in "ab"]
    with runners(tmp_path, ("wb-a", 1, ()), ("wb-b", 2, ())) as (runner_a, runner_b):
        warm = runner_a.warmbuild("cache-warm", configs[0], "--branch", "main")
        assert warm.ok, warm.why()
        cache = registry_http.stored_ref(registry, f"{unique}/cache", "prod-main")
        deps = registry_http.stored_ref(registry, f"{unique}/deps", warm.builds["deps"]["image"].rsplit(":", 1)[1])
        own_layers = [layer for layer in cache.layers if layer not in deps.layers]
        unlink_blobs(registry, f"{unique}/cache", own_layers)

        built = runner_b.warmbuild("build-prod", configs[1], "--branch", "main")
        repaired = runner_a.warmbuild("cache-warm", configs[0], "--branch", "main")
        whole = registry_http.missing_blobs(registry, f"{unique}/cache", "prod-main")
        # B's builder and image forgotten: its next build-prod runs buildx (not skipped
        # as unchanged) and takes every step from the repaired registry cache.
        assert built.ok, built.why()
        runner_b.docker("buildx", "prune", "--all", "--force")
        runner_b.docker("image", "rm", built.builds["prod"]["image"])
        after = runner_b.warmbuild("build-prod", configs[1], "--branch", "main")

    print(f"\nlost cache layers: {len(own_layers)} unlinked; B built anyway ({built.seconds:.1f} s), A exported again")
    assert built.ok, built.why()
    assert "built again without registry cache" in " ".join(built.builds["prod"]["notes"])
    assert repaired.ok and "exported again whole" in " ".join(repaired.builds["prod"]["notes"]), repaired.why()
    assert whole == []
    assert after.ok and after.builds["prod"]["steps_executed"] == 0 and not after.builds["prod"]["notes"], after.why()
