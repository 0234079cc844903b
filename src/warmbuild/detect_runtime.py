"""How a service says it runs, read from its own files: the Dockerfile's last stage
(CMD/ENTRYPOINT and the script it execs, ENV, EXPOSE, VOLUME, HEALTHCHECK, apt-get
lines), the compose service built from the app's folder, the Procfile's `web:`.
Each value becomes a warmbuild runtime key with the file and line it came from.
Pure: the files come in as a mapping (path -> text); nothing is read here."""

from __future__ import annotations

import configparser
import itertools
import json
import re
import shlex
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import yaml

from .detect import Finding
from .dockerfile import numbered_instructions

SERVERS = ("gunicorn", "uvicorn", "granian", "hypercorn", "daphne")
# module:attribute, or module:factory() (gunicorn and granian call it).
APP_REFERENCE = re.compile(r"^[A-Za-z_][\w.]*:[A-Za-z_]\w*(\(\))?$")
# A dotted module alone (`gunicorn proj.wsgi`): gunicorn serves its `application`.
MODULE = re.compile(r"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)+$")
# Flags warmbuild sets itself (bind address, port, reload) or reads into its own keys.
OWN_FLAGS = {"--bind", "-b", "--host", "--port", "-p", "--reload", "--workers", "-w", "--factory"}
VALUED_FLAGS = {
    "--bind", "-b", "--host", "--port", "-p", "--workers", "-w", "--worker-class", "-k", "--chdir", "--app-dir",
    "--interface", "--timeout", "-t", "--threads", "--log-level", "--access-logfile", "--error-logfile",
    "--worker-tmp-dir", "--max-requests", "--graceful-timeout", "--keep-alive", "--root-path", "--log-config",
    "--config", "-c", "--forwarded-allow-ips", "--limit-concurrency", "--backlog", "--name", "-n",
    "--max-requests-jitter", "--pythonpath", "--env", "-e", "--user", "-u", "--group", "-g", "--umask",
}  # fmt: skip
# Settings the images set themselves; and names that look like secrets (never in a
# config file: they are BuildKit secrets or run-time environment).
IMAGE_OWN_ENV = re.compile(r"^(PATH|PYTHONUNBUFFERED|PYTHONDONTWRITEBYTECODE|PYTHONPATH|VIRTUAL_ENV|LANG|LC_\w+|"
                           r"PIP_\w+|POETRY_\w+|UV_\w+|PORT|HOME|DEBIAN_FRONTEND)$")  # fmt: skip
# What an apt-get line in a final stage installs only to compile (the Dockerfile builds
# and runs in one stage): warmbuild's build stage gets these, never the runtime image.
BUILD_ONLY_APT = re.compile(r"^(build-essential|gcc|g\+\+|clang|make|cmake|pkg-config|pkgconf|git|.+-dev)$")
# The worker class warmbuild gives gunicorn for an ASGI app (runtime.py).
DEFAULT_ASGI_WORKER = "uvicorn.workers.UvicornWorker"
# Init programs a container starts the real command under (`tini -v -- cmd`).
INIT_PROGRAMS = ("tini", "tini-static", "dumb-init")
SECRET_NAME = re.compile(r"SECRET|PASSWORD|PASSWD|TOKEN|API_KEY|PRIVATE|CREDENTIAL", re.IGNORECASE)
# A URL with a password in it (mysql://user:password@db/name): a secret whatever its name.
CREDENTIAL_URL = re.compile(r"://[^/@\s:]+:[^/@\s]+@")
COMPOSE_FILES = ("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml")
URL_PATH = re.compile(r"https?://[^/\s\"']+(/[^\s\"'|;&)]*)")


@dataclass(frozen=True)
class Instruction:
    line: int
    keyword: str
    args: str


def parse_dockerfile(text: str) -> list[list[Instruction]]:
    """The stages (each opening with its FROM), instructions with their first line."""
    stages: list[list[Instruction]] = [[]]
    for line, instruction in numbered_instructions(text):
        keyword, _, args = instruction.partition(" ")
        if keyword.upper() == "FROM":
            stages.append([])
        stages[-1].append(Instruction(line, keyword.upper(), args.strip()))
    return [stage for stage in stages if stage]


def _argv(args: str) -> list[str]:
    """CMD/ENTRYPOINT/RUN arguments: the JSON form as it is, the shell form as sh runs it."""
    if args.startswith("["):
        try:
            found = json.loads(args)
        except ValueError:
            found = None
        if isinstance(found, list) and all(isinstance(word, str) for word in found):
            return found
    return ["sh", "-c", args]


def _env_pairs(args: str) -> list[tuple[str, str]]:
    """ENV A=1 B="two words", or the legacy ENV A value."""
    words = shlex.split(args)
    if words and "=" not in words[0]:
        return [(words[0], " ".join(words[1:]))]
    return [tuple(word.split("=", 1)) for word in words if "=" in word]  # type: ignore[misc]


def _shell_defaults(script: str) -> dict[str, str]:
    """`WORKERS=${WORKERS:-1}` lines of an entrypoint script: the values it runs with
    when nothing is set."""
    return dict(re.findall(r"^\s*(\w+)=\$\{\1:-([^}]*)\}\s*$", script, re.MULTILINE))


def _expand(word: str, defaults: Mapping[str, str]) -> str | None:
    """A shell word with the script's defaults put in; None while a variable is unknown."""
    expanded = re.sub(r"\$\{?(\w+)\}?", lambda m: defaults.get(m.group(1), "\0"), word)
    return None if "\0" in expanded else expanded


def _last_exec(script: str) -> str:
    """The command a shell entrypoint serves with: of its `exec …` lines
    (continuations joined), the last that starts a server or supervisord (ephios'
    script execs supervisord for `run` and `manage.py "$@"` otherwise), else the last."""
    joined = re.sub(r"\\\n\s*", " ", script)
    found = re.findall(r"^\s*exec\s+(.+)$", joined, re.MULTILINE)
    serving = [line for line in found if re.match(r"^\S*\b(supervisord|" + "|".join(SERVERS) + r")\b", line.strip())]
    return str((serving or found or [""])[-1])


# --- the server command ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ServerCommand:
    server: str
    app: str
    interface: str = ""
    workers: int = 0
    port: int | None = None
    import_root: str = ""
    server_args: tuple[str, ...] = ()


def _unwrapped(argv: list[str]) -> list[str]:
    """The program a command line runs: through `sh -c`, `exec`, variable assignments,
    `python -m`, `uv run`/`poetry run`, and the last of `a && b`."""
    while argv:
        if argv[0] in ("sh", "bash", "/bin/sh", "/bin/bash") and len(argv) >= 3 and argv[1] == "-c":
            last = re.split(r"&&|;", argv[2])[-1]
            argv = shlex.split(last)
        elif argv[0] == "exec" or re.match(r"^\w+=", argv[0]):
            argv = argv[1:]
        elif argv[0].startswith("python") and argv[1:2] == ["-m"]:
            argv = argv[2:]
        elif argv[0] in ("uv", "poetry") and argv[1:2] == ["run"]:
            argv = _after_options(argv[2:])
        else:
            return argv
    return argv


# `uv run` / `poetry run` options that take a value, before the program they run.
RUN_VALUED_OPTIONS = {"--with", "--python", "-p", "--env-file", "--group", "--extra", "--package", "--directory",
                      "--project"}  # fmt: skip


def _after_options(words: list[str]) -> list[str]:
    index = 0
    while index < len(words) and words[index].startswith("-"):
        if words[index] == "--":
            return words[index + 1 :]
        index += 2 if words[index] in RUN_VALUED_OPTIONS else 1
    return words[index:]


def read_server_command(argv: list[str], defaults: Mapping[str, str] | None = None) -> ServerCommand | None:
    """A gunicorn/uvicorn/granian/hypercorn/daphne command line as warmbuild's keys;
    None when it runs something else (then it is the prod `command` as it is).
    ``defaults``: values of the shell variables it uses (an entrypoint's defaults)."""
    defaults = defaults or {}
    words = _unwrapped(argv)
    if not words or PurePosixPath(words[0]).name not in SERVERS:
        return None
    server, app, flags = PurePosixPath(words[0]).name, "", dict[str, str]()
    kept: list[str] = []
    index = 1
    while index < len(words):
        word = words[index]
        name, _, inline = word.partition("=")
        if word.startswith("-") and name in VALUED_FLAGS:
            value = inline or (words[index + 1] if index + 1 < len(words) else "")
            index += 1 if inline else 2
            expanded = _expand(value, defaults)
            if expanded is not None:
                flags[name] = expanded
            if name not in OWN_FLAGS and name not in ("--chdir", "--app-dir", "--interface", "-k", "--worker-class"):
                kept += [name, expanded] if expanded is not None else []
            continue
        if word.startswith("-"):
            flags[name] = inline or "true"
            if name not in OWN_FLAGS:
                kept.append(word)
        elif not app and APP_REFERENCE.match(word):
            app = word
        elif not app and server == "gunicorn" and MODULE.match(word):
            app = f"{word}:application"  # gunicorn's default attribute (ephios.wsgi)
        index += 1
    if not app:
        return None
    return _server_command(server, app, flags, tuple(kept))


def _server_command(server: str, app: str, flags: Mapping[str, str], kept: tuple[str, ...]) -> ServerCommand:
    worker = flags.get("-k") or flags.get("--worker-class", "")
    interface = {"gunicorn": "asgi" if "uvicorn" in worker.lower() else "wsgi", "daphne": "asgi"}.get(server, "")
    if flags.get("--interface", "").startswith(("wsgi", "asgi")):
        interface = flags["--interface"][:4]
    if worker and worker != DEFAULT_ASGI_WORKER:
        # gevent, eventlet, uvicorn-worker's own package …: the app's choice
        kept = ("--worker-class", worker, *kept)
    bind = flags.get("--bind") or flags.get("-b") or ""
    port_text = flags.get("--port") or flags.get("-p") or bind.rpartition(":")[2]
    if flags.get("--factory") == "true" and not app.endswith("()"):
        app += "()"
    workers = flags.get("--workers") or flags.get("-w") or "0"
    root = (flags.get("--chdir") or flags.get("--app-dir") or "").strip("/").removeprefix("app/")
    return ServerCommand(
        server, app, interface, int(workers) if workers.isdigit() else 0,
        int(port_text) if port_text.isdigit() else None, root if root in ("src",) else "", kept,
    )  # fmt: skip


# --- the files --------------------------------------------------------------------------------------


@dataclass
class Statements:
    """What the repository's files say, key by key, first statement kept."""

    found: dict[str, Finding] = field(default_factory=dict)

    def say(self, key: str, value: object, where: str, sure: bool = True) -> None:
        if key not in self.found and value not in (None, "", [], {}, ()):
            self.found[key] = Finding(value, where, sure)

    def add(self, key: str, values: list[str], where: str) -> None:
        """A list every source adds to (the folders the app writes), each source named."""
        before = self.found.get(key)
        known = list(before.value) if before is not None and isinstance(before.value, list) else []
        new = [value for value in values if value not in known]
        if new:
            reason = f"{before.reason}; {where}" if before is not None else where
            self.found[key] = Finding(known + new, reason)


def dockerfile_paths(files: Mapping[str, str], prefix: str) -> list[str]:
    """The app folder's Dockerfile first, then the repository's, then any other."""
    named = [f"{prefix}Dockerfile", f"{prefix}docker/Dockerfile", "Dockerfile", "docker/Dockerfile"]
    others = sorted(p for p in files if PurePosixPath(p).name.lower().startswith("dockerfile") and p not in named)
    return [p for p in dict.fromkeys([*named, *others]) if p in files]


def read_dockerfile(statements: Statements, files: Mapping[str, str], path: str) -> None:
    stages = parse_dockerfile(files[path])
    if not stages:
        return
    *build_stages, final = stages
    python = _python_of(stages)
    if python:
        statements.say("python_image", f"python:{python}-slim", f"{path}:{final[0].line} FROM {final[0].args}")
    build_apt = [name for stage in build_stages for i in stage if i.keyword == "RUN" for name in _apt(i.args)]
    final_apt = [(i, name) for i in final if i.keyword == "RUN" for name in _apt(i.args)]
    runtime_apt = [(i, name) for i, name in final_apt if not BUILD_ONLY_APT.match(name)]
    compiling = [name for _, name in final_apt if BUILD_ONLY_APT.match(name) and name not in build_apt]
    where = f"{path}: apt-get install in its build stages"
    if compiling:
        where = (f"{where}, and " if build_apt else f"{path}: ") + (
            f"the compilers and headers its final stage installs ({', '.join(compiling)}): only compiling needs them"
        )
    statements.say("build_apt_packages", build_apt + compiling, where)
    if runtime_apt:
        statements.say("apt_packages", [n for _, n in runtime_apt], f"{path}:{runtime_apt[0][0].line} apt-get install")
    for i in final:
        where = f"{path}:{i.line} {i.keyword} {i.args[:60]}"
        if i.keyword == "EXPOSE" and i.args.split()[0].split("/")[0].isdigit():
            statements.say("port", int(i.args.split()[0].split("/")[0]), where)
        elif i.keyword == "VOLUME":
            statements.add("writable", [v for v in _argv(i.args) if v.startswith("/")] or i.args.split(), where)
        elif i.keyword == "HEALTHCHECK" and i.args.upper() != "NONE":
            _health(statements, i.args.partition("CMD")[2].strip(), where)
    made = _made_folders(stages)
    if made:
        statements.add("writable", [folder for folder, _ in made], f"{path}:{made[0][1]} mkdir")
    installs = [(i, found) for stage in stages for i in stage if i.keyword == "RUN" for found in [_installs(i.args)]]
    for i, found in installs:
        if found is not None:
            statements.say("installs", found, f"{path}:{i.line} RUN {i.args[:70]}")
    env = [(k, v, f"{path}:{i.line}") for i in final if i.keyword == "ENV" for k, v in _env_pairs(i.args)]
    _environment(statements, env)
    folder = str(PurePosixPath(path).parent).removeprefix(".")
    has_src = any(p.startswith(f"{folder}/src/".lstrip("/")) for p in files)
    for name, value, line in env:
        # The code's import root as the image puts it on the path (`PYTHONPATH=/argus/src`,
        # the repository at /argus), where the repository has a src/ folder (conveyor's
        # /opt/conveyor/src/ is the whole repository).
        if name == "PYTHONPATH" and has_src and any(PurePosixPath(part).name == "src" for part in value.split(":")):
            statements.say("import_root", "src", f"{line} ENV PYTHONPATH={value}")
    entrypoint = next((i for i in reversed(final) if i.keyword == "ENTRYPOINT"), None)
    cmd = next((i for i in reversed(final) if i.keyword == "CMD"), None)
    # What the container runs: ENTRYPOINT with CMD as its arguments, or CMD alone.
    said = [i for i in (entrypoint, cmd) if i is not None]
    if said:
        argv = [word for i in said for word in _argv(i.args)] if entrypoint and entrypoint.args.startswith("[") else []
        argv = argv or _argv(said[0].args)
        where = " ".join(f"{path}:{i.line} {i.keyword} {i.args}" for i in said)
        _command(statements, files, argv, where, _copied_files(final))


PYTHON_IMAGE = re.compile(r"^(?:docker\.io/)?(?:library/)?python:(\d+\.\d+)\b")


def _python_of(stages: list[list[Instruction]]) -> str:
    """The Python version (3.11) of the final stage's base: `FROM python:3.11-slim…`,
    through the stages it names (`FROM base`); "" when it is not the python image."""
    images: dict[str, str] = {}  # stage name -> the image it starts from
    image = ""
    for stage in stages:
        words = [w for w in stage[0].args.split() if not w.startswith("--")]
        image = images.get(words[0].lower(), words[0]) if words else ""
        if len(words) == 3 and words[1].lower() == "as":
            images[words[2].lower()] = image
    found = PYTHON_IMAGE.match(image)
    return found.group(1) if found else ""


# Folders an image makes that are not the app's data: the system's, the venv's, caches.
NOT_DATA = re.compile(r"^/(usr|bin|sbin|lib|etc/apt|opt/venv|root|tmp|run|proc|var/lib/apt|var/cache)(/|$)")


def _made_folders(stages: list[list[Instruction]]) -> list[tuple[str, int]]:
    """(folder, line) of each folder a `mkdir` makes in any stage, but the stages'
    WORKDIRs (the code's place): relative to the code where it is under the final
    stage's WORKDIR (lnbits: `mkdir data` in /app -> data), else absolute."""
    workdirs = {i.args.rstrip("/") for stage in stages for i in stage if i.keyword == "WORKDIR"}
    code = next((i.args.rstrip("/") for i in reversed(stages[-1]) if i.keyword == "WORKDIR"), "/app")
    found: list[tuple[str, int]] = []
    for stage in stages:
        workdir = "/"
        for i in stage:
            if i.keyword == "WORKDIR":
                workdir = i.args.rstrip("/") or "/"
            if i.keyword != "RUN":
                continue
            for match in re.finditer(r"\bmkdir\s+((?:-\S+\s+)*)([^&;|]+)", i.args):
                for word in match.group(2).replace("\\", " ").split():
                    folder = str(PurePosixPath(workdir) / word)
                    if folder in workdirs or NOT_DATA.match(folder) or "$" in folder:
                        continue
                    if folder.startswith(f"{code}/"):
                        folder = folder.removeprefix(f"{code}/")
                    if folder not in [f for f, _ in found]:
                        found.append((folder, i.line))
    return found


@dataclass(frozen=True)
class Installs:
    """What the Dockerfile's install line selects: which lock (its tool) and which of
    the lock's extras and groups (all the extras with ``all_extras``)."""

    lock: str
    extras: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    all_extras: bool = False


INSTALL_LINES = (
    ("uv", re.compile(r"\buv\s+sync\b([^&;|]*)")),
    ("poetry", re.compile(r"\bpoetry\s+install\b([^&;|]*)")),
    ("requirements", re.compile(r"\b(?:uv\s+)?pip3?\s+install\b[^&;|]*?-r\s+\S*requirements\.txt\b()")),
)


def _installs(run: str) -> Installs | None:
    for lock, pattern in INSTALL_LINES:
        found = pattern.search(run)
        if not found:
            continue
        words = found.group(1).replace("\\", " ").split()
        extras, groups = [], []
        for flag, value in itertools.pairwise([*words, ""]):
            name, _, inline = flag.partition("=")
            names = [n for n in re.split(r"[,\s]+", inline or value) if n]
            if name in ("--extra", "-E", "--extras"):
                extras += names
            elif name in ("--group", "--with"):
                groups += names
        return Installs(lock, tuple(extras), tuple(groups), "--all-extras" in words)
    return None


def _apt(run: str) -> list[str]:
    found = []
    for match in re.finditer(r"\bapt(?:-get)?\s+install\b([^&;|]*)", run):
        found += [w for w in match.group(1).split() if not w.startswith("-") and w != "\\"]
    return found


def _health(statements: Statements, command: str, where: str) -> None:
    url = URL_PATH.search(command)
    if url:
        statements.say("health_path", url.group(1), where)
    elif command:
        statements.say("health_command", _argv(command), where)


def _environment(statements: Statements, pairs: list[tuple[str, str, str]]) -> None:
    kept = {
        k: v
        for k, v, _ in pairs
        if not IMAGE_OWN_ENV.match(k) and not SECRET_NAME.search(k) and not CREDENTIAL_URL.search(v) and "$" not in v
    }
    before = statements.found.get("env")
    known = dict(before.value) if before is not None and isinstance(before.value, dict) else {}
    new = {k: v for k, v in kept.items() if k not in known}  # the first source's value stays
    if not new:
        return
    places = ", ".join(dict.fromkeys(where for k, _, where in pairs if k in new))
    if before is None:
        reason = f"{places} (secrets left out: names that look like one, URLs with a password)"
    else:
        reason = f"{before.reason}; {places}"
    statements.found["env"] = Finding({**known, **new}, reason)


def _command(
    statements: Statements,
    files: Mapping[str, str],
    argv: list[str],
    where: str,
    copied: Mapping[str, str] | None = None,
) -> None:
    """A CMD, ENTRYPOINT, compose command or Procfile line: a known server's command
    line as warmbuild's keys (through the script it runs, if the repository has it),
    else the command as it is. The first source that names a command says all of it."""
    if "server" in statements.found or "command" in statements.found:
        return
    argv = _without_init(argv)
    script = _script(files, argv, copied)
    ran, defaults = argv, {}
    if script is not None:
        _script_build_commands(statements, script, files[script])
        last = _last_exec(files[script])
        if last:
            ran, defaults = shlex.split(last), _shell_defaults(files[script])
            where = f"{where}, which ends in `exec {last.strip()[:80]}` ({script}; what it runs before is not run)"
    server = read_server_command(ran, defaults)
    supervised = _supervised_server(files, ran, copied or {}) if server is None else None
    if supervised is not None:
        server, program = supervised
        where = f"{where}; {program}"
    if server is None:
        # The script by its place in warmbuild's image (the app's folder is /app); the
        # venv is on PATH there and no package manager is: `uv run x` is `x`.
        command = [_without_runners(f"./{script}" if script and word == argv[0] else word) for word in argv]
        command = _after_options(command[2:]) if command[:2] in (["uv", "run"], ["poetry", "run"]) else command
        statements.say("command", command, f"{where}: not a server warmbuild knows, run as it is", sure=False)
        return
    for key, value in (("server", server.server), ("app", server.app), ("interface", server.interface),
                       ("workers", server.workers), ("port", server.port), ("import_root", server.import_root),
                       ("server_args", list(server.server_args))):  # fmt: skip
        if value:  # 0 workers, no interface, no port: the server's defaults, nothing said
            statements.say(key, value, where)


# What an entrypoint runs at every start that only writes files from the code: in a
# read-only image it belongs to the build (`collectstatic`, `compilemessages`).
START_BUILD_STEP = re.compile(r"^(?:python3?\s+(?:\S*/)?manage\.py|django-admin)\s+(collectstatic|compilemessages)\b")


def _script_build_commands(statements: Statements, script: str, text: str) -> None:
    commands = [" ".join(line.split()) for line in re.sub(r"\\\n\s*", " ", text).splitlines()]
    found = [command for command in commands if START_BUILD_STEP.match(command)]
    where = f"{script} runs it at every start; in a read-only image it is a build step"
    statements.say("build_commands", found, where)


def _supervised_server(
    files: Mapping[str, str], argv: list[str], copied: Mapping[str, str]
) -> tuple[ServerCommand, str] | None:
    """The server a `supervisord -c CONF` runs, CONF being a repository file the
    Dockerfile copied (ephios: gunicorn beside a cron program): its first [program:…]
    that is a server warmbuild knows, and where it says so. The other programs are
    the image's business (workers: a compose stack's services)."""
    words = _unwrapped(argv)
    if not words or PurePosixPath(words[0]).name != "supervisord":
        return None
    conf = next((b for a, b in itertools.pairwise(words) if a in ("-c", "--configuration")), "/etc/supervisord.conf")
    source = copied.get(conf, "")
    if source not in files:
        return None
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(files[source])
    except configparser.Error:
        return None
    for section in parser.sections():
        command = parser.get(section, "command", fallback="")
        server = read_server_command(shlex.split(command)) if section.startswith("program:") and command else None
        if server is not None:
            return server, f"{source} [{section}] command={command[:80]}"
    return None


# `uv run [--frozen …] x` / `poetry run x` inside a shell command line.
RUNNER = re.compile(r"\b(?:uv|poetry)\s+run\s+(?:--(?:frozen|locked|no-sync|offline|no-dev|quiet|all-extras)\s+)*")


def _without_runners(word: str) -> str:
    return RUNNER.sub("", word)


def _without_init(argv: list[str]) -> list[str]:
    """The command an init program runs (`/usr/bin/tini -v -- ./start.sh`): the image
    warmbuild makes has its own PID 1 handling (`docker run --init` where wanted)."""
    if not argv or PurePosixPath(argv[0]).name not in INIT_PROGRAMS:
        return argv
    rest = argv[1:]
    if "--" in rest:
        return rest[rest.index("--") + 1 :]
    return [word for word in rest if not word.startswith("-")] or argv


def _script(files: Mapping[str, str], argv: list[str], copied: Mapping[str, str] | None = None) -> str | None:
    """The repository's shell script a command starts, if it has it: by its name, or
    by where the Dockerfile copied it (``copied``: destination -> repository path,
    `COPY deployment/docker/entrypoint.sh /usr/local/bin/ephios`)."""
    if not argv:
        return None
    for destination, source in (copied or {}).items():
        if argv[0] in (destination, PurePosixPath(destination).name) and source in files:
            return source
    name = PurePosixPath(argv[0]).name
    scripts = [path for path in sorted(files) if path.endswith(".sh") and PurePosixPath(path).name == name]
    # Where the image has the repository (`/argus/docker-entrypoint.sh`, the code at
    # /argus): that path, before a script of the same name elsewhere (docker/…).
    return next((p for p in scripts if argv[0].endswith(f"/{p}")), scripts[0] if scripts else None)


def _copied_files(stage: list[Instruction]) -> dict[str, str]:
    """The final stage's `COPY <one repository file> <absolute path>` lines."""
    found = {}
    for i in stage:
        words = [w for w in i.args.split() if not w.startswith("--")] if i.keyword in ("COPY", "ADD") else []
        if len(words) == 2 and words[1].startswith("/") and not words[1].endswith("/"):
            found[words[1]] = str(PurePosixPath(words[0]))
    return found


def read_compose(statements: Statements, files: Mapping[str, str], folder: str) -> None:
    """The service built from the app's folder that serves (ports, a healthcheck, a
    restart policy: not a one-shot `prestart` or a migration job)."""
    for path in (p for p in COMPOSE_FILES if p in files):
        try:
            services = (yaml.safe_load(files[path]) or {}).get("services") or {}
        except yaml.YAMLError:
            continue
        built = [(name, service) for name, service in services.items() if _built_from(service, folder)]
        if not built:
            continue
        name, service = max(built, key=lambda item: _serves(item[1]))  # the first of the best
        where = f"{path} service {name}"
        if service.get("command"):
            command = service["command"]
            _command(statements, files, command if isinstance(command, list) else ["sh", "-c", command], where)
        environment = service.get("environment") or {}
        if isinstance(environment, list):
            environment = dict(item.split("=", 1) for item in environment if "=" in item)
        _environment(statements, [(str(k), str(v), where) for k, v in environment.items() if v is not None])
        ports = [str(p).rpartition(":")[2].split("/")[0] for p in service.get("ports") or []]
        statements.say("port", next((int(p) for p in ports if p.isdigit()), None), f"{where} ports")
        statements.add("writable", _data_volumes(service.get("volumes") or [], files, folder), f"{where} volumes")
        test = (service.get("healthcheck") or {}).get("test")
        if test:
            words = test if isinstance(test, list) else ["CMD-SHELL", test]
            _health(statements, " ".join(words[1:]), f"{where} healthcheck")
        return


def _built_from(service: object, folder: str) -> bool:
    build = service.get("build") if isinstance(service, dict) else None
    context = build.get("context", ".") if isinstance(build, dict) else build
    return isinstance(context, str) and context.strip("./") == folder.strip("./")


def _serves(service: dict[str, object]) -> int:
    """How surely a compose service is the long-running server: it publishes a port or
    has a healthcheck (2), or compose restarts it (1), or neither (0: a one-shot job)."""
    if service.get("ports") or service.get("expose") or service.get("healthcheck"):
        return 2
    return 1 if str(service.get("restart", "no")) not in ("no", "False", "false") else 0


def _data_volumes(volumes: list[object], files: Mapping[str, str], folder: str) -> list[str]:
    """Where a service's data volumes land in its container: named volumes, and bind
    mounts of the repository's folders that it does not track (./data). The code and
    config it mounts (the app's folder, ./src/app, ./.env) and the host's own paths
    are no data."""
    found = []
    for volume in volumes:
        if isinstance(volume, dict):
            source, target = str(volume.get("source", "")), str(volume.get("target", ""))
        else:
            source, _, rest = str(volume).partition(":")
            target = rest.partition(":")[0]
        source = re.sub(r"^\$\{?PWD\}?", ".", source)  # ${PWD}:/argus: the repository itself
        if not target.startswith("/") or source.startswith("/"):
            continue
        if source.startswith("."):
            tracked = str(PurePosixPath(source))
            code = (".", "..", str(PurePosixPath(folder)))
            in_repository = tracked in code or any(p == tracked or p.startswith(f"{tracked}/") for p in files)
            if in_repository or "." in PurePosixPath(source).name:  # code, or a file (.env, conf.yaml)
                continue
        found.append(target)
    return found


def read_procfile(statements: Statements, files: Mapping[str, str], prefix: str) -> None:
    for path in (f"{prefix}Procfile", "Procfile"):
        web = re.search(r"^web:\s*(.+)$", files.get(path, ""), re.MULTILINE)
        if web:
            _command(statements, files, ["sh", "-c", web.group(1)], f"{path} web: {web.group(1)}")
            return


def detect_runtime(files: Mapping[str, str], folder: str) -> dict[str, Finding]:
    """What the repository states of how the app in ``folder`` runs, by warmbuild key:
    its Dockerfile first, then its compose file, then its Procfile."""
    prefix = "" if folder in ("", ".") else f"{folder.rstrip('/')}/"
    statements = Statements()
    for path in dockerfile_paths(files, prefix)[:1]:
        read_dockerfile(statements, files, path)
    read_compose(statements, files, folder)
    read_procfile(statements, files, prefix)
    return statements.found


# Programs whose final-stage RUN lines prepare the app itself (not the OS, not packages).
APP_PROGRAMS = re.compile(r"^(python3?\s+manage\.py|django-admin|flask|alembic)\b")


def detect_build_commands(files: Mapping[str, str], folder: str, scripts: Collection[str]) -> Finding | None:
    """The final stage's RUN commands that prepare the app: Django's `manage.py`
    (collectstatic, compilemessages), `flask`, or one of the project's own console
    ``scripts`` (Kinto's `kinto init`). Each `&&` part on its own: the `mkdir` and
    `chown` around them are the image's business (writable, the app user)."""
    prefix = "" if folder in ("", ".") else f"{folder.rstrip('/')}/"
    for path in dockerfile_paths(files, prefix)[:1]:
        stages = parse_dockerfile(files[path])
        if not stages:
            return None
        found, lines = [], []
        for i in stages[-1]:
            if i.keyword != "RUN" or i.args.startswith("--mount"):
                continue
            for part in re.split(r"&&|;", re.sub(r"\\\n\s*", " ", i.args)):
                command = " ".join(part.split())
                program = command.split(" ", 1)[0] if command else ""
                if APP_PROGRAMS.match(command) or program in scripts:
                    found.append(command)
                    lines.append(str(i.line))
        if found:
            return Finding(found, f"{path}:{','.join(dict.fromkeys(lines))} RUN (the final stage's app commands)")
    return None
