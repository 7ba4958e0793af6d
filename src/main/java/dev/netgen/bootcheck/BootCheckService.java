package dev.netgen.bootcheck;

import dev.netgen.core.ExitCode;
import dev.netgen.core.NetgenException;
import dev.netgen.initrd.BusyboxLocator;
import dev.netgen.inventory.Host;
import dev.netgen.inventory.Image;
import dev.netgen.inventory.Inventory;
import dev.netgen.inventory.Network;
import dev.netgen.inventory.Server;
import dev.netgen.render.RenderService;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code netgen check boot}: boots the selected hosts under QEMU and reports each stage. With the lab,
 * a boot server VM is built from Debian packages, configured by netgen apply over ssh, and the clients
 * reach it over per-run loopback links; with a bridge, the clients join a real boot network.
 */
public final class BootCheckService {
    private final LabProvisioning provisioning;
    private final LabCache cache;

    public BootCheckService(LabProvisioning provisioning) {
        this(provisioning, LabCache.fromEnvironment());
    }

    BootCheckService(LabProvisioning provisioning, LabCache cache) {
        this.provisioning = provisioning;
        this.cache = cache;
    }

    /** Runs the check; progress goes to {@code err}, apply's report to {@code out}. Never throws for a failed boot. */
    public BootRun run(BootCheckRequest req, PrintWriter out, PrintWriter err) {
        Inventory inv = RenderService.load(req.inventory());
        List<Host> hosts = select(inv, req.hosts());
        Server server = hosts.get(0).server();
        try (Cleanup cleanup = new Cleanup()) {
            Path work = Files.createTempDirectory("netgen-check-boot");
            cleanup.add(work);
            if (req.lab()) {
                return lab(req, inv, server, hosts, work, cleanup, out, err);
            }
            String netdev = "bridge,id=boot,br=" + req.bridge().orElseThrow();
            List<String> slots = java.util.Collections.nCopies(Math.min(req.parallel(), hosts.size()), netdev);
            List<HostResult> results = boot(hosts, req, slots, work, null, err, cleanup);
            return new BootRun(server.name(), "bridge " + req.bridge().get(), -1, -1, results);
        } catch (IOException e) {
            throw NetgenException.internal("boot check I/O failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetgenException(ExitCode.BOOT_FAILED, "the boot check was interrupted; its VMs were stopped");
        }
    }

    private BootRun lab(BootCheckRequest req, Inventory inv, Server server, List<Host> hosts, Path work, Cleanup cleanup,
            PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        int slots = Math.min(req.parallel(), hosts.size());
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            links.add(Link.allocate());
        }
        List<String> netdevs = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            netdevs.add(links.get(i).serverNetdev("link" + i));
        }
        ServerLog serverLog = new ServerLog();
        Lab lab = startLab(req, inv, server, hosts, netdevs, work, serverLog, cleanup, out, err);
        try {
            List<HostResult> results = boot(hosts, req, links.stream().map(l -> l.clientNetdev("boot")).toList(), work, serverLog,
                    err, cleanup);
            return new BootRun(server.name(), "lab", lab.readyMs(), lab.applyMs(), results);
        } finally {
            lab.server().stop();
        }
    }

    /** A lab boot server that is up and configured, and how long that took. */
    record Lab(LabServer server, long readyMs, long applyMs) {
    }

    /**
     * Builds what the hosts boot (kernel, initramfs, root disks), starts the lab server with one NIC per
     * {@code -netdev} in {@code linkNetdevs} (ids link0, link1...), mounts the roots and runs netgen apply.
     */
    Lab startLab(BootCheckRequest req, Inventory inv, Server server, List<Host> hosts, List<String> linkNetdevs, Path work,
            ServerLog serverLog, Cleanup cleanup, PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        DebianKernel serverKernel = DebianKernel.locate(cache);
        Path sysroot = req.sysroot().orElse(serverKernel.dir());
        Path busybox = BusyboxLocator.locate(req.busybox(), Optional.empty(), Path.of("/"));
        Map<String, Image> images = new LinkedHashMap<>();
        hosts.forEach(h -> images.put(h.image().name(), h.image()));

        Path outDir = work.resolve("out");
        Path tftp = outDir.resolve(server.name()).resolve(server.tftpRootRelative());
        Files.createDirectories(tftp);
        for (Image i : images.values()) {
            Path vmlinuz = sysroot.resolve("boot/vmlinuz-" + i.kernelVersion());
            if (!Files.isRegularFile(vmlinuz)) {
                throw NetgenException.usage("image " + i.name() + " wants kernel " + i.kernelVersion() + " but " + vmlinuz
                        + " does not exist; set its kernel-version to the kernel under " + sysroot.resolve("boot") + " or pass --sysroot");
            }
            Files.copy(vmlinuz, tftp.resolve(i.kernel()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        provisioning.buildArtifacts(inv, server, images.values(), sysroot, busybox, outDir, err);

        // One read-only disk per exported root; "none" leaves the root path missing on the server.
        Map<String, Path> disks = new LinkedHashMap<>();
        for (Image i : images.values()) {
            String source = req.rootOf(i.name());
            if (source.equals(BootCheckRequest.NO_ROOT) || disks.containsKey(i.root())) {
                continue;
            }
            Path dir = source.equals(BootCheckRequest.BUSYBOX_ROOT) ? BusyboxRoot.of(busybox, cache) : Path.of(source);
            disks.put(i.root(), RootDisk.of(dir, cache, err));
        }

        ServerImage image = new ServerImageBuilder(cache, err).build(serverKernel);
        long t0 = System.nanoTime();
        err.println("lab: starting boot server " + server.name() + " (" + address(inv, server) + ")");
        err.flush();
        LabServer lab = LabServer.start(image, List.of(address(inv, server)), linkNetdevs, List.copyOf(disks.values()), work,
                serverLog, cleanup);
        long readyMs = (System.nanoTime() - t0) / 1_000_000;
        err.printf("lab: boot server ready in %.1f s%n", readyMs / 1000.0);
        err.flush();
        try {
            char dev = 'a';
            for (String root : disks.keySet()) {
                lab.ssh("mkdir -p '" + root + "' && mount -t ext4 -o ro,noload /dev/vd" + dev++ + " '" + root + "'");
            }
            long t1 = System.nanoTime();
            try {
                provisioning.apply(req.inventory(), server, outDir, lab.sshDestination(), lab.sshConfig(), out, err);
            } catch (NetgenException e) {
                throw new NetgenException(ExitCode.BOOT_FAILED, "netgen apply could not configure the lab boot server, so no client"
                        + " was booted: " + e.getMessage(), e);
            }
            return new Lab(lab, readyMs, (System.nanoTime() - t1) / 1_000_000);
        } catch (RuntimeException e) {
            lab.stop();
            throw e;
        }
    }

    /**
     * Boots the hosts, as many at once as there are slots; each slot is the client end of one network
     * link ({@code -netdev} with id "boot"), used by one client at a time.
     */
    private static List<HostResult> boot(List<Host> hosts, BootCheckRequest req, List<String> slots, Path work,
            ServerLog serverLog, PrintWriter err, Cleanup cleanup) throws InterruptedException {
        err.printf("booting %d client%s, %d at a time%n", hosts.size(), hosts.size() == 1 ? "" : "s", slots.size());
        err.flush();
        BlockingQueue<String> free = new ArrayBlockingQueue<>(slots.size(), false, slots);
        ExecutorService pool = Executors.newFixedThreadPool(slots.size());
        try {
            List<Future<HostResult>> futures = new ArrayList<>();
            for (Host h : hosts) {
                futures.add(pool.submit(() -> {
                    String netdev = free.take();
                    try {
                        return ClientBoot.boot(h, req.nicOf(h.name()), netdev, req.timeout(), work,
                                req.output().resolve("check-boot").resolve(h.name() + ".console"), serverLog, err, cleanup);
                    } finally {
                        free.put(netdev);
                    }
                }));
            }
            List<HostResult> results = new ArrayList<>();
            for (Future<HostResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    throw c instanceof NetgenException ne ? ne : NetgenException.internal("boot check failed: " + c, c);
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The server's address with the prefix of the network it sits in, for the lab's boot bridge. */
    private static String address(Inventory inv, Server server) {
        return inv.networksOf(server).stream().map(Network::subnet).filter(c -> c.contains(server.address()))
                .findFirst().map(c -> server.address() + "/" + c.prefix())
                .orElseThrow(() -> NetgenException.invalidInventory("server " + server.name() + " has address " + server.address()
                        + " in none of its networks; the lab cannot place it on the boot network"));
    }

    static List<Host> select(Inventory inv, List<String> names) {
        List<Host> hosts = new ArrayList<>();
        if (names.isEmpty()) {
            hosts.addAll(inv.hosts().values());
        }
        for (String n : names) {
            Host h = inv.hosts().get(n);
            if (h == null) {
                throw NetgenException.usage("no host '" + n + "' in the inventory; its hosts are: " + String.join(", ", inv.hosts().keySet()));
            }
            hosts.add(h);
        }
        if (hosts.isEmpty()) {
            throw NetgenException.usage("the inventory has no hosts to boot");
        }
        List<String> servers = hosts.stream().map(h -> h.server().name()).distinct().toList();
        if (servers.size() > 1) {
            throw NetgenException.usage("the selected hosts boot from " + servers.size() + " servers (" + String.join(", ", servers)
                    + "); check one server's hosts at a time with --host");
        }
        return hosts;
    }
}
