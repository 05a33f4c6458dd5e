package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.it.support.Browsers;
import cn.duban.it.support.Db;
import cn.duban.it.support.PageTest;
import cn.duban.it.support.Pdfs;
import cn.duban.it.support.People;
import cn.duban.it.support.Plans;
import cn.duban.it.support.RealmAdmin;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 19's open gap: a unit's 单位负责人 and 单位管理员 read what its 联络员 reads about the unit — 台账, 消息, 通报
 * (issued only), 得分 — and no more: in 普陀区 the head of 长寿路街道 reads its unit's inbox and tasks, not
 * 区数据局's, marks its own messages read and no one else's, lists issued circulars but never a draft;
 * 嘉定区's ids are "not found"; a 联络员's report stays the 联络员's. The menu shows 台账/消息/通报 on a phone and
 * a desktop. A year of its own (2005), its open tasks cancelled afterwards.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UnitRolesIT extends PageTest {

    static final int Y = 2005;
    static final String SUFFIX = Long.toString(System.nanoTime() % 1_000_000, 36);
    static final String MARK = "单位角色" + SUFFIX;

    static final String HEAD = "ur-head-" + SUFFIX, ADMIN = "ur-admin-" + SUFFIX;

    /** Subjects of the messages put in the inboxes. */
    static final String TO_CSL = "致长寿路街道" + SUFFIX,
            TO_SJJ = "致区数据局" + SUFFIX,
            TO_HEADS = "致单位负责人" + SUFFIX,
            TO_LEADERS = "致领导" + SUFFIX,
            TO_ANTING = "致安亭镇" + SUFFIX;

    static String csl, sjj, anting, plan, cslTask, sjjTask, jdTask, cslTitle, sjjTitle;
    static String issued, draft, jdIssued;
    static String msgCsl, msgSjj, msgHeads, msgLeaders, msgAnting;
    static final List<String[]> created = new ArrayList<>();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void aYearOfTwoDistrictsAndTheUnitsPeople() throws SQLException {
        csl = Api.unitId("pt-admin", "长寿路街道");
        sjj = Api.unitId("pt-admin", "区数据局");
        anting = Api.unitId("jd-admin", "安亭镇");
        plan =
                planOf(
                        "pt-admin",
                        Y
                                + "年普陀区"
                                + MARK
                                + "工作要点\n一、单位角色\n"
                                + "1.开展"
                                + MARK
                                + "长寿路专项工作。（责任单位：长寿路街道；完成时限："
                                + Y
                                + "年6月30日前）\n"
                                + "2.开展"
                                + MARK
                                + "数据局专项工作。（责任单位：区数据局；完成时限："
                                + Y
                                + "年6月30日前）\n");
        for (JsonValue v :
                Api.get("pt-admin", "/tasks?plan=" + plan).json().getJsonArray("items")) {
            JsonObject t = v.asJsonObject();
            created.add(new String[] {"pt-admin", t.getString("id")});
            if (t.getString("unitName").equals("长寿路街道")) {
                cslTask = t.getString("id");
                cslTitle = t.getString("title");
            } else {
                sjjTask = t.getString("id");
                sjjTitle = t.getString("title");
            }
        }
        assertThat(cslTask).isNotNull();
        assertThat(sjjTask).isNotNull();
        issued = issuedCircular("pt-admin", plan);
        Reply d = Api.post("pt-admin", "/circulars", "{\"period\":\"" + Y + "-Q2\"}");
        assertThat(d.status()).as(d.body()).isEqualTo(201);
        draft = d.json().getString("id");

        String jdPlan =
                planOf(
                        "jd-admin",
                        Y
                                + "年嘉定区"
                                + MARK
                                + "工作要点\n一、单位角色\n"
                                + "1.开展"
                                + MARK
                                + "安亭专项工作。（责任单位：安亭镇；完成时限："
                                + Y
                                + "年6月30日前）\n");
        jdTask =
                Api.get("jd-admin", "/tasks?plan=" + jdPlan)
                        .json()
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getString("id");
        created.add(new String[] {"jd-admin", jdTask});
        jdIssued = issuedCircular("jd-admin", jdPlan);

        person(HEAD, "负责人" + SUFFIX, "unit-head");
        person(ADMIN, "单位管理员" + SUFFIX, "unit-admin");

        msgCsl = message("putuo", csl, null, TO_CSL);
        msgSjj = message("putuo", sjj, null, TO_SJJ);
        msgHeads = message("putuo", null, "unit-head", TO_HEADS);
        msgLeaders = message("putuo", null, "leader", TO_LEADERS);
        msgAnting = message("jiading", anting, null, TO_ANTING);
    }

    /** A plan published at once (its year is past: its tasks are open and overdue). */
    static String planOf(String admin, String text) {
        String id = Plans.saved(admin, text, "unit-roles.txt").getString("id");
        Reply p = Api.post(admin, "/plans/" + id + "/publication", "{\"allowOpen\":true}");
        assertThat(p.status()).as(p.body()).isEqualTo(200);
        return id;
    }

    /** The year's scheme (the plan's completion) and its circular, issued. */
    static String issuedCircular(String admin, String plan) {
        Reply s =
                Api.post(
                        admin,
                        "/evaluation/schemes",
                        "{\"year\":"
                                + Y
                                + ",\"type\":\"COMPLETION\",\"planWeight\":5,\"indicators\":"
                                + "[{\"name\":\"单位角色\",\"points\":100,\"target\":\"PLAN\",\"targetId\":\""
                                + plan
                                + "\"}]}");
        assertThat(s.status()).as(s.body()).isEqualTo(201);
        Reply c = Api.post(admin, "/circulars", "{\"period\":\"" + Y + "\"}");
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        String id = c.json().getString("id");
        Reply i = Api.post(admin, "/circulars/" + id + "/issue", "{}");
        assertThat(i.status()).as(i.body()).isEqualTo(200);
        return id;
    }

    /** An account of 长寿路街道 made through the API, its first login done. */
    static void person(String username, String name, String role) {
        RealmAdmin.delete(username);
        Reply r = Api.post("pt-admin", "/accounts", People.account(username, name, "csl", role));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        RealmAdmin.completeFirstLogin(username, People.PASSWORD);
    }

    /** A message to a unit or a role, written as the application writes one. */
    static String message(String tenant, String unit, String role, String subject)
            throws SQLException {
        String id = UUID.randomUUID().toString();
        Db.appRoleExecute(
                tenant,
                "insert into inbox_message (tenant_id, id, unit_id, role, kind, subject, body, created_by) "
                        + "values (current_setting('app.tenant_id'), '"
                        + id
                        + "', "
                        + (unit == null ? "null" : "'" + unit + "'")
                        + ", "
                        + (role == null ? "null" : "'" + role + "'")
                        + ", 'NOTICE', '"
                        + subject
                        + "', '单位角色测试', 'system')");
        return id;
    }

    @AfterAll
    static void cancelOpenTasks() {
        if (draft != null) Api.delete("pt-admin", "/circulars/" + draft);
        for (String[] t : created) Api.delete(t[0], "/tasks/" + t[1] + "?reason=test-cleanup");
    }

    static Reply call(String user, String method, String path) {
        return People.call(user, method, path, method.equals("GET") ? null : "{}");
    }

    static Reply get(String user, String path) {
        return call(user, "GET", path);
    }

    /** A download (any type) as one of this test's people. */
    static HttpResponse<byte[]> download(String user, String path)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(Api.base() + path))
                        .header("Accept", "*/*")
                        .header("Authorization", "Bearer " + People.token(user))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theUnitHeadReadsItsUnitsInboxAndMarksOnlyItsOwnRead() {
        for (String user : List.of(HEAD, ADMIN)) {
            Reply inbox = get(user, "/inbox?limit=500");
            assertThat(inbox.status()).as(user + " " + inbox.body()).isEqualTo(200);
            assertThat(inbox.body())
                    .contains(msgCsl)
                    .contains(TO_CSL)
                    .doesNotContain(msgSjj)
                    .doesNotContain(msgLeaders)
                    .doesNotContain(msgAnting);
            Reply unread = get(user, "/inbox/unread-count");
            assertThat(unread.status()).as(unread.body()).isEqualTo(200);
        }
        // A message to unit heads is the head's, not the unit admin's.
        assertThat(get(HEAD, "/inbox?limit=500").body()).contains(msgHeads);
        assertThat(get(ADMIN, "/inbox?limit=500").body()).doesNotContain(msgHeads);
        assertThat(get(HEAD, "/inbox/unread-count").json().getJsonNumber("unread").longValue())
                .isGreaterThanOrEqualTo(2);

        // Read by the head, read for the head: each person reads for themselves (read receipts,
        // issue 20), so its 联络员 still has it unread.
        Reply read = call(HEAD, "POST", "/inbox/" + msgCsl + "/read");
        assertThat(read.status()).as(read.body()).isEqualTo(204);
        assertThat(get(HEAD, "/inbox?unread=true&limit=500").body()).doesNotContain(msgCsl);
        assertThat(Api.get("pt-csl", "/inbox?unread=true&limit=500").body()).contains(msgCsl);
        // Another unit's, the leaders', another district's and no message at all: not found.
        for (String other :
                List.of(msgSjj, msgLeaders, msgAnting, "00000000-0000-4000-8000-000000000000")) {
            Reply r = call(HEAD, "POST", "/inbox/" + other + "/read");
            assertThat(r.status()).as(other + " " + r.body()).isEqualTo(404);
            assertThat(r.problemCode()).isEqualTo("inbox.not-found");
        }
        assertThat(call(ADMIN, "POST", "/inbox/" + msgHeads + "/read").status()).isEqualTo(404);
        // 区数据局's message is still unread for 区数据局.
        assertThat(Api.get("pt-sjj", "/inbox?unread=true&limit=500").body()).contains(msgSjj);
    }

    @Test
    void theUnitHeadReadsIssuedCircularsButNeverADraft() throws Exception {
        for (String user : List.of(HEAD, ADMIN)) {
            Reply list = get(user, "/circulars?year=" + Y);
            assertThat(list.status()).as(user + " " + list.body()).isEqualTo(200);
            assertThat(list.body()).contains(issued).doesNotContain(draft).doesNotContain(jdIssued);
            Reply one = get(user, "/circulars/" + issued);
            assertThat(one.status()).as(one.body()).isEqualTo(200);
            assertThat(one.json().getString("state")).isEqualTo("ISSUED");
            assertThat(get(user, "/circulars/" + draft).status()).isEqualTo(404);
            assertThat(get(user, "/circulars/" + jdIssued).status()).isEqualTo(404);
        }
        HttpResponse<byte[]> pdf = download(HEAD, "/circulars/" + issued + "/document.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(download(HEAD, "/circulars/" + draft + "/document.pdf").statusCode())
                .isEqualTo(404);
        // The district office still sees its draft.
        assertThat(Api.get("pt-admin", "/circulars?year=" + Y).body()).contains(draft);
    }

    @Test
    void theUnitHeadReadsItsUnitsLedgerAndScoreOnly() throws Exception {
        for (String user : List.of(HEAD, ADMIN)) {
            Reply tasks = get(user, "/tasks?plan=" + plan);
            assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
            assertThat(tasks.body()).contains(cslTask).doesNotContain(sjjTask);
            // Asking for another unit is "not found" (issue 21: the ledger reads through the
            // caller's scope; it used to answer with the caller's own unit instead).
            Reply other = get(user, "/tasks?plan=" + plan + "&unit=" + sjj);
            assertThat(other.status()).as(other.body()).isEqualTo(404);
            assertThat(other.body()).doesNotContain(sjjTask);
            assertThat(get(user, "/tasks?plan=" + plan + "&unit=" + csl).body())
                    .contains(cslTask)
                    .doesNotContain(sjjTask);
            assertThat(get(user, "/tasks/" + cslTask).status()).isEqualTo(200);
            assertThat(get(user, "/tasks/" + sjjTask).status()).isEqualTo(404);
            assertThat(get(user, "/tasks/" + jdTask).status()).isEqualTo(404);
        }
        // The ledger as Excel and as the unit's PDF: 长寿路街道's tasks only.
        HttpResponse<byte[]> xlsx = download(HEAD, "/tasks/export.xlsx?plan=" + plan);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        String cells = cells(xlsx.body());
        assertThat(cells).contains(cslTitle).doesNotContain(sjjTitle);
        // Another unit's ledger is not found, as on /tasks (it used to be the caller's own).
        assertThat(download(HEAD, "/tasks/ledger.pdf?unit=" + sjj).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> pdf = download(HEAD, "/tasks/ledger.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        String text = Pdfs.text(pdf.body()).replaceAll("\\s", "");
        assertThat(text).contains("长寿路街道任务台账").doesNotContain("区数据局任务台账");
        // 我的得分: its own unit's breakdown; another unit's or district's is not found.
        String breakdown = "/evaluation/units/%s/breakdown?period=" + Y;
        Reply own = get(HEAD, breakdown.formatted(csl));
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(get(HEAD, breakdown.formatted(sjj)).status()).isEqualTo(404);
        assertThat(get(HEAD, breakdown.formatted(anting)).status()).isEqualTo(404);
        assertThat(get(HEAD, "/units/" + csl).status()).isEqualTo(200);
        assertThat(get(HEAD, "/units/" + anting).status()).isEqualTo(404);
        assertThat(get(HEAD, "/evaluation/rankings?period=" + Y).status()).isEqualTo(200);
        assertThat(get(HEAD, "/tenants/current").json().getString("id")).isEqualTo("putuo");
    }

    @Test
    void aLiaisonsWritesStayTheLiaisons() throws Exception {
        // Reporting progress and importing a filled ledger are the 联络员's (or the office's).
        Reply report =
                People.call(
                        HEAD,
                        "POST",
                        "/tasks/" + cslTask + "/reports",
                        "{\"text\":\"负责人代报\",\"percent\":10}");
        assertThat(report.status()).as(report.body()).isEqualTo(403);
        assertThat(
                        People.upload(
                                        People.token(HEAD),
                                        "/tasks/import",
                                        People.sheet(List.of(List.of("x"))),
                                        Map.of())
                                .status())
                .isEqualTo(403);
    }

    @Test
    void theUnitHeadsMenuLeadsToLedgerInboxAndCirculars() throws Exception {
        Path dir = Path.of("target", "screenshots", "unit-roles");
        for (Dimension size : List.of(PHONE, DESKTOP)) {
            open(size);
            Browsers.submitLogin(browser, HEAD, People.PASSWORD);
            titleIs("我的任务");
            for (String nav : List.of("nav-mine", "nav-score", "nav-ledger", "nav-inbox"))
                assertThat(browser.findElements(By.id(nav))).as(nav).isNotEmpty();
            assertThat(browser.findElement(By.id("nav-circulars")).getAttribute("textContent"))
                    .isEqualTo("工作通报");
            assertThat(browser.findElement(By.id("nav-ledger")).getAttribute("textContent"))
                    .isEqualTo("任务台账");
            if (size.width <= 860) {
                browser.findElement(By.id("menu-toggle")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-inbox")));
            }
            assertThat(browser.findElement(By.id("nav-inbox")).getText()).isEqualTo("消息");
            browser.findElement(By.id("nav-inbox")).click();
            titleIs("消息");
            assertThat(text("inbox:messages")).contains(TO_CSL).doesNotContain(TO_SJJ);
            shoot(dir, "inbox", size);

            go("/app/ledger.xhtml?plan=" + plan, "任务台账");
            assertThat(text("ledger")).contains(cslTitle).doesNotContain(sjjTitle);
            shoot(dir, "ledger", size);

            go("/app/circulars.xhtml?year=" + Y, "工作通报");
            assertThat(browser.getPageSource()).contains(issued).doesNotContain(draft);
            shoot(dir, "circulars", size);

            go("/app/score.xhtml", "考核得分明细");
            quitBrowser();
        }
    }

    /** Every cell's text of a workbook, one line each. */
    private static String cells(byte[] xlsx) throws IOException {
        StringBuilder out = new StringBuilder();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) out.append(cell.toString()).append('\n');
                }
            }
        }
        return out.toString();
    }
}
