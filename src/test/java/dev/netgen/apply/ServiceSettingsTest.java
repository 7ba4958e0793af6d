package dev.netgen.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netgen.inventory.ServiceOverride;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceSettingsTest {
    @Test
    void inventoryCommandsReplaceOnlyTheDefaultsTheyName() {
        ServiceSettings s = ServiceSettings.systemd().with(Map.of("dhcp",
                new ServiceOverride(Optional.empty(), Optional.of("sv restart dhcpd"), Optional.of("sv status dhcpd"))));
        assertThat(s.of(ServiceKind.DHCP)).isEqualTo(new ServiceCommands("dhcpd -t -4 -cf {file}", "sv restart dhcpd", "sv status dhcpd"));
        assertThat(s.of(ServiceKind.NFS)).isEqualTo(ServiceSettings.systemd().of(ServiceKind.NFS));
        assertThat(s.of(ServiceKind.TFTP)).isEqualTo(ServiceSettings.systemd().of(ServiceKind.TFTP));
    }
}
