#!/usr/bin/env bash
# Extra Docker Engines on this machine, each standing in for a separate CI runner
# ("machine"), for warmbuild's engine tests: runners that share build cache only through
# the registry, concurrent cache warms, a disk that fills up, a remote (TCP) engine.
#
# Why every engine gets its own network namespace: two dockerd in one namespace both
# manage the same docker0 bridge and the same iptables chains. A second engine
# re-addresses docker0, and when it stops it deletes the first engine's FORWARD rules,
# so the first engine's containers lose DNS and network (shared/ENVIRONMENT.md §6).
# Bridges and iptables are per network namespace, so an engine in a namespace of its
# own collides with nothing, and the default engine is never touched.
#
# What engine NAME with index INDEX (1..20) is made of:
#   - network namespace wb-NAME, joined to the host by a veth pair:
#     host end wbINDEX-host 10.203.INDEX.1/24, namespace end eth0 10.203.INDEX.2/24,
#     default route via the host end, NAT (MASQUERADE) on the host for the way out;
#   - the shared registry (also the Docker Hub mirror) under the SAME name
#     127.0.0.1:5000 inside the namespace, through a pair of socat forwarders, so image
#     and cache refs are identical on every "machine";
#   - state folder ${WARMBUILD_ENGINES_DIR:-/var/lib/warmbuild/engines}/NAME/:
#     daemon.json, data/ (data root), docker.sock, dockerd.pid, *.pid of the socats,
#     *.log, engine.env (what `up` made, so `down` undoes exactly that);
#   - exec root /run/wb-NAME: kept short because containerd's unix sockets live under
#     it and a socket path may not exceed 108 bytes.
#
# Usage:
#   ci/engines.sh up NAME INDEX [--data-size SIZE] [--tcp PORT] [--forward PORT]...
#       Start the engine (or find it running) and print exactly one line on stdout:
#         DOCKER_HOST=unix:///var/lib/warmbuild/engines/NAME/docker.sock
#       Progress goes to stderr, so `eval "$(bash ci/engines.sh up runner-a 1)"` works.
#       --data-size SIZE  data root on a tmpfs of that size (e.g. 600m): a small disk
#                         for the "no space left on device" test; unmounted on down.
#       --tcp PORT        also reachable as tcp://127.0.0.1:PORT from the host.
#       --forward PORT    the host's 127.0.0.1:PORT also as 127.0.0.1:PORT inside, as the
#                         registry's port is: a test's own registry or package index
#                         on the host's loopback, under the same address on that machine.
#   ci/engines.sh down NAME [--purge]
#       Stop it and remove all it made, in reverse order. Not up: nothing to do, exit 0.
#       --purge also removes the state folder (images, cache, logs); without it a later
#       `up NAME ...` finds its data again (unless it was on a tmpfs).
#   ci/engines.sh status
#       List the engines that are up (and any half-torn ones to run `down` on).
#
# Needs root, dockerd (ci/provision-engine.sh installs it), and installs socat,
# iproute2, iptables with apt-get when missing.
#
# Exit codes: 0 done; 1 failed (the reason on stderr; for a start that failed, the
# tail of the engine's log, and what had been made is torn down again); 2 usage error;
# 3 not run as root.
set -euo pipefail

ENGINES_DIR="${WARMBUILD_ENGINES_DIR:-/var/lib/warmbuild/engines}"
REGISTRY_PORT=5000          # the shared registry listens on the host's 127.0.0.1:5000
HOST_DAEMON_JSON=/etc/docker/daemon.json
ENGINE_TCP_PORT=2375        # where --tcp engines listen inside their namespace
START_TIMEOUT=60            # seconds for dockerd to answer
STOP_TIMEOUT=30             # seconds for dockerd to exit after SIGTERM

# Only the result goes to stdout (fd 3 from here on); everything else, including what
# apt-get or ip print, goes to stderr so a caller can eval or parse stdout safely.
exec 3>&1 1>&2

log() { printf 'engines: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
  cat >&2 <<'EOF'
usage: ci/engines.sh up NAME INDEX [--data-size SIZE] [--tcp PORT] [--forward PORT]...
       ci/engines.sh down NAME [--purge]
       ci/engines.sh status
NAME: lowercase letters, digits and '-', starting with a letter, at most 16 characters.
INDEX: 1..20, unique among running engines (picks 10.203.INDEX.0/24).
EOF
  exit 2
}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN {printf "%.1f", b - a}'; }

# iptables waits for the xtables lock: the default engine (or a second `up`) may hold it.
ipt() { iptables -w 10 "$@"; }

# --- prerequisites ----------------------------------------------------------------------

require_root() {
  if [ "$(id -u)" -ne 0 ]; then
    log "error: must run as root (network namespaces, iptables, mounts, dockerd)"
    exit 3
  fi
}

# A fresh machine may lack the tools: install them from Debian (what the machine's apt
# sources point at). util-linux (nsenter, setsid, flock, mountpoint) is essential in
# Debian and always there.
require_tools() {
  local missing=()
  command -v socat >/dev/null 2>&1 || missing+=(socat)
  command -v ip >/dev/null 2>&1 || missing+=(iproute2)
  command -v iptables >/dev/null 2>&1 || missing+=(iptables)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]} (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    local apt_log="$ENGINES_DIR/apt.log"
    # Without package lists (a fresh machine) the first install fails: update, retry.
    if ! apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$apt_log" 2>&1; then
      apt-get update -qq >>"$apt_log" 2>&1 || die "apt-get update failed, see $apt_log"
      apt-get install -y -qq --no-install-recommends "${missing[@]}" >>"$apt_log" 2>&1 \
        || die "apt-get install ${missing[*]} failed, see $apt_log"
    fi
  fi
  command -v nsenter >/dev/null 2>&1 || die "nsenter is missing (Debian package util-linux)"
  command -v dockerd >/dev/null 2>&1 || die "dockerd is missing: run ci/provision-engine.sh first"
}

# One `up`/`down` at a time on this machine: they share iptables chains, the index
# check and apt. fds 3 (our stdout) and 9 (this lock) are closed for every process we
# leave running, so neither a caller's $(...) nor the lock waits on them.
take_lock() {
  exec 9>"$ENGINES_DIR/.lock"
  flock -w 300 9 || die "another ci/engines.sh has held $ENGINES_DIR/.lock for 5 minutes"
}

# --- naming -----------------------------------------------------------------------------

set_name() {
  NAME="$1"
  [[ "$NAME" =~ ^[a-z][a-z0-9-]{0,15}$ ]] || { log "error: bad engine name '$NAME'"; usage; }
  STATE="$ENGINES_DIR/$NAME"
  NETNS="wb-$NAME"
  NETNS_PATH="/var/run/netns/$NETNS"
  EXEC_ROOT="/run/wb-$NAME"
  DATA_ROOT="$STATE/data"
  SOCK="$STATE/docker.sock"
  CONFIG="$STATE/daemon.json"
  ENV_FILE="$STATE/engine.env"
  DOCKER_HOST_URL="unix://$SOCK"
  # sun_path is 108 bytes with its NUL; leave room for what dockerd puts beside it.
  [ "${#SOCK}" -le 100 ] || die "socket path $SOCK is too long for a unix socket: shorten WARMBUILD_ENGINES_DIR"
}

set_index() {
  INDEX="$1"
  if ! [[ "$INDEX" =~ ^[0-9]+$ ]] || [ "$INDEX" -lt 1 ] || [ "$INDEX" -gt 20 ]; then
    log "error: INDEX must be 1..20, got '$INDEX'"
    usage
  fi
  SUBNET="10.203.$INDEX.0/24"
  HOST_IP="10.203.$INDEX.1"
  NS_IP="10.203.$INDEX.2"
  VETH_HOST="wb$INDEX-host"   # named by index: unique, and far below IFNAMSIZ (15)
}

# The host rules, as arrays so that `down` deletes exactly what `up` inserted. The
# comment names the engine, for whoever reads `iptables -S` later.
set_rules() {
  local tag=(-m comment --comment "warmbuild engine $NAME")
  NAT_RULE=(POSTROUTING -s "$SUBNET" ! -d "$SUBNET" "${tag[@]}" -j MASQUERADE)
  FWD_OUT_RULE=("$FWD_CHAIN" -s "$SUBNET" "${tag[@]}" -j ACCEPT)
  # shellcheck disable=SC2054  # RELATED,ESTABLISHED is one argument
  FWD_BACK_RULE=("$FWD_CHAIN" -d "$SUBNET" -m conntrack --ctstate RELATED,ESTABLISHED "${tag[@]}" -j ACCEPT)
}

# --- processes --------------------------------------------------------------------------

# is_running PID TEXT: PID is alive and its command line holds TEXT (an engine-specific
# path or address). Guards against killing an unrelated process that reused a pid.
is_running() {
  local pid="$1" text="$2"
  [[ "$pid" =~ ^[0-9]+$ ]] && [ -r "/proc/$pid/cmdline" ] || return 1
  { tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null | grep -qF -- "$text"
}

# stop_pid PID TEXT TIMEOUT: SIGTERM, wait up to TIMEOUT seconds, then SIGKILL.
stop_pid() {
  local pid="$1" text="$2" timeout="$3" ticks=0
  is_running "$pid" "$text" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  while is_running "$pid" "$text"; do
    if [ "$ticks" -ge $((timeout * 10)) ]; then
      log "pid $pid ($text) still running after ${timeout} s: SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.2
      break
    fi
    sleep 0.1
    ticks=$((ticks + 1))
  done
}

# launch LOGFILE PIDFILE COMMAND...: start COMMAND detached in its own session (so a
# Ctrl-C or a process-group kill aimed at the caller does not take the engine down)
# with stdin, stdout and stderr off the caller's. setsid and nsenter --net both exec
# in place (no fork), so $! is the pid of COMMAND's final program.
launch() {
  local logfile="$1" pidfile="$2"
  shift 2
  setsid "$@" </dev/null >>"$logfile" 2>&1 3>&- 9>&- &
  local pid=$!
  [ -z "$pidfile" ] || echo "$pid" >"$pidfile"
  LAUNCHED_PID=$pid
}

# start_socat NAME LISTEN CONNECT [nsenter...]: a forwarder, checked to be listening.
start_socat() {
  local label="$1" listen="$2" connect="$3"
  shift 3
  launch "$STATE/socat-$label.log" "$STATE/socat-$label.pid" "$@" socat "$listen" "$connect"
  sleep 0.2
  is_running "$LAUNCHED_PID" "$listen" || die "socat $label ($listen) exited, see $STATE/socat-$label.log"
}

# forward_loopback PORT LABEL: the host's 127.0.0.1:PORT as 127.0.0.1:PORT inside the
# namespace: the host forwarder listens on the host end of the veth (the only host
# address the namespace reaches), the inner one on the namespace's own loopback.
forward_loopback() {
  local port="$1" label="$2"
  start_socat "$label-host" "TCP-LISTEN:$port,bind=$HOST_IP,fork,reuseaddr" "TCP:127.0.0.1:$port"
  start_socat "$label-ns" "TCP-LISTEN:$port,bind=127.0.0.1,fork,reuseaddr" "TCP:$HOST_IP:$port" \
    nsenter --net="$NETNS_PATH"
}

valid_port() { [[ "$1" =~ ^[0-9]+$ ]] && [ "$1" -ge 1 ] && [ "$1" -le 65535 ]; }

in_ns() { nsenter --net="$NETNS_PATH" "$@"; }

engine_answers() { docker -H "$DOCKER_HOST_URL" info >/dev/null 2>&1; }

# A plain HTTP GET of /v2/ on the namespace's own 127.0.0.1:5000 (bash /dev/tcp, so
# no curl is needed): proves both forwarders and the registry behind them.
registry_answers_in_ns() {
  in_ns timeout 5 bash -c '
    exec 5<>/dev/tcp/127.0.0.1/'"$REGISTRY_PORT"' || exit 1
    printf "GET /v2/ HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n" >&5
    head -c 12 <&5' 2>/dev/null | grep -q '^HTTP/1\.[01] 200'
}

# --- up ---------------------------------------------------------------------------------

write_daemon_json() {
  # Same image store and Docker Hub mirror as the default engine (read at run time
  # from its daemon.json), plus this engine's own paths. The paths live here and not
  # on the command line: dockerd refuses a setting given both ways.
  local tcp_host=""
  [ -z "$TCP_PORT" ] || tcp_host="tcp://$NS_IP:$ENGINE_TCP_PORT"
  python3 - "$HOST_DAEMON_JSON" "$CONFIG" "$DATA_ROOT" "$EXEC_ROOT" "$STATE/dockerd.pid" \
    "$DOCKER_HOST_URL" "$tcp_host" <<'EOF'
import json, pathlib, sys
host_json, out, data_root, exec_root, pidfile, unix_host, tcp_host = sys.argv[1:]
path = pathlib.Path(host_json)
host = json.loads(path.read_text() or "{}") if path.exists() else {}
config = {"features": dict(host.get("features", {}))}
config["features"].setdefault("containerd-snapshotter", True)
for key in ("registry-mirrors", "insecure-registries"):
    if key in host:
        config[key] = host[key]
config.update({"data-root": data_root, "exec-root": exec_root, "pidfile": pidfile,
               "hosts": [unix_host]})
if tcp_host:
    # Unauthenticated TCP is acceptable only because it is bound to the private veth
    # address inside this engine's namespace, and the host side forwards it from the
    # host's loopback alone. "tls": false states that intent explicitly, which also
    # spares the deliberate startup delay dockerd adds for TCP without TLS.
    config["hosts"].append(tcp_host)
    config["tls"] = False
pathlib.Path(out).write_text(json.dumps(config, indent=2) + "\n")
EOF
}

# Which chain the forward rules go into: DOCKER-USER when the default engine runs (its
# FORWARD policy is DROP, and DOCKER-USER is the chain it evaluates first and never
# rewrites); plain FORWARD on a machine without it.
pick_forward_chain() {
  if ipt -n -L DOCKER-USER >/dev/null 2>&1; then FWD_CHAIN=DOCKER-USER; else FWD_CHAIN=FORWARD; fi
}

# Anything left of this engine: a dockerd that crashed or was killed, an interrupted `up`?
has_leftovers() {
  [ -f "$ENV_FILE" ] || [ -e "$NETNS_PATH" ] || [ -f "$STATE/dockerd.pid" ] || [ -d "$EXEC_ROOT" ] \
    || mountpoint -q "$DATA_ROOT" 2>/dev/null
}

# A failed `up` (any error after the first thing was made) leaves nothing behind but
# its logs, so the next test does not trip over a half-made engine.
on_up_exit() {
  local rc=$?
  if [ "$rc" -ne 0 ]; then
    log "up $NAME failed: tearing down what was made (logs stay in $STATE)"
    teardown 0 || true
  fi
}

cmd_up() {
  [ $# -ge 2 ] || usage
  set_name "$1"
  set_index "$2"
  shift 2
  DATA_SIZE=""
  TCP_PORT=""
  local forwards=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --data-size) [ $# -ge 2 ] || usage; DATA_SIZE="$2"; shift 2 ;;
      --tcp) [ $# -ge 2 ] || usage; TCP_PORT="$2"; shift 2 ;;
      --forward) [ $# -ge 2 ] || usage; forwards+=("$2"); shift 2 ;;
      *) log "error: unknown option '$1'"; usage ;;
    esac
  done
  [ -z "$DATA_SIZE" ] || [[ "$DATA_SIZE" =~ ^[0-9]+[kKmMgG]?$ ]] || { log "error: bad --data-size '$DATA_SIZE'"; usage; }
  [ -z "$TCP_PORT" ] || valid_port "$TCP_PORT" || { log "error: bad --tcp port '$TCP_PORT'"; usage; }
  local port
  for port in "${forwards[@]}"; do
    if ! valid_port "$port" || [ "$port" = "$REGISTRY_PORT" ]; then log "error: bad --forward port '$port'"; usage; fi
  done

  require_root
  mkdir -p "$ENGINES_DIR"
  require_tools
  take_lock
  local started
  started=$(now)

  if engine_answers; then
    log "$NAME is already up"
    echo "DOCKER_HOST=$DOCKER_HOST_URL" >&3
    return 0
  fi
  if has_leftovers; then
    log "$NAME: clearing what a previous run left behind"
    local wanted_index="$INDEX"
    teardown 0 || die "could not clear the leftovers of $NAME: run 'ci/engines.sh down $NAME' and look"
    set_index "$wanted_index"   # teardown loaded the old run's index
  fi
  # The index picks the addresses: it must not belong to another running engine.
  if ip link show "$VETH_HOST" >/dev/null 2>&1 || ip -4 -o addr show | grep -qF " $HOST_IP/"; then
    local owner
    owner=$(grep -lx "INDEX=$INDEX" "$ENGINES_DIR"/*/engine.env 2>/dev/null | head -n1 || true)
    die "index $INDEX ($SUBNET) is in use${owner:+ by $(basename "$(dirname "$owner")")}: pick another"
  fi

  # From here on a failure tears down what was made (the logs stay in $STATE).
  trap on_up_exit EXIT

  mkdir -p "$STATE" "$DATA_ROOT"
  pick_forward_chain
  set_rules
  # Written first, so `down` knows what to undo even if `up` stops halfway.
  {
    printf 'INDEX=%s\n' "$INDEX"
    printf 'FWD_CHAIN=%s\n' "$FWD_CHAIN"
    printf 'TCP_PORT=%s\n' "$TCP_PORT"
    printf 'DATA_SIZE=%s\n' "$DATA_SIZE"
  } >"$ENV_FILE"

  if [ -n "$DATA_SIZE" ]; then
    mountpoint -q "$DATA_ROOT" || mount -t tmpfs -o "size=$DATA_SIZE,mode=0711" "wb-$NAME-data" "$DATA_ROOT"
  fi

  # The namespace and its link to the host. The peer is created directly inside the
  # namespace as eth0, so the engine looks like a machine with one NIC.
  log "$NAME: network namespace $NETNS, $HOST_IP <-> $NS_IP"
  ip netns add "$NETNS"
  ip link add "$VETH_HOST" type veth peer name eth0 netns "$NETNS"
  ip addr add "$HOST_IP/24" dev "$VETH_HOST"
  ip link set "$VETH_HOST" up
  ip -n "$NETNS" link set lo up
  ip -n "$NETNS" addr add "$NS_IP/24" dev eth0
  ip -n "$NETNS" link set eth0 up
  ip -n "$NETNS" route add default via "$HOST_IP"

  # The host routes the namespace's traffic out (normally on already: the default
  # engine turns it on), masquerading it as the host's own.
  [ "$(sysctl -n net.ipv4.ip_forward)" = 1 ] || sysctl -q -w net.ipv4.ip_forward=1
  ipt -t nat -C "${NAT_RULE[@]}" 2>/dev/null || ipt -t nat -A "${NAT_RULE[@]}"
  ipt -C "${FWD_BACK_RULE[@]}" 2>/dev/null || ipt -I "${FWD_BACK_RULE[@]}"
  ipt -C "${FWD_OUT_RULE[@]}" 2>/dev/null || ipt -I "${FWD_OUT_RULE[@]}"

  # The registry on the host's loopback, under the same 127.0.0.1:5000 inside.
  forward_loopback "$REGISTRY_PORT" registry
  registry_answers_in_ns \
    || log "warning: no registry answers on 127.0.0.1:$REGISTRY_PORT (from inside $NETNS): pulls through the mirror will fail"

  for port in "${forwards[@]}"; do forward_loopback "$port" "port-$port"; done

  if [ -n "$TCP_PORT" ]; then
    # Host loopback only: the unauthenticated API is never offered off this machine.
    # Started before dockerd so that a port already taken fails in a fraction of a second.
    start_socat tcp "TCP-LISTEN:$TCP_PORT,bind=127.0.0.1,fork,reuseaddr" "TCP:$NS_IP:$ENGINE_TCP_PORT"
  fi

  # dockerd joins the namespace with nsenter, not `ip netns exec`: the latter remounts
  # /sys, hiding the cgroup v1 mounts ("Devices cgroup isn't mounted").
  write_daemon_json
  log "$NAME: starting dockerd (log $STATE/dockerd.log)"
  launch "$STATE/dockerd.log" "" nsenter --net="$NETNS_PATH" dockerd --config-file "$CONFIG"
  local dockerd_pid=$LAUNCHED_PID ticks=0
  until engine_answers; do
    if ! kill -0 "$dockerd_pid" 2>/dev/null || [ "$ticks" -ge $((START_TIMEOUT * 4)) ]; then
      log "dockerd of $NAME did not answer (exited or timed out after ${START_TIMEOUT} s); its log ends:"
      tail -n 40 "$STATE/dockerd.log" >&2 || true
      exit 1
    fi
    sleep 0.25
    ticks=$((ticks + 1))
  done

  if [ -n "$TCP_PORT" ]; then
    docker -H "tcp://127.0.0.1:$TCP_PORT" version >/dev/null 2>&1 \
      || die "the engine does not answer on tcp://127.0.0.1:$TCP_PORT"
  fi

  trap - EXIT
  log "$NAME up in $(elapsed "$started") s${TCP_PORT:+ (also tcp://127.0.0.1:$TCP_PORT)}"
  echo "DOCKER_HOST=$DOCKER_HOST_URL" >&3
}

# --- down -------------------------------------------------------------------------------

# Mount points at or below $1, deepest first (overlays, netns bind mounts, the tmpfs).
mounts_under() {
  awk -v root="$1" '$2 == root || index($2, root "/") == 1 {print $2}' /proc/self/mounts | sort -r
}

# teardown PURGE: remove everything of engine $NAME, in the reverse order of `up`. Each
# step goes on when an earlier one failed, so one stuck piece does not leave the rest;
# returns 1 if anything could not be removed.
teardown() {
  local purge="$1" failed=0
  INDEX=""; FWD_CHAIN=""; TCP_PORT=""; DATA_SIZE=""
  if [ -f "$ENV_FILE" ]; then
    # shellcheck disable=SC1090
    source "$ENV_FILE"
  elif [ -e "$NETNS_PATH" ]; then
    # No record but a namespace: read the index back from its address.
    INDEX=$(ip -n "$NETNS" -4 -o addr show dev eth0 2>/dev/null | sed -nE 's/.* 10\.203\.([0-9]+)\.2\/24.*/\1/p' | head -n1)
  fi

  # 1. dockerd by its pidfile: SIGTERM lets it stop its containers and its containerd.
  if [ -f "$STATE/dockerd.pid" ]; then
    stop_pid "$(cat "$STATE/dockerd.pid")" "$CONFIG" "$STOP_TIMEOUT"
    rm -f "$STATE/dockerd.pid"
  fi
  # What a dockerd that did not stop cleanly (SIGKILL, crash) leaves: its containerd
  # dies with it, but the shims and the containers under them live on. The shims name
  # this engine's exec root on their command lines; a shim's children are its
  # containers' init processes, and SIGKILL to one ends its whole pid namespace.
  local pid child ids=()
  while read -r pid; do
    is_running "$pid" "$EXEC_ROOT/containerd/" || continue   # e.g. that grep itself
    ids+=("$(tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -A1 -x -- -id | tail -n1 || true)")
    for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do kill -KILL "$child" 2>/dev/null || true; done
    stop_pid "$pid" "$EXEC_ROOT/containerd/" 10
  done < <(grep -lsF -- "$EXEC_ROOT/containerd/" /proc/[0-9]*/cmdline | cut -d/ -f3)
  # Their cgroups (cgroupfs driver: /docker/<container id> in every hierarchy) stay
  # behind, empty; rmdir removes only empty ones, retried while the processes exit.
  local id dir
  for id in "${ids[@]}"; do
    [[ "$id" =~ ^[0-9a-f]{64}$ ]] || continue
    for _ in $(seq 1 10); do
      for dir in /sys/fs/cgroup/*/docker/"$id" /sys/fs/cgroup/docker/"$id"; do
        [ ! -d "$dir" ] || rmdir "$dir" 2>/dev/null || true
      done
      compgen -G "/sys/fs/cgroup/*/docker/$id" >/dev/null || [ -d "/sys/fs/cgroup/docker/$id" ] || break
      sleep 0.3
    done
  done

  # 2. the forwarders (the registry's, --tcp's, --forward's), by their recorded pids.
  local pidfile
  for pidfile in "$STATE"/socat-*.pid; do
    [ -f "$pidfile" ] || continue
    stop_pid "$(cat "$pidfile")" "socat TCP-LISTEN:" 5
    rm -f "$pidfile"
  done

  # 3. mounts dockerd left (after a SIGKILL), then its exec root.
  local mnt
  for mnt in $(mounts_under "$EXEC_ROOT"); do umount -l "$mnt" || failed=1; done
  for mnt in $(mounts_under "$DATA_ROOT"); do
    [ "$mnt" = "$DATA_ROOT" ] || umount -l "$mnt" || failed=1
  done
  rm -rf "$EXEC_ROOT" || failed=1

  # 4. the host's rules, exactly as inserted (repeated while present, in case an
  # interrupted `up` ran twice).
  if [ -n "$INDEX" ]; then
    set_index "$INDEX"
    [ -n "$FWD_CHAIN" ] || pick_forward_chain
    set_rules
    while ipt -C "${FWD_OUT_RULE[@]}" 2>/dev/null; do ipt -D "${FWD_OUT_RULE[@]}" || { failed=1; break; }; done
    while ipt -C "${FWD_BACK_RULE[@]}" 2>/dev/null; do ipt -D "${FWD_BACK_RULE[@]}" || { failed=1; break; }; done
    while ipt -t nat -C "${NAT_RULE[@]}" 2>/dev/null; do ipt -t nat -D "${NAT_RULE[@]}" || { failed=1; break; }; done
    # 5. the veth pair (deleting one end deletes both).
    if ip link show "$VETH_HOST" >/dev/null 2>&1; then ip link del "$VETH_HOST" || failed=1; fi
  fi
  # 6. the namespace.
  if [ -e "$NETNS_PATH" ]; then ip netns del "$NETNS" || failed=1; fi

  # 7. the tmpfs data root (its content goes with it).
  if mountpoint -q "$DATA_ROOT" 2>/dev/null; then umount "$DATA_ROOT" || umount -l "$DATA_ROOT" || failed=1; fi

  rm -f "$ENV_FILE"
  if [ "$purge" = 1 ] && [ -d "$STATE" ]; then
    # Never rm -rf across a mount point: it would empty whatever is mounted there.
    if [ -n "$(mounts_under "$STATE")" ]; then
      log "not removing $STATE: something is still mounted under it"
      failed=1
    else
      rm -rf --one-file-system "$STATE" || failed=1
    fi
  fi
  return "$failed"
}

cmd_down() {
  [ $# -ge 1 ] || usage
  set_name "$1"
  shift
  local purge=0
  while [ $# -gt 0 ]; do
    case "$1" in
      --purge) purge=1; shift ;;
      *) log "error: unknown option '$1'"; usage ;;
    esac
  done
  require_root
  mkdir -p "$ENGINES_DIR"
  require_tools
  take_lock
  if ! has_leftovers && ! { [ "$purge" = 1 ] && [ -d "$STATE" ]; }; then
    log "$NAME is not up: nothing to do"
    return 0
  fi
  local started
  started=$(now)
  teardown "$purge" || die "$NAME: some parts could not be removed (see above)"
  if [ "$purge" = 1 ]; then
    log "$NAME down in $(elapsed "$started") s, state folder removed"
  else
    log "$NAME down in $(elapsed "$started") s (data kept in $STATE)"
  fi
}

# --- status -----------------------------------------------------------------------------

cmd_status() {
  [ $# -eq 0 ] || usage
  require_root
  local env_file any=0
  for env_file in "$ENGINES_DIR"/*/engine.env; do
    [ -f "$env_file" ] || continue
    set_name "$(basename "$(dirname "$env_file")")"
    INDEX=""; TCP_PORT=""; DATA_SIZE=""; FWD_CHAIN=""
    # shellcheck disable=SC1090
    source "$env_file"
    local state=up extra=""
    engine_answers || state="NOT ANSWERING (run: ci/engines.sh down $NAME)"
    [ -z "$TCP_PORT" ] || extra+=" tcp://127.0.0.1:$TCP_PORT"
    [ -z "$DATA_SIZE" ] || extra+=" data-size=$DATA_SIZE"
    printf '%s\tindex=%s\tDOCKER_HOST=%s%s\t%s\n' "$NAME" "$INDEX" "$DOCKER_HOST_URL" "$extra" "$state" >&3
    any=1
  done
  [ "$any" = 1 ] || log "no engines up"
}

# --- main -------------------------------------------------------------------------------

[ $# -ge 1 ] || usage
command="$1"
shift
case "$command" in
  up) cmd_up "$@" ;;
  down) cmd_down "$@" ;;
  status) cmd_status "$@" ;;
  -h|--help|help) usage ;;
  *) log "error: unknown command '$command'"; usage ;;
esac
