"""`installer: poetry` runs `poetry install --no-root` for real inside the build.

Poetry needs an index with PyPI's JSON API or a legacy source; where only the simple
index is reachable (this machine's proxy), a loopback index is the honest way: the
fixture app is locked against pypiserver on 127.0.0.1:18765, which the build reaches
through `network: host`.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from python_on_whales import docker
from support import copy_data_app, load, package_index

from warmbuild import pipeline
from warmbuild.docker_engine import DockerEngine

INDEX_PORT = 18765
WHEELS = ("six==1.16.0", "idna==3.10")


@pytest.fixture(scope="module")
def loopback_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    wheels = tmp_path_factory.mktemp("index")
    # The wheels come from the package registry once; the build then sees only loopback.
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--dest", str(wheels), *WHEELS], check=True
    )
    with package_index(wheels, INDEX_PORT) as url:
        yield url


@pytest.mark.usefixtures("loopback_index")
def test_poetry_install_no_root_in_deps_and_dev(tmp_path: Path, unique: str) -> None:
    config_path = copy_data_app(
        tmp_path, "poetry-index-app", unique, context="app", installer="poetry", heavy=["idna"], apt_packages=[],
        network="host", command=["python", "-c", "import idna"],  # it serves nothing: no server in its lock
    )  # fmt: skip
    summaries = {s.target: s for s in pipeline.build_target(load(config_path), DockerEngine(), "dev", branch="main")}
    deps_image, dev_image = summaries["deps"].image, summaries["dev"].image
    assert summaries["deps"].pushed

    check = "import importlib.util as u; print(u.find_spec('idna') is not None, u.find_spec('six') is not None)"
    # deps holds the main group; dev adds the dev group (six); neither holds Poetry.
    assert docker.run(deps_image, ["python", "-c", check], remove=True).strip() == "True False"
    assert docker.run(dev_image, ["python", "-c", check], remove=True).strip() == "True True"
    assert (
        docker.run(
            dev_image,
            ["sh", "-c", "command -v poetry; ls /opt/venv/bin | grep -c poetry; true"],
            remove=True,
            entrypoint="",
        ).strip()
        == "0"
    )
