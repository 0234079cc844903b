"""Tiny OCI distribution API client (anonymous): is a registry there, which digest
does a manifest have (used by the Docker engine where buildx is slow or has no
answer: the daemon's Docker Hub mirrors, which `buildx imagetools` does not
consult); and for `invoke gc`, an app's tags, what they reference, and deletion."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from datetime import datetime
from typing import Any

from . import quick
from .errors import RegistryError
from .gc import StoredRef
from .refs import ImageRef, is_loopback

# Ask for every manifest kind a registry may hold, indexes first (multi-platform).
MANIFEST_ACCEPT = ", ".join(
    (
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.v2+json",
    )
)
TIMEOUT_SECONDS = 5


def base_url(registry: str) -> str:
    """Plain HTTP on loopback (Docker treats 127.0.0.0/8 as insecure), TLS elsewhere.
    A registry may carry a namespace (ghcr.io/team): the API lives at the host."""
    if registry.startswith(("http://", "https://")):
        return registry.rstrip("/")
    host = registry.split("/", 1)[0]
    return f"{'http' if is_loopback(host) else 'https'}://{host}"


def ping(registry: str) -> str | None:
    """None when the registry answers its API root, else the reason it does not.
    A 401 counts as answering: the registry is there and wants credentials."""
    try:
        with urllib.request.urlopen(f"{base_url(registry)}/v2/", timeout=TIMEOUT_SECONDS):
            return None
    except urllib.error.HTTPError as error:
        return None if error.code == 401 else f"HTTP {error.code}"
    except (urllib.error.URLError, OSError) as error:
        return str(getattr(error, "reason", error))


def lookup_manifest(registry: str, ref: ImageRef) -> str | None:
    """The digest ('' when the registry says the manifest does not exist), or None
    when anonymous access cannot tell (credentials needed, unreachable, odd reply)."""
    url = f"{base_url(registry)}/v2/{ref.repository}/manifests/{ref.reference}"
    request = urllib.request.Request(url, method="HEAD", headers={"Accept": MANIFEST_ACCEPT})
    answer: str | None
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            answer = response.headers.get("Docker-Content-Digest", "") or None
    except urllib.error.HTTPError as error:
        answer = "" if error.code == 404 else None
    except (urllib.error.URLError, OSError):
        answer = None
    quick.observe_manifest(url, MANIFEST_ACCEPT, answer)
    return answer


# --- listing and deleting (invoke gc) -------------------------------------------------------


def _get_json(url: str, accept: str = "application/json") -> tuple[dict[str, Any], str]:
    request = urllib.request.Request(url, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
        return json.loads(response.read()), response.headers.get("Docker-Content-Digest", "")


def tags(registry: str, repository: str) -> list[str]:
    try:
        page, _ = _get_json(f"{base_url(registry)}/v2/{repository}/tags/list")
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return []
        raise
    return sorted(page.get("tags") or [])


def manifest(registry: str, repository: str, reference: str) -> tuple[dict[str, Any], str]:
    """A manifest or index as JSON, and its digest."""
    return _get_json(f"{base_url(registry)}/v2/{repository}/manifests/{reference}", MANIFEST_ACCEPT)


def blob_json(registry: str, repository: str, digest: str) -> dict[str, Any]:
    return _get_json(f"{base_url(registry)}/v2/{repository}/blobs/{digest}")[0]


INDEX_TYPES = ("application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json")
MANIFEST_TYPES = (
    *INDEX_TYPES,
    "application/vnd.oci.image.manifest.v1+json",
    "application/vnd.docker.distribution.manifest.v2+json",
)
ATTESTATION = "attestation-manifest"


def _epoch(stamp: str | None) -> float | None:
    """RFC 3339 with BuildKit's nanoseconds (Python reads six digits at most)."""
    if not stamp:
        return None
    trimmed = re.sub(r"(\.\d{6})\d+", r"\1", stamp).replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(trimmed).timestamp()
    except ValueError:
        return None


def stored_ref(registry: str, repository: str, tag: str) -> StoredRef:
    """What gc needs of one tag: its manifests, layers, blobs and date. An image
    index is read down to its platform manifests and their configs; a BuildKit cache
    (an index whose entries are layers, plus its cache config) is read as it is."""
    top, digest = manifest(registry, repository, tag)
    entries = top.get("manifests") or []
    children = [e for e in entries if e.get("mediaType") in MANIFEST_TYPES]
    listed_blobs = [e for e in entries if e.get("mediaType") not in MANIFEST_TYPES]
    layers = [e["digest"] for e in listed_blobs if ".layer." in e.get("mediaType", "")]
    blobs = [(e["digest"], int(e.get("size", 0))) for e in listed_blobs]
    stamps = [_epoch(e.get("annotations", {}).get("buildkit/createdat")) for e in listed_blobs]
    created = max((s for s in stamps if s is not None), default=None)
    images = [(top, digest)] if top.get("mediaType") not in INDEX_TYPES and "layers" in top else []
    for child in children:
        body, _ = manifest(registry, repository, child["digest"])
        if child.get("annotations", {}).get("vnd.docker.reference.type") == ATTESTATION:
            blobs += [(b["digest"], int(b.get("size", 0))) for b in (body.get("config"), *body.get("layers", [])) if b]
            continue
        images.append((body, child["digest"]))
    for body, _ in images:
        config = body.get("config") or {}
        blobs += [(b["digest"], int(b.get("size", 0))) for b in (config, *body.get("layers", [])) if b]
        layers += [b["digest"] for b in body.get("layers", [])]
        if config.get("digest") and created is None:
            created = _epoch(blob_json(registry, repository, config["digest"]).get("created"))
    return StoredRef(
        repository=repository,
        tag=tag,
        digest=digest,
        children=tuple(c["digest"] for c in children),
        layers=tuple(dict.fromkeys(layers)),
        blobs=tuple(dict.fromkeys(blobs)),
        created=created,
    )


def missing_blobs(registry: str, repository: str, reference: str) -> list[str]:
    """Every blob or child manifest a manifest (or index, or BuildKit cache) names
    that the registry cannot serve: [] means whole."""
    body, _ = manifest(registry, repository, reference)
    missing = []
    for entry in filter(None, [*body.get("manifests", []), *body.get("layers", []), body.get("config")]):
        if entry.get("mediaType") in MANIFEST_TYPES:
            missing += missing_blobs(registry, repository, entry["digest"])
            continue
        request = urllib.request.Request(f"{base_url(registry)}/v2/{repository}/blobs/{entry['digest']}", method="HEAD")
        try:
            urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS).close()
        except urllib.error.HTTPError as error:
            if error.code != 404:
                raise
            missing.append(entry["digest"])
    return missing


def why(error: OSError) -> str:
    """An HTTP or connection error in a few words."""
    if isinstance(error, urllib.error.HTTPError):
        return f"HTTP {error.code} {error.reason}"
    return str(getattr(error, "reason", error))


def delete(registry: str, repository: str, digest: str) -> None:
    """Delete a manifest by digest (every tag naming it goes with it). A manifest
    already gone is no error: another gc, or an interrupted one, got there first."""
    request = urllib.request.Request(f"{base_url(registry)}/v2/{repository}/manifests/{digest}", method="DELETE")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS):
            return
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return
        fix = {
            405: "enable deletes in the registry (distribution: `storage: delete: enabled: true`) or use its "
            "retention rules (README, Keeping the registry bounded)",
            401: "gc deletes anonymously; use the registry's retention rules (README, Keeping the registry bounded)",
        }.get(error.code, "check the registry and run `invoke gc --apply` again: what was deleted stays deleted")
        raise RegistryError(f"{registry} refused to delete {repository}@{digest[:19]}: {why(error)}", fix) from None
    except (urllib.error.URLError, OSError) as error:
        raise RegistryError(
            f"cannot reach {registry} to delete: {why(error)}", "run `invoke gc --apply` again"
        ) from None
