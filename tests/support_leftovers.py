"""What tests leave behind in the registry and the local image store, and its removal.

A test's images are named by its `unique` name (``wbt-…``): a repository
``<name>`` or ``<name>/<anything>`` in any registry (the shared one, a test's own),
and local tags of those or of ``<name>:<tag>``. The benchmark names its apps
``bench-…`` and its seed images ``warmbuild-bench/…``.

Left over means still tagged: the registry's catalog keeps listing a repository
after its last tag is deleted (distribution keeps the folder until its garbage
collection), so a repository counts only while ``tags/list`` names a tag.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass

from warmbuild import gc_run, registry_http
from warmbuild.docker_engine import DockerEngine
from warmbuild.errors import NotFound
from warmbuild.options import parse_config

# Names the benchmark gives what it creates (it runs as a process: its names are not
# recorded by the test session, so they count when new since the session started).
BENCH_PREFIXES = ("bench-", "warmbuild-bench/")


def repository_path(reference: str) -> str:
    """A local tag or registry reference without its registry host and its tag:
    `127.0.0.1:5000/wbt-x/prod:main` -> `wbt-x/prod`, `wbt-x:1` -> `wbt-x`."""
    first, _, rest = reference.partition("/")
    path = rest if rest and ("." in first or ":" in first or first == "localhost") else reference
    name, _, tag = path.rpartition(":")
    return name if name and "/" not in tag else path


def belongs_to(reference: str, name: str) -> bool:
    """Whether a repository or local tag is one of the images named ``name``."""
    path = repository_path(reference)
    return path == name or path.startswith(f"{name}/")


def made_by_bench(reference: str) -> bool:
    return repository_path(reference).startswith(BENCH_PREFIXES)


@dataclass(frozen=True)
class Holdings:
    """The tagged repositories (`repository:tag`) of a registry and the local tags."""

    registry: frozenset[str] = frozenset()
    local: frozenset[str] = frozenset()

    def all(self) -> frozenset[str]:
        return self.registry | self.local


def leftovers(now: Holdings, before: Holdings, names: Iterable[str]) -> list[str]:
    """What this test session created and left: everything of a name its tests were
    given, and what the benchmark made since the session started. Pure."""
    names = tuple(names)
    return sorted(
        ref
        for ref in now.all()
        if any(belongs_to(ref, name) for name in names) or (made_by_bench(ref) and ref not in before.all())
    )


def read_holdings(registry: str, names: Iterable[str]) -> Holdings:
    """The registry's tags of the tests' names and the benchmark's, and every local tag."""
    names = tuple(names)
    wanted = [
        repository
        for repository in gc_run.read_catalog(registry) or []
        if made_by_bench(repository) or any(belongs_to(repository, name) for name in names)
    ]
    tagged = frozenset(
        f"{registry}/{repository}:{tag}" for repository in wanted for tag in registry_http.tags(registry, repository)
    )
    local = frozenset(image.name for image in DockerEngine().local_images(""))
    return Holdings(tagged, local)


def purge(name: str, registry: str) -> None:
    """`invoke gc --purge` for a test's app: its images and caches leave ``registry``
    and this machine; then every other local tag of the name goes too (another
    registry's, or a plain `<name>:<tag>`). An image whose last tag goes is freed."""
    # No tag is kept: a test's `v1` is no release (gc.keep_tags keeps `v[0-9]*` by default).
    config = parse_config({"name": name, "registry": registry, "gc": {"keep_tags": []}}, None)
    engine = DockerEngine()
    decided = gc_run.gather(config, engine, purge=True, machine=False)
    # A registry error is a gc bug and fails the test; a local image already gone
    # (another teardown's, gc's own list a moment old) is not.
    with contextlib.suppress(NotFound):
        gc_run.apply(config, engine, decided)
    with contextlib.suppress(NotFound):
        engine.remove_images([image.name for image in engine.local_images("") if belongs_to(image.name, name)])
