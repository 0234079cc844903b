"""Render src/warmbuild/docker/python-app.Dockerfile from its template (maintainers).

The template defines once what the Dockerfile needs many times: the mounts of every
install step and the heavy-package slots. The rendered file is what ships, what
users read and what hadolint checks; a unit test fails when it is stale.

    python ci/render_dockerfile.py          # rewrite the Dockerfile
"""

from __future__ import annotations

import sys
from pathlib import Path

DOCKER = Path(__file__).resolve().parent.parent / "src" / "warmbuild" / "docker"
TEMPLATE = Path(__file__).resolve().parent / "python-app.Dockerfile.in"
OUTPUT = DOCKER / "python-app.Dockerfile"
# Layers of the deps image for heavy packages: packages several heavy ones share,
# four large ones alone, the rest together (warmbuild fills them from the lock).
HEAVY_SLOTS = 6

# Every install step's mounts (each adds its own folder of the lock exports, so its
# cache key holds what it installs and nothing else): the script, the wheels built here,
# the tools' and downloads' caches (uv's is safe to share; the others take care of
# concurrent use themselves or are locked), and the secrets, each for this step only.
INSTALL_MOUNTS = """\
--mount=type=bind,from=warmbuild,source=install-python-deps.sh,target=/usr/local/bin/install-python-deps \\
    --mount=type=bind,from=wheels,target=/run/warmbuild/wheels \\
    --mount=type=cache,id=warmbuild-tools,target=/root/.cache/warmbuild-tools \\
    --mount=type=cache,id=warmbuild-uv,target=/root/.cache/uv \\
    --mount=type=cache,id=warmbuild-wheelhouse,target=/root/.cache/warmbuild-wheelhouse \\
    --mount=type=cache,id=warmbuild-poetry,target=/root/.cache/pypoetry,sharing=locked \\
    --mount=type=secret,id=ca,target=/run/secrets/ca \\
    --mount=type=secret,id=index_url,target=/run/secrets/index_url \\
    --mount=type=secret,id=netrc,target=/root/.netrc \\"""

# The wheel-build stage's: no wheels mount (it makes them), pip's cache and the
# built wheels' cache instead.
BUILD_MOUNTS = """\
--mount=type=bind,from=warmbuild,source=install-python-deps.sh,target=/usr/local/bin/install-python-deps \\
    --mount=type=cache,id=warmbuild-pip,target=/root/.cache/pip \\
    --mount=type=cache,id=warmbuild-built,target=/root/.cache/warmbuild-built \\
    --mount=type=secret,id=ca,target=/run/secrets/ca \\
    --mount=type=secret,id=index_url,target=/run/secrets/index_url \\
    --mount=type=secret,id=netrc,target=/root/.netrc \\"""

# dev's and prod's first steps on deps: the runtime OS packages of the wheels compiled
# for the target and the project itself.
TARGET_STEPS = """\
# The runtime OS packages of the wheels compiled for this target (the deps image has
# its own): no-op, without even an `apt-get update`, when there are none.
RUN --mount=type=bind,from=warmbuild,source=install-python-deps.sh,target=/usr/local/bin/install-python-deps \\
    --mount=type=bind,from=wheels,target=/run/warmbuild/wheels \\
    --mount=type=cache,id=warmbuild-apt-cache,target=/var/cache/apt,sharing=locked \\
    --mount=type=cache,id=warmbuild-apt-lists,target=/var/lib/apt/lists,sharing=locked \\
    install-python-deps os-packages
# The project itself (`install_project`): its metadata, entry points and console
# scripts, its code imported from /app as an editable install does; written from
# pyproject.toml, so only a change of it re-runs this (before the dependencies: their
# changes do not). No-op when off.
RUN --mount=type=bind,from=warmbuild,source=install-python-deps.sh,target=/usr/local/bin/install-python-deps \\
    --mount=type=bind,from=locks,source=project,target=/run/warmbuild/project \\
    install-python-deps project"""

SLOT = """\
FROM installer AS heavy-{n}
ARG INSTALLER
ARG UV_VERSION
ARG POETRY_VERSION
ARG INSTALL_FOR=""
RUN {{INSTALL_MOUNTS}}
    --mount=type=bind,from=locks,source=heavy-{n},target=/run/warmbuild/locks \\
    install-python-deps heavy-{n}
"""


def render(template: str) -> str:
    # The runtime blocks of the default configuration (plans render each app's own).
    from warmbuild import runtime
    from warmbuild.options import Config
    from warmbuild.targets import Target

    for target in (Target.DEV, Target.PROD):
        template = template.replace(f"{{{{RUNTIME_{target.name}}}}}", runtime.render(Config(), target))
    slots = "\n".join(SLOT.replace("{n}", str(n)) for n in range(1, HEAVY_SLOTS + 1))
    copies = "\n".join(f"COPY --link --from=heavy-{n} /opt/venv /opt/venv" for n in range(1, HEAVY_SLOTS + 1))
    text = template.replace("{{HEAVY_SLOTS}}", slots).replace("{{COPY_SLOTS}}", copies)
    text = text.replace("{{TARGET_STEPS}}", TARGET_STEPS)
    text = text.replace("{{GENERATED}}", f"Generated from {TEMPLATE.name} by ci/render_dockerfile.py: edit that.")
    return text.replace("{{INSTALL_MOUNTS}}", INSTALL_MOUNTS).replace("{{BUILD_MOUNTS}}", BUILD_MOUNTS)


if __name__ == "__main__":
    OUTPUT.write_text(render(TEMPLATE.read_text()))
    print(f"wrote {OUTPUT}", file=sys.stderr)
