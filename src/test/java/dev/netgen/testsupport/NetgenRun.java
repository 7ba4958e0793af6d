package dev.netgen.testsupport;

import dev.netgen.cli.CommandFactory;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process `netgen` run through the same factory as Main, with stdout and stderr captured. */
public record NetgenRun(int exit, String out, String err) {
    public static NetgenRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CommandFactory.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new NetgenRun(code, out.toString(), err.toString());
    }
}
