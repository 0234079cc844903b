"""What the tasks print: rich tables, one-line errors, exit codes."""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from invoke.exceptions import Exit
from rich.console import Console
from rich.live import Live
from rich.logging import RichHandler
from rich.table import Table

from .doctor import Check, Status
from .errors import WarmbuildError
from .plan import BuildPlan
from .progress import BuildProgress
from .report import BuildSummary, Outcome

if TYPE_CHECKING:  # init's detectors are not loaded by every task
    from .init import InitPlan

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

_STATUS_STYLE = {Status.OK: "green", Status.PROBLEM: "bold red", Status.NOT_CHECKED: "yellow"}


def debug_logging() -> None:
    """--debug: every docker command (ours and python-on-whales') on stderr. Only the
    command lines: the environment, which may hold secrets, is never printed."""
    logging.basicConfig(
        level=logging.WARNING, handlers=[RichHandler(console=err, show_path=False)], format="%(message)s"
    )
    for name in ("warmbuild", "python_on_whales"):
        logging.getLogger(name).setLevel(logging.DEBUG)


@contextlib.contextmanager
def user_errors(debug: bool = False) -> Iterator[None]:
    """Turn our errors into one line and their exit code; with --debug, the commands
    as they run and the traceback."""
    if debug:
        debug_logging()
    try:
        yield
    except WarmbuildError as error:
        if debug:
            err.print_exception()
        raise Exit(f"error: {error.one_line()}", code=error.exit_code) from None
    except KeyboardInterrupt:
        raise Exit("interrupted", code=130) from None


def print_checks(checks: list[Check]) -> None:
    table = Table(title="warmbuild doctor", title_justify="left")
    table.add_column("check")
    table.add_column("status")
    table.add_column("found")
    for check in checks:
        style = _STATUS_STYLE[check.status]
        table.add_row(check.name, f"[{style}]{check.status.value}[/]", check.detail)
    out.print(table)


def problem_lines(checks: list[Check]) -> str:
    return "\n".join(f"problem: {c.name}: {c.detail}; fix: {c.fix}" for c in checks)


def fail(message: str, code: int) -> None:
    """End a task with a message that is already formatted for the user."""
    sys.stdout.flush()
    raise Exit(message, code=code)


# --- builds ---------------------------------------------------------------------------


class BuildProgressView:
    """A live view of BuildKit steps on a terminal; elsewhere (CI logs) one line per
    finished step. Fed BuildProgress snapshots by the engine's reader thread."""

    def __init__(self, title: str) -> None:
        self.title = title
        self._printed: set[str] = set()
        self._live: Live | None = None
        self._latest: BuildProgress | None = None

    def __enter__(self) -> BuildProgressView:
        if out.is_terminal:
            self._live = Live(self._render(), console=out, refresh_per_second=8, transient=True)
            self._live.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._live:
            self._live.__exit__(None, None, None)
        if self._latest:
            self._print_finished(self._latest)

    def __call__(self, progress: BuildProgress) -> None:
        self._latest = progress
        if self._live:
            self._live.update(self._render())
        else:
            self._print_finished(progress)

    def _print_finished(self, progress: BuildProgress) -> None:
        for step in progress.steps:
            if step.completed and step.digest not in self._printed:
                self._printed.add(step.digest)
                state = "[yellow]CACHED[/]" if step.cached else f"[green]{step.seconds:6.1f}s[/]"
                out.print(f"  {state} {_short(step.name)}")

    def _render(self) -> Table:
        table = Table.grid(padding=(0, 1))
        table.add_row(f"[bold]{self.title}[/]")
        progress = self._latest
        if progress:
            for step in progress.steps[-12:]:
                if step.cached:
                    state = "[yellow]CACHED[/]"
                elif step.completed:
                    state = f"[green]{step.seconds:6.1f}s[/]"
                elif step.started:
                    state = "[cyan]running[/]"
                else:
                    state = "waiting"
                table.add_row(f"  {state} {_short(step.name)}")
        return table


def _short(name: str, width: int = 100) -> str:
    # Mount options make RUN lines long and say little; the command says what runs.
    name = " ".join(part for part in name.split() if not part.startswith("--mount="))
    return name if len(name) <= width else name[: width - 1] + "…"


def _size(count: int | None) -> str:
    return f"{count / 1e6:.0f} MB" if count else "-"


def print_summaries(summaries: list[BuildSummary], wall_seconds: float) -> None:
    table = Table(title=f"build report ({wall_seconds:.1f} s wall time)", title_justify="left")
    table.add_column("target", no_wrap=True)
    table.add_column("result")
    for column in ("steps", "cached", "executed", "cache hit", "time", "image size"):
        table.add_column(column, justify="right")
    for summary in summaries:
        if summary.skipped:
            word = "unchanged" if summary.outcome is Outcome.UNCHANGED else "reused"
            table.add_row(summary.target, f"[green]{word}[/]", "-", "-", "-", "-", "-", "-")
            continue
        table.add_row(
            summary.target,
            "built",
            str(summary.steps_total),
            str(summary.steps_cached),
            str(summary.steps_executed),
            f"{summary.cache_hit_percent:.0f}%",
            f"{summary.seconds:.1f}s",
            _size(summary.image_bytes),
        )
    out.print(table)
    for summary in summaries:
        out.print(f"  {summary.target}: {summary.image}" + ("  [dim](pushed)[/]" if summary.pushed else ""))
        if summary.skipped:
            out.print(f"    {summary.reason}")
        if summary.cache_to:
            out.print(f"    cache exported to {summary.cache_from[0]}")
        if summary.compiled:
            out.print(f"    compiled from source: {', '.join(summary.compiled)}")
        elif summary.built_from_source and not summary.skipped:
            out.print(f"    compiled nothing: the wheels of {', '.join(summary.built_from_source)} came from the cache")
        for note in summary.notes:
            out.print(f"    [yellow]note:[/] {note}")


def print_plans(plans: list[BuildPlan]) -> None:
    for build_plan in plans:
        out.rule(f"[bold]{build_plan.target}[/]  →  {build_plan.image}")
        for note in build_plan.notes:
            out.print(f"# note: {note}")
        for path, _ in build_plan.files:
            out.print(f"# writes {build_plan.locks_dir}/{path} (from the lock)")
        out.print(build_plan.command_line().replace(" --", " \\\n    --"), soft_wrap=True)


def print_init(plan: InitPlan, dry_run: bool) -> None:
    out.print("[bold]found[/]")
    for line in plan.found:
        out.print(f"  {line}")
    if plan.check:
        out.print("[bold yellow]check[/] (init is not sure of these; warmbuild.yaml marks them CHECK)")
        for line in plan.check:
            out.print(f"  {line}")
    for path in plan.kept:
        out.print(f"kept {path} (it exists; warmbuild's tasks: `from warmbuild.tasks import namespace as ns`)")
    for path, text in plan.files.items():
        if dry_run:
            out.rule(f"would write {path}")
            out.print(text, markup=False, highlight=False)
        else:
            out.print(f"wrote {path}")
    if not dry_run:
        out.print("next: `invoke doctor`, then `invoke build-prod` or `invoke dev-up`")


def print_urls(urls: dict[str, str], env_file: Path) -> None:
    for service, url in urls.items():
        out.print(f"  [bold]{service}[/]: {url}")
    out.print(f"  compose: docker compose --env-file {env_file} ps")
