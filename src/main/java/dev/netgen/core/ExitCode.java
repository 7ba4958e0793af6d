package dev.netgen.core;

/** The exit codes of the user-facing contract; scripts and CI pipelines rely on these numbers. */
public enum ExitCode {
    OK(0),
    DIFFERENCE(1),
    USAGE(2),
    INVALID_INVENTORY(3),
    TEMPLATE_ERROR(4),
    APPLY_FAILED(5),
    BOOT_FAILED(6),
    INTERNAL(70);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
