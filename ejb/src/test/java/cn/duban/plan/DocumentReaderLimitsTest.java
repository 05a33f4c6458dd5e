package cn.duban.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.plan.parse.PlanParseException;
import cn.duban.platform.office.Workbooks;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The limits of reading a plan from Word and Excel, and the linear replacement of a backtracking
 * regex.
 */
class DocumentReaderLimitsTest {

    @Test
    void tooManyRowsOrTooMuchTextIs413() {
        byte[] rows = Workbooks.tableBomb(DocumentReader.MAX_TABLE_ROWS + 1);
        assertThatThrownBy(() -> DocumentReader.read("plan.xlsx", rows))
                .isInstanceOfSatisfying(
                        PlanParseException.class,
                        e -> {
                            assertThat(e.code()).isEqualTo("TOO_LARGE");
                            assertThat(e.getMessage()).contains("20000");
                        });
        assertThat(
                        DocumentReader.read(
                                "plan.xlsx", Workbooks.tableBomb(DocumentReader.MAX_TABLE_ROWS)))
                .hasSize(DocumentReader.MAX_TABLE_ROWS * "一、重点工作\n".length());
        String cell = "字".repeat(30_000);
        byte[] text =
                Workbooks.workbook(
                        new String[] {cell},
                        out -> {
                            for (int r = 1; r <= 40; r++)
                                out.write(
                                        "<row r=\""
                                                + r
                                                + "\"><c r=\"A"
                                                + r
                                                + "\" t=\"s\"><v>0</v></c></row>");
                        });
        assertThatThrownBy(() -> DocumentReader.read("plan.xlsx", text))
                .isInstanceOfSatisfying(
                        PlanParseException.class, e -> assertThat(e.code()).isEqualTo("TOO_LARGE"));
    }

    @Test
    void aDocumentWithTooManyElementsIs413BeforeItIsLoaded() {
        byte[] docx =
                Workbooks.document(
                        DocumentReader.MAX_ELEMENTS / 3 + 1, "<w:p><w:r><w:t>%d</w:t></w:r></w:p>");
        assertThatThrownBy(() -> DocumentReader.read("plan.docx", docx))
                .isInstanceOfSatisfying(
                        PlanParseException.class,
                        e -> {
                            assertThat(e.code()).isEqualTo("TOO_LARGE");
                            assertThat(e.getMessage()).contains("元素");
                        });
    }

    @Test
    void oneLineIsTheRegexItReplaces() {
        char[] alphabet = {
            ' ', '\t', '\n', '\r', 0x0B, '\f', '\u0085', '\u2028', '\u2029', 'a', '字', '\u00A0',
            '\u3000'
        };
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            char[] s = new char[random.nextInt(12)];
            for (int j = 0; j < s.length; j++) s[j] = alphabet[random.nextInt(alphabet.length)];
            String input = new String(s);
            assertThat(DocumentReader.oneLine(input))
                    .as("%s", input.chars().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(input.replaceAll("\\s*\\R\\s*", " "));
        }
    }
}
