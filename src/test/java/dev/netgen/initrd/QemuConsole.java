package dev.netgen.initrd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs QEMU with the serial console on stdout and returns the console text once QEMU exits or times out. */
final class QemuConsole {
    private QemuConsole() {
    }

    static String run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Process qemu = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        StringBuffer console = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(qemu.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    console.append(line).append('\n');
                }
            } catch (IOException e) {
                console.append("[console read failed: ").append(e).append("]\n");
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            if (!qemu.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                console.append("[netgen test: QEMU killed after ").append(timeout.toSeconds()).append(" s]\n");
            }
        } finally {
            qemu.destroyForcibly();
            qemu.waitFor(10, TimeUnit.SECONDS);
            reader.join(5000);
        }
        return console.toString();
    }
}
