"""The end-of-run check: what counts as left behind by this session's tests."""

from __future__ import annotations

import pytest
from support_leftovers import Holdings, belongs_to, leftovers, repository_path

NAME = "wbt-test-x-0123abcd"


@pytest.mark.parametrize(
    ("reference", "path"),
    [
        ("127.0.0.1:5000/wbt-a/prod:main", "wbt-a/prod"),
        ("127.0.0.1:60419/wbt-a/deps:d83ef0", "wbt-a/deps"),
        ("wbt-a:1", "wbt-a"),
        ("wbt-a/cache", "wbt-a/cache"),
        ("localhost:5000/wbt-a/dev:main", "wbt-a/dev"),
        ("warmbuild-bench/seed-prod:latest", "warmbuild-bench/seed-prod"),
        ("ghcr.io/team/app/prod:v1", "team/app/prod"),
    ],
)
def test_a_reference_without_its_host_and_tag(reference: str, path: str) -> None:
    assert repository_path(reference) == path


@pytest.mark.parametrize(
    ("reference", "owned"),
    [
        (f"127.0.0.1:5000/{NAME}/prod:main", True),
        (f"127.0.0.1:5000/{NAME}/python:3.13-slim", True),
        (f"127.0.0.1:60419/{NAME}/deps:d83ef0", True),  # a test's own registry
        (f"{NAME}:control", True),  # a plain local tag
        (f"{NAME}/image", True),  # a catalog entry
        (f"127.0.0.1:5000/{NAME}-other/prod:main", False),  # a name that only starts alike
        ("127.0.0.1:5000/library/python:3.13-slim", False),
        ("127.0.0.1:5000/wbt-test-y-99999999/prod:main", False),
    ],
)
def test_what_belongs_to_a_tests_name(reference: str, owned: bool) -> None:
    assert belongs_to(reference, NAME) is owned


BASE = "127.0.0.1:5000/library/python:3.13-slim"
OTHER_SESSION = "127.0.0.1:5000/wbt-test-y-99999999/prod:main"


@pytest.mark.parametrize(
    ("before", "now", "left"),
    [
        pytest.param(Holdings(), Holdings(local=frozenset({BASE})), [], id="nothing-of-ours"),
        pytest.param(
            Holdings(),
            Holdings(registry=frozenset({f"127.0.0.1:5000/{NAME}/image:v1"})),
            [f"127.0.0.1:5000/{NAME}/image:v1"],
            id="a-pushed-tag-left",
        ),
        pytest.param(Holdings(), Holdings(local=frozenset({f"{NAME}:1", BASE})), [f"{NAME}:1"], id="a-local-tag-left"),
        pytest.param(
            Holdings(local=frozenset({f"{NAME}:1"})),
            Holdings(local=frozenset({f"{NAME}:1"})),
            [f"{NAME}:1"],
            id="a-name-of-this-session-always-counts",
        ),
        pytest.param(Holdings(), Holdings(local=frozenset({OTHER_SESSION})), [], id="another-sessions-test"),
        pytest.param(
            Holdings(),
            Holdings(registry=frozenset({"127.0.0.1:5000/bench-0a1b2c3d4e/deps:abc"})),
            ["127.0.0.1:5000/bench-0a1b2c3d4e/deps:abc"],
            id="the-benchmarks-new-tag",
        ),
        pytest.param(
            Holdings(local=frozenset({"warmbuild-bench/seed-dev:latest"})),
            Holdings(local=frozenset({"warmbuild-bench/seed-dev:latest"})),
            [],
            id="the-benchmarks-tag-from-before-the-session",
        ),
    ],
)
def test_leftovers_are_what_this_sessions_tests_made_and_left_tagged(
    before: Holdings, now: Holdings, left: list[str]
) -> None:
    assert leftovers(now, before, [NAME]) == left
