"""`invoke cache-warm`: make every later build on any machine start warm.

Idempotent: the deps image is built and pushed only when its content tag is
missing; when it was already there (another machine's build pushed it, and local
builds export no deps cache), its cache is warmed as the others' are. dev and prod
(and the frontend's images) are built with `--output type=cacheonly` (no image,
only cache), importing through the fallback chain. A build's cache is exported to
the branch's ref only when the build did work or the ref is missing: BuildKit
re-exports of an unchanged cache differ in annotations, so exporting anyway would
push a new manifest every run. A build that is all cache hits needs nothing new,
and pushes nothing.

In pull-request mode (read-only cache) nothing is pushed at all: a missing deps
image is built into the local image store instead, where the dev and prod builds
find it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from . import pipeline, plan
from .engine import Engine, ProgressCallback
from .machine_locks import machine_lock
from .options import Config
from .plan import BuildInputs, BuildPlan, Output, Target
from .report import BuildSummary, Outcome

# Makes one cache-only plan; the argument says whether it exports the cache.
PlanMaker = Callable[[bool], BuildPlan]

CURRENT_NOTE = "all steps cached: the branch's cache is current, nothing exported"
# A ref whose blobs were collected under it makes every machine build without it:
# the machine that has the whole cache exports it again.
REPAIRED_NOTE = "the branch's cache had lost layers in the registry: exported again whole"


def plan_makers(inputs: BuildInputs) -> list[PlanMaker]:
    """One maker per cache-only build, in the order a developer's machine needs them:
    the builds of `build-dev` and `build-prod` (after deps), cache-only."""

    def maker(target: Target, index: int) -> PlanMaker:
        def make(export: bool) -> BuildPlan:
            request = plan.BuildRequest(target, Output.CACHE_ONLY, export_cache=export)
            return plan.request_plans(inputs, request)[index]

        return make

    count = len(plan.request_plans(inputs, plan.BuildRequest(Target.DEV, Output.CACHE_ONLY)))
    return [maker(target, index) for index in range(1, count) for target in (Target.DEV, Target.PROD)]


def warm_one(engine: Engine, make: PlanMaker, on_progress: ProgressCallback | None = None) -> BuildSummary:
    """Build importing only; export afterwards only if that build did work or the
    branch has no cache yet (the second build is all local hits: only the export)."""
    exporting = make(True)
    # Held from the probe to the export: a concurrent cache-warm of the branch waits,
    # then finds its probe all cached and the ref current.
    with machine_lock(*pipeline.writes_of(exporting)):
        probe = pipeline.execute(engine, make(False), on_progress)
        ref = exporting.exported_cache_ref
        if ref is None:  # read-only, or a builder that cannot export
            return dataclasses.replace(probe, notes=exporting.notes)
        repair: tuple[str, ...] = ()
        if probe.steps_executed == 0 and engine.registry_has(ref):
            if engine.cache_intact(ref):
                return dataclasses.replace(probe, notes=(CURRENT_NOTE,))
            repair = (REPAIRED_NOTE,)
        exported = pipeline.execute(engine, exporting, on_progress)
    seconds = round(probe.seconds + exported.seconds, 2)
    return dataclasses.replace(probe, cache_to=exported.cache_to, seconds=seconds, notes=probe.notes + repair)


def cache_warm(
    config: Config, engine: Engine, branch: str = "", on_progress: ProgressCallback | None = None
) -> list[BuildSummary]:
    # Every configured platform: a laptop of either CPU, and the runner pushing both, start warm.
    each = pipeline.platform_inputs(
        config, engine, Output.CACHE_ONLY, branch, with_frontend=bool(config.frontend.context)
    )
    return [summary for inputs in each for summary in warm_all(engine, inputs, on_progress)]


def warm_all(engine: Engine, inputs: BuildInputs, on_progress: ProgressCallback | None = None) -> list[BuildSummary]:
    writes = not inputs.config.cache.read_only
    deps = pipeline.ensure_deps(engine, inputs, on_progress, push=writes, require_registry=True)
    if writes and deps.outcome is Outcome.REUSED_FROM_REGISTRY:
        deps = warm_deps_cache(engine, inputs, deps, on_progress)
    return [deps, *(warm_one(engine, make, on_progress) for make in plan_makers(inputs))]


def warm_deps_cache(
    engine: Engine, inputs: BuildInputs, reused: BuildSummary, on_progress: ProgressCallback | None = None
) -> BuildSummary:
    """The deps image was in the registry already; its cache may not be (a laptop's
    build-prod pushes the image, not the cache). Warmed as dev's and prod's are; one
    summary: the image reused, the steps and export of the warming."""
    warmed = warm_one(
        engine, lambda export: plan.plan_build(inputs, Target.DEPS, Output.CACHE_ONLY, export_cache=export), on_progress
    )
    return dataclasses.replace(warmed, outcome=reused.outcome, image=reused.image)
