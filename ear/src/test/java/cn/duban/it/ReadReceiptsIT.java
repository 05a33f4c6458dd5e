package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.it.support.Db;
import cn.duban.it.support.OwnDistrict;
import cn.duban.it.support.PageTest;
import cn.duban.it.support.Plans;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Read receipts (已读回执, issue 20 item 3): a 催办 to a town is unread for each of its people until that
 * person opens it in Duban; the district office sees on the task who has read it, when, and who has
 * not. In a district of this test's own ({@value #TENANT}), whose town 长寿路街道 has two 联络员 and a
 * head.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadReceiptsIT extends PageTest {

    static final String TENANT = "readers";
    static final String ADMIN = "rd-admin", LEADER = "rd-leader";
    static final String CSL = "rd-csl", CSL2 = "rd-csl2", HEAD = "rd-head", SJJ = "rd-sjj";
    static final Path SHOTS = Path.of("target/screenshots/read-receipts");
    static final String TEXT = "请于本周五前报送老旧小区改造进展。";

    static String task, message;

    @BeforeAll
    static void aTownWithThreePeopleAndOneTask() throws SQLException {
        OwnDistrict.create(TENANT, "回执区");
        OwnDistrict.person(TENANT, ADMIN, "qfb", "district-admin");
        OwnDistrict.person(TENANT, LEADER, null, "leader");
        OwnDistrict.person(TENANT, CSL, "csl", "unit-reporter");
        OwnDistrict.person(TENANT, CSL2, "csl", "unit-reporter");
        OwnDistrict.person(TENANT, HEAD, "csl", "unit-head");
        OwnDistrict.person(TENANT, SJJ, "sjj", "unit-reporter");
        String text =
                Plans.TODAY.getYear()
                        + "年回执测试工作要点\n一、重点工作\n1.推进回执测试老旧小区改造。（责任单位：长寿路街道；完成时限："
                        + Plans.full(Plans.TODAY.plusDays(30))
                        + "前）\n";
        String plan = Plans.saved(ADMIN, text, "readers.txt").getString("id");
        Reply published = Api.post(ADMIN, "/plans/" + plan + "/publication", "{}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        task =
                Api.get(ADMIN, "/tasks?plan=" + plan)
                        .json()
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getString("id");
    }

    @Test
    @Order(1)
    void eachPersonOpeningTheReminderIsAReceiptTheOfficeSees() throws SQLException {
        Reply sent =
                Api.post(ADMIN, "/tasks/" + task + "/reminders", "{\"message\":\"" + TEXT + "\"}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(204);
        JsonObject chase = chase();
        message = chase.getString("id");
        assertThat(chase.getString("kind")).isEqualTo("REMINDER");
        assertThat(chase.getString("body")).isEqualTo(TEXT);
        assertThat(chase.getJsonArray("read")).isEmpty();
        assertThat(usernames(chase, "notYet")).containsExactly(CSL, CSL2, HEAD);

        // The 联络员 opens it: read for them, with their name and the time.
        assertThat(unread(CSL)).contains(message);
        Reply opened = Api.get(CSL, "/inbox/" + message);
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertThat(opened.json().getBoolean("read")).isTrue();
        assertThat(opened.json().getString("body")).isEqualTo(TEXT);
        assertThat(unread(CSL)).doesNotContain(message);
        chase = chase();
        assertThat(usernames(chase, "read")).containsExactly(CSL);
        assertThat(chase.getJsonArray("read").getJsonObject(0).getString("name")).contains(CSL);
        assertThat(chase.getJsonArray("read").getJsonObject(0).getString("at")).isNotBlank();
        assertThat(usernames(chase, "notYet")).containsExactly(CSL2, HEAD);

        // Each person reads for themselves: the other 联络员 still has it unread.
        assertThat(unread(CSL2)).contains(message);
        // The head marks it read: a receipt too; opening it again adds none.
        assertThat(Api.post(HEAD, "/inbox/" + message + "/read", "").status()).isEqualTo(204);
        assertThat(Api.get(CSL, "/inbox/" + message).status()).isEqualTo(200);
        assertThat(usernames(chase(), "read")).containsExactly(CSL, HEAD);
        assertThat(
                        Db.maintCount(
                                "select count(*) from inbox_read where tenant_id = '"
                                        + TENANT
                                        + "' and message_id = '"
                                        + message
                                        + "'"))
                .isEqualTo(2);
        // The leader sees the same record.
        assertThat(Api.get(LEADER, "/tasks/" + task + "/reminders").body()).contains(HEAD);
    }

    @Test
    @Order(2)
    void noOneElseOpensItOrSeesItsReceipts() {
        for (String other : List.of(SJJ, LEADER, "jd-admin", "pt-csl")) {
            Reply r = Api.get(other, "/inbox/" + message);
            assertThat(r.status()).as(other + " " + r.body()).isEqualTo(404);
            assertThat(r.problemCode()).isEqualTo("inbox.not-found");
        }
        assertThat(Api.get("jd-admin", "/tasks/" + task + "/reminders").status()).isEqualTo(404);
        for (String unit : List.of(CSL, HEAD, SJJ))
            assertThat(Api.get(unit, "/tasks/" + task + "/reminders").status())
                    .as(unit)
                    .isEqualTo(403);
        // Nobody's attempt counted as a read.
        assertThat(usernames(chase(), "read")).containsExactly(CSL, HEAD);
    }

    /** The second 联络员 opens it on a phone; the office sees all three have read it. */
    @Test
    @Order(3)
    void onThePagesAtPhoneAndDeskWidths() throws Exception {
        open(PHONE);
        login(ADMIN);
        go("/app/task.xhtml?id=" + task, null);
        String before = browser.findElement(By.id("chases")).getText();
        assertThat(before).contains(TEXT).contains("2/3").contains("未读").contains(CSL2);
        shoot(SHOTS, "task-before", PHONE);
        logout();

        login(CSL2);
        go("/app/inbox.xhtml", "消息");
        By row =
                By.xpath(
                        "//tr[contains(@class,'unread')][.//a[contains(@class,'message-link')][contains(., '催办：')]]");
        assertThat(browser.findElements(row)).hasSize(1);
        shoot(SHOTS, "inbox", PHONE);
        browser.findElement(row).findElement(By.cssSelector("a.message-link")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message-body"), TEXT));
        assertThat(text("page-title")).startsWith("催办：");
        shoot(SHOTS, "message", PHONE);
        go("/app/inbox.xhtml", "消息");
        assertThat(browser.findElements(row)).isEmpty();
        logout();
        quitBrowser();

        open(DESKTOP);
        login(ADMIN);
        go("/app/task.xhtml?id=" + task, null);
        String after = browser.findElement(By.id("chases")).getText();
        assertThat(after).contains("3/3").doesNotContain("未读");
        shoot(SHOTS, "task-after", DESKTOP);
        assertThat(usernames(chase(), "read")).containsExactly(CSL, HEAD, CSL2);
    }

    /** 单位催办: one message for all of the town's late tasks, with its receipts. */
    @Test
    @Order(4)
    void allOfAUnitsLateTasksChasedInOneMessage() throws Exception {
        Db.maintExecute(
                "update task set deadline_date = date '"
                        + Plans.TODAY.minusDays(3)
                        + "', next_due_date = date '"
                        + Plans.TODAY.minusDays(3)
                        + "' where tenant_id = '"
                        + TENANT
                        + "' and id = '"
                        + task
                        + "'");
        String csl = Api.unitId(ADMIN, "长寿路街道"), sjj = Api.unitId(ADMIN, "区数据局");
        Reply sent = Api.post(ADMIN, "/units/" + csl + "/reminders", "{\"message\":\"请本周内全部报送。\"}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String body = sent.json().getString("body");
        assertThat(body)
                .startsWith("请本周内全部报送。")
                .contains("以下 1 项任务已超过完成时限")
                .contains("· 1 推进回执测试老旧小区改造（完成时限 " + Plans.TODAY.minusDays(3))
                .contains("已超期 3 天");
        String unitMessage = sent.json().getString("id");

        Reply nothing = Api.post(ADMIN, "/units/" + sjj + "/reminders", "{}");
        assertThat(nothing.status()).as(nothing.body()).isEqualTo(409);
        assertThat(nothing.problemCode()).isEqualTo("reminder.nothing-late");
        assertThat(nothing.contentType()).startsWith("application/problem+json");
        assertThat(Api.post(CSL, "/units/" + csl + "/reminders", "{}").status()).isEqualTo(403);
        assertThat(Api.post("jd-admin", "/units/" + csl + "/reminders", "{}").status())
                .isEqualTo(404);
        assertThat(Api.get("jd-admin", "/units/" + csl + "/reminders").status()).isEqualTo(404);

        assertThat(Api.get(HEAD, "/inbox/" + unitMessage).status()).isEqualTo(200);
        Reply chases = Api.get(ADMIN, "/units/" + csl + "/reminders");
        assertThat(chases.array()).hasSize(1);
        JsonObject chase = chases.array().getJsonObject(0);
        assertThat(usernames(chase, "read")).containsExactly(HEAD);
        assertThat(usernames(chase, "notYet")).containsExactly(CSL, CSL2);
        // A unit-wide 催办 is not one task's.
        assertThat(Api.get(ADMIN, "/tasks/" + task + "/reminders").body())
                .doesNotContain(unitMessage);

        open(PHONE);
        login(ADMIN);
        go("/app/admin/unit-chase.xhtml?unit=" + csl, "单位催办");
        assertThat(text("late")).contains("推进回执测试老旧小区改造");
        assertThat(text("unit-chases")).contains("1/3").contains("未读");
        browser.findElement(By.id("send:message")).sendKeys("请于明日前回复。");
        browser.findElement(By.id("send:remind")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("growl_container"), "已催办，列出逾期任务 1 项"));
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("unit-chases"), "请于明日前回复。"));
        shoot(SHOTS, "unit-chase", PHONE);
        assertThat(Api.get(ADMIN, "/units/" + csl + "/reminders").array()).hasSize(2);
    }

    static JsonObject chase() {
        Reply r = Api.get(ADMIN, "/tasks/" + task + "/reminders");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.array()).hasSize(1);
        return r.array().getJsonObject(0);
    }

    static List<String> usernames(JsonObject chase, String list) {
        return chase.getJsonArray(list).getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("username"))
                .toList();
    }

    static String unread(String user) {
        Reply r = Api.get(user, "/inbox?unread=true&limit=500");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.body();
    }
}
