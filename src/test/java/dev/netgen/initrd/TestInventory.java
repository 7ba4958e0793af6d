package dev.netgen.initrd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small inventory whose image boots the test kernel: two servers boot it, a third does not. */
final class TestInventory {
    private TestInventory() {
    }

    static Path write(Path dir, TestKernel kernel, String modules) throws IOException {
        Path file = dir.resolve("inventory.yaml");
        Files.writeString(file, """
                version: 1
                servers:
                  boot1:
                    address: 10.0.2.2
                  boot2:
                    address: 10.0.3.2
                    tftp-root: /srv/tftp
                  idle:
                    address: 10.0.4.2
                networks:
                  qemu:
                    subnet: 10.0.2.0/24
                    server: boot1
                  lab:
                    subnet: 10.0.3.0/24
                    server: boot2
                  spare:
                    subnet: 10.0.4.0/24
                    server: idle
                images:
                  debian:
                    root: /srv/netboot/debian
                    kernel: vmlinuz-%1$s
                    kernel-version: %1$s
                    initrd: initrd-debian.img
                    modules: [%2$s]
                  unused:
                    root: /srv/netboot/unused
                    kernel: vmlinuz-%1$s
                    kernel-version: %1$s
                    initrd: initrd-unused.img
                hosts:
                  client1:
                    mac: 52:54:00:12:34:56
                    ip: 10.0.2.15
                    image: debian
                  client2:
                    mac: 52:54:00:12:34:57
                    ip: 10.0.3.15
                    image: debian
                """.formatted(kernel.version(), modules));
        return file;
    }
}
