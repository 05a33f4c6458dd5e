package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.it.support.Browsers;
import cn.duban.it.support.PageTest;
import cn.duban.it.support.People;
import cn.duban.it.support.Plans;
import cn.duban.it.support.RealmAdmin;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Inside a unit (单位内部流转), issue 19 item 3, in 普陀区: the unit head of 长寿路街道 hands a task to a named
 * 联络员 (经办人), who alone among the unit's 联络员 then sees it and reports on it; another unit's head and
 * another district find nothing; with the tenant's head approval on, a report waits for the unit
 * head, who sends it back or passes it on to the district; a leaving person's tasks go to a
 * successor at once; the unit head's 我的任务 shows who holds what, on a phone and a desktop.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HandOverIT extends PageTest {

    static final int NEXT = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + 1;
    static final String SUFFIX = Long.toString(System.nanoTime() % 1_000_000, 36);
    static final String MARK = "交办测试" + SUFFIX;

    /** People of 长寿路街道 (csl): the head, a unit admin and three 联络员; 区数据局's head; 嘉定's. */
    static final String HEAD = "ho-head-" + SUFFIX,
            ADMIN = "ho-admin-" + SUFFIX,
            A = "ho-a-" + SUFFIX,
            B = "ho-b-" + SUFFIX,
            C = "ho-c-" + SUFFIX,
            SJJ_HEAD = "ho-sjj-" + SUFFIX,
            JD_HEAD = "ho-jd-" + SUFFIX;

    static final String NAME_A = "经办甲" + SUFFIX, NAME_B = "经办乙" + SUFFIX, NAME_C = "经办丙" + SUFFIX;

    /** Task ids by point number (9: 区数据局, the others 长寿路街道). */
    static final Map<Integer, String> T = new HashMap<>();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void publishTasksAndMakePeople() {
        StringBuilder text = new StringBuilder(NEXT + "年普陀区" + MARK + "工作要点\n一、交办\n");
        for (int i = 1; i <= 9; i++) {
            text.append(i)
                    .append(".开展")
                    .append(MARK)
                    .append("第")
                    .append(i)
                    .append("项工作。（责任单位：")
                    .append(i == 9 ? "区数据局" : "长寿路街道")
                    .append("；完成时限：")
                    .append(NEXT)
                    .append("年6月30日前）\n");
        }
        String plan = Plans.saved("pt-admin", text.toString(), "handover.txt").getString("id");
        assertThat(Api.post("pt-admin", "/plans/" + plan + "/publication", "{}").status())
                .isEqualTo(200);
        for (JsonValue v :
                Api.get("pt-admin", "/tasks?plan=" + plan).json().getJsonArray("items")) {
            String title = v.asJsonObject().getString("title");
            int n = Integer.parseInt(title.substring(title.indexOf("第") + 1, title.indexOf("项")));
            T.put(n, v.asJsonObject().getString("id"));
        }
        assertThat(T).hasSize(9);
        person("pt-admin", HEAD, "负责人" + SUFFIX, "csl", "unit-head");
        person("pt-admin", ADMIN, "单位管理员" + SUFFIX, "csl", "unit-admin");
        person("pt-admin", A, NAME_A, "csl", "unit-reporter");
        person("pt-admin", B, NAME_B, "csl", "unit-reporter");
        person("pt-admin", C, NAME_C, "csl", "unit-reporter");
        person("pt-admin", SJJ_HEAD, "数据局负责人" + SUFFIX, "sjj", "unit-head");
        person("jd-admin", JD_HEAD, "安亭负责人" + SUFFIX, "anting", "unit-head");
    }

    /** An enabled account made through the API, its first login done with People.PASSWORD. */
    static void person(String admin, String username, String name, String unit, String role) {
        RealmAdmin.delete(username);
        Reply r = Api.post(admin, "/accounts", People.account(username, name, unit, role));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        RealmAdmin.completeFirstLogin(username, People.PASSWORD);
    }

    /** A call as one of this test's people (or a demo user, by its own login). */
    static Reply call(String user, String method, String path, String json) {
        return People.call(user, method, path, json);
    }

    static Reply get(String user, String path) {
        return call(user, "GET", path, null);
    }

    static Reply hand(String user, String task, String to) {
        return call(user, "PUT", "/hand-over/tasks/" + task, "{\"username\":\"" + to + "\"}");
    }

    static String history(String task) {
        return Api.get("pt-admin", "/tasks/" + task + "/history").body();
    }

    static JsonObject holding(String task) {
        Reply r = get(HEAD, "/hand-over");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().getJsonArray("tasks").stream()
                .map(JsonValue::asJsonObject)
                .filter(t -> t.getString("taskId").equals(task))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aHandedTaskIsTheHoldersAloneAmongTheUnitsLiaisons() {
        String t = T.get(1);
        // Only the unit's head or admin hands, only to an enabled 联络员 of the unit.
        assertThat(hand("pt-csl", t, A).status()).isEqualTo(403);
        assertThat(hand("pt-admin", t, A).status()).isEqualTo(403);
        Reply stranger = hand(HEAD, t, "pt-sjj");
        assertThat(stranger.status()).as(stranger.body()).isEqualTo(400);
        assertThat(stranger.body()).contains("handover.not-colleague");
        assertThat(hand(HEAD, t, HEAD).body()).contains("handover.not-colleague");
        assertThat(hand(HEAD, t, "nobody-" + SUFFIX).status()).isEqualTo(400);
        // Another unit's task, another unit's head: not found.
        assertThat(hand(HEAD, T.get(9), A).status()).isEqualTo(404);
        assertThat(hand(SJJ_HEAD, t, A).status()).isEqualTo(404);
        assertThat(hand(HEAD, "00000000-0000-4000-8000-000000000000", A).status()).isEqualTo(404);

        Reply handed = hand(HEAD, t, A);
        assertThat(handed.status()).as(handed.body()).isEqualTo(200);
        assertThat(handed.json().getString("holderName")).isEqualTo(NAME_A);
        assertThat(handed.json().getString("handedBy")).isEqualTo(HEAD);
        // The unit is told by name, not by login, who handed the task to whom.
        assertThat(get(A, "/inbox").body())
                .contains("负责人" + SUFFIX + "将任务交由" + NAME_A)
                .doesNotContain(HEAD + "将任务");

        // The holder sees it; the unit's other 联络员 do not, by id, list or 我的任务.
        assertThat(get(A, "/tasks/" + t).status()).isEqualTo(200);
        assertThat(get(B, "/tasks/" + t).status()).isEqualTo(404);
        assertThat(get("pt-csl", "/tasks/" + t).status()).isEqualTo(404);
        assertThat(get(A, "/tasks/mine").body()).contains(t);
        assertThat(get(B, "/tasks/mine").body()).doesNotContain(t).contains(T.get(2));
        assertThat(get(B, "/tasks?q=" + URLEncoder.encode(MARK, StandardCharsets.UTF_8)).body())
                .doesNotContain(t)
                .contains(T.get(2));
        // Nor its receipt (签收) or wrong-assignment (退回错派): not found, nothing changes.
        assertThat(get(B, "/receipts/" + t).status()).isEqualTo(404);
        assertThat(call(B, "POST", "/receipts/" + t, null).status()).isEqualTo(404);
        assertThat(call(B, "POST", "/receipts", "{\"taskIds\":[\"" + t + "\"]}").status())
                .isEqualTo(404);
        assertThat(get(B, "/receipts/" + t + "/dispute").status()).isEqualTo(404);
        assertThat(
                        call(B, "POST", "/receipts/" + t + "/dispute", "{\"reason\":\"非本单位职责\"}")
                                .status())
                .isEqualTo(404);
        assertThat(get(B, "/receipts/pending?limit=1000").body())
                .doesNotContain(t)
                .contains(T.get(2));
        assertThat(get(A, "/receipts/pending?limit=1000").body()).contains(t);
        assertThat(get(A, "/receipts/" + t).json().getBoolean("already")).isFalse();
        // The holder acknowledges it: the receipt names the person, not the login.
        Reply received = call(A, "POST", "/receipts/" + t, null);
        assertThat(received.status()).as(received.body()).isEqualTo(200);
        assertThat(received.json().getString("receivedBy")).isEqualTo(A);
        assertThat(received.json().getString("receivedByName")).isEqualTo(NAME_A);
        assertThat(get(HEAD, "/receipts/" + t).json().getString("receivedByName"))
                .isEqualTo(NAME_A);
        assertThat(get(HEAD, "/receipts/" + t).status()).isEqualTo(200);
        // The head and the unit admin see all of the unit's tasks.
        assertThat(get(HEAD, "/tasks/" + t).status()).isEqualTo(200);
        assertThat(get(ADMIN, "/tasks/mine").body()).contains(t);
        // Only the holder reports on it.
        String report = "{\"text\":\"已着手\",\"percent\":10}";
        assertThat(call(B, "POST", "/tasks/" + t + "/reports", report).status()).isEqualTo(404);
        Reply mine = call(A, "POST", "/tasks/" + t + "/reports", report);
        assertThat(mine.status()).as(mine.body()).isEqualTo(201);
        assertThat(get(B, "/reports/" + mine.json().getString("id")).status()).isEqualTo(404);
        // The unit's inbox tells who holds it; the trail names the holder.
        assertThat(get(A, "/inbox").body()).contains("交由" + NAME_A + "经办");
        assertThat(history(t)).contains("task.handed").contains(NAME_A);

        // Handed on to another colleague, then taken back to the whole unit.
        assertThat(hand(ADMIN, t, B).status()).isEqualTo(200);
        assertThat(get(A, "/tasks/" + t).status()).isEqualTo(404);
        assertThat(get(B, "/tasks/" + t).status()).isEqualTo(200);
        Reply back = call(HEAD, "DELETE", "/hand-over/tasks/" + t, null);
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.json().get("holderUsername")).isIn(null, JsonValue.NULL);
        assertThat(get(A, "/tasks/" + t).status()).isEqualTo(200);
        assertThat(get("pt-csl", "/tasks/" + t).status()).isEqualTo(200);
        assertThat(history(t)).contains("task.taken-back");
    }

    @Test
    void anotherDistrictFindsNothing() {
        String t = T.get(2);
        assertThat(hand(JD_HEAD, t, A).status()).isEqualTo(404);
        assertThat(call(JD_HEAD, "DELETE", "/hand-over/tasks/" + t, null).status()).isEqualTo(404);
        assertThat(get(JD_HEAD, "/hand-over").body()).doesNotContain(MARK);
        assertThat(get(JD_HEAD, "/hand-over/colleagues").body()).doesNotContain(SUFFIX + "\"");
        Reply leaver =
                call(
                        JD_HEAD,
                        "POST",
                        "/hand-over/leaver",
                        "{\"leaver\":\"" + A + "\",\"successor\":\"" + B + "\"}");
        assertThat(leaver.status()).isEqualTo(400); // B is no colleague of 安亭镇
        assertThat(leaver.body()).doesNotContain(MARK);
        assertThat(get("jd-admin", "/hand-over").status()).isEqualTo(403);
        // The head's list of colleagues is the unit's enabled 联络员, and nobody else.
        String colleagues = get(HEAD, "/hand-over/colleagues").body();
        assertThat(colleagues).contains(A).contains(B).contains(C).contains(NAME_A);
        assertThat(colleagues).doesNotContain(HEAD).doesNotContain(ADMIN).doesNotContain("pt-sjj");
    }

    @Test
    void withHeadApprovalOnAReportGoesThroughTheUnitHead() {
        String t = T.get(3);
        assertThat(
                        call(
                                        "pt-csl",
                                        "PUT",
                                        "/hand-over/settings",
                                        "{\"headApprovesReports\":true}")
                                .status())
                .isEqualTo(403);
        Reply on =
                Api.put("pt-admin", "/hand-over/settings", "{\"headApprovesReports\":true}", null);
        assertThat(on.status()).as(on.body()).isEqualTo(200);
        try {
            assertThat(get(A, "/hand-over/settings").json().getBoolean("headApprovesReports"))
                    .isTrue();
            assertThat(
                            get("jd-anting", "/hand-over/settings")
                                    .json()
                                    .getBoolean("headApprovesReports"))
                    .isFalse(); // per tenant
            assertThat(hand(HEAD, t, A).status()).isEqualTo(200);
            Reply sent =
                    call(
                            A,
                            "POST",
                            "/tasks/" + t + "/reports",
                            "{\"text\":\"已完成调研\",\"percent\":40,\"submit\":true}");
            assertThat(sent.status()).as(sent.body()).isEqualTo(201);
            String report = sent.json().getString("id");
            assertThat(sent.json().getString("state")).isEqualTo("AWAITING_HEAD");
            // Not yet the district's: not in its review list, the task not awaiting review.
            assertThat(Api.get("pt-admin", "/reports/pending?limit=500").body())
                    .doesNotContain(report);
            assertThat(get(HEAD, "/hand-over/reports").body()).contains(report).contains("已完成调研");
            // The head's list names the 报送人 by name (the login stays beside it).
            JsonObject awaiting =
                    get(HEAD, "/hand-over/reports").array().stream()
                            .map(JsonValue::asJsonObject)
                            .filter(a -> a.getString("reportId").equals(report))
                            .findFirst()
                            .orElseThrow();
            assertThat(awaiting.getString("submittedBy")).isEqualTo(A);
            assertThat(awaiting.getString("submittedByName")).isEqualTo(NAME_A);
            assertThat(get(SJJ_HEAD, "/hand-over/reports").body()).doesNotContain(report);
            assertThat(call(A, "POST", "/tasks/" + t + "/reports", "{\"text\":\"再报\"}").body())
                    .contains("report.awaiting-head");

            // Who may decide: the unit's head only.
            String decide = "/hand-over/reports/" + report;
            assertThat(call(A, "POST", decide, "{\"decision\":\"APPROVE\"}").status())
                    .isEqualTo(403);
            assertThat(call(SJJ_HEAD, "POST", decide, "{\"decision\":\"APPROVE\"}").status())
                    .isEqualTo(404);
            assertThat(call(JD_HEAD, "POST", decide, "{\"decision\":\"APPROVE\"}").status())
                    .isEqualTo(404);
            assertThat(call(HEAD, "POST", decide, "{\"decision\":\"MAYBE\"}").body())
                    .contains("report.head-decision-invalid");
            assertThat(
                            call(
                                            HEAD,
                                            "POST",
                                            decide,
                                            "{\"decision\":\"RETURN\",\"comment\":\" \"}")
                                    .body())
                    .contains("report.head-reason-missing");

            // Sent back: a draft of its drafter again, with the head's reason.
            Reply returned =
                    call(HEAD, "POST", decide, "{\"decision\":\"RETURN\",\"comment\":\"请补充佐证\"}");
            assertThat(returned.status()).as(returned.body()).isEqualTo(200);
            assertThat(returned.json().getString("state")).isEqualTo("DRAFT");
            assertThat(get(A, "/inbox").body()).contains("请补充佐证");
            Reply edited =
                    call(A, "PUT", "/reports/" + report, "{\"text\":\"已完成调研，附照片\",\"percent\":45}");
            assertThat(edited.status()).as(edited.body()).isEqualTo(200);
            Reply again = call(A, "POST", "/reports/" + report + "/submit", null);
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(again.json().getString("state")).isEqualTo("AWAITING_HEAD");

            // Passed on: the district reviews it as any report.
            Reply approved = call(HEAD, "POST", decide, "{\"decision\":\"APPROVE\"}");
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
            assertThat(approved.json().getString("state")).isEqualTo("SUBMITTED");
            assertThat(call(HEAD, "POST", decide, "{\"decision\":\"APPROVE\"}").body())
                    .contains("report.not-awaiting-head");
            assertThat(Api.get("pt-admin", "/reports/pending?limit=500").body()).contains(report);
            JsonObject shown = Api.get("pt-admin", "/reports/" + report).json();
            assertThat(shown.getString("submittedBy")).isEqualTo(A);
            assertThat(shown.getString("submittedByName")).isEqualTo(NAME_A);
            assertThat(shown.getString("text")).isEqualTo("已完成调研，附照片");
            assertThat(history(t))
                    .contains("report.awaiting-head")
                    .contains("report.head-returned")
                    .contains("report.head-approved")
                    .contains("report.submitted");
            Reply review =
                    Api.post(
                            "pt-admin",
                            "/reports/" + report + "/review",
                            "{\"decision\":\"APPROVE\",\"comment\":\"好\"}");
            assertThat(review.status()).as(review.body()).isIn(200, 204);
        } finally {
            assertThat(
                            Api.put(
                                            "pt-admin",
                                            "/hand-over/settings",
                                            "{\"headApprovesReports\":false}",
                                            null)
                                    .status())
                    .isEqualTo(200);
        }
        // Off again: a 联络员's report goes straight to the district.
        String t4 = T.get(4);
        Reply direct =
                Api.post(
                        "pt-csl",
                        "/tasks/" + t4 + "/reports",
                        "{\"text\":\"直接报送\",\"percent\":20,\"submit\":true}");
        assertThat(direct.status()).as(direct.body()).isEqualTo(201);
        assertThat(direct.json().getString("state")).isEqualTo("SUBMITTED");
    }

    @Test
    void aLeavingPersonsOpenTasksGoToTheSuccessorAtOnce() {
        assertThat(hand(HEAD, T.get(5), C).status()).isEqualTo(200);
        assertThat(hand(HEAD, T.get(6), C).status()).isEqualTo(200);
        String leaver = "/hand-over/leaver";
        assertThat(
                        call(
                                        HEAD,
                                        "POST",
                                        leaver,
                                        "{\"leaver\":\"" + C + "\",\"successor\":\"" + C + "\"}")
                                .body())
                .contains("handover.same-person");
        assertThat(
                        call(
                                        HEAD,
                                        "POST",
                                        leaver,
                                        "{\"leaver\":\"" + C + "\",\"successor\":\"pt-sjj\"}")
                                .body())
                .contains("handover.not-colleague");
        assertThat(
                        call(
                                        "pt-csl",
                                        "POST",
                                        leaver,
                                        "{\"leaver\":\"" + C + "\",\"successor\":\"" + B + "\"}")
                                .status())
                .isEqualTo(403);
        Reply moved =
                call(
                        HEAD,
                        "POST",
                        leaver,
                        "{\"leaver\":\"" + C + "\",\"successor\":\"" + B + "\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().getInt("moved")).isEqualTo(2);
        assertThat(moved.json().getString("successorName")).isEqualTo(NAME_B);
        assertThat(holding(T.get(5)).getString("holderUsername")).isEqualTo(B);
        assertThat(holding(T.get(6)).getString("holderUsername")).isEqualTo(B);
        assertThat(get(C, "/tasks/" + T.get(5)).status()).isEqualTo(404);
        assertThat(get(B, "/tasks/" + T.get(6)).status()).isEqualTo(200);
        assertThat(get(HEAD, "/hand-over").body()).doesNotContain("\"" + C + "\"");
        assertThat(history(T.get(5))).contains("task.handed-over").contains(C);
        // Nothing left with the leaver: said so, nothing changes.
        assertThat(
                        call(
                                        HEAD,
                                        "POST",
                                        leaver,
                                        "{\"leaver\":\"" + C + "\",\"successor\":\"" + B + "\"}")
                                .body())
                .contains("handover.nothing-held");
    }

    /** Logs one of this test's people in with their own password. */
    private void loginAs(String user) {
        Browsers.submitLogin(browser, user, People.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));
    }

    @Test
    void theUnitHeadSeesWhoHoldsWhatAndHandsATaskOnAPhone() throws Exception {
        String t = T.get(7);
        assertThat(hand(HEAD, T.get(8), A).status()).isEqualTo(200);
        String title = get(HEAD, "/tasks/" + t).json().getJsonObject("task").getString("title");
        open(PHONE);
        loginAs(HEAD);
        // 我的任务 opens for a unit head (web.xml let only 联络员 in before).
        go("/app/unit/index.xhtml", "我的任务");
        Path dir = Path.of("target", "screenshots", "handover");
        shoot(dir, "head-before", PHONE);
        WebElement row =
                browser.findElement(
                        By.xpath(
                                "//*[@id='holdings:held']//tr[.//a[contains(., '"
                                        + title
                                        + "')]]"));
        assertThat(row.findElement(By.cssSelector(".held-holder")).getText()).isEqualTo("未指定");
        new Select(row.findElement(By.cssSelector("select.pick"))).selectByVisibleText(NAME_B);
        row.findElement(By.cssSelector("button.hand-one")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.xpath(
                                "//*[@id='holdings:held']//tr[.//a[contains(., '"
                                        + title
                                        + "')]]//*[contains(@class,'held-holder')]"),
                        NAME_B));
        assertThat(holding(t).getString("holderUsername")).isEqualTo(B);
        // The summary: each 经办人 with the number of open tasks the API counts.
        Map<String, Integer> counts = new HashMap<>();
        for (JsonValue v : get(HEAD, "/hand-over").json().getJsonArray("holders"))
            counts.put(v.asJsonObject().getString("name"), v.asJsonObject().getInt("open"));
        assertThat(counts).containsKeys(NAME_A, NAME_B);
        for (String name : List.of(NAME_A, NAME_B)) {
            WebElement r =
                    browser.findElement(
                            By.xpath(
                                    "//*[@id='holdings:holders']//tr[.//span[@class='holder-name' and text()='"
                                            + name
                                            + "']]"));
            assertThat(r.findElement(By.cssSelector(".holder-open")).getText())
                    .isEqualTo(String.valueOf(counts.get(name)));
        }
        shoot(dir, "head-after", PHONE);
        // Nothing runs off a phone's screen.
        long overflow =
                ((Number)
                                js(
                                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
                        .longValue();
        assertThat(overflow).isLessThanOrEqualTo(0);
        resize(DESKTOP);
        go("/app/unit/index.xhtml", "我的任务");
        assertThat(text("holdings:holders")).contains(NAME_B).contains(NAME_A);
        shoot(dir, "head", DESKTOP);
        logout();
        // The unit admin opens it too; a 联络员 sees no hand-over section.
        loginAs(ADMIN);
        go("/app/unit/index.xhtml", "我的任务");
        assertThat(browser.findElements(By.id("holdings"))).isNotEmpty();
        logout();
        loginAs(A);
        go("/app/unit/index.xhtml", "我的任务");
        assertThat(browser.findElements(By.id("holdings"))).isEmpty();
        assertThat(text("mine")).doesNotContain(title); // handed to 经办乙
    }
}
