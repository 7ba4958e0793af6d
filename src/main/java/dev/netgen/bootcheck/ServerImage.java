package dev.netgen.bootcheck;

import java.nio.file.Path;

/**
 * The lab boot server: a Debian kernel and a root (initramfs) made from Debian packages, booted straight
 * into RAM so every run starts from the same state.
 *
 * @param hostKey the server's ed25519 host key ("ssh-ed25519 AAAA..."), for an honest known_hosts entry
 */
record ServerImage(Path kernel, Path initrd, String hostKey) {
}
