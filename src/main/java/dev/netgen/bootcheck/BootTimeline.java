package dev.netgen.bootcheck;

import java.util.Locale;

/**
 * The boot timeline as a self-contained HTML page with an inline SVG: one row per host, one bar segment per
 * stage (from the previous stage to this one), the failed stage in red with its reason and console lines.
 */
public final class BootTimeline {
    private static final String[] COLORS = {"#4e79a7", "#59a14f", "#9c755f", "#f28e2b", "#edc948", "#76b7b2",
        "#b07aa1", "#ff9da7", "#86bcb6", "#8cd17d", "#499894"};
    private static final int LEFT = 170;
    private static final int WIDTH = 900;
    private static final int ROW = 34;

    private BootTimeline() {
    }

    public static String html(BootRun run) {
        long maxMs = Math.max(1000, run.hosts().stream().mapToLong(HostResult::totalMs).max().orElse(1000));
        double scale = (WIDTH - LEFT - 20) / (double) maxMs;
        int height = 60 + ROW * run.hosts().size() + 40;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, height));
        for (long s = 0; s <= maxMs; s += 5000) {
            double x = LEFT + s * scale;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"40\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/><text x=\"%.1f\" y=\"32\" text-anchor=\"middle\">%d s</text>%n",
                    x, x, height - 40, x, s / 1000));
        }
        int y = 50;
        for (HostResult h : run.hosts()) {
            svg.append(String.format(Locale.ROOT, "<text x=\"5\" y=\"%d\">%s (%s)</text>%n", y + 16, esc(h.host()), esc(h.nic())));
            long prev = 0;
            for (Stage s : Stage.values()) {
                Long ms = h.stages().get(s);
                boolean failed = h.failedStage().filter(s::equals).isPresent();
                if (ms == null && !failed) {
                    continue;
                }
                long end = ms != null ? ms : h.totalMs();
                String color = failed ? "#e15759" : COLORS[s.ordinal() % COLORS.length];
                String title = s.label() + ": " + (failed ? "FAILED at " + BootReport.seconds(end) + (h.reason().isEmpty() ? "" : " - " + h.reason())
                        : BootReport.seconds(end));
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"22\" fill=\"%s\"><title>%s</title></rect>%n",
                        LEFT + prev * scale, y, Math.max(1.5, (end - prev) * scale), color, esc(title)));
                prev = end;
                if (failed) {
                    break;
                }
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>%n", LEFT + prev * scale + 4, y + 16,
                    esc(h.passed() ? BootReport.seconds(h.totalMs()) : "FAILED at " + h.failedStage().get().id())));
            y += ROW;
        }
        int lx = LEFT;
        for (Stage s : Stage.values()) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" font-size=\"10\">%s</text>%n",
                    lx, y + 10, COLORS[s.ordinal() % COLORS.length], lx + 12, y + 19, esc(s.id())));
            lx += 12 + 7 * s.id().length();
        }
        svg.append("</svg>\n");

        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>netgen check boot: ")
                .append(esc(run.server())).append("</title></head>\n<body>\n<h1>netgen check boot: ").append(esc(run.server()))
                .append(" (").append(esc(run.mode())).append(")</h1>\n");
        if (run.serverReadyMs() >= 0) {
            html.append("<p>Lab boot server ready in ").append(BootReport.seconds(run.serverReadyMs()))
                    .append(", configured by netgen apply in ").append(BootReport.seconds(run.applyMs())).append(".</p>\n");
        }
        html.append(svg).append("<pre>").append(esc(BootReport.table(run))).append("</pre>\n");
        for (HostResult h : run.hosts()) {
            if (!h.passed()) {
                html.append("<h2>").append(esc(h.host())).append(": failed at ").append(esc(h.failedStage().get().id())).append("</h2>\n<p>")
                        .append(esc(h.reason())).append("</p>\n<pre>").append(esc(String.join("\n", h.console()))).append("</pre>\n");
            }
        }
        return html.append("</body></html>\n").toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

}
