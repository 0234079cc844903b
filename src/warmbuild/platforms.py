"""Which platforms a build makes, and how each one's packages get installed. Pure.

One build makes one platform's image. For a platform other than the builder's, the
packages are still unpacked on the builder's own CPU: installing wheels is choosing
files and writing them, which needs no arm64 CPU. uv chooses the target platform's
wheels (``--python-platform``) into a venv that then moves onto the target's runtime
image as files. Only what needs the target's CPU runs under an emulator.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .locks import TargetEnvironment
from .targets import Output

# The manylinux range uv's --python-platform names (uv 0.13: manylinux_2_17 … 2_40). A
# newer glibc (trixie's 2.41) installs the newest uv names: wheels need at most it.
OLDEST_MANYLINUX = (2, 17)
NEWEST_MANYLINUX = (2, 40)
# Docker's architecture names -> the wheel tags' machine names.
MACHINES = {"amd64": "x86_64", "arm64": "aarch64"}


def architecture(platform: str) -> str:
    """linux/arm64 -> arm64; linux/arm/v7 -> arm-v7 (a tag's character set)."""
    return platform.removeprefix("linux/").replace("/", "-")


def docker_platform(machine: str) -> str:
    """aarch64 (a wheel tag's machine) -> linux/arm64."""
    names = {wheel_machine: docker for docker, wheel_machine in MACHINES.items()}
    return f"linux/{names.get(machine, machine)}"


def build_platforms(configured: Sequence[str], host: str, output: Output) -> tuple[str, ...]:
    """The platforms a build makes. Pushed or cache-only: every configured one. Loaded
    into the local image store: one image, the builder's own platform when it is
    configured (a laptop builds what it runs), else the first configured."""
    if not configured:
        return (host,)
    if output is Output.LOAD:
        return (host,) if host in configured else (configured[0],)
    return tuple(dict.fromkeys(configured))


def tag_suffix(configured: Sequence[str], platform: str) -> str:
    """What tells one platform's image and cache apart when several are configured:
    '-arm64'; nothing for a single platform (names stay as they always were)."""
    return f"-{architecture(platform)}" if len(set(configured)) > 1 else ""


def wheel_platform(environment: TargetEnvironment) -> str:
    """uv's --python-platform for the target: aarch64-manylinux_2_40 on trixie."""
    glibc = min(max(environment.glibc, OLDEST_MANYLINUX), NEWEST_MANYLINUX)
    return f"{environment.machine}-manylinux_{glibc[0]}_{glibc[1]}"


@dataclass(frozen=True)
class Installing:
    """How one platform's packages are installed, and what runs under the emulator."""

    platform: str
    builder_platform: str
    # Build args of the cross-install (none when the build is the builder's own platform).
    build_args: tuple[tuple[str, str], ...] = ()
    # The steps that run on the target's CPU (emulated), and why, for `invoke plan`.
    emulated: tuple[str, ...] = ()

    @property
    def cross(self) -> bool:
        return self.platform != self.builder_platform

    @property
    def note(self) -> str | None:
        if not self.cross:
            return None
        return f"{self.platform} on a {self.builder_platform} builder: " + "; ".join(self.emulated)


def installing(
    platform: str,
    builder_platform: str,
    environment: TargetEnvironment,
    installer: str,
    built: Sequence[str] = (),
    apt_packages: Sequence[str] = (),
    build_commands: Sequence[str] = (),
) -> Installing:
    """For a platform other than the builder's: the build args that unpack the
    packages on the builder's CPU, and the steps left to the emulator."""
    if platform == builder_platform:
        return Installing(platform, builder_platform)
    if installer == "poetry":
        # Poetry installs for the interpreter that runs it: only on the target's CPU.
        return Installing(
            platform,
            builder_platform,
            (("INSTALL_BASE", "runtime-base"),),
            ("emulated: every install (Poetry cannot install another platform's packages; installer: uv can)",),
        )
    wheels = wheel_platform(environment)
    steps = [f"packages unpacked on the builder's CPU ({wheels} wheels)"]
    emulated = ["the install checks", "compileall of the code"]
    if built:
        emulated.insert(0, f"the wheel-build stage ({', '.join(built)})")
    if apt_packages:
        emulated.insert(0, f"apt-get ({', '.join(apt_packages)})")
    if build_commands:
        emulated.append("build_commands")
    steps.append("emulated: " + ", ".join(emulated))
    return Installing(platform, builder_platform, (("INSTALL_FOR", wheels),), tuple(steps))
