package dev.netgen.apply;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file apply wants on the server: where it is on the server, where its content comes from here, and
 * whether netgen owns it afterwards (rendered files) or only ships it when missing (boot loaders).
 */
record LocalFile(String serverPath, Path source, String sha256, boolean owned) {
    static LocalFile of(String serverPath, Path source, boolean owned) throws IOException {
        return new LocalFile(serverPath, source, Sha256.hex(Files.readAllBytes(source)), owned);
    }

    byte[] content() throws IOException {
        return Files.readAllBytes(source);
    }

    long size() throws IOException {
        return Files.size(source);
    }
}
