package dev.netgen.inventory;

/** Where a resolved host's field came from: the host itself, a profile, or a default. */
public record Source(String origin, Location location) {
    @Override
    public String toString() {
        return location == null ? origin : origin + " (" + location + ")";
    }
}
