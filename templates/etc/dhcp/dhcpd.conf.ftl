# ${generatedBy}
# ISC dhcpd configuration of boot server ${server.name()}: one subnet per boot network and one host
# block per diskless client (Diskless Linux with PXE HOWTO, section 6).

# RFC 4578 client system architecture (option 93): 0 = BIOS, 7 and 9 = x86-64 UEFI.
option arch code 93 = unsigned integer 16;

# Answer PXE firmware with vendor-class "PXEClient" so it boots at once instead of waiting for a ProxyDHCP offer.
class "pxe-clients" {
  match if substring(option vendor-class-identifier, 0, 9) = "PXEClient";
  option vendor-class-identifier "PXEClient";
}
<#list networks as net>
<#assign n = net.network()>

# network ${n.name()}
subnet ${n.subnet().network()} netmask ${n.subnet().netmask()} {
<#if n.routers()?has_content>
  option routers ${n.routers()?join(", ")};
</#if>
<#if n.dns()?has_content>
  option domain-name-servers ${n.dns()?join(", ")};
</#if>
<#if n.domain().isPresent()>
  option domain-name "${n.domain().get()}";
</#if>
  next-server ${server.tftpServer()};
  if option arch = 00:07 or option arch = 00:09 {
    filename "/syslinux.efi";
  } else {
    filename "/pxelinux.0";
  }
<#if n.pool().isPresent()>
  range ${n.pool().get().first()} ${n.pool().get().last()};
<#else>
  # No pool: only the hosts below get an address.
</#if>
}
<#list net.hosts() as hm>
<#assign h = hm.host()>

host ${h.name()} {
  hardware ethernet ${h.mac()};
  fixed-address ${h.ip()};
  option host-name "${h.name()}";
  if option arch = 00:07 or option arch = 00:09 {
    filename "/syslinux.efi";
  } else {
    filename "/pxelinux.0";
  }
  next-server ${hm.nextServer()};
  option root-path "${hm.rootPath()}";
}
</#list>
</#list>
