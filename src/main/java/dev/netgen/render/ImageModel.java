package dev.netgen.render;

import dev.netgen.inventory.Image;

/** The typed root object of the per-image templates (the initramfs init and its udhcpc script). */
public record ImageModel(String generatedBy, Image image) {
    /** True when the init builds an overlayfs root, false for the HOWTO's tmpfs and symlinks. */
    public boolean overlay() {
        return image.writableRoot() == dev.netgen.inventory.WritableRoot.OVERLAY;
    }
}
