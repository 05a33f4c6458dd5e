package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.it.support.Browsers;
import cn.duban.it.support.Db;
import cn.duban.it.support.PageTest;
import cn.duban.it.support.Pdfs;
import cn.duban.it.support.Plans;
import cn.duban.it.support.ProgressReports;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * The evidence pack for the annual review (佐证材料包, issue 20 item 5), in 普陀区 in 2011 (a year no other
 * test uses): 长寿路街道 leads point 1 and co-operates on point 2, which 区数据局 leads. Reports with
 * evidence are submitted, reviewed (approved, returned), a contribution with evidence is sent, a
 * returned report's follow-up stays a draft, and one evidence row carries a hostile name written
 * past the upload checks. The pack is downloaded through the API and the ledger page's button, its
 * ZIP opened: every file byte for byte with its SHA-256 in a readable, safe folder; the index read
 * back with PDFBox; drafts left out; a unit's person gets only its own unit; another district's ids
 * answer 404, the wrong role 403; bad input is problem+json; the download is in the audit trail.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EvidencePackIT extends PageTest {

    static final int Y = 2011;
    static final Path SHOTS = Path.of("target/screenshots/evidence-pack");
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static String plan, t1, t2, t3, csl, sjj;

    /** Every evidence file that must be in the district's pack: its bytes by SHA-256. */
    static final Map<String, byte[]> GIVEN = new LinkedHashMap<>();

    /** Uploaded to a draft only: never in a pack. */
    static byte[] draftOnly;

    static String hostileSha;

    static final String HOSTILE = "../../../etc/逃逸\\..\\C:\\evil.pdf";

    @BeforeAll
    static void tasksWithReportsReviewsAndEvidence() throws Exception {
        String text =
                Y
                        + "年普陀区佐证材料包测试工作要点\n一、佐证\n"
                        + "1.开展材料包测试专项检查。按季度报送检查记录。（责任单位：长寿路街道；完成时限："
                        + Y
                        + "年6月30日前）\n"
                        + "2.建设材料包测试数据共享平台。（牵头单位：区数据局；配合单位：长寿路街道；完成时限："
                        + Y
                        + "年9月30日前）\n";
        plan = Plans.saved("pt-admin", text, "evidence-pack.txt").getString("id");
        Reply published =
                Api.post("pt-admin", "/plans/" + plan + "/publication", "{\"allowOpen\":true}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        for (JsonValue v :
                Api.get("pt-admin", "/tasks?plan=" + plan).json().getJsonArray("items")) {
            JsonObject t = v.asJsonObject();
            String unit = t.getString("unitName"), role = t.getString("role");
            if (unit.equals("长寿路街道") && role.equals("LEAD")) t1 = t.getString("id");
            else if (unit.equals("区数据局")) t2 = t.getString("id");
            else if (unit.equals("长寿路街道")) t3 = t.getString("id");
        }
        assertThat(List.of(t1, t2, t3)).doesNotContainNull();
        csl = Api.unitId("pt-admin", "长寿路街道");
        sjj = Api.unitId("pt-admin", "区数据局");

        // 长寿路街道 reports point 1 with three files (two of one name), approved as 良.
        String r1 = draft("pt-csl", t1, "已完成专项检查，共检查 12 处。", 100);
        evidence("pt-csl", "/reports/" + r1, "现场照片.pdf", pdf("现场照片", 300_000));
        evidence("pt-csl", "/reports/" + r1, "会议纪要.pdf", pdf("会议纪要一", 2_000));
        evidence("pt-csl", "/reports/" + r1, "会议纪要.pdf", pdf("会议纪要二", 2_000));
        evidence("pt-csl", "/reports/" + r1, "报告\u202Efdp.pdf", pdf("反转", 1_000));
        assertThat(ProgressReports.submit("pt-csl", r1, null).status()).isEqualTo(200);
        Reply approved =
                ProgressReports.review(
                        r1,
                        "{\"decision\":\"APPROVE\",\"comment\":\"材料齐全\",\"rating\":\"GOOD\"}",
                        null);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        // A name no upload would pass (written past the checks, as an old import might have).
        byte[] hostile = pdf("路径穿越", 1_000);
        String sha = ProgressReports.sha256(hostile);
        Db.maintExecute(
                "insert into evidence_content (tenant_id, sha256, size, content) values ('putuo', '"
                        + sha
                        + "', "
                        + hostile.length
                        + ", decode('"
                        + HexFormat.of().formatHex(hostile)
                        + "', 'hex')) on conflict do nothing");
        Db.maintExecute(
                "insert into evidence (tenant_id, id, report_id, file_name, content_type, size, sha256, uploaded_by) "
                        + "values ('putuo', gen_random_uuid(), '"
                        + r1
                        + "', '"
                        + HOSTILE
                        + "', 'application/pdf', "
                        + hostile.length
                        + ", '"
                        + sha
                        + "', 'pt-csl')");
        GIVEN.put(sha, hostile);
        hostileSha = sha;

        // 区数据局 reports point 2; it is returned, and the follow-up stays a draft with a new file.
        String r2 = draft("pt-sjj", t2, "平台需求调研完成。", 30);
        evidence("pt-sjj", "/reports/" + r2, "调研报告.pdf", pdf("调研报告", 5_000));
        assertThat(ProgressReports.submit("pt-sjj", r2, null).status()).isEqualTo(200);
        Reply returned =
                ProgressReports.review(
                        r2, "{\"decision\":\"RETURN\",\"comment\":\"请补充调研附件\"}", null);
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        Reply next = Api.post("pt-sjj", "/tasks/" + t2 + "/reports", "{}");
        assertThat(next.status()).as(next.body()).isIn(200, 201);
        draftOnly = pdf("草稿附件", 1_500);
        Reply up =
                Api.upload(
                        "pt-sjj",
                        "/reports/" + next.json().getString("id") + "/evidence",
                        "草稿附件.pdf",
                        draftOnly,
                        Map.of());
        assertThat(up.status()).as(up.body()).isEqualTo(201);

        // 长寿路街道 sends its contribution to point 2 with a file.
        Reply c =
                Api.put(
                        "pt-csl",
                        "/contributions/" + t3,
                        "{\"text\":\"已提供辖区数据目录\",\"percent\":60}",
                        null);
        assertThat(c.status()).as(c.body()).isEqualTo(200);
        evidence("pt-csl", "/contributions/" + t3, "数据目录.pdf", pdf("数据目录", 3_000));
        Reply sent = Api.post("pt-csl", "/contributions/" + t3 + "/send", "{}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    }

    @Test
    void theDistrictOfficeGetsEveryTaskWithEveryFileAndAnIndex() throws Exception {
        Download d = pack("pt-admin", "?plan=" + plan);
        assertThat(d.status()).as(d.text()).isEqualTo(200);
        assertThat(d.contentType()).startsWith("application/zip");
        assertThat(d.fileName()).isEqualTo("佐证材料包-" + Y + "-全区-" + Y + "年普陀区佐证材料包测试工作要点.zip");
        Map<String, byte[]> zip = unzip(d.body());
        safePaths(zip.keySet());

        String folder1 = Y + "年普陀区佐证材料包测试工作要点/1 开展材料包测试专项检查 - 长寿路街道";
        String folder2 = Y + "年普陀区佐证材料包测试工作要点/2 建设材料包测试数据共享平台 - 区数据局";
        String folder3 = Y + "年普陀区佐证材料包测试工作要点/2 建设材料包测试数据共享平台 - 长寿路街道";
        assertThat(zip)
                .containsKeys(
                        "目录.pdf",
                        folder1 + "/进展与审核记录.txt",
                        folder2 + "/进展与审核记录.txt",
                        folder3 + "/进展与审核记录.txt");
        // Every given file byte for byte, in its task's folder, with the same name twice kept
        // apart.
        Map<String, String> pathOfSha = new HashMap<>();
        zip.forEach(
                (path, bytes) -> {
                    if (path.endsWith(".pdf") && !path.equals("目录.pdf"))
                        pathOfSha.put(sha(bytes), path);
                });
        assertThat(pathOfSha.keySet()).containsExactlyInAnyOrderElementsOf(GIVEN.keySet());
        GIVEN.forEach((sha, bytes) -> assertThat(zip.get(pathOfSha.get(sha))).isEqualTo(bytes));
        assertThat(pathOfSha.get(sha(draftOnly))).as("a draft's file").isNull();
        String report1 = folder1 + "/第1次报送（" + Plans.TODAY + "）/";
        assertThat(zip)
                .containsKeys(
                        report1 + "现场照片.pdf",
                        report1 + "会议纪要.pdf",
                        report1 + "会议纪要 (2).pdf",
                        report1 + "报告fdp.pdf",
                        folder2 + "/第1次报送（" + Plans.TODAY + "）/调研报告.pdf",
                        folder3 + "/配合情况/数据目录.pdf");
        // The hostile name stays one file in its report's folder, its separators made harmless.
        assertThat(pathOfSha.get(hostileSha))
                .startsWith(report1)
                .satisfies(p -> assertThat(p.substring(report1.length())).doesNotContain("/"));

        String summary1 = new String(zip.get(folder1 + "/进展与审核记录.txt"), StandardCharsets.UTF_8);
        assertThat(summary1)
                .contains(
                        "任务：1 开展材料包测试专项检查",
                        "责任单位：长寿路街道（牵头）",
                        "已完成专项检查，共检查 12 处。",
                        "通过，质量评价：良，意见：材料齐全",
                        "包内路径：" + report1 + "会议纪要 (2).pdf");
        String summary2 = new String(zip.get(folder2 + "/进展与审核记录.txt"), StandardCharsets.UTF_8);
        assertThat(summary2).contains("第 1 次报送（被退回）", "退回，意见：请补充调研附件").doesNotContain("草稿附件");
        String summary3 = new String(zip.get(folder3 + "/进展与审核记录.txt"), StandardCharsets.UTF_8);
        assertThat(summary3).contains("配合情况（报送牵头单位）", "已提供辖区数据目录", "数据目录.pdf");

        String index = Pdfs.text(zip.get("目录.pdf")).replaceAll("\\s+", "");
        assertThat(index)
                .contains(
                        Y + "年度佐证材料目录",
                        "计划：" + Y + "年普陀区佐证材料包测试工作要点",
                        "1开展材料包测试专项检查",
                        "2建设材料包测试数据共享平台",
                        "长寿路街道",
                        "区数据局",
                        "已办结",
                        "被退回",
                        "现场照片.pdf",
                        "会议纪要(2).pdf",
                        "数据目录.pdf",
                        "共3项任务，" + GIVEN.size() + "个佐证材料");
        for (var e : pathOfSha.entrySet()) {
            assertThat(index).contains(e.getKey(), e.getValue().replaceAll("\\s+", ""));
        }

        // The download is in the trail, as a sentence.
        String trail =
                Api.get("pt-admin", "/audit/entries?action=evidence.pack-downloaded&limit=200")
                        .body();
        assertThat(trail)
                .contains("pt-admin 下载了 " + Y + " 年佐证材料包", "3 项任务，" + GIVEN.size() + " 个佐证材料");
    }

    @Test
    void aUnitsPersonGetsItsOwnUnitOnly() throws Exception {
        Download mine = pack("pt-csl", "?year=" + Y);
        assertThat(mine.status()).as(mine.text()).isEqualTo(200);
        assertThat(mine.fileName()).isEqualTo("佐证材料包-" + Y + "-长寿路街道.zip");
        Map<String, byte[]> zip = unzip(mine.body());
        safePaths(zip.keySet());
        List<String> folders = taskFolders(zip);
        assertThat(folders).isNotEmpty().allSatisfy(f -> assertThat(f).endsWith(" - 长寿路街道"));
        assertThat(zip.keySet())
                .noneMatch(p -> p.contains("区数据局"))
                .noneMatch(p -> p.contains("调研报告"));
        String index = Pdfs.text(zip.get("目录.pdf"));
        assertThat(index).contains("单位：长寿路街道").doesNotContain("区数据局");
        // Its own unit by id is the same; another unit's id is not found.
        assertThat(pack("pt-csl", "?year=" + Y + "&unit=" + csl).status()).isEqualTo(200);
        Download other = pack("pt-csl", "?year=" + Y + "&unit=" + sjj);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.problemCode()).isEqualTo("unit.not-found");
        // 区数据局 gets its own task, and not 长寿路街道's contribution to it.
        Map<String, byte[]> theirs = unzip(pack("pt-sjj", "?plan=" + plan).body());
        assertThat(taskFolders(theirs)).allSatisfy(f -> assertThat(f).endsWith(" - 区数据局"));
        assertThat(theirs.keySet())
                .noneMatch(p -> p.contains("数据目录"))
                .anyMatch(p -> p.endsWith("调研报告.pdf"));
        // The district office narrows to a unit; a leader reads like the office.
        Map<String, byte[]> bySjj = unzip(pack("pt-admin", "?year=" + Y + "&unit=" + sjj).body());
        assertThat(taskFolders(bySjj))
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f).endsWith(" - 区数据局"));
        assertThat(pack("pt-leader", "?plan=" + plan).status()).isEqualTo(200);
        // The years each may pack.
        assertThat(Api.get("pt-csl", "/evidence-packs/years").array().toString())
                .contains(String.valueOf(Y));
    }

    @Test
    void badInputIsAProblemAndTheWrongRoleIsRefused() {
        assertThat(pack("pt-admin", "?year=abc").problemCode()).isEqualTo("pack.year-invalid");
        assertThat(pack("pt-admin", "?year=1999").problemCode()).isEqualTo("pack.year-invalid");
        assertThat(pack("pt-admin", "").problemCode()).isEqualTo("pack.year-missing");
        assertThat(pack("pt-admin", "?year=" + Y + "&unit=x").problemCode())
                .isEqualTo("request.id-invalid");
        Download empty = pack("pt-admin", "?year=2098");
        assertThat(empty.status()).isEqualTo(404);
        assertThat(empty.problemCode()).isEqualTo("pack.empty");
        Download wrongYear = pack("pt-admin", "?year=" + (Y + 1) + "&plan=" + plan);
        assertThat(wrongYear.status()).isEqualTo(400);
        assertThat(wrongYear.problemCode()).isEqualTo("pack.plan-year");
        assertThat(pack("pt-admin", "?plan=00000000-0000-4000-8000-000000000000").problemCode())
                .isEqualTo("plan.not-found");
        assertThat(pack("operator", "?year=" + Y).status()).isEqualTo(403);
        // No token, from our own origin (past the cross-site check): not logged in.
        HttpRequest.Builder anonymous =
                HttpRequest.newBuilder(URI.create(Api.base() + "/evidence-packs?year=" + Y))
                        .header("Origin", Browsers.APP)
                        .POST(HttpRequest.BodyPublishers.noBody());
        assertThat(Api.send(null, anonymous, "application/json").status()).isEqualTo(401);
    }

    @Test
    void anotherDistrictFindsNothing() {
        for (String user : List.of("jd-admin", "jd-leader", "jd-anting")) {
            for (String q :
                    List.of(
                            "?plan=" + plan,
                            "?year=" + Y + "&unit=" + csl,
                            "?year=" + Y + "&plan=" + plan + "&unit=" + csl,
                            "?year=" + Y)) {
                Download d = pack(user, q);
                assertThat(d.status()).as(user + " " + q).isEqualTo(404);
                assertThat(d.text()).as(user + " " + q).doesNotContain("普陀", "长寿路", "材料包测试");
            }
        }
    }

    @Test
    void theLedgerPageDownloadsThePackOnAPhoneAndADesk() throws Exception {
        for (Dimension size : List.of(PHONE, DESKTOP)) {
            Path downloads = Files.createTempDirectory("evidence-pack");
            open(size);
            browser.executeCdpCommand(
                    "Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            login("pt-admin");
            go("/app/ledger.xhtml?plan=" + plan, "任务台账");
            Browsers.settled(browser);
            WebElement button = browser.findElement(By.id("pack-download"));
            assertThat(button.getText()).isEqualTo("下载佐证材料包");
            assertThat(button.getAttribute("formaction"))
                    .endsWith("/api/v1/evidence-packs?plan=" + plan);
            assertThat(text("pack-hint")).contains("上方所选计划");
            long sideways =
                    ((Number)
                                    js(
                                            "return document.documentElement.scrollWidth - window.innerWidth;"))
                            .longValue();
            assertThat(sideways).as(size.width + " px: scrolls sideways").isLessThanOrEqualTo(0);
            js("document.getElementById('pack-download').scrollIntoView({block: 'center'});");
            shoot(SHOTS, "ledger-admin", size);
            button.click();
            Path zip = waitForDownload(downloads);
            assertThat(zip.getFileName().toString()).endsWith(".zip").contains(String.valueOf(Y));
            Map<String, byte[]> entries = unzip(Files.readAllBytes(zip));
            assertThat(entries).containsKey("目录.pdf");
            assertThat(entries.values().stream().map(EvidencePackIT::sha).toList())
                    .containsAll(GIVEN.keySet());
            // The page stayed where it was.
            assertThat(browser.findElement(By.id("page-title")).getText()).contains("任务台账");
            quitBrowser();
        }
        // A unit's person: its years to choose from, no plan filter.
        open(PHONE);
        login("pt-csl");
        go("/app/ledger.xhtml", "任务台账");
        Browsers.settled(browser);
        assertThat(browser.findElements(By.id("pack:year"))).hasSize(1);
        assertThat(browser.findElement(By.id("pack-download")).getAttribute("formaction"))
                .contains("/api/v1/evidence-packs?year=")
                .doesNotContain("unit=");
        assertThat(text("pack-hint")).startsWith("本单位");
        shoot(SHOTS, "ledger-unit", PHONE);
    }

    // ---- helpers

    record Download(int status, String contentType, String disposition, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String fileName() {
            String d = disposition == null ? "" : disposition;
            return URLDecoder.decode(d.substring(d.indexOf("''") + 2), StandardCharsets.UTF_8);
        }

        String problemCode() {
            assertThat(contentType)
                    .as(status + " " + text())
                    .startsWith("application/problem+json");
            try (var r = Json.createReader(new StringReader(text()))) {
                return r.readObject().getString("code");
            }
        }
    }

    /** POST /evidence-packs as the user (null: no token), read whole (the packs here are small). */
    static Download pack(String user, String query) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(Api.base() + "/evidence-packs" + query))
                        .header("Accept", "application/zip, application/problem+json")
                        .POST(HttpRequest.BodyPublishers.noBody());
        if (user != null) b.header("Authorization", "Bearer " + Api.tokenOf(user));
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(
                    r.statusCode(),
                    r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Content-Disposition").orElse(null),
                    r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in =
                new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                assertThat(out.put(e.getName(), in.readAllBytes()))
                        .as("duplicate " + e.getName())
                        .isNull();
            }
        }
        return out;
    }

    /** No entry leaves the pack or collides with another when extracted on Windows. */
    static void safePaths(java.util.Set<String> paths) {
        java.util.Set<String> folded = new java.util.HashSet<>();
        for (String p : paths) {
            assertThat(p).as(p).doesNotStartWith("/").doesNotContain("\\", ":", "\u0000", "\u202E");
            for (String part : p.split("/", -1)) {
                assertThat(part)
                        .as(p)
                        .isNotIn("", ".", "..")
                        .doesNotEndWith(".")
                        .doesNotEndWith(" ");
            }
            assertThat(folded.add(p.toLowerCase(Locale.ROOT)))
                    .as("case-folded duplicate " + p)
                    .isTrue();
        }
    }

    /** The task folders (plan/task) of the pack. */
    static List<String> taskFolders(Map<String, byte[]> zip) {
        return zip.keySet().stream()
                .filter(p -> p.endsWith("/进展与审核记录.txt"))
                .map(p -> p.substring(p.indexOf('/') + 1, p.lastIndexOf('/')))
                .toList();
    }

    static String sha(byte[] bytes) {
        try {
            return ProgressReports.sha256(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String draft(String user, String task, String text, int percent) {
        Reply r =
                Api.post(
                        user,
                        "/tasks/" + task + "/reports",
                        Json.createObjectBuilder()
                                .add("text", text)
                                .add("percent", percent)
                                .build()
                                .toString());
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return r.json().getString("id");
    }

    static void evidence(String user, String owner, String name, byte[] bytes) {
        Reply r = Api.upload(user, owner + "/evidence", name, bytes, Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        GIVEN.put(sha(bytes), bytes);
    }

    /** A PDF the upload accepts, unique by its marker, padded with random bytes to a size. */
    static byte[] pdf(String marker, int size) {
        byte[] head = ("%PDF-1.4\n% " + marker + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail =
                "\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[Math.max(size, head.length + tail.length)];
        new Random(marker.hashCode()).nextBytes(out);
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(tail, 0, out, out.length - tail.length, tail.length);
        return out;
    }

    static Path waitForDownload(Path dir) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            try (Stream<Path> files = Files.list(dir)) {
                var done = files.filter(f -> f.toString().endsWith(".zip")).findFirst();
                if (done.isPresent()) return done.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no download in " + dir);
    }
}
