package dev.netgen.bootcheck;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The result of a boot check as a terminal table (stages down, hosts across) and as JSON for pipelines. */
public final class BootReport {
    private BootReport() {
    }

    public static String table(BootRun run) {
        List<List<String>> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("STAGE"));
        run.hosts().forEach(h -> head.add(h.host()));
        rows.add(head);
        rows.add(row("nic", run, HostResult::nic));
        rows.add(row("image", run, HostResult::image));
        for (Stage s : Stage.values()) {
            List<String> r = new ArrayList<>(List.of(s.id()));
            for (HostResult h : run.hosts()) {
                Long ms = h.stages().get(s);
                r.add(ms != null ? seconds(ms) : h.failedStage().filter(s::equals).isPresent() ? "FAILED" : "-");
            }
            rows.add(r);
        }
        rows.add(row("result", run, h -> h.passed() ? "ok" : "FAILED at " + h.failedStage().get().id()));
        int[] width = new int[head.size()];
        rows.forEach(r -> {
            for (int i = 0; i < r.size(); i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        });
        StringBuilder sb = new StringBuilder();
        if (run.serverReadyMs() >= 0) {
            sb.append("boot server ").append(run.server()).append(" (lab): ready in ").append(seconds(run.serverReadyMs()))
                    .append(", configured by netgen apply in ").append(seconds(run.applyMs())).append('\n');
        }
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                line.append(i == 0 ? String.format("%-" + width[i] + "s", r.get(i)) : String.format("  %" + width[i] + "s", r.get(i)));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    private static List<String> row(String name, BootRun run, java.util.function.Function<HostResult, String> f) {
        List<String> r = new ArrayList<>(List.of(name));
        run.hosts().forEach(h -> r.add(f.apply(h)));
        return r;
    }

    static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    public static String json(BootRun run) {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("server", run.server());
        root.put("mode", run.mode());
        if (run.serverReadyMs() >= 0) {
            root.put("serverReadyMs", run.serverReadyMs());
            root.put("applyMs", run.applyMs());
        }
        root.put("passed", run.passed());
        ArrayNode hosts = root.putArray("hosts");
        for (HostResult h : run.hosts()) {
            ObjectNode o = hosts.addObject();
            o.put("host", h.host());
            o.put("mac", h.mac());
            o.put("ip", h.ip());
            o.put("image", h.image());
            o.put("nic", h.nic());
            o.put("result", h.passed() ? "passed" : "failed");
            if (!h.passed()) {
                o.put("failedStage", h.failedStage().get().id());
                o.put("reason", h.reason());
            }
            o.put("totalMs", h.totalMs());
            ObjectNode stages = o.putObject("stages");
            for (Stage s : Stage.values()) {
                if (h.stages().containsKey(s)) {
                    stages.put(s.id(), h.stages().get(s));
                }
            }
            if (!h.console().isEmpty()) {
                ArrayNode c = o.putArray("console");
                h.console().forEach(c::add);
            }
        }
        try {
            return m.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The message of exit 6: each failed host, its stage, why, and its console lines around the failure. */
    public static String failure(BootRun run) {
        List<HostResult> failed = run.hosts().stream().filter(h -> !h.passed()).toList();
        StringBuilder sb = new StringBuilder();
        sb.append(failed.size() == 1 ? "boot check failed: " : "boot check failed for " + failed.size() + " hosts: ");
        for (int i = 0; i < failed.size(); i++) {
            HostResult h = failed.get(i);
            sb.append(i == 0 ? "" : "\n").append("host ").append(h.host()).append(" failed at stage ").append(h.failedStage().get().id())
                    .append(" (").append(h.failedStage().get().label()).append(")").append(h.reason().isEmpty() ? "" : ": " + h.reason());
            h.console().forEach(l -> sb.append("\n    | ").append(l));
        }
        return sb.toString();
    }
}
