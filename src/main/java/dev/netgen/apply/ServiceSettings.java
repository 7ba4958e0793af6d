package dev.netgen.apply;

import java.util.EnumMap;
import java.util.Map;

/** Per-server service commands; systemd's by default, a server without systemd names its own. */
public record ServiceSettings(Map<ServiceKind, ServiceCommands> commands) {
    public ServiceSettings {
        commands = Map.copyOf(commands);
        for (ServiceKind k : ServiceKind.values()) {
            if (!commands.containsKey(k)) {
                throw new IllegalArgumentException("no service commands for " + k.label());
            }
        }
    }

    /** Debian's units: isc-dhcp-server, kernel nfsd through exportfs, tftpd under xinetd. */
    public static ServiceSettings systemd() {
        Map<ServiceKind, ServiceCommands> m = new EnumMap<>(ServiceKind.class);
        m.put(ServiceKind.DHCP, new ServiceCommands("dhcpd -t -4 -cf {file}",
                "systemctl restart isc-dhcp-server", "systemctl is-active --quiet isc-dhcp-server"));
        m.put(ServiceKind.NFS, new ServiceCommands("",
                "exportfs -ra", "systemctl is-active --quiet nfs-server"));
        m.put(ServiceKind.TFTP, new ServiceCommands("",
                "systemctl reload xinetd", "systemctl is-active --quiet xinetd"));
        return new ServiceSettings(m);
    }

    /** These settings with a server's own commands from the inventory in place of the defaults they name. */
    public ServiceSettings with(Map<String, dev.netgen.inventory.ServiceOverride> overrides) {
        Map<ServiceKind, ServiceCommands> m = new EnumMap<>(commands);
        for (ServiceKind k : ServiceKind.values()) {
            dev.netgen.inventory.ServiceOverride o = overrides.get(k.label());
            if (o != null) {
                ServiceCommands d = m.get(k);
                m.put(k, new ServiceCommands(o.check().orElse(d.check()), o.reload().orElse(d.reload()),
                        o.running().orElse(d.isRunning())));
            }
        }
        return new ServiceSettings(m);
    }

    public ServiceCommands of(ServiceKind kind) {
        return commands.get(kind);
    }
}
