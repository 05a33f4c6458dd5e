package cn.duban.it;

import static cn.duban.it.support.Rankings.byUnit;
import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.it.support.Browsers;
import cn.duban.it.support.Db;
import cn.duban.it.support.OwnDistrict;
import cn.duban.it.support.PageTest;
import cn.duban.it.support.Plans;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Appeals (申诉, issue 20 item 4) against the real server, in a district of this test's own ({@value
 * #TENANT}): last month's result published with 长寿路街道 one task five days late (良) and one on time
 * (优) and a 2-point deduction; 区数据局 one open task. 长寿路街道 appeals; the office rejects, accepts (the
 * result republished as version 2, 3, version 1 unchanged) and finds open appeals holding back the
 * close.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AppealsIT extends PageTest {

    static final String TENANT = "appeals";
    static final String ADMIN = "ap-admin", LEADER = "ap-leader", CSL = "ap-csl", SJJ = "ap-sjj";
    static final Path SHOTS = Path.of("target/screenshots/appeals");
    static final YearMonth M = YearMonth.from(Plans.TODAY).minusMonths(1);
    static final String PERIOD = M.toString();
    static final String INDICATOR = "申诉测试指标";

    static String csl, sjj, lateTask, onTimeTask, sjjTask, oldTask, deduction, v1Sha;
    static String overdueAppeal, lineAppeal;

    static LocalDate day(int d) {
        return M.atDay(d);
    }

    @BeforeAll
    static void lastMonthPublished() throws SQLException {
        OwnDistrict.create(TENANT, "申诉区");
        OwnDistrict.person(TENANT, ADMIN, "qfb", "district-admin");
        OwnDistrict.person(TENANT, LEADER, null, "leader");
        OwnDistrict.person(TENANT, CSL, "csl", "unit-reporter");
        OwnDistrict.person(TENANT, SJJ, "sjj", "unit-reporter");
        String due = Plans.full(Plans.TODAY.plusDays(30));
        String text =
                M.getYear()
                        + "年申诉测试工作要点\n一、信息公开\n"
                        + "1.推进申诉测试甲事项。（责任单位：长寿路街道；完成时限："
                        + due
                        + "前）\n2.推进申诉测试乙事项。（责任单位：长寿路街道；完成时限："
                        + due
                        + "前）\n3.推进申诉测试丙事项。（责任单位：区数据局；完成时限："
                        + due
                        + "前）\n二、其他工作\n4.推进申诉测试丁事项。（责任单位：长寿路街道；完成时限："
                        + due
                        + "前）\n";
        JsonObject saved = Plans.saved(ADMIN, text, "appeals.txt");
        String plan = saved.getString("id");
        String section = saved.getJsonArray("sections").getJsonObject(0).getString("id");
        Reply published = Api.post(ADMIN, "/plans/" + plan + "/publication", "{}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        csl = Api.unitId(ADMIN, "长寿路街道");
        sjj = Api.unitId(ADMIN, "区数据局");
        lateTask = history(saved, "1", day(10), "'APPROVED'", day(15), "'GOOD'");
        onTimeTask = history(saved, "2", day(5), "'APPROVED'", day(3), "'EXCELLENT'");
        sjjTask = history(saved, "3", day(20), "'IN_PROGRESS'", null, "null");
        oldTask = history(saved, "4", M.atDay(1).minusDays(10), "'IN_PROGRESS'", null, "null");

        Reply scheme =
                Api.post(
                        ADMIN,
                        "/evaluation/schemes",
                        "{\"year\":"
                                + M.getYear()
                                + ",\"name\":\"申诉测试考核\",\"type\":\"COMPLETION\",\"planWeight\":5,"
                                + "\"indicators\":[{\"name\":\""
                                + INDICATOR
                                + "\",\"points\":100,\"target\":\"SECTION\",\"targetId\":\""
                                + section
                                + "\"}]}");
        assertThat(scheme.status()).as(scheme.body()).isEqualTo(201);
        Reply item =
                Api.post(
                        ADMIN,
                        "/evaluation/adjustments",
                        "{\"unitId\":\""
                                + csl
                                + "\",\"kind\":\"DEDUCTION\",\"points\":2,\"reason\":\"材料报送不规范\",\"occurredOn\":\""
                                + day(12)
                                + "\"}");
        assertThat(item.status()).as(item.body()).isEqualTo(201);
        deduction = item.json().getString("id");
        Reply closed = Api.post(ADMIN, "/evaluation/periods/" + PERIOD + "/close", "{}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(201);
        assertThat(closed.json().getInt("version")).isEqualTo(1);
        v1Sha = closed.json().getString("sha256");
        // 长寿路街道: 50 × 0.9 (良) × 0.95 (1 week late) + 50 × 1.0 − 2 = 90.75.
        assertThat(cslScore()).isEqualByComparingTo("90.75");
    }

    /** Sets a task's history; returns its id. */
    static String history(
            JsonObject plan,
            String point,
            LocalDate deadline,
            String status,
            LocalDate completed,
            String rating)
            throws SQLException {
        String pointId = Plans.point(plan, point).getString("id");
        Db.maintExecute(
                "update task set deadline_date = date '"
                        + deadline
                        + "', next_due_date = date '"
                        + deadline
                        + "', status = "
                        + status
                        + ", progress = "
                        + (completed == null ? 40 : 100)
                        + ", completed_on = "
                        + (completed == null ? "null" : "date '" + completed + "'")
                        + ", on_time = "
                        + (completed == null ? "null" : !completed.isAfter(deadline))
                        + ", rating = "
                        + rating
                        + " where tenant_id = '"
                        + TENANT
                        + "' and point_id = '"
                        + pointId
                        + "'");
        return Api.get(ADMIN, "/tasks?limit=50&plan=" + plan.getString("id"))
                .json()
                .getJsonArray("items")
                .stream()
                .map(JsonValue::asJsonObject)
                .filter(t -> t.getString("pointId", "").equals(pointId))
                .findFirst()
                .orElseThrow()
                .getString("id");
    }

    static BigDecimal cslScore() {
        return byUnit(Api.get(ADMIN, "/evaluation/rankings?period=" + PERIOD).json())
                .get("长寿路街道")
                .getJsonNumber("score")
                .bigDecimalValue();
    }

    /** A filing: multipart fields and files (name → bytes). */
    static Reply file(String user, Map<String, String> fields, Map<String, byte[]> files) {
        String boundary = "appeal" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        fields.forEach(
                (k, v) ->
                        body.writeBytes(
                                ("--"
                                                + boundary
                                                + "\r\nContent-Disposition: form-data; name=\""
                                                + k
                                                + "\"\r\n\r\n"
                                                + v
                                                + "\r\n")
                                        .getBytes(StandardCharsets.UTF_8)));
        files.forEach(
                (name, bytes) -> {
                    body.writeBytes(
                            ("--"
                                            + boundary
                                            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                                            + name
                                            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                                    .getBytes(StandardCharsets.UTF_8));
                    body.writeBytes(bytes);
                    body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
                });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return Api.send(
                user,
                HttpRequest.newBuilder(URI.create(Api.base() + "/appeals"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    static Map<String, String> fields(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    /** A small PNG as the evidence checks read one: its signature and its IEND chunk. */
    static byte[] png() {
        var b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        b.writeBytes(new byte[64]);
        b.writeBytes("IEND".getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(new byte[] {(byte) 0xAE, 0x42, 0x60, (byte) 0x82});
        return b.toByteArray();
    }

    static List<String> ids(Reply list) {
        return list.array().stream().map(v -> v.asJsonObject().getString("id")).toList();
    }

    static long audited(String action) throws SQLException {
        return Db.maintCount(
                "select count(*) from audit_log where tenant_id = '"
                        + TENANT
                        + "' and action = '"
                        + action
                        + "'");
    }

    static String inbox(String user) {
        return Api.get(user, "/inbox").body();
    }

    @Test
    @Order(1)
    void aUnitFilesWithinTheWindowWithEvidenceAndTheOfficeListsIt() throws SQLException {
        Reply targets = Api.get(CSL, "/appeals/targets?period=" + PERIOD);
        assertThat(targets.status()).as(targets.body()).isEqualTo(200);
        assertThat(targets.body()).contains(INDICATOR).contains("材料报送不规范").contains("申诉测试甲事项");
        // The old task's window (7 days after its deadline) is over: not offered.
        assertThat(targets.body()).doesNotContain("申诉测试丁事项");

        Reply filed =
                file(
                        CSL,
                        fields(
                                "kind",
                                "OVERDUE",
                                "period",
                                PERIOD,
                                "taskId",
                                lateTask,
                                "reason",
                                "系统故障导致报送延迟，附截图。"),
                        Map.of("故障截图.png", png()));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        JsonObject a = filed.json();
        overdueAppeal = a.getString("id");
        assertThat(a.getString("status")).isEqualTo("OPEN");
        assertThat(a.getString("kind")).isEqualTo("OVERDUE");
        assertThat(a.getString("target")).contains("申诉测试甲事项").contains(day(10).toString());
        assertThat(a.getString("unitId")).isEqualTo(csl);
        assertThat(a.getJsonArray("evidence")).hasSize(1);
        String evidence = a.getJsonArray("evidence").getJsonObject(0).getString("id");
        assertThat(Api.bytes(ADMIN, "/appeals/" + overdueAppeal + "/evidence/" + evidence))
                .isEqualTo(png());
        assertThat(audited("appeal.filed")).isEqualTo(1);

        // The office sees it among the period's open appeals; the leader may read; the unit its
        // own.
        assertThat(ids(Api.get(ADMIN, "/appeals?period=" + PERIOD + "&status=OPEN")))
                .containsExactly(overdueAppeal);
        assertThat(ids(Api.get(ADMIN, "/appeals?unit=" + sjj))).isEmpty();
        assertThat(ids(Api.get(ADMIN, "/appeals?status=ACCEPTED"))).isEmpty();
        assertThat(ids(Api.get(LEADER, "/appeals"))).containsExactly(overdueAppeal);
        assertThat(Api.get(LEADER, "/appeals/" + overdueAppeal).status()).isEqualTo(200);
        assertThat(ids(Api.get(CSL, "/appeals"))).containsExactly(overdueAppeal);
        assertThat(ids(Api.get(SJJ, "/appeals"))).isEmpty();
        assertThat(inbox(ADMIN)).contains("长寿路街道提出申诉");

        // One open appeal per unit and target.
        Reply again =
                file(
                        CSL,
                        fields(
                                "kind", "OVERDUE", "period", PERIOD, "taskId", lateTask, "reason",
                                "再次申诉"),
                        Map.of());
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.problemCode()).isEqualTo("appeal.duplicate");
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().getString("detail")).isEqualTo("该事项已有待处理的申诉，请等待区府办处理结果。");
    }

    @Test
    @Order(2)
    void outsideTheWindowOrTheUnitsOwnTargetsNothingIsFiled() {
        // Deadline more than 7 days ago, its period never published: the window is over.
        Reply late =
                file(CSL, fields("kind", "OVERDUE", "taskId", oldTask, "reason", "理由"), Map.of());
        assertThat(late.status()).as(late.body()).isEqualTo(409);
        assertThat(late.problemCode()).isEqualTo("appeal.window-closed");
        assertThat(late.json().getString("detail"))
                .isEqualTo("申诉期已于" + M.atDay(1).minusDays(3) + "结束，不能再提出申诉。");
        // A score line of a period not published: not open yet.
        Reply unpublished =
                file(
                        CSL,
                        fields(
                                "kind",
                                "SCORE_LINE",
                                "period",
                                M.minusMonths(1).toString(),
                                "indicator",
                                INDICATOR,
                                "reason",
                                "理由"),
                        Map.of());
        assertThat(unpublished.status()).as(unpublished.body()).isEqualTo(409);
        assertThat(unpublished.problemCode()).isEqualTo("appeal.not-open");

        // Another unit's task, another district's caller, an unknown id: 404.
        Reply other =
                file(
                        CSL,
                        fields(
                                "kind", "OVERDUE", "period", PERIOD, "taskId", sjjTask, "reason",
                                "理由"),
                        Map.of());
        assertThat(other.status()).as(other.body()).isEqualTo(404);
        Reply otherItem =
                file(
                        SJJ,
                        fields(
                                "kind",
                                "ADJUSTMENT",
                                "period",
                                PERIOD,
                                "adjustmentId",
                                deduction,
                                "reason",
                                "理由"),
                        Map.of());
        assertThat(otherItem.status()).as(otherItem.body()).isEqualTo(404);
        Reply otherDistrict =
                file(
                        "pt-csl",
                        fields(
                                "kind", "OVERDUE", "period", PERIOD, "taskId", lateTask, "reason",
                                "理由"),
                        Map.of());
        assertThat(otherDistrict.status()).as(otherDistrict.body()).isEqualTo(404);
        assertThat(
                        file(
                                        CSL,
                                        fields(
                                                "kind", "OVERDUE",
                                                "taskId", UUID.randomUUID().toString(),
                                                "reason", "理由"),
                                        Map.of())
                                .status())
                .isEqualTo(404);
        // A task on time is not an overdue mark.
        Reply onTime =
                file(
                        CSL,
                        fields(
                                "kind",
                                "OVERDUE",
                                "period",
                                PERIOD,
                                "taskId",
                                onTimeTask,
                                "reason",
                                "理由"),
                        Map.of());
        assertThat(onTime.status()).as(onTime.body()).isEqualTo(409);
        assertThat(onTime.problemCode()).isEqualTo("appeal.not-late");

        // No reason; too long; evidence over 10 MB; the office and leaders file nothing.
        Reply noReason =
                file(
                        CSL,
                        fields("kind", "SCORE_LINE", "period", PERIOD, "indicator", INDICATOR),
                        Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.problemCode()).isEqualTo("appeal.reason");
        assertThat(
                        file(
                                        CSL,
                                        fields(
                                                "kind",
                                                "SCORE_LINE",
                                                "period",
                                                PERIOD,
                                                "indicator",
                                                INDICATOR,
                                                "reason",
                                                "长".repeat(2001)),
                                        Map.of())
                                .problemCode())
                .isEqualTo("request.text-too-long");
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(png(), 0, big, 0, 8);
        Reply tooLarge =
                file(
                        CSL,
                        fields(
                                "kind",
                                "SCORE_LINE",
                                "period",
                                PERIOD,
                                "indicator",
                                INDICATOR,
                                "reason",
                                "理由"),
                        Map.of("大文件.png", big));
        assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(413);
        assertThat(tooLarge.problemCode()).isEqualTo("evidence.too-large");
        Reply exe =
                file(
                        CSL,
                        fields(
                                "kind",
                                "SCORE_LINE",
                                "period",
                                PERIOD,
                                "indicator",
                                INDICATOR,
                                "reason",
                                "理由"),
                        Map.of("setup.exe", png()));
        assertThat(exe.status()).isEqualTo(415);
        assertThat(
                        file(
                                        ADMIN,
                                        fields(
                                                "kind", "OVERDUE", "taskId", lateTask, "reason",
                                                "理由"),
                                        Map.of())
                                .status())
                .isEqualTo(403);
        assertThat(
                        file(
                                        LEADER,
                                        fields(
                                                "kind", "OVERDUE", "taskId", lateTask, "reason",
                                                "理由"),
                                        Map.of())
                                .status())
                .isEqualTo(403);
        // None of these made an appeal.
        assertThat(ids(Api.get(ADMIN, "/appeals"))).containsExactly(overdueAppeal);
    }

    @Test
    @Order(3)
    void anotherDistrictAndAnotherUnitNeitherSeeNorDecide() {
        for (String user : List.of("jd-admin", "pt-admin", SJJ, "pt-csl")) {
            Reply r = Api.get(user, "/appeals/" + overdueAppeal);
            assertThat(r.status()).as(user).isEqualTo(404);
            assertThat(r.problemCode()).isEqualTo("appeal.not-found");
            assertThat(ids(Api.get(user, "/appeals"))).as(user).doesNotContain(overdueAppeal);
        }
        Reply decided =
                Api.post(
                        "jd-admin",
                        "/appeals/" + overdueAppeal + "/decision",
                        "{\"decision\":\"ACCEPT\",\"note\":\"越权\"}");
        assertThat(decided.status()).isEqualTo(404);
        assertThat(
                        Api.getAny(
                                        "jd-admin",
                                        "/appeals/"
                                                + overdueAppeal
                                                + "/evidence/"
                                                + UUID.randomUUID())
                                .status())
                .isEqualTo(404);
        assertThat(
                        Api.post(
                                        CSL,
                                        "/appeals/" + overdueAppeal + "/decision",
                                        "{\"decision\":\"ACCEPT\"}")
                                .status())
                .isEqualTo(403);
        assertThat(Api.get(ADMIN, "/appeals/" + overdueAppeal).json().getString("status"))
                .isEqualTo("OPEN");
    }

    @Test
    @Order(4)
    void aRejectedAppealLeavesTheResultAndTheUnitIsTold() throws SQLException {
        Reply filed =
                file(
                        CSL,
                        fields(
                                "kind", "SCORE_LINE",
                                "period", PERIOD,
                                "indicator", INDICATOR,
                                "taskId", onTimeTask,
                                "reason", "<script>alert('申诉')</script>本项应得满分"),
                        Map.of());
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        lineAppeal = filed.json().getString("id");
        assertThat(filed.json().getJsonNumber("contestedPoints").bigDecimalValue())
                .isEqualByComparingTo("50");

        Reply noReason =
                Api.post(
                        ADMIN, "/appeals/" + lineAppeal + "/decision", "{\"decision\":\"REJECT\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.problemCode()).isEqualTo("appeal.decision-reason");
        assertThat(noReason.json().getString("detail")).isEqualTo("驳回申诉须填写理由。");

        Reply rejected =
                Api.post(
                        ADMIN,
                        "/appeals/" + lineAppeal + "/decision",
                        "{\"decision\":\"REJECT\",\"note\":\"该项已按规则计满分，无需更正。\"}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().getString("status")).isEqualTo("REJECTED");
        assertThat(rejected.json().getString("decision")).isEqualTo("该项已按规则计满分，无需更正。");
        assertThat(rejected.json().containsKey("republishedVersion")).isFalse();
        assertThat(cslScore()).isEqualByComparingTo("90.75");
        assertThat(versions()).containsExactly(1);
        assertThat(inbox(CSL)).contains("申诉已驳回").contains(INDICATOR);
        assertThat(audited("appeal.rejected")).isEqualTo(1);
        // Decided once.
        Reply twice =
                Api.post(
                        ADMIN,
                        "/appeals/" + lineAppeal + "/decision",
                        "{\"decision\":\"ACCEPT\",\"correctedPoints\":60}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.problemCode()).isEqualTo("appeal.decided");
    }

    /** The versions of the period's published result, newest first. */
    static List<Integer> versions() {
        return Api.get(ADMIN, "/evaluation/periods?year=" + M.getYear()).array().stream()
                .map(JsonValue::asJsonObject)
                .filter(s -> s.getString("period").equals(PERIOD))
                .map(s -> s.getInt("version"))
                .toList();
    }

    static JsonObject snapshot(int version) {
        return Api.get(ADMIN, "/evaluation/periods?year=" + M.getYear()).array().stream()
                .map(JsonValue::asJsonObject)
                .filter(s -> s.getString("period").equals(PERIOD) && s.getInt("version") == version)
                .findFirst()
                .orElseThrow();
    }

    @Test
    @Order(5)
    void acceptingRepublishesTheNextVersionAndKeepsTheFirst() throws SQLException {
        Reply accepted =
                Api.post(
                        ADMIN,
                        "/appeals/" + overdueAppeal + "/decision",
                        "{\"decision\":\"ACCEPT\",\"note\":\"经核实系平台故障，不计逾期。\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().getString("status")).isEqualTo("ACCEPTED");
        assertThat(accepted.json().getInt("republishedVersion")).isEqualTo(2);
        assertThat(versions()).containsExactly(2, 1);
        assertThat(snapshot(2).getString("reason"))
                .startsWith("申诉采纳：长寿路街道 逾期认定：1 推进申诉测试甲事项")
                .endsWith("；经核实系平台故障，不计逾期。");
        // Version 1 is as it was published; the rankings answer version 2.
        assertThat(snapshot(1).getString("sha256")).isEqualTo(v1Sha);
        assertThat(snapshot(1).containsKey("reason")).isFalse();
        assertThat(
                        Db.maintCount(
                                "select count(*) from evaluation_snapshot where tenant_id = '"
                                        + TENANT
                                        + "' and period_key = '"
                                        + PERIOD
                                        + "' and version = 1 and sha256 = encode(sha256(convert_to(content, 'UTF8')), 'hex')"))
                .isEqualTo(1);
        // 50 × 0.9 (良, not late any more) + 50 − 2 = 93.
        assertThat(cslScore()).isEqualByComparingTo("93.00");
        JsonObject standings = Api.get(CSL, "/evaluation/rankings?period=" + PERIOD).json();
        assertThat(standings.getJsonObject("snapshot").getInt("version")).isEqualTo(2);
        JsonObject breakdown =
                Api.get(CSL, "/evaluation/units/" + csl + "/breakdown?period=" + PERIOD).json();
        assertThat(breakdown.getJsonArray("lines").toString()).contains("申诉采纳，不计逾期");
        assertThat(inbox(CSL)).contains("申诉已采纳").contains("考核结果已更正为第2版");
        assertThat(audited("appeal.accepted")).isEqualTo(1);
        assertThat(audited("evaluation.closed")).isEqualTo(2);

        // A deduction item appealed and withdrawn: version 3, the item gone, recorded.
        Reply item =
                file(
                        CSL,
                        fields(
                                "kind",
                                "ADJUSTMENT",
                                "period",
                                PERIOD,
                                "adjustmentId",
                                deduction,
                                "reason",
                                "材料已按时报送，见回执。"),
                        Map.of("回执.png", png()));
        assertThat(item.status()).as(item.body()).isEqualTo(201);
        assertThat(item.json().getJsonNumber("contestedPoints").bigDecimalValue())
                .isEqualByComparingTo("-2");
        Reply withdrawn =
                Api.post(
                        ADMIN,
                        "/appeals/" + item.json().getString("id") + "/decision",
                        "{\"decision\":\"ACCEPT\",\"correctedPoints\":0,\"note\":\"撤销扣分。\"}");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().getInt("republishedVersion")).isEqualTo(3);
        assertThat(cslScore()).isEqualByComparingTo("95.00");
        assertThat(Api.get(ADMIN, "/evaluation/adjustments?year=" + M.getYear()).body())
                .doesNotContain(deduction);
        assertThat(audited("adjustment.removed")).isEqualTo(1);
        assertThat(versions()).containsExactly(3, 2, 1);
        assertThat(snapshot(1).getString("sha256")).isEqualTo(v1Sha);
    }

    @Test
    @Order(6)
    void openAppealsHoldBackClosingUnlessOverriddenWithAReason() throws SQLException {
        Reply filed =
                file(
                        CSL,
                        fields(
                                "kind", "SCORE_LINE",
                                "period", PERIOD,
                                "indicator", INDICATOR,
                                "taskId", onTimeTask,
                                "reason", "请复核。"),
                        Map.of());
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        Reply refused =
                Api.post(
                        ADMIN, "/evaluation/periods/" + PERIOD + "/close", "{\"reason\":\"数据更正\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.problemCode()).isEqualTo("period.open-appeals");
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().getString("detail"))
                .isEqualTo(
                        M.getYear()
                                + "年"
                                + M.getMonthValue()
                                + "月尚有1件未决申诉（长寿路街道1件），请先处理申诉，或填写强制关账理由。");
        assertThat(versions()).containsExactly(3, 2, 1);

        Reply overridden =
                Api.post(
                        ADMIN,
                        "/evaluation/periods/" + PERIOD + "/close",
                        "{\"reason\":\"数据更正\",\"override\":\"市考核办限期报送\"}");
        assertThat(overridden.status()).as(overridden.body()).isEqualTo(201);
        assertThat(overridden.json().getInt("version")).isEqualTo(4);
        assertThat(overridden.json().getString("reason")).isEqualTo("数据更正；尚有未决申诉1件，强制关账：市考核办限期报送");
        assertThat(audited("evaluation.close-override")).isEqualTo(1);
        // The appeal stays open for its decision.
        assertThat(
                        Api.get(ADMIN, "/appeals/" + filed.json().getString("id"))
                                .json()
                                .getString("status"))
                .isEqualTo("OPEN");
    }

    /**
     * On the pages: 长寿路街道's 联络员 files on a phone from 我的得分, 区府办 accepts at a desk with corrected
     * points, and the unit sees the version republished after the appeal.
     */
    @Test
    @Order(7)
    void theUnitFilesOnAPhoneAndTheOfficeDecidesAtADesk() throws Exception {
        open(PHONE);
        login(CSL);
        // From the late task's page to the score page of its deadline's month.
        go("/app/task.xhtml?id=" + lateTask, null);
        browser.findElement(By.id("task-appeal")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("page-title"), "考核得分明细"));
        assertThat(browser.getCurrentUrl()).contains("period=" + PERIOD);
        assertThat(text("score-version")).isEqualTo("第4版（更正）");
        assertThat(text("score-total")).isEqualTo("95.00");
        String targets = text("appealTargets:targetTable");
        // The score lines (甲 now 45 after the accepted overdue appeal, 乙 with its open appeal);
        // neither the withdrawn deduction nor the excused overdue mark is offered again.
        assertThat(targets).contains("申诉测试甲事项").contains("45.00").contains("待处理");
        assertThat(targets).doesNotContain("材料报送不规范").doesNotContain("逾期认定");
        By row = By.xpath("//tr[contains(., '申诉测试甲事项')]//button[contains(@class,'appeal-button')]");
        browser.findElement(row).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("appeal-selected")));
        assertThat(text("appeal-selected")).startsWith("申诉：申诉测试指标：1 推进申诉测试甲事项");
        browser.findElement(By.id("appealForm:appealReason")).sendKeys("甲事项逾期已申诉采纳，应按期计满分。");
        shoot(SHOTS, "unit-filing", PHONE);
        browser.findElement(By.id("appealForm:appealSubmit")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("myAppeals"), "应按期计满分"));
        String mine = text("myAppeals");
        assertThat(mine)
                .contains("待处理")
                .contains("已采纳")
                .contains("已驳回")
                .contains("该项已按规则计满分，无需更正。");
        assertThat((Long) js("return document.documentElement.scrollWidth - window.innerWidth;"))
                .as("no sideways scrolling at 390 px")
                .isLessThanOrEqualTo(0L);
        shoot(SHOTS, "unit-filed", PHONE);
        // Away from the growl, which covers the phone's logout button.
        go("/app/inbox.xhtml", null);
        logout();
        quitBrowser();

        open(DESKTOP);
        login(ADMIN);
        go("/app/leader/appeals.xhtml", "申诉处理");
        assertThat(text("appeal-badge")).isEqualTo("2");
        String open = text("list:appealTable");
        assertThat(open)
                .contains("长寿路街道")
                .contains("应按期计满分")
                .contains("请复核。")
                .doesNotContain("已驳回");
        browser.findElement(
                        By.xpath(
                                "//tr[contains(., '应按期计满分')]//button[contains(@class,'appeal-decide')]"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("deciding")));
        assertThat(text("deciding"))
                .startsWith(
                        "长寿路街道：得分项："
                                + M.getYear()
                                + "年"
                                + M.getMonthValue()
                                + "月 申诉测试指标（1 推进申诉测试甲事项） 45分");
        browser.findElement(By.xpath("//label[.='采纳']")).click();
        WebElement points = browser.findElement(By.id("decision:corrected_input"));
        points.clear();
        points.sendKeys("50");
        browser.findElement(By.id("decision:note")).sendKeys("核实无误，按期计分。");
        shoot(SHOTS, "office-deciding", DESKTOP);
        browser.findElement(By.id("decision:submitDecision")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("growl_container"), "已采纳申诉，考核结果已重新发布为第5版。"));
        wait.until(
                ExpectedConditions.not(
                        ExpectedConditions.textToBePresentInElementLocated(
                                By.id("list:appealTable"), "应按期计满分")));
        // All appeals: the script in a reason is shown as text, never run.
        Browsers.choose(
                browser,
                "filters:status",
                "全部",
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("list:appealTable"), "<script>alert('申诉')</script>本项应得满分"));
        assertThat(text("list:appealTable")).contains("已采纳").contains("已驳回").contains("重新发布版本 5");
        assertThat(ExpectedConditions.alertIsPresent().apply(browser)).isNull();
        shoot(SHOTS, "office-all", DESKTOP);
        // The office lengthens the appeal window on the same page.
        WebElement days = browser.findElement(By.id("window:days_input"));
        // Typed over the 7 as a person does (select all, type): AutoNumeric keeps a cleared value.
        days.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "10");
        assertThat(days.getAttribute("value")).isEqualTo("10");
        browser.findElement(By.id("window:saveWindow")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("growl_container"), "申诉期已改为 10 天。"));
        assertThat(Api.get(CSL, "/appeals/settings").json().getInt("days")).isEqualTo(10);
        go("/app/inbox.xhtml", null);
        logout();
        quitBrowser();

        // A leader reads the appeals and the window, and decides nothing.
        open(PHONE);
        login(LEADER);
        go("/app/leader/appeals.xhtml", "申诉处理");
        assertThat(text("window:days-read")).isEqualTo("10");
        assertThat(browser.findElements(By.id("window:saveWindow"))).isEmpty();
        Browsers.choose(
                browser,
                "filters:status",
                "全部",
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("list:appealTable"), "核实无误，按期计分。"));
        assertThat(text("list:appealTable")).contains("长寿路街道").contains("已采纳").contains("已驳回");
        assertThat(browser.findElements(By.cssSelector(".appeal-decide"))).isEmpty();
        assertThat((Long) js("return document.documentElement.scrollWidth - window.innerWidth;"))
                .as("no sideways scrolling at 390 px")
                .isLessThanOrEqualTo(0L);
        shoot(SHOTS, "leader-read", PHONE);
        quitBrowser();

        open(PHONE);
        login(CSL);
        go("/app/score.xhtml?period=" + PERIOD, "考核得分明细");
        assertThat(text("score-version")).isEqualTo("第5版（申诉采纳后更正）");
        // 45 + 50 + 5 (the correction of 甲's line to 50) = 100.
        assertThat(text("score-total")).isEqualTo("100.00");
        assertThat(text("myAppeals")).contains("核实无误，按期计分。");
        shoot(SHOTS, "unit-after", PHONE);
        assertThat(versions()).containsExactly(5, 4, 3, 2, 1);
        assertThat(snapshot(1).getString("sha256")).isEqualTo(v1Sha);
    }
}
