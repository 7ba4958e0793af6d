package dev.netgen.inventory;

import java.util.List;
import java.util.Optional;

/** The outcome of loading an inventory: the model when it is valid, else every problem found, in file order. */
public record LoadResult(Optional<Inventory> inventory, List<Problem> problems) {
    public LoadResult {
        problems = problems.stream().sorted(Problem.ORDER).toList();
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
