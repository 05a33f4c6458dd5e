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

    @Test
    void aReferenceIsASha256InHexAndNothingElse() {
        String sha = EvidenceFile.of("佐证.pdf", PDF).sha256();
        assertThat(EvidenceFile.isSha256(sha)).isTrue();
        assertThat(EvidenceFile.isSha256(sha.toUpperCase(java.util.Locale.ROOT))).isTrue();
        assertThat(EvidenceFile.isSha256(null)).isFalse();
        assertThat(EvidenceFile.isSha256("")).isFalse();
        assertThat(EvidenceFile.isSha256(sha.substring(1))).isFalse();
        assertThat(EvidenceFile.isSha256(sha + "0")).isFalse();
        assertThat(EvidenceFile.isSha256(sha.substring(1) + "g")).isFalse();
        assertThat(EvidenceFile.isSha256(sha.substring(1) + "%")).isFalse();
        assertThat(EvidenceFile.isSha256(" " + sha.substring(1))).isFalse();
        // Linear: a long hostile string is refused by its length alone.
        assertThat(EvidenceFile.isSha256("a".repeat(1_000_000))).isFalse();
    }

    @Test
    void theStoredMetadataIsTheUploadsNameTypeSizeAndHash() {
        EvidenceFile file = EvidenceFile.of("现场\\照片.pdf", PDF);
        cn.duban.ledger.evidence.StoredFile stored = cn.duban.ledger.evidence.StoredFile.of(file);
        assertThat(stored.fileName()).isEqualTo("现场_照片.pdf");
        assertThat(stored.contentType()).isEqualTo("application/pdf");
        assertThat(stored.size()).isEqualTo(PDF.length);
        assertThat(stored.sha256()).isEqualTo(file.sha256());
        // char(64) padding never reaches a comparison.
        assertThat(
                        new cn.duban.ledger.evidence.StoredFile(
                                        "a.pdf", "application/pdf", 1, file.sha256() + " ")
                                .sha256())
                .isEqualTo(file.sha256());
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
