#!/bin/sh
# ${generatedBy}
#
# /init of the netgen initramfs for image ${image.name()}: the Diskless Linux with PXE HOWTO's linuxrc
# (appendix A) for today's kernels. Drivers load from the /sys modaliases instead of `lspci -k`; udhcpc
# asks for the root-path; the NFS root is mounted read-only and made writable in RAM (overlayfs, or the
# HOWTO's tmpfs with symlinks); then switch_root replaces the 2004 pivot_root. Each stage prints a
# "netgen: <stage>:" line on the console, and a failure names its stage and opens a rescue shell
# (kernel argument netgen.onfail=reboot|poweroff|shell).
IMAGE='${image.name()}'
WRITABLE_ROOT='${image.writableRoot()}'
EXTRA_MODULES='${image.modules()?join(" ")}'
<#noparse>
INIT=/sbin/init
ONFAIL=shell
BOOTIF=
NFSROOT=
STATE=/run/netgen

/bin/busybox mkdir -p /bin /sbin /usr/bin /usr/sbin /proc /sys /dev /run /tmp /sysroot
/bin/busybox --install -s
PATH=/usr/sbin:/usr/bin:/sbin:/bin
export PATH

say() {
	echo "netgen: $*"
}

fail() { # STAGE MESSAGE
	say "FAILED at $1: $2"
	case "$ONFAIL" in
	reboot) sleep 5; reboot -f ;;
	poweroff) poweroff -f ;;
	esac
	say "rescue shell: fix what failed, then leave the shell to reboot"
	sh < /dev/console > /dev/console 2>&1
	reboot -f
}

mount -t proc -o nosuid,nodev,noexec proc /proc
mount -t sysfs -o nosuid,nodev,noexec sysfs /sys
mount -t devtmpfs -o mode=0755 devtmpfs /dev 2>/dev/null || mdev -s
mount -t tmpfs -o mode=0755,nosuid,nodev tmpfs /run
mkdir -p "$STATE/dhcp"

read -r cmdline < /proc/cmdline
for arg in $cmdline; do
	case "$arg" in
	BOOTIF=*) BOOTIF=${arg#BOOTIF=} ;;
	init=*) INIT=${arg#init=} ;;
	nfsroot=*) NFSROOT=${arg#nfsroot=} ;;
	netgen.onfail=*) ONFAIL=${arg#netgen.onfail=} ;;
	esac
done
say "init: image $IMAGE, writable root $WRITABLE_ROOT"

# Two passes: the first loads bus drivers (virtio_pci), whose devices (virtio_net) the second one finds.
load_modaliases() {
	find /sys/devices -name modalias -type f -exec cat {} + 2>/dev/null | sort -u \
		| xargs -r modprobe -a -q 2>/dev/null
}
load_modaliases
load_modaliases
for m in $EXTRA_MODULES; do
	modprobe -q "$m" || say "drivers: module $m did not load"
done

# The interface the client booted from (pxelinux IPAPPEND 2 passes BOOTIF=01-aa-bb-...), else the first
# Ethernet interface.
find_interface() {
	want=
	if [ -n "$BOOTIF" ]; then
		want=$(echo "${BOOTIF#01-}" | tr 'A-F-' 'a-f:')
	fi
	for d in /sys/class/net/*; do
		[ "$(cat "$d/type" 2>/dev/null)" = 1 ] || continue
		[ "${d##*/}" = lo ] && continue
		if [ -z "$want" ] || [ "$(cat "$d/address")" = "$want" ]; then
			echo "${d##*/}"
			return 0
		fi
	done
	return 1
}
tries=0
until IFACE=$(find_interface); do
	tries=$((tries + 1))
	[ "$tries" -ge 50 ] && fail drivers "no network interface${BOOTIF:+ with address $BOOTIF}; add its driver to the image's modules"
	sleep 0.2
done
driver=$(basename "$(readlink "/sys/class/net/$IFACE/device/driver")" 2>/dev/null)
say "drivers: $IFACE uses ${driver:-a built-in driver}"

ip link set lo up
ip link set "$IFACE" up
# The HOWTO tries three times before giving up.
attempt=1
until udhcpc -i "$IFACE" -f -n -q -t 4 -T 2 -O rootpath -s /etc/udhcpc.script > "$STATE/udhcpc.log" 2>&1; do
	[ "$attempt" -ge 3 ] && fail dhcp "no DHCP lease on $IFACE after 3 attempts; is the host's MAC in the inventory and dhcpd running?"
	say "dhcp: no lease on $IFACE yet, trying again"
	attempt=$((attempt + 1))
done

lease() { # NAME: prints one value of the lease
	v=
	[ -r "$STATE/dhcp/$1" ] && read -r v < "$STATE/dhcp/$1"
	printf '%s' "$v"
}
IP=$(lease ip)
SIADDR=$(lease siaddr)
say "dhcp: lease $IP/$(lease mask) on $IFACE from $(lease serverid)"
cp /etc/resolv.conf "$STATE/resolv.conf" 2>/dev/null
[ -n "$(lease hostname)" ] && hostname "$(lease hostname)"

ROOTPATH=$(lease rootpath)
[ -n "$NFSROOT" ] && ROOTPATH=$NFSROOT
[ -n "$ROOTPATH" ] || fail root-path "no root-path was offered by the DHCP server; give the host an image in the inventory, or boot with nfsroot=server:/path"
say "root-path: $ROOTPATH"

# As in the HOWTO: NFS options follow the first comma, and a root-path without "server:" is on next-server.
NFSOPTS=
case "$ROOTPATH" in
*,*) NFSOPTS=${ROOTPATH#*,}; ROOTPATH=${ROOTPATH%%,*} ;;
esac
case "$ROOTPATH" in
*:/*) SERVER=${ROOTPATH%%:/*}; EXPORT=/${ROOTPATH#*:/} ;;
/*) SERVER=$SIADDR; EXPORT=$ROOTPATH ;;
*) fail root-path "'$ROOTPATH' is not server:/path" ;;
esac
case "$SERVER" in
*[!0-9.]*) ADDR=$(nslookup "$SERVER" 2>/dev/null | sed -n 's/^Address[^:]*: *\([0-9.]*\)$/\1/p' | tail -n 1) ;;
*) ADDR=$SERVER ;;
esac
[ -n "$ADDR" ] || fail nfs "cannot resolve NFS server $SERVER; put its address in the inventory (nfs-server)"

# The kernel parses the options itself; retry, bg and fg belong to mount.nfs, which is not here.
OPTS=ro,nolock
old_ifs=$IFS
IFS=,
for o in $NFSOPTS; do
	case "$o" in
	retry=*|bg|fg|"") ;;
	*) OPTS="$OPTS,$o" ;;
	esac
done
IFS=$old_ifs
case ",$OPTS," in *,vers=*|*,nfsvers=*) ;; *) OPTS="$OPTS,vers=3" ;; esac
case ",$OPTS," in *,proto=*|*,tcp,*|*,udp,*) ;; *) OPTS="$OPTS,proto=tcp" ;; esac
OPTS="$OPTS,addr=$ADDR"

modprobe -q nfs
grep -qw nfs /proc/filesystems || fail nfs "the kernel has no NFS client; build the initramfs with 'netgen initrd' so it carries the nfs module"

mount_nfs() { # MOUNTPOINT
	mkdir -p "$1"
	for attempt in 1 2 3; do
		mount -t nfs -o "$OPTS" "$ADDR:$EXPORT" "$1" 2> "$STATE/mount.log" && return 0
		say "nfs: mount attempt $attempt failed: $(cat "$STATE/mount.log")"
		sleep 1
	done
	fail nfs "cannot mount $SERVER:$EXPORT; is it exported to $IP (exportfs -v on the server)?"
}

if [ "$WRITABLE_ROOT" = overlay ]; then
	modprobe -q overlay
	grep -qw overlay /proc/filesystems || fail root "the kernel has no overlayfs; use writable-root: symlinks or add the overlay module"
	mount_nfs "$STATE/lower"
	say "nfs: mounted $SERVER:$EXPORT ($OPTS)"
	mkdir -p "$STATE/rw"
	mount -t tmpfs -o mode=0755 tmpfs "$STATE/rw"
	mkdir -p "$STATE/rw/upper" "$STATE/rw/work"
	mount -t overlay -o "lowerdir=$STATE/lower,upperdir=$STATE/rw/upper,workdir=$STATE/rw/work" overlay /sysroot \
		|| fail root "cannot mount the overlay root"
	say "root: overlay of the NFS root and a RAM layer"
else
	# The HOWTO's way: a RAM root holding symlinks into the NFS root, with a writable copy of /var.
	mount -t tmpfs -o mode=0755 tmpfs /sysroot
	mount_nfs /sysroot/nfsroot
	say "nfs: mounted $SERVER:$EXPORT ($OPTS)"
	for e in /sysroot/nfsroot/* /sysroot/nfsroot/.[!.]*; do
		[ -e "$e" ] || [ -L "$e" ] || continue
		ln -s "nfsroot/${e##*/}" "/sysroot/${e##*/}"
	done
	for d in dev proc sys run tmp; do
		rm -f "/sysroot/$d"
		mkdir -p "/sysroot/$d"
	done
	chmod 1777 /sysroot/tmp
	rm -f /sysroot/var
	cp -a /sysroot/nfsroot/var /sysroot/var 2>/dev/null || mkdir -p /sysroot/var
	say "root: RAM root with symlinks into the NFS root and /var in RAM"
fi

[ -e "/sysroot$INIT" ] || [ -L "/sysroot$INIT" ] || fail init "$INIT is missing in $SERVER:$EXPORT; is that the right client root?"
for m in dev proc sys run; do
	mkdir -p "/sysroot/$m" 2>/dev/null
	mount --move "/$m" "/sysroot/$m" || fail switch_root "cannot move /$m into the new root"
done
say "switch_root: starting $INIT"
exec switch_root -c /dev/console /sysroot "$INIT"
</#noparse>
