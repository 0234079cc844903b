"""Why a build failed, in the user's terms. Pure: a finished BuildRun in, an error out."""

from __future__ import annotations

from .errors import BuildFailed, RegistryError, WarmbuildError
from .progress import BuildRun

# What buildx says when the registry, not the build, failed.
REGISTRY_FAILURES = ("failed to push", "error writing layer blob", "failed to export cache", "unexpected status from")


def failure_reason(run: BuildRun) -> str:
    """The failing step with the last lines of its log, else buildx's last word."""
    # A cache ref that does not exist yet is reported as a failed vertex, but BuildKit
    # goes on without it: that is never the reason a build failed.
    failed = [v for v in run.progress.failed if not v.name.startswith("importing cache manifest")]
    failed.sort(key=lambda v: not v.is_step)
    if failed:
        vertex = failed[0]
        tail = [line for line in run.progress.log_of(vertex).splitlines() if line.strip()][-3:]
        detail = f" ({' | '.join(tail)})" if tail else ""
        return f"{vertex.name}: {vertex.error}{detail}"
    errors = [line for line in run.messages if line.strip()]
    return errors[-1] if errors else f"buildx exited with {run.returncode}"


def classify_failure(run: BuildRun) -> WarmbuildError:
    reason = failure_reason(run)
    if any(marker in reason for marker in REGISTRY_FAILURES):
        return RegistryError(
            f"the registry refused or dropped the push: {' '.join(reason.split())}",
            "check the registry (reachable, writable, credentials) and rerun; an unfinished push moves no tag",
        )
    return BuildFailed(f"build failed at {reason}", "read the step's log above; rerun with --debug for the command")
