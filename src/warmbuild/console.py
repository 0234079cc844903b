"""What the tasks print: rich tables, one-line errors, exit codes."""

from __future__ import annotations

import contextlib
import sys
from typing import Iterator

from invoke import Exit
from rich.console import Console
from rich.table import Table

from .doctor import Check, Status
from .errors import WarmbuildError

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

_STATUS_STYLE = {Status.OK: "green", Status.PROBLEM: "bold red", Status.NOT_CHECKED: "yellow"}


@contextlib.contextmanager
def user_errors(debug: bool = False) -> Iterator[None]:
    """Turn our errors into one line and their exit code; a traceback only with --debug."""
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
