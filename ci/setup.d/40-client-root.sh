#!/usr/bin/env bash
# Client roots for DebianRootIT. The IT builds the root itself with RootCreator (the jar does not exist
# yet at setup time) into $NETGEN_CACHE/roots/<suite>-<hash of its inputs>, about 20-30 s once; here we
# only make sure apt knows the current kernel package and clear what an interrupted build left behind.
set -euo pipefail
NETGEN_CACHE="${NETGEN_CACHE:-/var/cache/netgen}"
roots="$NETGEN_CACHE/roots"
mkdir -p "$roots"

# A build killed midway leaves <name>.partial-<pid>; no test runs during setup, so all of them are stale.
find "$roots" -mindepth 1 -maxdepth 1 -name '*.partial-*' -exec rm -rf --one-file-system {} +

# The IT asks apt which kernel linux-image-amd64 depends on (unless NETGEN_TEST_KVER is set).
if ! apt-cache show linux-image-amd64 >/dev/null 2>&1; then
  apt-get update -q >&2
fi
