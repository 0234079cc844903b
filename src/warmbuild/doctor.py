"""`invoke doctor`: is this machine able to build, cache and push?

``gather_facts`` asks the engine (and through it the registry); ``evaluate`` is
pure and turns those facts into checks, each with the fix for a problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from . import platforms
from .engine import EXPORTING_DRIVERS, Engine, EngineFacts, Resolved, Unresolved
from .options import Config

MIN_ENGINE = (24, 0)
# --progress=rawjson, which the build reports are read from, arrived in buildx 0.12.
MIN_BUILDX = (0, 12)
# What a user who installed warmbuild with pip has: the README, and doctor itself.
PROVISION = "README, Setting up an engine"
BUILDER_CHECKS = ("builder", "cache export", "cache import", "image loading")


class Status(Enum):
    OK = "ok"
    PROBLEM = "problem"
    # Works, with a limit the user should know (not a failure: exit code 0).
    WARNING = "warning"
    NOT_CHECKED = "not checked"


@dataclass(frozen=True)
class Check:
    name: str
    status: Status
    detail: str
    fix: str = ""


@dataclass(frozen=True)
class Facts:
    engine: EngineFacts
    registry: str
    # None: the registry answers.
    registry_problem: str | None
    base_images: tuple[tuple[str, Resolved | Unresolved], ...]
    # `docker compose version` ("" when compose is missing); the team's compose file
    # (dev.compose_file) needs more of it than warmbuild's own.
    compose_version: str = ""
    team_compose_file: bool = False
    # The configured `platforms`.
    platforms: tuple[str, ...] = ()


def version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text.split("+")[0].split("-")[0])[:3])


def gather_facts(config: Config, engine: Engine) -> Facts:
    engine_facts = engine.facts(config.builder)
    bases: list[tuple[str, Resolved | Unresolved]] = []
    for image in (config.python_image,):
        if engine_facts.buildx_version:
            bases.append((image, engine.resolve_digest(image, engine_facts.mirrors)))
        else:
            bases.append((image, Unresolved("buildx is missing")))
    return Facts(
        engine_facts,
        config.registry,
        engine.registry_problem(config.registry),
        tuple(bases),
        engine.compose_version() if engine_facts.server_version else "",
        bool(config.dev.compose_file),
        config.platforms,
    )


# What the dev stack asks of compose: `up --wait --wait-timeout` (2.17, docker/compose#10276),
# and for a team's compose file the override's `build: !reset null` (2.24).
COMPOSE_NEEDED = (2, 17)
COMPOSE_NEEDED_FOR_A_TEAM_FILE = (2, 24)


def _compose_check(version: str, team_file: bool, engine_ok: bool) -> Check:
    if not engine_ok:
        return Check("compose", Status.NOT_CHECKED, "needs a reachable engine")
    if not version:
        return Check(
            "compose",
            Status.PROBLEM,
            "`docker compose` is not installed (dev-up runs the dev stack with it)",
            "install the compose plugin (Debian: docker-compose; Docker's: docker-compose-plugin)",
        )
    needed = COMPOSE_NEEDED_FOR_A_TEAM_FILE if team_file else COMPOSE_NEEDED
    if version_tuple(version) < needed:
        why = "dev.compose_file's override resets their build: (`!reset`)" if team_file else "dev-up waits with it"
        wanted = ".".join(map(str, needed))
        return Check(
            "compose", Status.PROBLEM, f"Docker Compose {version}: {why}, which needs {wanted}", f"upgrade to {wanted}+"
        )
    return Check("compose", Status.OK, f"Docker Compose {version}")


def _engine_check(facts: EngineFacts) -> Check:
    where = facts.docker_host or "the default socket"
    if not facts.server_version:
        return Check(
            "engine",
            Status.PROBLEM,
            f"cannot reach Docker Engine at {where}: {facts.server_error}",
            f"start dockerd ({PROVISION}) or point DOCKER_HOST at a running engine",
        )
    if version_tuple(facts.server_version) < MIN_ENGINE:
        return Check(
            "engine",
            Status.PROBLEM,
            f"Docker Engine {facts.server_version} is older than {'.'.join(map(str, MIN_ENGINE))}",
            f"upgrade Docker Engine ({PROVISION})",
        )
    return Check("engine", Status.OK, f"Docker Engine {facts.server_version} at {where}")


def _buildx_check(facts: EngineFacts) -> Check:
    if not facts.buildx_version:
        return Check(
            "buildx", Status.PROBLEM, f"buildx is missing: {facts.buildx_error}", f"install docker-buildx ({PROVISION})"
        )
    if version_tuple(facts.buildx_version) < MIN_BUILDX:
        return Check(
            "buildx",
            Status.PROBLEM,
            f"buildx {facts.buildx_version} is older than {'.'.join(map(str, MIN_BUILDX))}",
            f"upgrade docker-buildx ({PROVISION})",
        )
    return Check("buildx", Status.OK, f"buildx {facts.buildx_version}")


def _builder_checks(facts: EngineFacts) -> list[Check]:
    if not (facts.server_version and facts.buildx_version):
        why = "needs a reachable engine and buildx"
        return [Check(name, Status.NOT_CHECKED, why) for name in BUILDER_CHECKS]
    if facts.builder_error or not facts.builder_name:
        problem = Check(
            "builder",
            Status.PROBLEM,
            f"no usable buildx builder: {facts.builder_error}",
            "`docker buildx use default`, or set `builder:` in the config to an existing builder",
        )
        return [problem] + [Check(n, Status.NOT_CHECKED, "needs a builder") for n in BUILDER_CHECKS[1:]]
    where = f", endpoint {facts.builder_endpoint}" if facts.builder_endpoint else ""
    platform = f", {facts.builder_platform}" if facts.builder_platform else ""
    checks = [Check("builder", Status.OK, f"{facts.builder_name} (driver {facts.builder_driver}{platform}{where})")]
    if facts.can_export_cache:
        how = ", containerd image store" if facts.builder_driver == "docker" else ""
        checks.append(Check("cache export", Status.OK, f"registry cache export ({facts.builder_driver} driver{how})"))
    else:
        checks.append(
            Check(
                "cache export",
                Status.PROBLEM,
                f"the {facts.builder_driver} driver without the containerd image store exports inline cache only",
                'add {"features": {"containerd-snapshotter": true}} to /etc/docker/daemon.json and restart dockerd, '
                "or `docker buildx create --use --driver docker-container`",
            )
        )
    # Every buildx driver can import registry cache.
    checks.append(Check("cache import", Status.OK, "registry cache import"))
    checks.append(_loading_check(facts))
    return checks


def _loading_check(facts: EngineFacts) -> Check:
    """Where `--load` (build-dev, build-prod without --push, dev-up) puts images."""
    if facts.loads_elsewhere:
        return Check(
            "image loading",
            Status.WARNING,
            f"images load into the engine of context {facts.builder_engine}, not this one: cache-warm, build-deps "
            "and --push builds work; build-dev, build-prod without --push and dev-up refuse",
            "for a local dev stack, build without `builder:` or with a docker-container or remote builder",
        )
    if facts.builder_driver in EXPORTING_DRIVERS:
        return Check(
            "image loading",
            Status.OK,
            f"over the wire into this engine ({facts.builder_driver} driver: a tarball per image, slower than a "
            "local build's load for large images)",
        )
    return Check("image loading", Status.OK, "into this engine's image store")


def _registry_check(registry: str, problem: str | None) -> Check:
    if problem:
        return Check(
            "registry",
            Status.PROBLEM,
            f"registry {registry} does not answer: {problem}",
            f"start it ({PROVISION}) or set `registry:` in the config / --registry",
        )
    return Check("registry", Status.OK, f"{registry} answers")


def _base_image_check(image: str, found: Resolved | Unresolved, engine_ok: bool) -> Check:
    name = f"base {image}"
    if not engine_ok:
        return Check(name, Status.NOT_CHECKED, "needs a reachable engine and buildx")
    if isinstance(found, Unresolved):
        return Check(
            name,
            Status.PROBLEM,
            f"{image} cannot be resolved: {found.why}",
            f"push it or a stand-in to a registry mirror ({PROVISION}), or change python_image",
        )
    return Check(name, Status.OK, f"{found.digest[:19]}… via {found.where}")


def engine_checks(facts: EngineFacts) -> list[Check]:
    """Engine, buildx and builder: what every build needs."""
    return [_engine_check(facts), _buildx_check(facts), *_builder_checks(facts)[:1]]


def evaluate(facts: Facts) -> list[Check]:
    """Pure: facts in, checks out, in the order a user fixes them."""
    engine_check = _engine_check(facts.engine)
    buildx_check = _buildx_check(facts.engine)
    checks = [engine_check, buildx_check, *_builder_checks(facts.engine)]
    checks.append(_registry_check(facts.registry, facts.registry_problem))
    usable = engine_check.status is Status.OK and buildx_check.status is Status.OK
    checks.extend(_base_image_check(image, found, usable) for image, found in facts.base_images)
    checks.append(_compose_check(facts.compose_version, facts.team_compose_file, engine_check.status is Status.OK))
    if facts.platforms:
        checks.append(platforms_check(facts.engine, facts.platforms))
    return checks


def emulator_fix(platform: str) -> str:
    """How a builder learns to run another CPU's steps (README, Images for other CPUs)."""
    qemu = "qemu-" + platforms.MACHINES.get(platforms.architecture(platform), platforms.architecture(platform))
    return (
        f"register QEMU for it: `apt-get install qemu-user-static`, then (without systemd) mount binfmt_misc and "
        f"register {qemu} with the F flag, as ci/provision-engine.sh does for arm64; or use a builder of that CPU"
    )


def platforms_check(facts: EngineFacts, wanted: tuple[str, ...]) -> Check:
    """Every configured platform is one the builder can run steps of (its own, or by
    an emulator): an arm64 image still runs apt-get and its checks on arm64."""
    if not facts.builder_platforms:
        return Check("platforms", Status.NOT_CHECKED, "the builder lists no platforms")
    missing = [p for p in wanted if p not in facts.builder_platforms]
    if missing:
        return Check(
            "platforms",
            Status.PROBLEM,
            f"builder {facts.builder_name or 'default'} cannot run {', '.join(missing)} steps "
            f"(it runs {', '.join(facts.builder_platforms)})",
            emulator_fix(missing[0]),
        )
    own = facts.builder_platform
    emulated = [p for p in wanted if p != own]
    how = f" ({', '.join(emulated)}: packages cross-installed, the rest under an emulator)" if emulated else ""
    detail = ", ".join(wanted) + how
    return Check("platforms", Status.OK, detail)


def problems(checks: list[Check]) -> list[Check]:
    return [check for check in checks if check.status is Status.PROBLEM]
