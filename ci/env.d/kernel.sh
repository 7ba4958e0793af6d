# shellcheck shell=bash
# Sourced by ci/test: points the initrd tests at the Debian kernel that ci/setup.d/20-kernel.sh unpacked
# (NETGEN_TEST_SYSROOT holds boot/vmlinuz-<kver> and lib/modules/<kver>; NETGEN_TEST_KVER is <kver>).
_netgen_kdir="${NETGEN_CACHE:-/var/cache/netgen}/kernel/current"
if [ -d "$_netgen_kdir/lib/modules" ]; then
  NETGEN_TEST_SYSROOT=$(cd "$_netgen_kdir" && pwd -P)
  for _netgen_k in "$_netgen_kdir"/lib/modules/*; do NETGEN_TEST_KVER=${_netgen_k##*/}; done
  unset _netgen_k
  export NETGEN_TEST_SYSROOT NETGEN_TEST_KVER
fi
unset _netgen_kdir
