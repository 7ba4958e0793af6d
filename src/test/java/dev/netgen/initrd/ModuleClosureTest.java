package dev.netgen.initrd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netgen.core.ExitCode;
import dev.netgen.core.NetgenException;
import dev.netgen.testsupport.Require;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java dependency closure against what depmod and modprobe compute on a real Debian kernel. */
class ModuleClosureTest {
    @TempDir
    static Path tmp;

    static TestKernel kernel;
    static ModuleTree tree;
    static DepmodReference depmod;

    @BeforeAll
    static void setUp() throws Exception {
        kernel = TestKernel.require();
        Require.tool("depmod", "kmod");
        tree = ModuleTree.open(kernel.sysroot(), kernel.version());
        depmod = DepmodReference.create(kernel, tmp);
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (depmod != null) {
            depmod.close();
        }
    }

    @Test
    void closureOfNfsOverlayVirtioNetE1000EqualsModprobes() throws Exception {
        ModuleSet set = ModuleClosure.resolve(tree, List.of("nfs", "overlay", "virtio_net", "e1000"));

        assertThat(set.loadOrder()).containsExactlyInAnyOrderElementsOf(depmod.showDepends("nfs", "overlay", "virtio_net", "e1000"));
        assertThat(set.loadOrder()).contains("sunrpc", "lockd", "grace", "fscache", "netfs", "virtio_ring", "net_failover", "failover");
    }

    @Test
    void everyModulesDepLineHasDepmodsDependenciesInALoadableOrder() throws Exception {
        ModuleSet set = ModuleClosure.resolve(tree, InitramfsBuilder.REQUIRED_MODULES);
        for (String m : set.loadOrder()) {
            List<String> ours = set.needs().get(m).stream().map(tree::installPath).toList();
            assertThat(ours).as(m).containsExactlyInAnyOrderElementsOf(depmod.depLine(tree.installPath(m)));
            assertLoadableFromTheEnd(set, m);
        }
    }

    @Test
    void softdepPreBecomesAHardDependencyThroughItsAlias() throws Exception {
        // ext4: softdep pre: crypto-crc32c, an alias of crc32c_generic (and of crc32c-intel, which fails without SSE4.2)
        ModuleSet ext4 = ModuleClosure.resolve(tree, List.of("ext4"));
        assertThat(tree.info("ext4").pre()).contains("crypto-crc32c");
        assertThat(depmod.showDepends("ext4")).contains("crc32c_generic");
        assertThat(ext4.needs().get("ext4")).contains("crc32c_generic", "jbd2", "mbcache", "crc16").doesNotContain("crc32c_intel");
        assertThat(ext4.loadOrder().indexOf("crc32c_generic")).isLessThan(ext4.loadOrder().indexOf("ext4"));
        assertLoadableFromTheEnd(ext4, "ext4");

        // r8169: softdep pre: realtek, a plain module name
        ModuleSet r8169 = ModuleClosure.resolve(tree, List.of("r8169"));
        assertThat(r8169.loadOrder()).containsExactlyInAnyOrderElementsOf(depmod.showDepends("r8169"));
        assertThat(r8169.needs().get("r8169")).contains("realtek", "libphy");
    }

    @Test
    void modinfoMatchesTheKmodTools() throws Exception {
        for (String m : List.of("nfs", "nfsv4", "e1000", "virtio_net", "r8169", "ext4", "igb")) {
            ModuleInfo info = tree.info(m);
            String path = tree.directory().resolve(tree.installPath(m)).toString();
            String depends = Cmd.run(tmp, "modinfo", "-F", "depends", path).strip();
            assertThat(info.depends()).as(m).containsExactlyElementsOf(
                    depends.isEmpty() ? List.of() : List.of(depends.replace('-', '_').split(",")));
            assertThat(info.aliases()).as(m).containsExactlyElementsOf(Cmd.run(tmp, "modinfo", "-F", "alias", path).lines().toList());
            List<String> pre = new ArrayList<>();
            List<String> post = new ArrayList<>();
            Cmd.run(tmp, "modinfo", "-F", "softdep", path).lines().forEach(l -> ModuleInfo.parseSoftdep(l, pre, post));
            assertThat(info.pre()).as(m).isEqualTo(pre);
            assertThat(info.post()).as(m).isEqualTo(post);
            assertThat(info.aliases().stream().map(a -> a + " " + m).toList()).as(m)
                    .containsExactlyInAnyOrderElementsOf(depmod.aliases(m));
        }
    }

    @Test
    void modulesAliasFileMatchesDepmodsForTheIncludedModules() throws Exception {
        ModuleSet set = ModuleClosure.resolve(tree, List.of("e1000", "virtio_net", "virtio_pci"));
        List<String> ours = new String(ModuleIndexFiles.modulesAlias(tree, set), StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("alias ")).map(l -> l.substring(6)).toList();
        List<String> theirs = new ArrayList<>();
        for (String m : set.loadOrder()) {
            theirs.addAll(depmod.aliases(m));
        }
        assertThat(ours).isNotEmpty().containsExactlyInAnyOrderElementsOf(theirs);
    }

    @Test
    void builtinModulesAreSkippedAndUnknownOnesNamed() {
        assertThat(ModuleClosure.resolve(tree, List.of("af_packet")).builtin()).containsExactly("af_packet");
        assertThatThrownBy(() -> ModuleClosure.resolve(tree, List.of("e1000", "no_such_nic", "nfs")))
                .isInstanceOfSatisfying(NetgenException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageContaining("kernel module no_such_nic not found in " + kernel.moduleDir())
                .hasMessageContaining("--sysroot");
    }

    @Test
    void missingKernelVersionNamesThePackage() {
        assertThatThrownBy(() -> ModuleTree.open(kernel.sysroot(), "9.9.9-1-amd64"))
                .isInstanceOf(NetgenException.class)
                .hasMessageContaining("no kernel modules for 9.9.9-1-amd64")
                .hasMessageContaining("apt-get download linux-image-9.9.9-1-amd64")
                .hasMessageContaining("--sysroot");
    }

    /** busybox loads a modules.dep line from the end: each module must come after everything it needs. */
    private static void assertLoadableFromTheEnd(ModuleSet set, String module) {
        List<String> loading = new ArrayList<>(set.needs().get(module));
        java.util.Collections.reverse(loading);
        loading.add(module);
        for (int i = 0; i < loading.size(); i++) {
            for (String d : set.needs().get(loading.get(i))) {
                assertThat(loading.indexOf(d)).as(module + ": " + d + " before " + loading.get(i)).isBetween(0, i - 1);
            }
        }
    }
}
