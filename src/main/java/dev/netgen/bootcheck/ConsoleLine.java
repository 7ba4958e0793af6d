package dev.netgen.bootcheck;

/**
 * One line of a VM's serial console (or of the lab server's log, which arrives on its console), cleaned of
 * terminal escapes.
 *
 * @param atNanos {@link System#nanoTime()} when netgen read it
 * @param source  "client" or "server"
 */
record ConsoleLine(long atNanos, String source, String text) {
    /** Drops ANSI escape sequences, carriage returns and other control characters of firmware output. */
    static String clean(String raw) {
        String s = raw.replaceAll("\u001b\\[[0-9;?]*[a-zA-Z]", "").replaceAll("\u001b[()][0-9A-Za-z]", "").replaceAll("\u001bc", "");
        return s.replaceAll("[\\p{Cntrl}&&[^\t]]", "").stripTrailing();
    }
}
