# warmbuild's Dockerfile for Python web apps: one file, three targets.
#
#   deps  heavy packages (numpy, scipy, opencv, ...) + runtime OS packages; built
#         rarely, pushed as <registry>/<name>/deps:<hash of what goes into it>
#   dev   deps + light and dev dependencies; no code (compose mounts it); non-root
#         user with the host's UID/GID; uvicorn --reload
#   prod  deps + light dependencies + the code, last; non-root; no compilers, no
#         package managers, no wheels; HEALTHCHECK
#
# Build contexts (warmbuild passes them; `invoke plan` prints the commands):
#   .            the application directory (only prod copies from it)
#   locks        what this target installs, written by warmbuild from the lock:
#                heavy.txt, main.txt or dev.txt (pinned, with hashes), or for the
#                poetry installer pyproject.toml + poetry.lock + poetry-groups.txt
#   warmbuild    this folder (for install-python-deps.sh)
#   deps         dev/prod builds replace the deps stage with the pushed deps image
#                (--build-context deps=docker-image://...), so it is never rebuilt
#                there
#
# No `# syntax=` line: the engine's built-in Dockerfile frontend supports every
# feature used here, and a frontend image cannot be pulled on air-gapped runners.

ARG PYTHON_IMAGE=python:3.13-slim
# The installer tools' versions, declared once for every stage (each stage that
# installs repeats `ARG NAME` without a value to see them).
ARG INSTALLER=uv
ARG UV_VERSION=0.13.8
ARG POETRY_VERSION=2.5.1

# ---------------------------------------------------------------------------------
FROM ${PYTHON_IMAGE} AS runtime-base
# The app's packages live in a venv, apart from the base image's own Python packages.
ENV VIRTUAL_ENV=/opt/venv
ENV PATH=/opt/venv/bin:$PATH
# Logs reach `docker logs` at once instead of sitting in a buffer.
ENV PYTHONUNBUFFERED=1

# ---------------------------------------------------------------------------------
FROM runtime-base AS deps
ARG APT_PACKAGES=""
# Runtime OS packages (e.g. tesseract-ocr). The apt caches are cache mounts, locked
# because apt cannot share them between concurrent builds. DL3008 (pin versions) is
# the configuration's call: `apt_packages: [tesseract-ocr=5.5.0-1]` pins; the deps
# tag already changes whenever the list does.
# hadolint ignore=DL3008
RUN --mount=type=cache,id=warmbuild-apt-cache,target=/var/cache/apt,sharing=locked \
    --mount=type=cache,id=warmbuild-apt-lists,target=/var/lib/apt/lists,sharing=locked \
    if [ -n "$APT_PACKAGES" ]; then \
      # Keep downloaded .debs in the cache mount (official images delete them).
      rm -f /etc/apt/apt.conf.d/docker-clean \
      && echo 'Binary::apt::APT::Keep-Downloaded-Packages "true";' > /etc/apt/apt.conf.d/keep-cache \
      && apt-get update \
      && apt-get install -y --no-install-recommends $APT_PACKAGES; \
    fi
# A venv without pip: nothing in it can install packages at run time.
RUN python -m venv --without-pip "$VIRTUAL_ENV"
ARG INSTALLER
ARG UV_VERSION
ARG POETRY_VERSION
# The heavy packages, from the lock, hashes checked. Installer tools and downloads
# live in cache mounts; lock files and credentials are mounts too: none of them
# lands in a layer.
RUN --mount=type=bind,from=warmbuild,source=install-python-deps.sh,target=/usr/local/bin/install-python-deps \
    --mount=type=bind,from=locks,target=/run/warmbuild/locks \
    --mount=type=cache,id=warmbuild-tools,target=/root/.cache/warmbuild-tools,sharing=locked \
    --mount=type=cache,id=warmbuild-uv,target=/root/.cache/uv \
    --mount=type=cache,id=warmbuild-wheelhouse,target=/root/.cache/warmbuild-wheelhouse,sharing=locked \
    --mount=type=cache,id=warmbuild-poetry,target=/root/.cache/pypoetry,sharing=locked \
    --mount=type=secret,id=ca,target=/run/secrets/ca \
    --mount=type=secret,id=index_url,target=/run/secrets/index_url \
    --mount=type=secret,id=netrc,target=/root/.netrc \
    install-python-deps heavy

# ---------------------------------------------------------------------------------
FROM deps AS dev
ARG INSTALLER
ARG UV_VERSION
ARG POETRY_VERSION
# Light and dev dependencies on top of the deps image; only this step re-runs when
# they change.
RUN --mount=type=bind,from=warmbuild,source=install-python-deps.sh,target=/usr/local/bin/install-python-deps \
    --mount=type=bind,from=locks,target=/run/warmbuild/locks \
    --mount=type=cache,id=warmbuild-tools,target=/root/.cache/warmbuild-tools,sharing=locked \
    --mount=type=cache,id=warmbuild-uv,target=/root/.cache/uv \
    --mount=type=cache,id=warmbuild-wheelhouse,target=/root/.cache/warmbuild-wheelhouse,sharing=locked \
    --mount=type=cache,id=warmbuild-poetry,target=/root/.cache/pypoetry,sharing=locked \
    --mount=type=secret,id=ca,target=/run/secrets/ca \
    --mount=type=secret,id=index_url,target=/run/secrets/index_url \
    --mount=type=secret,id=netrc,target=/root/.netrc \
    install-python-deps dev
# The host user's UID/GID, so files the app writes into the mounted tree stay the
# developer's. After the install, so a different UID never reinstalls anything.
ARG DEV_UID=1000
ARG DEV_GID=1000
RUN if [ "$DEV_UID" != 0 ]; then \
      (getent group "$DEV_GID" >/dev/null || groupadd --gid "$DEV_GID" dev) \
      && useradd --uid "$DEV_UID" --gid "$DEV_GID" --no-log-init --create-home dev; \
    fi
WORKDIR /app
ARG APP=app.main:app
ARG PORT=8000
# uvicorn reads its settings from UVICORN_* variables, so CMD stays exec-form.
ENV UVICORN_APP=${APP}
ENV UVICORN_HOST=0.0.0.0
ENV UVICORN_PORT=${PORT}
EXPOSE ${PORT}
USER ${DEV_UID}:${DEV_GID}
CMD ["uvicorn", "--reload"]

# ---------------------------------------------------------------------------------
FROM deps AS prod
# The app user, with a fixed UID, first: it never changes, so it is always cached.
RUN groupadd --gid 10001 app && useradd --uid 10001 --gid app --no-log-init --no-create-home app
WORKDIR /app
ARG INSTALLER
ARG UV_VERSION
ARG POETRY_VERSION
# Light dependencies on top of the deps image. Then no package manager is left for
# run time: pip goes, with the wheels Python keeps to bootstrap it.
RUN --mount=type=bind,from=warmbuild,source=install-python-deps.sh,target=/usr/local/bin/install-python-deps \
    --mount=type=bind,from=locks,target=/run/warmbuild/locks \
    --mount=type=cache,id=warmbuild-tools,target=/root/.cache/warmbuild-tools,sharing=locked \
    --mount=type=cache,id=warmbuild-uv,target=/root/.cache/uv \
    --mount=type=cache,id=warmbuild-wheelhouse,target=/root/.cache/warmbuild-wheelhouse,sharing=locked \
    --mount=type=cache,id=warmbuild-poetry,target=/root/.cache/pypoetry,sharing=locked \
    --mount=type=secret,id=ca,target=/run/secrets/ca \
    --mount=type=secret,id=index_url,target=/run/secrets/index_url \
    --mount=type=secret,id=netrc,target=/root/.netrc \
    install-python-deps main && install-python-deps remove-package-managers
# Code is read-only for the app user and no .pyc is written at run time: the image
# runs with a read-only root filesystem.
ENV PYTHONDONTWRITEBYTECODE=1
# The code, last: a code change re-runs only this step and the compile below.
COPY . /app
RUN python -m compileall -q /app
ARG APP=app.main:app
ARG PORT=8000
ARG HEALTH_PATH=/health
ENV UVICORN_APP=${APP}
ENV UVICORN_HOST=0.0.0.0
ENV UVICORN_PORT=${PORT}
ENV HEALTH_PATH=${HEALTH_PATH}
EXPOSE ${PORT}
USER 10001:10001
# No curl in slim images: ask with the Python that runs the app.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen(f\"http://127.0.0.1:{os.environ['UVICORN_PORT']}{os.environ['HEALTH_PATH']}\", timeout=2)"]
CMD ["uvicorn"]
