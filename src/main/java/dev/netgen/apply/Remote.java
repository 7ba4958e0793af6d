package dev.netgen.apply;

import java.io.IOException;

/**
 * Where a server's files and service commands live: over ssh, or this machine. Every operation is a
 * POSIX shell script run on the server with optional data on its standard input, so the transaction
 * logic is the same for both.
 */
interface Remote extends AutoCloseable {
    /** Runs {@code script} with {@code sh -c} on the server. Transport failures throw; script failures return. */
    ProcessRunner.Result run(String script, byte[] stdin) throws IOException;

    /** The local command line that runs {@code script} on the server, for long-lived sessions such as the lock. */
    java.util.List<String> command(String script);

    /** Where this is, for messages: {@code root@bootserver:22} or {@code local}. */
    String describe();

    @Override
    void close();
}
