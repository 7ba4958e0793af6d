package dev.netgen.bootcheck;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows one client's boot: its console lines and the lab server's log lines about it, in arrival order,
 * and records when each {@link Stage} was first proven. Thread-safe: console readers call {@link #accept}.
 */
final class StageTracker {
    private final String mac;
    private final Pattern ip;
    private final long powerOnNanos;
    private final BiConsumer<Stage, Long> onStage;
    private final Map<Stage, Long> reached = new EnumMap<>(Stage.class);
    private final List<ConsoleLine> lines = new ArrayList<>();
    private Failure failure;

    /** Where and why the initramfs said it failed, and the index of that line in {@link #lines()}. */
    record Failure(Stage stage, String reason, int line) {
    }

    /**
     * @param mac     the client's MAC in colon form, to pick its lines from the server log (dhcpd)
     * @param ip      the client's fixed address, likewise (in.tftpd)
     * @param onStage told each stage once, with milliseconds since power-on (progress output)
     */
    StageTracker(String mac, String ip, long powerOnNanos, BiConsumer<Stage, Long> onStage) {
        this.mac = mac.toLowerCase(Locale.ROOT);
        this.ip = Pattern.compile("(^|[^0-9.])" + Pattern.quote(ip) + "([^0-9.]|$)");
        this.powerOnNanos = powerOnNanos;
        this.onStage = onStage;
    }

    synchronized void accept(ConsoleLine line) {
        if (line.source().equals("server")) {
            boolean ours = line.text().toLowerCase(Locale.ROOT).contains(mac) || ip.matcher(line.text()).find();
            if (!ours || line.atNanos() < powerOnNanos) {
                return; // another client's, or before this one was powered on
            }
        }
        lines.add(line);
        Matcher f = Stage.FAILED.matcher(line.text());
        if (f.find() && failure == null) {
            failure = new Failure(Stage.ofInitName(f.group("stage")), f.group("why"), lines.size() - 1);
            return;
        }
        for (Stage s : Stage.values()) {
            if (!reached.containsKey(s) && s.evidence().matcher(line.text()).find()) {
                long ms = (line.atNanos() - powerOnNanos) / 1_000_000;
                reached.put(s, Math.max(0, ms));
                onStage.accept(s, ms);
            }
        }
    }

    synchronized boolean initReached() {
        return reached.containsKey(Stage.INIT);
    }

    synchronized Optional<Failure> failure() {
        return Optional.ofNullable(failure);
    }

    synchronized Map<Stage, Long> reached() {
        return Collections.unmodifiableMap(new EnumMap<>(reached));
    }

    synchronized List<ConsoleLine> lines() {
        return List.copyOf(lines);
    }

    /**
     * The stage that failed: the one the initramfs named, else the first stage after the last one proven
     * (a firmware or loader that stops leaves no failure line of its own).
     */
    synchronized Optional<Stage> failedStage() {
        if (failure != null) {
            return Optional.of(failure.stage());
        }
        if (reached.containsKey(Stage.INIT)) {
            return Optional.empty();
        }
        Stage last = null;
        for (Stage s : Stage.values()) {
            if (reached.containsKey(s)) {
                last = s;
            }
        }
        return last == null ? Optional.of(Stage.DHCP) : last.next();
    }

    /** Up to {@code before} lines before the failure line (or the end) and that line, for the error message. */
    synchronized List<String> context(int before) {
        int end = failure != null ? failure.line() + 1 : lines.size();
        return lines.subList(Math.max(0, end - before - 1), end).stream()
                .map(l -> (l.source().equals("server") ? "[server] " : "") + l.text()).toList();
    }
}
