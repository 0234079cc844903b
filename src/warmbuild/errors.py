"""One exception family: every user-facing failure names the problem and its fix.

Tasks turn these into a single line on stderr and the exit code below; a traceback
is shown only with ``--debug``. The codes are documented in the README.
"""

from __future__ import annotations


class WarmbuildError(Exception):
    """A failure the user can act on."""

    exit_code = 1
    # For a failed docker command: its own last words (doctor shows them as found).
    said = ""
    # Lines shown under the one line (a failing service's last log lines).
    details: tuple[str, ...] = ()

    def __init__(self, problem: str, fix: str = "") -> None:
        super().__init__(problem)
        self.problem = problem
        self.fix = fix

    def one_line(self) -> str:
        return f"{self.problem}; fix: {self.fix}" if self.fix else self.problem


class BuildFailed(WarmbuildError):
    """A build step failed (the Dockerfile, a package install, the network)."""

    exit_code = 1


class CacheBlobsMissing(BuildFailed):
    """A registry cache the build imported lost blobs while it ran (rewritten and
    garbage-collected meanwhile): the pipeline builds again without it."""


class ConfigError(WarmbuildError):
    """The configuration file or a command-line value is wrong."""

    exit_code = 2


class CannotWrite(ConfigError):
    """A file warmbuild must write cannot be written: a --json path in a missing
    folder, a read-only checkout (exit 2, like any other bad value to fix)."""


class LockError(WarmbuildError):
    """A lock file is missing, stale, or does not hold what the config names."""

    exit_code = 3


class EngineError(WarmbuildError):
    """Docker Engine or buildx is missing, unreachable or too old."""

    exit_code = 4


class DockerCommandFailed(WarmbuildError):
    """A docker, buildx or compose command (not a build: see BuildFailed) failed for
    a reason of its own. ``failures.classify_command`` chooses the class: engine
    down, disk full and not found have their own; this is the rest."""

    exit_code = 1


class NotFound(DockerCommandFailed):
    """What a docker command was asked about does not exist (an image, a container,
    a manifest, a running service)."""


class RegistryError(WarmbuildError):
    """The registry refused or could not be reached where it was required."""

    exit_code = 5


class DiskFull(WarmbuildError):
    """The builder, the image store or the registry ran out of disk space."""

    exit_code = 6


class Interrupted(WarmbuildError):
    """The user pressed Ctrl-C; nothing was tagged or pushed."""

    exit_code = 130
