package dev.netgen.inventory;

/** A value together with where it was written, kept until validation is over. */
record Field<T>(T value, Location location) {
}
