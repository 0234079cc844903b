"""Image references are split the way Docker splits them."""

from __future__ import annotations

import pytest

from warmbuild.refs import ImageRef, is_loopback, parse_image_ref


@pytest.mark.parametrize(
    "text, expected",
    [
        ("python:3.13-slim", ImageRef("docker.io", "library/python", "3.13-slim")),
        ("python", ImageRef("docker.io", "library/python", "latest")),
        ("moby/buildkit:v0.13", ImageRef("docker.io", "moby/buildkit", "v0.13")),
        ("127.0.0.1:5000/app/deps:abc", ImageRef("127.0.0.1:5000", "app/deps", "abc")),
        ("localhost/app", ImageRef("localhost", "app", "latest")),
        ("ghcr.io/org/app@sha256:00", ImageRef("ghcr.io", "org/app", "", "sha256:00")),
        ("reg:5000/a/b:t@sha256:00", ImageRef("reg:5000", "a/b", "t", "sha256:00")),
    ],
)
def test_parse_image_ref(text: str, expected: ImageRef) -> None:
    assert parse_image_ref(text) == expected


def test_pinned_reference_prints_tag_and_digest() -> None:
    assert (
        str(parse_image_ref("python:3.13-slim").pinned("sha256:ab")) == "docker.io/library/python:3.13-slim@sha256:ab"
    )


@pytest.mark.parametrize("registry, loopback", [("127.0.0.1:5000", True), ("localhost:5000", True), ("ghcr.io", False)])
def test_loopback(registry: str, loopback: bool) -> None:
    assert is_loopback(registry) is loopback
