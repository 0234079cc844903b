"""Nothing is specific to the example: another app, another lock format, another
installer, another module, port and health path — by configuration alone."""

from __future__ import annotations

from pathlib import Path

from python_on_whales import docker
from support import OTHER_APP, address_of, copy_data_app, get_json, load, wait_healthy

from warmbuild import pipeline
from warmbuild.docker_engine import DockerEngine


def test_requirements_lock_with_pip_installer(tmp_path: Path, unique: str) -> None:
    config_path = copy_data_app(tmp_path, "other-app", unique, **OTHER_APP, installer="pip", apt_packages=[])
    summaries = {s.target: s for s in pipeline.build_target(load(config_path), DockerEngine(), "prod", branch="main")}
    assert summaries["deps"].pushed, "the deps image holds pillow"
    image = summaries["prod"].image

    installed = docker.run(image, ["python", "-c", "import PIL, starlette; print(PIL.__version__)"], remove=True)
    assert installed.strip() == "13.0.0"
    container = docker.run(image, detach=True, read_only=True, tmpfs=["/tmp"], name=f"{unique}-svc")
    try:
        address = address_of(container.id)
        assert wait_healthy(container.id), docker.logs(container)
        assert get_json(f"http://{address}:9000/render")["mean"] > 0
    finally:
        container.remove(force=True)
