#!/bin/sh
# mmdebstrap --customize-hook for warmbuild's stand-in base images.
# $1: the image's root directory; $2: a CA bundle to trust inside the image.
# As mmdebstrap's --essential-hook of a foreign-architecture image: --no-py3compile ROOT
# (Debian's Python packages byte-compile the standard library at install: under an
# emulator, minutes; the diversion is undone at the end).
# Makes Debian's packages look like the official python/node images where builds
# notice: `python` on PATH, pip usable as root, this site's CA trusted.
set -eu
if [ "$1" = --no-py3compile ]; then
  chroot "$2" dpkg-divert --quiet --local --rename --divert /usr/bin/py3compile.real --add /usr/bin/py3compile
  printf '#!/bin/sh\nexit 0\n' >"$2/usr/bin/py3compile"
  chmod 0755 "$2/usr/bin/py3compile"
  exit 0
fi
root="$1"; ca_bundle="$2"
if [ -e "$root/usr/bin/py3compile.real" ]; then
  rm -f "$root/usr/bin/py3compile"
  chroot "$root" dpkg-divert --quiet --local --rename --remove /usr/bin/py3compile
fi

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
