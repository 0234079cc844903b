"""`invoke gc`'s decisions: a registry's tags in, what goes (and why) out."""

from __future__ import annotations

from pathlib import Path

import pytest

from warmbuild.errors import ConfigError
from warmbuild.gc import (
    DAY,
    GcPolicy,
    LocalImage,
    StoredRef,
    app_repositories,
    branch_of,
    decide_branch_ref,
    parse_size,
    plan_local_images,
    plan_registry_gc,
    stale_state_folders,
)

NOW = 100 * DAY


def ref(name: str, layers: str, day: float, digest: str = "", children: tuple[str, ...] = ()) -> StoredRef:
    """`kind:tag`, layers as letters (each 10 bytes), created on `day`."""
    kind, tag = name.split(":")
    blobs = tuple((f"sha256:{layer}", 10) for layer in layers)
    return StoredRef(
        repository=f"app/{kind}",
        tag=tag,
        digest=digest or f"sha256:m-{kind}-{tag}",
        children=tuple(f"sha256:{c}" for c in children),
        layers=tuple(d for d, _ in blobs),
        blobs=blobs,
        created=day * DAY,
    )


REFS = [
    ref("deps:d1", "ab", 10),
    ref("deps:d2", "ac", 50),
    ref("deps:d3", "ad", 90, children=("q",)),
    ref("deps:d4", "ae", 95),
    ref("cache:dev-main", "abx", 99),
    ref("prod:main", "aby", 99, digest="sha256:prod-main", children=("pk",)),
    ref("cache:dev-feature-a", "acz", 95),
    ref("cache:dev-gone", "adw", 96),
    ref("prod:gone", "aby", 96, digest="sha256:prod-main", children=("pk",)),
    ref("dev:gone-too", "adv", 96, children=("pk",)),
    ref("cache:prod-feature-a", "acu", 40),
    ref("prod:v1.2", "abt", 20),
    ref("cache:hand-pushed", "as", 1),
]
POLICY = GcPolicy(
    default_branch="main",
    live_branches=frozenset({"main", "feature/a"}),
    max_age_days=30,
    keep_deps=1,
    keep_tags=("latest", "v[0-9]*"),
    now=NOW,
)


def decisions(policy: GcPolicy = POLICY, refs: list[StoredRef] = REFS) -> dict[str, tuple[bool, str]]:
    return {d.name: (d.delete, d.reason) for d in plan_registry_gc(refs, policy).decisions}


@pytest.mark.parametrize(
    ("name", "delete", "why"),
    [
        ("deps:d1", False, "cache:dev-main is built on it"),
        ("deps:d2", False, "cache:dev-feature-a is built on it"),
        ("deps:d3", True, "no kept image or cache is built on it"),
        ("deps:d4", False, "one of the newest 1"),
        ("cache:dev-main", False, "the default branch"),
        ("prod:main", False, "the default branch"),
        ("cache:dev-feature-a", False, "branch still on the remote"),
        ("cache:dev-gone", True, "branch gone is gone from the remote"),
        ("prod:gone", False, "same manifest as prod:main"),
        ("dev:gone-too", True, "branch gone-too is gone"),
        ("cache:prod-feature-a", True, "untouched for 60 days"),
        ("prod:v1.2", False, "matches gc.keep_tags"),
        ("cache:hand-pushed", False, "not a tag warmbuild writes"),
    ],
)
def test_each_ref_is_kept_or_deleted_for_a_stated_reason(name: str, delete: bool, why: str) -> None:
    got_delete, got_why = decisions()[name]
    assert (got_delete, why in got_why) == (delete, True), got_why


def test_deletions_list_each_tagged_manifest_before_its_parts_and_never_a_kept_ones() -> None:
    plan = plan_registry_gc(REFS, POLICY)
    assert plan.deletions == (
        ("app/deps", "sha256:m-deps-d3"),
        ("app/cache", "sha256:m-cache-dev-gone"),
        ("app/dev", "sha256:m-dev-gone-too"),
        ("app/cache", "sha256:m-cache-prod-feature-a"),
        ("app/deps", "sha256:q"),
        # dev:gone-too's part `pk` goes: prod:main names a `pk` of another repository.
        ("app/dev", "sha256:pk"),
    )
    # Blobs only deleted refs hold: d (d3, dev-gone, gone-too), w, v, u; never a, b, c.
    assert plan.freed_bytes == 40


def test_without_the_remote_only_age_retires_a_branch() -> None:
    unknown = GcPolicy(**{**POLICY.__dict__, "live_branches": None})
    got = decisions(unknown)
    assert got["cache:dev-gone"] == (False, "recent (the remote's branches are unknown)")
    assert got["cache:prod-feature-a"][0] is True


def test_purge_deletes_everything_but_kept_tags() -> None:
    purge = GcPolicy(**{**POLICY.__dict__, "purge": True})
    got = decisions(purge)
    assert {name for name, (delete, _) in got.items() if not delete} == {"prod:v1.2"}


KIND_REPOSITORIES = ["app/deps", "app/cache", "app/dev", "app/prod", "app/frontend-dev", "app/frontend-prod"]
CATALOG = ["app/deps", "app/python", "app/image", "app-other/deps", "apple/prod", "team/app/image"]


@pytest.mark.parametrize(
    ("catalog", "purge", "extra"),
    [
        pytest.param(CATALOG, True, ["app/image", "app/python"], id="purge-reads-every-repository-under-the-app"),
        pytest.param(CATALOG, False, [], id="plain-gc-reads-warmbuild-kinds-only"),
        pytest.param(None, True, [], id="no-catalog-the-kinds-alone"),
        pytest.param([], True, [], id="empty-catalog"),
    ],
)
def test_gc_reads_the_apps_repositories(catalog: list[str] | None, purge: bool, extra: list[str]) -> None:
    assert app_repositories("app", catalog, purge) == KIND_REPOSITORIES + extra


def test_purge_deletes_an_image_of_a_kind_warmbuild_does_not_write() -> None:
    purge = GcPolicy(**{**POLICY.__dict__, "purge": True})
    pushed_by_hand = [ref("python:3.13-slim", "ab", 50), ref("image:t1", "c", 50)]
    plan = plan_registry_gc(pushed_by_hand, purge)
    assert {d.name: d.delete for d in plan.decisions} == {"image:t1": True, "python:3.13-slim": True}


def test_an_image_dated_1970_has_no_known_age() -> None:
    # Built outside git: SOURCE_DATE_EPOCH 0.
    assert decide_branch_ref("prod", "feature-a", 0.0, POLICY) == (False, "branch still on the remote")
    unknown = GcPolicy(**{**POLICY.__dict__, "live_branches": None})
    assert decide_branch_ref("prod", "feature-a", 0.0, unknown)[0] is False


def test_age_zero_never_retires_by_age() -> None:
    forever = GcPolicy(**{**POLICY.__dict__, "max_age_days": 0})
    assert decisions(forever)["cache:prod-feature-a"] == (False, "branch still on the remote")


def test_a_branch_name_matches_its_tag_slug() -> None:
    # feature/a's tags are written as feature-a: it is alive.
    assert decisions()["cache:dev-feature-a"][0] is False


@pytest.mark.parametrize(
    ("kind", "tag", "branch"),
    [
        ("cache", "frontend-dev-main", "main"),
        ("cache", "deps-feature-x", "feature-x"),
        ("cache", "dev-main", "main"),
        ("cache", "buildcache", None),
        ("deps", "0123abcd", None),
        ("prod", "feature-x", "feature-x"),
    ],
)
def test_branch_of_a_tag(kind: str, tag: str, branch: str | None) -> None:
    assert branch_of(kind, tag) == branch


def test_local_images_follow_the_registry_and_the_branch_rules() -> None:
    plan = plan_registry_gc(REFS, POLICY)
    prefix = "127.0.0.1:5000/app/"
    images = [
        LocalImage(f"{prefix}deps:d3", 90 * DAY, 5),  # goes from the registry: goes here
        LocalImage(f"{prefix}deps:d1", 10 * DAY, 5),  # kept there: kept here
        LocalImage(f"{prefix}deps:local1", 99 * DAY, 5),  # never pushed, newest here
        LocalImage(f"{prefix}deps:local0", 98 * DAY, 5),  # never pushed, older
        LocalImage(f"{prefix}dev:gone", 99 * DAY, 7),
        LocalImage(f"{prefix}dev:main", 1 * DAY, 7),
        LocalImage("127.0.0.1:5000/other/dev:gone", 1 * DAY, 7),
    ]
    got = {d.name: (d.delete, d.bytes) for d in plan_local_images(images, prefix, plan, POLICY)}
    assert got == {
        "deps:d3": (True, 5),
        "deps:d1": (False, 0),
        "deps:local1": (False, 0),
        "deps:local0": (True, 5),
        "dev:gone": (True, 7),
        "dev:main": (False, 0),
    }


def test_a_branch_of_this_checkout_keeps_its_local_images_though_never_pushed() -> None:
    prefix = "127.0.0.1:5000/app/"
    images = [LocalImage(f"{prefix}dev:wip", 99 * DAY, 7), LocalImage(f"{prefix}dev:gone", 99 * DAY, 7)]
    policy = GcPolicy(**{**POLICY.__dict__, "local_branches": frozenset({"wip"})})
    got = {d.name: d.delete for d in plan_local_images(images, prefix, plan_registry_gc([], policy), policy)}
    assert got == {"dev:wip": False, "dev:gone": True}


def test_only_the_newest_content_folder_of_each_kind_stays() -> None:
    state = Path("/repo/.warmbuild/app")
    folders = [
        (state / "dev" / "locks-aa11", 1.0),
        (state / "dev" / "locks-bb22", 2.0),
        (state / "dev" / "pathdeps-cc33", 1.0),
        (state / "prod" / "locks-dd44", 0.5),
        (state / "dev" / "notes", 0.1),
    ]
    assert stale_state_folders(folders) == [state / "dev" / "locks-aa11"]


@pytest.mark.parametrize(
    ("text", "count"),
    [("20GB", 20 * 1024**3), ("512MB", 512 * 1024**2), ("1.5g", int(1.5 * 1024**3)), ("0", 0), ("300 kb", 307200)],
)
def test_sizes_read_like_docker(text: str, count: int) -> None:
    assert parse_size(text) == count


def test_a_size_that_is_not_one_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="is not a size"):
        parse_size("lots")


# With [linux/amd64, linux/arm64] configured: each platform's image and cache.
TWO_PLATFORMS = GcPolicy(**{**POLICY.__dict__, "platform_parts": frozenset({"amd64", "arm64"})})


@pytest.mark.parametrize(
    ("kind", "tag", "delete", "why"),
    [
        pytest.param("prod", "main-arm64", False, "the default branch", id="default-branchs-arm64-image"),
        pytest.param("cache", "prod-arm64-main", False, "the default branch", id="default-branchs-arm64-cache"),
        pytest.param("prod", "feature-a-amd64", False, "branch still on the remote", id="live-branchs-image"),
        pytest.param("cache", "dev-amd64-feature-a", False, "branch still on the remote", id="live-branchs-cache"),
        pytest.param("prod", "gone-arm64", True, "branch gone-arm64 is gone from the remote", id="gone-branchs-image"),
        pytest.param("cache", "prod-arm64-gone", True, "branch arm64-gone is gone from the remote", id="gone-cache"),
    ],
)
def test_a_platforms_tags_belong_to_their_branch(kind: str, tag: str, delete: bool, why: str) -> None:
    assert decide_branch_ref(kind, tag, None, TWO_PLATFORMS) == (delete, why)
    if not delete:
        # Without knowing the platforms, the same tag reads as a branch of its own.
        assert decide_branch_ref(kind, tag, None, POLICY)[0] is True


def test_a_branch_named_like_a_platform_tag_is_kept_while_it_lives() -> None:
    # Branch `fix-arm64` (alive) or `fix` (not on the remote): the tag stays.
    live = GcPolicy(**{**TWO_PLATFORMS.__dict__, "live_branches": frozenset({"main", "fix-arm64"})})
    assert decide_branch_ref("prod", "fix-arm64", None, live) == (False, "branch still on the remote")
