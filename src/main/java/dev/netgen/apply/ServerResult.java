package dev.netgen.apply;

/** How one server fared, for the summary at the end of a run. */
public record ServerResult(String server, Status status, String detail) {
    public enum Status { UNCHANGED, APPLIED, PLANNED, FAILED }

    String line() {
        return server + ": " + status.name().toLowerCase(java.util.Locale.ROOT) + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
