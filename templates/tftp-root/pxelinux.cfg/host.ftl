# ${generatedBy}
# pxelinux config of host ${host.name()} (${host.host().mac()}), image ${host.host().image().name()}.
# IPAPPEND 2 passes BOOTIF=<mac> so the initramfs configures the interface the client booted from.
DEFAULT ${host.host().image().name()}

LABEL ${host.host().image().name()}
  KERNEL ${host.host().image().kernel()}
  APPEND initrd=${host.host().image().initrd()}<#if host.host().kernelArguments()?has_content> ${host.host().kernelArguments()}</#if>
  IPAPPEND 2
