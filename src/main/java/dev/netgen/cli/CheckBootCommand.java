package dev.netgen.cli;

import dev.netgen.bootcheck.BootCheckRequest;
import dev.netgen.bootcheck.BootCheckService;
import dev.netgen.bootcheck.BootReport;
import dev.netgen.bootcheck.BootRun;
import dev.netgen.bootcheck.BootTimeline;
import dev.netgen.bootcheck.NetgenProvisioning;
import dev.netgen.core.ExitCode;
import dev.netgen.core.NetgenException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "boot", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Boot hosts of the inventory under QEMU (-boot n, TCG) and report each stage with its time: DHCP lease, "
                + "TFTP of pxelinux and its config, kernel and initramfs, initramfs DHCP and root-path, NFS root, writable root, "
                + "switch_root, the client's init.",
            "--lab (the default) builds a boot server VM from Debian packages (cached under $NETGEN_CACHE/lab), configures it "
                + "with netgen apply over ssh and links the clients to it over loopback only. --bridge BRIDGE instead attaches "
                + "the client VMs to an existing bridge on a real boot network (QEMU's bridge helper must allow it in "
                + "/etc/qemu/bridge.conf).",
            "Exit 6 names the stage that failed and shows the console lines around it."})
final class CheckBootCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    InventoryOptions inventory;

    @Option(names = "--host", paramLabel = "NAME", description = "Host to boot (repeatable; default: every host).")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--lab", description = "Boot against a lab boot server VM (the default).")
    boolean lab;

    @Option(names = "--bridge", paramLabel = "BRIDGE", description = "Attach the client VMs to this existing bridge instead of a lab.")
    String bridge;

    @Option(names = "--nic", paramLabel = "[HOST=]MODEL",
            description = "QEMU NIC model, for all hosts or one (repeatable; default virtio-net-pci; e.g. e1000, e1000e, rtl8139).")
    List<String> nics = new ArrayList<>();

    @Option(names = "--root", paramLabel = "IMAGE=DIR",
            description = "Client root the lab exports for an image: a directory (e.g. from 'netgen root create' and 'root prepare'), "
                    + "'busybox' (a tiny root that prints the init marker; the default) or 'none' (nothing at the image's root path).")
    List<String> roots = new ArrayList<>();

    @Option(names = "--sysroot", paramLabel = "DIR",
            description = "Where the client kernel (boot/vmlinuz-<kernel-version>) and modules come from (default: the cached Debian kernel).")
    Path sysroot;

    @Option(names = "--busybox", paramLabel = "FILE", description = "Static busybox for the initramfs and the busybox root (default: the host's).")
    Path busybox;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "2", description = "Clients booting at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Per client, from power-on to its init (default: ${DEFAULT-VALUE}).")
    int timeout;

    @Option(names = "--json", description = "Print the result as JSON instead of a table.")
    boolean json;

    @Option(names = "--html", paramLabel = "FILE", defaultValue = "out/check-boot.html",
            description = "Write the boot timeline here (default: ${DEFAULT-VALUE}).")
    Path html;

    @Override
    public Integer call() {
        if (lab && bridge != null) {
            throw NetgenException.usage("--lab and --bridge exclude each other: the lab is its own boot network");
        }
        if (parallel < 1 || timeout < 1) {
            throw NetgenException.usage("--parallel and --timeout must be at least 1");
        }
        String defaultNic = "virtio-net-pci";
        Map<String, String> perHost = new HashMap<>();
        for (String n : nics) {
            int eq = n.indexOf('=');
            if (eq < 0) {
                defaultNic = n;
            } else {
                perHost.put(n.substring(0, eq), n.substring(eq + 1));
            }
        }
        Map<String, String> perImage = new HashMap<>();
        for (String r : roots) {
            int eq = r.indexOf('=');
            if (eq <= 0 || eq == r.length() - 1) {
                throw NetgenException.usage("--root " + r + ": expected IMAGE=DIR, IMAGE=busybox or IMAGE=none");
            }
            perImage.put(r.substring(0, eq), r.substring(eq + 1));
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BootCheckRequest req = new BootCheckRequest(inventory.path(), hosts, bridge == null, Optional.ofNullable(bridge), defaultNic,
                perHost, perImage, Optional.ofNullable(sysroot), Optional.ofNullable(busybox), parallel, Duration.ofSeconds(timeout),
                html.toAbsolutePath().getParent());
        BootRun run = new BootCheckService(new NetgenProvisioning()).run(req, err, err);
        out.print(json ? BootReport.json(run) : BootReport.table(run));
        out.flush();
        try {
            Files.createDirectories(html.toAbsolutePath().getParent());
            Files.writeString(html, BootTimeline.html(run));
            err.println("boot timeline: " + html);
        } catch (IOException e) {
            err.println("cannot write the boot timeline " + html + ": " + e.getMessage());
        }
        if (!run.passed()) {
            throw new NetgenException(ExitCode.BOOT_FAILED, BootReport.failure(run));
        }
        return 0;
    }
}
