#!/usr/bin/env bash
# Builds the boot-server test image (also used as the DHCP/TFTP client) from Debian packages with
# mmdebstrap + podman import; no registry. Tagged by a content hash of its recipe, so a warm cache
# costs one `podman image exists`. The tag is written to $NETGEN_CACHE/bootserver-image.tag.
set -euo pipefail
cd "$(dirname "$0")/../.."
cache="${NETGEN_CACHE:-/var/cache/netgen}"
export CONTAINERS_CONF="${CONTAINERS_CONF:-$cache/podman/containers.conf}"
dir=ci/images/bootserver
hash=$(cat "$0" "$dir"/packages.txt "$dir"/init "$dir"/netgen-svc | sha256sum | cut -c1-16)
tag="localhost/netgen-bootserver:$hash"
if podman image exists "$tag"; then
  echo "35-bootserver-image: $tag cached" >&2
else
  work=$(mktemp -d "$cache/bootserver.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  pkgs=$(sed 's/#.*//' "$dir"/packages.txt | tr -s ' \t\n' ',' | sed 's/^,//;s/,$//')
  echo "35-bootserver-image: building $tag ($pkgs)" >&2
  # The hooks' "$1" (the new root) is expanded by mmdebstrap, not here.
  # shellcheck disable=SC2016
  mmdebstrap --quiet --variant=minbase --include="$pkgs" \
    --customize-hook="copy-in $dir/init $dir/netgen-svc /usr/local/sbin" \
    --customize-hook='rm -f "$1"/etc/ssh/ssh_host_*' \
    bookworm "$work/rootfs.tar"
  podman import --quiet --change 'CMD ["/usr/local/sbin/init"]' "$work/rootfs.tar" "$tag" >/dev/null
fi
# Older builds of this image are garbage once the recipe changed.
podman images --format '{{.Repository}}:{{.Tag}}' | grep '^localhost/netgen-bootserver:' | grep -vxF "$tag" \
  | xargs -r podman rmi >/dev/null 2>&1 || true
printf '%s\n' "$tag" > "$cache/bootserver-image.tag.tmp"
mv -f "$cache/bootserver-image.tag.tmp" "$cache/bootserver-image.tag"
