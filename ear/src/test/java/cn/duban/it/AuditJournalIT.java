package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.it.support.Browsers;
import cn.duban.it.support.Deployments;
import cn.duban.it.support.Plans;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The audit page for people (issue 16, item 5): sentences (谁 在何时 对哪个任务/单位 做了什么) with links, filters
 * by date, actor, unit and action inside the tenant, server-side paging, CSV export, the raw JSON
 * one click away; for the district office only.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditJournalIT {

    static final LocalDate TODAY = Plans.TODAY;
    static String task;
    static String csl;
    static String title;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeAll
    static void someWork() {
        String text =
                TODAY.getYear()
                        + "年审计日志测试工作要点\n"
                        + "一、重点工作\n"
                        + "1.完成审计日志测试河道整治。（牵头单位：长寿路街道；完成时限："
                        + Plans.full(TODAY.plusDays(30))
                        + "前）\n";
        String plan = Plans.saved("pt-admin", text, "audit-journal.txt").getString("id");
        Reply published = Api.post("pt-admin", "/plans/" + plan + "/publication", "{}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        JsonObject row =
                Plans.tasksOf(
                                Api.get("pt-admin", "/tasks?plan=" + plan + "&limit=10").json(),
                                "长寿路街道")
                        .get(0);
        task = row.getString("id");
        title = row.getString("title");
        csl = Api.unitId("pt-admin", "长寿路街道");
        Reply report =
                Api.post(
                        "pt-csl",
                        "/tasks/" + task + "/reports",
                        "{\"text\":\"河道整治已完成三成。\",\"percent\":30,\"submit\":true}");
        assertThat(report.status()).as(report.body()).isEqualTo(201);
        // Jiading's office leaves a trace in its own tenant.
        JsonObject settings = Api.get("jd-admin", "/settings/reminders").json();
        assertThat(Api.put("jd-admin", "/settings/reminders", settings.toString(), null).status())
                .isEqualTo(200);
    }

    static JsonObject entries(String user, String query) {
        Reply r = Api.get(user, "/audit/entries?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static List<JsonObject> items(JsonObject page) {
        return page.getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();
    }

    @Test
    void entriesReadAsSentencesWithLinksAndFilter() {
        JsonObject page =
                entries("pt-admin", "actor=pt-csl&unit=" + csl + "&action=report.&from=" + TODAY);
        List<JsonObject> items = items(page);
        assertThat(page.getJsonNumber("total").longValue()).isEqualTo(items.size());
        assertThat(items)
                .extracting(i -> i.getString("sentence"))
                .contains(
                        "pt-csl 报送了 长寿路街道 的任务“" + title + "”的进展：完成 30%，附佐证材料 0 个",
                        "pt-csl 为 长寿路街道 的任务“" + title + "”起草了进展报送（30%）");
        assertThat(items).allSatisfy(i -> assertThat(i.getString("actor")).isEqualTo("pt-csl"));
        assertThat(items).allSatisfy(i -> assertThat(i.getString("action")).startsWith("report."));
        JsonObject submitted =
                items.stream()
                        .filter(i -> i.getString("action").equals("report.submitted"))
                        .filter(i -> i.getString("sentence").contains(title))
                        .findFirst()
                        .orElseThrow();
        assertThat(submitted.getJsonArray("links"))
                .extracting(l -> l.asJsonObject().getString("href"))
                .contains("/app/task.xhtml?id=" + task, "/app/ledger.xhtml?unit=" + csl);

        // English from the same place.
        assertThat(
                        items(
                                        entries(
                                                "pt-admin",
                                                "actor=pt-csl&action=report.submitted&lang=en&from="
                                                        + TODAY))
                                .get(0)
                                .getString("sentence"))
                .startsWith("pt-csl submitted progress on task");

        // Date range in the tenant's zone: nothing tomorrow, nothing before yesterday's end.
        assertThat(
                        entries("pt-admin", "actor=pt-csl&from=" + TODAY.plusDays(1))
                                .getJsonNumber("total")
                                .longValue())
                .isZero();
        assertThat(
                        entries("pt-admin", "unit=" + csl + "&to=" + TODAY.minusDays(1))
                                .getJsonNumber("total")
                                .longValue())
                .isZero();

        // The publication lists its task ids; the sentence counts them.
        JsonObject publication =
                items(entries("pt-admin", "action=plan.published&from=" + TODAY)).stream()
                        .filter(i -> i.getString("sentence").contains("审计日志测试"))
                        .findFirst()
                        .orElseThrow();
        assertThat(publication.getString("sentence")).contains("新增 1 项");

        // The raw entry is one call away.
        JsonObject raw =
                Api.get("pt-admin", "/audit/" + submitted.getJsonNumber("seq").longValue()).json();
        assertThat(raw.getString("action")).isEqualTo("report.submitted");
        assertThat(raw.getString("detail")).contains("\"percent\":30");

        // Paging on the server.
        JsonObject first = entries("pt-admin", "limit=2");
        JsonObject second = entries("pt-admin", "limit=2&offset=2");
        assertThat(items(first)).hasSize(2);
        assertThat(items(second).get(0).getJsonNumber("seq").longValue())
                .isLessThan(items(first).get(1).getJsonNumber("seq").longValue());
    }

    @Test
    void filtersStayInsideTheTenantAndOnlyTheOfficeReads() {
        String anting = Api.unitId("jd-admin", "安亭镇");
        assertThat(entries("pt-admin", "unit=" + anting).getJsonNumber("total").longValue())
                .isZero();
        assertThat(entries("pt-admin", "actor=jd-admin").getJsonNumber("total").longValue())
                .isZero();
        assertThat(entries("jd-admin", "actor=jd-admin").getJsonNumber("total").longValue())
                .isPositive();
        assertThat(entries("jd-admin", "unit=" + csl).getJsonNumber("total").longValue()).isZero();
        assertThat(entries("jd-admin", "actor=pt-csl").getJsonNumber("total").longValue()).isZero();
        assertThat(Api.get("pt-leader", "/audit/entries").status()).isEqualTo(403);
        assertThat(Api.get("pt-csl", "/audit/entries").status()).isEqualTo(403);
        assertThat(
                        Api.send(
                                        "pt-csl",
                                        HttpRequest.newBuilder(
                                                        URI.create(
                                                                Api.base() + "/audit/export.csv"))
                                                .GET(),
                                        "text/csv")
                                .status())
                .isEqualTo(403);
        assertThat(Api.get("pt-admin", "/audit/entries?action=x'%20or%201=1").problemCode())
                .isEqualTo("audit.filter-invalid");
        assertThat(Api.get("pt-admin", "/audit/entries?from=yesterday").problemCode())
                .isEqualTo("request.date-invalid");
    }

    @Test
    void theExportHoldsWhatIsFiltered() {
        String query = "actor=pt-csl&unit=" + csl + "&action=report.&from=" + TODAY;
        long total = entries("pt-admin", query).getJsonNumber("total").longValue();
        Reply csv =
                Api.send(
                        "pt-admin",
                        HttpRequest.newBuilder(
                                        URI.create(Api.base() + "/audit/export.csv?" + query))
                                .GET(),
                        "text/csv");
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        String body = csv.body();
        assertThat(body).startsWith("\uFEFF\"#\",\"时间\",\"操作人\"");
        assertThat(body.split("\r\n")).hasSize((int) total + 1);
        assertThat(body).contains("pt-csl 报送了 长寿路街道 的任务“" + title + "”的进展");
        assertThat(body).doesNotContain("jd-admin");
    }

    static List<String> sentences(WebDriver browser) {
        try {
            return browser.findElements(By.cssSelector("#entries\\:table .audit-sentence")).stream()
                    .map(e -> e.getText())
                    .toList();
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return List.of();
        }
    }

    @Test
    void theOfficeSeesSentencesAndFiltersOnThePage() throws Exception {
        WebDriver browser = Browsers.open();
        try {
            Browsers.login(browser, "pt-admin");
            browser.get(Browsers.APP + "/app/admin/audit.xhtml");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("entries:table")));
            // Filters as a person sets them: actor and kind of action, from today.
            JavascriptExecutor js = (JavascriptExecutor) browser;
            js.executeScript(
                    "document.getElementById('filters:actor_input').value = 'pt-csl';"
                            + "document.getElementById('filters:action_input').value = 'report.';"
                            + "document.getElementById('filters:from_input').value = arguments[0];",
                    TODAY.toString());
            browser.findElement(By.id("filters:apply")).click();
            String sentence = "pt-csl 报送了 长寿路街道 的任务“" + title + "”的进展：完成 30%，附佐证材料 0 个";
            // The table is replaced by the answer: wait until it shows only pt-csl's entries.
            wait.until(
                    d ->
                            !sentences(d).isEmpty()
                                    && sentences(d).stream()
                                            .allMatch(s -> s.startsWith("pt-csl ")));
            List<String> sentences = sentences(browser);
            assertThat(sentences).contains(sentence);
            assertThat(sentences).isNotEmpty().allSatisfy(s -> assertThat(s).startsWith("pt-csl "));
            assertThat(browser.findElement(By.id("count")).getText())
                    .isEqualTo("共 " + sentences.size() + " 条记录");
            assertThat(
                            browser.findElements(
                                            By.cssSelector(
                                                    "#entries\\:table a.audit-link-task[href$='"
                                                            + task
                                                            + "']"))
                                    .size())
                    .isPositive();
            assertThat(browser.findElement(By.id("export")).getAttribute("href"))
                    .contains("actor=pt-csl")
                    .contains("action=" + URLEncoder.encode("report.", StandardCharsets.UTF_8));
            // Times in the tenant's zone, Chinese format.
            assertThat(browser.findElement(By.id("entries:table")).getText())
                    .contains(TODAY.getYear() + "年" + TODAY.getMonthValue() + "月");

            // Publications (hundreds of ids in their detail) stay one line each.
            js.executeScript(
                    "document.getElementById('filters:actor_input').value = '';"
                            + "document.getElementById('filters:action_input').value = 'plan.';");
            browser.findElement(By.id("filters:apply")).click();
            wait.until(
                    d ->
                            !sentences(d).isEmpty()
                                    && sentences(d).stream().allMatch(s -> s.contains("计划")));
            assertThat(sentences(browser)).anyMatch(s -> s.contains("审计日志测试"));
            Number height =
                    (Number) js.executeScript("return document.documentElement.scrollHeight");
            assertThat(height.intValue()).isLessThan(6000);
        } finally {
            Browsers.close(browser, "audit-journal");
        }
    }
}
