package cn.duban.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import cn.duban.plan.parse.PlanParseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Random;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

/**
 * Word and Excel plans read as text exactly as before (these tests pass on the whole-document
 * reader too, but the last).
 */
class DocumentReaderTest {

    @Test
    void aWorkbookReadsAsTabSeparatedLines() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle border = wb.createCellStyle();
            border.setBorderBottom(BorderStyle.THIN);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle pct = wb.createCellStyle();
            pct.setDataFormat(wb.createDataFormat().getFormat("0%"));
            XSSFSheet s = wb.createSheet("要点");
            s.createRow(0).createCell(0).setCellValue("2025年区政务公开工作要点");
            XSSFRow head = s.createRow(2);
            head.createCell(1).setCellValue("序号");
            head.createCell(2).setCellValue("工作任务");
            head.createCell(3).setCellValue("责任单位");
            head.createCell(5).setCellStyle(border); // styled, empty: still a column
            XSSFRow r = s.createRow(3);
            r.createCell(1).setCellValue(1);
            r.createCell(2).setCellValue("深化重点领域\n  信息公开  ");
            r.createCell(4).setCellValue(45838);
            r.getCell(4).setCellStyle(date);
            r.createCell(5).setCellValue(0.5);
            r.getCell(5).setCellStyle(pct);
            s.createRow(4).createCell(2).setCellStyle(border); // a row without text
            wb.createSheet("空表");
            wb.createSheet("补充").createRow(0).createCell(0).setCellValue(true);
            wb.write(out);
            xlsx = out.toByteArray();
        }
        assertThat(DocumentReader.read("要点.xlsx", xlsx))
                .isEqualTo(
                        "2025年区政务公开工作要点\n"
                                + "\t序号\t工作任务\t责任单位\t\t\n"
                                + "\t1\t深化重点领域 信息公开\t\t2025-06-30\t50%\n"
                                + "TRUE\n");
    }

    @Test
    void aDocumentReadsAsParagraphsAndTabSeparatedTableRows() throws IOException {
        byte[] docx;
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("2025年区政务公开工作要点");
            doc.createParagraph().createRun().setText("一、深化重点领域信息公开");
            XWPFTable t = doc.createTable(2, 3);
            t.getRow(0).getCell(0).setText("1");
            t.getRow(0).getCell(1).setText("做好财政预决算公开");
            t.getRow(0).getCell(1).addParagraph().createRun().setText("  （区财政局）");
            t.getRow(0).getCell(2).setText("6月底前");
            t.getRow(1).getCell(1).setText("2");
            doc.createParagraph().createRun().setText("二、强化政策解读");
            doc.write(out);
            docx = out.toByteArray();
        }
        assertThat(DocumentReader.read("要点.docx", docx))
                .isEqualTo(
                        // A cell's paragraphs run together; an empty first cell keeps its tab, so
                        // the cells after it stay in their columns (it used to add none).
                        "2025年区政务公开工作要点\n一、深化重点领域信息公开\n1\t做好财政预决算公开  （区财政局）\t6月底前\n\t2\t\n二、强化政策解读\n");
    }

    @Test
    void brokenFilesAreUnreadable() {
        byte[] junk = new byte[5000];
        new Random(1).nextBytes(junk);
        junk[0] = 'P';
        junk[1] = 'K';
        junk[2] = 3;
        junk[3] = 4;
        for (String name : new String[] {"plan.docx", "plan.xlsx"}) {
            assertThatThrownBy(() -> DocumentReader.read(name, junk))
                    .isInstanceOfSatisfying(
                            PlanParseException.class,
                            e -> assertThat(e.code()).isEqualTo("UNREADABLE"));
        }
    }

    @Test
    void aLongRunOfSpacesInAWordTableIsReadInLinearTime() throws IOException {
        // The old regex \s*\R\s* backtracked over such a run once per space: hours for this cell.
        // Random
        // text before it keeps the part's compression ratio ordinary, as an attacker would.
        Random random = new Random(3);
        StringBuilder noise = new StringBuilder();
        for (int i = 0; i < 150_000; i++) noise.append((char) ('a' + random.nextInt(26)));
        byte[] docx;
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(noise.toString());
            doc.createTable(1, 1).getRow(0).getCell(0).setText("甲" + " ".repeat(400_000) + "乙");
            doc.write(out);
            docx = out.toByteArray();
        }
        String text =
                assertTimeoutPreemptively(
                        Duration.ofSeconds(60),
                        () -> DocumentReader.read("plan.docx", docx),
                        "guard bound, not a speed goal");
        assertThat(text).isEqualTo(noise + "\n甲" + " ".repeat(400_000) + "乙\n");
    }
}
