package cn.duban.it;

import static cn.duban.it.support.ProgressReports.PHOTO;
import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.it.support.Browsers;
import cn.duban.it.support.Db;
import cn.duban.it.support.Deployments;
import cn.duban.it.support.Plans;
import cn.duban.it.support.ProgressReports;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Returned work is corrected, not retyped (issue 16): the unit's next report on a returned task
 * starts as a draft with the returned report's text, progress and evidence, while the returned
 * report stays frozen in the trail; nobody outside the unit sees or carries it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReturnedWorkIT {

    static final byte[] MORE =
            "%PDF-1.4\n% more photos\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
                    .getBytes(StandardCharsets.US_ASCII);

    static String restTask;
    static String pageTask;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeAll
    static void publishAPlan() {
        String text =
                Plans.TODAY.getYear()
                        + "年退回补正测试工作要点\n"
                        + "一、重点工作\n"
                        + "1.开展退回补正老旧小区加装电梯排查。（牵头单位：长寿路街道；完成时限："
                        + Plans.full(Plans.TODAY.plusDays(30))
                        + "前）\n"
                        + "2.推进退回补正口袋公园建设。（牵头单位：长寿路街道；完成时限："
                        + Plans.full(Plans.TODAY.plusDays(40))
                        + "前）\n";
        String plan = Plans.saved("pt-admin", text, "returned.txt").getString("id");
        Reply published = Api.post("pt-admin", "/plans/" + plan + "/publication", "{}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        List<JsonObject> tasks =
                Plans.tasksOf(
                        Api.get("pt-admin", "/tasks?plan=" + plan + "&limit=100").json(), "长寿路街道");
        assertThat(tasks).hasSize(2);
        restTask =
                tasks.stream()
                        .filter(t -> t.getString("title").contains("电梯"))
                        .findFirst()
                        .orElseThrow()
                        .getString("id");
        pageTask =
                tasks.stream()
                        .filter(t -> t.getString("title").contains("口袋公园"))
                        .findFirst()
                        .orElseThrow()
                        .getString("id");
    }

    /** A submitted report with one evidence file, returned by the district office. */
    static String returnedReport(String task, String text, int percent) {
        Reply created =
                Api.post(
                        "pt-csl",
                        "/tasks/" + task + "/reports",
                        "{\"text\":\"" + text + "\",\"percent\":" + percent + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String report = created.json().getString("id");
        Reply upload =
                Api.upload(
                        "pt-csl", "/reports/" + report + "/evidence", "现场照片.pdf", PHOTO, Map.of());
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        assertThat(ProgressReports.submit("pt-csl", report, null).status()).isEqualTo(200);
        Reply returned =
                ProgressReports.review(
                        report, "{\"decision\":\"RETURN\",\"comment\":\"请补充整改前后对比照片\"}", null);
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        return report;
    }

    @Test
    void theNextReportStartsFromTheReturnedOneWhichStaysFrozen() throws Exception {
        String returned = returnedReport(restTask, "已完成12个小区的加装电梯意愿排查。", 40);
        JsonObject before = Api.get("pt-csl", "/reports/" + returned).json();
        String originalEvidence = before.getJsonArray("evidence").getJsonObject(0).getString("id");

        // Another unit neither sees the returned report nor can start a report on the task.
        assertThat(Api.get("pt-sjj", "/reports/" + returned).status()).isEqualTo(404);
        assertThat(Api.post("pt-sjj", "/tasks/" + restTask + "/reports", "{}").status())
                .isEqualTo(404);
        assertThat(Api.get("pt-sjj", "/tasks/" + restTask).status()).isEqualTo(404);

        // The unit opens the task for its next report: the draft carries text, % and evidence.
        Reply opened = Api.post("pt-csl", "/tasks/" + restTask + "/reports", "{}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        JsonObject draft = opened.json();
        String draftId = draft.getString("id");
        assertThat(draftId).isNotEqualTo(returned);
        assertThat(draft.getString("state")).isEqualTo("DRAFT");
        assertThat(draft.getString("text")).isEqualTo("已完成12个小区的加装电梯意愿排查。");
        assertThat(draft.getInt("percent")).isEqualTo(40);
        assertThat(draft.getJsonArray("evidence")).hasSize(1);
        JsonObject carried = draft.getJsonArray("evidence").getJsonObject(0);
        assertThat(carried.getString("fileName")).isEqualTo("现场照片.pdf");
        assertThat(carried.getString("sha256")).isEqualTo(ProgressReports.sha256(PHOTO));
        assertThat(carried.getString("id")).isNotEqualTo(originalEvidence);
        assertThat(
                        Api.bytes(
                                "pt-csl",
                                "/reports/" + draftId + "/evidence/" + carried.getString("id")))
                .isEqualTo(PHOTO);
        assertThat(Api.get("pt-sjj", "/reports/" + draftId).status()).isEqualTo(404);

        // The returned version cannot be edited or lose its evidence, not even through the draft.
        assertThat(
                        Api.put(
                                        "pt-csl",
                                        "/reports/" + returned,
                                        "{\"text\":\"改\",\"percent\":50}",
                                        null)
                                .problemCode())
                .isEqualTo("report.frozen");
        assertThat(
                        Api.delete(
                                        "pt-csl",
                                        "/reports/" + returned + "/evidence/" + originalEvidence)
                                .problemCode())
                .isEqualTo("report.frozen");
        assertThat(
                        Api.delete(
                                        "pt-csl",
                                        "/reports/" + draftId + "/evidence/" + originalEvidence)
                                .status())
                .isEqualTo(404);

        // Correct and resubmit: drop nothing, add a file, change the text and %.
        Reply edited =
                Api.put(
                        "pt-csl",
                        "/reports/" + draftId,
                        "{\"text\":\"已完成12个小区排查，补充整改前后对比照片。\",\"percent\":60}",
                        null);
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(
                        Api.upload(
                                        "pt-csl",
                                        "/reports/" + draftId + "/evidence",
                                        "对比照片.pdf",
                                        MORE,
                                        Map.of())
                                .status())
                .isEqualTo(201);
        Reply resubmitted = ProgressReports.submit("pt-csl", draftId, null);
        assertThat(resubmitted.status()).as(resubmitted.body()).isEqualTo(200);
        assertThat(resubmitted.json().getString("state")).isEqualTo("SUBMITTED");
        assertThat(resubmitted.json().getJsonArray("evidence"))
                .extracting(e -> e.asJsonObject().getString("fileName"))
                .containsExactlyInAnyOrder("现场照片.pdf", "对比照片.pdf");

        // The returned report is unchanged and still in the task's trail.
        JsonObject after = Api.get("pt-admin", "/reports/" + returned).json();
        assertThat(after.getString("state")).isEqualTo("RETURNED");
        assertThat(after.getString("text")).isEqualTo("已完成12个小区的加装电梯意愿排查。");
        assertThat(after.getInt("percent")).isEqualTo(40);
        assertThat(after.getString("reviewComment")).isEqualTo("请补充整改前后对比照片");
        assertThat(after.getJsonArray("evidence"))
                .extracting(e -> e.asJsonObject().getString("id"))
                .containsExactly(originalEvidence);
        assertThat(
                        Api.get("pt-csl", "/tasks/" + restTask)
                                .json()
                                .getJsonArray("reports")
                                .stream()
                                .map(JsonValue::asJsonObject)
                                .map(r -> r.getString("state"))
                                .toList())
                .containsExactlyInAnyOrder("SUBMITTED", "RETURNED");
        assertThat(
                        Db.maintCount(
                                "select count(*) from audit_log where action = 'report.created' and detail like "
                                        + "'%\"carriedFrom\":\""
                                        + returned
                                        + "\"%\"carriedFiles\":1%'"))
                .isEqualTo(1);
    }

    @Test
    void theTaskPageOpensTheCarriedDraft() throws Exception {
        returnedReport(pageTask, "口袋公园选址已确定。", 30);
        WebDriver browser = Browsers.open();
        try {
            Browsers.login(browser, "pt-csl");
            browser.get(Browsers.APP + "/app/task.xhtml?id=" + pageTask);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("carried-over")));
            assertThat(browser.findElement(By.id("carried-over")).getText())
                    .contains("请补充整改前后对比照片");
            assertThat(browser.findElement(By.id("report:text")).getAttribute("value"))
                    .isEqualTo("口袋公园选址已确定。");
            assertThat(browser.findElement(By.id("draft-evidence")).getText()).contains("现场照片.pdf");
            // Reloading the page does not start a second draft.
            browser.navigate().refresh();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("carried-over")));
        } finally {
            Browsers.close(browser, "returned-work");
        }
        List<String> states =
                Api.get("pt-csl", "/tasks/" + pageTask).json().getJsonArray("reports").stream()
                        .map(r -> r.asJsonObject().getString("state"))
                        .toList();
        assertThat(states).containsExactlyInAnyOrder("DRAFT", "RETURNED");
    }
}
