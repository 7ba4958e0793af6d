package dev.netgen.root;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What {@code netgen root create} makes: a Debian {@code suite} minbase root in {@code sysroot} with the
 * base packages a diskless systemd client needs, the user's extra packages and, with a kernel version,
 * that kernel's image and modules.
 */
public record RootSpec(Path sysroot, String suite, List<String> include, Optional<String> kernelVersion) {
    /** The client's init and module loading; everything else is the user's choice. */
    public static final List<String> BASE_PACKAGES = List.of("systemd-sysv", "kmod");

    private static final Pattern PACKAGE = Pattern.compile("[a-z0-9][a-z0-9.+~:=_/-]*");
    private static final Pattern SUITE = Pattern.compile("[a-z0-9][a-z0-9.-]*");
    private static final Pattern KERNEL_VERSION = Pattern.compile("[a-z0-9][a-z0-9.+~-]*");

    public RootSpec {
        include = List.copyOf(include);
        check(SUITE, suite, "suite", "a Debian release name such as bookworm");
        include.forEach(p -> check(PACKAGE, p, "package", "a Debian package name"));
        kernelVersion.ifPresent(v -> check(KERNEL_VERSION, v, "kernel version", "the version in linux-image-<version>, such as 6.1.0-56-amd64"));
    }

    /** The base packages followed by the user's, without repeats. */
    public List<String> packages() {
        return java.util.stream.Stream.concat(BASE_PACKAGES.stream(), include.stream()).distinct().toList();
    }

    /** Splits a user's --include value ("a,b c") into package names. */
    public static List<String> splitPackages(String value) {
        return java.util.Arrays.stream(value.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    private static void check(Pattern p, String value, String what, String expected) {
        if (value == null || !p.matcher(value).matches()) {
            throw dev.netgen.core.NetgenException.usage("invalid " + what + " '" + value + "': expected " + expected);
        }
    }
}
