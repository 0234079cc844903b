# The example frontend: the backend's treatment, for Node.
#
#   dev   node_modules installed from the lock at /opt/frontend; the code is mounted
#         at /opt/frontend/app (compose), Vite serves it with live reload and
#         proxies /api to the backend; runs as the host's UID/GID
#   prod  the built static files and a dependency-free Node server (server.mjs) that
#         proxies /api; non-root; HEALTHCHECK
#
# The npm cache is a cache mount and the lock files are bind mounts: a code change
# never reinstalls node_modules, and the lock never lands in a layer.

ARG NODE_IMAGE=node:20-slim

# ---------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS deps
# Modules sit one folder above the app: Node and Vite find them by walking up, so
# the mounted code (which has no node_modules) does not hide them.
WORKDIR /opt/frontend
RUN --mount=type=bind,source=package.json,target=package.json \
    --mount=type=bind,source=package-lock.json,target=package-lock.json \
    --mount=type=bind,source=.npmrc,target=.npmrc \
    --mount=type=cache,id=warmbuild-npm,target=/root/.npm,sharing=locked \
    npm ci --no-audit --no-fund
ENV PATH=/opt/frontend/node_modules/.bin:$PATH

# ---------------------------------------------------------------------------------
FROM deps AS dev
ARG DEV_UID=1000
ARG DEV_GID=1000
# The host's UID/GID, so files written into the mounted tree stay the developer's.
# Node images may already have a user with that UID (node, 1000): then reuse it.
RUN if [ "$DEV_UID" != 0 ] && ! getent passwd "$DEV_UID" >/dev/null; then \
      (getent group "$DEV_GID" >/dev/null || groupadd --gid "$DEV_GID" dev) \
      && useradd --uid "$DEV_UID" --gid "$DEV_GID" --no-log-init --create-home dev; \
    fi
WORKDIR /opt/frontend/app
# node_modules is root's and read-only: Vite keeps its cache in /tmp.
ENV VITE_CACHE_DIR=/tmp/vite-cache
ENV BACKEND_URL=http://backend:8000
ENV PORT=5173
EXPOSE 5173
USER ${DEV_UID}:${DEV_GID}
# The runner config loader reads vite.config.js in place instead of writing a
# bundled copy next to it, so a read-only or other-owned mount works too.
CMD ["vite", "--host", "0.0.0.0", "--configLoader", "runner"]

# ---------------------------------------------------------------------------------
FROM deps AS build
WORKDIR /opt/frontend/app
COPY . .
RUN vite build

# ---------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS prod
RUN groupadd --gid 10001 web && useradd --uid 10001 --gid web --no-log-init --no-create-home web
WORKDIR /srv
COPY --from=build /opt/frontend/app/dist ./dist
COPY server.mjs ./
ENV BACKEND_URL=http://backend:8000
ENV PORT=8080
EXPOSE 8080
USER 10001:10001
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.mjs"]
