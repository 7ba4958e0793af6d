# Sourced by ci/test: points the initrd tests at the Debian kernel that ci/setup.d/20-kernel.sh unpacked.
_netgen_kdir=$(ls -d "${NETGEN_CACHE:-/var/cache/netgen}"/kernel/linux-image-*_* 2>/dev/null | sort -V | tail -n1)
if [ -n "$_netgen_kdir" ]; then
  export NETGEN_TEST_SYSROOT="$_netgen_kdir"
  NETGEN_TEST_KVER=$(ls "$_netgen_kdir/lib/modules" | sort -V | tail -n1)
  export NETGEN_TEST_KVER
fi
unset _netgen_kdir
