package cn.duban.plan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.platform.office.ForkedRead;
import cn.duban.platform.office.Workbooks;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Plan uploads that expand past any sensible memory: a workbook of 600,000 rows and a Word document
 * of 600,000 paragraphs, each under the 5 MB upload limit. Each is read in a JVM with a 64 MB heap:
 * refused there as too large, where a whole-document reader ran out of memory.
 */
class DocumentReaderBombTest {

    @Test
    void aWorkbookOf600000RowsIsRefusedInASmallHeap() throws Exception {
        assertRefused(Workbooks.tableBomb(600_000), "plan.xlsx");
    }

    @Test
    void aDocumentOf600000ParagraphsIsRefusedInASmallHeap() throws Exception {
        assertRefused(
                Workbooks.document(600_000, "<w:p><w:r><w:t>%d</w:t></w:r></w:p>"), "plan.docx");
    }

    private static void assertRefused(byte[] bomb, String name) throws Exception {
        assertThat(bomb.length).isLessThanOrEqualTo(DocumentReader.MAX_BYTES);
        Path file = Files.createTempFile("plan-bomb", name);
        try {
            Files.write(file, bomb);
            ForkedRead.Outcome outcome = ForkedRead.run("64m", 180, "plan", file.toString(), name);
            System.out.println(
                    name
                            + " bomb ("
                            + bomb.length
                            + " bytes) in a 64 MB JVM: "
                            + outcome.output().strip()
                            + " after "
                            + outcome.millis()
                            + " ms");
            assertThat(outcome.output()).contains("REFUSED TOO_LARGE");
            assertThat(outcome.exit()).isZero();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
