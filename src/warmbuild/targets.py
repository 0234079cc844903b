"""The app's three images and what sets each apart, defined once. Pure.

Every difference between deps, dev and prod that the planner acts on is a field of
``TargetShape``; code asks ``SHAPES[target]`` instead of comparing names.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, StrEnum


class Target(StrEnum):
    """A stage of the app's Dockerfile that warmbuild builds as an image."""

    DEPS = "deps"
    DEV = "dev"
    PROD = "prod"


class Output(Enum):
    """Where a build's result goes."""

    PUSH = "push"  # to the registry, by the image's tag
    LOAD = "load"  # into the local image store
    CACHE_ONLY = "cacheonly"  # nowhere: only the cache export counts (cache warming)


@dataclass(frozen=True)
class TargetShape:
    # Where the image goes unless the task says otherwise: deps is shared by every
    # machine through the registry; dev and prod are for this machine.
    default_output: Output
    # Tagged by the content it is made of (deps) rather than by branch.
    tagged_by_content: bool
    # Built on the deps image by its content tag (the `deps` named context), never
    # rebuilding it.
    on_deps_image: bool
    # Holds the app's code (dev does not: compose mounts it).
    holds_context: bool
    # Runs the app: its command, port and environment are build arguments.
    runs_app: bool
    # Runs as the developer's UID/GID, so files written into the mounted tree stay theirs.
    host_user: bool
    # Carries the OCI labels (revision, source, created) and the health check.
    released: bool
    # Installs the runtime OS packages (`apt_packages`).
    installs_os_packages: bool


SHAPES: dict[Target, TargetShape] = {
    Target.DEPS: TargetShape(
        default_output=Output.PUSH,
        tagged_by_content=True,
        on_deps_image=False,
        holds_context=False,
        runs_app=False,
        host_user=False,
        released=False,
        installs_os_packages=True,
    ),
    Target.DEV: TargetShape(
        default_output=Output.LOAD,
        tagged_by_content=False,
        on_deps_image=True,
        holds_context=False,
        runs_app=True,
        host_user=True,
        released=False,
        installs_os_packages=False,
    ),
    Target.PROD: TargetShape(
        default_output=Output.LOAD,
        tagged_by_content=False,
        on_deps_image=True,
        holds_context=True,
        runs_app=True,
        host_user=False,
        released=True,
        installs_os_packages=False,
    ),
}


def parse_target(name: str) -> Target:
    """A target by name; ValueError for anything else."""
    return Target(name)
