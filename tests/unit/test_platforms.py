"""Which platforms a build makes and how each one's packages are installed: tables."""

from __future__ import annotations

import pytest

from warmbuild import locks, platforms
from warmbuild.platforms import build_platforms, installing, tag_suffix, wheel_platform
from warmbuild.targets import Output

AMD, ARM = "linux/amd64", "linux/arm64"
BOTH = (AMD, ARM)


@pytest.mark.parametrize(
    "configured, host, output, expected",
    [
        pytest.param((), AMD, Output.LOAD, (AMD,), id="none-configured-the-builders"),
        pytest.param((), ARM, Output.PUSH, (ARM,), id="none-configured-arm-builder"),
        pytest.param(BOTH, AMD, Output.PUSH, BOTH, id="pushed-every-platform"),
        pytest.param(BOTH, AMD, Output.CACHE_ONLY, BOTH, id="cache-warm-every-platform"),
        pytest.param(BOTH, ARM, Output.LOAD, (ARM,), id="an-arm-laptop-loads-its-own"),
        pytest.param(BOTH, AMD, Output.LOAD, (AMD,), id="an-amd-laptop-loads-its-own"),
        pytest.param((ARM,), AMD, Output.LOAD, (ARM,), id="only-another-platform-configured"),
        pytest.param((ARM, ARM, AMD), AMD, Output.PUSH, (ARM, AMD), id="repeated-once"),
    ],
)
def test_build_platforms(configured: tuple[str, ...], host: str, output: Output, expected: tuple[str, ...]) -> None:
    assert build_platforms(configured, host, output) == expected


@pytest.mark.parametrize(
    "configured, platform, suffix",
    [
        ((), AMD, ""),
        ((ARM,), ARM, ""),
        (BOTH, ARM, "-arm64"),
        (BOTH, AMD, "-amd64"),
        ((AMD, "linux/arm/v7"), "linux/arm/v7", "-arm-v7"),
    ],
)
def test_tag_suffix(configured: tuple[str, ...], platform: str, suffix: str) -> None:
    assert tag_suffix(configured, platform) == suffix


@pytest.mark.parametrize(
    "image, platform, expected",
    [
        ("python:3.13-slim", ARM, "aarch64-manylinux_2_36"),
        ("python:3.13-slim-trixie", ARM, "aarch64-manylinux_2_40"),  # glibc 2.41: uv's newest name
        ("python:3.11-slim-bookworm", AMD, "x86_64-manylinux_2_36"),
    ],
)
def test_wheel_platform(image: str, platform: str, expected: str) -> None:
    assert wheel_platform(locks.target_environment(image, "", platform)) == expected


ENV_ARM = locks.target_environment("python:3.13-slim", "", ARM)


@pytest.mark.parametrize(
    "platform, installer, built, apt, commands, args, emulated",
    [
        pytest.param(AMD, "uv", (), (), (), (), (), id="the-builders-own-platform"),
        pytest.param(
            ARM,
            "uv",
            (),
            (),
            (),
            (("INSTALL_FOR", "aarch64-manylinux_2_36"),),
            (
                "packages unpacked on the builder's CPU (aarch64-manylinux_2_36 wheels)",
                "emulated: the install checks, compileall of the code",
            ),
            id="wheels-only",
        ),
        pytest.param(
            ARM,
            "pip",
            ("python-ldap==3.4.4",),
            ("tesseract-ocr",),
            ("python manage.py collectstatic",),
            (("INSTALL_FOR", "aarch64-manylinux_2_36"),),
            (
                "packages unpacked on the builder's CPU (aarch64-manylinux_2_36 wheels)",
                "emulated: apt-get (tesseract-ocr), the wheel-build stage (python-ldap==3.4.4), the install checks, "
                "compileall of the code, build_commands",
            ),
            id="source-build-apt-and-build-commands",
        ),
        pytest.param(
            ARM,
            "poetry",
            (),
            (),
            (),
            (("INSTALL_BASE", "runtime-base"),),
            ("emulated: every install (Poetry cannot install another platform's packages; installer: uv can)",),
            id="poetry-installs-on-the-target",
        ),
    ],
)
def test_which_steps_run_where(
    platform: str,
    installer: str,
    built: tuple[str, ...],
    apt: tuple[str, ...],
    commands: tuple[str, ...],
    args: tuple[tuple[str, str], ...],
    emulated: tuple[str, ...],
) -> None:
    found = installing(platform, AMD, ENV_ARM, installer, built, apt, commands)
    assert (found.build_args, found.emulated, found.cross) == (args, emulated, platform != AMD)
    assert (found.note is None) is (platform == AMD)


def test_the_manylinux_range_is_the_one_uv_names() -> None:
    assert platforms.OLDEST_MANYLINUX <= platforms.NEWEST_MANYLINUX
    old = locks.TargetEnvironment((3, 13, 0), "aarch64", (2, 5))
    assert wheel_platform(old) == "aarch64-manylinux_2_17"
