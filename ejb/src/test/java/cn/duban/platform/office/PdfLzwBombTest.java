package cn.duban.platform.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.plan.DocumentReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * LZW streams are decoded by PDFBox whole into memory like Flate ones: the bomb checks count them
 * too, before PDFBox loads the file.
 */
class PdfLzwBombTest {

    private static final long MB = 1024 * 1024;

    @Test
    void anLzwStreamPastTheStreamLimitIsRefusedBeforePdfBoxLoadsIt() throws Exception {
        byte[] bomb = Pdfs.lzwBomb(200 * MB);
        assertThat(bomb.length).isLessThan(DocumentReader.MAX_BYTES);
        assertThatThrownBy(() -> PdfText.checkStreams(bomb, PdfText.Limits.UPLOAD))
                .isInstanceOfSatisfying(
                        OfficeFile.Refused.class,
                        r ->
                                assertThat(r.kind())
                                        .isIn(
                                                OfficeFile.Kind.TOO_LARGE,
                                                OfficeFile.Kind.MALFORMED));
    }

    @Test
    void anLzwBombIsRefusedInASmallHeap() throws Exception {
        byte[] bomb = Pdfs.lzwBomb(200 * MB);
        Path file = Files.createTempFile("plan-lzw", ".pdf");
        try {
            Files.write(file, bomb);
            ForkedRead.Outcome outcome =
                    ForkedRead.run("64m", 180, "plan", file.toString(), "bomb.pdf");
            System.out.println(
                    "LZW bomb ("
                            + bomb.length
                            + " bytes) in a 64 MB JVM: "
                            + outcome.output().strip()
                            + " after "
                            + outcome.millis()
                            + " ms");
            // the child may log a line before its answer: the answer is the last line
            String[] lines = outcome.output().strip().split("\n");
            assertThat(lines[lines.length - 1]).startsWith("REFUSED ");
            assertThat(outcome.exit()).isZero();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aSmallLzwStreamIsCountedNotRefused() throws Exception {
        byte[] pdf = Pdfs.lzwBomb(MB);
        PdfText.checkStreams(pdf, PdfText.Limits.UPLOAD); // 1 MB: within every limit
        int at = PdfText.indexOf(pdf, "stream".getBytes(), 0);
        assertThat(PdfText.isLzw(pdf, at)).isTrue();
    }
}
