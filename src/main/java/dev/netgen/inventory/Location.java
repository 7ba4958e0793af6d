package dev.netgen.inventory;

/** Where a value was written: file, 1-based line and column. Every validation problem points at one. */
public record Location(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
