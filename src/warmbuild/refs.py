"""Image references: parse them the way Docker does, with no I/O."""

from __future__ import annotations

from dataclasses import dataclass

DOCKER_HUB = "docker.io"


@dataclass(frozen=True)
class ImageRef:
    """``registry/repository:tag`` or ``…@digest``, Docker Hub names normalised."""

    registry: str
    repository: str
    tag: str = ""
    digest: str = ""

    def __str__(self) -> str:
        text = f"{self.registry}/{self.repository}"
        if self.tag:
            text += f":{self.tag}"
        if self.digest:
            text += f"@{self.digest}"
        return text

    @property
    def reference(self) -> str:
        """What the registry API calls the reference: the digest, else the tag."""
        return self.digest or self.tag or "latest"

    def pinned(self, digest: str) -> ImageRef:
        return ImageRef(self.registry, self.repository, self.tag, digest)


def parse_image_ref(text: str) -> ImageRef:
    """Split a reference like Docker: a first part with a dot, colon or 'localhost'
    is a registry host; otherwise the name is on Docker Hub (``library/`` for
    official images)."""
    name, _, digest = text.partition("@")
    first, slash, rest = name.partition("/")
    if slash and ("." in first or ":" in first or first == "localhost"):
        registry, path = first, rest
    else:
        registry, path = DOCKER_HUB, name
    tag = ""
    last = path.rsplit("/", 1)[-1]
    if ":" in last:
        path, _, tag = path.rpartition(":")
    if registry == DOCKER_HUB and "/" not in path:
        path = f"library/{path}"
    if not path:
        raise ValueError(f"not an image reference: {text!r}")
    return ImageRef(registry, path, tag if tag or digest else "latest", digest)


def is_loopback(registry: str) -> bool:
    host = registry.rsplit(":", 1)[0] if registry.count(":") == 1 else registry
    return host == "localhost" or host.startswith("127.") or host == "[::1]"
