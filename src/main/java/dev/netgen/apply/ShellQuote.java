package dev.netgen.apply;

/** POSIX shell single-quoting, for paths and scripts passed through ssh's remote shell. */
final class ShellQuote {
    private ShellQuote() {
    }

    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
