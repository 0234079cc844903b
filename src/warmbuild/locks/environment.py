"""The environment a build installs into: its Python and platform, as markers see
them and as wheel tags match them. Pure."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from packaging.markers import Marker
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.tags import Tag, compatible_tags, cpython_tags
from packaging.utils import InvalidWheelFilename, parse_wheel_filename

from ..errors import ConfigError

# Docker platform architecture -> what Python calls the machine.
MACHINES = {"amd64": "x86_64", "arm64": "aarch64", "arm64/v8": "aarch64", "ppc64le": "ppc64le", "s390x": "s390x"}
# Debian releases of the official images' tags -> their glibc. An image tag that
# names none gets bookworm's: the oldest base the official images still ship, so a
# wheel judged usable is usable on either.
GLIBC_BY_RELEASE = {"bullseye": (2, 31), "bookworm": (2, 36), "trixie": (2, 41)}
DEFAULT_GLIBC = (2, 36)


@dataclass(frozen=True)
class TargetEnvironment:
    python: tuple[int, int, int]
    machine: str = "x86_64"
    glibc: tuple[int, int] = DEFAULT_GLIBC

    @property
    def python_version(self) -> str:
        return f"{self.python[0]}.{self.python[1]}"

    @property
    def python_full_version(self) -> str:
        return ".".join(map(str, self.python))

    def marker_values(self, extra: str = "") -> dict[str, str]:
        return {
            "python_version": self.python_version,
            "python_full_version": self.python_full_version,
            "implementation_name": "cpython",
            "implementation_version": self.python_full_version,
            "platform_python_implementation": "CPython",
            "os_name": "posix",
            "sys_platform": "linux",
            "platform_system": "Linux",
            "platform_machine": self.machine,
            "platform_release": "",
            "platform_version": "",
            "extra": extra,
        }

    def accepts(self, marker: str, extras: frozenset[str] = frozenset()) -> bool:
        """Does ``marker`` hold here, with any of ``extras`` on (none: `extra == ""`)?"""
        if not marker:
            return True
        parsed = Marker(marker)
        return any(parsed.evaluate(self.marker_values(extra)) for extra in (*sorted(extras), ""))

    def allows_python(self, specifier: str) -> bool:
        try:
            return not specifier or SpecifierSet(specifier).contains(self.python_full_version, prereleases=True)
        except InvalidSpecifier:
            return True  # a lock's own spelling we cannot read: the lock tool checked it

    @cached_property
    def tag_ranks(self) -> dict[Tag, int]:
        """The wheel tags pip accepts here (manylinux up to this glibc, and plain
        linux), each with its rank in pip's order of preference (0: the best)."""
        major, minor = self.glibc
        platforms = [f"manylinux_{major}_{m}_{self.machine}" for m in range(minor, 16, -1)]
        legacy = {(2, 17): "manylinux2014", (2, 12): "manylinux2010", (2, 5): "manylinux1"}
        platforms += [f"{name}_{self.machine}" for floor, name in legacy.items() if self.glibc >= floor]
        platforms.append(f"linux_{self.machine}")
        version = self.python[:2]
        ordered = [
            *cpython_tags(version, platforms=platforms),
            *compatible_tags(version, "cp" + "".join(map(str, version)), platforms=platforms),
        ]
        ranks: dict[Tag, int] = {}
        for tag in ordered:
            ranks.setdefault(tag, len(ranks))
        return ranks

    @property
    def tags(self) -> frozenset[Tag]:
        return frozenset(self.tag_ranks)

    def wheel_rank(self, filename: str) -> int | None:
        """How much pip prefers this wheel here (lower is better); None: it does not fit."""
        try:
            _, _, _, tags = parse_wheel_filename(filename)
        except InvalidWheelFilename:
            return None
        ranks = [self.tag_ranks[tag] for tag in tags if tag in self.tag_ranks]
        return min(ranks) if ranks else None

    def wheel_fits(self, filename: str) -> bool:
        return self.wheel_rank(filename) is not None

    def best_wheel(self, filenames: Iterable[str]) -> str | None:
        """The wheel an installer picks here among ``filenames`` (the most specific
        tag), or None when none fits."""
        ranked = [
            (rank, name) for name in filenames if name.endswith(".whl") and (rank := self.wheel_rank(name)) is not None
        ]
        return min(ranked)[1] if ranked else None


def python_from_image(image: str) -> tuple[int, int, int] | None:
    """The Python version an image tag names: python:3.13-slim -> (3, 13, 0);
    python:3.11.9-bookworm -> (3, 11, 9). A missing patch is the first patch, as
    `uv --python-version 3.13` takes it."""
    tag = image.split("@", 1)[0].rsplit("/", 1)[-1].partition(":")[2]
    match = re.match(r"(\d+)\.(\d+)(?:\.(\d+))?", tag)
    if not match:
        return None
    return int(match[1]), int(match[2]), int(match[3] or 0)


def glibc_of_image(image: str) -> tuple[int, int]:
    tag = image.split("@", 1)[0].rsplit(":", 1)[-1]
    return next((glibc for release, glibc in GLIBC_BY_RELEASE.items() if release in tag), DEFAULT_GLIBC)


def target_environment(python_image: str, python_version: str, platform: str) -> TargetEnvironment:
    """The environment of ``python_image`` on ``platform`` (linux/amd64). The
    configured ``python_version`` wins over the tag's."""
    if python_version:
        parts = tuple(int(p) for p in re.findall(r"\d+", python_version)[:3])
        python = (*parts, 0, 0, 0)[:3] if len(parts) >= 2 else None
    else:
        python = python_from_image(python_image)
    if python is None:
        raise ConfigError(
            f"cannot tell the Python version of python_image {python_image!r} from its tag",
            "set `python_version:` (e.g. '3.12') in warmbuild.yaml",
        )
    architecture = platform.removeprefix("linux/")
    return TargetEnvironment(
        (python[0], python[1], python[2]), MACHINES.get(architecture, architecture), glibc_of_image(python_image)
    )
