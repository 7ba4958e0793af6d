package dev.netgen.bootcheck;

import dev.netgen.root.RootCreator;
import dev.netgen.root.RootPreparer;
import dev.netgen.root.RootSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A Debian minbase root made with netgen root create and made diskless-ready with netgen root prepare (the
 * real code paths), cached under $NETGEN_CACHE/lab by its inputs: mmdebstrap takes 20-30 s once. Without a
 * kernel package: the client's kernel and drivers come from the initramfs.
 */
final class PreparedDebianRoot {
    /** Bump when root create or prepare make a different root from the same inputs. */
    private static final String FORMAT = "1";

    private PreparedDebianRoot() {
    }

    static synchronized Path get() {
        LabCache cache = LabCache.fromEnvironment();
        RootSpec spec = new RootSpec(Path.of("unused"), RootCreator.defaultSuite(), List.of(), Optional.empty());
        Path entry = cache.lab().resolve("debian-root-" + LabCache.hash(FORMAT, spec.suite(), String.join(",", spec.packages())));
        if (Files.isDirectory(entry)) {
            return entry;
        }
        Path partial = cache.partial(entry);
        LabCache.delete(partial);
        new RootCreator(RootCreator::onPath, System.err, Duration.ofMinutes(20))
                .create(new RootSpec(partial, spec.suite(), spec.include(), spec.kernelVersion()));
        new RootPreparer().prepare(partial, false);
        cache.commit(partial, entry);
        return entry;
    }
}
