package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.it.support.Browsers;
import cn.duban.it.support.Db;
import cn.duban.it.support.Deployments;
import cn.duban.it.support.Plans;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 17 item 5: the preview says how each table column was read, the user changes a column's
 * meaning (re-parsed, nothing saved), and the choice saved with the plan is remembered for the next
 * import of the same header: in that tenant only.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ColumnMeaningsIT {

    /** 协助单位 and 督办人 are no column words: the automatic reading ignores both. */
    static String table(String title, String header) {
        return title
                + "\n"
                + header
                + "\n"
                + "1\t推进"
                + title
                + "千兆光网建设。\t区发改委\t区商务委、区财政局\t张伟\t6月底前\n"
                + "2\t完善"
                + title
                + "数据平台。\t区发改委\t区财政局\t李强\t全年\n";
    }

    static final String HEADER = "序号\t重点工作\t牵头单位\t协助单位\t督办人\t完成时限";
    static final String KEY = "序号|重点工作|牵头单位|协助单位|督办人|完成时限";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void aChosenReadingIsPreviewedSavedAndRememberedInItsTenantOnly() {
        String first = table("2031年列含义测试甲", HEADER);
        JsonObject auto = preview("pt-admin", first, null, false);
        JsonObject reading = auto.getJsonArray("tables").getJsonObject(0);
        assertThat(reading.getString("key")).isEqualTo(KEY);
        assertThat(reading.getString("source")).isEqualTo("AUTOMATIC");
        assertThat(strings(reading.getJsonArray("header"))).contains("协助单位", "督办人");
        assertThat(strings(reading.getJsonArray("meanings")))
                .containsExactly("NUMBER", "TITLE", "LEAD", "IGNORED", "IGNORED", "DEADLINE");
        assertThat(unitNames(Plans.point(auto, "1"))).containsExactly("区发改委");

        JsonArray choice = choice(KEY, 3, "COOPERATING", 4, "LEADERS");
        JsonObject chosen = preview("pt-admin", first, choice, false);
        assertThat(chosen.getJsonArray("tables").getJsonObject(0).getString("source"))
                .isEqualTo("CHOSEN");
        JsonObject point = Plans.point(chosen, "1");
        assertThat(unitNames(point)).containsExactly("区发改委", "区商务委", "区财政局");
        assertThat(strings(point.getJsonArray("leaders"))).containsExactly("张伟");
        // A preview saves nothing: not even the choice.
        assertThat(Api.get("pt-admin", "/plans/column-readings").array().toString())
                .doesNotContain(KEY);

        Reply saved =
                Api.post(
                        "pt-admin",
                        "/plans",
                        Json.createObjectBuilder()
                                .add("sourceText", first)
                                .add("sourceName", "columns.txt")
                                .add("plan", chosen)
                                .build()
                                .toString());
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(unitNames(Plans.point(saved.json(), "1"))).contains("区商务委");

        // The next document with the same header, written with spaces and punctuation.
        String next = table("2031年列含义测试乙", "序 号\t重点工作：\t牵头单位\t协助单位\t督办人\t完成时限");
        JsonObject remembered = preview("pt-admin", next, null, false);
        JsonObject r = remembered.getJsonArray("tables").getJsonObject(0);
        assertThat(r.getString("source")).isEqualTo("REMEMBERED");
        assertThat(strings(r.getJsonArray("meanings")))
                .containsExactly("NUMBER", "TITLE", "LEAD", "COOPERATING", "LEADERS", "DEADLINE");
        assertThat(unitNames(Plans.point(remembered, "2"))).contains("区财政局");
        // Back to the automatic reading, on request.
        JsonObject again = preview("pt-admin", next, null, true);
        assertThat(again.getJsonArray("tables").getJsonObject(0).getString("source"))
                .isEqualTo("AUTOMATIC");

        // 嘉定区 never gets 普陀区's reading, and cannot see or forget it.
        JsonObject jiading = preview("jd-admin", next, null, false);
        assertThat(jiading.getJsonArray("tables").getJsonObject(0).getString("source"))
                .isEqualTo("AUTOMATIC");
        JsonObject mine =
                Api.get("pt-admin", "/plans/column-readings").array().stream()
                        .map(JsonValue::asJsonObject)
                        .filter(o -> o.getString("key").equals(KEY))
                        .findFirst()
                        .orElseThrow();
        assertThat(mine.getString("chosenBy")).isEqualTo("pt-admin");
        assertThat(Api.get("jd-admin", "/plans/column-readings").array().toString())
                .doesNotContain(KEY)
                .doesNotContain(mine.getString("id"));
        Reply forgetOther =
                Api.delete("jd-admin", "/plans/column-readings/" + mine.getString("id"));
        assertThat(forgetOther.status()).isEqualTo(404);
        assertThat(forgetOther.problemCode()).isEqualTo("plan.columns.not-found");
        assertThat(Api.get("pt-csl", "/plans/column-readings").status()).isEqualTo(403);
        assertThat(
                        Api.delete("pt-leader", "/plans/column-readings/" + mine.getString("id"))
                                .status())
                .isEqualTo(403);
        assertThat(
                        preview("pt-admin", next, null, false)
                                .getJsonArray("tables")
                                .getJsonObject(0)
                                .getString("source"))
                .isEqualTo("REMEMBERED");

        // Forgotten by its own tenant: read automatically again.
        assertThat(
                        Api.delete("pt-admin", "/plans/column-readings/" + mine.getString("id"))
                                .status())
                .isEqualTo(204);
        assertThat(
                        preview("pt-admin", next, null, false)
                                .getJsonArray("tables")
                                .getJsonObject(0)
                                .getString("source"))
                .isEqualTo("AUTOMATIC");
    }

    /**
     * Two offices saving plans with the same new header at the same moment: both plans are saved
     * and the header is remembered once, with the plan's audit entry naming it. Before, the second
     * save met the unique key (tenant, header) and answered 500.
     */
    @Test
    void twoSavesOfTheSameNewHeaderAtOnceBothSucceed() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            String tag = Long.toString(System.nanoTime() % 1_000_000, 36);
            String header = "序号\t重点工作\t牵头单位\t协助单位\t督办人" + tag + "\t完成时限";
            String a = table("2032年列含义并发甲" + tag, header);
            String b = table("2032年列含义并发乙" + tag, header);
            String key =
                    preview("pt-admin", a, null, false)
                            .getJsonArray("tables")
                            .getJsonObject(0)
                            .getString("key");
            JsonArray choice = choice(key, 3, "COOPERATING", 4, "LEADERS");
            List<String> bodies = new java.util.ArrayList<>();
            for (String text : List.of(a, b)) {
                bodies.add(
                        Json.createObjectBuilder()
                                .add("sourceText", text)
                                .add("sourceName", "race.txt")
                                .add("plan", preview("pt-admin", text, choice, false))
                                .build()
                                .toString());
            }
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService pool =
                    java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<Reply>> saves = new java.util.ArrayList<>();
                for (String body : bodies) {
                    saves.add(
                            pool.submit(
                                    () -> {
                                        start.await();
                                        return Api.post("pt-admin", "/plans", body);
                                    }));
                }
                for (var save : saves) {
                    Reply r = save.get(5, java.util.concurrent.TimeUnit.MINUTES);
                    assertThat(r.status()).as(r.body()).isEqualTo(201);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(
                            Api.get("pt-admin", "/plans/column-readings").array().stream()
                                    .map(JsonValue::asJsonObject)
                                    .filter(o -> o.getString("key").equals(key)))
                    .hasSize(1);
            assertThat(
                            Db.maintCount(
                                    "select count(*) from audit_log where tenant_id = 'putuo'"
                                            + " and action = 'plan.imported' and detail like '%"
                                            + key.replace("'", "''")
                                            + "%'"))
                    .isEqualTo(2);
        }
    }

    @Test
    void invalidReadingsAreRefusedWithAClearCode() {
        String text = table("2031年列含义测试丙", HEADER);
        expect(text, choice(KEY, 3, "MANAGER"), "plan.import.columns-unknown-meaning");
        expect(text, choice(KEY, 6, "LEAD"), "plan.import.columns-index");
        expect(text, choice(KEY, 1, "IGNORED"), "plan.import.columns-no-title");
        expect(text, choice(KEY, 3, "NUMBER"), "plan.import.columns-duplicate");
        expect(text, choice("序号|任务", 1, "TITLE"), "plan.import.columns-unknown-table");
        // Saving an impossible reading is refused too, and nothing is saved or remembered.
        JsonObject plan = preview("pt-admin", text, null, false);
        JsonObject bad =
                Json.createObjectBuilder(plan)
                        .add(
                                "tables",
                                Json.createArrayBuilder()
                                        .add(
                                                Json.createObjectBuilder(
                                                                plan.getJsonArray("tables")
                                                                        .getJsonObject(0))
                                                        .add("source", "CHOSEN")
                                                        .add(
                                                                "meanings",
                                                                Json.createArrayBuilder(
                                                                        List.of(
                                                                                "NUMBER",
                                                                                "NUMBER",
                                                                                "LEAD",
                                                                                "IGNORED",
                                                                                "IGNORED",
                                                                                "DEADLINE")))))
                        .build();
        Reply refused =
                Api.post(
                        "pt-admin",
                        "/plans",
                        Json.createObjectBuilder()
                                .add("sourceText", text)
                                .add("plan", bad)
                                .build()
                                .toString());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemCode()).isEqualTo("plan.import.columns-duplicate");
        assertThat(
                        Api.get("pt-admin", "/plans?year=2031").array().stream()
                                .map(p -> p.asJsonObject().getString("title")))
                .noneMatch(t -> t.contains("列含义测试丙"));
    }

    /** The review page: a select per column, labelled, at a desktop and a phone size. */
    @Test
    void theReviewPageShowsAndChangesTheColumnMeanings() throws Exception {
        WebDriver browser = Browsers.open(1440, 900);
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            Browsers.login(browser, "jd-admin");
            browser.get(Browsers.APP + "/app/admin/plan-import.xhtml");
            wait.until(ExpectedConditions.textToBe(By.id("page-title"), "导入工作要点"));
            browser.findElements(By.cssSelector(".ui-tabs-nav li")).get(1).click();
            // Typed, the table's tabs would move the focus out of the text area: set it whole.
            WebElement area =
                    wait.until(
                            ExpectedConditions.visibilityOfElementLocated(
                                    By.id("source:tabs:text")));
            ((JavascriptExecutor) browser)
                    .executeScript(
                            "arguments[0].value = arguments[1];",
                            area,
                            table("2032年嘉定区列含义页面测试", HEADER));
            browser.findElement(By.id("source:tabs:parse")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("columns-title")));
            List<WebElement> selects = browser.findElements(By.cssSelector(".column-meaning"));
            assertThat(selects).hasSize(6);
            // Each select is labelled by its header cell; the options are Chinese.
            String labels =
                    (String)
                            ((JavascriptExecutor) browser)
                                    .executeScript(
                                            "return Array.from(document.querySelectorAll('.duban-column-table td:first-child label')).map(function (l) { return l.textContent.trim() + '>' + (document.getElementById(l.htmlFor) ? 'ok' : 'missing'); }).join('|');");
            assertThat(labels).contains("协助单位>ok").contains("督办人>ok").doesNotContain("missing");
            assertThat(
                            selects.get(3)
                                    .findElement(By.cssSelector(".ui-selectonemenu-label"))
                                    .getText())
                    .isEqualTo("忽略此列");
            assertThat(browser.findElement(By.id("preview")).getText()).contains("配合单位");
            shoot(browser, "columns-automatic");

            // 协助单位 → 配合单位: parsed again, the co-units appear in the tree.
            choose(browser, selects.get(3), "配合单位");
            String cooperating =
                    (String)
                            ((JavascriptExecutor) browser)
                                    .executeScript(
                                            "return Array.from(document.querySelectorAll('#preview\\\\:tree textarea, #preview\\\\:tree input')).map(function (t) { return t.value; }).join('|');");
            assertThat(cooperating).contains("区商务委");
            shoot(browser, "columns-chosen");
            assertThat(Browsers.console(browser)).as("browser console").isEmpty();
        } finally {
            browser.quit();
        }
    }

    private static void choose(WebDriver browser, WebElement menu, String label) {
        Browsers.choose(
                browser,
                menu.getAttribute("id"),
                label,
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".columns-chosen")));
    }

    private static void shoot(WebDriver browser, String name) throws Exception {
        Path shots = Path.of("target/screenshots");
        Files.createDirectories(shots);
        for (Dimension size : List.of(new Dimension(390, 844), new Dimension(1440, 900))) {
            Browsers.settled(browser);
            browser.manage().window().setSize(size);
            Thread.sleep(300);
            Files.write(
                    shots.resolve(name + "-" + size.width + ".png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        }
    }

    private static void expect(String text, JsonArray columns, String code) {
        Reply reply = Api.post("pt-admin", "/plans/preview", request(text, columns, false));
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.problemCode()).isEqualTo(code);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    private static JsonObject preview(
            String user, String text, JsonArray columns, boolean automatic) {
        Reply reply = Api.post(user, "/plans/preview", request(text, columns, automatic));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static String request(String text, JsonArray columns, boolean automatic) {
        var b = Json.createObjectBuilder().add("text", text).add("automatic", automatic);
        if (columns != null) b.add("columns", columns);
        return b.build().toString();
    }

    private static JsonArray choice(String key, Object... indexAndMeaning) {
        var cols = Json.createArrayBuilder();
        for (int i = 0; i < indexAndMeaning.length; i += 2) {
            cols.add(
                    Json.createObjectBuilder()
                            .add("index", (Integer) indexAndMeaning[i])
                            .add("meaning", (String) indexAndMeaning[i + 1]));
        }
        return Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("key", key).add("columns", cols))
                .build();
    }

    private static List<String> unitNames(JsonObject point) {
        return point.getJsonArray("units").stream()
                .map(u -> u.asJsonObject().getString("name"))
                .toList();
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString::getString);
    }
}
