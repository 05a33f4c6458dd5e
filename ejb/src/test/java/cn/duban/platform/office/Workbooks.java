package cn.duban.platform.office;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Office files written byte by byte for the limit tests: a workbook of any number of rows without
 * building it in memory (as an attacker would), and a Word document of any number of paragraphs.
 */
public final class Workbooks {

    public static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private Workbooks() {}

    /** What goes into the sheet's {@code <sheetData>}, written row by row. */
    public interface Rows {
        void write(Writer out) throws IOException;
    }

    /**
     * A workbook whose first sheet holds the ledger header (任务编号, 进展情况, 完成进度(%)) and then {@code
     * rows} tiny rows that point at two shared strings: about 6 bytes a row once zipped.
     */
    public static byte[] ledgerBomb(int rows) {
        return workbook(
                new String[] {"任务编号", "进展情况", "完成进度(%)", "x", "y"},
                out -> {
                    out.write(
                            "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c></row>");
                    for (int r = 2; r <= rows + 1; r++) {
                        out.write(
                                "<row r=\""
                                        + r
                                        + "\"><c r=\"A"
                                        + r
                                        + "\" t=\"s\"><v>3</v></c><c r=\"B"
                                        + r
                                        + "\" t=\"s\"><v>4</v></c><c r=\"C"
                                        + r
                                        + "\"><v>"
                                        + (r % 101)
                                        + "</v></c></row>");
                    }
                });
    }

    /**
     * A workbook of {@code rows} one-cell rows (a plan table gone wild): about 5 bytes a row once
     * zipped.
     */
    public static byte[] tableBomb(int rows) {
        return workbook(
                new String[] {"一、重点工作"},
                out -> {
                    for (int r = 1; r <= rows; r++)
                        out.write(
                                "<row r=\""
                                        + r
                                        + "\"><c r=\"A"
                                        + r
                                        + "\" t=\"s\"><v>0</v></c></row>");
                });
    }

    /** A workbook with the given shared strings (null: none) and sheet rows, nothing else. */
    public static byte[] workbook(String[] strings, Rows rows) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                put(
                        zip,
                        "[Content_Types].xml",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                                + (strings == null
                                        ? ""
                                        : "<Override PartName=\"/xl/sharedStrings.xml\" "
                                                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>")
                                + "</Types>");
                put(
                        zip,
                        "_rels/.rels",
                        rels(
                                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
                                "xl/workbook.xml"));
                put(
                        zip,
                        "xl/workbook.xml",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\""
                                + MAIN
                                + "\" "
                                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                                + "<sheets><sheet name=\"台账\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
                put(
                        zip,
                        "xl/_rels/workbook.xml.rels",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                                + (strings == null
                                        ? ""
                                        : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>")
                                + "</Relationships>");
                if (strings != null) {
                    StringBuilder sst =
                            new StringBuilder(
                                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\""
                                            + MAIN
                                            + "\">");
                    for (String s : strings) sst.append("<si><t>").append(s).append("</t></si>");
                    put(zip, "xl/sharedStrings.xml", sst.append("</sst>").toString());
                }
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
                Writer out =
                        new BufferedWriter(
                                new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
                out.write(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\""
                                + MAIN
                                + "\"><sheetData>");
                rows.write(out);
                out.write("</sheetData></worksheet>");
                out.flush();
                zip.closeEntry();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A .docx whose body is {@code paragraphs} paragraphs of the given XML, {@code %d} replaced by
     * the paragraph's number.
     */
    public static byte[] document(int paragraphs, String paragraph) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                put(
                        zip,
                        "[Content_Types].xml",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                                + "</Types>");
                put(
                        zip,
                        "_rels/.rels",
                        rels(
                                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
                                "word/document.xml"));
                zip.putNextEntry(new ZipEntry("word/document.xml"));
                Writer out =
                        new BufferedWriter(
                                new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
                out.write(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document "
                                + "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
                for (int i = 0; i < paragraphs; i++)
                    out.write(paragraph.replace("%d", Integer.toString(i)));
                out.write("</w:body></w:document>");
                out.flush();
                zip.closeEntry();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rels(String type, String target) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\""
                + type
                + "\" Target=\""
                + target
                + "\"/></Relationships>";
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
