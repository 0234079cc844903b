"""`warmbuild TASK` (or `python -m warmbuild TASK`): warmbuild's invoke tasks without a
tasks.py, e.g. `warmbuild init` in a repository that has none yet.

A build task with nothing to do is answered by `quick` before invoke, the options
model or rich are imported; anything else (and any doubt) runs the task as always."""

from __future__ import annotations

import sys


def main() -> None:
    from . import quick

    code = quick.answer(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    quick.start_recording(sys.argv[1:])

    from invoke.program import Program

    from .tasks import namespace

    class WarmbuildProgram(Program):
        def print_version(self) -> None:
            # Asked here, not at start-up: reading the installed distributions costs
            # every task ~25 ms.
            from importlib.metadata import version

            print(f"{self.name} {version('warmbuild')}")

    WarmbuildProgram(namespace=namespace, name="warmbuild", binary="warmbuild").run()


if __name__ == "__main__":
    main()
