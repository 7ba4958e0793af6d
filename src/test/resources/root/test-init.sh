#!/bin/sh
# Stand-in for netgen's client initramfs in PreparedRootBootIT: the prepared root is shared read-only
# over virtio-9p instead of NFS (this machine's kernel has no nfsd), then made writable the two ways
# netgen's init does: an overlay with a tmpfs upper, or the HOWTO's tmpfs root of symlinks.
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
mkdir -p /run
while read -r m; do insmod "/lib/modules/$m" || echo "test-init: insmod $m failed"; done < /modules.order
mode=overlay
for a in $(cat /proc/cmdline); do
  case $a in netgen.mode=*) mode=${a#netgen.mode=} ;; esac
done
share="mount -t 9p -o ro,trans=virtio,version=9p2000.L,msize=262144 root"
echo "test-init: writable root by $mode"
if [ "$mode" = overlay ]; then
  $share /lower || exec sh
  mount -t tmpfs tmpfs /rw
  mkdir -p /rw/upper /rw/work
  mount -t overlay overlay -o lowerdir=/lower,upperdir=/rw/upper,workdir=/rw/work /sysroot || exec sh
else
  mount -t tmpfs none /sysroot
  mkdir /sysroot/nfsroot
  $share /sysroot/nfsroot || exec sh
  cd /sysroot && for d in ./nfsroot/*; do ln -s "$d" .; done && cd /
  for d in tmp proc var dev sys run; do rm -f "/sysroot/$d"; mkdir "/sysroot/$d"; done
  cp -a /sysroot/nfsroot/var /sysroot
fi
# As netgen's init: the lease's name servers in /run/netgen, and /run moved into the new root.
mount -t tmpfs -o mode=0755 tmpfs /run
mkdir -p /run/netgen
echo "nameserver 192.0.2.53" > /run/netgen/resolv.conf
mkdir -p /sysroot/run
mount --move /run /sysroot/run
umount /proc /sys /dev
exec switch_root /sysroot /sbin/init
