package dev.netgen.inventory;

/** How the client makes its read-only NFS root writable. */
public enum WritableRoot {
    /** overlayfs with a tmpfs upper layer over the NFS root (default). */
    OVERLAY("overlay"),
    /** The HOWTO's way: a tmpfs root with symlinks into the NFS root and copied /var. */
    SYMLINKS("symlinks");

    private final String yamlName;

    WritableRoot(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    @Override
    public String toString() {
        return yamlName;
    }
}
