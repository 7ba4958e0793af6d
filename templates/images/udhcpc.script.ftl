#!/bin/sh
# ${generatedBy}
# udhcpc event script of the netgen initramfs (image ${image.name()}). It configures the interface and
# stores each lease value in its own file under /run/netgen/dhcp, which the init reads with `read`
# instead of sourcing: nothing a DHCP server sends is ever executed as shell code.
# udhcpc passes the lease in the environment (interface, ip, mask, router, dns, rootpath...):
# shellcheck disable=SC2154

dir=/run/netgen/dhcp

save() { # NAME VALUE
	printf '%s\n' "$2" > "$dir/$1"
}

case "$1" in
deconfig)
	ip addr flush dev "$interface" 2>/dev/null
	ip link set "$interface" up
	;;
bound|renew)
	mkdir -p "$dir"
	ip addr flush dev "$interface" 2>/dev/null
	ip addr add "$ip/${r"${mask:-24}"}" dev "$interface"
	if [ -n "$router" ]; then
		for r in $router; do
			ip route add default via "$r" dev "$interface" 2>/dev/null && break
		done
	fi
	: > /etc/resolv.conf
	[ -n "$domain" ] && printf 'search %s\n' "$domain" >> /etc/resolv.conf
	for d in $dns; do
		printf 'nameserver %s\n' "$d" >> /etc/resolv.conf
	done
	save interface "$interface"
	save ip "$ip"
	save mask "${r"${mask:-24}"}"
	save router "$router"
	save dns "$dns"
	save domain "$domain"
	save hostname "$hostname"
	save siaddr "$siaddr"
	save serverid "$serverid"
	save rootpath "$rootpath"
	;;
leasefail|nak)
	echo "netgen: no DHCP answer on $interface yet" > /dev/console
	;;
esac
exit 0
