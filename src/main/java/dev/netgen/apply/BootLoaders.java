package dev.netgen.apply;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The syslinux files a dhcpd.conf sends clients to, and where this machine's Debian packages keep them
 * (pxelinux, syslinux-common, syslinux-efi). Apply ships them only when the server lacks them.
 */
final class BootLoaders {
    private static final Pattern FILENAME = Pattern.compile("^\\s*filename\\s+\"([^\"]+)\"\\s*;", Pattern.MULTILINE);

    /** Loader name as dhcpd.conf names it → the files it needs beside it, with their local sources. */
    private static final Map<String, Map<String, Path>> KNOWN = Map.of(
            "pxelinux.0", ordered("pxelinux.0", "/usr/lib/PXELINUX/pxelinux.0",
                    "ldlinux.c32", "/usr/lib/syslinux/modules/bios/ldlinux.c32"),
            "syslinux.efi", ordered("syslinux.efi", "/usr/lib/SYSLINUX.EFI/efi64/syslinux.efi",
                    "ldlinux.e64", "/usr/lib/syslinux/modules/efi64/ldlinux.e64"));

    private BootLoaders() {
    }

    private static Map<String, Path> ordered(String n1, String p1, String n2, String p2) {
        Map<String, Path> m = new LinkedHashMap<>();
        m.put(n1, Path.of(p1));
        m.put(n2, Path.of(p2));
        return m;
    }

    /** Server path under {@code tftpRoot} → local source, for every known loader {@code dhcpdConf} names. */
    static Map<String, Path> needed(String dhcpdConf, String tftpRoot) {
        Map<String, Path> out = new LinkedHashMap<>();
        Matcher m = FILENAME.matcher(dhcpdConf);
        while (m.find()) {
            String named = m.group(1).replaceFirst("^/+", "");
            int slash = named.lastIndexOf('/');
            String dir = slash < 0 ? "" : named.substring(0, slash + 1);
            Map<String, Path> files = KNOWN.get(named.substring(slash + 1));
            if (files != null) {
                String base = tftpRoot.endsWith("/") ? tftpRoot : tftpRoot + "/";
                files.forEach((name, source) -> out.put(base + dir + name, source));
            }
        }
        return out;
    }

    static boolean available(Path source) {
        return Files.isReadable(source);
    }

    static List<String> packages() {
        return List.of("pxelinux", "syslinux-common", "syslinux-efi");
    }
}
