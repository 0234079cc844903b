"""What the tasks print: rich tables, one-line errors, exit codes."""

from __future__ import annotations

import contextlib
import logging
import shlex
import sys
import threading
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from invoke.exceptions import Exit
from rich.console import Console
from rich.live import Live
from rich.logging import RichHandler
from rich.table import Table

from .doctor import Check, Status
from .errors import WarmbuildError
from .plan import BuildPlan, IndexPlan
from .progress import BuildProgress
from .report import BuildSummary, Outcome

if TYPE_CHECKING:  # init's detectors and gc's rules are not loaded by every task
    from .devloop import TeamStackPlan, WatchEvent
    from .gc import Decision, MachineGc
    from .init import InitPlan
    from .options import Config

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

_STATUS_STYLE = {Status.OK: "green", Status.PROBLEM: "bold red", Status.WARNING: "yellow", Status.NOT_CHECKED: "yellow"}


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
        below = "".join(f"\n    {line}" for line in error.details)
        raise Exit(f"error: {error.one_line()}{below}", code=error.exit_code) from None
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
        # The latest snapshot of each build under way, by the thread that reads it:
        # the backend's and the frontend's images build at once.
        self._latest: dict[int, BuildProgress] = {}
        self._lock = threading.Lock()

    def __enter__(self) -> BuildProgressView:
        if out.is_terminal:
            self._live = Live(self._render(), console=out, refresh_per_second=8, transient=True)
            self._live.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._live:
            self._live.__exit__(None, None, None)
        for progress in self._latest.values():
            self._print_finished(progress)

    def __call__(self, progress: BuildProgress) -> None:
        with self._lock:
            self._latest[threading.get_ident()] = progress
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
        # The last dozen steps, shared out between the builds under way.
        shown = 12 // max(1, len(self._latest))
        for step in (step for progress in self._latest.values() for step in progress.steps[-shown:]):
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


def print_plans(plans: list[BuildPlan], indexes: Sequence[IndexPlan] = ()) -> None:
    for build_plan in plans:
        out.rule(f"[bold]{build_plan.target}[/]  →  {build_plan.image}")
        for note in build_plan.notes:
            out.print(f"# note: {note}")
        for path, _ in build_plan.files:
            out.print(f"# writes {build_plan.locks_dir}/{path} (from the lock)")
        out.print(build_plan.command_line().replace(" --", " \\\n    --"), soft_wrap=True)
    for index in indexes:
        out.rule(f"[bold]multi-platform[/]  →  {index.tag}")
        out.print("# after every platform's image is pushed: one image of them all", markup=False)
        out.print(index.command_line(), soft_wrap=True, markup=False)


def print_team_stack(stack: TeamStackPlan) -> None:
    """The team's compose stack as dev-up runs it: which services get warmbuild's dev
    image, which run as the team wrote them, and the exact compose command."""
    out.rule("[bold]dev stack[/]  →  the team's compose file and warmbuild's override")
    ours = ", ".join(stack.stack.app_services)
    out.print(f"# warmbuild's dev image (no build through their Dockerfile): {ours}", markup=False)
    others = [name for name in stack.started if name not in stack.stack.app_services]
    if others:
        out.print(f"# as the team wrote them: {', '.join(others)}", markup=False)
    if stack.stack.built_elsewhere:
        elsewhere = ", ".join(stack.stack.built_elsewhere)
        out.print(f"# left out, built from another folder (name them with --services): {elsewhere}", markup=False)
    out.print(f"# writes {stack.override}", markup=False)
    if stack.release:
        first = ", ".join(stack.before_release) or "nothing"
        out.print(f"# first {first}, then once: {shlex.join(stack.release)} (dev.release)", markup=False)
    if stack.restarted_on_code_change:
        restarted = ", ".join(stack.restarted_on_code_change)
        out.print(f"# --watch restarts on a code change (they cannot reload): {restarted}", markup=False)
    out.print(shlex.join(stack.command).replace(" --", " \\\n    --"), soft_wrap=True, markup=False)


def print_init(plan: InitPlan, dry_run: bool) -> None:
    out.print("[bold]found[/]")
    # Values are data, not markup: `[libpq5]` must print as it is.
    for line in plan.found:
        out.print(f"  {line}", markup=False)
    if plan.check:
        out.print("[bold yellow]check[/] (init is not sure of these; warmbuild.yaml marks them CHECK)")
        for line in plan.check:
            out.print(f"  {line}", markup=False)
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


def print_urls(urls: dict[str, str], compose_ps: str, images: tuple[tuple[str, str], ...] = ()) -> None:
    for services, image in images:
        out.print(f"  {services}: {image}", markup=False, soft_wrap=True)
    for service, url in urls.items():
        out.print(f"  [bold]{service}[/]: {url}")
    out.print(f"  compose: {compose_ps}", markup=False)


def _paths(paths: tuple[str, ...]) -> str:
    return ", ".join(paths[:3]) + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")


def print_watch_event(event: WatchEvent) -> None:
    """One line per change `dev-up --watch` acted on (flushed: a pipe reads it at once)."""
    from .devloop import Rebuilt, Restarted

    if isinstance(event, Restarted):
        restarted = ", ".join(event.services)
        line = f"{_paths(event.paths)} changed: restarted {restarted} {event.seconds:.1f}s after the save"
    elif isinstance(event, Rebuilt):
        kept = f"; kept {', '.join(event.kept)}" if event.kept else ""
        recreated = ", ".join(event.recreated) or "nothing"
        restarted = f"; restarted {', '.join(event.restarted)} (code changed too)" if event.restarted else ""
        line = (
            f"{_paths(event.paths)} changed: dev-up again in {event.seconds:.1f}s, recreated {recreated}{kept}"
            f"{restarted}"
        )
    else:
        below = "".join(f"\n    {line}" for line in event.error.details)
        line = f"{_paths(event.paths)} changed: error: {event.error.one_line()}{below}\n  the stack runs as it was"
    out.print(line, markup=False, soft_wrap=True)
    out.file.flush()


# --- gc ---------------------------------------------------------------------------------------


def _bytes(count: int) -> str:
    return f"{count / 1e9:.2f} GB" if count >= 1e9 else f"{count / 1e6:.0f} MB"


def _decisions_table(title: str, decisions: tuple[Decision, ...], applied: bool) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("ref")
    table.add_column("action")
    table.add_column("why")
    table.add_column("frees", justify="right")
    goes = "[red]deleted[/]" if applied else "[red]delete[/]"
    for decision in decisions:
        size = _bytes(decision.bytes) if decision.delete else ""
        table.add_row(decision.name, goes if decision.delete else "[green]keep[/]", decision.reason, size)
    return table


def print_gc(plan: MachineGc, config: Config, applied: bool) -> None:
    registry = plan.registry
    if registry.decisions:
        out.print(_decisions_table(f"{config.registry}/{config.name}", registry.decisions, applied))
    else:
        out.print(f"{config.registry}/{config.name}: nothing stored")
    if plan.local_images:
        out.print(_decisions_table("this machine's images", plan.local_images, applied))
    if plan.remote_unknown:
        out.print(
            f"note: git remote {config.gc.remote!r} could not be listed: only age (gc.max_age_days) retires branches"
        )
    cache = "unreadable" if plan.builder_cache_bytes is None else _bytes(plan.builder_cache_bytes)
    over = "pruned to it" if applied else "over it: `--apply` prunes it"
    builder = over if plan.prune_builder else "within it"
    out.print(
        f"registry: {len(registry.deleted)} refs, up to {_bytes(registry.freed_bytes)}; this machine: "
        f"{sum(d.delete for d in plan.local_images)} images (up to {_bytes(plan.local_bytes)}), "
        f"{len(plan.stale_folders)} stale state folders; builder cache {cache}, budget "
        f"{config.gc.builder_budget}: {builder}"
    )
    if not applied:
        out.print("dry run: nothing was deleted; `invoke gc --apply` deletes what is listed")
    elif registry.deletions:
        out.print(
            f"deleted {len(registry.deletions)} manifests; the registry frees their "
            f"{_bytes(registry.freed_bytes)} when it collects garbage (distribution: `registry "
            "garbage-collect CONFIG`; hosted registries: their retention rules, README)"
        )
