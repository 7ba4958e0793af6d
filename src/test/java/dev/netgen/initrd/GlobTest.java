package dev.netgen.initrd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** fnmatch semantics on the alias patterns real modules carry. */
class GlobTest {
    @ParameterizedTest
    @CsvSource({
            "pci:v00008086d0000100Esv*sd*bc*sc*i*, pci:v00008086d0000100Esv00001AF4sd00001100bc02sc00i00, true",
            "pci:v00008086d0000100Esv*sd*bc*sc*i*, pci:v00008086d0000100Fsv00001AF4sd00001100bc02sc00i00, false",
            "virtio:d00000001v*, virtio:d00000001v00001AF4, true",
            "virtio:d00000001v*, virtio:d00000002v00001AF4, false",
            "crypto-crc32c, crypto-crc32c, true",
            "crypto-crc32c, crypto-crc32, false",
            "of:N*T*Cfsl[0-9]x, of:NaTbCfsl7x, true",
            "of:N*T*Cfsl[!0-9]x, of:NaTbCfsl7x, false",
            "a?c, abc, true",
            "a?c, ac, false",
            "*, '', true",
            "a[bc, a[bc, true",
    })
    void matchesLikeFnmatch(String pattern, String text, boolean expected) {
        assertThat(Glob.matches(pattern, text)).isEqualTo(expected);
    }
}
