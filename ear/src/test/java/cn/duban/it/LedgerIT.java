package cn.duban.it;

import static cn.duban.it.support.Plans.TODAY;
import static cn.duban.it.support.Plans.dueSoon;
import static cn.duban.it.support.Plans.tasksOf;
import static cn.duban.it.support.ProgressReports.PDF;
import static cn.duban.it.support.ProgressReports.review;
import static cn.duban.it.support.ProgressReports.sha256;
import static cn.duban.it.support.ProgressReports.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.it.support.Db;
import cn.duban.it.support.Deployments;
import cn.duban.it.support.Plans;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The task ledger end to end: publishing a plan, a town reporting with evidence, review with two
 * reviewers racing, idempotent submission, extensions, reminders, isolation and the audit chain.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LedgerIT {

    static String planId;
    static JsonObject publishedResult;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeAll
    static void publishAPlan() {
        planId = Plans.saved("pt-admin", dueSoon("台账"), "ledger.txt").getString("id");
        Reply refused = Api.post("pt-admin", "/plans/" + planId + "/publication", "{}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.problemCode()).isEqualTo("publish.open-names");
        assertThat(refused.json().getJsonArray("errors").getJsonObject(0).getString("name"))
                .isEqualTo("相关部门");

        String wjw = Api.unitId("pt-admin", "区卫生健康委");
        JsonObject preview =
                Api.post("pt-admin", "/plans/" + planId + "/publication/preview", "{}").json();
        String point3 = preview.getJsonArray("open").getJsonObject(0).getString("pointId");
        Reply published =
                Api.post(
                        "pt-admin",
                        "/plans/" + planId + "/publication",
                        "{\"assignments\":{\""
                                + point3
                                + "\":[{\"unitId\":\""
                                + wjw
                                + "\",\"role\":\"LEAD\"}]}}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        publishedResult = published.json();
    }

    @Test
    void publishingExpandsCollectivesAndIsIdempotent() {
        // 10 towns for point 1; 区数据局 (lead) and 长寿路街道 for point 2; the chosen 区卫生健康委 for point 3;
        // 区数据局 for point 4.
        assertThat(publishedResult.getInt("created")).isEqualTo(14);
        assertThat(publishedResult.getJsonArray("open")).isEmpty();
        JsonObject again =
                Api.post("pt-admin", "/plans/" + planId + "/publication", "{\"allowOpen\":true}")
                        .json();
        assertThat(again.getInt("created")).isZero();
        assertThat(again.getInt("unchanged")).isEqualTo(13);

        JsonObject page = Api.get("pt-admin", "/tasks?plan=" + planId + "&limit=100").json();
        assertThat(page.getInt("total")).isEqualTo(14);
        JsonObject sjj = tasksOf(page, "区数据局").get(0);
        assertThat(sjj.getString("role")).isEqualTo("LEAD");
        assertThat(sjj.getString("deadline")).isEqualTo(TODAY.plusDays(2).toString());
        // The quarterly rule gives three quarterly checkpoints before the year-end deadline.
        JsonObject quarterly =
                Api.get("pt-admin", "/tasks/" + tasksOf(page, "区数据局").get(1).getString("id"))
                        .json();
        assertThat(quarterly.getJsonObject("task").getString("deadline"))
                .isEqualTo(TODAY.getYear() + "-12-31");
        assertThat(quarterly.getJsonArray("checkpoints"))
                .extracting(c -> c.asJsonObject().getString("due"))
                .containsExactly(
                        TODAY.getYear() + "-03-31",
                        TODAY.getYear() + "-06-30",
                        TODAY.getYear() + "-09-30");
        assertThat(tasksOf(page, "长寿路街道"))
                .extracting(t -> t.getString("role"))
                .containsExactlyInAnyOrder("LEAD", "COOPERATING");
    }

    @Test
    void theLedgerCountAgreesWithItsRowsUnderEachFilter() {
        // The count joins only what its filter needs, the rows join everything: both must select
        // the same tasks.
        String section =
                Api.get("pt-admin", "/plans/" + planId)
                        .json()
                        .getJsonArray("sections")
                        .getJsonObject(0)
                        .getString("id");
        String csl = Api.unitId("pt-admin", "长寿路街道");
        for (String filter :
                List.of(
                        "section=" + section,
                        "unit=" + csl,
                        "q=" + URLEncoder.encode("长寿路", StandardCharsets.UTF_8),
                        "overdue=false")) {
            JsonObject page =
                    Api.get("pt-admin", "/tasks?plan=" + planId + "&" + filter + "&limit=1000")
                            .json();
            assertThat(page.getInt("total"))
                    .as(filter)
                    .isPositive()
                    .isEqualTo(page.getJsonArray("items").size());
        }
    }

    @Test
    void theLedgerSearchMatchesTitlesAndUnitNames() {
        // A unit's name finds all of its tasks, whatever their titles say.
        String csl = Api.unitId("pt-admin", "长寿路街道");
        List<JsonObject> byName = search("长寿路");
        assertThat(byName)
                .hasSize(
                        Api.get("pt-admin", "/tasks?plan=" + planId + "&unit=" + csl)
                                .json()
                                .getInt("total"))
                .allMatch(t -> t.getString("unitName").equals("长寿路街道"));
        assertThat(byName).anyMatch(t -> !t.getString("title").contains("长寿路"));
        // Words of a title; Latin letters in either case; % and _ are plain characters.
        assertThat(search("数据共享"))
                .hasSize(2)
                .allMatch(t -> t.getString("title").contains("数据共享平台"));
        assertThat(search("ai")).hasSize(1).allMatch(t -> t.getString("title").contains("AI应用"));
        assertThat(search("Ai应用")).hasSize(1);
        assertThat(search("%")).isEmpty();
        assertThat(search("台_")).isEmpty();
    }

    static List<JsonObject> search(String text) {
        JsonObject page =
                Api.get(
                                "pt-admin",
                                "/tasks?plan="
                                        + planId
                                        + "&q="
                                        + URLEncoder.encode(text, StandardCharsets.UTF_8)
                                        + "&limit=1000")
                        .json();
        List<JsonObject> items =
                page.getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();
        assertThat(page.getInt("total")).as(text).isEqualTo(items.size());
        return items;
    }

    @Test
    void aReporterSeesOnlyItsUnitsTasksMostUrgentFirst() {
        List<JsonObject> mine =
                Api.get("pt-csl", "/tasks/mine").array().stream()
                        .map(JsonValue::asJsonObject)
                        .filter(t -> t.getString("planId").equals(planId))
                        .toList();
        assertThat(mine).hasSize(2);
        assertThat(mine.get(0).getString("deadline")).isEqualTo(TODAY.plusDays(2).toString());
        assertThat(mine.get(0).getString("light")).isEqualTo("yellow");
        assertThat(mine).allMatch(t -> t.getString("unitName").equals("长寿路街道"));

        JsonObject page = Api.get("pt-csl", "/tasks?plan=" + planId).json();
        assertThat(page.getInt("total")).isEqualTo(2);
        String sjjTask =
                tasksOf(Api.get("pt-admin", "/tasks?plan=" + planId).json(), "区数据局")
                        .get(0)
                        .getString("id");
        Reply other = Api.get("pt-csl", "/tasks/" + sjjTask);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.problemCode()).isEqualTo("task.not-found");
        assertThat(
                        Api.post("pt-csl", "/tasks/" + sjjTask + "/reports", "{\"text\":\"越权报送\"}")
                                .status())
                .isEqualTo(404);
        // Another district sees nothing of it, by id or by list.
        assertThat(Api.get("jd-admin", "/tasks/" + sjjTask).status()).isEqualTo(404);
        assertThat(Api.get("jd-admin", "/tasks?plan=" + planId).json().getInt("total")).isZero();
        assertThat(
                        Api.get("jd-anting", "/tasks/mine").array().stream()
                                .map(JsonValue::asJsonObject)
                                .filter(t -> t.getString("planId").equals(planId)))
                .isEmpty();
        // Reporters do not edit assignments or review.
        assertThat(
                        Api.put(
                                        "pt-csl",
                                        "/tasks/" + sjjTask + "/deadline",
                                        "{\"deadline\":\"2030-01-01\",\"reason\":\"x\"}",
                                        null)
                                .status())
                .isEqualTo(403);
        assertThat(Api.get("pt-leader", "/tasks?plan=" + planId).json().getInt("total"))
                .isEqualTo(14);
    }

    @Test
    void aTownReportsWithEvidenceAndTheDistrictReviews() throws Exception {
        String task = cslTask("LEAD");
        Reply draft =
                Api.post(
                        "pt-csl",
                        "/tasks/" + task + "/reports",
                        "{\"text\":\"已完成检查方案，正在组织实施。\",\"percent\":40}");
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        String report = draft.json().getString("id");
        assertThat(draft.json().getString("state")).isEqualTo("DRAFT");

        Reply evidence =
                Api.upload("pt-csl", "/reports/" + report + "/evidence", "检查方案.pdf", PDF, Map.of());
        assertThat(evidence.status()).as(evidence.body()).isEqualTo(201);
        assertThat(evidence.json().getString("sha256")).isEqualTo(sha256(PDF));
        Reply exe =
                Api.upload(
                        "pt-csl",
                        "/reports/" + report + "/evidence",
                        "tool.exe",
                        new byte[] {'M', 'Z', 0},
                        Map.of());
        assertThat(exe.status()).isEqualTo(415);
        Reply renamed =
                Api.upload(
                        "pt-csl",
                        "/reports/" + report + "/evidence",
                        "fake.pdf",
                        new byte[] {'M', 'Z', 0, 1, 2, 3},
                        Map.of());
        assertThat(renamed.problemCode()).isEqualTo("evidence.content");
        Reply big =
                Api.upload(
                        "pt-csl",
                        "/reports/" + report + "/evidence",
                        "big.pdf",
                        new byte[11 * 1024 * 1024],
                        Map.of());
        assertThat(big.status()).isEqualTo(413);
        // A request over the server's limit (50 MB) is refused before it is read, still as
        // problem+json.
        Reply huge =
                Api.upload(
                        "pt-csl",
                        "/reports/" + report + "/evidence",
                        "huge.pdf",
                        new byte[60 * 1024 * 1024],
                        Map.of());
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.contentType()).startsWith("application/problem+json");
        assertThat(huge.problemCode()).isEqualTo("request.too-large");

        // Submitting twice with the same key is one submission.
        Reply first = submit("pt-csl", report, "key-" + report);
        Reply second = submit("pt-csl", report, "key-" + report);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().getString("id")).isEqualTo(report);
        assertThat(
                        Db.maintCount(
                                "select count(*) from audit_log where action = 'report.submitted' and detail like '%"
                                        + report
                                        + "%'"))
                .isEqualTo(1);
        assertThat(submit("pt-csl", report, null).problemCode())
                .isEqualTo("report.already-submitted");

        // A submitted report and its evidence are a record.
        assertThat(
                        Api.put(
                                        "pt-csl",
                                        "/reports/" + report,
                                        "{\"text\":\"改\",\"percent\":50}",
                                        null)
                                .problemCode())
                .isEqualTo("report.frozen");
        assertThat(
                        Api.upload(
                                        "pt-csl",
                                        "/reports/" + report + "/evidence",
                                        "more.pdf",
                                        PDF,
                                        Map.of())
                                .problemCode())
                .isEqualTo("report.frozen");
        assertThatThrownBy(
                        () ->
                                Db.appRoleExecute(
                                        "putuo",
                                        "update progress_report set text = 'x' where id = '"
                                                + report
                                                + "'"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("cannot be changed");
        assertThatThrownBy(
                        () ->
                                Db.appRoleExecute(
                                        "putuo",
                                        "delete from evidence where report_id = '" + report + "'"))
                .isInstanceOf(SQLException.class);
        assertThat(
                        Api.get("pt-csl", "/tasks/" + task)
                                .json()
                                .getJsonObject("task")
                                .getString("status"))
                .isEqualTo("SUBMITTED");

        // Two reviewers at once: one wins, the other is told to refresh.
        int version = Api.get("pt-admin", "/reports/" + report).json().getInt("version");
        List<Reply> replies =
                race(
                        () ->
                                review(
                                        report,
                                        "{\"decision\":\"APPROVE\",\"comment\":\"进展符合要求\"}",
                                        version),
                        () ->
                                review(
                                        report,
                                        "{\"decision\":\"RETURN\",\"comment\":\"请补充照片\"}",
                                        version));
        assertThat(replies).extracting(Reply::status).containsExactlyInAnyOrder(200, 409);
        JsonObject reviewed = Api.get("pt-admin", "/reports/" + report).json();
        assertThat(reviewed.getString("state")).isIn("APPROVED", "RETURNED");

        // The evidence downloads byte for byte.
        String evidenceId = reviewed.getJsonArray("evidence").getJsonObject(0).getString("id");
        var download =
                Api.send(
                        "pt-csl",
                        HttpRequest.newBuilder(
                                        URI.create(
                                                Api.base()
                                                        + "/reports/"
                                                        + report
                                                        + "/evidence/"
                                                        + evidenceId))
                                .GET());
        assertThat(download.status()).isEqualTo(200);
        assertThat(Api.get("pt-sjj", "/reports/" + report).status()).isEqualTo(404);
    }

    @Test
    void aFinalReportCompletesTheTaskWithARatingAndAReturnNeedsAComment() {
        String task = cslTask("COOPERATING");
        String report =
                Api.post(
                                "pt-csl",
                                "/tasks/" + task + "/reports",
                                "{\"text\":\"平台对接全部完成。\",\"percent\":100,\"submit\":true}")
                        .json()
                        .getString("id");
        Reply noComment = review(report, "{\"decision\":\"RETURN\"}", null);
        assertThat(noComment.problemCode()).isEqualTo("review.comment-missing");
        Reply returned = review(report, "{\"decision\":\"RETURN\",\"comment\":\"缺少验收材料\"}", null);
        assertThat(returned.json().getString("state")).isEqualTo("RETURNED");
        assertThat(
                        Api.get("pt-csl", "/tasks/" + task)
                                .json()
                                .getJsonObject("task")
                                .getString("status"))
                .isEqualTo("RETURNED");
        assertThat(
                        Api.get("pt-csl", "/inbox").array().stream()
                                .map(JsonValue::asJsonObject)
                                .anyMatch(
                                        m ->
                                                m.getString("kind").equals("RETURNED")
                                                        && m.getString("body").contains("缺少验收材料")))
                .isTrue();

        String again =
                Api.post(
                                "pt-csl",
                                "/tasks/" + task + "/reports",
                                "{\"text\":\"已补充验收材料。\",\"percent\":100,\"submit\":true}")
                        .json()
                        .getString("id");
        assertThat(review(again, "{\"decision\":\"APPROVE\"}", null).problemCode())
                .isEqualTo("review.rating-missing");
        Reply approved = review(again, "{\"decision\":\"APPROVE\",\"rating\":\"优\"}", null);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        JsonObject done = Api.get("pt-csl", "/tasks/" + task).json().getJsonObject("task");
        assertThat(done.getString("status")).isEqualTo("APPROVED");
        assertThat(done.getBoolean("onTime")).isTrue();
        assertThat(done.getString("rating")).isEqualTo("EXCELLENT");
        // Finished: blue by the default colour rules (blueForDone).
        assertThat(done.getString("colour")).isEqualTo("BLUE");
        assertThat(done.getString("light")).isEqualTo("blue");
        assertThat(
                        Api.post("pt-csl", "/tasks/" + task + "/reports", "{\"text\":\"再报\"}")
                                .problemCode())
                .isEqualTo("task.closed");
    }

    @Test
    void extensionsAndDeadlineChangesNeedReasonsAndLeaveATrail() {
        String task =
                tasksOf(Api.get("pt-admin", "/tasks?plan=" + planId + "&limit=100").json(), "石泉路街道")
                        .get(0)
                        .getString("id");
        assertThat(Api.get("pt-admin", "/tasks/" + task).status()).isEqualTo(200);
        Reply noReason =
                Api.put(
                        "pt-admin",
                        "/tasks/" + task + "/deadline",
                        "{\"deadline\":\"" + TODAY.plusDays(30) + "\"}",
                        null);
        assertThat(noReason.problemCode()).isEqualTo("request.reason-missing");
        int version =
                Api.get("pt-admin", "/tasks/" + task)
                        .json()
                        .getJsonObject("task")
                        .getInt("version");
        Reply stale =
                Api.put(
                        "pt-admin",
                        "/tasks/" + task + "/deadline",
                        "{\"deadline\":\"" + TODAY.plusDays(30) + "\",\"reason\":\"统筹安排\"}",
                        String.valueOf(version + 5));
        assertThat(stale.status()).isEqualTo(409);
        Reply changed =
                Api.put(
                        "pt-admin",
                        "/tasks/" + task + "/deadline",
                        "{\"deadline\":\"" + TODAY.plusDays(30) + "\",\"reason\":\"统筹安排\"}",
                        String.valueOf(version));
        assertThat(changed.json().getString("deadline")).isEqualTo(TODAY.plusDays(30).toString());
        // Its text names the year: a task of one year's plan may be due in the next.
        java.time.LocalDate moved = TODAY.plusDays(30);
        assertThat(changed.json().getString("deadlineText"))
                .isEqualTo(
                        moved.getYear()
                                + "年"
                                + moved.getMonthValue()
                                + "月"
                                + moved.getDayOfMonth()
                                + "日前");

        String cslTask = cslTask("LEAD");
        Reply early =
                Api.post(
                        "pt-csl",
                        "/tasks/" + cslTask + "/extensions",
                        "{\"requestedDate\":\"" + TODAY.minusDays(1) + "\",\"reason\":\"x\"}");
        assertThat(early.problemCode()).isEqualTo("extension.date-invalid");
        String request =
                Api.post(
                                "pt-csl",
                                "/tasks/" + cslTask + "/extensions",
                                "{\"requestedDate\":\""
                                        + TODAY.plusDays(40)
                                        + "\",\"reason\":\"需等待上级文件\"}")
                        .json()
                        .getString("id");
        assertThat(
                        Api.post(
                                        "pt-csl",
                                        "/tasks/" + cslTask + "/extensions",
                                        "{\"requestedDate\":\""
                                                + TODAY.plusDays(41)
                                                + "\",\"reason\":\"再申请\"}")
                                .problemCode())
                .isEqualTo("extension.pending");
        assertThat(
                        Api.get("pt-admin", "/extensions/pending").array().stream()
                                .anyMatch(e -> e.asJsonObject().getString("id").equals(request)))
                .isTrue();
        Reply decided =
                Api.post(
                        "pt-admin",
                        "/extensions/" + request + "/decision",
                        "{\"approve\":true,\"comment\":\"同意\"}");
        assertThat(decided.json().getString("state")).isEqualTo("APPROVED");
        JsonObject task2 = Api.get("pt-csl", "/tasks/" + cslTask).json().getJsonObject("task");
        assertThat(task2.getString("deadline")).isEqualTo(TODAY.plusDays(40).toString());
        assertThat(task2.getString("originalDeadline")).isEqualTo(TODAY.plusDays(5).toString());
        List<String> actions =
                Api.get("pt-csl", "/tasks/" + cslTask + "/history").array().stream()
                        .map(h -> h.asJsonObject().getString("action"))
                        .toList();
        assertThat(actions)
                .contains("extension.requested", "extension.approved", "task.deadline-changed");
    }

    @Test
    void remindersAreSentOnceAndOverdueWorkIsEscalated() {
        // A plan of last year: every task is long overdue.
        String old =
                Plans.saved(
                                "pt-admin",
                                "2024年逾期督办测试工作要点\n一、测试\n1.完成逾期测试工作。（责任单位：区数据局，完成时限：3月底前）\n",
                                "old.txt")
                        .getString("id");
        assertThat(
                        Api.post("pt-admin", "/plans/" + old + "/publication", "{}")
                                .json()
                                .getInt("created"))
                .isEqualTo(1);
        Reply run = Api.post("pt-admin", "/reminders/run", "{}");
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().getInt("dueSoon")).isGreaterThanOrEqualTo(1);
        assertThat(run.json().getInt("escalated")).isGreaterThanOrEqualTo(1);
        JsonObject rerun = Api.post("pt-admin", "/reminders/run", "{}").json();
        assertThat(rerun.getInt("dueSoon") + rerun.getInt("overdue") + rerun.getInt("escalated"))
                .isZero();

        assertThat(
                        Api.get("pt-sjj", "/inbox").array().stream()
                                .map(JsonValue::asJsonObject)
                                .anyMatch(
                                        m ->
                                                m.getString("kind").equals("OVERDUE")
                                                        && m.getString("subject").contains("逾期测试")))
                .isTrue();
        assertThat(
                        Api.get("pt-leader", "/inbox").array().stream()
                                .map(JsonValue::asJsonObject)
                                .anyMatch(
                                        m ->
                                                m.getString("kind").equals("ESCALATION")
                                                        && m.getString("subject").contains("区数据局")))
                .isTrue();
        // Nothing of it reaches the other district.
        assertThat(
                        Api.get("jd-leader", "/inbox").array().stream()
                                .map(JsonValue::asJsonObject)
                                .filter(
                                        m ->
                                                List.of("OVERDUE", "ESCALATION", "DUE_SOON")
                                                        .contains(m.getString("kind"))))
                .isEmpty();

        String task =
                tasksOf(Api.get("pt-admin", "/tasks?plan=" + old).json(), "区数据局")
                        .get(0)
                        .getString("id");
        assertThat(
                        Api.get("pt-admin", "/tasks/" + task)
                                .json()
                                .getJsonObject("task")
                                .getBoolean("overdue"))
                .isTrue();
        assertThat(
                        Api.post(
                                        "pt-admin",
                                        "/tasks/" + task + "/reminders",
                                        "{\"message\":\"请于本周内报送\"}")
                                .status())
                .isEqualTo(204);
        assertThat(
                        Api.get("pt-sjj", "/inbox?unread=true").array().stream()
                                .anyMatch(
                                        m -> m.asJsonObject().getString("body").equals("请于本周内报送")))
                .isTrue();

        Reply settings =
                Api.put(
                        "pt-admin",
                        "/settings/reminders",
                        "{\"dueSoonDays\":[10,3,1],\"escalateAfterDays\":5,\"emailEnabled\":false}",
                        null);
        assertThat(settings.json().getJsonArray("dueSoonDays").toString()).isEqualTo("[10,3,1]");
        assertThat(
                        Api.put(
                                        "pt-admin",
                                        "/settings/reminders",
                                        "{\"dueSoonDays\":[],\"escalateAfterDays\":5}",
                                        null)
                                .problemCode())
                .isEqualTo("settings.due-soon-invalid");
        assertThat(
                        Api.put(
                                        "pt-admin",
                                        "/settings/reminders",
                                        "{\"dueSoonDays\":[7,3],\"escalateAfterDays\":7,\"emailEnabled\":true}",
                                        null)
                                .status())
                .isEqualTo(200);
    }

    @Test
    void theAuditTrailIsAppendOnlyAndVerificationShowsWhereItBreaks() throws SQLException {
        JsonObject intact = Api.get("pt-admin", "/audit/verify").json();
        assertThat(intact.getBoolean("intact")).as(intact.toString()).isTrue();
        assertThat(intact.getInt("checked")).isGreaterThan(0);
        assertThatThrownBy(() -> Db.appRoleExecute("putuo", "update audit_log set actor = 'x'"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> Db.appRoleExecute("putuo", "delete from audit_log"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied");
        assertThat(Api.get("pt-csl", "/audit/verify").status()).isEqualTo(403);

        long seq =
                Db.maintCount(
                        "select min(seq) from audit_log where tenant_id = 'putuo' and action = 'plan.published'");
        Db.maintExecute("alter table audit_log disable trigger audit_log_append_only");
        try {
            Db.maintExecute(
                    "update audit_log set detail = replace(detail, '\"created\":', '\"created\":1') "
                            + "where tenant_id = 'putuo' and seq = "
                            + seq);
            JsonObject broken = Api.get("pt-admin", "/audit/verify").json();
            assertThat(broken.getBoolean("intact")).isFalse();
            assertThat(broken.getJsonNumber("brokenAt").longValue()).isEqualTo(seq);
            assertThat(broken.getString("problem")).contains("被修改");
            // Another tenant's chain is untouched.
            assertThat(Api.get("jd-admin", "/audit/verify").json().getBoolean("intact")).isTrue();
        } finally {
            Db.maintExecute(
                    "update audit_log set detail = replace(detail, '\"created\":1', '\"created\":') "
                            + "where tenant_id = 'putuo' and seq = "
                            + seq);
            Db.maintExecute("alter table audit_log enable trigger audit_log_append_only");
        }
        assertThat(Api.get("pt-admin", "/audit/verify").json().getBoolean("intact")).isTrue();
    }

    @Test
    void theLedgerExportsToExcelAndAFilledCopyImportsAllOrNothing() throws Exception {
        byte[] xlsx = Api.bytes("pt-sjj", "/tasks/export.xlsx?plan=" + planId);
        String first;
        try (var wb =
                org.apache.poi.ss.usermodel.WorkbookFactory.create(
                        new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            List<String> header = new java.util.ArrayList<>();
            sheet.getRow(2).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header.subList(0, 8))
                    .containsExactly("序号", "工作要点", "具体任务", "牵头单位", "配合单位", "完成时限", "进展情况", "状态");
            // A reporter's export holds its own unit's tasks only: 区数据局 has points 2 and 4.
            assertThat(sheet.getLastRowNum()).isEqualTo(4);
            assertThat(sheet.getRow(3).getCell(3).getStringCellValue()).isEqualTo("区数据局");
            assertThat(sheet.getRow(3).getCell(4).getStringCellValue()).isEqualTo("长寿路街道");
            first = sheet.getRow(3).getCell(10).getStringCellValue();
        }
        byte[] bad =
                edit(
                        xlsx,
                        sheet -> {
                            sheet.getRow(3).getCell(6).setCellValue("数据共享平台已完成招标。");
                            sheet.getRow(3).getCell(9).setCellValue(30);
                            sheet.getRow(4).getCell(10).setCellValue("不是编号");
                            sheet.getRow(4).getCell(6).setCellValue("季度进展");
                        });
        Reply refused = Api.upload("pt-sjj", "/tasks/import", "台账.xlsx", bad, Map.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.problemCode()).isEqualTo("ledger.import.rows");
        assertThat(refused.json().getJsonArray("errors").getJsonObject(0).getInt("rowNumber"))
                .isEqualTo(5);
        assertThat(Api.get("pt-sjj", "/tasks/" + first).json().getJsonArray("reports")).isEmpty();

        byte[] good =
                edit(
                        xlsx,
                        sheet -> {
                            sheet.getRow(3).getCell(6).setCellValue("数据共享平台已完成招标。");
                            sheet.getRow(3).getCell(9).setCellValue(30);
                        });
        Reply imported = Api.upload("pt-sjj", "/tasks/import", "台账.xlsx", good, Map.of());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().getInt("reports")).isEqualTo(1);
        JsonObject report =
                Api.get("pt-sjj", "/tasks/" + first)
                        .json()
                        .getJsonArray("reports")
                        .getJsonObject(0);
        assertThat(report.getString("text")).isEqualTo("数据共享平台已完成招标。");
        assertThat(report.getInt("percent")).isEqualTo(30);
        assertThat(report.getString("state")).isEqualTo("SUBMITTED");
        // The same file again changes nothing.
        assertThat(
                        Api.upload("pt-sjj", "/tasks/import", "台账.xlsx", good, Map.of())
                                .json()
                                .getInt("reports"))
                .isZero();
        // Another district's ledger file cannot touch this one's tasks.
        Reply foreign = Api.upload("jd-admin", "/tasks/import", "台账.xlsx", good, Map.of());
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.json().getJsonArray("errors").getJsonObject(0).getString("message"))
                .contains("不存在");
        assertThat(
                        Api.upload(
                                        "pt-sjj",
                                        "/tasks/import",
                                        "台账.xlsx",
                                        "not excel".getBytes(),
                                        Map.of())
                                .problemCode())
                .isEqualTo("ledger.import.format");
    }

    static byte[] edit(
            byte[] xlsx, java.util.function.Consumer<org.apache.poi.ss.usermodel.Sheet> change)
            throws java.io.IOException {
        try (var wb =
                        org.apache.poi.ss.usermodel.WorkbookFactory.create(
                                new java.io.ByteArrayInputStream(xlsx));
                var out = new java.io.ByteArrayOutputStream()) {
            change.accept(wb.getSheetAt(0));
            wb.write(out);
            return out.toByteArray();
        }
    }

    // ---- helpers

    @SafeVarargs
    static List<Reply> race(java.util.concurrent.Callable<Reply>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Reply>> futures = new java.util.ArrayList<>();
            for (var call : calls)
                futures.add(
                        pool.submit(
                                () -> {
                                    start.await();
                                    return call.call();
                                }));
            start.countDown();
            List<Reply> out = new java.util.ArrayList<>();
            for (Future<Reply> f : futures) out.add(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** 长寿路街道's task on the test plan in the given role (LEAD: point 1; COOPERATING: point 2). */
    static String cslTask(String role) {
        return tasksOf(Api.get("pt-admin", "/tasks?plan=" + planId + "&limit=100").json(), "长寿路街道")
                .stream()
                .filter(t -> t.getString("role").equals(role))
                .findFirst()
                .orElseThrow()
                .getString("id");
    }
}
