"""build-prod builds the frontend's prod image too: static files and an /api proxy,
non-root, healthy, next to the backend's prod image."""

from __future__ import annotations

import urllib.request
from pathlib import Path

from python_on_whales import docker
from support import address_of, copy_example_app, get_json, load, wait_healthy

from warmbuild import pipeline
from warmbuild.docker_engine import DockerEngine


def test_frontend_prod_serves_the_page_and_proxies_the_api(tmp_path: Path, unique: str) -> None:
    config = copy_example_app(tmp_path, unique, with_frontend=True)
    summaries = {s.target: s for s in pipeline.build_target(load(config), DockerEngine(), "prod", branch="main")}
    assert set(summaries) == {"deps", "prod", "frontend-prod"}
    frontend_image = summaries["frontend-prod"].image
    assert docker.image.inspect(frontend_image).config.user == "10001:10001"

    network = docker.network.create(f"{unique}-net")
    containers = []
    try:
        containers.append(
            docker.run(
                summaries["prod"].image,
                detach=True,
                networks=[network],
                network_aliases=["backend"],
                read_only=True,
                tmpfs=["/tmp"],
                name=f"{unique}-backend",
            )
        )
        web = docker.run(frontend_image, detach=True, networks=[network], read_only=True, name=f"{unique}-web")
        containers.append(web)
        assert wait_healthy(web.id), docker.logs(web)
        address = address_of(web.id, network.name)
        with urllib.request.urlopen(f"http://{address}:8080/", timeout=10) as response:
            page = response.read().decode()
        assert "<title>Image statistics</title>" in page and "/assets/" in page, "the built page, not the dev one"
        assert wait_healthy(containers[0].id)
        assert get_json(f"http://{address}:8080/api/info")["numpy"].startswith("2.")
    finally:
        for container in containers:
            container.remove(force=True)
        network.remove()
