package dev.netgen.cli;

import dev.netgen.core.ExitCode;
import dev.netgen.render.OutputTree;
import dev.netgen.render.RenderService;
import dev.netgen.render.RenderedFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "render", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Validate the inventory, then write every boot-service file under the output directory.")
final class RenderCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    InventoryOptions inventory;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "out",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Directory of templates that replace the built-in ones file by file (same relative paths).")
    Path templates;

    @Option(names = "--check", description = "Write nothing; exit 1 listing the files that differ from the output directory.")
    boolean check;

    @Override
    public Integer call() {
        List<RenderedFile> files = RenderService.render(RenderService.load(inventory.path()), Optional.ofNullable(templates));
        OutputTree tree = new OutputTree(output);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (check) {
            List<String> diff = tree.differences(files);
            diff.forEach(d -> out.println(output.resolve(d)));
            if (!diff.isEmpty()) {
                err.printf("%d files in %s differ from the inventory; run 'netgen render' and commit the result%n", diff.size(), output);
                return ExitCode.DIFFERENCE.code();
            }
            err.printf("%s is up to date (%d files)%n", output, files.size());
            return 0;
        }
        OutputTree.Changes c = tree.write(files);
        c.written().forEach(w -> out.println(output.resolve(w)));
        c.removed().forEach(r -> err.println("removed " + output.resolve(r)));
        err.printf("rendered %d files into %s: %d written, %d unchanged, %d removed%n",
                files.size(), output, c.written().size(), c.unchanged().size(), c.removed().size());
        return 0;
    }
}
