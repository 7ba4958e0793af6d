# ${generatedBy}
# NFS exports of boot server ${server.name()} (HOWTO section 4): each client root is exported read-only to
# the subnets that boot it. no_root_squash lets the clients' root read root-only files; it is safe only
# because the export is read-only, which is why netgen cannot produce a read-write export.
<#list exports as e>
${e.root()}<#list e.clients() as c> ${c}(ro,no_root_squash,no_subtree_check,sync)</#list>
</#list>
