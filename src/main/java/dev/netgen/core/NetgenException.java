package dev.netgen.core;

/**
 * The one exception type that ends a command: it carries the exit code and a message that is shown to
 * the user as is, so the message must say what went wrong and what to do about it.
 */
public final class NetgenException extends RuntimeException {
    private final ExitCode exitCode;

    public NetgenException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public NetgenException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    public static NetgenException usage(String message) {
        return new NetgenException(ExitCode.USAGE, message);
    }

    public static NetgenException invalidInventory(String message) {
        return new NetgenException(ExitCode.INVALID_INVENTORY, message);
    }

    public static NetgenException template(String message, Throwable cause) {
        return new NetgenException(ExitCode.TEMPLATE_ERROR, message, cause);
    }

    public static NetgenException applyFailed(String message, Throwable cause) {
        return new NetgenException(ExitCode.APPLY_FAILED, message, cause);
    }

    public static NetgenException bootFailed(String message) {
        return new NetgenException(ExitCode.BOOT_FAILED, message);
    }

    public static NetgenException internal(String message, Throwable cause) {
        return new NetgenException(ExitCode.INTERNAL, message, cause);
    }
}
