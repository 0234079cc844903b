"""Tiny OCI distribution API client (anonymous): is a registry there, which digest
does a manifest have. Used by the Docker engine where buildx is slow or has no
answer: the daemon's Docker Hub mirrors, which `buildx imagetools` does not consult."""

from __future__ import annotations

import urllib.error
import urllib.request

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
    request = urllib.request.Request(
        f"{base_url(registry)}/v2/{ref.repository}/manifests/{ref.reference}",
        method="HEAD",
        headers={"Accept": MANIFEST_ACCEPT},
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            return response.headers.get("Docker-Content-Digest", "") or None
    except urllib.error.HTTPError as error:
        return "" if error.code == 404 else None
    except (urllib.error.URLError, OSError):
        return None
