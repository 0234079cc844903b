"""Do two PEP 508 markers say the same thing? Decided as a resolver's marker algebra
decides it (uv keeps markers as decision diagrams over independent variables): by
evaluating both on every combination of the values they test (each literal they name,
and a value neither names), for the Python versions a lock allows. Pure.

Every answer errs towards "the same": a marker this cannot evaluate, or one with
too many combinations, counts as equal, so a lock is never called stale by guess."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from packaging.markers import InvalidMarker, Marker, UndefinedComparison, UndefinedEnvironmentName
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

# `variable op 'literal'` and `'literal' op variable`.
_OPERATOR = r"(?:===|==|!=|<=|>=|~=|<|>|not\s+in|in)"
_FORWARD = re.compile(rf"""\b(\w+)\s*{_OPERATOR}\s*(['"])(.*?)\2""")
_BACKWARD = re.compile(rf"""(['"])(.*?)\1\s*{_OPERATOR}\s*(\w+)\b""")
# A value no marker names (what "any other platform" evaluates as).
OTHER = "other"
# Beyond this many combinations the answer is "the same" (not evaluated).
MAX_COMBINATIONS = 4096
BASE = {
    "implementation_name": "cpython",
    "implementation_version": "3.12.0",
    "os_name": "posix",
    "platform_machine": "x86_64",
    "platform_python_implementation": "CPython",
    "platform_release": "",
    "platform_system": "Linux",
    "platform_version": "",
    "sys_platform": "linux",
    "extra": "",
}
FALLBACK_PYTHONS = tuple((3, minor, 0) for minor in range(6, 16))


class Unsure(Exception):
    """The markers cannot be compared here."""


@lru_cache(maxsize=4096)
def parsed(marker: str) -> Marker:
    try:
        return Marker(marker)
    except InvalidMarker as error:
        raise Unsure(str(error)) from None


def literals(markers: Iterable[str]) -> dict[str, set[str]]:
    """{variable: the literals the markers compare it with}."""
    found: dict[str, set[str]] = {}
    for marker in markers:
        for variable, _, value in _FORWARD.findall(marker):
            found.setdefault(variable, set()).add(value)
        for _, value, variable in _BACKWARD.findall(marker):
            found.setdefault(variable, set()).add(value)
    return found


def _release(text: str) -> tuple[int, int, int] | None:
    try:
        release = Version(text.removesuffix(".*")).release
    except InvalidVersion:
        return None
    major, minor, patch = (*release, 0, 0)[:3]
    return major, minor, patch


def python_points(versions: Iterable[str], requires_python: str) -> list[tuple[int, int, int]]:
    """Python versions on both sides of every version the markers name, within
    ``requires_python`` (uv simplifies markers against it: outside, nothing differs)."""
    points: set[tuple[int, int, int]] = set()
    for text in versions:
        release = _release(text)
        if release is None:
            raise Unsure(f"not a version: {text}")
        major, minor, patch = release
        below = (major, minor, patch - 1) if patch else (major, minor - 1, 99) if minor else (major - 1, 99, 99)
        points |= {release, (major, minor, patch + 1), below, (major, minor + 1, 0)}
    allowed = _specifier(requires_python)
    inside = sorted(p for p in points if allowed is None or allowed.contains(".".join(map(str, p)), True))
    if inside:
        return inside
    fallback = [p for p in FALLBACK_PYTHONS if allowed is None or allowed.contains(".".join(map(str, p)), True)]
    return fallback[-1:] or [FALLBACK_PYTHONS[-1]]


def _specifier(text: str) -> SpecifierSet | None:
    try:
        return SpecifierSet(text) if text else None
    except InvalidSpecifier:
        return None


def environments(markers: Iterable[str], requires_python: str = "") -> Iterator[dict[str, str]]:
    """Every combination of the values ``markers`` test (plus a value none names)."""
    markers = [m for m in markers if m]
    found = literals(markers)
    pythons = python_points(
        found.pop("python_version", set()) | found.pop("python_full_version", set()), requires_python
    )
    names = sorted(found)
    choices = [sorted(found[name] | {"" if name == "extra" else OTHER}) for name in names]
    count = len(pythons) * math.prod(len(c) for c in choices)
    if count > MAX_COMBINATIONS:
        raise Unsure(f"{count} combinations")
    for python, values in itertools.product(pythons, itertools.product(*choices)):
        environment = {
            **BASE,
            "python_version": f"{python[0]}.{python[1]}",
            "python_full_version": ".".join(map(str, python)),
        }
        environment.update(zip(names, values, strict=True))
        yield environment


def holds(marker: str, environment: dict[str, str]) -> bool:
    if not marker:
        return True
    try:
        return parsed(marker).evaluate(environment)
    except (UndefinedComparison, UndefinedEnvironmentName, InvalidVersion, TypeError) as error:
        raise Unsure(str(error)) from None


def equivalent(first: str, second: str, requires_python: str = "") -> bool:
    """The same truth everywhere within ``requires_python`` (or not comparable here)."""
    if first == second:
        return True
    try:
        return all(holds(first, env) == holds(second, env) for env in environments([first, second], requires_python))
    except Unsure:
        return True


def never(marker: str, requires_python: str = "") -> bool:
    """False everywhere within ``requires_python`` (certainly: unsure is not never)."""
    if not marker:
        return False
    try:
        return not any(holds(marker, env) for env in environments([marker], requires_python))
    except Unsure:
        return False


def extras_where_possible(marker: str, extras: Iterable[str], requires_python: str = "") -> frozenset[str]:
    """Of ``extras`` ('' is "no extra"), those with which ``marker`` holds somewhere.
    Unsure: all of them."""
    extras = frozenset(extras) | {""}
    if not marker:
        return extras
    try:
        return frozenset(
            extra
            for extra in extras
            if any(holds(marker, {**env, "extra": extra}) for env in environments([marker], requires_python))
        )
    except Unsure:
        return extras
