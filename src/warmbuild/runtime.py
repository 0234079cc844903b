"""How the app runs in its images, from the configuration: the server command (prod)
and its reloading variant (dev), the environment, the import root, the folders it
writes, the build commands and the health check. Pure.

They become the Dockerfile lines that end the dev and prod stages: the block
between ``START`` and ``END`` (the packaged Dockerfile holds the default
configuration's block; ``apply`` puts the app's in its place). Every value is in
the image's own config, so `docker inspect` shows the real command, its environment
and its health check.
"""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass
from pathlib import PurePosixPath

from .errors import ConfigError
from .options import Config
from .targets import Target

APP_DIR = "/app"
# The prod image's user: a fixed UID, never root, never the owner of the code.
APP_UID = 10001
START = "# --- runtime of {target}: warmbuild renders the lines down to the end marker from warmbuild.yaml"
END = "# --- end of runtime"
_BLOCK = re.compile(r"^# --- runtime of (?P<target>\w+):.*?^# --- end of runtime$", re.M | re.S)


@dataclass(frozen=True)
class ServerShape:
    """A server's way to listen on $PORT on every address, to run N workers and to
    reload on code changes ("": it cannot)."""

    bind: tuple[str, ...]
    workers: str = "--workers"
    reload: str = "--reload"


SERVERS = {
    "uvicorn": ServerShape(("--host", "0.0.0.0", "--port", "$PORT")),
    "gunicorn": ServerShape(("--bind", "0.0.0.0:$PORT")),
    "granian": ServerShape(("--host", "0.0.0.0", "--port", "$PORT")),
    "hypercorn": ServerShape(("--bind", "0.0.0.0:$PORT")),
    "daphne": ServerShape(("--bind", "0.0.0.0", "--port", "$PORT"), workers="", reload=""),
}
HEALTH_SECONDS = "--interval=10s --timeout=5s --start-period=30s --retries=3"


@dataclass(frozen=True)
class Runtime:
    command: tuple[str, ...]
    env: tuple[tuple[str, str], ...]
    # Absolute folders the app writes.
    writable: tuple[str, ...]
    build_commands: tuple[str, ...]
    # The health check's argv; what dev-up's compose file asks too.
    health: tuple[str, ...]
    notes: tuple[str, ...] = ()


def server_command(config: Config, reload: bool) -> tuple[str, tuple[str, ...]]:
    """(note, argv) of `server` serving `app`; the note says what dev lacks, if anything."""
    server = config.server
    shape = SERVERS[server]
    argv = [server, *shape.bind]
    note = ""
    factory = config.app.endswith("()")
    app = config.app
    if server == "uvicorn":
        argv += ["--interface", "wsgi"] if config.interface == "wsgi" else []
        if factory:
            argv.append("--factory")
            app = app.removesuffix("()")
    elif server == "granian":
        argv += ["--interface", config.interface]
        if factory:
            argv.append("--factory")
            app = app.removesuffix("()")
    elif server == "gunicorn":
        # Worker heartbeats in shared memory: /tmp may be read-only or a slow disk.
        argv += ["--worker-tmp-dir", "/dev/shm"]
        chosen = any(arg in ("-k", "--worker-class") or arg.startswith("--worker-class=") for arg in config.server_args)
        if config.interface == "asgi" and not chosen:  # server_args may name another (uvicorn_worker's)
            argv += ["--worker-class", "uvicorn.workers.UvicornWorker"]
    elif factory:
        raise ConfigError(f"app: {server} cannot call an app factory ({config.app})", "name the app object instead")
    if reload:
        if shape.reload:
            argv.append(shape.reload)
        else:
            note = f"{server} cannot reload on code changes: restart the dev stack after an edit, or set dev_command"
    elif config.workers and shape.workers:
        argv += [shape.workers, str(config.workers)]
    return note, (*argv, *config.server_args, app)


def runtime_of(config: Config, target: Target) -> Runtime:
    """What the dev or prod image runs, and with what."""
    notes = []
    if target is Target.DEV and config.dev_command:
        command = config.dev_command
    elif config.command:
        command = config.command
        if target is Target.DEV:
            notes.append("dev runs `command` as it is (no reload): set dev_command for a reloading variant")
    else:
        note, command = server_command(config, reload=target is Target.DEV)
        notes += [note] if note else []
    env = [("PORT", str(config.port))]
    if config.import_root:
        env.append(("PYTHONPATH", str(PurePosixPath(APP_DIR) / config.import_root)))
    env += list(config.env)
    return Runtime(
        command=command,
        env=tuple(env),
        writable=tuple(_absolute(folder) for folder in config.writable),
        build_commands=config.build_commands if target is Target.PROD else (),
        health=health_command(config),
        notes=tuple(notes),
    )


def _absolute(folder: str) -> str:
    return str(PurePosixPath(APP_DIR) / folder) if not folder.startswith("/") else str(PurePosixPath(folder))


def health_command(config: Config) -> tuple[str, ...]:
    """`health_command`, else a GET of `health_path` on $PORT with the app's own Python
    (slim images have no curl); any 2xx/3xx answer is healthy, as `curl -f` judges:
    a redirect is not followed (Django behind TLS answers plain HTTP with a 301 to
    https, which this port does not speak)."""
    if config.health_command:
        return config.health_command
    ask = (
        "import http.client, os; c = http.client.HTTPConnection('127.0.0.1', int(os.environ['PORT']), timeout=4); "
        f"c.request('GET', {json.dumps(config.health_path)}); raise SystemExit(c.getresponse().status >= 400)"
    )
    return ("python", "-c", ask)


def exec_form(argv: tuple[str, ...]) -> str:
    """A JSON-form instruction argument. A command that reads $PORT (or any variable)
    goes through `sh -c 'exec …'`: the shell expands it, then the server replaces the
    shell, so it is PID 1 and gets the stop signal."""
    if any("$" in word for word in argv):
        argv = ("sh", "-c", "exec " + " ".join(_shell_word(word) for word in argv))
    return json.dumps(list(argv))


def _shell_word(word: str) -> str:
    """Quoted for the shell; a word with a $VARIABLE in double quotes, so it expands."""
    if "$" in word:
        return '"' + re.sub(r'(["\\`])', r"\\\1", word) + '"'
    return shlex.quote(word)


def env_value(value: str) -> str:
    """A value for `ENV NAME=…`: double-quoted, with the Dockerfile's own expansion of
    $ and its escapes switched off, so the process sees exactly the configured text."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$") + '"'


def render(config: Config, target: Target) -> str:
    """The block ending the dev or prod stage, markers included."""
    runtime = runtime_of(config, target)
    lines = [START.format(target=target)]
    lines += [f"ENV {name}={env_value(value)}" for name, value in runtime.env]
    if target is Target.PROD:
        lines += _prod_lines(runtime)
    else:
        lines += _dev_lines(runtime)
    lines += [f"EXPOSE {config.port}"]
    if target is Target.PROD:
        lines += [
            f"USER {APP_UID}:{APP_UID}",
            f"HEALTHCHECK {HEALTH_SECONDS} \\",
            f"    CMD {json.dumps(list(runtime.health))}",
        ]
    else:
        lines += ["USER ${DEV_UID}:${DEV_GID}"]
    lines += [f"CMD {exec_form(runtime.command)}", END]
    return "\n".join(lines)


def _prod_lines(runtime: Runtime) -> list[str]:
    lines = []
    for command in runtime.build_commands:
        lines += [
            "# A build command of the app's (`build_commands`), run as root with its environment.",
            f"RUN {command}",
        ]
    if runtime.writable:
        folders = " ".join(shlex.quote(f) for f in runtime.writable)
        lines += [
            "# Folders the app writes (`writable`): its own, and volumes, so they stay writable",
            "# when the container's root filesystem is read-only.",
            f"RUN mkdir -p {folders} && chown {APP_UID}:{APP_UID} {folders}",
            f"VOLUME {json.dumps(list(runtime.writable))}",
        ]
    return lines


def _dev_lines(runtime: Runtime) -> list[str]:
    # The dev stack's compose file asks this; the code is mounted over /app, so only
    # folders outside it are made here (those inside are the developer's own tree).
    lines = [f"ENV WARMBUILD_HEALTHCHECK={env_value(shlex.join(runtime.health))}"]
    outside = [f for f in runtime.writable if not f.startswith(f"{APP_DIR}/")]
    if outside:
        folders = " ".join(shlex.quote(f) for f in outside)
        lines.append(f'RUN mkdir -p {folders} && chown "$DEV_UID:$DEV_GID" {folders}')
    return lines


def has_blocks(dockerfile_text: str) -> bool:
    return {m["target"] for m in _BLOCK.finditer(dockerfile_text)} >= {Target.DEV.value, Target.PROD.value}


def apply(dockerfile_text: str, config: Config) -> str:
    """The Dockerfile with the app's runtime in place of the blocks it holds."""
    return _BLOCK.sub(lambda match: render(config, Target(match["target"])), dockerfile_text)
