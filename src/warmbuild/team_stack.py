"""The team's own compose file as the dev stack (`dev.compose_file`), unchanged: an
override compose file gives every service built from the app's folder (the API, its
workers and scheduler: one image) warmbuild's dev image instead of `build:`, the code
mounted at /app and the host's UID:GID, and leaves every other service (databases,
caches, mail catchers) as the team wrote it. Pure: compose text in, override text out.

`docker compose -f theirs -f .warmbuild/<name>/compose.override.yaml` is what runs.
`build: !reset null` (compose 2.24 and later) removes their build: compose never builds
the app through their Dockerfile, the slow path warmbuild replaces."""

from __future__ import annotations

import json
import shlex
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from .detect_runtime import read_server_command
from .errors import ConfigError

# The file names compose looks for when given no -f, and the overrides it then reads
# (the first of each found; compose-go's DefaultFileNames, DefaultOverrideFileNames).
DEFAULT_FILES = ("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml")
DEFAULT_OVERRIDES = ("compose.override.yml", "compose.override.yaml", "docker-compose.override.yml",
                     "docker-compose.override.yaml")  # fmt: skip
# Where the dev image has the code (runtime.APP_DIR) and the pathdeps' mounts.
APP_DIR = "/app"
PATHDEPS_DIR = "/opt/pathdeps"


@dataclass(frozen=True)
class TeamStack:
    """What the team's compose file holds, as dev-up uses it."""

    services: tuple[str, ...]  # every service, in the file's order
    # Built from the app's folder: they run warmbuild's dev image.
    app_services: tuple[str, ...]
    # Built from another folder (their frontend): compose builds them as the team wrote.
    built_elsewhere: tuple[str, ...]
    # app service -> whether the team gave it a healthcheck
    has_healthcheck: Mapping[str, bool]
    # every service -> its published host ports (the app's: the URLs dev-up prints)
    published: Mapping[str, tuple[int, ...]]
    # app services that serve: published ports, or a server on their command line
    # (haztrak's `sh -c "… migrate && uvicorn … --reload haztrak.asgi:app"`)
    serving: tuple[str, ...] = ()
    # app service -> its command as words; None: the dev image's own
    commands: Mapping[str, tuple[str, ...] | None] = field(default_factory=dict)
    # service -> the services it names under depends_on
    depends_on: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # service -> the compose profiles it belongs to (none: started by default)
    profiles: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def default_override(compose_file: str) -> tuple[str, ...]:
    """The files compose looks for (the first there is read) beside ``compose_file``
    when given no -f: where teams keep their dev settings (ports, the reloading
    command). Only beside a file of compose's default names."""
    path = PurePosixPath(compose_file)
    if path.name not in DEFAULT_FILES:
        return ()
    return tuple(str(path.with_name(name)) for name in DEFAULT_OVERRIDES)


def read_team_stack(
    text: str, compose_dir: Path, app_dir: Path, where: str, overrides: Sequence[tuple[str, str]] = ()
) -> TeamStack:
    """The services of a compose file (with ``overrides``: (where, text) of files merged
    on top, as compose merges them) and which of them are built from ``app_dir``."""
    services = _services(text, where, required=True)
    for override_where, override in overrides:
        services = _merged(services, _services(override, override_where, required=False))
    services = _plain(services)  # tags left by the first file: reset keys gone, overrides plain
    ours, elsewhere = [], []
    for name, service in services.items():
        context = _build_context(service)
        if context is None:
            continue
        if (compose_dir / context).resolve() == app_dir.resolve():
            ours.append(str(name))
        else:
            elsewhere.append(str(name))
    if not ours:
        raise ConfigError(
            f"{where}: no service is built from the app's folder ({app_dir})",
            "give the API's service `build: <the app folder>` (warmbuild runs its dev image there)",
        )
    _one_dockerfile(services, ours, where)
    published = {str(name): _published_ports(service or {}) for name, service in services.items()}
    commands = {name: _command_words((services[name] or {}).get("command")) for name in ours}
    return TeamStack(
        services=tuple(str(name) for name in services),
        app_services=tuple(ours),
        built_elsewhere=tuple(elsewhere),
        has_healthcheck={name: _has_healthcheck(services[name]) for name in ours},
        published=published,
        serving=tuple(
            name for name in ours if published[name] or read_server_command(list(commands[name] or ())) is not None
        ),
        commands=commands,
        depends_on={str(name): _depends_on(service) for name, service in services.items()},
        profiles={str(name): _profiles(service) for name, service in services.items()},
    )


class _Reset:
    """Compose's `!reset` (2.24+): the key goes, whatever the files below said."""


@dataclass(frozen=True)
class _Override:
    """Compose's `!override` (2.24+): this value replaces the one below, unmerged."""

    value: Any


class _ComposeLoader(yaml.SafeLoader):
    """YAML with compose's `!reset` and `!override` tags."""


def _override(loader: yaml.SafeLoader, node: yaml.Node) -> _Override:
    if isinstance(node, yaml.MappingNode):
        return _Override(loader.construct_mapping(node, deep=True))
    if isinstance(node, yaml.SequenceNode):
        return _Override(loader.construct_sequence(node, deep=True))
    return _Override(loader.construct_scalar(node))  # type: ignore[arg-type]


_ComposeLoader.add_constructor("!reset", lambda _loader, _node: _Reset())
_ComposeLoader.add_constructor("!override", _override)


def _services(text: str, where: str, required: bool) -> dict[str, Any]:
    try:
        data = yaml.load(text, Loader=_ComposeLoader) or {}
    except yaml.YAMLError as error:
        raise ConfigError(f"{where} is not YAML: {str(error).splitlines()[0]}", "fix the compose file") from None
    services = data.get("services") if isinstance(data, dict) else None
    if not required and not services:
        return {}  # an override of networks or volumes alone
    if not isinstance(services, dict) or not services:
        raise ConfigError(f"{where} has no services", "point dev.compose_file at the stack's compose file")
    return {str(name): _normalised(service) for name, service in services.items()}


def _normalised(service: object) -> dict[str, Any]:
    """The short forms compose accepts, as mappings, so that files merge key by key:
    `build: ./dir`, `depends_on: [db]`."""
    if not isinstance(service, dict):
        return {}
    found = dict(service)
    if isinstance(found.get("build"), str):
        found["build"] = {"context": found["build"]}
    if isinstance(found.get("depends_on"), list):
        found["depends_on"] = {str(name): {} for name in found["depends_on"]}
    return found


# Compose's merge rules (docs: reference/compose-file/merge): a later file's list is
# appended, but for the shell commands, which it replaces.
REPLACED_LISTS = frozenset({"command", "entrypoint", "test"})


def _merged(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """``override`` on top of ``base`` as compose merges files: mappings key by key,
    lists appended to (without repeats) but REPLACED_LISTS, other values replaced."""
    merged = dict(base)
    for name, value in override.items():
        old = merged.get(name)
        if isinstance(value, _Reset):
            merged.pop(name, None)
        elif isinstance(value, _Override):
            merged[name] = value.value
        elif isinstance(old, dict) and isinstance(value, dict):
            merged[name] = _merged(old, value)
        elif isinstance(old, list) and isinstance(value, list) and name not in REPLACED_LISTS:
            merged[name] = old + [item for item in value if item not in old]
        else:
            merged[name] = value
    return merged


def needed_by_the_app(stack: TeamStack, chosen: tuple[str, ...]) -> tuple[str, ...]:
    """What starts before the app's services (and the release command, which needs
    them): the chosen services that do not need the app (databases, caches, brokers),
    and what the chosen app services depend on, directly or not (`--services web`
    still starts web's database first)."""

    def reach(names: set[str]) -> set[str]:
        found, todo = set(), list(names)
        while todo:
            name = todo.pop()
            if name not in found:
                found.add(name)
                todo += stack.depends_on.get(name, ())
        return found

    def needs_the_app(name: str) -> bool:
        return bool(reach({name}) & set(stack.app_services))

    wanted = {name for name in chosen if name not in stack.built_elsewhere}
    wanted |= reach({name for name in chosen if name in stack.app_services})
    return tuple(name for name in stack.services if name in wanted and not needs_the_app(name))


def _one_dockerfile(services: Mapping[str, object], ours: list[str], where: str) -> None:
    """The app's services stand for one image, so they build from one Dockerfile (their
    `target:`s may differ: the dev image stands for every stage of it). Another
    Dockerfile in the same folder builds something warmbuild's dev image is not."""
    dockerfiles = {name: _dockerfile(services[name]) for name in ours}
    first = ours[0]
    for name, dockerfile in dockerfiles.items():
        if dockerfile is None:
            raise ConfigError(
                f"{where}: service {name!r} builds from `dockerfile_inline`: warmbuild cannot map it to the dev image",
                "build it from the app's Dockerfile, or give it an `image:` of its own",
            )
        if dockerfile != dockerfiles[first]:
            raise ConfigError(
                f"{where}: service {name!r} builds from {dockerfile} but {first!r} from {dockerfiles[first]}: "
                "warmbuild runs one dev image for the app's folder and cannot map the other",
                f"build {name!r} from {dockerfiles[first]} (a `target:` may differ), or from another folder",
            )


def default_services(stack: TeamStack, active_profiles: Collection[str] = ()) -> tuple[str, ...]:
    """What `dev-up` starts without --services: what `compose up` would (no service of
    a profile that is not active: pgadmin under `tools`), but what compose would have
    to build from another folder (named with --services, compose builds it)."""
    return tuple(
        name
        for name in stack.services
        if name not in stack.built_elsewhere
        and (not stack.profiles.get(name) or set(stack.profiles[name]) & set(active_profiles))
    )


def override_text(stack: TeamStack, image_variable: str, pathdeps: Mapping[str, Path]) -> str:
    """The override compose file for the app's services."""
    lines = [
        "# Written by `invoke dev-up`: the services built from the app's folder run",
        "# warmbuild's dev image (built from the lock, not through their Dockerfile), the",
        "# code mounted at /app, as the host's user; rewritten on every dev-up.",
        "services:",
    ]
    for name in stack.app_services:
        lines += [
            f"  {json.dumps(name)}:",
            "    build: !reset null",
            f"    image: ${{{image_variable}:?run invoke dev-up}}",
            "    pull_policy: never",
            '    user: "${DEV_UID:-1000}:${DEV_GID:-1000}"',
            # Not PID 1: a process without a SIGTERM handler (arq, many scripts) then stops
            # on one at once, as on a laptop, and a restart takes a second, not the timeout.
            "    init: true",
            "    volumes:",
            f"      - ${{BACKEND_DIR:?run invoke dev-up}}:{APP_DIR}",
        ]
        lines += [
            f"      - {json.dumps(f'{source}:{PATHDEPS_DIR}/{dep}:ro')}" for dep, source in sorted(pathdeps.items())
        ]
        if not stack.has_healthcheck[name] and name in stack.serving:
            # The serving one without a check of its own: the dev image's (health_path).
            lines += [
                "    healthcheck:",
                '      test: ["CMD-SHELL", "eval \\"$$WARMBUILD_HEALTHCHECK\\""]',
                "      interval: 2s",
                "      timeout: 3s",
                "      retries: 30",
                "      start_period: 30s",
            ]
    return "\n".join(lines) + "\n"


def _command_words(command: object) -> tuple[str, ...] | None:
    """A service's `command:` as the words compose gives the container."""
    if isinstance(command, str):  # compose splits it into words as a shell would, runs no shell
        try:
            return tuple(shlex.split(command))
        except ValueError:
            return None  # compose refuses it too, and says why
    if isinstance(command, list):
        return tuple(str(word) for word in command)
    return None


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items() if not isinstance(item, _Reset)}
    if isinstance(value, list):
        return [_plain(item) for item in value if not isinstance(item, _Reset)]
    return _plain(value.value) if isinstance(value, _Override) else value


def _has_healthcheck(service: object) -> bool:
    check = service.get("healthcheck") if isinstance(service, dict) else None
    return isinstance(check, dict) and bool(check) and not check.get("disable")


def _profiles(service: object) -> tuple[str, ...]:
    profiles = service.get("profiles") if isinstance(service, dict) else None
    return tuple(str(name) for name in profiles) if isinstance(profiles, list) else ()


def _depends_on(service: object) -> tuple[str, ...]:
    depends = service.get("depends_on") if isinstance(service, dict) else None
    if isinstance(depends, (list, dict)):
        return tuple(str(name) for name in depends)
    return ()


def _build_context(service: object) -> str | None:
    build = service.get("build") if isinstance(service, dict) else None
    if isinstance(build, str):
        return build
    if isinstance(build, dict):
        return str(build.get("context", "."))
    return None


def _dockerfile(service: object) -> str | None:
    """The Dockerfile a service builds from, relative to its context; None: inline."""
    build = service.get("build") if isinstance(service, dict) else None
    if isinstance(build, dict):
        if "dockerfile_inline" in build:
            return None
        return str(Path(str(build.get("dockerfile", "Dockerfile"))))
    return "Dockerfile"


def _published_ports(service: Mapping[str, object]) -> tuple[int, ...]:
    """Host ports of `ports:` ("8000:8000", "127.0.0.1:8000:8000", {published: 8000})."""
    found = []
    ports = service.get("ports")
    for port in ports if isinstance(ports, list) else []:
        if isinstance(port, dict):
            published = str(port.get("published", ""))
        else:
            parts = str(port).split("/")[0].split(":")
            published = parts[-2] if len(parts) >= 2 else ""
        if published.isdigit():
            found.append(int(published))
    return tuple(found)
