package dev.netgen.apply;

import java.io.PrintWriter;

/** Progress lines on stderr, one per server and step, so a long apply shows where it is. */
final class Progress {
    private final PrintWriter err;

    Progress(PrintWriter err) {
        this.err = err;
    }

    void step(String server, String message) {
        err.println("[" + server + "] " + message);
        err.flush();
    }
}
