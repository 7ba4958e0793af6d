package dev.netgen.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of target/netgen.jar. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = CommandFactory.create(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
