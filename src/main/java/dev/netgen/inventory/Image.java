package dev.netgen.inventory;

import java.util.List;

/** A bootable client image: an exported NFS root plus the kernel and initramfs that mount it. */
public record Image(String name, String root, String kernel, String kernelVersion, String initrd, String append,
        List<String> nfsOptions, WritableRoot writableRoot, List<String> modules, Location location) {
    public Image {
        nfsOptions = List.copyOf(nfsOptions);
        modules = List.copyOf(modules);
    }
}
