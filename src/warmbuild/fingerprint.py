"""A build's fingerprint: everything that can change its image, hashed, so a build
whose inputs are all unchanged since the last successful one is skipped without
asking BuildKit (which costs a second to confirm nothing changed).

The inputs: the exact argv (base and deps images by digest and tag, build args,
labels, contexts named by content), the files written for it (lock exports), the
Dockerfile and install script, and the build context's files as the .dockerignore
filters them (path, size, modification time, mode). Pure: the tree's entries come
in as data; ``pipeline`` reads them.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the quick path imports this module without the planner
    from .plan import BuildPlan

# Bump when what goes into a fingerprint changes, so old records never match.
SCHEMA = 1


@dataclass(frozen=True)
class TreeEntry:
    path: str  # relative, with forward slashes
    size: int
    mtime_ns: int
    mode: int


def ignore_patterns(dockerignore_text: str) -> list[tuple[str, bool]]:
    """(pattern, negated) pairs of a .dockerignore, in order (the last match wins)."""
    patterns = []
    for line in dockerignore_text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        negated = line.startswith("!")
        pattern = line.removeprefix("!").strip().lstrip("/").removeprefix("./").rstrip("/")
        patterns.append((pattern, negated))
    return patterns


def _matches(pattern: str, path: str) -> bool:
    """Docker's matching: fnmatch per path, `**` for any number of folders; a folder
    that matches excludes everything under it."""
    parts = path.split("/")
    candidates = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    if pattern.startswith("**/"):
        tail = pattern[3:]
        return any(fnmatch.fnmatchcase(p, tail) for p in parts) or any(
            fnmatch.fnmatchcase("/".join(parts[i:]), tail) for i in range(len(parts))
        )
    return any(fnmatch.fnmatchcase(candidate, pattern) for candidate in candidates)


def ignored(path: str, patterns: list[tuple[str, bool]]) -> bool:
    excluded = False
    for pattern, negated in patterns:
        if _matches(pattern, path):
            excluded = not negated
    return excluded


def tree_digest(entries: Iterable[TreeEntry], patterns: list[tuple[str, bool]]) -> str:
    """The context as BuildKit would send it: what the .dockerignore leaves, each file
    by path, size, modification time and mode."""
    digest = hashlib.sha256()
    for entry in sorted(entries, key=lambda e: e.path):
        if not ignored(entry.path, patterns):
            digest.update(f"{entry.path}\0{entry.size}\0{entry.mtime_ns}\0{entry.mode}\n".encode())
    return digest.hexdigest()


def fingerprint(build_plan: BuildPlan, texts: Iterable[str], context_digest: str | None) -> str:
    """The build's fingerprint. ``texts``: the Dockerfile's and install script's;
    ``context_digest``: None for a target whose image never holds the context."""
    return fingerprint_of(plan_payload(build_plan, texts), context_digest)


def plan_payload(build_plan: BuildPlan, texts: Iterable[str]) -> dict[str, Any]:
    """What of a fingerprint the plan decides (all but the context), as JSON data: the
    quick path keeps it to fingerprint a code change without planning again."""
    argv = list(build_plan.argv)
    # Whether BuildKit may use its cache does not change the image: a --rebuild counts
    # as the same inputs.
    while "--no-cache-filter" in argv:
        at = argv.index("--no-cache-filter")
        del argv[at : at + 2]
    return {"schema": SCHEMA, "argv": argv, "files": [list(file) for file in build_plan.files], "texts": list(texts)}


def fingerprint_of(payload: dict[str, Any], context_digest: str | None) -> str:
    return hashlib.sha256(json.dumps({**payload, "context": context_digest}, sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True)
class Record:
    """What the last successful build of a plan left: its fingerprint and the image
    it made (local image ID for a load, manifest digest for a push)."""

    fingerprint: str
    image: str
    image_id: str

    def to_json(self) -> str:
        return json.dumps(self.__dict__, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Record | None:
        try:
            data = json.loads(text)
            return cls(str(data["fingerprint"]), str(data["image"]), str(data["image_id"]))
        except (ValueError, KeyError, TypeError):
            return None
