#!/bin/sh
# mmdebstrap --customize-hook for warmbuild's stand-in base images.
# $1: the image's root directory; $2: a CA bundle to trust inside the image.
# Makes Debian's packages look like the official python/node images where builds
# notice: `python` on PATH, pip usable as root, this site's CA trusted.
set -eu
root="$1"; ca_bundle="$2"

# Trust this site's CAs durably: a file under /usr/local/share/ca-certificates is
# merged back whenever a later layer reruns update-ca-certificates.
if [ -f "$ca_bundle" ]; then
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp "$ca_bundle" "$root/usr/local/share/ca-certificates/site-ca-bundle.crt"
  chroot "$root" update-ca-certificates >/dev/null 2>&1 || true
fi

# Only the python stand-ins: the node image carries python3 for node-gyp, not pip.
if ls "$root"/usr/share/python-wheels/pip-*.whl >/dev/null 2>&1; then
  # The official images install into the system Python as root; Debian forbids it.
  rm -f "$root"/usr/lib/python3*/EXTERNALLY-MANAGED
  ln -sf python3 "$root/usr/bin/python"
  # Debian disables ensurepip; install pip from Debian's own wheel, as the official
  # images ship it (pip alone in `pip list`).
  # shellcheck disable=SC2016  # the chroot's shell expands it, not this one
  chroot "$root" sh -c 'whl=$(ls /usr/share/python-wheels/pip-*.whl | head -n 1) && python3 "$whl/pip" install -q --no-index --disable-pip-version-check "$whl"'
  rm -rf "$root/root/.cache"
fi

# Only the PostgreSQL stand-in: the official image's entrypoint (POSTGRES_* create
# the cluster on first start), and none of the cluster Debian's postinst made.
if [ -d "$root/usr/lib/postgresql" ]; then
  install -m 0755 "$(dirname "$0")/standin-entrypoints/postgres.sh" "$root/usr/local/bin/docker-entrypoint.sh"
  rm -rf "$root"/etc/postgresql/* "$root"/var/lib/postgresql/*
fi
