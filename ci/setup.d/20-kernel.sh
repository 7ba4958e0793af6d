#!/usr/bin/env bash
# Unpacks the Debian kernel that linux-image-amd64 currently depends on into $NETGEN_CACHE/kernel/<pkg>_<version>/
# (never installed: a kernel package runs hooks). Idempotent: skips when the unpacked tree is already there.
set -euo pipefail
cache="${NETGEN_CACHE:-/var/cache/netgen}"
pkg=$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-/ {print $2; exit}')
if [ -z "$pkg" ]; then
  echo "20-kernel.sh: linux-image-amd64 depends on no linux-image-* package (apt-get update?)" >&2
  exit 1
fi
ver=$(apt-cache policy "$pkg" | awk '/Candidate:/ {print $2}')
dest="$cache/kernel/${pkg}_${ver}"
if [ -d "$dest/lib/modules" ] && [ -n "$(ls "$dest"/boot/vmlinuz-* 2>/dev/null)" ]; then
  ln -sfn "$(basename "$dest")" "$cache/kernel/current"
  exit 0
fi
mkdir -p "$cache/debs" "$cache/kernel"
debs=("$cache/debs/${pkg}_${ver//:/%3a}_"*.deb)
if [ ! -f "${debs[0]}" ]; then
  (cd "$cache/debs" && apt-get download -q "$pkg=$ver" >&2)
  debs=("$cache/debs/${pkg}_${ver//:/%3a}_"*.deb)
fi
deb="${debs[0]}"
tmp=$(mktemp -d "$cache/kernel/.unpack.XXXXXX")
dpkg -x "$deb" "$tmp"
rm -rf "$dest"
mv "$tmp" "$dest"
chmod 755 "$dest"
# ci/env.d/kernel.sh follows this link, so tests use the kernel linux-image-amd64 points at today
ln -sfn "$(basename "$dest")" "$cache/kernel/current"
echo "20-kernel.sh: unpacked $pkg $ver into $dest" >&2
