#!/usr/bin/env bash
# Provision a Debian-based runner (or laptop) for warmbuild: Docker Engine >= 26 with
# buildx and compose, dockerd on the containerd image store, a local OCI registry on
# 127.0.0.1:5000 that doubles as the Docker Hub mirror, and stand-in base images
# (python 3.13 and 3.11, slim and full; node 20; postgres 15 and redis 7) built from
# Debian packages for sites that cannot reach Docker Hub, python 3.13-slim for arm64
# as well (a multi-platform image), and QEMU registered so arm64 steps can run.
#
# Idempotent: every phase checks first and skips what is already in place, so a
# second run takes seconds. Safe on a machine that already runs its own dockerd:
# we only start daemons that are not answering.
#
# Usage: sudo ci/provision-engine.sh            # everything
#        WARMBUILD_SKIP_STANDINS=1 ci/provision-engine.sh   # engine + registry only
#
# Exit codes: 0 ready; 1 a phase failed (the message names it and its log file).
set -euo pipefail

REGISTRY_ADDR="${WARMBUILD_REGISTRY_ADDR:-127.0.0.1:5000}"
STATE_DIR="${WARMBUILD_STATE_DIR:-/var/lib/warmbuild}"
LOG_DIR="${WARMBUILD_LOG_DIR:-/var/log/warmbuild}"
DAEMON_JSON=/etc/docker/daemon.json
HOST_CA_BUNDLE="${WARMBUILD_HOST_CA_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

mkdir -p "$STATE_DIR" "$LOG_DIR"

phase_started=0
phase() { phase_name="$1"; phase_started=$(date +%s.%N); printf '==> %s\n' "$phase_name"; }
phase_done() {
  local now; now=$(date +%s.%N)
  awk -v name="$phase_name" -v a="$phase_started" -v b="$now" 'BEGIN {printf "    %s: %.1f s\n", name, b - a}'
}
fail() { printf 'provision-engine: %s\n' "$*" >&2; exit 1; }

# The Debian mirror this machine already uses. Read at run time so that no
# registry host is ever written into the repository.
debian_mirror_uri() {
  local uri=""
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources)
  fi
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri=$(awk '$1 == "deb" && $2 !~ /security/ {print $2; exit}' /etc/apt/sources.list)
  fi
  [ -n "$uri" ] || fail "cannot find the Debian mirror in /etc/apt/sources.list.d/debian.sources or /etc/apt/sources.list"
  printf '%s\n' "$uri"
}

engine_version_ok() {
  command -v dockerd >/dev/null 2>&1 || return 1
  local major
  major=$(dockerd --version | sed -E 's/^Docker version ([0-9]+)\..*/\1/')
  [ "${major:-0}" -ge 26 ] && docker buildx version >/dev/null 2>&1 && docker compose version >/dev/null 2>&1
}

# --- 1. packages ------------------------------------------------------------------
install_packages() {
  phase "packages"
  local wanted=(docker-registry mmdebstrap curl qemu-user-static arch-test)
  local missing=()
  for pkg in "${wanted[@]}"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  if engine_version_ok && [ ${#missing[@]} -eq 0 ]; then
    echo "    engine, buildx, compose, registry and mmdebstrap already installed"
    phase_done; return
  fi
  export DEBIAN_FRONTEND=noninteractive
  local codename
  # shellcheck disable=SC1091  # the machine's own release file, read at run time
  codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
  local engine_pkgs=(docker.io docker-cli docker-buildx docker-compose)
  if [ "$codename" = "bookworm" ]; then
    # Bookworm ships Docker 20.10 without buildx; trixie's packages install cleanly on
    # bookworm. Pin trixie low so nothing else (libc above all) is upgraded from it,
    # and ask for the four engine packages by release explicitly.
    local mirror; mirror=$(debian_mirror_uri)
    cat >/etc/apt/sources.list.d/warmbuild-trixie.sources <<EOF
# Added by warmbuild ci/provision-engine.sh: Docker Engine 26 + buildx + compose.
Types: deb
URIs: $mirror
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    cat >/etc/apt/preferences.d/warmbuild-trixie <<EOF
# Only packages asked for as pkg/trixie come from trixie.
Package: *
Pin: release n=trixie
Pin-Priority: 100
EOF
    engine_pkgs=(docker.io/trixie docker-cli/trixie docker-buildx/trixie docker-compose/trixie)
  fi
  apt-get update -qq >"$LOG_DIR/apt-update.log" 2>&1 || fail "apt-get update failed, see $LOG_DIR/apt-update.log"
  # Never `-t trixie`: it would upgrade libc6 on a fresh bookworm machine.
  apt-get install -y -qq --no-install-recommends "${engine_pkgs[@]}" "${wanted[@]}" \
    >"$LOG_DIR/apt-install.log" 2>&1 || fail "apt-get install failed, see $LOG_DIR/apt-install.log"
  engine_version_ok || fail "Docker Engine >= 26 with buildx and compose is still missing after install"
  phase_done
}

# --- 2. daemon configuration --------------------------------------------------------
configure_daemon() {
  phase "daemon config"
  mkdir -p /etc/docker
  # Merge our two keys into whatever the file already holds: the containerd image
  # store lets the default docker driver export registry cache; the mirror makes
  # `FROM python:3.13-slim` resolve to our registry when Docker Hub is out of reach.
  python3 - "$DAEMON_JSON" "http://$REGISTRY_ADDR" <<'EOF' >"$STATE_DIR/daemon-json.changed"
import json, pathlib, sys
path, mirror = pathlib.Path(sys.argv[1]), sys.argv[2]
config = json.loads(path.read_text()) if path.exists() and path.read_text().strip() else {}
before = json.dumps(config, sort_keys=True)
config.setdefault("features", {})["containerd-snapshotter"] = True
mirrors = config.setdefault("registry-mirrors", [])
if mirror not in mirrors:
    mirrors.append(mirror)
after = json.dumps(config, sort_keys=True)
if after != before:
    path.write_text(json.dumps(config, indent=2) + "\n")
print("changed" if after != before else "unchanged")
EOF
  echo "    $DAEMON_JSON $(cat "$STATE_DIR/daemon-json.changed")"
  phase_done
}

# --- 3. registry ------------------------------------------------------------------------
registry_answers() { curl -fsS -o /dev/null "http://$REGISTRY_ADDR/v2/" 2>/dev/null; }

start_registry() {
  phase "registry"
  if registry_answers; then
    echo "    registry already answers on $REGISTRY_ADDR"; phase_done; return
  fi
  mkdir -p "$STATE_DIR/registry"
  cat >"$STATE_DIR/registry.yml" <<EOF
# warmbuild's local OCI registry: image store, Docker Hub mirror and build cache.
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $STATE_DIR/registry
  delete:
    enabled: true
http:
  addr: $REGISTRY_ADDR
EOF
  nohup docker-registry serve "$STATE_DIR/registry.yml" >>"$LOG_DIR/registry.log" 2>&1 &
  for _ in $(seq 1 50); do registry_answers && break; sleep 0.2; done
  registry_answers || fail "the registry did not start, see $LOG_DIR/registry.log"
  phase_done
}

# --- 4. dockerd -------------------------------------------------------------------------
daemon_answers() { docker info >/dev/null 2>&1; }

start_daemon() {
  phase "dockerd"
  if daemon_answers; then
    if [ "$(cat "$STATE_DIR/daemon-json.changed")" = "changed" ]; then
      echo "    WARNING: dockerd already runs; restart it to apply $DAEMON_JSON" >&2
    fi
    echo "    dockerd already answers"; phase_done; return
  fi
  # No systemd on CI containers: run dockerd as a plain background process.
  nohup dockerd >>"$LOG_DIR/dockerd.log" 2>&1 &
  for _ in $(seq 1 120); do daemon_answers && break; sleep 0.5; done
  daemon_answers || fail "dockerd did not start within 60 s, see $LOG_DIR/dockerd.log"
  phase_done
}

# --- 5. the arm64 emulator -----------------------------------------------------------------
# Debian's qemu-user-static, registered with binfmt_misc (no systemd here to do it) with
# the fix-binary flag, so containers and BuildKit steps of arm64 images run: Debian's own
# line, its interpreter pointed at the static binary. Registered once per boot.
register_emulator() {
  phase "arm64 emulator"
  local binfmt=/proc/sys/fs/binfmt_misc
  if [ "$(uname -m)" = aarch64 ]; then echo "    this machine is arm64: nothing to emulate"; phase_done; return; fi
  mountpoint -q "$binfmt" || mount -t binfmt_misc binfmt_misc "$binfmt" \
    || fail "cannot mount binfmt_misc at $binfmt (a container needs --privileged)"
  if [ -e "$binfmt/qemu-aarch64" ]; then
    echo "    qemu-aarch64 already registered"; phase_done; return
  fi
  [ -x /usr/bin/qemu-aarch64-static ] || fail "qemu-user-static is not installed"
  sed -E 's#:[^:]*:[A-Z]*$#:/usr/bin/qemu-aarch64-static:F#' /usr/lib/binfmt.d/qemu-aarch64.conf \
    >"$binfmt/register" || fail "could not register qemu-aarch64 with binfmt_misc"
  echo "    qemu-aarch64 registered (fix-binary)"
  phase_done
}

# --- 6. stand-in base images -------------------------------------------------------------
manifest_exists() {
  local repo="$1" tag="$2"
  curl -fsS -o /dev/null \
    -H 'Accept: application/vnd.oci.image.index.v1+json' \
    -H 'Accept: application/vnd.oci.image.manifest.v1+json' \
    -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    -H 'Accept: application/vnd.docker.distribution.manifest.list.v2+json' \
    "http://$REGISTRY_ADDR/v2/$repo/manifests/$tag" 2>/dev/null
}

# build_standin SUITE REPO TAG "PACKAGES" "ENV..." -- one image from a Debian suite's
# packages (trixie gives Python 3.13, bookworm 3.11).
build_standin() {
  local suite="$1" repo="$2" tag="$3" packages="$4"; shift 4
  if manifest_exists "$repo" "$tag"; then
    echo "    $repo:$tag already in the registry"; return
  fi
  standin_image "$suite" amd64 "$repo" "$tag" "$packages" "$@"
}

# standin_image SUITE ARCH REPO TAG "PACKAGES" "ENV..." -- mmdebstrap, import, push.
standin_image() {
  local suite="$1" arch="$2" repo="$3" tag="$4" packages="$5"; shift 5
  local tarball="$STATE_DIR/standin-${repo//\//-}-$tag.tar"
  echo "    building $repo:$tag ($arch) from Debian packages ($packages)"
  local foreign=()
  if [ "$arch" != amd64 ]; then
    # Every maintainer script runs under the emulator: byte-compiling Python's whole
    # standard library (py3compile) is skipped, which halves the build (Python
    # compiles what it imports, as it does without .pyc files).
    foreign=(--architectures="$arch" --essential-hook="$HERE/standin-customize.sh --no-py3compile \"\$1\"")
  fi
  mmdebstrap --variant=minbase --components=main --include="$packages" "${foreign[@]}" \
    --customize-hook="$HERE/standin-customize.sh \"\$1\" $HOST_CA_BUNDLE" \
    "$suite" "$tarball" "$(debian_mirror_uri)" >"$LOG_DIR/mmdebstrap-$tag.log" 2>&1 \
    || fail "mmdebstrap for $repo:$tag failed, see $LOG_DIR/mmdebstrap-$tag.log"
  local changes=()
  for change in "$@"; do changes+=(--change "$change"); done
  docker import --platform "linux/$arch" "${changes[@]}" "$tarball" "$REGISTRY_ADDR/$repo:$tag" >/dev/null
  docker push -q "$REGISTRY_ADDR/$repo:$tag" >/dev/null
  rm -f "$tarball"
}

# has_platform REPO TAG ARCH -- the registry's REPO:TAG is an index with an ARCH image.
has_platform() {
  docker buildx imagetools inspect --raw "$REGISTRY_ADDR/$1:$2" 2>/dev/null \
    | python3 -c 'import json, sys; sys.exit(not any(m.get("platform", {}).get("architecture") == sys.argv[1] for m in json.load(sys.stdin).get("manifests", [])))' "$3"
}

# add_arm64 SUITE REPO TAG "PACKAGES" "ENV..." -- the amd64 stand-in REPO:TAG made a
# multi-platform image with an arm64 image built the same way (under the emulator).
add_arm64() {
  local suite="$1" repo="$2" tag="$3"; shift 3
  if has_platform "$repo" "$tag" arm64; then
    echo "    $repo:$tag already has linux/arm64"; return
  fi
  standin_image "$suite" arm64 "$repo" "$tag-linux-arm64" "$@"
  docker buildx imagetools create -t "$REGISTRY_ADDR/$repo:$tag" \
    "$REGISTRY_ADDR/$repo:$tag" "$REGISTRY_ADDR/$repo:$tag-linux-arm64" >"$LOG_DIR/imagetools-$tag.log" 2>&1 \
    || fail "could not make $repo:$tag multi-platform, see $LOG_DIR/imagetools-$tag.log"
  echo "    $repo:$tag: linux/amd64 and linux/arm64"
}

# alias_standin REPO TAG OTHER... -- the stand-in under the tags compose files name
# (postgres:13, redis:alpine): its manifest put under each tag, registry-side.
alias_standin() {
  local repo="$1" tag="$2"; shift 2
  local body headers type
  body=$(mktemp)
  headers=$(curl -fsS -D - -o "$body" \
    -H 'Accept: application/vnd.oci.image.manifest.v1+json' \
    -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    "http://$REGISTRY_ADDR/v2/$repo/manifests/$tag") || fail "no $repo:$tag to name otherwise"
  type=$(printf '%s\n' "$headers" | tr -d '\r' | awk -F': ' 'tolower($1) == "content-type" {print $2}')
  for other in "$@"; do
    curl -fsS -X PUT -H "Content-Type: $type" --data-binary @"$body" \
      "http://$REGISTRY_ADDR/v2/$repo/manifests/$other" >/dev/null || fail "could not tag $repo:$other"
  done
  rm -f "$body"
  echo "    $repo:$tag also as: $*"
}

seed_standins() {
  phase "stand-in base images"
  if [ "${WARMBUILD_SKIP_STANDINS:-0}" = 1 ]; then echo "    skipped"; phase_done; return; fi
  local ca=/etc/ssl/certs/ca-certificates.crt
  # Like the official images: C.UTF-8, python3 as CMD. The CA variables make the
  # stand-ins trust this site's TLS proxy, as the official images trust the public CAs.
  local common_env=("ENV LANG=C.UTF-8" "ENV PIP_CERT=$ca" "ENV REQUESTS_CA_BUNDLE=$ca" "ENV SSL_CERT_FILE=$ca")
  local slim_pkgs="python3,python3-venv,ca-certificates,netbase"
  local full_pkgs="$slim_pkgs,python3-dev,build-essential,git,curl,pkg-config,libffi-dev,libssl-dev"
  # Independent, and mostly waiting on downloads and dpkg: built at once. The full
  # images (compilers, headers, git) are what wheel-build stages compile sdists in.
  local jobs=()
  # Python 3.13-slim for arm64 too (multi-platform): the longest (every maintainer
  # script emulated), so it starts first and runs beside the rest.
  (build_standin trixie library/python 3.13-slim "$slim_pkgs" "${common_env[@]}" 'CMD ["python3"]' \
    && add_arm64 trixie library/python 3.13-slim "$slim_pkgs" "${common_env[@]}" 'CMD ["python3"]') & jobs+=($!)
  build_standin trixie library/python 3.13 "$full_pkgs" "${common_env[@]}" 'CMD ["python3"]' & jobs+=($!)
  # Python 3.11 for locks that need it (numpy 1.26 has no 3.13 wheels): bookworm's.
  build_standin bookworm library/python 3.11-slim "$slim_pkgs" "${common_env[@]}" 'CMD ["python3"]' & jobs+=($!)
  build_standin bookworm library/python 3.11 "$full_pkgs" "${common_env[@]}" 'CMD ["python3"]' & jobs+=($!)
  build_standin trixie library/node 20-slim "nodejs,npm,ca-certificates" \
    "${common_env[@]}" "ENV NODE_EXTRA_CA_CERTS=$ca" 'CMD ["node"]' & jobs+=($!)
  # The databases and caches tests run services beside, named and started as the
  # official images are (postgres: POSTGRES_USER/PASSWORD/DB on first start).
  local pg=15  # bookworm's PostgreSQL
  build_standin bookworm library/postgres "$pg" "postgresql-$pg" "ENV LANG=C.UTF-8" \
    "ENV PATH=/usr/lib/postgresql/$pg/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    "ENV PGDATA=/var/lib/postgresql/data" 'VOLUME /var/lib/postgresql/data' 'EXPOSE 5432' \
    'STOPSIGNAL SIGINT' 'ENTRYPOINT ["docker-entrypoint.sh"]' 'CMD ["postgres"]' & jobs+=($!)
  # Without a config file the official image turns protected mode off: so do we.
  build_standin bookworm library/redis 7 "redis-server" 'EXPOSE 6379' \
    'CMD ["redis-server", "--protected-mode", "no"]' & jobs+=($!)
  local failed=0
  for job in "${jobs[@]}"; do wait "$job" || failed=1; done
  [ "$failed" = 0 ] || fail "a stand-in image failed to build (logs in $LOG_DIR)"
  # The tags the real compose files of tests/data/services name. One Debian-built
  # server stands in for each (its version is bookworm's whatever the tag says: the
  # tests start on fresh volumes and use what every version has).
  alias_standin library/postgres "$pg" 13 17.5
  alias_standin library/redis 7 alpine 8.2-alpine
  phase_done
}

install_packages
configure_daemon
start_registry
start_daemon
register_emulator
seed_standins
echo "provision-engine: ready (registry $REGISTRY_ADDR, $(docker version -f '{{.Server.Version}}' 2>/dev/null) engine)"
