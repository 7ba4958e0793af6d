package dev.netgen.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Preconditions of tests that need a real tool, root, a daemon, QEMU or podman: on a laptop without
 * them the test is skipped with the reason; with CI=true it fails, because CI installs everything and a
 * skipped integration test there hides a broken setup.
 */
public final class Require {
    private Require() {
    }

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips (laptop) or fails (CI) unless {@code condition} holds. */
    public static void that(boolean condition, String reason) {
        if (condition) {
            return;
        }
        if (inCi()) {
            throw new AssertionError("CI=true but " + reason + " (ci/setup should have provided it)");
        }
        Assumptions.abort(reason);
    }

    /** Requires an executable on PATH (or an absolute path) and returns its path. */
    public static Path tool(String name, String debianPackage) {
        Path found = which(name);
        that(found != null, name + " not found: apt-get install " + debianPackage);
        return found;
    }

    public static Path which(String name) {
        if (name.contains("/")) {
            Path p = Path.of(name);
            return Files.isExecutable(p) ? p : null;
        }
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
