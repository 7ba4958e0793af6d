# ${generatedBy}
# TFTP for PXE clients of boot server ${server.name()} (HOWTO section 7). in.tftpd runs without -c, so it
# cannot create files, and drops to user nobody after chroot(-s), so it cannot change root's files:
# the TFTP root is served read-only.
service tftp
{
	socket_type = dgram
	protocol    = udp
	wait        = yes
	user        = root
	server      = /usr/sbin/in.tftpd
	server_args = -s ${server.tftpRoot()}
	per_source  = 11
	cps         = 100 2
	flags       = IPv4
	disable     = no
}
