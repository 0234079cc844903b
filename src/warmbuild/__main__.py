"""`warmbuild TASK` (or `python -m warmbuild TASK`): warmbuild's invoke tasks without a
tasks.py, e.g. `warmbuild init` in a repository that has none yet."""

from __future__ import annotations

from importlib.metadata import version

from invoke.program import Program

from .tasks import namespace

program = Program(namespace=namespace, name="warmbuild", binary="warmbuild", version=version("warmbuild"))


def main() -> None:
    program.run()


if __name__ == "__main__":
    main()
