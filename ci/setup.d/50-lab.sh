#!/usr/bin/env bash
# netgen check boot --lab keeps its boot server image and client root disks under $NETGEN_CACHE/lab, each
# named by a hash of its inputs; the product builds what is missing itself (BootCheckIT does on a cold
# cache, about 30-60 s). Here: drop what an interrupted build left, and check the PXE firmware is there.
set -euo pipefail
lab="${NETGEN_CACHE:-/var/cache/netgen}/lab"
mkdir -p "$lab"
find "$lab" -mindepth 1 -maxdepth 1 -name '*.partial-*' -exec rm -rf --one-file-system {} +
# The client VMs' PXE firmware: QEMU loads these option ROMs for -boot n.
for rom in pxe-virtio.rom pxe-e1000.rom pxe-ne2k_pci.rom; do
  if [ ! -e "/usr/lib/ipxe/qemu/$rom" ]; then
    echo "50-lab.sh: /usr/lib/ipxe/qemu/$rom is missing (ipxe-qemu)" >&2
    exit 1
  fi
done
