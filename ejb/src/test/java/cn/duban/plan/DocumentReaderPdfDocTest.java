package cn.duban.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.plan.parse.ParseOptions;
import cn.duban.plan.parse.ParsedPlan;
import cn.duban.plan.parse.PlanParseException;
import cn.duban.plan.parse.PlanParser;
import cn.duban.plan.parse.Point;
import cn.duban.plan.parse.UnitRef;
import cn.duban.platform.office.ForkedRead;
import cn.duban.platform.office.Pdfs;
import cn.duban.platform.office.Pdfs.Text;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;

/**
 * PDF (text with positions, tables rebuilt), Word 97–2003 (.doc/.wps through HWPF) and the formats
 * that are refused with their name; bombs and a 10,000-page PDF are read in a JVM with a 64 MB
 * heap.
 */
class DocumentReaderPdfDocTest {

    /**
     * A task table as a PDF lays it out: cells at column positions, long cells broken over lines.
     */
    static byte[] tablePdf() throws IOException {
        return Pdfs.chinese(
                1,
                new Text(0, 150, 60, "2025年南湖区政务公开重点任务清单"),
                new Text(0, 50, 100, "序号"),
                new Text(0, 100, 100, "工作任务"),
                new Text(0, 330, 100, "责任单位"),
                new Text(0, 460, 100, "完成时限"),
                new Text(0, 55, 124, "1"),
                new Text(0, 100, 124, "推进政府信息公开平台集"),
                new Text(0, 330, 124, "区数据局牵头，"),
                new Text(0, 460, 124, "2025年6月底"),
                new Text(0, 100, 138, "约化建设。"),
                new Text(0, 330, 138, "区政府办公室配合"),
                new Text(0, 55, 162, "2"),
                new Text(0, 100, 162, "规范依申请公开办理。"),
                new Text(0, 330, 162, "区司法局"),
                new Text(0, 460, 162, "2025年9月底"));
    }

    @Test
    void aPdfTableComesOutTabSeparatedWithBrokenCellsJoined() throws IOException {
        String text = DocumentReader.read("清单.pdf", tablePdf());
        assertThat(text)
                .contains("2025年南湖区政务公开重点任务清单\n")
                .contains("序号\t工作任务\t责任单位\t完成时限\n")
                .contains("1\t推进政府信息公开平台集约化建设。\t区数据局牵头，区政府办公室配合\t2025年6月底\n")
                .contains("2\t规范依申请公开办理。\t区司法局\t2025年9月底\n");

        ParsedPlan plan = new PlanParser().parse(text, ParseOptions.defaults());
        List<Point> points = plan.sections().get(0).points();
        assertThat(points).extracting(Point::title).containsExactly("推进政府信息公开平台集约化建设", "规范依申请公开办理");
        assertThat(points.get(0).units())
                .extracting(UnitRef::name)
                .containsExactly("区数据局", "区政府办公室");
        assertThat(points.get(1).deadline().date()).hasToString("2025-09-30");
    }

    @Test
    void aPdfIsKnownByItsBytesWhateverItsName() throws IOException {
        assertThat(DocumentReader.read("upload.bin", tablePdf()))
                .contains("序号\t工作任务\t责任单位\t完成时限\n");
    }

    @Test
    void aPdfWithoutTextIsRefusedSayingThereIsNoOcr() throws IOException {
        assertThatThrownBy(() -> DocumentReader.read("扫描件.pdf", Pdfs.withoutText(3)))
                .isInstanceOfSatisfying(
                        PlanParseException.class,
                        e -> {
                            assertThat(e.code()).isEqualTo("UNSUPPORTED_FORMAT");
                            assertThat(e.getMessage()).contains("扫描件").contains("OCR");
                        });
    }

    @Test
    void anEncryptedPdfIsRefusedClearly() throws IOException {
        byte[] encrypted;
        try (PDDocument doc = Loader.loadPDF(tablePdf());
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            StandardProtectionPolicy policy =
                    new StandardProtectionPolicy("owner", "secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out);
            encrypted = out.toByteArray();
        }
        assertThatThrownBy(() -> DocumentReader.read("plan.pdf", encrypted))
                .isInstanceOfSatisfying(
                        PlanParseException.class,
                        e -> {
                            assertThat(e.code()).isEqualTo("UNREADABLE");
                            assertThat(e.getMessage()).contains("加密");
                        });
    }

    @Test
    void aBrokenPdfIsUnreadable() {
        assertThatThrownBy(
                        () -> DocumentReader.read("plan.pdf", "%PDF-1.7\nnothing else".getBytes()))
                .isInstanceOfSatisfying(
                        PlanParseException.class,
                        e -> {
                            assertThat(e.code()).isEqualTo("UNREADABLE");
                            assertThat(e.getMessage()).contains("PDF");
                        });
    }

    @Test
    void aFlateBombIsRefusedInASmallHeap() throws Exception {
        // 400 MB of spaces in 400 KB: past the 32 MB a stream may inflate to (413) before its ratio
        // is out.
        byte[] bomb = Pdfs.flateBomb(400L * 1024 * 1024);
        assertRefused(bomb, "bomb.pdf", "REFUSED TOO_LARGE");
    }

    @Test
    void aPdfOf10000PagesIsRefusedInASmallHeap() throws Exception {
        byte[] pdf = Pdfs.manyPages(10_000);
        assertRefused(pdf, "pages.pdf", "REFUSED TOO_LARGE");
    }

    @Test
    void aWord97DocumentReadsWithItsTable() throws IOException {
        String text = DocumentReader.read("plan.doc", resource("/documents/plan-doc-2025.doc"));
        assertThat(text)
                .contains("2025年南湖区政务公开工作要点\n")
                .contains("（一）推进财政信息公开。全面公开区级部门预决算。（责任单位：区财政局，完成时限：2025年6月底）\n")
                .contains("序号\t工作任务\t责任单位\t完成时限\n")
                .contains("1\t完善政策文件库建设\t区政府办公室\t2025年9月底\n")
                .contains("2\t规范依申请公开答复\t区司法局、各街道办事处\t全年\n");
        ParsedPlan plan = new PlanParser().parse(text, ParseOptions.defaults());
        assertThat(plan.year()).isEqualTo(2025);
        assertThat(plan.sections()).hasSize(2);
        assertThat(plan.sections().get(1).points())
                .extracting(Point::title)
                .containsExactly("完善政策文件库建设", "规范依申请公开答复");
    }

    @Test
    void aWpsFileSavedAsWord97Reads() throws IOException {
        assertThat(DocumentReader.read("要点.wps", resource("/documents/plan-doc-2025.doc")))
                .contains("1\t完善政策文件库建设\t区政府办公室\t2025年9月底\n");
    }

    @Test
    void aWord97DocumentReadsInASmallHeap() throws Exception {
        Path file = Files.createTempFile("plan", ".doc");
        try {
            Files.write(file, resource("/documents/plan-doc-2025.doc"));
            ForkedRead.Outcome outcome =
                    ForkedRead.run("32m", 120, "plan", file.toString(), "plan.doc");
            assertThat(outcome.output()).contains("CHARS ");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void otherFormatsAreRefusedByName() throws IOException {
        byte[] ole2;
        try (POIFSFileSystem fs = new POIFSFileSystem();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[600]), "Workbook");
            fs.writeFilesystem(out);
            ole2 = out.toByteArray();
        }
        assertThatThrownBy(() -> DocumentReader.read("表.et", ole2))
                .isInstanceOfSatisfying(
                        PlanParseException.class,
                        e -> {
                            assertThat(e.code()).isEqualTo("UNSUPPORTED_FORMAT");
                            assertThat(e.getMessage()).contains("WPS 表格").contains(".et");
                        });
        assertThatThrownBy(() -> DocumentReader.read("表.xls", ole2))
                .isInstanceOfSatisfying(
                        PlanParseException.class, e -> assertThat(e.getMessage()).contains(".xls"));
        // An OLE2 file that is no Word document, named .doc or .wps: unreadable, saying which
        // format it wanted.
        assertThatThrownBy(() -> DocumentReader.read("要点.doc", ole2))
                .isInstanceOfSatisfying(
                        PlanParseException.class,
                        e -> {
                            assertThat(e.code()).isEqualTo("UNREADABLE");
                            assertThat(e.getMessage()).contains(".doc");
                        });
        assertThatThrownBy(() -> DocumentReader.read("要点.wps", ole2))
                .isInstanceOfSatisfying(
                        PlanParseException.class,
                        e -> assertThat(e.getMessage()).contains("WPS 文字").contains(".wps"));
        assertThatThrownBy(() -> DocumentReader.read("要点.doc", "不是 Word 文件".getBytes()))
                .isInstanceOf(PlanParseException.class);
    }

    private static void assertRefused(byte[] content, String name, String answer) throws Exception {
        assertThat(content.length).isLessThanOrEqualTo(DocumentReader.MAX_BYTES);
        Path file = Files.createTempFile("plan-pdf", name);
        try {
            Files.write(file, content);
            ForkedRead.Outcome outcome = ForkedRead.run("64m", 180, "plan", file.toString(), name);
            System.out.println(
                    name
                            + " ("
                            + content.length
                            + " bytes) in a 64 MB JVM: "
                            + outcome.output().strip()
                            + " after "
                            + outcome.millis()
                            + " ms");
            assertThat(outcome.output()).contains(answer);
            assertThat(outcome.exit()).isZero();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DocumentReaderPdfDocTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
