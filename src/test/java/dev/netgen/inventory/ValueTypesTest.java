package dev.netgen.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesTest {
    @ParameterizedTest
    @ValueSource(strings = {"AA:BB:CC:DD:EE:FF", "aa-bb-cc-dd-ee-ff", "aabb.ccdd.eeff", "AABBCCDDEEFF", " aa:bb:cc:dd:ee:ff "})
    void macNotationsAreTheSameAddress(String text) {
        MacAddress mac = MacAddress.parse(text);
        assertThat(mac).isEqualTo(MacAddress.parse("aa:bb:cc:dd:ee:ff"));
        assertThat(mac.toString()).isEqualTo("aa:bb:cc:dd:ee:ff");
        assertThat(mac.pxelinuxConfigName()).isEqualTo("01-aa-bb-cc-dd-ee-ff");
    }

    @Test
    void shortMacGroupsArePadded() {
        assertThat(MacAddress.parse("0:1:2:a:b:c").toString()).isEqualTo("00:01:02:0a:0b:0c");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aa:bb:cc:dd:ee", "aa:bb:cc:dd:ee:gg", "aa:bb-cc:dd:ee:ff", "", "aa:bb:cc:dd:ee:ff:00"})
    void badMacsAreRefused(String text) {
        assertThatThrownBy(() -> MacAddress.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.168.1", "256.1.1.1", "01.2.3.4", "1.2.3.4.5", "a.b.c.d", "1..2.3"})
    void badAddressesAreRefused(String text) {
        assertThatThrownBy(() -> Ipv4.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cidrArithmetic() {
        Cidr c = Cidr.parse("192.168.1.0/24");
        assertThat(c.netmask()).hasToString("255.255.255.0");
        assertThat(c.broadcast()).hasToString("192.168.1.255");
        assertThat(c.contains(Ipv4.parse("192.168.1.55"))).isTrue();
        assertThat(c.contains(Ipv4.parse("192.168.2.1"))).isFalse();
        assertThat(c.overlaps(Cidr.parse("192.168.0.0/16"))).isTrue();
        assertThat(Cidr.parse("0.0.0.0/0").contains(Ipv4.parse("8.8.8.8"))).isTrue();
    }

    @Test
    void cidrWithHostBitsNamesTheNetwork() {
        assertThatThrownBy(() -> Cidr.parse("192.168.1.5/24"))
                .hasMessage("'192.168.1.5/24' has host bits set; the subnet is 192.168.1.0/24");
    }

    @Test
    void sshTargets() {
        assertThat(SshTarget.parse("root@boot1:2222").port()).contains(2222);
        assertThat(SshTarget.parse("boot1").destination()).isEqualTo("boot1");
        assertThat(SshTarget.parse("admin@10.0.0.1").toString()).isEqualTo("admin@10.0.0.1");
        assertThatThrownBy(() -> SshTarget.parse("root@-oProxyCommand=x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SshTarget.parse("root@host:99999")).hasMessageContaining("use 1-65535");
    }
}
