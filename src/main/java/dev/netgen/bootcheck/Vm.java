package dev.netgen.bootcheck;

import dev.netgen.core.ExitCode;
import dev.netgen.core.NetgenException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A running QEMU whose serial console is its stdout; every line goes, timestamped and cleaned, to a
 * listener. Closing it kills QEMU (and anything it started) and waits for it to be gone.
 */
final class Vm implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Thread reader;

    private Vm(String name, Process process, Thread reader) {
        this.name = name;
        this.process = process;
        this.reader = reader;
    }

    static Vm start(String name, List<String> argv, String source, Path stderrLog, Consumer<ConsoleLine> listener, Cleanup cleanup) {
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.appendTo(stderrLog.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new NetgenException(ExitCode.BOOT_FAILED, "cannot start " + argv.get(0)
                    + " (apt-get install qemu-system-x86 ipxe-qemu): " + e.getMessage(), e);
        }
        Vm vm = new Vm(name, p, new Thread(() -> follow(p, source, listener), "console-" + name));
        cleanup.add(vm);
        vm.reader.setDaemon(true);
        vm.reader.start();
        return vm;
    }

    private static void follow(Process p, String source, Consumer<ConsoleLine> listener) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String raw;
            while ((raw = r.readLine()) != null) {
                String text = ConsoleLine.clean(raw);
                if (!text.isBlank()) {
                    listener.accept(new ConsoleLine(System.nanoTime(), source, text));
                }
            }
        } catch (IOException e) {
            // QEMU was killed: the console simply ends
        }
    }

    String name() {
        return name;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits until QEMU exits on its own (poweroff with -no-reboot) for at most {@code millis}. */
    boolean waitForExit(long millis) throws InterruptedException {
        return process.waitFor(millis, TimeUnit.MILLISECONDS);
    }

    /** Waits until the console has been read to its end (QEMU gone), so no late line is lost. */
    void drain() throws InterruptedException {
        reader.join(2000);
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
