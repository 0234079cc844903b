"""The orchestration core on the real engine and registry, with the example app.

Each test copies the example backend and names its own images and cache refs, so
no test sees another's registry cache.
"""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

from python_on_whales import docker
from support import address_of, copy_example_app, get_json, load, use_variant, wait_healthy
from support_engines import new_machine

from warmbuild import pipeline
from warmbuild.docker_engine import DockerEngine
from warmbuild.engine import ProgressCallback
from warmbuild.options import Config
from warmbuild.progress import BuildProgress
from warmbuild.report import BuildSummary

BRANCH = "main"


def build_target(
    config: Path | Config, target: str, branch: str = BRANCH, on_progress: ProgressCallback | None = None
) -> dict[str, BuildSummary]:
    started = time.monotonic()
    settings = load(config) if isinstance(config, Path) else config
    summaries = pipeline.build_target(settings, DockerEngine(), target, branch=branch, on_progress=on_progress)
    print(
        f"{target}: {time.monotonic() - started:.1f}s "
        + ", ".join(
            f"{s.target}={'reused' if s.skipped else f'{s.steps_cached}/{s.steps_total} cached'}" for s in summaries
        )
    )
    return {s.target: s for s in summaries}


class ProgressCapture:
    """Keeps the live BuildProgress of the last build (it holds the step logs)."""

    last: BuildProgress | None = None

    def __call__(self, progress: BuildProgress) -> None:
        self.last = progress


def instructions(summary: BuildSummary) -> set[str]:
    """Executed steps as their Dockerfile instruction, mount options dropped."""
    return {
        " ".join(p for p in name.split("] ", 1)[1].split() if not p.startswith("--mount="))
        for name in summary.executed_steps
    }


def deps_tag(config_path: Path) -> str:
    [deps_plan] = pipeline.plan_targets(load(config_path), DockerEngine(), ["deps"], BRANCH)
    return deps_plan.image.rsplit(":", 1)[1]


def test_deps_image_is_built_once_per_heavy_content(tmp_path: Path, unique: str) -> None:
    config = copy_example_app(tmp_path, unique)
    first = build_target(config, "deps")["deps"]
    assert not first.skipped and first.pushed == (first.image,)
    assert DockerEngine().registry_has(first.image)
    provenance = subprocess.run(
        ["docker", "buildx", "imagetools", "inspect", first.image, "--format", "{{json .Provenance}}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert '"buildType"' in provenance and "install-python-deps heavy" in provenance, "SLSA provenance, mode=max"

    started = time.monotonic()
    second = build_target(config, "deps")["deps"]
    print(f"second build-deps with an unchanged lock: {time.monotonic() - started:.2f}s, no build started")
    assert second.skipped and second.image == first.image and second.steps == ()

    tag = first.image.rsplit(":", 1)[1]
    use_variant(tmp_path / "backend", "light-added")
    assert deps_tag(config) == tag, "a light dependency must not change the deps tag"
    use_variant(tmp_path / "backend", "heavy-changed")
    assert deps_tag(config) != tag, "a heavy package's new version must give a new deps tag"


def test_prod_rebuilds_only_what_changed(tmp_path: Path, unique: str) -> None:
    config = copy_example_app(tmp_path, unique)
    first = build_target(config, "prod")
    # A laptop's build-prod pushes the deps image it built, not its cache (cache-warm's).
    assert first["deps"].pushed and first["deps"].cache_to is None
    app_repository = first["deps"].image.rsplit("/deps:", 1)[0]
    assert not DockerEngine().registry_has(f"{app_repository}/cache:deps-main")

    # A machine without a layer of an earlier run (this one holds the variants below
    # from earlier runs): the deps image comes from the registry, and its first prod
    # build fills uv's download cache, as on a developer's machine.
    with new_machine():
        assert build_target(config, "prod")["deps"].skipped
        main_py = tmp_path / "backend" / "app" / "main.py"
        main_py.write_text(main_py.read_text() + f"\n# a code-only change ({unique})\n")
        code_change = build_target(config, "prod")
        assert code_change["deps"].skipped
        assert instructions(code_change["prod"]) == {"COPY . /app", "RUN python -m compileall -q /app"}

        use_variant(tmp_path / "backend", "light-added")
        progress = ProgressCapture()
        light = build_target(config, "prod", on_progress=progress)
        assert light["deps"].skipped, "the deps image is reused for a light dependency"
        # The light install (its own stage, linked in), and what follows it (with uv
        # and no path dependencies nothing downloads: the checks and the package
        # managers' removal in one step without secret mounts), then the code.
        assert instructions(light["prod"]) == {
            "RUN install-python-deps light",
            "COPY --link --from=light /opt/venv /opt/venv",
            "LINK COPY --link --from=light /opt/venv /opt/venv",  # BuildKit's own vertex of a --link copy
            "RUN install-python-deps check && install-python-deps libraries"
            " && install-python-deps remove-package-managers",
            "COPY . /app",
            "RUN python -m compileall -q /app",
        }
        # uv's report of that step: of the light packages only the new one was fetched,
        # the others came from the uv cache mount this machine's first build filled;
        # without the mount it would prepare all 22.
        assert progress.last is not None
        log = progress.last.log_of(progress.last.step_named("install-python-deps light"))
        assert re.findall(r"Prepared (\d+) package", log) == ["1"], log
        assert "Installed 22 packages" in log, log
        assert "+ humanize==4.17.0" in log


def test_a_new_machine_imports_registry_cache_and_pull_requests_export_nothing(
    tmp_path: Path, unique: str, registry: str
) -> None:
    # This machine writes the team's cache (as CI's cache-warm would).
    config = copy_example_app(tmp_path, unique, cache={"export_local": True})
    build_target(config, "prod")
    # A new machine: no local images of this app, an empty builder cache.
    with new_machine():
        client = DockerEngine()
        cache_ref = f"{registry}/{unique}/cache:prod-main"
        fresh = build_target(config, "prod")
        assert fresh["deps"].skipped, "the deps image comes from the registry"
        assert fresh["prod"].cache_hit_percent >= 90, fresh["prod"].steps

        # A pull request with a code change: imports the caches, exports none.
        exported = client.manifest_digest(cache_ref)
        main_py = tmp_path / "backend" / "app" / "main.py"
        main_py.write_text(main_py.read_text() + "\n# pull-request change\n")
        read_only = load(config).model_copy(update={"cache": load(config).cache.model_copy(update={"read_only": True})})
        pull_request = build_target(read_only, "prod", branch="feature-pr")
        assert pull_request["prod"].cache_to is None and pull_request["prod"].steps_executed >= 1
        assert client.manifest_digest(cache_ref) == exported
        assert not client.registry_has(f"{registry}/{unique}/cache:prod-feature-pr")


def test_prod_image_is_lean_non_root_and_answers(tmp_path: Path, unique: str) -> None:
    config = copy_example_app(tmp_path, unique)
    prod = build_target(config, "prod")["prod"]
    # Every package has a wheel here: the wheel-build stage is not even resolved.
    assert prod.steps and not [step for step in prod.steps if step.stage == "wheel-build"]
    image = docker.image.inspect(prod.image)
    assert image.config.user == "10001:10001"
    # The real command (through `exec`, so the server is PID 1), its port, its health check.
    assert image.config.cmd == ["sh", "-c", 'exec uvicorn --host 0.0.0.0 --port "$PORT" app.main:app']
    assert "PORT=8000" in (image.config.env or []) and image.config.healthcheck
    assert (image.config.labels or {}).get("org.opencontainers.image.title") == unique

    # As root, so find sees every directory.
    leftovers = docker.run(
        prod.image,
        [
            "sh",
            "-c",
            "for c in gcc cc g++ make poetry uv pip pip3; do command -v $c; done;"
            " find / -xdev \\( -name '*.whl' -o -path '*/bin/poetry' \\) -print;"
            " base=\"$(sed -n 's/^home = //p' /opt/venv/pyvenv.cfg)/python3\";"
            ' for m in pip setuptools ensurepip._bundled; do "$base" -c "import $m" 2>/dev/null && echo $m; done; true',
        ],
        remove=True,
        entrypoint="",
        user="0",
    )
    assert leftovers.strip() == ""

    container = docker.run(prod.image, detach=True, read_only=True, tmpfs=["/tmp"], name=f"{unique}-prod")
    try:
        address = address_of(container.id)
        assert wait_healthy(container.id), docker.logs(container)
        assert get_json(f"http://{address}:8000/health") == {"status": "ok"}
        assert get_json(f"http://{address}:8000/api/info")["opencv"].startswith("4.")
    finally:
        container.remove(force=True)


def test_dev_image_has_no_code_and_runs_the_apps_own_tests(tmp_path: Path, unique: str) -> None:
    config = copy_example_app(tmp_path, unique)
    dev = build_target(config, "dev")["dev"]
    assert docker.run(dev.image, ["ls", "-A", "/app"], remove=True, entrypoint="").strip() == ""
    output = docker.run(
        dev.image,
        ["python", "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        remove=True,
        volumes=[(str(tmp_path / "backend"), "/app")],
        envs={"PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert " passed" in output and "failed" not in output
