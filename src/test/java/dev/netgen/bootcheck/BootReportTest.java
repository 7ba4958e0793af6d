package dev.netgen.bootcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reports built from trackers fed with recorded consoles of a real lab run. */
class BootReportTest {
    private static HostResult result(String host, String mac, String ip, String fixture, String nic) {
        StageTracker t = new StageTracker(mac, ip, ConsoleFixture.POWER_ON, (s, ms) -> { });
        List<ConsoleLine> console = ConsoleFixture.load(fixture);
        console.forEach(t::accept);
        long total = (console.get(console.size() - 1).atNanos() - ConsoleFixture.POWER_ON) / 1_000_000;
        return new HostResult(host, mac, ip, "img-" + host, nic, t.reached(), t.failedStage(),
                t.failure().map(StageTracker.Failure::reason).orElse(""), t.failedStage().isPresent() ? t.context(12) : List.of(), total);
    }

    private static final BootRun RUN = new BootRun("labsrv", "lab", 11_200, 2_300, List.of(
            result("virtio-overlay", "52:54:00:77:00:11", "10.77.0.11", "virtio-overlay.console", "virtio-net-pci"),
            result("broken-root-path", "52:54:00:77:00:21", "10.77.0.21", "broken-root-path.console", "e1000")));

    @Test
    void theTableHasAColumnPerHostAndARowPerStage() {
        String table = BootReport.table(RUN);
        List<String> lines = table.lines().toList();
        assertThat(lines.get(0)).isEqualTo("boot server labsrv (lab): ready in 11.2 s, configured by netgen apply in 2.3 s");
        assertThat(lines.get(1)).matches("STAGE +virtio-overlay +broken-root-path");
        for (Stage s : Stage.values()) {
            assertThat(lines).anyMatch(l -> l.startsWith(s.id() + " "));
        }
        long initMs = RUN.hosts().get(0).stages().get(Stage.INIT);
        assertThat(lines).anyMatch(l -> l.matches("init +" + java.util.regex.Pattern.quote(BootReport.seconds(initMs)) + " +-"));
        assertThat(lines).anyMatch(l -> l.matches("nfs +[0-9.]+ s +FAILED"));
        assertThat(lines.get(lines.size() - 1)).matches("result +ok +FAILED at nfs");
    }

    @Test
    void jsonCarriesEveryStageTimeAndTheFailure() throws Exception {
        JsonNode root = new ObjectMapper().readTree(BootReport.json(RUN));
        assertThat(root.get("passed").asBoolean()).isFalse();
        assertThat(root.get("serverReadyMs").asLong()).isEqualTo(11_200);
        JsonNode ok = root.get("hosts").get(0);
        assertThat(ok.get("result").asText()).isEqualTo("passed");
        assertThat(ok.get("stages").size()).isEqualTo(Stage.values().length);
        assertThat(ok.get("stages").get("init").asLong()).isEqualTo(RUN.hosts().get(0).stages().get(Stage.INIT));
        assertThat(ok.has("console")).isFalse();
        JsonNode bad = root.get("hosts").get(1);
        assertThat(bad.get("failedStage").asText()).isEqualTo("nfs");
        assertThat(bad.get("reason").asText()).startsWith("cannot mount");
        assertThat(bad.get("console").get(bad.get("console").size() - 1).asText()).startsWith("netgen: FAILED at nfs");
        assertThat(bad.get("nic").asText()).isEqualTo("e1000");
    }

    @Test
    void theExit6MessageNamesHostStageReasonAndConsole() {
        String msg = BootReport.failure(RUN);
        assertThat(msg.lines().findFirst().orElseThrow()).isEqualTo("boot check failed: host broken-root-path failed at stage nfs "
                + "(NFS root mounted): cannot mount 10.77.0.1:/netboot/not-there; is it exported to 10.77.0.21 (exportfs -v on the server)?");
        assertThat(msg.lines().skip(1)).allMatch(l -> l.startsWith("    | ")).hasSize(13);
    }

    @Test
    void theTimelineIsAnHtmlPageWithOneBarPerStageAndTheFailureInRed() {
        String html = BootTimeline.html(RUN);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").endsWith("</html>\n");
        int rects = html.split("<rect ", -1).length - 1;
        int bars = Stage.values().length + RUN.hosts().get(1).stages().size() + 1;
        assertThat(rects).isEqualTo(bars + Stage.values().length); // plus the legend
        assertThat(html).contains("fill=\"#e15759\"><title>NFS root mounted: FAILED at");
        assertThat(BootTimeline.esc("<a href=\"x\">&")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&amp;");
        assertThat(BootTimeline.html(RUN)).isEqualTo(html);
    }

    @Test
    void aRunWithoutFailuresPasses() {
        BootRun ok = new BootRun("s", "bridge br0", -1, -1, List.of(RUN.hosts().get(0)));
        assertThat(ok.passed()).isTrue();
        assertThat(BootReport.table(ok)).doesNotContain("ready in");
        assertThat(ok.hosts().get(0).failedStage()).isEqualTo(Optional.empty());
    }
}
