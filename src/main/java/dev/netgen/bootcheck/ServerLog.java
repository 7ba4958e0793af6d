package dev.netgen.bootcheck;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Hands each lab server log line to the clients booting at that moment; each picks the lines naming its MAC. */
final class ServerLog implements Consumer<ConsoleLine> {
    private final List<Consumer<ConsoleLine>> listeners = new CopyOnWriteArrayList<>();

    void add(Consumer<ConsoleLine> l) {
        listeners.add(l);
    }

    void remove(Consumer<ConsoleLine> l) {
        listeners.remove(l);
    }

    @Override
    public void accept(ConsoleLine line) {
        listeners.forEach(l -> l.accept(line));
    }
}
