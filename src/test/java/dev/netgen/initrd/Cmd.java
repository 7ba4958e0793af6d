package dev.netgen.initrd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real tool in a directory and returns its stdout; a non-zero exit fails the test with stderr. */
final class Cmd {
    private Cmd() {
    }

    static String run(Path dir, String... command) throws IOException, InterruptedException {
        return run(dir, null, command);
    }

    /** {@code stdin}, if given, is fed to the process from that file. */
    static String run(Path dir, Path stdin, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(dir.toFile());
        pb.environment().put("TZ", "UTC"); // cpio -tv shows mtime 0 as 1970 only in UTC
        pb.redirectInput(stdin != null ? stdin.toFile() : new java.io.File("/dev/null"));
        Path err = java.nio.file.Files.createTempFile("netgen-cmd", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " timed out");
        }
        String stderr = java.nio.file.Files.readString(err);
        java.nio.file.Files.delete(err);
        if (p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + p.exitValue() + ": " + stderr);
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
