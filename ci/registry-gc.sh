#!/usr/bin/env bash
# The local registry's own garbage collection: `invoke gc --apply` (and the test
# suite's and the benchmark's purges) delete manifests through the registry API; the
# blobs only they used stay on disk until distribution's `garbage-collect` runs.
# It must not run while anything pushes (a blob uploaded but not yet named by a
# manifest would be collected), so the registry is stopped for it and started again.
#
# Not --delete-untagged: distribution 2.8 would also delete the untagged platform
# manifests of tagged indexes (distribution/distribution#3004). `invoke gc` deletes
# the parts of what it deletes itself.
#
# Usage: ci/registry-gc.sh        (root; the registry ci/provision-engine.sh started)
# Exit codes: 0 collected (or no local registry here); 1 the registry did not restart.
set -euo pipefail

STATE_DIR="${WARMBUILD_STATE_DIR:-/var/lib/warmbuild}"
LOG_DIR="${WARMBUILD_LOG_DIR:-/var/log/warmbuild}"
CONFIG="$STATE_DIR/registry.yml"
ADDR="${WARMBUILD_REGISTRY_ADDR:-127.0.0.1:5000}"

[ -f "$CONFIG" ] || { echo "registry-gc: no $CONFIG: nothing to collect"; exit 0; }
answers() { curl -fsS -o /dev/null "http://$ADDR/v2/" 2>/dev/null; }

before=$(du -sb "$STATE_DIR/registry" | cut -f1)
started=$(date +%s)
pids=$(pgrep -f "docker-registry serve $CONFIG" || true)
if [ -n "$pids" ]; then
  # shellcheck disable=SC2086 # one pid per word
  kill $pids
  for _ in $(seq 1 50); do pgrep -f "docker-registry serve $CONFIG" >/dev/null || break; sleep 0.2; done
fi
docker-registry garbage-collect "$CONFIG" >"$LOG_DIR/registry-gc.log" 2>&1 \
  || echo "registry-gc: garbage-collect failed, see $LOG_DIR/registry-gc.log (the registry starts again)" >&2
nohup docker-registry serve "$CONFIG" >>"$LOG_DIR/registry.log" 2>&1 &
for _ in $(seq 1 50); do answers && break; sleep 0.2; done
answers || { echo "registry-gc: the registry did not start again, see $LOG_DIR/registry.log" >&2; exit 1; }
after=$(du -sb "$STATE_DIR/registry" | cut -f1)
echo "registry-gc: $(( (before - after) / 1000000 )) MB freed, $(( after / 1000000 )) MB kept, in $(( $(date +%s) - started )) s"
