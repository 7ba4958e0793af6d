package dev.netgen.root;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netgen.inventory.Inventory;
import dev.netgen.render.RenderService;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ImageKernelTest {
    static final Path INVENTORY = Path.of("src/test/resources/root/inventory.yaml");
    final Inventory inventory = RenderService.load(INVENTORY);

    @Test
    void kernelGoesToTheTftpRootOfEveryServerThatBootsTheImage() {
        ImageKernel k = ImageKernel.of(inventory, "deb", Path.of("out"));

        assertThat(k.kernelVersion()).isEqualTo("6.1.0-56-amd64");
        assertThat(k.outputs()).containsExactly(Path.of("out/boot1/tftpboot/vmlinuz-deb"), Path.of("out/boot2/srv/tftp/vmlinuz-deb"));
    }

    @Test
    void anImageNoServerBootsHasNoOutputs() {
        assertThat(ImageKernel.of(inventory, "unused", Path.of("out")).outputs()).isEmpty();
    }

    @Test
    void unknownImageNamesTheKnownOnes() {
        assertThatThrownBy(() -> ImageKernel.of(inventory, "sid", Path.of("out")))
                .hasMessage("no image 'sid' in the inventory; images: deb, unused");
    }
}
