"""`invoke gc`: what leaves the registry and this machine, decided before anything
is deleted. Pure: what the registry, git and the engine hold comes in as data, a
plan comes out; ``commands.gc`` reads, prints and (with ``--apply``) carries it out.

The registry holds, per app, ``<name>/deps:<content key>``, images
``<name>/<target>:<branch>`` and caches ``<name>/cache:<target>-<branch>``. A
branch's images and caches go when the branch is gone from the git remote or has
not been touched for ``gc.max_age_days``; deps images go when no kept image or
cache is built on them (their layers are a prefix of it) and they are not among
the newest ``gc.keep_deps``. Nothing the default branch uses ever goes.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError
from .repo import branch_slug

DAY = 86400
# The build targets cache tags start with (`cache:<target>-<branch>`), longest first.
CACHE_TARGETS = ("frontend-dev", "frontend-prod", "deps", "dev", "prod")
DEPS = "deps"
CACHE = "cache"
# The app's repositories: `<name>/<kind>`.
KINDS = (DEPS, CACHE, "dev", "prod", "frontend-dev", "frontend-prod")


@dataclass(frozen=True)
class StoredRef:
    """One tag of one of the app's repositories, as the registry API describes it."""

    repository: str  # the registry path: <name>/<kind>
    tag: str
    digest: str  # the tagged manifest or index
    # The manifests an index names (platform images, attestations): deleted with it.
    children: tuple[str, ...] = ()
    # The image's filesystem layers (a cache: every layer it lists), bottom first.
    layers: tuple[str, ...] = ()
    # Every blob it references (layers, configs, attestations) with its size.
    blobs: tuple[tuple[str, int], ...] = ()
    # Seconds since the epoch: an image's config date (the commit's), a cache's newest layer.
    created: float | None = None

    @property
    def kind(self) -> str:
        """deps, cache, dev, prod, frontend-dev, frontend-prod (the repository's last part)."""
        return self.repository.rsplit("/", 1)[-1]

    @property
    def name(self) -> str:
        """How reports name it: unique within the app (``cache:dev-main``)."""
        return f"{self.kind}:{self.tag}"


@dataclass(frozen=True)
class LocalImage:
    """A tagged image in this machine's image store."""

    name: str  # registry/repository:tag
    created: float | None
    size: int


@dataclass(frozen=True)
class GcPolicy:
    default_branch: str
    # The remote's branches; None when they could not be listed (then only age counts).
    live_branches: frozenset[str] | None
    max_age_days: int
    keep_deps: int
    keep_tags: tuple[str, ...]
    now: float
    # Everything of the app goes, the default branch's too (retiring an app, a test's leftovers).
    purge: bool = False
    # This checkout's own branches: their local images stay even if never pushed.
    local_branches: frozenset[str] = frozenset()
    # With several platforms configured, each platform's images are tagged
    # `<branch>-<arch>` and its caches `<target>-<arch>-<branch>` (platforms.tag_suffix):
    # the architectures (`arm64`) that may end a branch's tag or follow a cache's target.
    platform_parts: frozenset[str] = frozenset()

    @property
    def live_slugs(self) -> frozenset[str] | None:
        return None if self.live_branches is None else frozenset(branch_slug(b) for b in self.live_branches)


@dataclass(frozen=True)
class Decision:
    name: str
    delete: bool
    reason: str
    bytes: int = 0


@dataclass(frozen=True)
class RegistryGc:
    decisions: tuple[Decision, ...]
    # (repository, manifest digest) in deletion order: each tagged manifest before the
    # manifests it names, so an interruption never leaves a tag naming a missing part.
    deletions: tuple[tuple[str, str], ...]
    # Bytes of blobs only deleted refs use: what the registry's garbage collection frees.
    freed_bytes: int

    @property
    def deleted(self) -> tuple[Decision, ...]:
        return tuple(d for d in self.decisions if d.delete)

    def deps_tags(self, deleted: bool) -> set[str]:
        """The deps images' tags this plan deletes (or keeps)."""
        return {
            d.name.rsplit(":", 1)[1] for d in self.decisions if d.delete == deleted and d.name.startswith(f"{DEPS}:")
        }


def app_repositories(app_path: str, catalog: Sequence[str] | None, purge: bool) -> list[str]:
    """The repositories gc reads: ``<app>/<kind>`` for each kind warmbuild writes; for
    a purge also every other repository under ``<app>/`` the registry's catalog lists
    (an image pushed there by hand or by a test), since a purge takes everything of
    the app. ``catalog`` is None where the registry offers none."""
    own = [f"{app_path}/{kind}" for kind in KINDS]
    others = sorted(r for r in catalog or () if r.startswith(f"{app_path}/") and r not in own) if purge else []
    return own + others


def branch_of(kind: str, tag: str) -> str | None:
    """The branch slug a tag belongs to; None for deps images and tags that are not
    warmbuild's (a cache tag without a target prefix)."""
    if kind == DEPS:
        return None
    if kind == CACHE:
        target = next((t for t in CACHE_TARGETS if tag.startswith(f"{t}-")), None)
        return tag[len(target) + 1 :] if target else None
    return tag


def branches_of(kind: str, tag: str, platform_parts: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Every branch slug a tag may belong to: a platform's tag (`main-arm64`, cache
    `prod-arm64-main`) reads both as that platform's of `main` and as a branch named
    `main-arm64` (`arm64-main`); none for deps images and tags warmbuild never writes."""
    slug = branch_of(kind, tag)
    if slug is None:
        return ()
    found = [slug]
    for part in platform_parts:
        if kind == CACHE and slug.startswith(f"{part}-"):
            found.append(slug.removeprefix(f"{part}-"))
        elif kind != CACHE and slug.endswith(f"-{part}"):
            found.append(slug.removesuffix(f"-{part}"))
    return tuple(found)


def decide_branch_ref(kind: str, tag: str, created: float | None, policy: GcPolicy) -> tuple[bool, str]:
    """(delete, why) for an image or cache tag of a branch. A tag that may belong to
    several branches (a platform's) goes only when each of them would let it go."""
    if any(fnmatch.fnmatchcase(tag, pattern) for pattern in policy.keep_tags):
        return False, "matches gc.keep_tags"
    if policy.purge:
        return True, "purge: everything of this app"
    slugs = branches_of(kind, tag, policy.platform_parts)
    if not slugs:
        return False, "not a tag warmbuild writes"
    verdicts = [_decide_slug(slug, created, policy) for slug in slugs]
    return next((verdict for verdict in verdicts if not verdict[0]), verdicts[0])


def _decide_slug(slug: str, created: float | None, policy: GcPolicy) -> tuple[bool, str]:
    if slug == branch_slug(policy.default_branch):
        return False, "the default branch"
    live = policy.live_slugs
    if live is not None and slug not in live:
        return True, f"branch {slug} is gone from the remote"
    # An image built outside git is dated 1970 (SOURCE_DATE_EPOCH 0): its age is unknown.
    age_days = None if created is None or created < DAY else (policy.now - created) / DAY
    if policy.max_age_days and age_days is not None and age_days > policy.max_age_days:
        return True, f"untouched for {int(age_days)} days (gc.max_age_days: {policy.max_age_days})"
    return False, "branch still on the remote" if live is not None else "recent (the remote's branches are unknown)"


def _is_built_on(deps: StoredRef, other: StoredRef) -> bool:
    """dev and prod images (and their caches) start with the deps image's layers."""
    return bool(deps.layers) and set(deps.layers) <= set(other.layers)


def _newest_first(refs: Iterable[StoredRef]) -> list[StoredRef]:
    return sorted(refs, key=lambda r: (r.created or 0.0, r.tag), reverse=True)


def plan_registry_gc(refs: Sequence[StoredRef], policy: GcPolicy) -> RegistryGc:
    verdicts: dict[StoredRef, tuple[bool, str]] = {}
    for ref in refs:
        if ref.kind != DEPS:
            verdicts[ref] = decide_branch_ref(ref.kind, ref.tag, ref.created, policy)
    kept_branch_refs = [r for r, (delete, _) in verdicts.items() if not delete]
    newest_deps = _newest_first(r for r in refs if r.kind == DEPS)[: policy.keep_deps]
    for ref in (r for r in refs if r.kind == DEPS):
        user = next((other for other in kept_branch_refs if _is_built_on(ref, other)), None)
        if any(fnmatch.fnmatchcase(ref.tag, pattern) for pattern in policy.keep_tags):
            verdicts[ref] = (False, "matches gc.keep_tags")
        elif policy.purge:
            verdicts[ref] = (True, "purge: everything of this app")
        elif user is not None:
            verdicts[ref] = (False, f"{user.name} is built on it")
        elif ref in newest_deps:
            verdicts[ref] = (False, f"one of the newest {policy.keep_deps} (gc.keep_deps)")
        else:
            verdicts[ref] = (True, f"no kept image or cache is built on it; older than the newest {policy.keep_deps}")
    verdicts = _keep_shared_manifests(verdicts)
    return _registry_plan(refs, verdicts)


def _keep_shared_manifests(verdicts: dict[StoredRef, tuple[bool, str]]) -> dict[StoredRef, tuple[bool, str]]:
    """The registry deletes a manifest with every tag naming it: a doomed tag whose
    manifest a kept tag of the same repository also names must stay."""
    kept_by: dict[tuple[str, str], str] = {}
    for ref, (delete, _) in verdicts.items():
        if not delete:
            kept_by.setdefault((ref.repository, ref.digest), ref.name)
    safe = dict(verdicts)
    for ref, (delete, _) in verdicts.items():
        other = kept_by.get((ref.repository, ref.digest))
        if delete and other:
            safe[ref] = (False, f"same manifest as {other}, which stays")
    return safe


def _registry_plan(refs: Sequence[StoredRef], verdicts: dict[StoredRef, tuple[bool, str]]) -> RegistryGc:
    kept = [r for r in refs if not verdicts[r][0]]
    doomed = [r for r in refs if verdicts[r][0]]
    kept_manifests = {(r.repository, m) for r in kept for m in (r.digest, *r.children)}
    kept_blobs = {digest for r in kept for digest, _ in r.blobs}
    tagged = [(r.repository, r.digest) for r in doomed]
    children = [(r.repository, child) for r in doomed for child in r.children]
    deletions = [m for m in dict.fromkeys(tagged + children) if m not in kept_manifests]
    freed_blobs = {digest: size for r in doomed for digest, size in r.blobs if digest not in kept_blobs}

    def own_bytes(ref: StoredRef) -> int:
        return sum(size for digest, size in ref.blobs if digest in freed_blobs)

    decisions = tuple(
        Decision(r.name, verdicts[r][0], verdicts[r][1], own_bytes(r) if verdicts[r][0] else 0)
        for r in sorted(refs, key=lambda r: (r.repository, r.tag))
    )
    return RegistryGc(decisions, tuple(deletions), sum(freed_blobs.values()))


# --- this machine --------------------------------------------------------------------------


def plan_local_images(
    images: Sequence[LocalImage], repo_prefix: str, registry_gc: RegistryGc, policy: GcPolicy
) -> tuple[Decision, ...]:
    """The app's local images (named without ``repo_prefix``): a branch's go by the
    same rules as in the registry, a branch of this checkout counting as alive even if
    it was never pushed; a deps image goes when the registry's copy goes,
    or when it was never pushed and is not among the newest ``gc.keep_deps`` here."""
    deleted_remote, kept_remote = registry_gc.deps_tags(deleted=True), registry_gc.deps_tags(deleted=False)
    if policy.live_branches is not None:
        policy = dataclasses.replace(policy, live_branches=policy.live_branches | policy.local_branches)
    ours = [i for i in images if i.name.startswith(repo_prefix)]
    local_deps = sorted(
        (i for i in ours if _local_kind(i, repo_prefix) == DEPS), key=lambda i: i.created or 0.0, reverse=True
    )
    newest = {i.name for i in local_deps[: policy.keep_deps]}
    decisions = []
    for image in sorted(ours, key=lambda i: i.name):
        kind, tag = _local_kind(image, repo_prefix), image.name.rsplit(":", 1)[1]
        if kind != DEPS:
            delete, why = decide_branch_ref(kind, tag, image.created, policy)
        elif policy.purge or tag in deleted_remote:
            delete, why = True, "purge: everything of this app" if policy.purge else "its registry copy goes"
        elif tag in kept_remote or image.name in newest:
            delete, why = False, "kept in the registry" if tag in kept_remote else "one of the newest here"
        else:
            delete, why = True, f"not in the registry, older than the newest {policy.keep_deps} here"
        decisions.append(Decision(image.name[len(repo_prefix) :], delete, why, image.size if delete else 0))
    return tuple(decisions)


def _local_kind(image: LocalImage, repo_prefix: str) -> str:
    return image.name[len(repo_prefix) :].rsplit(":", 1)[0].split("/")[0]


# Folders of the state directory named by content (locks-<digest>, pathdeps-<digest>):
# each change of the lock or of a path dependency leaves one behind.
CONTENT_FOLDER = re.compile(r"^(locks|pathdeps)-[0-9a-f]+$")


def stale_state_folders(folders: Sequence[tuple[Path, float]]) -> list[Path]:
    """All but the newest content-named folder of each kind per target: the newest is
    the one the last build used (a build writes it)."""
    newest: dict[tuple[Path, str], tuple[float, Path]] = {}
    for path, mtime in folders:
        match = CONTENT_FOLDER.match(path.name)
        if not match:
            continue
        key = (path.parent, match[1])
        if key not in newest or mtime > newest[key][0]:
            newest[key] = (mtime, path)
    keep = {path for _, path in newest.values()}
    return sorted(path for path, _ in folders if CONTENT_FOLDER.match(path.name) and path not in keep)


@dataclass(frozen=True)
class MachineGc:
    """Everything one `invoke gc` run decided."""

    registry: RegistryGc
    local_images: tuple[Decision, ...]
    stale_folders: tuple[Path, ...]
    # The builder's cache now (None: unreadable) and the budget it is pruned to.
    builder_cache_bytes: int | None
    builder_budget: int
    remote_unknown: bool

    @property
    def prune_builder(self) -> bool:
        return self.builder_cache_bytes is not None and self.builder_cache_bytes > self.builder_budget

    @property
    def local_bytes(self) -> int:
        return sum(d.bytes for d in self.local_images if d.delete)


# --- sizes -------------------------------------------------------------------------------------

_UNITS = {"": 1, "B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3, "TB": 1024**4}


def parse_size(text: str) -> int:
    """'20GB', '512MB', '0' → bytes (binary units, as Docker reads them)."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?B?)\s*", text.upper())
    if not match:
        raise ConfigError(f"gc.builder_budget: {text!r} is not a size", "write a size such as 20GB or 512MB")
    number, unit = match.groups()
    unit = unit if unit.endswith("B") or not unit else f"{unit}B"
    return int(float(number) * _UNITS[unit])
