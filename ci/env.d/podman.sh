# shellcheck shell=bash
# Testcontainers talks to the podman API service that ci/setup.d/30-podman.sh started (no Docker here).
export DOCKER_HOST="${DOCKER_HOST:-unix:///run/podman/podman.sock}"
export TESTCONTAINERS_RYUK_DISABLED=true
export TESTCONTAINERS_HOST_OVERRIDE=localhost
export CONTAINERS_CONF="${CONTAINERS_CONF:-${NETGEN_CACHE:-/var/cache/netgen}/podman/containers.conf}"
# The boot-server image built by ci/setup.d/35-bootserver-image.sh (tag = content hash of its recipe).
if [ -r "${NETGEN_CACHE:-/var/cache/netgen}/bootserver-image.tag" ]; then
  NETGEN_BOOTSERVER_IMAGE="$(cat "${NETGEN_CACHE:-/var/cache/netgen}/bootserver-image.tag")"
  export NETGEN_BOOTSERVER_IMAGE
fi
