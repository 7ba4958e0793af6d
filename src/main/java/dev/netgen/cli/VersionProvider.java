package dev.netgen.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven filtered into the jar, so --version never drifts from the pom. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/netgen/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return new String[] {"netgen " + p.getProperty("version", "unknown")};
    }
}
