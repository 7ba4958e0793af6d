#!/usr/bin/env bash
# Starts the podman API service Testcontainers uses (see design/environment.md): runc instead of crun,
# default ulimits within the hard limit, CONTAINERS_CONF visible to the service itself. Idempotent:
# an answering socket is reused.
set -euo pipefail
cache="${NETGEN_CACHE:-/var/cache/netgen}/podman"
mkdir -p "$cache" /run/podman
conf="$cache/containers.conf"
cat > "$conf.tmp" <<'CONF'
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=4096:4096"]

[engine]
runtime = "runc"
CONF
mv -f "$conf.tmp" "$conf"
sock=/run/podman/podman.sock
if curl -fsS --max-time 5 --unix-socket "$sock" http://d/_ping >/dev/null 2>&1; then
  echo "30-podman: reusing the podman service on $sock" >&2
  exit 0
fi
rm -f "$sock"
CONTAINERS_CONF="$conf" setsid nohup podman system service --time=0 "unix://$sock" \
  >"$cache/service.log" 2>&1 </dev/null &
for _ in $(seq 1 50); do
  if curl -fsS --max-time 2 --unix-socket "$sock" http://d/_ping >/dev/null 2>&1; then
    echo "30-podman: podman service up on $sock" >&2
    exit 0
  fi
  sleep 0.2
done
echo "30-podman: podman service did not answer on $sock; see $cache/service.log" >&2
exit 1
