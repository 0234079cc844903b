"""The configuration: one YAML file at the repository root, flags on top.

Precedence, highest first: a command-line flag, the file, the default. Every key
has a default that serves the example app, so an empty file is valid. Unknown keys
and wrong types are errors that name the file and the key (exit code 2): a typo must
never silently fall back to a default.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping

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


COMPRESSIONS = ("zstd", "gzip", "uncompressed")


@dataclass(frozen=True)
class CacheConfig:
    default_branch: str = "main"
    mode: str = "max"
    # Pull-request builds import the cache but never export it.
    read_only: bool = False
    # Local dev/prod builds only import: the team's cache refs are written by
    # cache-warm (CI) and build-deps, not by a laptop's uncommitted work.
    export_local: bool = False


@dataclass(frozen=True)
class FrontendConfig:
    # The frontend's folder; empty means the app has no frontend.
    context: str = "frontend"
    dockerfile: str = "docker/frontend.Dockerfile"
    node_image: str = "node:20-slim"


@dataclass(frozen=True)
class DevConfig:
    compose_file: str = "compose.yaml"
    # auto: the host user's UID:GID; root: opt out, run as root; or UID:GID.
    user: str = "auto"
    # Host ports on 127.0.0.1.
    backend_port: int = 8000
    frontend_port: int = 5173


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
    # Attestations on pushed images: SLSA provenance (max, min or off) and an SBOM.
    # The SBOM needs BuildKit's scanner image (docker/buildkit-syft-scanner, or
    # sbom_generator) to be pullable by the builder, so it is opt-in.
    provenance: str = "max"
    # Layer compression of pushed images and cache exports. zstd compresses several
    # times faster than gzip on a small runner (measured: deps push 11.6 s vs 27.4 s)
    # and pulls faster; runtimes older than Docker 23 / containerd 1.5 need gzip.
    compression: str = "zstd"
    sbom: bool = False
    sbom_generator: str = ""
    cache: CacheConfig = field(default_factory=CacheConfig)
    frontend: FrontendConfig = field(default_factory=FrontendConfig)
    dev: DevConfig = field(default_factory=DevConfig)
    secrets: tuple[SecretSource, ...] = ()
    # Where this config came from (not a key of the file).
    source: str = field(default="<defaults>", compare=False)

    def image_repo(self, target: str) -> str:
        return f"{self.registry}/{self.name}/{target}"

    @property
    def cache_repo(self) -> str:
        return f"{self.registry}/{self.name}/cache"


# --- validation: one small checker per kind of value ---------------------------------

Checker = Callable[[Any, str], Any]


def _fail(where: str, what: str, value: Any) -> ConfigError:
    shown = repr(value) if isinstance(value, (bool, type(None))) else f"{type(value).__name__} {value!r}"
    return ConfigError(f"{where}: must be {what}, got {shown}", f"set it to {what}")


def text(what: str) -> Checker:
    def check(value: Any, where: str) -> str:
        if not isinstance(value, str):
            raise _fail(where, what, value)
        return value

    return check


def integer(what: str, low: int, high: int) -> Checker:
    def check(value: Any, where: str) -> int:
        # bool is an int in Python; `port: true` is still a mistake.
        if isinstance(value, bool) or not isinstance(value, int):
            raise _fail(where, what, value)
        if not low <= value <= high:
            raise ConfigError(f"{where}: {value} is out of range", f"use a number from {low} to {high}")
        return value

    return check


def boolean(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise _fail(where, "true or false", value)
    return value


def choice(*choices: str) -> Checker:
    def check(value: Any, where: str) -> str:
        text("a string")(value, where)
        if value not in choices:
            raise ConfigError(
                f"{where}: {value!r} is not one of {', '.join(choices)}", f"use one of {', '.join(choices)}"
            )
        return value

    return check


def pattern(regex: str, what: str) -> Checker:
    def check(value: Any, where: str) -> str:
        text(what)(value, where)
        if not re.fullmatch(regex, value):
            raise ConfigError(f"{where}: {value!r} is not {what}", f"set it to {what}")
        return value

    return check


def strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise _fail(where, "a list of strings", value)
    return tuple(text("a string")(item, f"{where}[{index}]") for index, item in enumerate(value))


def section(cls: type, schema: dict[str, Checker]) -> Checker:
    def check(value: Any, where: str) -> Any:
        if not isinstance(value, dict):
            raise _fail(where, "a mapping", value)
        _unknown_keys(value, schema, where)
        return cls(**{key: schema[key](item, f"{where}.{key}") for key, item in value.items()})

    return check


def _secret(value: Any, where: str) -> SecretSource:
    secret = section(SecretSource, {"id": text("a string"), "env": text("a string"), "file": text("a path")})(
        value, where
    )
    if not secret.id:
        raise ConfigError(f"{where}: missing key 'id'", "give each secret an id, as used in --mount=type=secret,id=…")
    if bool(secret.env) == bool(secret.file):
        raise ConfigError(f"{where}: needs exactly one of 'env' or 'file'", "name an environment variable or a file")
    return secret


def _secrets(value: Any, where: str) -> tuple[SecretSource, ...]:
    if not isinstance(value, list):
        raise _fail(where, "a list of secrets", value)
    return tuple(_secret(item, f"{where}[{index}]") for index, item in enumerate(value))


PORT = integer("a port number", 1, 65535)
SCHEMA: dict[str, Checker] = {
    # Docker's repository path grammar: components of [a-z0-9] joined by . _ __ or dashes.
    "name": pattern(
        r"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*",
        "an image name: lower case, digits, . _ - and /",
    ),
    "registry": text("a string such as 127.0.0.1:5000"),
    "context": text("a directory path"),
    "dockerfile": text("a file path"),
    "lock": choice(*LOCK_KINDS),
    "installer": choice(*INSTALLERS),
    "heavy": strings,
    "groups": strings,
    "python_image": text("an image reference"),
    "apt_packages": strings,
    "app": text("a module:attribute such as app.main:app"),
    "port": PORT,
    "health_path": text("a URL path such as /health"),
    "platforms": strings,
    "builder": text("a buildx builder name"),
    "network": text("a build network such as host"),
    "provenance": choice("max", "min", "off"),
    "compression": choice(*COMPRESSIONS),
    "sbom": boolean,
    "sbom_generator": text("an image reference"),
    "cache": section(
        CacheConfig,
        {
            "default_branch": text("a branch name"),
            "mode": choice(*CACHE_MODES),
            "read_only": boolean,
            "export_local": boolean,
        },
    ),
    "frontend": section(
        FrontendConfig,
        {
            "context": text("a directory path (empty: no frontend)"),
            "dockerfile": text("a file path"),
            "node_image": text("an image reference"),
        },
    ),
    "dev": section(
        DevConfig,
        {
            "compose_file": text("a file path"),
            "user": pattern(r"auto|root|\d+:\d+", "auto, root or UID:GID"),
            "backend_port": PORT,
            "frontend_port": PORT,
        },
    ),
    "secrets": _secrets,
}


def _unknown_keys(data: Mapping[str, Any], known: Any, where: str) -> None:
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise ConfigError(
            f"{where}: unknown key {unknown[0]!r}",
            f"remove it or use one of {', '.join(sorted(known))}",
        )


def parse_config(data: Any, source: str) -> Config:
    """Validate a parsed YAML document into a Config. Pure: no I/O."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise _fail(source, "a mapping of keys to values", data)
    _unknown_keys(data, SCHEMA, source)
    values = {key: SCHEMA[key](value, f"{source}: {key}") for key, value in data.items()}
    return Config(source=source, **values)


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
        if dataclasses.is_dataclass(value):
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
        section_name, _, sub = key.partition(".")
        if sub:
            plain[section_name][sub] = value
        else:
            plain[key] = list(value) if isinstance(value, tuple) else value
    return parse_config(plain, config.source)
