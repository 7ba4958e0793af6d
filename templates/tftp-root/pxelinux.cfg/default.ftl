# ${generatedBy}
# pxelinux menu of boot server ${server.name()} for clients without a file of their own (HOWTO section 7).
<#if defaultImage.isPresent()>
DEFAULT ${defaultImage.get().name()}
<#else>
DEFAULT local
</#if>
<#list images as i>

LABEL ${i.name()}
  KERNEL ${i.kernel()}
  APPEND initrd=${i.initrd()}<#if i.append()?has_content> ${i.append()}</#if>
  IPAPPEND 2
</#list>

LABEL local
  LOCALBOOT 0
