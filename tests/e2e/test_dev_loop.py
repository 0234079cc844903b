"""One journey through the local dev loop, on the real engine, registry and a real
browser: warm registry -> new machine -> dev-up -> browser -> edit -> lock change ->
dev-down."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from python_on_whales import docker
from support import REPO_ROOT, copy_example_app, free_port, get_json, load, use_variant
from support_cli import invoke, task_report
from support_engines import new_machine

from warmbuild import devloop
from warmbuild.docker_engine import DockerEngine

ARTIFACTS = REPO_ROOT / "artifacts"
CHROMIUM = "/usr/bin/chromium"
# A developer whose UID is not root's, as on a laptop: the copies are theirs.
HOST_USER = (1234, 1234)


def chown_tree(path: Path) -> None:
    for name in [path, *path.rglob("*")]:
        os.chown(name, *HOST_USER)


def dev_up_cli(config: Path, report: Path) -> dict[str, dict[str, Any]]:
    return task_report("dev-up", config, report, "--branch", "main")


@pytest.fixture
def dev_app(tmp_path: Path, unique: str) -> Path:
    config = copy_example_app(
        tmp_path,
        unique,
        with_frontend=True,
        dev={
            "user": f"{HOST_USER[0]}:{HOST_USER[1]}",
            "backend_port": free_port(),
            "frontend_port": free_port(),
        },
    )
    chown_tree(tmp_path / "backend")
    chown_tree(tmp_path / "frontend")
    return config


def test_dev_loop(dev_app: Path, tmp_path: Path, unique: str) -> None:
    config = dev_app
    settings = load(config)
    backend_url = f"http://127.0.0.1:{settings.dev.backend_port}"
    frontend_url = f"http://127.0.0.1:{settings.dev.frontend_port}"

    # CI warmed the registry: the deps image and the dev caches are there.
    warm = invoke("cache-warm", "--config", str(config), "--branch", "main")
    assert warm.returncode == 0, warm.stdout + warm.stderr

    # A new machine: no local images of the app, an empty builder cache. The rest of
    # the journey runs there, on its network too (the ports the stack publishes).
    images = [f"127.0.0.1:5000/{unique}/{name}:main" for name in ("dev", "frontend-dev")]
    with new_machine() as machine, machine.network():
        started = time.monotonic()
        builds = dev_up_cli(config, tmp_path / "fresh.json")
        print(f"dev-up on a new machine with a warm registry: {time.monotonic() - started:.1f}s")
        assert builds["deps"]["skipped"], "the deps image is reused from the registry, not rebuilt"
        assert get_json(f"{backend_url}/health") == {"status": "ok"}

        # The frontend, in a real browser, asks the backend through its own origin.
        check_in_browser(frontend_url)

        # dev-up again with nothing changed: no build runs, the same images, and the running
        # containers (with the developer's processes and state) are left alone.
        running = containers(unique)
        started = time.monotonic()
        again = dev_up_cli(config, tmp_path / "again.json")
        print(f"dev-up with the stack up and nothing changed: {time.monotonic() - started:.2f}s")
        assert {again[t]["outcome"] for t in ("dev", "frontend-dev")} == {"unchanged"}
        assert containers(unique) == running, "no container was recreated or restarted"

        # `warmbuild dev-up` (the entry point with the quick answer): its first run with
        # nothing to do leaves a record, the next answers from it alone.
        command = [sys.executable, "-m", "warmbuild", "dev-up", "--config", str(config), "--branch", "main"]
        env = {**os.environ, "WARMBUILD_QUICK_DEBUG": "1"}
        subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, check=True)
        started = time.monotonic()
        third = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
        print(f"dev-up with the stack up and nothing changed, answered quickly: {time.monotonic() - started:.2f}s")
        assert third.stdout.startswith("nothing changed since the last build"), third.stdout + third.stderr
        assert containers(unique) == running, "the quick answer left the stack alone"

        # Edit a backend file on the host: the response changes with no image build.
        dev_image = docker.image.inspect(images[0]).id
        main_py = tmp_path / "backend" / "app" / "main.py"
        marker = f"edited-{unique[-8:]}"
        main_py.write_text(main_py.read_text().replace('return {"status": "ok"}', f'return {{"status": "{marker}"}}'))
        edited = time.monotonic()
        while get_json_or_none(f"{backend_url}/health") != {"status": marker}:
            assert time.monotonic() - edited < 60, "the edit never reached the running backend"
            time.sleep(0.05)
        print(f"dev loop: edit to new response {time.monotonic() - edited:.2f}s (target < 2 s)")
        assert docker.image.inspect(images[0]).id == dev_image

        # dev-shell runs in the backend container, as the host user.
        shell = invoke("dev-shell", "--config", str(config), "--command", "sh -c 'id -u'")
        assert shell.returncode == 0 and shell.stdout.strip() == str(HOST_USER[0]), shell.stdout + shell.stderr

        # Files the dev container writes into the mount belong to the host user.
        project = devloop.compose_project(settings)
        DockerEngine().compose_shell(project, "backend", ["touch", "/app/written-by-container"])
        written = tmp_path / "backend" / "written-by-container"
        assert (written.stat().st_uid, written.stat().st_gid) == HOST_USER

        # A lock change: dev-up again rebuilds only what depends on it.
        use_variant(tmp_path / "backend", "light-added")
        chown_tree(tmp_path / "backend")
        builds = dev_up_cli(config, tmp_path / "lock.json")
        assert builds["deps"]["skipped"], "a light dependency keeps the deps image"
        assert builds["frontend-dev"]["steps_executed"] == 0, "the frontend does not depend on the Python lock"
        executed = " ".join(step["name"] for step in builds["dev"]["steps"] if not step["cached"])
        assert "install-python-deps dev-light" in executed
        assert get_json(f"{backend_url}/health") == {"status": marker}

        # dev-down leaves nothing of the stack behind.
        result = invoke("dev-down", "--config", str(config))
        assert result.returncode == 0, result.stderr
        label = f"com.docker.compose.project={unique}"
        assert docker.container.list(all=True, filters=[("label", label)]) == []
        assert docker.network.list(filters=[("label", label)]) == []


def containers(project: str) -> dict[str, tuple[str, str]]:
    """The stack's containers: name -> (ID, when it started)."""
    found = docker.container.list(filters=[("label", f"com.docker.compose.project={project}")])
    return {c.name: (c.id, str(c.state.started_at)) for c in found}


def get_json_or_none(url: str) -> dict[str, Any] | None:
    try:
        return get_json(url)
    except OSError:
        return None  # the backend is restarting


def check_in_browser(url: str) -> None:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
            ],
        )
        try:
            page = browser.new_page()
            page.goto(url)
            page.click("#analyze-sample")
            page.wait_for_selector("#result:not([hidden]) td[data-key=bright_regions]", timeout=30_000)
            assert page.inner_text("td[data-key=bright_regions]") == "2"
            assert page.inner_text("td[data-key=width]") == "240"
            assert "Analyzed sample.png" in page.inner_text("#status")
            page.screenshot(path=str(ARTIFACTS / "dev-loop-frontend.png"), full_page=True)
        finally:
            browser.close()
