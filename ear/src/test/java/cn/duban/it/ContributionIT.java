package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.it.support.Db;
import cn.duban.it.support.PageTest;
import cn.duban.it.support.Plans;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
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
 * Lead and co-operating units (牵头/配合), issue 19 item 4, in 普陀区 in 2004 (a year no other test
 * scores): 长寿路街道 leads point 1, 区数据局 co-operates. The co-unit sends its contribution with evidence
 * to the lead, which sees it; the co-unit cannot report on the lead's task nor see the point's
 * contributions; another district finds nothing; the scheme rule cooperatingScoring scores the
 * co-unit four ways; and the lead acknowledges the contribution (确认收到) on its task page, after
 * which the co-unit can no longer change it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContributionIT extends PageTest {

    static final int Y = 2004;
    static final byte[] PDF =
            "%PDF-1.4\n% contribution evidence\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
                    .getBytes(StandardCharsets.US_ASCII);

    static String plan, lead, co, csl, sjj;

    @BeforeAll
    static void aPointWithALeadAndACoUnit() throws Exception {
        String text =
                Y
                        + "年普陀区配合测试工作要点\n一、配合\n"
                        + "1.开展配合测试联合整治。（责任单位：长寿路街道、区数据局；完成时限："
                        + Y
                        + "年3月31日前）\n";
        JsonObject saved = Plans.saved("pt-admin", text, "contribution.txt");
        plan = saved.getString("id");
        Reply published =
                Api.post("pt-admin", "/plans/" + plan + "/publication", "{\"allowOpen\":true}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        Map<String, String> byRole = new HashMap<>();
        for (JsonValue v :
                Api.get("pt-admin", "/tasks?plan=" + plan).json().getJsonArray("items")) {
            JsonObject t = v.asJsonObject();
            byRole.put(t.getString("role"), t.getString("id"));
        }
        lead = byRole.get("LEAD");
        co = byRole.get("COOPERATING");
        assertThat(lead).isNotNull();
        assertThat(co).isNotNull();
        csl = Api.unitId("pt-admin", "长寿路街道");
        sjj = Api.unitId("pt-admin", "区数据局");
    }

    @Test
    @Order(1)
    void theCoUnitSendsItsContributionWithEvidenceAndTheLeadSeesIt() throws Exception {
        // Nothing written yet: an empty draft naming the point's lead.
        JsonObject empty = Api.get("pt-sjj", "/contributions/" + co).json();
        assertThat(empty.getString("state")).isEqualTo("DRAFT");
        assertThat(empty.getString("leadUnitName")).isEqualTo("长寿路街道");
        assertThat(empty.getString("leadTaskId")).isEqualTo(lead);
        // Sending nothing is refused with a readable problem.
        Reply blank = Api.post("pt-sjj", "/contributions/" + co + "/send", "{}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.problemCode()).isEqualTo("contribution.text-missing");
        assertThat(
                        Api.put(
                                        "pt-sjj",
                                        "/contributions/" + co,
                                        "{\"text\":\"x\",\"percent\":101}",
                                        null)
                                .problemCode())
                .isEqualTo("contribution.percent-invalid");
        assertThat(
                        Api.put(
                                        "pt-sjj",
                                        "/contributions/" + co,
                                        "{\"text\":\"" + "字".repeat(10_001) + "\"}",
                                        null)
                                .problemCode())
                .isEqualTo("contribution.text-too-long");

        Reply saved =
                Api.put(
                        "pt-sjj",
                        "/contributions/" + co,
                        "{\"text\":\"已完成数据比对<script>alert(1)</script>\",\"percent\":60}",
                        null);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        int version = saved.json().getInt("version");
        assertThat(
                        Api.put(
                                        "pt-sjj",
                                        "/contributions/" + co,
                                        "{\"text\":\"旧\",\"percent\":10}",
                                        String.valueOf(version + 5))
                                .problemCode())
                .isEqualTo("contribution.stale");
        Reply file =
                Api.upload("pt-sjj", "/contributions/" + co + "/evidence", "比对.pdf", PDF, Map.of());
        assertThat(file.status()).as(file.body()).isEqualTo(201);
        String evidence = file.json().getString("id");
        Reply bad =
                Api.upload(
                        "pt-sjj",
                        "/contributions/" + co + "/evidence",
                        "x.pdf",
                        "MZ not a pdf".getBytes(StandardCharsets.US_ASCII),
                        Map.of());
        assertThat(bad.status()).isEqualTo(415);

        // Before sending, the lead sees nothing.
        assertThat(Api.get("pt-csl", "/contributions?task=" + lead).array()).isEmpty();

        Reply sent = Api.post("pt-sjj", "/contributions/" + co + "/send", "{}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().getString("state")).isEqualTo("SENT");
        assertThat(sent.json().getBoolean("late")).isTrue(); // due 31 March 2004
        assertThat(Api.post("pt-sjj", "/contributions/" + co + "/send", "{}").problemCode())
                .isEqualTo("contribution.already-sent");

        // The lead unit sees the contribution, its evidence and an inbox message.
        for (String user : new String[] {"pt-csl", "pt-admin", "pt-leader"}) {
            Reply list = Api.get(user, "/contributions?task=" + lead);
            assertThat(list.status()).as(user + " " + list.body()).isEqualTo(200);
            JsonObject c = list.array().get(0).asJsonObject();
            assertThat(c.getString("unitName")).isEqualTo("区数据局");
            assertThat(c.getString("text")).isEqualTo("已完成数据比对<script>alert(1)</script>");
            assertThat(c.getInt("percent")).isEqualTo(60);
            assertThat(c.getString("sentBy")).isEqualTo("pt-sjj");
            assertThat(c.getJsonArray("evidence")).hasSize(1);
            byte[] got = Api.bytes(user, "/contributions/" + co + "/evidence/" + evidence);
            assertThat(got).isEqualTo(PDF);
        }
        assertThat(Api.get("pt-csl", "/inbox").body()).contains("区数据局报送配合情况");
        String history = Api.get("pt-admin", "/tasks/" + co + "/history").body();
        assertThat(history).contains("contribution.sent");
    }

    @Test
    @Order(2)
    void theCoUnitCannotReportForTheLeadNorSeeThePointsContributions() {
        // The lead's task is another unit's: not found, for reports and for contributions.
        Reply report =
                Api.post(
                        "pt-sjj",
                        "/tasks/" + lead + "/reports",
                        "{\"text\":\"代报\",\"percent\":50}");
        assertThat(report.status()).as(report.body()).isEqualTo(404);
        assertThat(Api.get("pt-sjj", "/contributions?task=" + lead).status()).isEqualTo(404);
        assertThat(Api.get("pt-sjj", "/tasks/" + lead).status()).isEqualTo(404);
        // On its own task, the point's list is the lead's alone.
        Reply own = Api.get("pt-sjj", "/contributions?task=" + co);
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.problemCode()).isEqualTo("contribution.lead-only");
        // The lead writes no contribution (it reports to the district) and cannot read the
        // co-unit's draft page by the co-unit's task.
        assertThat(
                        Api.put("pt-csl", "/contributions/" + lead, "{\"text\":\"x\"}", null)
                                .problemCode())
                .isEqualTo("contribution.not-cooperating");
        assertThat(Api.get("pt-csl", "/contributions/" + co).status()).isEqualTo(404);
        assertThat(Api.put("pt-csl", "/contributions/" + co, "{\"text\":\"x\"}", null).status())
                .isEqualTo(404);
        // The district office and leaders read but do not write a unit's contribution.
        assertThat(Api.get("pt-admin", "/contributions/" + co).status()).isEqualTo(200);
        assertThat(Api.put("pt-admin", "/contributions/" + co, "{\"text\":\"x\"}", null).status())
                .isEqualTo(403);
    }

    @Test
    @Order(3)
    void anotherDistrictFindsNothing() {
        String unknown = "00000000-0000-4000-8000-000000000000";
        for (String user : new String[] {"jd-admin", "jd-leader", "jd-anting"}) {
            for (String path :
                    new String[] {
                        "/contributions/" + co,
                        "/contributions?task=" + lead,
                        "/contributions?task=" + unknown
                    }) {
                Reply r = Api.get(user, path);
                assertThat(r.status()).as(user + " " + path).isIn(403, 404);
                assertThat(r.body()).doesNotContain("区数据局").doesNotContain("配合测试");
            }
            assertThat(Api.put(user, "/contributions/" + co, "{\"text\":\"x\"}", null).status())
                    .isIn(403, 404);
            assertThat(Api.post(user, "/contributions/" + co + "/send", "{}").status())
                    .isIn(403, 404);
        }
    }

    static String scheme(String rule) {
        return "{\"year\":"
                + Y
                + ",\"name\":\""
                + Y
                + "年配合考核\",\"type\":\"COMPLETION\",\"planWeight\":5,"
                + (rule == null ? "" : "\"cooperatingScoring\":\"" + rule + "\",")
                + "\"indicators\":[{\"name\":\"配合\",\"points\":100,\"target\":\"PLAN\",\"targetId\":\""
                + plan
                + "\"}]}";
    }

    static JsonObject unit(String rule, String name) {
        Reply saved = Api.post("pt-admin", "/evaluation/schemes", scheme(rule));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        JsonObject year = Api.get("pt-admin", "/evaluation/rankings?period=" + Y).json();
        for (JsonValue v : year.getJsonArray("units")) {
            JsonObject u = v.asJsonObject();
            if (u.getString("unitName").equals(name)) return u;
        }
        throw new AssertionError(name + " not in " + year);
    }

    static BigDecimal score(String rule, String name) {
        JsonObject u = unit(rule, name);
        return u.containsKey("score") && !u.isNull("score")
                ? u.getJsonNumber("score").bigDecimalValue()
                : null;
    }

    @Test
    @Order(4)
    void theSchemeRuleScoresTheCoUnitFourWays() throws Exception {
        // The lead finished on time, rated 良; the co-unit sent its contribution on 25 March.
        Db.maintExecute(
                "update task set status = 'APPROVED', progress = 100, completed_on = '"
                        + Y
                        + "-03-20', on_time = true, rating = 'GOOD' where id = '"
                        + lead
                        + "'");
        Db.maintExecute(
                "update contribution set first_sent_at = '"
                        + Y
                        + "-03-25T10:00:00+08' where task_id = '"
                        + co
                        + "'");
        // New schemes: the lead carries the point (90: 良), the co-unit sent on time (100).
        JsonObject byDefault = unit(null, "区数据局");
        assertThat(byDefault.getJsonNumber("score").bigDecimalValue())
                .isEqualByComparingTo("100.00");
        JsonObject current = Api.get("pt-admin", "/evaluation/schemes/current?year=" + Y).json();
        assertThat(current.getJsonObject("rules").getString("cooperatingScoring"))
                .isEqualTo("LEAD_CARRIES");
        assertThat(
                        Api.get("pt-admin", "/evaluation/units/" + sjj + "/breakdown?period=" + Y)
                                .json()
                                .getJsonArray("lines")
                                .getJsonObject(0)
                                .getString("rule"))
                .isEqualTo("按期向牵头单位报送配合情况");
        assertThat(score("LEAD_CARRIES", "长寿路街道")).isEqualByComparingTo("90.00");
        // Sent late (on 10 April, 2 started weeks × 5%): 90.
        Db.maintExecute(
                "update contribution set first_sent_at = '"
                        + Y
                        + "-04-10T10:00:00+08' where task_id = '"
                        + co
                        + "'");
        assertThat(score("LEAD_CARRIES", "区数据局")).isEqualByComparingTo("90.00");
        // The co-unit shares the lead's 良: 90.
        assertThat(score("SAME_AS_LEAD", "区数据局")).isEqualByComparingTo("90.00");
        Db.maintExecute("update task set rating = 'FAIR' where id = '" + lead + "'");
        assertThat(score("SAME_AS_LEAD", "区数据局")).isEqualByComparingTo("75.00");
        // Not scored: listed without a score.
        assertThat(score("NOT_SCORED", "区数据局")).isNull();
        assertThat(score("NOT_SCORED", "长寿路街道")).isEqualByComparingTo("75.00");
        // As before the rule: its own task was never done by the year's end.
        assertThat(score("OWN_REPORTS", "区数据局")).isEqualByComparingTo("0.00");
        // An unknown rule is a readable 400.
        Reply wrong = Api.post("pt-admin", "/evaluation/schemes", scheme("SOMETIMES"));
        assertThat(wrong.status()).isEqualTo(400);
    }

    static String contributionId() {
        return Api.get("pt-sjj", "/contributions/" + co).json().getString("id");
    }

    static Reply acknowledge(String user, String id) {
        return Api.post(user, "/contributions/" + id + "/acknowledge", "{}");
    }

    @Test
    @Order(5)
    void onlyTheLeadAcknowledgesAndOnlyASentContribution() throws Exception {
        String id = contributionId();
        // The co-unit does not acknowledge its own; the district and leaders do not either.
        Reply own = acknowledge("pt-sjj", id);
        assertThat(own.status()).as(own.body()).isEqualTo(403);
        assertThat(own.problemCode()).isEqualTo("contribution.lead-acknowledges");
        assertThat(acknowledge("pt-admin", id).status()).isEqualTo(403);
        assertThat(acknowledge("pt-leader", id).status()).isEqualTo(403);
        // Another district's users, an unknown id, a task id: not found.
        Reply other = acknowledge("jd-anting", id);
        assertThat(other.status()).as(other.body()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("区数据局");
        assertThat(acknowledge("jd-admin", id).status()).isIn(403, 404);
        assertThat(acknowledge("pt-csl", "00000000-0000-4000-8000-000000000000").status())
                .isEqualTo(404);
        assertThat(acknowledge("pt-csl", co).status()).isEqualTo(404);
        // Being changed again by the co-unit (a draft): the lead waits for the new sending.
        Reply edited =
                Api.put(
                        "pt-sjj",
                        "/contributions/" + co,
                        "{\"text\":\"已完成数据比对<script>alert(1)</script>\",\"percent\":60}",
                        null);
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().getString("state")).isEqualTo("DRAFT");
        Reply notSent = acknowledge("pt-csl", id);
        assertThat(notSent.status()).isEqualTo(409);
        assertThat(notSent.problemCode()).isEqualTo("contribution.not-sent");
        Reply sent = Api.post("pt-sjj", "/contributions/" + co + "/send", "{}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().getString("state")).isEqualTo("SENT");
        assertThat(sent.json().get("acknowledgedAt")).isIn(null, JsonValue.NULL);
        assertThat(
                        Db.maintCount(
                                "select count(*) from contribution where state = 'SENT' and id = '"
                                        + id
                                        + "'"))
                .isEqualTo(1);
    }

    @Test
    @Order(6)
    void theLeadSeesTheContributionOnItsTaskPageOnAPhoneAndADesk() throws Exception {
        String title =
                Api.get("pt-admin", "/tasks/" + lead)
                        .json()
                        .getJsonObject("task")
                        .getString("title");
        Path dir = Path.of("target", "screenshots", "contribution");
        open(PHONE);
        login("pt-csl");
        go("/app/task.xhtml?id=" + lead, title);
        String table = text("contributionTable");
        assertThat(table).contains("区数据局").contains("60%").contains("比对.pdf");
        // The text is shown as text, never run.
        assertThat(table).contains("<script>alert(1)</script>");
        assertThat(browser.findElements(By.id("contribution"))).isEmpty();
        shoot(dir, "lead", PHONE);
        long overflow =
                ((Number)
                                js(
                                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
                        .longValue();
        assertThat(overflow).as("no sideways scrolling at 390 px").isLessThanOrEqualTo(0);
        resize(DESKTOP);
        go("/app/task.xhtml?id=" + lead, title);
        assertThat(text("contributionTable")).contains("区数据局").contains("60%");
        shoot(dir, "lead", DESKTOP);
        // The lead acknowledges it (确认收到): the button gives way to the 已确认 badge.
        browser.findElement(By.cssSelector("#contributionTable .acknowledge-contribution")).click();
        wait.until(
                ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#contributionTable .contribution-acknowledged")));
        assertThat(text("contributionTable")).contains("已确认").contains("长寿路街道");
        assertThat(browser.findElements(By.cssSelector(".acknowledge-contribution"))).isEmpty();
        shoot(dir, "lead-acknowledged", DESKTOP);
        logout();
        // The co-unit's page: the form, naming the point's lead, and no list of the point.
        login("pt-sjj");
        go("/app/task.xhtml?id=" + co, title);
        assertThat(text("contribution-lead")).isEqualTo("长寿路街道");
        assertThat(text("contribution-acknowledged")).isEqualTo("已确认");
        assertThat(browser.findElements(By.id("contributionTable"))).isEmpty();
        shoot(dir, "co-unit", DESKTOP);
        resize(PHONE);
        go("/app/task.xhtml?id=" + co, title);
        shoot(dir, "co-unit", PHONE);
    }

    @Test
    @Order(7)
    void anAcknowledgedContributionIsTheLeadsRecordAndNoLongerChanges() {
        String id = contributionId();
        JsonObject mine = Api.get("pt-sjj", "/contributions/" + co).json();
        assertThat(mine.getString("state")).isEqualTo("ACKNOWLEDGED");
        assertThat(mine.getString("acknowledgedBy")).isEqualTo("pt-csl");
        assertThat(mine.getString("acknowledgedByName")).isEqualTo("长寿路街道");
        assertThat(mine.getString("acknowledgedAt")).isNotBlank();
        // Asked again: the first acknowledgement answers, nothing changes.
        Reply again = acknowledge("pt-csl", id);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().getString("acknowledgedAt"))
                .isEqualTo(mine.getString("acknowledgedAt"));
        assertThat(
                        Api.get("pt-admin", "/contributions?task=" + lead)
                                .array()
                                .getJsonObject(0)
                                .getString("state"))
                .isEqualTo("ACKNOWLEDGED");
        // The co-unit is told; the trail keeps it.
        assertThat(Api.get("pt-sjj", "/inbox").body()).contains("长寿路街道已确认收到配合情况");
        assertThat(Api.get("pt-admin", "/tasks/" + co + "/history").body())
                .contains("contribution.acknowledged");
        // The co-unit can no longer change, send or add to it: a clear 409, nothing half-saved.
        Reply save =
                Api.put("pt-sjj", "/contributions/" + co, "{\"text\":\"改\",\"percent\":70}", null);
        assertThat(save.status()).isEqualTo(409);
        assertThat(save.problemCode()).isEqualTo("contribution.acknowledged");
        assertThat(Api.post("pt-sjj", "/contributions/" + co + "/send", "{}").problemCode())
                .isEqualTo("contribution.acknowledged");
        Reply file =
                Api.upload("pt-sjj", "/contributions/" + co + "/evidence", "再补.pdf", PDF, Map.of());
        assertThat(file.status()).isEqualTo(409);
        assertThat(file.problemCode()).isEqualTo("contribution.acknowledged");
        String evidence = mine.getJsonArray("evidence").getJsonObject(0).getString("id");
        Reply removed = Api.delete("pt-sjj", "/contributions/" + co + "/evidence/" + evidence);
        assertThat(removed.status()).isEqualTo(409);
        JsonObject after = Api.get("pt-sjj", "/contributions/" + co).json();
        assertThat(after.getString("state")).isEqualTo("ACKNOWLEDGED");
        assertThat(after.getInt("percent")).isEqualTo(60);
        assertThat(after.getJsonArray("evidence")).hasSize(1);
        // Another district still finds nothing.
        assertThat(acknowledge("jd-anting", id).status()).isEqualTo(404);
    }
}
