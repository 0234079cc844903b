"""The engine facts warmbuild stands on, checked for real: cache mounts, pushes,
registry cache export and import on this machine's builder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from python_on_whales import docker
from support_engines import new_machine

from warmbuild.docker_engine import DockerEngine
from warmbuild.errors import BuildFailed
from warmbuild.progress import BuildRun


def build(context: Path, *flags: str) -> BuildRun:
    argv = ["buildx", "build", "--progress=rawjson", *flags, str(context)]
    return DockerEngine().run_build(argv)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_pip_cache_mount_downloads_only_the_new_package(tmp_path: Path, unique: str) -> None:
    # pip's own HTTP cache trusts the index's Cache-Control headers, which TLS proxies
    # may strip (this machine's does), so warmbuild's pip path keeps a wheelhouse in
    # the cache mount instead: download into it, install from it. The cache id is
    # unique, so the first build starts empty; so is the command, because BuildKit
    # leaves mount options out of a step's cache key.
    write(
        tmp_path / "Dockerfile",
        f"""FROM python:3.13-slim
RUN --mount=type=cache,id={unique},target=/cache/wheelhouse,sharing=locked \\
    --mount=type=bind,source=requirements.txt,target=/tmp/requirements.txt \\
    echo {unique} && pip download --dest /cache/wheelhouse -r /tmp/requirements.txt \\
    && pip install --root-user-action=ignore --no-index --find-links /cache/wheelhouse -r /tmp/requirements.txt
""",
    )
    write(tmp_path / "requirements.txt", "six==1.16.0\n")
    first = build(tmp_path, "-t", f"{unique}:1")
    first_log = first.progress.log_of(first.progress.step_named("pip download"))
    assert "Downloading six-1.16.0" in first_log

    write(tmp_path / "requirements.txt", "six==1.16.0\nidna==3.10\n")
    second = build(tmp_path, "-t", f"{unique}:2")
    step = second.progress.step_named("pip download")
    assert step.executed, "the changed requirements must re-run the install"
    second_log = second.progress.log_of(step)
    assert "Downloading idna-3.10" in second_log
    assert "Downloading six" not in second_log
    assert "File was already downloaded /cache/wheelhouse/six-1.16.0" in second_log
    assert "Successfully installed idna-3.10 six-1.16.0" in second_log


def test_pushed_image_reads_back_with_imagetools(tmp_path: Path, unique: str, registry: str) -> None:
    write(tmp_path / "Dockerfile", f"FROM python:3.13-slim\nRUN echo {unique} > /marker\n")
    ref = f"{registry}/{unique}/image:v1"
    metadata = tmp_path / "metadata.json"
    build(tmp_path, "-t", ref, "--push", "--metadata-file", str(metadata))
    pushed_digest = json.loads(metadata.read_text())["containerimage.digest"]

    assert DockerEngine().manifest_digest(ref) == pushed_digest
    assert docker.buildx.imagetools.inspect(ref).manifests, "a pushed index lists its manifests"


def test_registry_cache_is_imported_by_a_new_machine(tmp_path: Path, unique: str, registry: str) -> None:
    # Unique file contents make every step's cache key new to this builder.
    write(
        tmp_path / "Dockerfile",
        """FROM python:3.13-slim AS base
COPY marker /marker
RUN cat /marker > /copy && sleep 1
FROM base AS final
RUN wc -c /copy > /size
""",
    )
    write(tmp_path / "marker", unique)
    cache_ref = f"{registry}/{unique}/cache:final"
    first = build(tmp_path, "-t", f"{unique}:1", f"--cache-to=type=registry,ref={cache_ref},mode=max")
    assert [s.name for s in first.progress.steps if s.cached and "FROM" not in s.name] == []

    with new_machine() as machine:
        # Control: without the registry cache, a new machine runs every step again.
        control = build(tmp_path, "-t", f"{unique}:control")
        assert [s.name for s in control.progress.steps if s.cached and "FROM" not in s.name] == []
        # The machine's own engine: pruning it disturbs no other test.
        machine.forget_all()

        second = build(tmp_path, "-t", f"{unique}:2", f"--cache-from=type=registry,ref={cache_ref}")
        work = [s for s in second.progress.steps if not s.instruction.startswith("FROM")]
        assert len(work) == 3
        assert all(s.cached for s in work), [(s.name, s.cached) for s in work]


def test_failed_build_names_the_step(tmp_path: Path, unique: str) -> None:
    write(tmp_path / "Dockerfile", "FROM python:3.13-slim\nRUN echo before-failure && exit 3\n")
    with pytest.raises(BuildFailed) as failure:
        build(tmp_path, "-t", f"{unique}:x")
    assert "RUN echo before-failure" in failure.value.problem
    assert "exit code: 3" in failure.value.problem
