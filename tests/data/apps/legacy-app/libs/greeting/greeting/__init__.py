"""The monorepo's shared code (a path dependency of the service)."""


def hello() -> str:
    return "hello from a path dependency"
