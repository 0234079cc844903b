"""Every configuration key and task option, defined once.

A configuration key is a field of the models below: its type is its validator, its
``Field`` carries the default and the help text, and ``Shape`` says in an error
message what the value must be. A key that a task flag overrides says so with
``Flag``. Options that belong to tasks only (``--branch``, ``--json`` …) are in
``TASK_OPTIONS``. The invoke tasks, `invoke config` and the README's table
(``config_table_markdown``; ci/render_readme.py writes it) all read these
definitions; adding a key is one edit here plus its use.

No I/O except ``load_config``, which reads the one file.
"""

from __future__ import annotations

import difflib
import re
import shlex
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

import annotated_types
import yaml
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic.fields import FieldInfo

from .errors import ConfigError

CONFIG_FILE = "warmbuild.yaml"


@dataclass(frozen=True)
class Shape:
    """What a value must be, in the words of an error message ("a port number")."""

    text: str


@dataclass(frozen=True)
class Flag:
    """The task flag that overrides a key. A switch (``--pull-request``) sets the
    key to ``switch_value``; otherwise the flag takes the key's value."""

    name: str
    switch_value: bool | None = None


class Invalid(ValueError):
    """A value that fails a check of ours, with the fix to offer."""

    def __init__(self, problem: str, fix: str) -> None:
        super().__init__(problem)
        self.fix = fix


def _as_tuple(value: Any) -> Any:
    # YAML gives lists; the models keep tuples so a Config stays hashable and frozen.
    return tuple(value) if isinstance(value, list) else value


Strings = Annotated[tuple[str, ...], BeforeValidator(_as_tuple), Shape("a list of strings")]
Port = Annotated[int, Field(ge=1, le=65535), Shape("a port number")]
ImageReference = Annotated[str, Shape("an image reference such as python:3.13-slim")]
FilePath = Annotated[str, Shape("a file path")]
# Docker's repository path grammar: components of [a-z0-9] joined by . _ __ or dashes.
ImageName = Annotated[
    str,
    Field(pattern=r"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$"),
    Shape("an image name: lower case, digits, . _ - and /"),
]
Compression = Literal["zstd", "gzip", "uncompressed"]


def _as_argv(value: Any) -> Any:
    # A command as a shell would split it ("gunicorn 'app:create_app()'") or as a list.
    if isinstance(value, str):
        try:
            return tuple(shlex.split(value))
        except ValueError as error:
            raise Invalid(f"cannot be split as a shell would ({error})", "balance its quotes") from None
    return _as_tuple(value)


def _as_env(value: Any) -> Any:
    # A mapping in YAML; kept as sorted pairs so a Config stays hashable. Scalars become
    # the strings a process sees (`WORKERS: 4` is "4").
    if isinstance(value, dict):
        pairs = []
        for key, item in value.items():
            if isinstance(item, (dict, list)) or item is None:
                raise Invalid(f"{key}: must be a plain value, got {_shown(item)}", "write `NAME: value`")
            shown = str(item).lower() if isinstance(item, bool) else str(item)
            pairs.append((str(key), shown))
        return tuple(sorted(pairs))
    return value


Command = Annotated[
    tuple[str, ...],
    BeforeValidator(_as_argv),
    PlainSerializer(lambda argv: shlex.join(argv), return_type=str),
    Shape("a command such as `gunicorn 'app:create_app()'`"),
]
Environment = Annotated[
    tuple[tuple[str, str], ...],
    BeforeValidator(_as_env),
    PlainSerializer(dict, return_type=dict),
    Shape("a mapping of variable names to values"),
]
EnvName = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
Server = Literal["uvicorn", "gunicorn", "granian", "hypercorn", "daphne"]


class Section(BaseModel):
    """Strict: `port: "8000"` is a mistake to report, not a string to convert."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class SecretSource(Section):
    """A BuildKit secret by reference: the value itself never appears in the file."""

    id: Annotated[str, Shape("a secret id")] = Field(description="the id the Dockerfile mounts")
    env: Annotated[str, Shape("an environment variable's name")] = Field("", description="read from this variable")
    file: FilePath = Field("", description="read from this file")

    @model_validator(mode="after")
    def _one_source(self) -> SecretSource:
        if bool(self.env) == bool(self.file):
            raise Invalid("needs exactly one of 'env' or 'file'", "name an environment variable or a file")
        return self


class CacheOptions(Section):
    default_branch: Annotated[str, Shape("a branch name")] = Field(
        "main", description="the fallback cache every branch imports"
    )
    mode: Literal["auto", "min", "max"] = Field(
        "auto",
        description="registry cache mode; `auto`: min for a deps image that compiles no wheels (its layers hold "
        "every slot, so max would push each slot's bytes twice), max for the rest",
    )
    read_only: Annotated[bool, Flag("pull-request", switch_value=True)] = Field(
        False, description="import caches, never export them, even in cache-warm and build-deps (pull requests)"
    )
    export_local: Annotated[bool, Flag("export-cache", switch_value=True)] = Field(
        False,
        description="let build-dev, build-prod and dev-up export their registry cache too (default: import only; "
        "cache-warm writes it)",
    )


class FrontendOptions(Section):
    context: Annotated[str, Shape("a directory path (empty: no frontend)")] = Field(
        "", description='the frontend\'s folder; "" for an app without one'
    )
    dockerfile: FilePath = Field(
        "", description='the frontend\'s Dockerfile; "" = the one warmbuild ships (npm, Vite, `server.mjs`)'
    )
    node_image: ImageReference = Field("node:20-slim", description="base of the frontend's stages")


class DevOptions(Section):
    compose_file: FilePath = Field(
        "",
        description='the dev stack\'s compose file; "" = the one warmbuild ships (backend, frontend); '
        "yours: its services built from the app's folder run the dev image, the others as written",
    )
    user: Annotated[str, Field(pattern=r"^(auto|root|\d+:\d+)$"), Shape("auto, root or UID:GID")] = Field(
        "auto", description="who the dev containers run as: `auto` (host UID:GID), `root` (opt-out) or `UID:GID`"
    )
    release: Command = Field(
        (),
        description="run once on the app's image before its services start, each time dev-up (re)starts them: "
        "migrations (`python manage.py migrate`); a failure stops dev-up with its last output, the databases left up",
    )
    backend_port: Port = Field(8000, description="the backend's host port on 127.0.0.1")
    frontend_port: Port = Field(5173, description="the frontend's host port on 127.0.0.1")


class GcOptions(Section):
    """What `invoke gc` keeps."""

    remote: Annotated[str, Shape("a git remote's name")] = Field(
        "origin", description="the git remote whose branches are alive; the others' images and caches go"
    )
    max_age_days: Annotated[int, Field(ge=0), Shape("a number of days (0: never by age)")] = Field(
        30, description="a branch's images and caches untouched this long go even if the branch exists; 0 = never"
    )
    keep_deps: Annotated[int, Field(ge=0, le=1000), Shape("a count of deps images")] = Field(
        3, description="deps images kept beyond those a kept image or cache is built on (the newest)"
    )
    keep_tags: Strings = Field(
        ("latest", "v[0-9]*", "release-*"),
        description="tags never deleted (shell patterns), e.g. release tags pushed by hand",
    )
    builder_budget: Annotated[
        str, Field(pattern=r"^\s*\d+(\.\d+)?\s*([KMGTkmgt][Bb]?|[Bb])?\s*$"), Shape("a size such as 20GB")
    ] = Field("20GB", description="the builder's local cache is pruned down to this (least recently used first)")


class Config(Section):
    """warmbuild.yaml. `invoke init` writes one for a repository, every detected
    value explained; the defaults are what an app with nothing special needs."""

    name: ImageName = Field(
        "app",
        description="images are `<registry>/<name>/{deps,dev,prod}`, "
        "caches `<registry>/<name>/cache:<target>-<branch>`",
    )
    registry: Annotated[str, Shape("a registry such as 127.0.0.1:5000"), Flag("registry")] = Field(
        "127.0.0.1:5000", description="where images and caches go; a path after the host is a namespace"
    )
    context: Annotated[str, Shape("a directory path")] = Field(
        ".", description="the app's folder: its lock, pyproject and code"
    )
    dockerfile: FilePath = Field(
        "",
        description='the Dockerfile with `deps`, `dev` and `prod` stages; "" = the one warmbuild ships '
        "(see README, Your own Dockerfile)",
    )
    lock: Literal["auto", "poetry", "uv", "requirements"] = Field(
        "auto",
        description="`poetry` (pyproject + poetry.lock), `uv` (uv.lock), `requirements` (requirements.txt pinned "
        "with hashes); `auto` picks the one present",
    )
    installer: Annotated[Literal["uv", "pip", "poetry"], Flag("installer")] = Field(
        "uv",
        description="`uv` (from the exported lock, hashes required), `pip` (wheelhouse in a cache mount, hashes "
        "required), `poetry` (`poetry install --no-root`)",
    )
    heavy: Strings = Field(
        (),
        description="packages that go, with their dependencies, into the deps image, a layer each where large "
        "(`invoke init` picks them by wheel size)",
    )
    groups: Strings = Field((), description="optional dependency groups to install too, e.g. `[ml]`")
    python_image: ImageReference = Field(
        "python:3.13-slim", description="base of every stage, pinned by digest in the plan"
    )
    python_version: Annotated[str, Field(pattern=r"^(\d+\.\d+(\.\d+)?)?$"), Shape("a version such as 3.12")] = Field(
        "",
        description='the Python of `python_image`, for markers and wheel tags; "" = read from its tag '
        "(python:3.13-slim is 3.13)",
    )
    python_build_image: ImageReference = Field(
        "",
        description="the image packages without a wheel are compiled in (compilers, headers); "
        '"" = `python_image` without `-slim`; nothing of it reaches deps, dev or prod',
    )
    build_apt_packages: Strings = Field(
        (),
        description="Debian packages needed to compile packages without a wheel, e.g. `[libpq-dev]` (a failed "
        "compile names the ones it lacks)",
    )
    require_hashes: bool = Field(
        False,
        description="refuse a requirements file without `--hash` lines (poetry.lock and uv.lock always have them)",
    )
    apt_packages: Strings = Field(
        (),
        description="Debian packages the app needs at run time (tesseract-ocr, libgl1 for opencv-python), installed "
        "in deps; the libraries of wheels compiled here are found and added by themselves",
    )
    app: Annotated[
        str,
        Field(pattern=r"^[A-Za-z_][\w.]*:[A-Za-z_]\w*(\(\))?$"),
        Shape("module:attribute, or module:factory() for an app factory, such as app.main:app"),
    ] = Field("app.main:app", description="the app `server` serves; `module:create_app()` calls a factory")
    interface: Literal["asgi", "wsgi"] = Field(
        "asgi",
        description="how `server` serves `app`: an ASGI app (FastAPI, Starlette, Django's asgi) or WSGI (Flask…)",
    )
    server: Server = Field(
        "uvicorn",
        description="what serves `app` in prod (dev adds its reload flag); gunicorn runs ASGI apps with uvicorn's "
        "worker. Ignored when `command` is set",
    )
    workers: Annotated[int, Field(ge=0, le=256), Shape("a number of worker processes (0: the server's default)")] = (
        Field(0, description="worker processes in prod; 0 = the server's default (gunicorn also reads WEB_CONCURRENCY)")
    )
    server_args: Strings = Field(
        (), description="more arguments for `server`, before the app, e.g. `[--timeout, '120']`"
    )
    command: Command = Field(
        (),
        description="the exact prod command, when the app is not `server app` (`python -m service`, a script, "
        "`gunicorn -c conf.py …`); `$PORT` is the port at run time; empty = from `server` and `app`",
    )
    dev_command: Command = Field(
        (),
        description="the dev stack's command; empty = `server`'s reloading variant, or `command` as it is",
    )
    port: Port = Field(8000, description="the port the app listens on in its container (`$PORT` at run time)")
    health_path: Annotated[str, Field(pattern=r"^/"), Shape("a URL path such as /health")] = Field(
        "/health", description="the route the images' health check asks (GET, answering 2xx/3xx)"
    )
    health_command: Command = Field(
        (), description="a command that checks health instead of `health_path` (exit 0: healthy)"
    )
    env: Environment = Field(
        (),
        description="environment variables of the dev and prod images and their build commands "
        "(plain values: secrets stay BuildKit `secrets`)",
    )
    import_root: Annotated[str, Shape("a folder of the app, such as src")] = Field(
        "", description="the folder holding the app's top-level packages (`src` layout); \"\" = the app's folder"
    )
    writable: Strings = Field(
        (),
        description="folders the app writes (relative to the app's folder or absolute): owned by the app user, "
        "volumes so a read-only root filesystem still lets it write",
    )
    install_project: bool = Field(
        False,
        description="install the project itself in dev and prod, as `uv sync`/`poetry install` do: its metadata "
        "and entry points (console scripts) in the venv, its code imported from the app's folder as an editable "
        "install would; written from pyproject.toml, so a code change does not re-run it",
    )
    build_commands: Annotated[tuple[str, ...], BeforeValidator(_as_tuple), Shape("a list of commands")] = Field(
        (),
        description="shell commands run once in the prod image after the code is copied, with `env` "
        "(e.g. `python manage.py collectstatic --noinput`)",
    )
    platforms: Strings = Field(
        (),
        description="the images' platforms, e.g. [linux/amd64, linux/arm64]: pushed builds make each and join "
        "them as one multi-platform image; local builds make the builder's own (default: the builder's)",
    )
    builder: Annotated[str, Shape("a buildx builder name"), Flag("builder")] = Field(
        "", description='a buildx builder name, e.g. a `docker-container` builder in CI; "" = the active one'
    )
    network: Annotated[str, Shape("a build network such as host")] = Field(
        "", description="network for `RUN` steps; `host` reaches a package index on the host's loopback"
    )
    provenance: Literal["max", "min", "off"] = Field("max", description="SLSA provenance on pushed images")
    compression: Compression = Field(
        "zstd",
        description="layer compression of pushed and loaded images and cache exports; zstd compresses the deps "
        "image more than twice as fast as gzip here; runtimes older than Docker 23 / containerd 1.5 need `gzip`",
    )
    sbom: bool = Field(False, description="an SBOM attestation on pushed images (BuildKit must pull its scanner image)")
    sbom_generator: ImageReference = Field(
        "", description="the SBOM scanner image, e.g. a mirrored `docker/buildkit-syft-scanner`"
    )
    cache: CacheOptions = CacheOptions()
    frontend: FrontendOptions = FrontendOptions()
    dev: DevOptions = DevOptions()
    gc: GcOptions = GcOptions()
    secrets: Annotated[tuple[SecretSource, ...], BeforeValidator(_as_tuple), Shape("a list of secrets")] = Field(
        (),
        description="BuildKit secrets by reference: `{id: ca, file: PATH}` or `{id: index_url, env: VAR}`; ids the "
        "Dockerfile uses: `ca`, `index_url` (may hold credentials), `netrc`",
    )

    # The file this came from; None for defaults built in code (tests).
    _source: Path | None = PrivateAttr(None)

    @field_validator("env")
    @classmethod
    def _env_names(cls, pairs: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
        for name, _ in pairs:
            if not EnvName.match(name):
                raise Invalid(
                    f"{name!r} is not a variable name", "use letters, digits and _, not starting with a digit"
                )
        return pairs

    @field_validator("import_root", "writable")
    @classmethod
    def _no_parent_folders(cls, value: str | tuple[str, ...]) -> str | tuple[str, ...]:
        for folder in (value,) if isinstance(value, str) else value:
            if ".." in Path(folder).parts:
                raise Invalid(f"{folder!r} leaves the app's folder", "name a folder inside it (or an absolute path)")
        return value

    @property
    def source(self) -> Path | None:
        return self._source

    @property
    def source_name(self) -> str:
        """How messages name the configuration."""
        return str(self._source) if self._source else "the configuration"

    @property
    def root(self) -> Path:
        """Paths in the configuration are relative to its file's folder."""
        return self._source.resolve().parent if self._source else Path.cwd()

    def image_repo(self, target: str) -> str:
        return f"{self.registry}/{self.name}/{target}"

    @property
    def cache_repo(self) -> str:
        return f"{self.registry}/{self.name}/cache"


# --- task options that are not configuration keys --------------------------------------


@dataclass(frozen=True)
class TaskOption:
    name: str
    default: str | bool | int
    help: str


TASK_OPTIONS: dict[str, TaskOption] = {
    option.name: option
    for option in (
        TaskOption("config", "", "configuration file (default: warmbuild.yaml here or in a parent folder)"),
        TaskOption("debug", False, "show every docker command and the traceback (for bug reports)"),
        TaskOption("branch", "", "branch name for cache refs (default: from git or the CI environment)"),
        TaskOption("json", "", "also write the report as JSON to this file"),
        TaskOption(
            "push", False, "push the images to the registry (default: load them locally; deps is always pushed)"
        ),
        TaskOption("target", "all", "deps, dev, prod, or all"),
        TaskOption("services", "", "comma-separated subset: backend, frontend (default: all the app has)"),
        TaskOption("service", "backend", "the service: backend or frontend"),
        TaskOption(
            "rebuild",
            False,
            "build even if nothing changed since the last build, re-running the target's own steps (what they "
            "build on still comes from the cache)",
        ),
        TaskOption("follow", False, "keep streaming the logs (Ctrl-C stops following, not the stack)"),
        TaskOption(
            "watch",
            False,
            "keep watching once the stack is up: a code change restarts the services that cannot reload; a "
            "lock, pyproject or config change rebuilds and recreates the app's services (Ctrl-C stops watching, "
            "not the stack)",
        ),
        TaskOption("tail", "200", "lines of history per service"),
        TaskOption("command", "sh", "what to run, as a shell would split it"),
        TaskOption("volumes", False, "also remove the stack's volumes"),
        TaskOption("context", "", "the app's folder, when the repository has several"),
        TaskOption("force", False, "overwrite an existing warmbuild.yaml"),
        TaskOption("dry_run", False, "print what would be written, write nothing"),
        TaskOption("ci", "", "also write CI files: github or gitlab"),
        TaskOption("install", "", "how CI installs warmbuild (default: warmbuild==<this version>)"),
        TaskOption("apply", False, "delete what the listing shows (default: a dry run that deletes nothing)"),
        TaskOption(
            "purge", False, "everything of this app goes, the default branch's too (retiring an app, test leftovers)"
        ),
    )
}


# --- the flags that override keys -----------------------------------------------------------


@dataclass(frozen=True)
class ConfigFlag:
    """A task flag bound to a configuration key (``("cache", "read_only")``)."""

    flag: Flag
    path: tuple[str, ...]
    help: str

    @property
    def python_name(self) -> str:
        return self.flag.name.replace("-", "_")

    @property
    def default(self) -> bool | None:
        # None: not given, the file or the default decides. A switch is off by default.
        return False if self.flag.switch_value is not None else None

    def override(self, given: Any) -> Any:
        """The key's new value for what the flag was given, or None to leave it."""
        if self.flag.switch_value is not None:
            return self.flag.switch_value if given else None
        return given


def _flags_of(model: type[BaseModel], prefix: tuple[str, ...] = ()) -> list[ConfigFlag]:
    found = []
    for key, info in model.model_fields.items():
        nested = _section_type(info)
        if nested:
            found += _flags_of(nested, (*prefix, key))
        for flag in (m for m in info.metadata if isinstance(m, Flag)):
            help_text = info.description or ""
            if flag.switch_value is None:
                help_text = f"{help_text} (overrides `{'.'.join((*prefix, key))}`)"
            found.append(ConfigFlag(flag, (*prefix, key), help_text))
    return found


def _section_type(info: FieldInfo) -> type[BaseModel] | None:
    annotation = info.annotation
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


CONFIG_FLAGS: dict[str, ConfigFlag] = {flag.python_name: flag for flag in _flags_of(Config)}


def option_help(name: str) -> str:
    if name in CONFIG_FLAGS:
        return CONFIG_FLAGS[name].help
    return TASK_OPTIONS[name].help


def option_default(name: str) -> str | bool | int | None:
    if name in CONFIG_FLAGS:
        return CONFIG_FLAGS[name].default
    return TASK_OPTIONS[name].default


# --- validation and error messages ----------------------------------------------------------


def parse_config(data: Any, source: Path | None, flags: dict[tuple[str, ...], str] | None = None) -> Config:
    """Validate a parsed YAML document into a Config. Pure. ``flags`` maps key paths
    given on the command line to the flag's name, so their errors name the flag."""
    if data is None:
        data = {}
    where = str(source) if source else "the configuration"
    if not isinstance(data, dict):
        raise ConfigError(
            f"{where}: must be a mapping of keys to values, got {_shown(data)}", "write `key: value` lines"
        )
    try:
        config = Config.model_validate(data)
    except ValidationError as error:
        raise _config_error(error, where, flags or {}) from None
    config._source = source
    return config


def _config_error(error: ValidationError, source: str, flags: dict[tuple[str, ...], str]) -> ConfigError:
    # Unknown keys first: a typo explains the other errors it causes.
    details = sorted(error.errors(), key=lambda d: d["type"] != "extra_forbidden")
    detail = details[0]
    loc = tuple(detail["loc"])
    key_path = tuple(str(part) for part in loc if isinstance(part, str))
    flag = flags.get(key_path)
    kind, value = detail["type"], detail.get("input")
    if kind == "extra_forbidden":
        parent = _where(loc[:-1])
        prefix = f"{source}: {parent}: " if parent else f"{source}: "
        known = sorted(_known_keys(loc[:-1]))
        close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
        hint = f"did you mean {close[0]!r}? " if close else ""
        return ConfigError(f"{prefix}unknown key {loc[-1]!r}", f"{hint}remove it or use one of {', '.join(known)}")
    where = f"--{flag}" if flag else f"{source}: {_where(loc)}"
    shape = _shape_of(loc)
    if kind == "missing":
        return ConfigError(
            f"{source}: {_where(loc[:-1])}: missing key {loc[-1]!r}", f"add `{loc[-1]}:` (see README, Configuration)"
        )
    if kind == "value_error":
        cause = detail.get("ctx", {}).get("error")
        fix = cause.fix if isinstance(cause, Invalid) else "see README, Configuration"
        return ConfigError(f"{where}: {cause}", fix)
    if kind == "literal_error":
        choices = ", ".join(str(c) for c in _literal_choices(loc))
        return ConfigError(f"{where}: {value!r} is not one of {choices}", f"use one of {choices}")
    if kind in ("greater_than_equal", "less_than_equal"):
        low, high = _bounds(loc)
        return ConfigError(f"{where}: {value} is out of range", f"use a number from {low} to {high}")
    if kind == "string_pattern_mismatch":
        return ConfigError(f"{where}: {value!r} is not {shape}", f"set it to {shape}")
    return ConfigError(f"{where}: must be {shape}, got {_shown(value)}", f"set it to {shape}")


_GENERIC_SHAPES = {
    "string_type": "a string",
    "bool_type": "true or false",
    "int_type": "a whole number",
    "tuple_type": "a list",
    "model_type": "a mapping",
    "dict_type": "a mapping",
    "model_attributes_type": "a mapping",
}


def _where(loc: tuple[Any, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _shown(value: Any) -> str:
    return repr(value) if isinstance(value, (bool, type(None))) else f"{type(value).__name__} {value!r}"


def _walk(loc: tuple[Any, ...]) -> tuple[FieldInfo | None, type[BaseModel] | None]:
    """The field a location names, and the section it opens (if it is one). A list
    index names an item: of `secrets` a SecretSource, of other lists a plain value."""
    info: FieldInfo | None = None
    model: type[BaseModel] | None = Config
    for part in loc:
        if isinstance(part, int):
            info, model = None, SecretSource if loc[0] == "secrets" else None
            continue
        if model is None or part not in model.model_fields:
            return None, None
        info = model.model_fields[part]
        model = _section_type(info)
    return info, model


def _field_at(loc: tuple[Any, ...]) -> FieldInfo | None:
    return _walk(loc)[0]


def _shape_of(loc: tuple[Any, ...]) -> str:
    info = _field_at(loc)
    if info is not None:
        for item in info.metadata:
            if isinstance(item, Shape):
                return item.text
        if _section_type(info):
            return "a mapping"
        if info.annotation is bool:
            return "true or false"
    return "a string" if isinstance(loc[-1], int) and loc[0] != "secrets" else "a mapping"


def _literal_choices(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    info = _field_at(loc)
    return typing.get_args(info.annotation) if info else ()


def _bounds(loc: tuple[Any, ...]) -> tuple[Any, Any]:
    metadata = info.metadata if (info := _field_at(loc)) else []
    low = next((m.ge for m in metadata if isinstance(m, annotated_types.Ge)), None)
    high = next((m.le for m in metadata if isinstance(m, annotated_types.Le)), None)
    return low, high


def _known_keys(loc: tuple[Any, ...]) -> list[str]:
    model = _walk(loc)[1]
    return list(model.model_fields) if model else []


# --- loading, overriding, printing ----------------------------------------------------------


def find_config_file(start: Path) -> Path | None:
    """warmbuild.yaml in ``start`` or the nearest parent that has one (as git finds .git)."""
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder / CONFIG_FILE
    return None


def load_config(path: str | Path | None = None, overrides: dict[str, Any] | None = None) -> Config:
    """Read the file (default: found from the current folder), validate it, then apply
    the task's flags (``{python name: value given}``; None means not given)."""
    found = Path(path) if path else find_config_file(Path.cwd())
    if found is None or not found.is_file():
        shown = found or Path(CONFIG_FILE)
        raise ConfigError(
            f"{shown}: configuration file not found", f"create {shown} (`warmbuild init`) or pass --config PATH"
        )
    try:
        data = yaml.safe_load(found.read_text())
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ConfigError(f"{found}: invalid YAML{at}", "fix the syntax (indentation, quotes, colons)") from None
    config = parse_config(data, found)
    return apply_flags(config, overrides or {})


def apply_flags(config: Config, given: dict[str, Any]) -> Config:
    """Flags win over the file. The merged result is validated again, so a bad flag
    value gets the same message as a bad file, naming the flag."""
    plain = config_as_dict(config)
    named: dict[tuple[str, ...], str] = {}
    for python_name, value in given.items():
        flag = CONFIG_FLAGS.get(python_name)
        new_value = flag.override(value) if flag else None
        if flag is None or new_value is None:
            continue
        section: dict[str, Any] = plain
        for part in flag.path[:-1]:
            section = section[part]
        section[flag.path[-1]] = new_value
        named[flag.path] = flag.flag.name
    if not named:
        return config
    return parse_config(plain, config.source, named)


def config_as_dict(config: Config) -> dict[str, Any]:
    """The resolved configuration, spelled as the file would spell it."""
    plain = config.model_dump(mode="json")
    plain["secrets"] = [{k: v for k, v in secret.items() if v} for secret in plain["secrets"]]
    return plain


def config_as_yaml(config: Config) -> str:
    """`invoke config`: the resolved values, as the file would spell them."""
    text = yaml.safe_dump(config_as_dict(config), sort_keys=False).rstrip()
    return f"# resolved from {config.source_name} + flags + defaults\n{text}"


# --- the README's table ---------------------------------------------------------------------


def _default_text(info: FieldInfo) -> str:
    if info.default_factory is not None:
        return ""
    value = info.default
    if isinstance(value, tuple):
        return "[" + ", ".join(str(v) for v in value) + "]"
    if isinstance(value, bool):
        return str(value).lower()
    return '""' if value == "" else str(value)


def config_table(model: type[BaseModel] = Config, prefix: str = "") -> list[str]:
    """One markdown row per key: name, default, meaning (from the models above)."""
    rows = []
    for key, info in model.model_fields.items():
        nested = _section_type(info)
        if nested:
            rows += config_table(nested, f"{prefix}{key}.")
            continue
        meaning = info.description or ""
        choices = typing.get_args(info.annotation) if typing.get_origin(info.annotation) is Literal else ()
        if choices:
            meaning = f"one of {', '.join(f'`{c}`' for c in choices)}: {meaning}"
        rows.append(f"| `{prefix}{key}` | `{_default_text(info)}` | {meaning} |")
    return rows


def config_table_markdown() -> str:
    return "\n".join(["| key | default | meaning |", "|---|---|---|", *config_table()]) + "\n"


if __name__ == "__main__":
    print(config_table_markdown(), end="")
