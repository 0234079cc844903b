"""No secret and no ignored file ever lands in an image layer, its config or history,
or the exported registry cache."""

from __future__ import annotations

import gzip
import io
import json
import shutil
import subprocess
import tarfile
import urllib.request
import uuid
from pathlib import Path

import pytest
import zstandard
from support import copy_example_app, load

from warmbuild import pipeline, plan
from warmbuild.docker_engine import DockerEngine
from warmbuild.registry_http import MANIFEST_TYPES


def blobs_in_saved_image(image: str) -> list[bytes]:
    """Every blob of `docker save` (layers, configs, manifests), decompressed."""
    saved = subprocess.run(["docker", "save", image], capture_output=True, check=True).stdout
    found = []
    with tarfile.open(fileobj=io.BytesIO(saved)) as archive:
        for member in archive.getmembers():
            extracted = archive.extractfile(member) if member.isfile() else None
            if extracted is not None:
                found.append(_decompressed(extracted.read()))
    return found


def blobs_in_registry(registry: str, repository: str, reference: str) -> list[bytes]:
    base = f"http://{registry}/v2/{repository}"
    request = urllib.request.Request(f"{base}/manifests/{reference}", headers={"Accept": ", ".join(MANIFEST_TYPES)})
    with urllib.request.urlopen(request, timeout=10) as response:
        manifest_bytes = response.read()
    manifest = json.loads(manifest_bytes)
    found = [manifest_bytes]
    for child in manifest.get("manifests", []) + manifest.get("layers", []) + [manifest.get("config") or {}]:
        if not child:
            continue
        if child.get("mediaType") in MANIFEST_TYPES:
            found += blobs_in_registry(registry, repository, child["digest"])
        else:
            with urllib.request.urlopen(f"{base}/blobs/{child['digest']}", timeout=60) as response:
                found.append(_decompressed(response.read()))
    return found


def _decompressed(data: bytes) -> bytes:
    """Layers come gzip- or zstd-compressed (`compression:`): scan their content,
    or the scan would pass without seeing anything."""
    if data[:2] == b"\x1f\x8b":
        return gzip.decompress(data)
    if data[:4] == b"\x28\xb5\x2f\xfd":  # zstd frames have no size in them when streamed
        return zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data)).read()
    return data


def test_secrets_and_ignored_files_never_reach_images_or_cache(
    tmp_path: Path, unique: str, registry: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = f"SECRET-{uuid.uuid4().hex}"
    planted = f"PLANTED-{uuid.uuid4().hex}"
    # Real, usable secrets with the marker inside: a CA bundle with a comment line, a
    # netrc entry for a host nobody uses.
    ca_bundle = tmp_path / "ca.pem"
    ca_bundle.write_text(Path("/etc/ssl/certs/ca-certificates.crt").read_text() + f"\n# {secret}\n")
    monkeypatch.setenv("WARMBUILD_TEST_NETRC", f"machine index.invalid login ci password {secret}\n")
    config = copy_example_app(
        tmp_path,
        unique,
        secrets=[{"id": "ca", "file": str(ca_bundle)}, {"id": "netrc", "env": "WARMBUILD_TEST_NETRC"}],
    )
    app = tmp_path / "backend"
    (app / ".env").write_text(f"API_TOKEN={planted}\n")
    (app / ".git").mkdir()
    (app / ".git" / "config").write_text(f"[remote]\n  url = https://{planted}@git.invalid/x\n")
    shutil.copytree(app / "app", app / ".venv" / "lib")  # a stray virtualenv
    (app / ".venv" / "marker").write_text(planted)
    # Control: a file that is meant to ship, so the scan is shown to find what is there.
    shipped = f"SHIPPED-{uuid.uuid4().hex}"
    (app / "app" / "shipped.txt").write_text(shipped)

    client = DockerEngine()
    inputs = pipeline.gather_inputs(load(config), client, "main")
    images = {}
    for target in ("deps", "dev", "prod"):
        # --no-cache-filter: the secret-mounting steps really run in this build.
        output = plan.Output.LOAD if target == "dev" else plan.Output.PUSH
        target_plan = plan.plan_build(inputs, target, output, no_cache=True)
        assert "id=ca,src=" + str(ca_bundle) in " ".join(target_plan.argv)
        summary = pipeline.execute(client, target_plan)
        assert any("install-python-deps" in name for name in summary.executed_steps)
        images[target] = target_plan.image

    for target, image in images.items():
        blobs = blobs_in_saved_image(image)
        assert blobs, image
        assert not [b for b in blobs if secret.encode() in b], f"secret in a layer or config of {target}"
        assert not [b for b in blobs if planted.encode() in b], f"an ignored file reached {target}"
        assert any(shipped.encode() in b for b in blobs) == (target == "prod"), "the scan must see shipped code"
        history = subprocess.run(["docker", "history", "--no-trunc", image], capture_output=True, text=True).stdout
        inspect = subprocess.run(["docker", "image", "inspect", image], capture_output=True, text=True).stdout
        assert secret not in history + inspect and planted not in history + inspect

    for ref in ("deps-main", "dev-main", "prod-main"):
        cache = blobs_in_registry(registry, f"{unique}/cache", ref)
        assert len(cache) > 2, ref
        assert not [b for b in cache if secret.encode() in b or planted.encode() in b], f"leak in cache {ref}"
