package cn.duban.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.platform.DubanException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Evidence checks: type by content, and files cut off in transit. */
class EvidenceFileTest {

    static final byte[] PDF =
            "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
                    .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @ValueSource(strings = {"pdf", "docx", "png", "jpg"})
    void aWholeFileIsKeptAndTheSameFileCutOffIsRefused(String ext) throws IOException {
        byte[] whole = sample(ext);
        EvidenceFile file = EvidenceFile.of("佐证." + ext, whole);
        assertThat(file.content()).isEqualTo(whole);
        assertThat(file.sha256()).hasSize(64);

        byte[] cut = Arrays.copyOf(whole, whole.length * 2 / 3);
        assertThatThrownBy(() -> EvidenceFile.of("佐证." + ext, cut))
                .isInstanceOfSatisfying(
                        DubanException.class,
                        e -> assertThat(e.code()).isEqualTo("evidence.incomplete"));
    }

    @Test
    void aRenamedExecutableIsRefusedByItsContent() {
        assertThatThrownBy(() -> EvidenceFile.of("通知.pdf", new byte[] {'M', 'Z', 0, 1, 2, 3}))
                .isInstanceOfSatisfying(
                        DubanException.class,
                        e -> assertThat(e.code()).isEqualTo("evidence.content"));
    }

    private static byte[] sample(String ext) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (ext) {
            case "pdf" -> out.writeBytes(PDF);
            case "docx" -> {
                try (XWPFDocument doc = new XWPFDocument()) {
                    doc.createParagraph().createRun().setText("检查方案：已完成现场核查。");
                    doc.write(out);
                }
            }
            default -> {
                BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
                for (int x = 0; x < 64; x++)
                    for (int y = 0; y < 48; y++) image.setRGB(x, y, x * 4 << 16 | y * 5 << 8);
                ImageIO.write(image, ext.equals("jpg") ? "jpeg" : "png", out);
            }
        }
        return out.toByteArray();
    }
}
