package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.client.Multipart;
import cn.duban.it.support.Db;
import cn.duban.it.support.Deployments;
import cn.duban.it.support.RawHttp;
import cn.duban.it.support.TestStack;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.SequenceInputStream;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Uploads that would have stopped the server for every district: workbook and document bombs,
 * request bodies without a length, oversized multipart fields. Each is refused with a problem and
 * leaves nothing behind, and the other districts are served meanwhile.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UploadLimitsIT {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final byte[] PDF =
            "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
                    .getBytes(StandardCharsets.US_ASCII);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void aLedgerBombIsRefusedAndAnotherDistrictIsServedMeanwhile() throws Exception {
        byte[] bomb = ledgerBomb(600_000);
        assertThat(bomb.length)
                .isBetween(5_000_000, 10 * 1024 * 1024); // 7.5 MB: within the import's 10 MB
        byte[] jiading = Api.bytes("jd-anting", "/tasks/export.xlsx");
        long reports = Db.maintCount("select count(*) from progress_report");

        long sent = System.nanoTime();
        CompletableFuture<Reply> refused =
                CompletableFuture.supplyAsync(
                        () ->
                                send(
                                        "pt-csl",
                                        multipart("/tasks/import", "台账.xlsx", bomb, Map.of()),
                                        Duration.ofSeconds(180)));
        // Another district keeps working while the bomb is read: its pages and its own ledger
        // import.
        List<Long> millis = new ArrayList<>();
        do {
            long start = System.nanoTime();
            Reply mine = Api.get("jd-anting", "/tasks/mine");
            Reply imported = Api.upload("jd-anting", "/tasks/import", "台账.xlsx", jiading, Map.of());
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(mine.status()).as(mine.body()).isEqualTo(200);
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        } while (!refused.isDone() && millis.size() < 100);
        Reply reply = refused.get();
        System.out.println(
                "UPLOAD ledger bomb "
                        + bomb.length
                        + " bytes: "
                        + reply.status()
                        + " after "
                        + (System.nanoTime() - sent) / 1_000_000
                        + " ms "
                        + reply.body()
                        + "; 嘉定区 meanwhile: "
                        + millis.size()
                        + " rounds, slowest "
                        + millis.stream().mapToLong(Long::longValue).max().orElse(0)
                        + " ms");
        assertThat(reply.status()).as(reply.body()).isEqualTo(413);
        assertThat(reply.problemCode()).isEqualTo("ledger.import.too-many-rows");
        assertThat(reply.json().getString("detail")).contains("20000");
        assertThat(millis)
                .as("guard bound: the other district is served, not a speed goal")
                .allMatch(ms -> ms < 20_000);
        assertThat(Db.maintCount("select count(*) from progress_report")).isEqualTo(reports);
        // The server is fine afterwards.
        assertThat(Api.get("pt-csl", "/tasks/mine").status()).isEqualTo(200);
    }

    @Test
    void planBombsAreRefusedAndNothingIsSaved() throws SQLException {
        long plans = Db.maintCount("select count(*) from plan");
        long start = System.nanoTime();
        Reply table =
                send(
                        "pt-admin",
                        multipart("/plans/preview", "要点.xlsx", tableBomb(600_000), Map.of()),
                        Duration.ofSeconds(180));
        System.out.println(
                "UPLOAD plan workbook bomb: "
                        + table.status()
                        + " after "
                        + (System.nanoTime() - start) / 1_000_000
                        + " ms "
                        + table.body());
        assertThat(table.status()).as(table.body()).isEqualTo(413);
        assertThat(table.problemCode()).isEqualTo("plan.import.too-large");
        start = System.nanoTime();
        Reply document =
                send(
                        "pt-admin",
                        multipart("/plans/preview", "要点.docx", documentBomb(600_000), Map.of()),
                        Duration.ofSeconds(180));
        System.out.println(
                "UPLOAD plan document bomb: "
                        + document.status()
                        + " after "
                        + (System.nanoTime() - start) / 1_000_000
                        + " ms "
                        + document.body());
        assertThat(document.status()).as(document.body()).isEqualTo(413);
        assertThat(document.problemCode()).isEqualTo("plan.import.too-large");
        // A body over the preview's 5 MB is refused before it is parsed, by its length.
        Reply big =
                send(
                        "pt-admin",
                        multipart("/plans/preview", "要点.txt", new byte[6 * 1024 * 1024], Map.of()),
                        Duration.ofSeconds(60));
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.problemCode()).isEqualTo("plan.import.too-large");
        assertThat(Db.maintCount("select count(*) from plan")).isEqualTo(plans);
    }

    @Test
    void aJsonBodyOverItsLimitIs413WithOrWithoutALength() throws SQLException {
        long reports = Db.maintCount("select count(*) from progress_report");
        byte[] head = "{\"percent\":10,\"text\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"}".getBytes(StandardCharsets.UTF_8);
        URI reportsOfSomeTask = URI.create(Api.base() + "/tasks/" + UUID.randomUUID() + "/reports");
        // 8 MB + 16 KB of JSON sent without Content-Length: the size filter used to let chunked
        // bodies through
        // to JSON-B, and JSON had the uploads' 50 MB, which the JSON parser took over two minutes
        // of a core to read.
        // (Just over the limit: the server stops reading there, the rest must fit the socket
        // buffers.)
        long start = System.nanoTime();
        Reply reply =
                send(
                        "pt-csl",
                        RawHttp.post(reportsOfSomeTask)
                                .header("Content-Type", "application/json")
                                .chunked(chunked(head, 8 * 1024 * 1024 + 16 * 1024, 'x', tail)),
                        Duration.ofSeconds(120));
        System.out.println(
                "UPLOAD chunked JSON of 8 MB + 16 KB: "
                        + reply.status()
                        + " after "
                        + (System.nanoTime() - start) / 1_000_000
                        + " ms "
                        + reply.body());
        assertThat(reply.status()).as(reply.body()).isEqualTo(413);
        assertThat(reply.problemCode()).isEqualTo("request.too-large");
        assertThat(reply.json().getString("detail")).contains("8 MB");
        // With a length over the limit it is refused before it is sent (Expect: 100-continue).
        byte[] nine = new byte[9 * 1024 * 1024];
        java.util.Arrays.fill(nine, (byte) 'x');
        System.arraycopy(head, 0, nine, 0, head.length);
        System.arraycopy(tail, 0, nine, nine.length - tail.length, tail.length);
        Reply declared =
                send(
                        "pt-csl",
                        RawHttp.post(reportsOfSomeTask)
                                .expectContinue()
                                .header("Content-Type", "application/json")
                                .body(nine),
                        Duration.ofSeconds(60));
        assertThat(declared.status()).as(declared.body()).isEqualTo(413);
        assertThat(declared.problemCode()).isEqualTo("request.too-large");
        assertThat(Db.maintCount("select count(*) from progress_report")).isEqualTo(reports);
        // Small enough, a body without a length is read as before.
        byte[] text = "{\"text\":\"一、重点工作\\n1.开展专项检查。（责任单位：各街镇）".getBytes(StandardCharsets.UTF_8);
        Reply small =
                send(
                        "pt-admin",
                        RawHttp.post(URI.create(Api.base() + "/plans/preview"))
                                .header("Content-Type", "application/json")
                                .chunked(
                                        chunked(
                                                text,
                                                3,
                                                '!',
                                                "\"}".getBytes(StandardCharsets.UTF_8))),
                        Duration.ofSeconds(60));
        assertThat(small.status()).as(small.body()).isEqualTo(200);
        assertThat(small.json().getJsonArray("sections")).hasSize(1);
    }

    @Test
    void anAdjustmentWithEvidenceHasTheEvidenceLimits() throws SQLException {
        String unit = Api.unitId("pt-admin", "区数据局");
        Map<String, String> fields =
                Map.of(
                        "unitId",
                        unit,
                        "kind",
                        "BONUS",
                        "points",
                        "1",
                        "reason",
                        "通报表扬",
                        "occurredOn",
                        TODAY.toString());
        long items = Db.maintCount("select count(*) from evaluation_adjustment");

        // A file over 10 MB, as for a report's evidence.
        Reply file =
                send(
                        "pt-admin",
                        multipart(
                                "/evaluation/adjustments",
                                "表扬.pdf",
                                pdfOf(11 * 1024 * 1024),
                                fields),
                        Duration.ofSeconds(60));
        assertThat(file.status()).as(file.body()).isEqualTo(413);
        assertThat(file.problemCode()).isEqualTo("evidence.too-large");
        // A 12 MB form field with a small file: was read whole into a String and answered 400.
        Map<String, String> hugeReason = new java.util.HashMap<>(fields);
        hugeReason.put("reason", "理".repeat(4 * 1024 * 1024));
        Reply field =
                send(
                        "pt-admin",
                        multipart("/evaluation/adjustments", "表扬.pdf", PDF, hugeReason),
                        Duration.ofSeconds(60));
        assertThat(field.status()).as(field.body()).isEqualTo(413);
        assertThat(field.problemCode()).isEqualTo("evidence.too-large");
        // The same without Content-Length: counted while it is read, stopped past 10 MB + 64 KB
        // (was read to its end).
        String boundary = "duban" + System.nanoTime();
        byte[] start =
                ("--"
                                + boundary
                                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"表扬.pdf\"\r\n"
                                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n")
                        .getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\n%%EOF\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        Reply chunked =
                send(
                        "pt-admin",
                        RawHttp.post(URI.create(Api.base() + "/evaluation/adjustments"))
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .chunked(chunked(start, 10 * 1024 * 1024 + 128 * 1024, ' ', end)),
                        Duration.ofSeconds(120));
        System.out.println(
                "UPLOAD chunked 10.1 MB 加扣分 evidence: " + chunked.status() + " " + chunked.body());
        assertThat(chunked.status()).as(chunked.body()).isEqualTo(413);
        assertThat(chunked.problemCode()).isEqualTo("evidence.too-large");
        assertThat(Db.maintCount("select count(*) from evaluation_adjustment")).isEqualTo(items);

        // Within the limits it is saved, the reason intact (a field without a charset was read as
        // US-ASCII: 通报表扬 came out as 12 × U+FFFD).
        Reply ok =
                send(
                        "pt-admin",
                        multipart("/evaluation/adjustments", "表扬.pdf", PDF, fields),
                        Duration.ofSeconds(60));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().getString("reason")).isEqualTo("通报表扬");
        assertThat(
                        Api.delete(
                                        "pt-admin",
                                        "/evaluation/adjustments/" + ok.json().getString("id"))
                                .status())
                .isEqualTo(204);
    }

    @Test
    void aPageUploadOverTheMultipartLimitsIsRefusedBeforeFacesReadsIt() {
        // The Faces servlet had no multipart-config: a page took whatever the listener let through
        // (100 MB).
        String page = "http://localhost:" + TestStack.HTTP_PORT + "/app/ledger.xhtml";
        String boundary = "duban" + System.nanoTime();
        RawHttp upload =
                RawHttp.post(URI.create(page))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .body(
                                Multipart.body(
                                        boundary,
                                        "台账.xlsx",
                                        new byte[12 * 1024 * 1024],
                                        Map.of("importForm", "importForm")));
        Reply reply = send("pt-csl", upload, Duration.ofSeconds(60));
        System.out.println(
                "UPLOAD 12 MB to a page: " + reply.status() + " " + reply.body().strip());
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.body()).contains("10 MB");
        // The page itself is fine.
        assertThat(send("pt-csl", RawHttp.get(URI.create(page)), Duration.ofSeconds(60)).status())
                .isEqualTo(200);
    }

    // ---- requests

    private static RawHttp multipart(
            String path, String fileName, byte[] content, Map<String, String> fields) {
        String boundary = "duban" + System.nanoTime();
        // Expect: 100-continue, as curl sends for large bodies: a body refused by its length is
        // never sent.
        return RawHttp.post(URI.create(Api.base() + path))
                .expectContinue()
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .body(Multipart.body(boundary, fileName, content, fields));
    }

    /** A body of unknown length (sent chunked): head, {@code count} times {@code fill}, tail. */
    private static java.util.function.Supplier<InputStream> chunked(
            byte[] head, long count, char fill, byte[] tail) {
        return (() ->
                new SequenceInputStream(
                        java.util.Collections.enumeration(
                                List.of(
                                        new ByteArrayInputStream(head),
                                        repeat((byte) fill, count),
                                        new ByteArrayInputStream(tail)))));
    }

    private static InputStream repeat(byte b, long count) {
        return new InputStream() {
            private long left = count;

            @Override
            public int read() {
                if (left <= 0) return -1;
                left--;
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) {
                if (left <= 0) return -1;
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(buf, off, off + n, b);
                left -= n;
                return n;
            }
        };
    }

    private static Reply send(String user, RawHttp request, Duration timeout) {
        return request.header("Accept", "application/json")
                .header("Authorization", "Bearer " + Api.tokenOf(user))
                .send(timeout);
    }

    // ---- files (written as bytes, the way an attacker would, not built in memory)

    private static byte[] pdfOf(int size) {
        byte[] pdf = new byte[size];
        java.util.Arrays.fill(pdf, (byte) ' ');
        System.arraycopy(PDF, 0, pdf, 0, 9);
        byte[] eof = "%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(eof, 0, pdf, size - eof.length, eof.length);
        return pdf;
    }

    /** The ledger's header, then {@code rows} tiny rows: 7.5 MB zipped for 600,000. */
    static byte[] ledgerBomb(int rows) {
        return workbook(
                new String[] {"任务编号", "进展情况", "完成进度(%)", UUID.randomUUID().toString(), "y"},
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

    /** A plan table of {@code rows} one-cell rows: 3 MB zipped for 600,000. */
    static byte[] tableBomb(int rows) {
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

    interface Rows {
        void write(Writer out) throws IOException;
    }

    private static byte[] workbook(String[] strings, Rows rows) {
        StringBuilder sst =
                new StringBuilder(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + MAIN + "\">");
        for (String s : strings) sst.append("<si><t>").append(s).append("</t></si>");
        return zip(
                Map.of(
                        "[Content_Types].xml",
                                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                                        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                                        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                                        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                                        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                                        + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                                        + "</Types>",
                        "_rels/.rels", rels("officeDocument", "xl/workbook.xml"),
                        "xl/workbook.xml",
                                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\""
                                        + MAIN
                                        + "\" "
                                        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                                        + "<sheets><sheet name=\"台账\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
                        "xl/_rels/workbook.xml.rels",
                                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                                        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                                        + "</Relationships>",
                        "xl/sharedStrings.xml", sst.append("</sst>").toString()),
                "xl/worksheets/sheet1.xml",
                out -> {
                    out.write(
                            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\""
                                    + MAIN
                                    + "\"><sheetData>");
                    rows.write(out);
                    out.write("</sheetData></worksheet>");
                });
    }

    /** A .docx of {@code paragraphs} short paragraphs: 1.5 MB zipped for 600,000. */
    static byte[] documentBomb(int paragraphs) {
        return zip(
                Map.of(
                        "[Content_Types].xml",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                                + "</Types>",
                        "_rels/.rels",
                        rels("officeDocument", "word/document.xml")),
                "word/document.xml",
                out -> {
                    out.write(
                            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document "
                                    + "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
                    for (int i = 0; i < paragraphs; i++)
                        out.write("<w:p><w:r><w:t>" + i + "</w:t></w:r></w:p>");
                    out.write("</w:body></w:document>");
                });
    }

    private static String rels(String type, String target) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                + type
                + "\" Target=\""
                + target
                + "\"/></Relationships>";
    }

    private static byte[] zip(Map<String, String> small, String bigName, Rows big) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                for (var e : small.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
                zip.putNextEntry(new ZipEntry(bigName));
                Writer out =
                        new BufferedWriter(
                                new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
                big.write(out);
                out.flush();
                zip.closeEntry();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
