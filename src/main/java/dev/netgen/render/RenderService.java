package dev.netgen.render;

import dev.netgen.core.NetgenException;
import dev.netgen.inventory.Inventory;
import dev.netgen.inventory.InventoryLoader;
import dev.netgen.inventory.LoadResult;
import dev.netgen.inventory.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The use cases behind `validate` and `render`: load, validate and render an inventory. */
public final class RenderService {
    private RenderService() {
    }

    /** Loads and validates; throws exit 3 with every problem, one per line, when the inventory is invalid. */
    public static Inventory load(Path inventory) {
        LoadResult r = InventoryLoader.load(inventory);
        if (!r.valid()) {
            throw NetgenException.invalidInventory(describe(r.problems()));
        }
        return r.inventory().orElseThrow();
    }

    public static String describe(List<Problem> problems) {
        String lines = problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
        return lines + "\n" + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + " in the inventory; nothing was written";
    }

    public static List<RenderedFile> render(Inventory inventory, Optional<Path> templates) {
        return new Renderer(new Templates(templates)).render(inventory);
    }
}
