package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.it.support.Db;
import cn.duban.it.support.PageTest;
import cn.duban.it.support.Plans;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Receipt (签收) and wrong assignment (退回错派), issue 19 items 1 and 2, in 普陀区: only the task's own
 * unit acknowledges (once), the chase sends one 催签收 per late task, a unit sends a task back and the
 * district reassigns (deadline moved by the days lost) or insists (received at the insist time),
 * and the unit's page acknowledges with one click.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TaskReceiptIT extends PageTest {

    static final int NEXT = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + 1;
    static final String MARK = "签收测试" + Long.toString(System.nanoTime() % 1_000_000, 36);

    /** Task ids by point number (9: 区数据局, the others 长寿路街道; 10 is never touched). */
    static final Map<Integer, String> T = new HashMap<>();

    static String sjj;

    @BeforeAll
    static void publishTenTasks() {
        StringBuilder text = new StringBuilder(NEXT + "年普陀区" + MARK + "工作要点\n一、签收\n");
        for (int i = 1; i <= 10; i++) {
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
        JsonObject saved = Plans.saved("pt-admin", text.toString(), "receipt.txt");
        String plan = saved.getString("id");
        assertThat(Api.post("pt-admin", "/plans/" + plan + "/publication", "{}").status())
                .isEqualTo(200);
        for (JsonValue v :
                Api.get("pt-admin", "/tasks?plan=" + plan).json().getJsonArray("items")) {
            JsonObject t = v.asJsonObject();
            String title = t.getString("title");
            int n = Integer.parseInt(title.substring(title.indexOf("第") + 1, title.indexOf("项")));
            T.put(n, t.getString("id"));
        }
        assertThat(T).hasSize(10);
        sjj = Api.unitId("pt-admin", "区数据局");
    }

    static long unreceived(String user) {
        Reply r = Api.get(user, "/receipts/pending");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().getJsonNumber("total").longValue();
    }

    static String history(String task) {
        return Api.get("pt-admin", "/tasks/" + task + "/history").body();
    }

    static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) n++;
        return n;
    }

    static Reply postIfMatch(String user, String path, String json, String ifMatch) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(Api.base() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (ifMatch != null) b.header("If-Match", ifMatch);
        return Api.send(user, b);
    }

    @Test
    void onlyTheUnitAcknowledgesAndOnlyOnce() {
        String t = T.get(1);
        long before = unreceived("pt-admin");
        assertThat(unreceived("pt-leader")).isEqualTo(before);
        // The district office cannot acknowledge for the unit; another unit or district sees
        // nothing.
        assertThat(Api.post("pt-admin", "/receipts/" + t, "{}").status()).isEqualTo(403);
        assertThat(Api.post("pt-leader", "/receipts/" + t, "{}").status()).isEqualTo(403);
        assertThat(Api.post("pt-sjj", "/receipts/" + t, "{}").status()).isEqualTo(404);
        assertThat(Api.post("jd-anting", "/receipts/" + t, "{}").status()).isEqualTo(404);
        assertThat(Api.get("jd-admin", "/receipts/" + t).status()).isEqualTo(404);
        assertThat(Api.get("pt-sjj", "/receipts/" + t).status()).isEqualTo(404);
        assertThat(Api.get("pt-admin", "/receipts/" + t).json().get("receivedAt"))
                .isIn(null, JsonValue.NULL);

        Reply first = Api.post("pt-csl", "/receipts/" + t, "{}");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().getString("receivedBy")).isEqualTo("pt-csl");
        assertThat(first.json().getBoolean("already")).isFalse();
        Reply again = Api.post("pt-csl", "/receipts/" + t, "{}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().getBoolean("already")).isTrue();
        assertThat(again.json().getString("receivedAt"))
                .isEqualTo(first.json().getString("receivedAt"));
        assertThat(Api.get("pt-admin", "/receipts/" + t).json().getString("receivedAt"))
                .isEqualTo(first.json().getString("receivedAt"));

        assertThat(unreceived("pt-admin")).isEqualTo(before - 1);
        assertThat(unreceived("pt-leader")).isEqualTo(before - 1);
        assertThat(Api.get("pt-admin", "/receipts/pending").body()).doesNotContain(t);
        assertThat(Api.get("pt-csl", "/receipts/pending").body())
                .doesNotContain(t)
                .contains(T.get(10))
                .doesNotContain(T.get(9)); // its own unit's only
        assertThat(count(history(t), "task.received")).isEqualTo(1);
        // Another district's lists show none of it.
        assertThat(Api.get("jd-admin", "/receipts/pending").body()).doesNotContain(MARK);
    }

    @Test
    void aBulkReceiptIsAllOrNone() {
        // One task of another unit among them: 404, and nothing is received.
        Reply mixed =
                Api.post(
                        "pt-csl",
                        "/receipts",
                        "{\"taskIds\":[\"" + T.get(2) + "\",\"" + T.get(9) + "\"]}");
        assertThat(mixed.status()).as(mixed.body()).isEqualTo(404);
        assertThat(Api.get("pt-csl", "/receipts/" + T.get(2)).json().get("receivedAt"))
                .isIn(null, JsonValue.NULL);
        assertThat(Api.post("pt-csl", "/receipts", "{\"taskIds\":[]}").status()).isEqualTo(400);
        assertThat(
                        Api.post("pt-admin", "/receipts", "{\"taskIds\":[\"" + T.get(2) + "\"]}")
                                .status())
                .isEqualTo(403);

        Reply both =
                Api.post(
                        "pt-csl",
                        "/receipts",
                        "{\"taskIds\":[\"" + T.get(2) + "\",\"" + T.get(3) + "\"]}");
        assertThat(both.status()).as(both.body()).isEqualTo(200);
        assertThat(both.array()).hasSize(2);
        assertThat(Api.get("pt-csl", "/receipts/" + T.get(3)).json().getString("receivedBy"))
                .isEqualTo("pt-csl");
    }

    @Test
    void reportingProgressAcknowledgesTheTaskAndThenItCannotBeSentBack() {
        String t = T.get(4);
        Reply report =
                Api.post("pt-csl", "/tasks/" + t + "/reports", "{\"text\":\"已启动\",\"percent\":10}");
        assertThat(report.status()).as(report.body()).isEqualTo(201);
        JsonObject receipt = Api.get("pt-csl", "/receipts/" + t).json();
        assertThat(receipt.getString("receivedBy")).isEqualTo("pt-csl");
        assertThat(receipt.getString("receivedByName")).isEqualTo("长寿路街道");
        assertThat(history(t)).contains("task.received").contains("report");
        Reply back = Api.post("pt-csl", "/receipts/" + t + "/dispute", "{\"reason\":\"不属本单位\"}");
        assertThat(back.status()).as(back.body()).isEqualTo(409);
        assertThat(back.body()).contains("dispute.reported");
    }

    @Test
    void aTaskLateForReceiptIsChasedOnce() throws Exception {
        String late = T.get(7);
        // Drive the clock: the task was published 30 days ago (far more than 8 working hours).
        assertThat(
                        Db.maintExecute(
                                "update task set published_at = published_at - interval '30 days'"
                                        + " where id = '"
                                        + late
                                        + "'"))
                .isEqualTo(1);
        assertThat(Api.post("pt-csl", "/receipts/chase", "{}").status()).isEqualTo(403);
        Reply run = Api.post("pt-admin", "/receipts/chase", "{}");
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().getInt("chased")).isGreaterThanOrEqualTo(1);
        String notices =
                "select count(*) from inbox_message where dedupe_key = 'receipt:" + late + "'";
        assertThat(Db.maintCount(notices)).isEqualTo(1);
        assertThat(
                        Db.maintCount(
                                "select count(*) from inbox_message where task_id = '"
                                        + late
                                        + "' and subject like '催签收%'"))
                .isEqualTo(1);
        // A task published just now is not late (8 working hours have not passed).
        assertThat(
                        Db.maintCount(
                                "select count(*) from inbox_message where dedupe_key = 'receipt:"
                                        + T.get(10)
                                        + "'"))
                .isZero();
        // A second run sends nothing twice.
        Reply again = Api.post("pt-admin", "/receipts/chase", "{}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(Db.maintCount(notices)).isEqualTo(1);
        assertThat(Api.get("pt-csl", "/inbox").body()).contains("催签收");
        assertThat(count(history(late), "task.receipt-chased")).isEqualTo(1);
        JsonObject pending =
                Api.get("pt-admin", "/receipts/pending").json().getJsonArray("items").stream()
                        .map(JsonValue::asJsonObject)
                        .filter(u -> u.getString("taskId").equals(late))
                        .findFirst()
                        .orElseThrow();
        assertThat(pending.getBoolean("late")).isTrue();
    }

    @Test
    void aWrongAssignmentIsReassignedWithTheLostDaysGivenBack() throws Exception {
        String t = T.get(5);
        String deadline =
                Api.get("pt-admin", "/tasks/" + t)
                        .json()
                        .getJsonObject("task")
                        .getString("deadline");
        // Only the unit sends back, with a reason.
        assertThat(
                        Api.post("pt-admin", "/receipts/" + t + "/dispute", "{\"reason\":\"x\"}")
                                .status())
                .isEqualTo(403);
        assertThat(Api.post("pt-sjj", "/receipts/" + t + "/dispute", "{\"reason\":\"x\"}").status())
                .isEqualTo(404);
        assertThat(Api.post("pt-csl", "/receipts/" + t + "/dispute", "{\"reason\":\" \"}").status())
                .isEqualTo(400);
        Reply back =
                Api.post("pt-csl", "/receipts/" + t + "/dispute", "{\"reason\":\"数据开放属区数据局职责\"}");
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.json().getString("state")).isEqualTo("PENDING");
        // Sent back: no report meanwhile, and the district sees it in its list.
        assertThat(
                        Api.post(
                                        "pt-csl",
                                        "/tasks/" + t + "/reports",
                                        "{\"text\":\"x\",\"percent\":5}")
                                .body())
                .contains("task.disputed");
        Reply list = Api.get("pt-admin", "/receipts/disputes");
        assertThat(list.body()).contains(t);
        assertThat(Api.get("jd-admin", "/receipts/disputes").body()).doesNotContain(t);
        assertThat(Api.get("pt-csl", "/receipts/disputes").status()).isEqualTo(403);
        // A unit cannot reassign; a stale version is refused.
        String body = "{\"unitId\":\"" + sjj + "\",\"reason\":\"确属区数据局\"}";
        assertThat(Api.post("pt-csl", "/receipts/" + t + "/reassign", body).status())
                .isEqualTo(403);
        assertThat(Api.post("jd-admin", "/receipts/" + t + "/reassign", body).status())
                .isEqualTo(404);
        assertThat(
                        postIfMatch("pt-admin", "/receipts/" + t + "/reassign", body, "\"999\"")
                                .status())
                .isEqualTo(409);
        // The task was with the wrong unit for ten days, and has a report due 20 days before its
        // deadline.
        assertThat(
                        Db.maintExecute(
                                "update task set published_at = published_at - interval '10 days'"
                                        + " where id = '"
                                        + t
                                        + "'"))
                .isEqualTo(1);
        Db.maintExecute(
                "insert into task_checkpoint (tenant_id, id, task_id, position, label, due_date)"
                        + " select tenant_id, gen_random_uuid(), id,"
                        + " (select count(*) from task_checkpoint c where c.task_id = task.id),"
                        + " '阶段报送', deadline_date - 20 from task where id = '"
                        + t
                        + "'");
        Reply moved =
                postIfMatch(
                        "pt-admin",
                        "/receipts/" + t + "/reassign",
                        body,
                        "\"" + back.json().getInt("version") + "\"");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().getString("state")).isEqualTo("REASSIGNED");
        String fresh = moved.json().getString("newTaskId");

        JsonObject old = Api.get("pt-admin", "/tasks/" + t).json().getJsonObject("task");
        assertThat(old.getString("status")).isEqualTo("CANCELLED"); // not scored
        JsonObject now = Api.get("pt-admin", "/tasks/" + fresh).json().getJsonObject("task");
        assertThat(now.getString("unitName")).isEqualTo("区数据局");
        assertThat(LocalDate.parse(now.getString("deadline")))
                .isEqualTo(LocalDate.parse(deadline).plusDays(10));
        // Its checkpoints move with it: the stage report is due ten days later too.
        assertThat(
                        Api.get("pt-admin", "/tasks/" + fresh)
                                .json()
                                .getJsonArray("checkpoints")
                                .getValuesAs(JsonObject.class)
                                .stream()
                                .filter(c -> c.getString("label").equals("阶段报送"))
                                .map(c -> LocalDate.parse(c.getString("due")))
                                .toList())
                .containsExactly(LocalDate.parse(deadline).minusDays(10));
        assertThat(Api.get("pt-admin", "/receipts/" + fresh).json().get("receivedAt"))
                .isIn(null, JsonValue.NULL);
        assertThat(Api.get("pt-csl", "/tasks/" + fresh).status()).isEqualTo(404);
        assertThat(Api.post("pt-sjj", "/receipts/" + fresh, "{}").status()).isEqualTo(200);
        assertThat(history(t)).contains("task.assignment-disputed").contains("task.reassigned");
        assertThat(history(fresh)).contains("task.assigned").contains("task.received");
        // Decided: the dispute is no longer pending, and cannot be decided twice.
        assertThat(Api.get("pt-admin", "/receipts/disputes").body()).doesNotContain(t);
        assertThat(
                        Api.post("pt-admin", "/receipts/" + t + "/uphold", "{\"reason\":\"x\"}")
                                .status())
                .isEqualTo(409);
    }

    @Test
    void anInsistedTaskCountsAsReceivedAtTheInsistTime() {
        String t = T.get(6);
        String deadline =
                Api.get("pt-admin", "/tasks/" + t)
                        .json()
                        .getJsonObject("task")
                        .getString("deadline");
        assertThat(
                        Api.post("pt-csl", "/receipts/" + t + "/dispute", "{\"reason\":\"非本单位职责\"}")
                                .status())
                .isEqualTo(200);
        assertThat(Api.post("pt-admin", "/receipts/" + t + "/uphold", "{}").status())
                .isEqualTo(400);
        assertThat(Api.post("pt-csl", "/receipts/" + t + "/uphold", "{\"reason\":\"x\"}").status())
                .isEqualTo(403);
        Reply kept =
                Api.post("pt-admin", "/receipts/" + t + "/uphold", "{\"reason\":\"属地管理，由街道牵头\"}");
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        assertThat(kept.json().getString("state")).isEqualTo("UPHELD");
        JsonObject receipt = Api.get("pt-csl", "/receipts/" + t).json();
        assertThat(receipt.getString("receivedAt")).isEqualTo(kept.json().getString("answeredAt"));
        assertThat(
                        Api.get("pt-admin", "/tasks/" + t)
                                .json()
                                .getJsonObject("task")
                                .getString("deadline"))
                .isEqualTo(deadline); // scored as any other task
        assertThat(Api.post("pt-csl", "/receipts/" + t + "/dispute", "{\"reason\":\"再退\"}").body())
                .contains("dispute.upheld");
        assertThat(history(t)).contains("task.assignment-upheld").contains("task.received");
        // The unit now reports as usual.
        assertThat(
                        Api.post(
                                        "pt-csl",
                                        "/tasks/" + t + "/reports",
                                        "{\"text\":\"已承办\",\"percent\":5}")
                                .status())
                .isEqualTo(201);
    }

    @Test
    void theReporterAcknowledgesOnMyTasksWithOneClick() throws Exception {
        String t = T.get(8);
        String title =
                Api.get("pt-admin", "/tasks/" + t).json().getJsonObject("task").getString("title");
        open(PHONE);
        login("pt-csl");
        go("/app/ledger.xhtml", "任务台账");
        long before = Long.parseLong(text("ledger-unreceived").strip());
        go("/app/unit/index.xhtml", "我的任务");
        WebElement row =
                browser.findElement(
                        By.xpath(
                                "//*[@id='receipts:unreceived']//tr[.//a[contains(., '"
                                        + title
                                        + "')]]"));
        assertThat(row.getText()).contains(MARK);
        Path dir = Path.of("target", "screenshots", "receipt");
        shoot(dir, "mine-before", PHONE);
        row.findElement(By.cssSelector("button.receive-one")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("receipt-done")));
        // The 签收人 by name (pt-csl is 长寿路 街道 in the dev realm), not by login.
        assertThat(text("receipt-done")).contains("已签收").contains("长寿路街道").doesNotContain("pt-csl");
        shoot(dir, "mine-after", PHONE);
        JsonObject receipt = Api.get("pt-csl", "/receipts/" + t).json();
        assertThat(receipt.getString("receivedBy")).isEqualTo("pt-csl");
        assertThat(receipt.getString("receivedByName")).isEqualTo("长寿路街道");
        go("/app/ledger.xhtml", "任务台账");
        assertThat(Long.parseLong(text("ledger-unreceived").strip())).isEqualTo(before - 1);
        go("/app/task.xhtml?id=" + t, title);
        assertThat(text("receipt-state"))
                .contains("已签收")
                .contains("长寿路街道")
                .doesNotContain("pt-csl");
        shoot(dir, "task", PHONE);
        resize(DESKTOP);
        go("/app/unit/index.xhtml", "我的任务");
        shoot(dir, "mine", DESKTOP);
    }
}
