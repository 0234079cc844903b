"""`warmbuild TASK` (or `python -m warmbuild TASK`): warmbuild's invoke tasks without a
tasks.py, e.g. `warmbuild init` in a repository that has none yet."""

from __future__ import annotations

from invoke.program import Program

from .tasks import namespace


class WarmbuildProgram(Program):
    def print_version(self) -> None:
        # Asked here, not at start-up: reading the installed distributions costs every
        # task ~25 ms.
        from importlib.metadata import version

        print(f"{self.name} {version('warmbuild')}")


program = WarmbuildProgram(namespace=namespace, name="warmbuild", binary="warmbuild")


def main() -> None:
    program.run()


if __name__ == "__main__":
    main()
