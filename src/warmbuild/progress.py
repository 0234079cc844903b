"""BuildKit progress: parse `--progress=rawjson` and summarise a build.

buildx writes a stream of pretty-printed JSON objects (not one per line), each with
``vertexes`` (a step: digest, name, started, completed, cached, error), ``statuses``
(transfers) and ``logs`` (a step's output, base64). The same vertex arrives many
times as it progresses; updates are merged by digest. Pure: no I/O.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

# "[deps 2/4] RUN …" or "[2/4] COPY …": a Dockerfile instruction of a stage.
# BuildKit pads the index to the count's width: "[prod  6/10]", "[ 3/12]".
_STEP_NAME = re.compile(r"^\[(?:(?P<stage>[^\]\s]+) )?\s*(?P<index>\d+)/(?P<count>\d+)\] (?P<instruction>.*)$", re.S)


@dataclass
class Vertex:
    digest: str
    name: str = ""
    started: str = ""
    completed: str = ""
    cached: bool = False
    error: str = ""

    @property
    def stage(self) -> str:
        match = _STEP_NAME.match(self.name)
        return (match.group("stage") or "") if match else ""

    @property
    def is_step(self) -> bool:
        """A Dockerfile instruction, as opposed to BuildKit housekeeping
        ([internal] loads, exporting, resolving image config)."""
        return _STEP_NAME.match(self.name) is not None

    @property
    def instruction(self) -> str:
        match = _STEP_NAME.match(self.name)
        return match.group("instruction") if match else self.name

    @property
    def executed(self) -> bool:
        return bool(self.completed) and not self.cached and not self.error

    @property
    def seconds(self) -> float:
        if not (self.started and self.completed):
            return 0.0
        return max(0.0, (_timestamp(self.completed) - _timestamp(self.started)).total_seconds())


def _timestamp(text: str) -> datetime:
    # BuildKit writes nanoseconds; Python keeps microseconds.
    text = re.sub(r"(\.\d{6})\d*", r"\1", text.replace("Z", "+00:00"))
    return datetime.fromisoformat(text)


@dataclass
class BuildProgress:
    """The merged state of one build, fed object by object."""

    vertices: dict[str, Vertex] = field(default_factory=dict[str, Any])
    logs: dict[str, list[str]] = field(default_factory=dict[str, Any])

    def feed(self, event: dict[str, Any]) -> None:
        for raw in event.get("vertexes") or ():
            vertex = self.vertices.setdefault(raw["digest"], Vertex(raw["digest"]))
            for key in ("name", "started", "completed", "error"):
                if raw.get(key):
                    setattr(vertex, key, raw[key])
            if raw.get("cached"):
                vertex.cached = True
        for raw in event.get("logs") or ():
            text = base64.b64decode(raw.get("data", "")).decode("utf-8", "replace")
            self.logs.setdefault(raw["vertex"], []).append(text)

    @property
    def work(self) -> list[Vertex]:
        """The steps that are work done or taken from cache, in the order they started (a
        FROM is resolving a base, not work): what a build's report lists."""
        steps = (v for v in self.steps if not v.instruction.startswith("FROM "))
        return sorted(steps, key=lambda v: (v.started or "~", v.name))

    @property
    def steps(self) -> list[Vertex]:
        return [v for v in self.vertices.values() if v.is_step]

    def log_of(self, vertex: Vertex) -> str:
        return "".join(self.logs.get(vertex.digest, ()))

    def step_named(self, fragment: str) -> Vertex:
        """The one step whose name contains ``fragment`` (for reports and tests)."""
        found = [v for v in self.steps if fragment in v.name]
        if len(found) != 1:
            raise LookupError(f"{len(found)} steps match {fragment!r}: {[v.name for v in self.steps]}")
        return found[0]

    @property
    def failed(self) -> list[Vertex]:
        return [v for v in self.vertices.values() if v.error]

    def import_warnings(self) -> list[str]:
        """Cache imports that failed for another reason than "no such cache yet":
        BuildKit builds on without them, the user should still hear of it."""
        return [
            f"cache import from {v.name.removeprefix('importing cache manifest from ')} failed ({v.error}); "
            "built without it"
            for v in self.failed
            if v.name.startswith("importing cache manifest") and "not found" not in v.error
        ]


@dataclass
class BuildRun:
    """The outcome of one `docker buildx build`."""

    argv: tuple[str, ...]
    progress: BuildProgress = field(default_factory=BuildProgress)
    seconds: float = 0.0
    returncode: int = 0
    # buildx's own lines that were not JSON (its final ERROR, for one).
    messages: list[str] = field(default_factory=list)


class RawJsonDecoder:
    """Split a byte stream into the JSON objects buildx writes, whatever the chunking."""

    def __init__(self) -> None:
        self._buffer = ""
        self._decoder = json.JSONDecoder()
        self.non_json: list[str] = []

    def feed(self, chunk: str) -> Iterator[dict[str, Any]]:
        self._buffer += chunk
        while True:
            text = self._buffer.lstrip()
            if not text:
                self._buffer = ""
                return
            if not text.startswith("{"):
                # A plain line (an ERROR from buildx itself): keep it for the message.
                line, newline, rest = text.partition("\n")
                if not newline:
                    self._buffer = text
                    return
                self.non_json.append(line)
                self._buffer = rest
                continue
            try:
                event, end = self._decoder.raw_decode(text)
            except json.JSONDecodeError:
                self._buffer = text  # incomplete object: wait for more
                return
            self._buffer = text[end:]
            yield event

    def close(self) -> None:
        rest = self._buffer.strip()
        if rest:
            self.non_json.extend(rest.splitlines())
        self._buffer = ""


def parse_rawjson(text: str) -> BuildProgress:
    """Parse a whole captured rawjson stream (tests, saved logs)."""
    progress = BuildProgress()
    decoder = RawJsonDecoder()
    for event in decoder.feed(text):
        progress.feed(event)
    decoder.close()
    return progress
