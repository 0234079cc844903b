"""Build summaries: steps total / cached / executed, time, cache hits, size, pushes.

Pure: a plan and a finished run in, a frozen summary out. Rendering lives in
``console``; JSON is ``BuildSummary.as_dict``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from .engine import BuildRun
from .plan import BuildPlan


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
    # True when no build ran (the deps image already existed).
    skipped: bool
    reason: str
    steps: tuple[StepRecord, ...]
    seconds: float
    image_bytes: int
    pushed: tuple[str, ...]
    cache_from: tuple[str, ...]
    cache_to: str
    notes: tuple[str, ...]

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

    def as_dict(self) -> dict:
        data = dataclasses.asdict(self)
        data.update(
            steps_total=self.steps_total,
            steps_cached=self.steps_cached,
            steps_executed=self.steps_executed,
            cache_hit_percent=self.cache_hit_percent,
        )
        return data


def _is_work(instruction: str) -> bool:
    # A FROM is resolving a base, not work this build did or skipped.
    return not instruction.startswith("FROM ")


def summarize(build_plan: BuildPlan, run: BuildRun, image_bytes: int) -> BuildSummary:
    steps = tuple(
        StepRecord(v.name, v.stage, v.cached, round(v.seconds, 2))
        for v in sorted(run.progress.steps, key=lambda v: (v.started or "~", v.name))
        if _is_work(v.instruction)
    )
    return BuildSummary(
        target=build_plan.target,
        image=build_plan.image,
        skipped=False,
        reason="",
        steps=steps,
        seconds=round(run.seconds, 2),
        image_bytes=image_bytes,
        pushed=(build_plan.image,) if build_plan.push else (),
        cache_from=build_plan.cache_from,
        cache_to=build_plan.cache_to,
        notes=build_plan.notes + tuple(run.progress.import_warnings()),
    )


def summarize_skip(build_plan: BuildPlan, reason: str) -> BuildSummary:
    return BuildSummary(
        target=build_plan.target,
        image=build_plan.image,
        skipped=True,
        reason=reason,
        steps=(),
        seconds=0.0,
        image_bytes=0,
        pushed=(),
        cache_from=(),
        cache_to="",
        notes=(),
    )
