"""Build summaries: steps total / cached / executed, time, cache hits, size, pushes.

Pure: a plan and a finished run in, a frozen summary out. Rendering lives in
``console``; JSON is ``BuildSummary.as_dict`` and ``report_json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from enum import Enum
from typing import Any

from .plan import BuildPlan
from .progress import BuildRun


class Outcome(Enum):
    BUILT = "built"
    # No build ran: the deps image with this content tag already exists.
    REUSED_FROM_REGISTRY = "reused from the registry"
    REUSED_FROM_LOCAL_STORE = "reused from the local image store"
    # No build ran: every input is as at the last build, whose image is still there.
    UNCHANGED = "unchanged"


REUSE_REASONS = {
    Outcome.REUSED_FROM_REGISTRY: "deps image with this content tag is already in the registry",
    Outcome.REUSED_FROM_LOCAL_STORE: "deps image with this content tag is in the local image store",
    Outcome.UNCHANGED: "nothing changed since the last build, and its image is still there: not built",
}


@dataclass(frozen=True)
class StepRecord:
    name: str
    stage: str
    cached: bool
    seconds: float


@dataclass(frozen=True)
class BuildSummary:
    target: str
    image: str
    outcome: Outcome
    steps: tuple[StepRecord, ...]
    seconds: float
    # Bytes of the image in the local store; None when it was not loaded there.
    image_bytes: int | None
    pushed: tuple[str, ...]
    cache_from: tuple[str, ...]
    cache_to: str | None
    notes: tuple[str, ...]
    # Packages built from source in this build (none when their wheels came from cache).
    compiled: tuple[str, ...] = ()
    built_from_source: tuple[str, ...] = ()

    @property
    def skipped(self) -> bool:
        return self.outcome is not Outcome.BUILT

    @property
    def reason(self) -> str:
        return REUSE_REASONS.get(self.outcome, "")

    @property
    def steps_total(self) -> int:
        return len(self.steps)

    @property
    def steps_cached(self) -> int:
        return sum(step.cached for step in self.steps)

    @property
    def steps_executed(self) -> int:
        return self.steps_total - self.steps_cached

    @property
    def cache_hit_percent(self) -> float:
        return round(100.0 * self.steps_cached / self.steps_total, 1) if self.steps else 0.0

    @property
    def executed_steps(self) -> tuple[str, ...]:
        return tuple(step.name for step in self.steps if not step.cached)

    def as_dict(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "image": self.image,
            "outcome": self.outcome.value,
            "skipped": self.skipped,
            "reason": self.reason,
            "steps": [step.__dict__ for step in self.steps],
            "seconds": self.seconds,
            "image_bytes": self.image_bytes or 0,
            "pushed": list(self.pushed),
            "cache_from": list(self.cache_from),
            "cache_to": self.cache_to or "",
            "notes": list(self.notes),
            "compiled": list(self.compiled),
            "built_from_source": list(self.built_from_source),
            "steps_total": self.steps_total,
            "steps_cached": self.steps_cached,
            "steps_executed": self.steps_executed,
            "cache_hit_percent": self.cache_hit_percent,
        }


def summarize(build_plan: BuildPlan, run: BuildRun, image_bytes: int | None) -> BuildSummary:
    steps = tuple(StepRecord(v.name, v.stage, v.cached, round(v.seconds, 2)) for v in run.progress.work)
    # The wheel-build step names each package it compiles (the others come from its cache).
    compiled = tuple(
        name
        for v in run.progress.steps
        if v.stage == "wheel-build" and not v.cached
        for name in re.findall(r"building a wheel: (\S+)", run.progress.log_of(v))
    )
    return BuildSummary(
        target=build_plan.target,
        image=build_plan.image,
        outcome=Outcome.BUILT,
        steps=steps,
        seconds=round(run.seconds, 2),
        image_bytes=image_bytes,
        pushed=(build_plan.image,) if build_plan.pushes else (),
        cache_from=build_plan.cache_from,
        cache_to=build_plan.cache_to,
        notes=build_plan.notes + tuple(run.progress.import_warnings()),
        compiled=compiled,
        built_from_source=build_plan.built_from_source,
    )


def summarize_reuse(build_plan: BuildPlan, outcome: Outcome) -> BuildSummary:
    return BuildSummary(
        target=build_plan.target,
        image=build_plan.image,
        outcome=outcome,
        steps=(),
        seconds=0.0,
        image_bytes=None,
        pushed=(),
        cache_from=(),
        cache_to=None,
        notes=(),
    )


def summarize_index(tag: str, target: str, seconds: float, note: str) -> BuildSummary:
    """The multi-platform image written from the platforms' pushed images: no build."""
    return BuildSummary(
        target=target,
        image=tag,
        outcome=Outcome.BUILT,
        steps=(),
        seconds=round(seconds, 2),
        image_bytes=None,
        pushed=(tag,),
        cache_from=(),
        cache_to=None,
        notes=(note,),
    )


def report_json(summaries: list[BuildSummary], wall_seconds: float, **extra: Any) -> str:
    """The one JSON report every build task writes with --json."""
    report = {"wall_seconds": round(wall_seconds, 2), **extra, "builds": [s.as_dict() for s in summaries]}
    return json.dumps(report, indent=2) + "\n"
