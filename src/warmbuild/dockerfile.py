"""Just enough Dockerfile reading to know which text a stage's result depends on."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

_FROM = re.compile(r"^FROM\s+(?:--platform=\S+\s+)?(?P<image>\S+)(?:\s+AS\s+(?P<name>\S+))?\s*$", re.I)
_STAGE_REFS = re.compile(r"(?:--from=|[\s,]from=)(?P<stage>[A-Za-z0-9_.-]+)")


@dataclass(frozen=True)
class Stage:
    name: str
    base: str
    text: str


def numbered_instructions(text: str) -> list[tuple[int, str]]:
    """Logical instructions with the line each starts on: comments and blank lines
    dropped, continuations joined."""
    result: list[tuple[int, str]] = []
    current, start = "", 0
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        start = start or number
        current = f"{current} {stripped}" if current else stripped
        if current.endswith("\\"):
            current = current[:-1].rstrip()
            continue
        result.append((start, current))
        current, start = "", 0
    if current:
        result.append((start, current))
    return result


def _instructions(text: str) -> list[str]:
    return [instruction for _, instruction in numbered_instructions(text)]


def parse_stages(text: str) -> tuple[str, list[Stage]]:
    """(global prelude, stages) of a Dockerfile, comments removed."""
    prelude: list[str] = []
    stages: list[Stage] = []
    body: list[str] = []
    header = None
    for instruction in _instructions(text):
        match = _FROM.match(instruction)
        if match:
            if header:
                stages.append(Stage(header[0], header[1], "\n".join(body)))
            header = (match["name"] or str(len(stages)), match["image"])
            body = [instruction]
        elif header:
            body.append(instruction)
        else:
            prelude.append(instruction)
    if header:
        stages.append(Stage(header[0], header[1], "\n".join(body)))
    return "\n".join(prelude), stages


def stage_names(text: str) -> list[str]:
    return [stage.name for stage in parse_stages(text)[1]]


def heavy_slot_count(text: str) -> int:
    """How many heavy-package slots (stages heavy-1, heavy-2, …) a Dockerfile has."""
    return sum(1 for name in stage_names(text) if re.fullmatch(r"heavy-\d+", name))


def global_args(prelude: str) -> dict[str, str]:
    """The defaults of the ARGs before the first FROM."""
    return {m[1]: m[2] or "" for m in re.finditer(r"(?m)^ARG\s+(\w+)(?:=(\S*))?", prelude)}


def _expand(base: str, args: Mapping[str, str]) -> str:
    """A FROM's image with its ${ARG}s replaced (a stage may be chosen by a build arg)."""
    return re.sub(r"\$\{?(\w+)\}?", lambda m: args.get(m[1], m[0]), base)


def text_for_stage(text: str, target: str, build_args: Mapping[str, str] | None = None) -> str:
    """The instructions that can change ``target``'s result: the global ARGs and the
    target with every stage it builds on (FROM, COPY --from, RUN --mount from=), a
    FROM ${ARG} followed to the stage the build args choose."""
    prelude, stages = parse_stages(text)
    args = {**global_args(prelude), **(build_args or {})}
    by_name = {stage.name: stage for stage in stages}
    if target not in by_name:
        raise KeyError(target)
    needed: list[str] = []
    stack = [target]
    while stack:
        name = stack.pop()
        if name in needed or name not in by_name:
            continue
        needed.append(name)
        stage = by_name[name]
        stack.append(_expand(stage.base, args))
        stack.extend(match["stage"] for match in _STAGE_REFS.finditer(stage.text))
    ordered = [stage.text for stage in stages if stage.name in needed]
    return "\n".join([prelude, *ordered])
