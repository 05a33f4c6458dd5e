package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.it.support.Browsers;
import cn.duban.it.support.PageTest;
import cn.duban.it.support.People;
import cn.duban.it.support.Plans;
import cn.duban.it.support.ProgressReports;
import cn.duban.it.support.RealmAdmin;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * One key task's whole life as an office runs it (issue 19): published to 长寿路街道 (lead) and 区数据局
 * (co-unit); both acknowledge it (签收); the head of 长寿路街道 hands it to a named 联络员 (经办人); 区数据局 sends
 * its contribution (配合情况) to the lead; the 经办人 reads it on the task page (phone) and reports; the
 * unit head approves on 我的任务 (phone); the district approves; the leader adds an instruction (批示)
 * and signs the task off (审结). The task's audit trail must show every step in order; it is written
 * to {@code target/task-life.txt} for the closing note.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TaskLifeIT extends PageTest {

    static final String SUFFIX = Long.toString(System.nanoTime() % 1_000_000, 36);
    static final String HEAD = "life-head-" + SUFFIX, HOLDER = "life-a-" + SUFFIX;
    static final String HOLDER_NAME = "经办人" + SUFFIX;
    static final String TITLE = "推进全程测试" + SUFFIX + "老旧小区加装电梯";

    @Test
    void aKeyTaskGoesFromReceiptToTheLeadersSignOff() throws Exception {
        int year = Plans.NEXT_YEAR;
        String text =
                year
                        + "年普陀区全程测试工作要点\n一、民生实事\n1."
                        + TITLE
                        + "。（牵头单位：长寿路街道；配合单位：区数据局；完成时限："
                        + year
                        + "年6月30日前）\n";
        JsonObject plan = Plans.saved("pt-admin", text, "life.txt");
        String point = Plans.point(plan, "1").getString("id");
        Reply published =
                Api.post(
                        "pt-admin",
                        "/plans/" + plan.getString("id") + "/publication",
                        "{\"keyPoints\":[\"" + point + "\"]}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        JsonObject page = Api.get("pt-admin", "/tasks?plan=" + plan.getString("id")).json();
        String lead = Plans.tasksOf(page, "长寿路街道").get(0).getString("id");
        String co = Plans.tasksOf(page, "区数据局").get(0).getString("id");
        person(HEAD, "负责人" + SUFFIX, "unit-head");
        person(HOLDER, HOLDER_NAME, "unit-reporter");
        assertThat(
                        Api.put(
                                        "pt-admin",
                                        "/hand-over/settings",
                                        "{\"headApprovesReports\":true}",
                                        null)
                                .status())
                .isEqualTo(200);
        try {
            // 签收: the lead unit's head and the co-unit.
            ok(People.call(HEAD, "POST", "/receipts/" + lead, "{}"));
            ok(Api.post("pt-sjj", "/receipts/" + co, "{}"));

            // 经办人: the head hands the task to a named colleague.
            ok(
                    People.call(
                            HEAD,
                            "PUT",
                            "/hand-over/tasks/" + lead,
                            "{\"username\":\"" + HOLDER + "\"}"));
            // 批示 while it is being done.
            Reply instructed =
                    Api.post(
                            "pt-leader",
                            "/tasks/" + lead + "/instructions",
                            "{\"text\":\"请结合群众意见加快推进\"}");
            assertThat(instructed.status()).as(instructed.body()).isEqualTo(201);

            // 配合情况: the co-unit sends its part with evidence.
            ok(
                    Api.put(
                            "pt-sjj",
                            "/contributions/" + co,
                            "{\"text\":\"已提供加装电梯数据比对结果\",\"percent\":100}",
                            null));
            Reply file =
                    Api.upload(
                            "pt-sjj",
                            "/contributions/" + co + "/evidence",
                            "比对结果.pdf",
                            ProgressReports.PDF,
                            Map.of());
            assertThat(file.status()).as(file.body()).isIn(200, 201);
            ok(Api.post("pt-sjj", "/contributions/" + co + "/send", "{}"));

            // The 经办人 sees the contribution and the instruction on the task page, on a phone.
            open(PHONE);
            Browsers.submitLogin(browser, HOLDER, People.PASSWORD);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));
            go("/app/task.xhtml?id=" + lead, null);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("contributionTable")));
            assertThat(text("contributionTable"))
                    .contains("区数据局")
                    .contains("已提供加装电梯数据比对结果")
                    .contains("100");
            assertThat(text("instructions")).contains("请结合群众意见加快推进");
            shoot(SHOTS, "life-holder-task", PHONE);
            quitBrowser();

            // The 经办人 reports; it waits for the unit head.
            Reply report =
                    People.call(
                            HOLDER,
                            "POST",
                            "/tasks/" + lead + "/reports",
                            "{\"text\":\"已完成12部电梯加装，配合单位数据已核对\",\"percent\":100,\"submit\":true}");
            assertThat(report.status()).as(report.body()).isEqualTo(201);
            String reportId = report.json().getString("id");
            assertThat(report.json().getString("state")).isEqualTo("AWAITING_HEAD");
            assertThat(Api.get("pt-admin", "/reports/pending").body()).doesNotContain(reportId);

            // 单位负责人审核 on 我的任务, on a phone: the report, its % and its author are shown.
            open(PHONE);
            Browsers.submitLogin(browser, HEAD, People.PASSWORD);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));
            go("/app/unit/index.xhtml", "我的任务");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("approvals:awaiting")));
            assertThat(text("approvals-count")).isEqualTo("1");
            assertThat(text("approvals:awaiting"))
                    .contains(TITLE)
                    .contains("100%")
                    .contains("已完成12部电梯加装");
            assertThat(text("holdings:held")).contains(TITLE).contains(HOLDER_NAME);
            shoot(SHOTS, "life-head-approval", PHONE);
            browser.findElement(By.cssSelector("#approvals .head-approve")).click();
            wait.until(
                    ExpectedConditions.invisibilityOfElementLocated(By.id("approvals:awaiting")));
            quitBrowser();

            // 区府办 approves; the leader signs the key task off.
            JsonObject pending = Api.get("pt-admin", "/reports/" + reportId).json();
            assertThat(pending.getString("state")).isEqualTo("SUBMITTED");
            // The review list shows what the co-units sent beside the lead's report.
            open(DESKTOP);
            login("pt-admin");
            go("/app/admin/review.xhtml", "待审核报送");
            String row =
                    browser.findElement(
                                    By.xpath(
                                            "//*[@id='pending']//tbody/tr[contains(., '"
                                                    + TITLE
                                                    + "')]"))
                            .getText();
            assertThat(row).contains("区数据局：已送达 100%").doesNotContain("未送达");
            shoot(SHOTS, "life-district-review", DESKTOP);
            quitBrowser();
            Reply reviewed =
                    ProgressReports.review(
                            reportId,
                            "{\"decision\":\"APPROVE\",\"comment\":\"成效明显\",\"rating\":\"EXCELLENT\"}",
                            null);
            assertThat(reviewed.status()).as(reviewed.body()).isIn(200, 204);
            assertThat(Api.get("pt-leader", "/tasks/awaiting-signoff").body()).contains(lead);
            ok(Api.post("pt-leader", "/tasks/" + lead + "/signoff", "{\"decision\":\"SIGN_OFF\"}"));
            JsonObject done = Api.get("pt-admin", "/tasks/" + lead).json().getJsonObject("task");
            assertThat(done.getString("status")).isEqualTo("APPROVED");
            assertThat(done.getString("signOff")).isEqualTo("SIGNED_OFF");

            // The trail, in order.
            List<String> trail = trail(lead);
            List<String> actions = trail.stream().map(l -> l.split(" \\| ")[1]).toList();
            assertThat(actions)
                    .containsSubsequence(
                            "task.received",
                            "task.handed",
                            "task.instructed",
                            "report.awaiting-head",
                            "report.head-approved",
                            "report.submitted",
                            "report.approved",
                            "task.signed-off");
            List<String> lines = new ArrayList<>();
            lines.add("# 长寿路街道 (lead) " + lead);
            lines.addAll(trail);
            lines.add("# 区数据局 (co-unit) " + co);
            lines.addAll(trail(co));
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target/task-life.txt"), lines, StandardCharsets.UTF_8);
            assertThat(trail(co)).anyMatch(l -> l.contains("contribution.sent"));
        } finally {
            Api.put("pt-admin", "/hand-over/settings", "{\"headApprovesReports\":false}", null);
        }
    }

    @AfterAll
    static void removePeople() {
        RealmAdmin.delete(HEAD);
        RealmAdmin.delete(HOLDER);
    }

    private static final Path SHOTS = Path.of("target/screenshots/life");

    private static void person(String username, String name, String role) {
        RealmAdmin.delete(username);
        Reply r = Api.post("pt-admin", "/accounts", People.account(username, name, "csl", role));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        RealmAdmin.completeFirstLogin(username, People.PASSWORD);
    }

    private static void ok(Reply r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 201);
    }

    /** "time | action | actor | detail" per entry of the task's history, oldest first. */
    private static List<String> trail(String task) {
        Reply r = Api.get("pt-admin", "/tasks/" + task + "/history");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        for (JsonValue v : r.array()) {
            JsonObject e = v.asJsonObject();
            out.add(
                    e.getString("at", "")
                            + " | "
                            + e.getString("action", "")
                            + " | "
                            + e.getString("actor", "")
                            + " | "
                            + e.getString("detail", ""));
        }
        return out;
    }
}
