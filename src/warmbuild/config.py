"""The configuration: one YAML file at the repository root, flags on top.

Precedence, highest first: a command-line flag, the file, the default. Every key
has a default that serves the example app, so an empty file is valid. Unknown keys
and wrong types are errors that name the file and the key (exit code 2): a typo must
never silently fall back to a default.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import yaml

from .errors import ConfigError

DEFAULT_CONFIG_FILE = "warmbuild.yaml"

LOCK_KINDS = ("auto", "poetry", "uv", "requirements")
INSTALLERS = ("uv", "pip", "poetry")
CACHE_MODES = ("min", "max")


@dataclass(frozen=True)
class SecretSource:
    """A BuildKit secret: its id in the Dockerfile and where its value comes from.

    Exactly one of ``env`` (an environment variable's name) or ``file`` (a path) is
    set: the value itself never appears in the configuration.
    """

    id: str
    env: str = ""
    file: str = ""


@dataclass(frozen=True)
class CacheConfig:
    default_branch: str = "main"
    mode: str = "max"
    # Pull-request builds import the cache but never export it.
    read_only: bool = False


@dataclass(frozen=True)
class Config:
    # Images are <registry>/<name>/<target>; caches <registry>/<name>/cache.
    name: str = "warmbuild-example"
    registry: str = "127.0.0.1:5000"
    # The application's directory (its pyproject, lock and code), relative to the repo.
    context: str = "backend"
    dockerfile: str = "docker/python-app.Dockerfile"
    lock: str = "auto"
    installer: str = "uv"
    # Packages (with their dependencies) that go into the deps base image.
    heavy: tuple[str, ...] = ("numpy", "scipy", "opencv-python-headless")
    # Optional dependency groups to install too (Poetry groups, uv groups/extras).
    groups: tuple[str, ...] = ()
    python_image: str = "python:3.13-slim"
    # Debian packages the app needs at run time, installed in the deps stage.
    apt_packages: tuple[str, ...] = ("tesseract-ocr",)
    app: str = "app.main:app"
    port: int = 8000
    health_path: str = "/health"
    platforms: tuple[str, ...] = ()
    # A buildx builder name; empty means the active builder.
    builder: str = ""
    # Network for RUN steps: "host" reaches a package index on the host's loopback.
    network: str = ""
    cache: CacheConfig = field(default_factory=CacheConfig)
    secrets: tuple[SecretSource, ...] = ()
    # Where this config came from (not a key of the file).
    source: str = field(default="<defaults>", compare=False)

    def image_repo(self, target: str) -> str:
        return f"{self.registry}/{self.name}/{target}"

    @property
    def cache_repo(self) -> str:
        return f"{self.registry}/{self.name}/cache"


def _field_types(cls: type) -> dict[str, Any]:
    return {f.name: f.type for f in dataclasses.fields(cls) if f.name != "source"}


def _expect(value: Any, kind: type | tuple[type, ...], where: str, what: str) -> Any:
    # bool is an int in Python; a port of `true` is still a mistake.
    if isinstance(value, bool) and kind is not bool:
        raise ConfigError(f"{where}: must be {what}, got {value!r}", f"set it to {what}")
    if not isinstance(value, kind):
        raise ConfigError(f"{where}: must be {what}, got {type(value).__name__} {value!r}", f"set it to {what}")
    return value


def _choice(value: Any, choices: tuple[str, ...], where: str) -> str:
    _expect(value, str, where, "a string")
    if value not in choices:
        raise ConfigError(f"{where}: {value!r} is not one of {', '.join(choices)}", f"use one of {', '.join(choices)}")
    return value


def _string_list(value: Any, where: str) -> tuple[str, ...]:
    _expect(value, list, where, "a list of strings")
    for index, item in enumerate(value):
        _expect(item, str, f"{where}[{index}]", "a string")
    return tuple(value)


def _unknown_keys(data: Mapping[str, Any], known: Any, where: str) -> None:
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise ConfigError(
            f"{where}: unknown key {unknown[0]!r}",
            f"remove it or use one of {', '.join(sorted(known))}",
        )


def _parse_cache(data: Any, where: str) -> CacheConfig:
    _expect(data, dict, where, "a mapping")
    _unknown_keys(data, _field_types(CacheConfig), where)
    values = {}
    if "default_branch" in data:
        values["default_branch"] = _expect(data["default_branch"], str, f"{where}.default_branch", "a string")
    if "mode" in data:
        values["mode"] = _choice(data["mode"], CACHE_MODES, f"{where}.mode")
    if "read_only" in data:
        values["read_only"] = _expect(data["read_only"], bool, f"{where}.read_only", "true or false")
    return CacheConfig(**values)


def _parse_secret(data: Any, where: str) -> SecretSource:
    _expect(data, dict, where, "a mapping with id and env or file")
    _unknown_keys(data, ("id", "env", "file"), where)
    if "id" not in data:
        raise ConfigError(f"{where}: missing key 'id'", "give each secret an id, as used in --mount=type=secret,id=…")
    values = {key: _expect(data[key], str, f"{where}.{key}", "a string") for key in data}
    if bool(values.get("env")) == bool(values.get("file")):
        raise ConfigError(f"{where}: needs exactly one of 'env' or 'file'", "name an environment variable or a file")
    return SecretSource(**values)


_SCALARS: dict[str, tuple[type, str]] = {
    "name": (str, "a string"),
    "registry": (str, "a string such as 127.0.0.1:5000"),
    "context": (str, "a directory path"),
    "dockerfile": (str, "a file path"),
    "python_image": (str, "an image reference"),
    "app": (str, "a module:attribute such as app.main:app"),
    "port": (int, "a port number"),
    "health_path": (str, "a URL path such as /health"),
    "builder": (str, "a buildx builder name"),
    "network": (str, "a build network such as host"),
}
_CHOICES = {"lock": LOCK_KINDS, "installer": INSTALLERS}
_LISTS = ("heavy", "groups", "apt_packages", "platforms")


def parse_config(data: Any, source: str) -> Config:
    """Validate a parsed YAML document into a Config. Pure: no I/O."""
    if data is None:
        data = {}
    _expect(data, dict, source, "a mapping of keys to values")
    _unknown_keys(data, _field_types(Config), source)
    values: dict[str, Any] = {"source": source}
    for key, value in data.items():
        where = f"{source}: {key}"
        if key in _SCALARS:
            kind, what = _SCALARS[key]
            values[key] = _expect(value, kind, where, what)
        elif key in _CHOICES:
            values[key] = _choice(value, _CHOICES[key], where)
        elif key in _LISTS:
            values[key] = _string_list(value, where)
        elif key == "cache":
            values[key] = _parse_cache(value, where)
        elif key == "secrets":
            _expect(value, list, where, "a list of secrets")
            values[key] = tuple(_parse_secret(item, f"{where}[{i}]") for i, item in enumerate(value))
    if not 0 < values.get("port", 1) < 65536:
        raise ConfigError(f"{source}: port: {values['port']} is not a TCP port", "use a number from 1 to 65535")
    return Config(**values)


def load_config(path: str | Path = DEFAULT_CONFIG_FILE, overrides: Mapping[str, Any] | None = None) -> Config:
    """Read the file, validate it, then apply command-line overrides (already typed)."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: configuration file not found", f"create {path} (see README) or pass --config PATH")
    try:
        data = yaml.safe_load(path.read_text())
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ConfigError(f"{path}: invalid YAML{at}", "fix the syntax (indentation, quotes, colons)") from None
    config = parse_config(data, str(path))
    return apply_overrides(config, overrides or {})


def config_as_dict(config: Config) -> dict[str, Any]:
    """The resolved configuration, spelled as the file would spell it."""
    plain: dict[str, Any] = {}
    for f in dataclasses.fields(Config):
        if f.name == "source":
            continue
        value = getattr(config, f.name)
        if f.name == "cache":
            value = dataclasses.asdict(value)
        elif f.name == "secrets":
            value = [{k: v for k, v in dataclasses.asdict(s).items() if v} for s in value]
        elif isinstance(value, tuple):
            value = list(value)
        plain[f.name] = value
    return plain


def apply_overrides(config: Config, overrides: Mapping[str, Any]) -> Config:
    """Flags win over the file; a ``cache.read_only`` style key reaches the section.

    The merged result is validated again, so a bad flag gets the same message as a
    bad file. ``None`` means the flag was not given.
    """
    plain = config_as_dict(config)
    for key, value in overrides.items():
        if value is None:
            continue
        section, _, sub = key.partition(".")
        if sub:
            plain[section][sub] = value
        else:
            plain[key] = list(value) if isinstance(value, tuple) else value
    return parse_config(plain, config.source)
