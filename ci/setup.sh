#!/usr/bin/env bash
# One command from a fresh clone to a working warmbuild: provision the engine
# (Docker Engine, buildx, compose, registry, stand-in base images), then install the
# tool and its test dependencies into .venv at the pinned versions.
#
# Usage: ci/setup.sh            (root, or a user with sudo)
# Exit codes: 0 ready; 1 provisioning or installation failed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

started=$(date +%s)
if [ "$(id -u)" -eq 0 ]; then
  bash ci/provision-engine.sh
else
  sudo --preserve-env=WARMBUILD_SKIP_STANDINS bash ci/provision-engine.sh
fi

echo "==> test tools (Debian's)"
# The dev-loop test drives Debian's Chromium (browser downloads are blocked here); the
# unit suite runs Debian's shellcheck on the shell scripts. Installed when missing.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v shellcheck >/dev/null 2>&1 || missing+=(shellcheck)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then as_root=(); else as_root=(sudo); fi
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "    $(chromium --version 2>/dev/null || echo 'chromium missing')"
shellcheck_version=$(shellcheck --version 2>/dev/null | sed -n 's/^version: //p' || true)
echo "    shellcheck ${shellcheck_version:-missing}"

echo "==> python tool (.venv)"
venv_started=$(date +%s)
[ -x .venv/bin/python ] || python3 -m venv .venv
# Pinned versions (ci/constraints.txt) so every machine runs what CI ran.
# (Machines with pip find-links to absent folders warn once per package: noise.)
.venv/bin/python -m pip install -q --disable-pip-version-check -c ci/constraints.txt -e '.[test,bench]' \
  2> >(grep -v 'is ignored: it is neither a file nor a directory' >&2)
echo "    python tool: $(( $(date +%s) - venv_started )) s"
echo "setup: ready in $(( $(date +%s) - started )) s"
