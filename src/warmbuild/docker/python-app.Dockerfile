# warmbuild's Dockerfile for Python web apps: one file, three targets.
#
#   deps  the heavy packages (numpy, scipy, opencv, ...), each large one in a layer
#         of its own, + runtime OS packages; built rarely, pushed as
#         <registry>/<name>/deps:<hash of what goes into it>
#   dev   deps + light and dev dependencies; no code (compose mounts it); non-root
#         user with the host's UID/GID; uvicorn --reload
#   prod  deps + light dependencies + the code, last; non-root; no compilers, no
#         package managers, no wheels; HEALTHCHECK
#
# Build contexts (warmbuild passes them; `invoke plan` prints the commands):
#   .            the application directory (only prod copies from it)
#   locks        what this build installs, written by warmbuild from the lock:
#                heavy-N.txt, main.txt, dev.txt (pinned; hashes where the lock has
#                them), *.built (packages built from source here), build.txt (what
#                to build), paths.txt; for the poetry installer pyproject.toml +
#                poetry.lock + poetry-groups.txt
#   warmbuild    this folder (for install-python-deps.sh)
#   pathdeps     the app's path dependencies (local packages), one folder each
#   deps         dev/prod builds replace the deps stage with the pushed deps image
#                (--build-context deps=docker-image://...), so it is never rebuilt
#                there
#
# Build args warmbuild sets: PYTHON_IMAGE and PYTHON_BUILD_IMAGE (pinned by digest),
# WHEELS (wheel-build when the lock holds packages to build from source),
# PROD_INSTALLS and DEV_INSTALLS (prod's and dev's last install steps, with or without
# the index), the tool versions below, APT_PACKAGES, BUILD_APT_PACKAGES, DEV_UID,
# DEV_GID, SOURCE_DATE_EPOCH;
# for an image of another platform than the builder's, INSTALL_FOR (the wheels' platform,
# e.g. aarch64-manylinux_2_40) and INSTALL_BASE.
#
# Platforms: one build makes one platform's image (--platform). The packages are
# unpacked on the builder's CPU (build-platform-base) whatever the target, so only
# what needs the target's CPU runs under an emulator: the wheel-build stage, apt-get,
# the checks and what the app's build_commands run.
#
# How the app runs (command, environment, writable folders, build commands, health
# check) ends the dev and prod stages, between "runtime" markers: warmbuild renders
# those lines from warmbuild.yaml (README, How the images run); the ones below are
# the default configuration's (uvicorn serving app.main:app on port 8000).
#
# No `# syntax=` line: the engine's built-in Dockerfile frontend supports every
# feature used here, and a frontend image cannot be pulled on air-gapped runners.
#
# Generated from python-app.Dockerfile.in by ci/render_dockerfile.py: edit that.

ARG PYTHON_IMAGE=python:3.13-slim
# The full image of the same Python (compilers, headers): only the throwaway
# wheel-build stage uses it, so nothing of it reaches deps, dev or prod.
ARG PYTHON_BUILD_IMAGE=python:3.13
# Which stage provides the wheels built here: `no-wheels` (empty: the wheel-build
# stage is never even resolved) or `built-wheels`.
ARG WHEELS=no-wheels
# prod's and dev's last install steps: `*-with-index` (Poetry's installs and path
# dependencies reach the index) or `*-without-index` (only the checks: nothing to
# download).
ARG PROD_INSTALLS=prod-with-index
ARG DEV_INSTALLS=dev-with-index
# The installer tools' versions, declared once for every stage (each stage that
# installs repeats `ARG NAME` without a value to see them).
ARG INSTALLER=uv
ARG UV_VERSION=0.13.8
ARG POETRY_VERSION=2.5.1
# Where the venv's packages are unpacked (heavy slots and the light set): on the
# builder's own CPU (`build-platform-base`), choosing the target platform's wheels
# (INSTALL_FOR), so an arm64 image's packages install without an emulator; or on
# the target platform (`runtime-base`) for the Poetry installer, which cannot install
# another platform's packages. For a build of the builder's own platform both are
# the same image.
ARG INSTALL_BASE=build-platform-base

# ---------------------------------------------------------------------------------
FROM ${PYTHON_IMAGE} AS runtime-base
# The app's packages live in a venv, apart from the base image's own Python packages.
ENV VIRTUAL_ENV=/opt/venv
ENV PATH=/opt/venv/bin:$PATH
# Logs reach `docker logs` at once instead of sitting in a buffer.
ENV PYTHONUNBUFFERED=1
# A venv without pip: nothing in it can install packages at run time.
RUN python -m venv --without-pip "$VIRTUAL_ENV"

# The same Python on the builder's CPU, with the same venv: the packages installed
# here are the target platform's, and the venv moves onto runtime-base as files.
FROM --platform=$BUILDPLATFORM ${PYTHON_IMAGE} AS build-platform-base
ENV VIRTUAL_ENV=/opt/venv
ENV PATH=/opt/venv/bin:$PATH
ENV PYTHONUNBUFFERED=1
RUN python -m venv --without-pip "$VIRTUAL_ENV"

# DL3006 (tag the image) does not apply: INSTALL_BASE names one of the two stages above.
# hadolint ignore=DL3006
FROM ${INSTALL_BASE} AS installer

# ---------------------------------------------------------------------------------
# Packages the lock has no wheel for (sdist-only, git): built into wheels here, with
# the full image's compilers, and only the wheels leave this stage.
FROM ${PYTHON_BUILD_IMAGE} AS wheel-build
ARG BUILD_APT_PACKAGES=""
# Headers and tools some sdists need to compile (e.g. libpq-dev for psycopg2), from
# `build_apt_packages`; DL3008 (pin versions) is the configuration's call
# (`build_apt_packages: [libpq-dev=17.6-0+deb13u1]` pins).
# hadolint ignore=DL3008
RUN --mount=type=cache,id=warmbuild-apt-cache,target=/var/cache/apt,sharing=locked \
    --mount=type=cache,id=warmbuild-apt-lists,target=/var/lib/apt/lists,sharing=locked \
    if [ -n "$BUILD_APT_PACKAGES" ]; then \
      rm -f /etc/apt/apt.conf.d/docker-clean \
      && apt-get update \
      && apt-get install -y --no-install-recommends $BUILD_APT_PACKAGES; \
    fi
ARG INSTALLER
ARG UV_VERSION
ARG POETRY_VERSION
# Part of the built wheels' cache key: a new build image compiles everything again.
ARG PYTHON_BUILD_IMAGE
# The apt caches: a compile that fails for a missing header or tool looks up the
# Debian package that has it in Debian's file index (apt-file), downloaded once per
# builder. The runtime image, read-only: the libraries the built wheels link that it
# lacks are listed, as Debian packages, in runtime-packages.txt beside the wheels.
RUN --mount=type=bind,from=warmbuild,source=install-python-deps.sh,target=/usr/local/bin/install-python-deps \
    --mount=type=cache,id=warmbuild-pip,target=/root/.cache/pip \
    --mount=type=cache,id=warmbuild-built,target=/root/.cache/warmbuild-built \
    --mount=type=secret,id=ca,target=/run/secrets/ca \
    --mount=type=secret,id=index_url,target=/run/secrets/index_url \
    --mount=type=secret,id=netrc,target=/root/.netrc \
    --mount=type=cache,id=warmbuild-apt-cache,target=/var/cache/apt,sharing=locked \
    --mount=type=cache,id=warmbuild-apt-lists,target=/var/lib/apt/lists,sharing=locked \
    --mount=type=bind,from=runtime-base,target=/run/warmbuild/runtime \
    --mount=type=bind,from=locks,source=build,target=/run/warmbuild/locks \
    install-python-deps build-wheels

FROM scratch AS built-wheels
COPY --from=wheel-build /wheels /

FROM scratch AS no-wheels

# DL3006 (tag the image) does not apply: WHEELS names one of the two stages above.
# hadolint ignore=DL3006
FROM ${WHEELS} AS wheels

# ---------------------------------------------------------------------------------
FROM runtime-base AS os-packages
ARG APT_PACKAGES=""
# Runtime OS packages: `apt_packages` (e.g. tesseract-ocr), and the Debian packages of
# the libraries that the wheels compiled for this image link (libpq5 for psycopg2
# built from source), as the wheel-build stage listed them. The apt caches are cache
# mounts, locked because apt cannot share them between concurrent builds. Versions
# are the configuration's call: `apt_packages: [tesseract-ocr=5.5.0-1]` pins; the deps
# tag already changes whenever the list or the compiled wheels do.
RUN --mount=type=bind,from=warmbuild,source=install-python-deps.sh,target=/usr/local/bin/install-python-deps \
    --mount=type=bind,from=wheels,target=/run/warmbuild/wheels \
    --mount=type=cache,id=warmbuild-apt-cache,target=/var/cache/apt,sharing=locked \
    --mount=type=cache,id=warmbuild-apt-lists,target=/var/lib/apt/lists,sharing=locked \
    install-python-deps os-packages

# ---------------------------------------------------------------------------------
# The heavy packages, in slots: warmbuild puts the packages several heavy ones share
# in heavy-1 and each large heavy package (with what only it needs) in a slot of its
# own, from the lock. Each slot is its own stage, so they install side by side, and
# its own layer in deps, so a new version of one moves that layer alone.
FROM installer AS heavy-1
ARG INSTALLER
ARG UV_VERSION
ARG POETRY_VERSION
ARG INSTALL_FOR=""
RUN --mount=type=bind,from=warmbuild,source=install-python-deps.sh,target=/usr/local/bin/install-python-deps \
    --mount=type=bind,from=wheels,target=/run/warmbuild/wheels \
    --mount=type=cache,id=warmbuild-tools,target=/root/.cache/warmbuild-tools \
    --mount=type=cache,id=warmbuild-uv,target=/root/.cache/uv \
    --mount=type=cache,id=warmbuild-wheelhouse,target=/root/.cache/warmbuild-wheelhouse \
    --mount=type=cache,id=warmbuild-poetry,target=/root/.cache/pypoetry,sharing=locked \
    --mount=type=secret,id=ca,target=/run/secrets/ca \
    --mount=type=secret,id=index_url,target=/run/secrets/index_url \
    --mount=type=secret,id=netrc,target=/root/.netrc \
    --mount=type=bind,from=locks,source=heavy-1,target=/run/warmbuild/locks \
    install-python-deps heavy-1

FROM installer AS heavy-2
ARG INSTALLER
ARG UV_VERSION
ARG POETRY_VERSION
ARG INSTALL_FOR=""
RUN --mount=type=bind,from=warmbuild,source=install-python-deps.sh,target=/usr/local/bin/install-python-deps \
    --mount=type=bind,from=wheels,target=/run/warmbuild/wheels \
    --mount=type=cache,id=warmbuild-tools,target=/root/.cache/warmbuild-tools \
    --mount=type=cache,id=warmbuild-uv,target=/root/.cache/uv \
    --mount=type=cache,id=warmbuild-wheelhouse,target=/root/.cache/warmbuild-wheelhouse \
    --mount=type=cache,id=warmbuild-poetry,target=/root/.cache/pypoetry,sharing=locked \
    --mount=type=secret,id=ca,target=/run/secrets/ca \
    --mount=type=secret,id=index_url,target=/run/secrets/index_url \
    --mount=type=secret,id=netrc,target=/root/.netrc \
    --mount=type=bind,from=locks,source=heavy-2,target=/run/warmbuild/locks \
    install-python-deps heavy-2

FROM installer AS heavy-3
ARG INSTALLER
ARG UV_VERSION
ARG POETRY_VERSION
ARG INSTALL_FOR=""
RUN --mount=type=bind,from=warmbuild,source=install-python-deps.sh,target=/usr/local/bin/install-python-deps \
    --mount=type=bind,from=wheels,target=/run/warmbuild/wheels \
    --mount=type=cache,id=warmbuild-tools,target=/root/.cache/warmbuild-tools \
    --mount=type=cache,id=warmbuild-uv,target=/root/.cache/uv \
    --mount=type=cache,id=warmbuild-wheelhouse,target=/root/.cache/warmbuild-wheelhouse \
    --mount=type=cache,id=warmbuild-poetry,target=/root/.cache/pypoetry,sharing=locked \
    --mount=type=secret,id=ca,target=/run/secrets/ca \
    --mount=type=secret,id=index_url,target=/run/secrets/index_url \
    --mount=type=secret,id=netrc,target=/root/.netrc \
    --mount=type=bind,from=locks,source=heavy-3,target=/run/warmbuild/locks \
    install-python-deps heavy-3

FROM installer AS heavy-4
ARG INSTALLER
ARG UV_VERSION
ARG POETRY_VERSION
ARG INSTALL_FOR=""
RUN --mount=type=bind,from=warmbuild,source=install-python-deps.sh,target=/usr/local/bin/install-python-deps \
    --mount=type=bind,from=wheels,target=/run/warmbuild/wheels \
    --mount=type=cache,id=warmbuild-tools,target=/root/.cache/warmbuild-tools \
    --mount=type=cache,id=warmbuild-uv,target=/root/.cache/uv \
    --mount=type=cache,id=warmbuild-wheelhouse,target=/root/.cache/warmbuild-wheelhouse \
    --mount=type=cache,id=warmbuild-poetry,target=/root/.cache/pypoetry,sharing=locked \
    --mount=type=secret,id=ca,target=/run/secrets/ca \
    --mount=type=secret,id=index_url,target=/run/secrets/index_url \
    --mount=type=secret,id=netrc,target=/root/.netrc \
    --mount=type=bind,from=locks,source=heavy-4,target=/run/warmbuild/locks \
    install-python-deps heavy-4

FROM installer AS heavy-5
ARG INSTALLER
ARG UV_VERSION
ARG POETRY_VERSION
ARG INSTALL_FOR=""
RUN --mount=type=bind,from=warmbuild,source=install-python-deps.sh,target=/usr/local/bin/install-python-deps \
    --mount=type=bind,from=wheels,target=/run/warmbuild/wheels \
    --mount=type=cache,id=warmbuild-tools,target=/root/.cache/warmbuild-tools \
    --mount=type=cache,id=warmbuild-uv,target=/root/.cache/uv \
    --mount=type=cache,id=warmbuild-wheelhouse,target=/root/.cache/warmbuild-wheelhouse \
    --mount=type=cache,id=warmbuild-poetry,target=/root/.cache/pypoetry,sharing=locked \
    --mount=type=secret,id=ca,target=/run/secrets/ca \
    --mount=type=secret,id=index_url,target=/run/secrets/index_url \
    --mount=type=secret,id=netrc,target=/root/.netrc \
    --mount=type=bind,from=locks,source=heavy-5,target=/run/warmbuild/locks \
    install-python-deps heavy-5

FROM installer AS heavy-6
ARG INSTALLER
ARG UV_VERSION
ARG POETRY_VERSION
ARG INSTALL_FOR=""
RUN --mount=type=bind,from=warmbuild,source=install-python-deps.sh,target=/usr/local/bin/install-python-deps \
    --mount=type=bind,from=wheels,target=/run/warmbuild/wheels \
    --mount=type=cache,id=warmbuild-tools,target=/root/.cache/warmbuild-tools \
    --mount=type=cache,id=warmbuild-uv,target=/root/.cache/uv \
    --mount=type=cache,id=warmbuild-wheelhouse,target=/root/.cache/warmbuild-wheelhouse \
    --mount=type=cache,id=warmbuild-poetry,target=/root/.cache/pypoetry,sharing=locked \
    --mount=type=secret,id=ca,target=/run/secrets/ca \
    --mount=type=secret,id=index_url,target=/run/secrets/index_url \
    --mount=type=secret,id=netrc,target=/root/.netrc \
    --mount=type=bind,from=locks,source=heavy-6,target=/run/warmbuild/locks \
    install-python-deps heavy-6

# ---------------------------------------------------------------------------------
FROM os-packages AS deps
COPY --link --from=heavy-1 /opt/venv /opt/venv
COPY --link --from=heavy-2 /opt/venv /opt/venv
COPY --link --from=heavy-3 /opt/venv /opt/venv
COPY --link --from=heavy-4 /opt/venv /opt/venv
COPY --link --from=heavy-5 /opt/venv /opt/venv
COPY --link --from=heavy-6 /opt/venv /opt/venv

# ---------------------------------------------------------------------------------
# The light dependencies (main's set less the heavy ones), on the builder's CPU like
# the slots; prod links them onto the deps image. The Poetry installer installs the
# whole selection in prod instead (poetry-main), where it sees what deps holds.
FROM installer AS light
ARG INSTALLER
ARG UV_VERSION
ARG POETRY_VERSION
ARG INSTALL_FOR=""
RUN --mount=type=bind,from=warmbuild,source=install-python-deps.sh,target=/usr/local/bin/install-python-deps \
    --mount=type=bind,from=wheels,target=/run/warmbuild/wheels \
    --mount=type=cache,id=warmbuild-tools,target=/root/.cache/warmbuild-tools \
    --mount=type=cache,id=warmbuild-uv,target=/root/.cache/uv \
    --mount=type=cache,id=warmbuild-wheelhouse,target=/root/.cache/warmbuild-wheelhouse \
    --mount=type=cache,id=warmbuild-poetry,target=/root/.cache/pypoetry,sharing=locked \
    --mount=type=secret,id=ca,target=/run/secrets/ca \
    --mount=type=secret,id=index_url,target=/run/secrets/index_url \
    --mount=type=secret,id=netrc,target=/root/.netrc \
    --mount=type=bind,from=locks,source=light,target=/run/warmbuild/locks \
    install-python-deps light

# ---------------------------------------------------------------------------------
# dev's light and dev dependencies (its set less what deps holds), in a stage of their
# own like prod's light set: dev links them onto the deps image, so a heavy package's
# new version re-links them instead of installing them again. The Poetry installer
# installs dev's whole selection on top of deps instead (poetry-dev).
FROM installer AS dev-light
ARG INSTALLER
ARG UV_VERSION
ARG POETRY_VERSION
ARG INSTALL_FOR=""
RUN --mount=type=bind,from=warmbuild,source=install-python-deps.sh,target=/usr/local/bin/install-python-deps \
    --mount=type=bind,from=wheels,target=/run/warmbuild/wheels \
    --mount=type=cache,id=warmbuild-tools,target=/root/.cache/warmbuild-tools \
    --mount=type=cache,id=warmbuild-uv,target=/root/.cache/uv \
    --mount=type=cache,id=warmbuild-wheelhouse,target=/root/.cache/warmbuild-wheelhouse \
    --mount=type=cache,id=warmbuild-poetry,target=/root/.cache/pypoetry,sharing=locked \
    --mount=type=secret,id=ca,target=/run/secrets/ca \
    --mount=type=secret,id=index_url,target=/run/secrets/index_url \
    --mount=type=secret,id=netrc,target=/root/.netrc \
    --mount=type=bind,from=locks,source=dev-light,target=/run/warmbuild/locks \
    install-python-deps dev-light

# ---------------------------------------------------------------------------------
FROM deps AS dev-base
ARG INSTALLER
ARG UV_VERSION
ARG POETRY_VERSION
# The runtime OS packages of the wheels compiled for this target (the deps image has
# its own): no-op, without even an `apt-get update`, when there are none.
RUN --mount=type=bind,from=warmbuild,source=install-python-deps.sh,target=/usr/local/bin/install-python-deps \
    --mount=type=bind,from=wheels,target=/run/warmbuild/wheels \
    --mount=type=cache,id=warmbuild-apt-cache,target=/var/cache/apt,sharing=locked \
    --mount=type=cache,id=warmbuild-apt-lists,target=/var/lib/apt/lists,sharing=locked \
    install-python-deps os-packages
# The project itself (`install_project`): its metadata, entry points and console
# scripts, its code imported from /app as an editable install does; written from
# pyproject.toml, so only a change of it re-runs this (before the dependencies: their
# changes do not). No-op when off.
RUN --mount=type=bind,from=warmbuild,source=install-python-deps.sh,target=/usr/local/bin/install-python-deps \
    --mount=type=bind,from=locks,source=project,target=/run/warmbuild/project \
    install-python-deps project
# Light and dev dependencies, installed in the dev-light stage above and linked in.
COPY --link --from=dev-light /opt/venv /opt/venv

# The last step of dev's installs, in one of two shapes (DEV_INSTALLS, below), as
# prod's. With the index: Poetry's poetry-dev installs dev's selection on top of deps,
# and path dependencies are installed editable from /opt/pathdeps, where the dev stack
# mounts them: an edit there needs no rebuild, like the app's code. Then, in both
# shapes: `check` proves every installed package has what it requires here (the installs
# take the lock's set as it is, --no-deps, and a lock made on another platform may
# not), and `libraries` that every library the extension modules link is in the image.
FROM dev-base AS dev-with-index
ARG INSTALLER
ARG UV_VERSION
ARG POETRY_VERSION
RUN --mount=type=bind,from=warmbuild,source=install-python-deps.sh,target=/usr/local/bin/install-python-deps \
    --mount=type=bind,from=wheels,target=/run/warmbuild/wheels \
    --mount=type=cache,id=warmbuild-tools,target=/root/.cache/warmbuild-tools \
    --mount=type=cache,id=warmbuild-uv,target=/root/.cache/uv \
    --mount=type=cache,id=warmbuild-wheelhouse,target=/root/.cache/warmbuild-wheelhouse \
    --mount=type=cache,id=warmbuild-poetry,target=/root/.cache/pypoetry,sharing=locked \
    --mount=type=secret,id=ca,target=/run/secrets/ca \
    --mount=type=secret,id=index_url,target=/run/secrets/index_url \
    --mount=type=secret,id=netrc,target=/root/.netrc \
    --mount=type=bind,from=locks,source=dev,target=/run/warmbuild/locks \
    --mount=type=bind,from=locks,source=paths,target=/run/warmbuild/paths \
    --mount=type=bind,from=pathdeps,target=/opt/pathdeps,rw \
    install-python-deps poetry-dev && install-python-deps paths-editable && install-python-deps check \
    && install-python-deps libraries

# Nothing left to download (uv or pip, no path dependencies): the checks alone, without
# the index's secret mounts (BuildKit makes a step after deps wait for those).
FROM dev-base AS dev-without-index
RUN --mount=type=bind,from=warmbuild,source=install-python-deps.sh,target=/usr/local/bin/install-python-deps \
    --mount=type=bind,from=wheels,target=/run/warmbuild/wheels \
    --mount=type=bind,from=locks,source=dev,target=/run/warmbuild/locks \
    install-python-deps check && install-python-deps libraries

# DL3006 (tag the image) does not apply: DEV_INSTALLS names one of the two stages above.
# hadolint ignore=DL3006
FROM ${DEV_INSTALLS} AS dev
# The host user's UID/GID, so files the app writes into the mounted tree stay the
# developer's. After the installs, so a different UID never reinstalls anything.
ARG DEV_UID=1000
ARG DEV_GID=1000
RUN if [ "$DEV_UID" != 0 ]; then \
      (getent group "$DEV_GID" >/dev/null || groupadd --gid "$DEV_GID" dev) \
      && useradd --uid "$DEV_UID" --gid "$DEV_GID" --no-log-init --create-home dev; \
    fi
WORKDIR /app
# --- runtime of dev: warmbuild renders the lines down to the end marker from warmbuild.yaml
ENV PORT="8000"
ENV WARMBUILD_HEALTHCHECK="python -c 'import http.client, os; c = http.client.HTTPConnection('\"'\"'127.0.0.1'\"'\"', int(os.environ['\"'\"'PORT'\"'\"']), timeout=4); c.request('\"'\"'GET'\"'\"', \"/health\"); raise SystemExit(c.getresponse().status >= 400)'"
EXPOSE 8000
USER ${DEV_UID}:${DEV_GID}
CMD ["sh", "-c", "exec uvicorn --host 0.0.0.0 --port \"$PORT\" --reload app.main:app"]
# --- end of runtime

# ---------------------------------------------------------------------------------
FROM deps AS prod-base
# The app user, with a fixed UID, first: it never changes, so it is always cached.
RUN groupadd --gid 10001 app && useradd --uid 10001 --gid app --no-log-init --no-create-home app
WORKDIR /app
ARG INSTALLER
ARG UV_VERSION
ARG POETRY_VERSION
# The runtime OS packages of the wheels compiled for this target (the deps image has
# its own): no-op, without even an `apt-get update`, when there are none.
RUN --mount=type=bind,from=warmbuild,source=install-python-deps.sh,target=/usr/local/bin/install-python-deps \
    --mount=type=bind,from=wheels,target=/run/warmbuild/wheels \
    --mount=type=cache,id=warmbuild-apt-cache,target=/var/cache/apt,sharing=locked \
    --mount=type=cache,id=warmbuild-apt-lists,target=/var/lib/apt/lists,sharing=locked \
    install-python-deps os-packages
# The project itself (`install_project`): its metadata, entry points and console
# scripts, its code imported from /app as an editable install does; written from
# pyproject.toml, so only a change of it re-runs this (before the dependencies: their
# changes do not). No-op when off.
RUN --mount=type=bind,from=warmbuild,source=install-python-deps.sh,target=/usr/local/bin/install-python-deps \
    --mount=type=bind,from=locks,source=project,target=/run/warmbuild/project \
    install-python-deps project
# Light dependencies, installed in the light stage above (it does not build on deps)
# and linked in: a new version of a heavy package moves deps and re-links this layer,
# without installing anything.
COPY --link --from=light /opt/venv /opt/venv

# The last step of prod's installs, in one of two shapes (PROD_INSTALLS, below).
# With the index: Poetry's poetry-main installs the selection on top of deps, and path
# dependencies (local packages; they change with the code, not with the lock, and a
# change of the app's code does not re-run this) are built, mounted writable (the
# writes are thrown away) because build backends write into the source tree.
# Then, in both shapes: `check` proves every installed package has what it requires
# here (the installs take the lock's set as it is, and a lock made on another platform
# may lack what this one needs); main's export names the lock to fix. `libraries`:
# every library the extension modules link (through what their wheels bundle) is in
# the image, so a binary wheel lacking one (opencv-python's libGL.so.1) fails the
# build, not the import. And no package manager is left for run time: pip goes, with
# the wheels Python keeps to bootstrap it.
FROM prod-base AS prod-with-index
ARG INSTALLER
ARG UV_VERSION
ARG POETRY_VERSION
RUN --mount=type=bind,from=warmbuild,source=install-python-deps.sh,target=/usr/local/bin/install-python-deps \
    --mount=type=bind,from=wheels,target=/run/warmbuild/wheels \
    --mount=type=cache,id=warmbuild-tools,target=/root/.cache/warmbuild-tools \
    --mount=type=cache,id=warmbuild-uv,target=/root/.cache/uv \
    --mount=type=cache,id=warmbuild-wheelhouse,target=/root/.cache/warmbuild-wheelhouse \
    --mount=type=cache,id=warmbuild-poetry,target=/root/.cache/pypoetry,sharing=locked \
    --mount=type=secret,id=ca,target=/run/secrets/ca \
    --mount=type=secret,id=index_url,target=/run/secrets/index_url \
    --mount=type=secret,id=netrc,target=/root/.netrc \
    --mount=type=bind,from=locks,source=main,target=/run/warmbuild/locks \
    --mount=type=bind,from=locks,source=paths,target=/run/warmbuild/paths \
    --mount=type=bind,from=pathdeps,target=/opt/pathdeps,rw \
    install-python-deps poetry-main && install-python-deps paths && install-python-deps check \
    && install-python-deps libraries && install-python-deps remove-package-managers

# Nothing left to download (uv or pip, no path dependencies): the same checks without
# the index's secret mounts, which BuildKit makes a step after deps wait for (about a
# second here, measured; every change of a light dependency paid it).
FROM prod-base AS prod-without-index
RUN --mount=type=bind,from=warmbuild,source=install-python-deps.sh,target=/usr/local/bin/install-python-deps \
    --mount=type=bind,from=wheels,target=/run/warmbuild/wheels \
    --mount=type=bind,from=locks,source=main,target=/run/warmbuild/locks \
    install-python-deps check && install-python-deps libraries && install-python-deps remove-package-managers

# DL3006 (tag the image) does not apply: PROD_INSTALLS names one of the two stages above.
# hadolint ignore=DL3006
FROM ${PROD_INSTALLS} AS prod
# Code is read-only for the app user and no .pyc is written at run time: the image
# runs with a read-only root filesystem.
ENV PYTHONDONTWRITEBYTECODE=1
# The code, last: a code change re-runs only this step and the compile below.
COPY . /app
RUN python -m compileall -q /app
# --- runtime of prod: warmbuild renders the lines down to the end marker from warmbuild.yaml
ENV PORT="8000"
EXPOSE 8000
USER 10001:10001
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import http.client, os; c = http.client.HTTPConnection('127.0.0.1', int(os.environ['PORT']), timeout=4); c.request('GET', \"/health\"); raise SystemExit(c.getresponse().status >= 400)"]
CMD ["sh", "-c", "exec uvicorn --host 0.0.0.0 --port \"$PORT\" app.main:app"]
# --- end of runtime
