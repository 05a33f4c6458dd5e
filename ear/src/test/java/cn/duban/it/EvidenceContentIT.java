package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.devstack.EmbeddedDatabase;
import cn.duban.it.support.Browsers;
import cn.duban.it.support.Db;
import cn.duban.it.support.PageTest;
import cn.duban.it.support.Plans;
import cn.duban.it.support.ProgressReports;
import cn.duban.it.support.TestStack;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Evidence content keyed by tenant and SHA-256 (issue 20 item 5), in 普陀区 in 2014 (a year no other
 * test uses): 长寿路街道 gives one file twice on a report it then submits (frozen); the bytes are stored
 * once. The unit then attaches that file to other reports and to its contribution by reference,
 * through the API and through the task page's 选择已有佐证 on a phone and a desk; the frozen rows stay as
 * they were; another unit and another district (嘉定区) get 404 for the hash, as for a hash nobody
 * has; the evidence pack still holds every file byte for byte.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EvidenceContentIT extends PageTest {

    static final int Y = 2014;
    static final Path SHOTS = Path.of("target/screenshots/evidence-content");

    /** The file 长寿路街道 gives twice, and its SHA-256. */
    static final byte[] PHOTO = EvidencePackIT.pdf("重复佐证-现场照片", 40_000);

    static String sha, plan, t1, t2co, t3, t4, t5, t6, sjjTask, r1, frozenRows;

    @BeforeAll
    static void oneFileGivenTwiceOnAReportThatIsThenSubmitted() throws Exception {
        sha = EvidencePackIT.sha(PHOTO);
        String text =
                Y
                        + "年普陀区佐证复用测试工作要点\n一、复用\n"
                        + "1.开展复用测试专项检查一。（责任单位：长寿路街道；完成时限："
                        + Y
                        + "年6月30日前）\n"
                        + "2.建设复用测试共享平台。（牵头单位：区数据局；配合单位：长寿路街道；完成时限："
                        + Y
                        + "年9月30日前）\n"
                        + "3.开展复用测试专项检查三。（责任单位：长寿路街道；完成时限："
                        + Y
                        + "年6月30日前）\n"
                        + "4.开展复用测试专项检查四。（责任单位：长寿路街道；完成时限："
                        + Y
                        + "年6月30日前）\n"
                        + "5.开展复用测试专项检查五。（责任单位：长寿路街道；完成时限："
                        + Y
                        + "年6月30日前）\n"
                        + "6.开展复用测试专项检查六。（责任单位：长寿路街道；完成时限："
                        + Y
                        + "年6月30日前）\n";
        plan = Plans.saved("pt-admin", text, "evidence-reuse.txt").getString("id");
        Reply published =
                Api.post("pt-admin", "/plans/" + plan + "/publication", "{\"allowOpen\":true}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        for (JsonValue v :
                Api.get("pt-admin", "/tasks?plan=" + plan).json().getJsonArray("items")) {
            JsonObject t = v.asJsonObject();
            String unit = t.getString("unitName"), title = t.getString("title");
            if (unit.equals("区数据局")) sjjTask = t.getString("id");
            else if (title.contains("共享平台")) t2co = t.getString("id");
            else if (title.contains("检查一")) t1 = t.getString("id");
            else if (title.contains("检查三")) t3 = t.getString("id");
            else if (title.contains("检查四")) t4 = t.getString("id");
            else if (title.contains("检查五")) t5 = t.getString("id");
            else if (title.contains("检查六")) t6 = t.getString("id");
        }
        assertThat(List.of(t1, t2co, t3, t4, t5, t6, sjjTask)).doesNotContainNull();

        r1 = EvidencePackIT.draft("pt-csl", t1, "已完成专项检查，附现场照片。", 100);
        upload(r1, "现场照片.pdf");
        upload(r1, "现场照片（副本）.pdf");
        assertThat(ProgressReports.submit("pt-csl", r1, null).status()).isEqualTo(200);
        frozenRows = rowsOf(r1);
    }

    @Test
    void theSameBytesGivenTwiceAreStoredOnceAndComeBackWhole() throws Exception {
        assertThat(contentRows()).isEqualTo(1);
        assertThat(
                        Db.maintCount(
                                "select count(*) from evidence where tenant_id = 'putuo' and report_id = '"
                                        + r1
                                        + "'"))
                .isEqualTo(2);
        for (JsonValue v : Api.get("pt-csl", "/reports/" + r1).json().getJsonArray("evidence")) {
            String id = v.asJsonObject().getString("id");
            assertThat(Api.bytes("pt-admin", "/reports/" + r1 + "/evidence/" + id))
                    .isEqualTo(PHOTO);
        }
    }

    @Test
    void aUnitAttachesItsEarlierFileByReferenceAndTheFrozenRowsStay() throws Exception {
        String r3 = EvidencePackIT.draft("pt-csl", t3, "第三项已完成，佐证同第一项。", 100);
        Reply offered = Api.get("pt-csl", "/reports/" + r3 + "/reusable-evidence");
        assertThat(offered.status()).as(offered.body()).isEqualTo(200);
        JsonObject file =
                offered.array().stream()
                        .map(JsonValue::asJsonObject)
                        .filter(f -> f.getString("sha256").equals(sha))
                        .findFirst()
                        .orElseThrow();
        assertThat(file.getString("fileName")).startsWith("现场照片");
        assertThat(file.getInt("size")).isEqualTo(PHOTO.length);

        Reply reused = reuse("pt-csl", "/reports/" + r3, sha);
        assertThat(reused.status()).as(reused.body()).isEqualTo(201);
        assertThat(reused.json().getString("sha256")).isEqualTo(sha);
        assertThat(reused.json().getString("fileName")).startsWith("现场照片");
        assertThat(
                        Api.bytes(
                                "pt-csl",
                                "/reports/" + r3 + "/evidence/" + reused.json().getString("id")))
                .isEqualTo(PHOTO);
        // Upper-case hex names the same content.
        assertThat(reuse("pt-csl", "/reports/" + r3, sha.toUpperCase()).status()).isEqualTo(201);
        // The co-operating unit's contribution refers to it too.
        Reply contribution = reuse("pt-csl", "/contributions/" + t2co, sha);
        assertThat(contribution.status()).as(contribution.body()).isEqualTo(201);
        assertThat(contribution.json().getString("sha256")).isEqualTo(sha);
        assertThat(contentRows()).isEqualTo(1);

        // The submitted report takes nothing more, and its rows are as they were.
        Reply frozen = reuse("pt-csl", "/reports/" + r1, sha);
        assertThat(frozen.status()).as(frozen.body()).isEqualTo(409);
        assertThat(frozen.problemCode()).isEqualTo("report.frozen");
        assertThat(rowsOf(r1)).isEqualTo(frozenRows);

        // The pack holds every file byte for byte, under each report that has it.
        assertThat(ProgressReports.submit("pt-csl", r3, null).status()).isEqualTo(200);
        EvidencePackIT.Download pack = EvidencePackIT.pack("pt-admin", "?plan=" + plan);
        assertThat(pack.status()).as(pack.text()).isEqualTo(200);
        Map<String, byte[]> entries = EvidencePackIT.unzip(pack.body());
        List<String> copies =
                entries.entrySet().stream()
                        .filter(e -> java.util.Arrays.equals(e.getValue(), PHOTO))
                        .map(Map.Entry::getKey)
                        .toList();
        assertThat(copies).as(entries.keySet().toString()).hasSize(4);
        assertThat(copies.stream().filter(p -> p.contains("检查一")).count()).isEqualTo(2);
        assertThat(copies.stream().filter(p -> p.contains("检查三")).count()).isEqualTo(2);
    }

    @Test
    void anotherUnitOrDistrictCannotReachTheFileByItsHash() throws Exception {
        String sjjDraft = EvidencePackIT.draft("pt-sjj", sjjTask, "平台调研中。", 20);
        Reply other = reuse("pt-sjj", "/reports/" + sjjDraft, sha);
        assertThat(other.status()).as(other.body()).isEqualTo(404);
        assertThat(other.problemCode()).isEqualTo("evidence.not-found");
        assertThat(other.body()).doesNotContain("现场照片", sha);
        assertThat(Api.get("pt-sjj", "/reports/" + sjjDraft + "/reusable-evidence").body())
                .doesNotContain(sha, "现场照片");
        // A hash nobody has, and no hash at all, answer the same.
        Reply none = reuse("pt-sjj", "/reports/" + sjjDraft, "ab".repeat(32));
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.problemCode()).isEqualTo("evidence.not-found");
        assertThat(reuse("pt-sjj", "/reports/" + sjjDraft, "../" + sha).status()).isEqualTo(404);

        // 嘉定区: a report of its own town may not name 普陀区's content either.
        String jdPlan =
                Plans.saved(
                                "jd-admin",
                                Y
                                        + "年嘉定区佐证复用测试工作要点\n一、复用\n1.开展嘉定复用测试检查。（责任单位：安亭镇；完成时限："
                                        + Y
                                        + "年6月30日前）\n",
                                "jd-evidence-reuse.txt")
                        .getString("id");
        assertThat(
                        Api.post(
                                        "jd-admin",
                                        "/plans/" + jdPlan + "/publication",
                                        "{\"allowOpen\":true}")
                                .status())
                .isEqualTo(200);
        String jdTask =
                Api.get("jd-admin", "/tasks?plan=" + jdPlan)
                        .json()
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getString("id");
        String jdDraft = EvidencePackIT.draft("jd-anting", jdTask, "安亭镇进展。", 10);
        for (String user : List.of("jd-anting", "jd-admin")) {
            Reply foreign = reuse(user, "/reports/" + jdDraft, sha);
            assertThat(foreign.status()).as(user + " " + foreign.body()).isEqualTo(404);
            assertThat(foreign.problemCode()).isEqualTo("evidence.not-found");
            assertThat(foreign.body()).doesNotContain("现场照片");
        }
        assertThat(Api.get("jd-anting", "/reports/" + jdDraft + "/reusable-evidence").body())
                .doesNotContain(sha);
        // Nor reach 普陀区's draft to try.
        String r6 = EvidencePackIT.draft("pt-csl", t6, "第六项。", 10);
        assertThat(reuse("jd-admin", "/reports/" + r6, sha).status()).isEqualTo(404);
        assertThat(Api.get("jd-admin", "/reports/" + r6 + "/reusable-evidence").status())
                .isEqualTo(404);
        // The content row is 普陀区's alone.
        assertThat(
                        Db.maintCount(
                                "select count(*) from evidence_content where sha256 = '"
                                        + sha
                                        + "'"))
                .isEqualTo(1);
        assertThat(
                        Db.appRoleCount(
                                "select count(*) from evidence_content where sha256 = '"
                                        + sha
                                        + "'"))
                .as("no tenant set: row-level security shows nothing")
                .isZero();
    }

    @Test
    void theTaskPageOffersTheUnitsEarlierFilesOnAPhoneAndADesk() throws Exception {
        for (Dimension size : List.of(PHONE, DESKTOP)) {
            String task = size == PHONE ? t4 : t5;
            open(size);
            login("pt-csl");
            go("/app/task.xhtml?id=" + task, null);
            Browsers.settled(browser);
            assertThat(
                            browser.findElement(By.cssSelector("label[for='reuse:reuseFile']"))
                                    .getText())
                    .isEqualTo("选择已有佐证");
            Select menu = new Select(browser.findElement(By.id("reuse:reuseFile")));
            String label =
                    menu.getOptions().stream()
                            .map(o -> o.getText())
                            .filter(t -> t.startsWith("现场照片"))
                            .findFirst()
                            .orElseThrow();
            assertThat(label).endsWith(PHOTO.length + " B");
            menu.selectByVisibleText(label);
            js("document.getElementById('reuse:reuseFile').scrollIntoView({block: 'center'});");
            shoot(SHOTS, "picker", size);
            browser.findElement(By.id("reuse:reuseAttach")).click();
            String name = label.substring(0, label.indexOf(" · "));
            wait.until(
                    ExpectedConditions.textToBePresentInElementLocated(
                            By.id("draft-evidence"), name));
            assertThat(browser.findElement(By.id("growl_container")).getText())
                    .contains("已引用已有佐证材料");
            long sideways =
                    ((Number)
                                    js(
                                            "return document.documentElement.scrollWidth - window.innerWidth;"))
                            .longValue();
            assertThat(sideways).as(size.width + " px: scrolls sideways").isLessThanOrEqualTo(0);
            shoot(SHOTS, "attached", size);
            assertThat(
                            Db.maintCount(
                                    "select count(*) from evidence e join progress_report r on r.tenant_id = e.tenant_id "
                                            + "and r.id = e.report_id where r.task_id = '"
                                            + task
                                            + "' and r.state = 'DRAFT' and e.sha256 = '"
                                            + sha
                                            + "'"))
                    .isEqualTo(1);
            quitBrowser();
        }
        assertThat(contentRows()).isEqualTo(1);
    }

    /**
     * V34 and V35 on a populated database of their time: a scratch database migrated to V27, filled
     * (as superuser, foreign keys off: only the evidence columns matter) with two districts sharing
     * one file's bytes, a file given twice, a recorded hash that is wrong and an item without a
     * file, then V31's appeal evidence, then migrated to the end.
     */
    @Test
    void theMigrationMovesEveryStoresBytesOncePerDistrict() throws Exception {
        String db = "duban_v34_" + Long.toString(System.nanoTime() % 1_000_000, 36);
        String url = TestStack.jdbcUrl().replaceFirst("/duban$", "/" + db);
        superuser("create database " + db + " owner duban_owner template template0");
        migrate(url, "27");
        byte[] a = EvidencePackIT.pdf("迁移-甲", 3_000), b = EvidencePackIT.pdf("迁移-乙", 2_000);
        String shaA = EvidencePackIT.sha(a), shaB = EvidencePackIT.sha(b);
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
            s.execute("insert into tenant (id, name) values ('ta', '甲区'), ('tb', '乙区')");
            String insert =
                    "insert into evidence (tenant_id, id, report_id, file_name, content_type, size, sha256, "
                            + "content, uploaded_by) values ";
            s.execute(
                    insert
                            + row("ta", "a.pdf", a, shaA)
                            + ", "
                            + row("ta", "a-copy.pdf", a, shaA)
                            + ", "
                            + row("tb", "a-in-b.pdf", a, shaA)
                            // a hash recorded wrongly: the bytes win
                            + ", "
                            + row("ta", "b.pdf", b, "0".repeat(64)));
            s.execute(
                    "insert into contribution_evidence (tenant_id, id, contribution_id, file_name, content_type, "
                            + "size, sha256, content, uploaded_by) values "
                            + row("ta", "a-contribution.pdf", a, shaA));
            s.execute(
                    "insert into evaluation_adjustment (tenant_id, id, year, unit_id, kind, points, reason, "
                            + "occurred_on, evidence_name, evidence_type, evidence_sha256, evidence, created_by) values "
                            + "('tb', gen_random_uuid(), 2020, gen_random_uuid(), 'BONUS', 1, '有', '2020-01-01', "
                            + "'b.pdf', 'application/pdf', null, "
                            + hex(b)
                            + ", 'x'), ('tb', gen_random_uuid(), 2020, gen_random_uuid(), 'BONUS', 1, '无', "
                            + "'2020-01-01', null, null, null, null, 'x')");
        }
        migrate(url, "31");
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
            s.execute(
                    "insert into appeal_evidence (tenant_id, id, appeal_id, file_name, content_type, size, "
                            + "sha256, content, uploaded_by) values "
                            + row("tb", "b-appeal.pdf", b, shaB)
                            + ", "
                            + row("ta", "a-appeal.pdf", a, shaA));
        }
        migrate(url, null);
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement s = c.createStatement()) {
            assertThat(
                            text(
                                    s,
                                    "select string_agg(tenant_id || ':' || sha256 || ':' || size || ':' || "
                                            + "(encode(sha256(content), 'hex') = sha256), ',' order by tenant_id, sha256) "
                                            + "from evidence_content"))
                    .isEqualTo(
                            String.join(
                                    ",",
                                    java.util.stream.Stream.of(
                                                    "ta:" + shaA + ":" + a.length,
                                                    "ta:" + shaB + ":" + b.length,
                                                    "tb:" + shaA + ":" + a.length,
                                                    "tb:" + shaB + ":" + b.length)
                                            .sorted()
                                            .map(x -> x + ":true")
                                            .toList()));
            assertThat(text(s, "select sha256 from evidence where file_name = 'b.pdf'"))
                    .isEqualTo(shaB);
            assertThat(
                            text(
                                    s,
                                    "select evidence_sha256 || ':' || evidence_size from evaluation_adjustment where reason = '有'"))
                    .isEqualTo(shaB + ":" + b.length);
            assertThat(
                            text(
                                    s,
                                    "select coalesce(evidence_sha256, 'none') from evaluation_adjustment where reason = '无'"))
                    .isEqualTo("none");
            // The bytea columns are gone; every store refers to the content.
            assertThat(
                            text(
                                    s,
                                    "select count(*) from information_schema.columns where table_name in "
                                            + "('evidence', 'contribution_evidence', 'appeal_evidence', 'evaluation_adjustment') "
                                            + "and data_type = 'bytea'"))
                    .isEqualTo("0");
            assertThat(
                            text(
                                    s,
                                    "select string_agg(conrelid::regclass::text, ',' order by conrelid::regclass::text) "
                                            + "from pg_constraint where contype = 'f' and confrelid = 'evidence_content'::regclass"))
                    .isEqualTo(
                            "appeal_evidence,contribution_evidence,evaluation_adjustment,evidence");
        }
        superuser("drop database " + db);
    }

    /** A statement as the test PostgreSQL's superuser, outside any application database. */
    static void superuser(String sql) throws SQLException {
        try (Connection c =
                        DriverManager.getConnection(
                                TestStack.jdbcUrl().replaceFirst("/duban$", "/postgres"),
                                "postgres",
                                "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static void migrate(String url, String target) {
        var config =
                org.flywaydb.core.Flyway.configure(EvidenceContentIT.class.getClassLoader())
                        .dataSource(url, EmbeddedDatabase.OWNER, EmbeddedDatabase.OWNER)
                        .locations("classpath:db/migration")
                        .placeholders(Map.of("appRole", EmbeddedDatabase.APP));
        if (target != null) config = config.target(target);
        config.load().migrate();
    }

    static String row(String tenant, String name, byte[] content, String sha) {
        return "('"
                + tenant
                + "', gen_random_uuid(), gen_random_uuid(), '"
                + name
                + "', 'application/pdf', "
                + content.length
                + ", '"
                + sha
                + "', "
                + hex(content)
                + ", 'x')";
    }

    static String hex(byte[] content) {
        return "decode('" + java.util.HexFormat.of().formatHex(content) + "', 'hex')";
    }

    static String text(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void upload(String report, String name) {
        Reply r = Api.upload("pt-csl", "/reports/" + report + "/evidence", name, PHOTO, Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().getString("sha256")).isEqualTo(sha);
    }

    static Reply reuse(String user, String owner, String hash) {
        return Api.post(user, owner + "/evidence", "{\"sha256\":\"" + hash + "\"}");
    }

    static long contentRows() throws SQLException {
        return Db.maintCount(
                "select count(*) from evidence_content where tenant_id = 'putuo' and sha256 = '"
                        + sha
                        + "'");
    }

    /** A report's evidence rows as text: ids, names, hashes, sizes, who and when. */
    static String rowsOf(String report) throws SQLException {
        String sql =
                "select string_agg(id || '|' || file_name || '|' || sha256 || '|' || size || '|' || uploaded_by "
                        + "|| '|' || uploaded_at, ';' order by id) from evidence where tenant_id = 'putuo' and report_id = '"
                        + report
                        + "'";
        try (Connection c = EmbeddedDatabase.connect(TestStack.jdbcUrl(), EmbeddedDatabase.MAINT);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
