"""`invoke gc`'s reading and deleting: the registry's tags, git's remote branches and
this machine's images and folders in; ``gc`` decides; ``apply`` deletes.

Deletion order keeps every state consistent if it stops half-way: registry
manifests first (each tag's manifest before the parts it names), then local
images, then folders, then the builder's cache.
"""

from __future__ import annotations

import json
import re
import shutil
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from . import gc, gitrepo, plan, platforms, registry_http
from .engine import Engine
from .errors import RegistryError
from .options import Config
from .refs import parse_image_ref


def read_registry(config: Config, purge: bool = False) -> list[gc.StoredRef]:
    """Every tag of the app's repositories: those of warmbuild's kinds, and for a
    purge every repository under the app's name the registry's catalog lists."""
    app_path = parse_image_ref(config.image_repo(gc.DEPS)).repository.rsplit("/", 1)[0]
    try:
        catalog = read_catalog(config.registry) if purge else None
        return [
            registry_http.stored_ref(config.registry, repository, tag)
            for repository in gc.app_repositories(app_path, catalog, purge)
            for tag in registry_http.tags(config.registry, repository)
        ]
    except OSError as error:  # urllib's errors, HTTP ones included
        raise RegistryError(
            f"cannot read {config.registry}'s API for gc: {registry_http.why(error)}",
            "gc reads the registry anonymously: run it where the registry answers without credentials, "
            "or use the registry's retention rules (README, Keeping the registry bounded)",
        ) from None


def read_catalog(registry: str) -> list[str] | None:
    """Every repository the registry's catalog lists, page by page (its Link header
    names the next); None when the registry offers no catalog (hosted ones rarely
    do, or want credentials for it)."""
    url: str | None = f"{registry_http.base_url(registry)}/v2/_catalog"
    found: list[str] = []
    while url:
        try:
            with urllib.request.urlopen(url, timeout=registry_http.TIMEOUT_SECONDS) as response:
                found += json.loads(response.read()).get("repositories") or []
                following = NEXT_PAGE.search(response.headers.get("Link", ""))
        except urllib.error.HTTPError as error:
            if error.code in (401, 403, 404):
                return None
            raise
        url = urllib.parse.urljoin(url, following[1]) if following else None
    return found


# RFC 8288, as distribution writes it: `</v2/_catalog?last=x&n=100>; rel="next"`.
NEXT_PAGE = re.compile(r'<([^>]+)>;\s*rel="next"')


def policy_for(config: Config, purge: bool) -> gc.GcPolicy:
    return gc.GcPolicy(
        default_branch=config.cache.default_branch,
        live_branches=None if purge else gitrepo.remote_branches(config.root, config.gc.remote),
        max_age_days=config.gc.max_age_days,
        keep_deps=config.gc.keep_deps,
        keep_tags=config.gc.keep_tags,
        now=time.time(),
        purge=purge,
        local_branches=frozenset() if purge else gitrepo.local_branches(config.root),
        platform_parts=frozenset(
            platforms.architecture(p) for p in config.platforms if platforms.tag_suffix(config.platforms, p)
        ),
    )


def local_prefix(config: Config) -> str:
    return f"{config.registry}/{config.name}/"


def gather(config: Config, engine: Engine, purge: bool = False, machine: bool = True) -> gc.MachineGc:
    """The whole plan; ``machine=False`` leaves the builder cache and the state
    folders out (a test's leftovers are only its images)."""
    policy = policy_for(config, purge)
    registry_gc = gc.plan_registry_gc(read_registry(config, purge), policy)
    prefix = local_prefix(config)
    local = gc.plan_local_images(engine.local_images(prefix), prefix, registry_gc, policy)
    stale: list[Path] = []
    cache_bytes = None
    if machine:
        state = config.root / plan.STATE_DIR / config.name
        stale = gc.stale_state_folders([(p, p.stat().st_mtime) for p in state.glob("*/*") if p.is_dir()])
        cache_bytes = engine.build_cache_bytes(config.builder)
    budget = gc.parse_size(config.gc.builder_budget)
    remote_unknown = policy.live_branches is None and not purge
    return gc.MachineGc(registry_gc, local, tuple(stale), cache_bytes, budget, remote_unknown)


def apply(config: Config, engine: Engine, decided: gc.MachineGc) -> None:
    for repository, digest in decided.registry.deletions:
        registry_http.delete(config.registry, repository, digest)
    engine.remove_images([local_prefix(config) + d.name for d in decided.local_images if d.delete])
    for folder in decided.stale_folders:
        shutil.rmtree(folder, ignore_errors=True)
    if decided.prune_builder:
        engine.prune_build_cache(config.builder, keep_bytes=decided.builder_budget)
