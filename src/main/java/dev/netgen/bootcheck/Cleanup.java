package dev.netgen.bootcheck;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Everything a lab run must undo, whatever ends it: VMs are killed and temporary directories deleted on
 * close, and by a JVM shutdown hook if netgen is interrupted (Ctrl-C, SIGTERM) before that.
 */
final class Cleanup implements AutoCloseable {
    private final Deque<Object> items = new ArrayDeque<>();
    private final Thread hook = new Thread(this::runAll, "netgen-lab-cleanup");
    private boolean hooked;

    Cleanup() {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            hooked = true;
        } catch (IllegalStateException e) {
            hooked = false; // already shutting down: close() still runs
        }
    }

    synchronized void add(Vm vm) {
        items.push(vm);
    }

    synchronized void add(Path tempDir) {
        items.push(tempDir);
    }

    synchronized void remove(Vm vm) {
        items.remove(vm);
    }

    private synchronized void runAll() {
        while (!items.isEmpty()) {
            Object o = items.pop();
            try {
                if (o instanceof Vm vm) {
                    vm.close();
                } else if (o instanceof Path p) {
                    LabCache.delete(p);
                }
            } catch (RuntimeException e) {
                // keep going: the next item must be cleaned up as well
            }
        }
    }

    @Override
    public void close() {
        runAll();
        if (hooked) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down and the hook runs anyway
            }
        }
    }
}
