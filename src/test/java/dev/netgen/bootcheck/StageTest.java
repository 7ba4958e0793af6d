package dev.netgen.bootcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StageTest {
    @Test
    void everyStageTheClientInitCanFailAtMapsToALaterStageThanTheKernel() throws IOException {
        String init = Files.readString(Path.of("templates/images/init.ftl"));
        Matcher m = Pattern.compile("\\bfail ([a-z_-]+) \"").matcher(init);
        Set<String> names = new TreeSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        assertThat(names).contains("drivers", "dhcp", "root-path", "nfs", "root", "switch_root");
        for (String n : names) {
            assertThat(Stage.ofInitName(n).ordinal()).as(n).isGreaterThan(Stage.KERNEL.ordinal());
        }
        assertThat(Stage.ofInitName("nfs")).isEqualTo(Stage.NFS);
        assertThat(Stage.ofInitName("dhcp")).isEqualTo(Stage.INITRAMFS_DHCP);
    }

    @Test
    void theInitramfsSaysEachOfItsStagesWithTheWordsTheTrackerLooksFor() throws IOException {
        String init = Files.readString(Path.of("templates/images/init.ftl"));
        for (String said : new String[] {"say \"drivers: $IFACE uses", "say \"dhcp: lease ", "say \"root-path: ", "say \"nfs: mounted ",
            "say \"root: ", "say \"switch_root: "}) {
            assertThat(init).contains(said);
        }
        assertThat(Arrays.stream(Stage.values()).map(Stage::id).distinct()).hasSize(Stage.values().length);
    }

    @Test
    void consoleLinesLoseTerminalEscapesAndControlCharacters() {
        assertThat(ConsoleLine.clean("\u001bc\u001b[?7l\u001b[2J\u001b[0mSeaBIOS (version 1.16.2)\r")).isEqualTo("SeaBIOS (version 1.16.2)");
        assertThat(ConsoleLine.clean("Configuring (net0 52:54:00:77:00:11)...\b\b ok\r")).isEqualTo("Configuring (net0 52:54:00:77:00:11)... ok");
    }
}
