# shellcheck shell=bash
# Where DebianRootIT keeps the Debian roots it makes with netgen root create (see ci/setup.d/40-client-root.sh).
export NETGEN_ROOT_CACHE="${NETGEN_ROOT_CACHE:-${NETGEN_CACHE:-/var/cache/netgen}/roots}"
