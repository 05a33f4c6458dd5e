package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.it.support.Browsers;
import cn.duban.it.support.Db;
import cn.duban.it.support.PageTest;
import cn.duban.it.support.Plans;
import cn.duban.it.support.ProgressReports;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The pages of issue 16 as a user sees them, in headless Chromium: the figures and names shown,
 * with screenshots of every page at a phone size (390×844) and a desktop size (1440×900) under
 * target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PagesIT extends PageTest {

    @BeforeEach
    void openBrowser() {
        open(DESKTOP);
    }

    // ---- 1. responsibility

    @Test
    void unitsPickedForCooperatingNamesCooperateAndThePickCanBeChanged() {
        String plan =
                Plans.TODAY.getYear()
                        + "年普陀区角色页测试工作要点\n一、重点工作\n"
                        + "1.组织角色页AI应用专题培训。（牵头单位：区数据局；配合单位：相关部门；完成时限："
                        + Plans.full(Plans.TODAY.plusDays(30))
                        + "前）\n";
        String planId = Plans.saved("pt-admin", plan, "roles-page.txt").getString("id");
        String health = Api.unitId("pt-admin", "区卫生健康委");
        String town = Api.unitId("pt-admin", "长寿路街道");

        login("pt-admin");
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "区府办工作台"));
        browser.get(Browsers.APP + "/app/admin/publish.xhtml?plan=" + planId);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-title"), "下达任务"));
        assertThat(
                        new Select(browser.findElement(By.id("publish:open:0:pickRole")))
                                .getFirstSelectedOption()
                                .getText())
                .as("相关部门 is named as co-operating")
                .isEqualTo("配合");

        pick("publish:open:0:pick", health, true);
        pick("publish:open:0:pick", town, true);
        refresh();
        assertThat(taskRows()).contains("区数据局 牵头", "区卫生健康委 配合", "长寿路街道 配合");
        // The picker is still there: take the town out again.
        pick("publish:open:0:pick", town, false);
        refresh();
        assertThat(taskRows())
                .contains("区数据局 牵头", "区卫生健康委 配合")
                .noneMatch(r -> r.startsWith("长寿路街道"));
        shoot("publish");

        browser.findElement(By.id("publish:doPublish")).click();
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "任务台账"));
        Map<String, String> roles =
                Api.get("pt-admin", "/tasks?plan=" + planId).json().getJsonArray("items").stream()
                        .map(JsonValue::asJsonObject)
                        .collect(
                                Collectors.toMap(
                                        t -> t.getString("unitName"), t -> t.getString("role")));
        assertThat(roles)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("区数据局", "LEAD", "区卫生健康委", "COOPERATING"));
    }

    /**
     * Checks or unchecks a unit in a PrimeFaces checkbox menu through its hidden inputs, as a click
     * would.
     */
    private void pick(String menuId, String value, boolean on) {
        ((JavascriptExecutor) browser)
                .executeScript(
                        "var menu = document.getElementById(arguments[0]);"
                                + "var box = menu.querySelector(\"input[type=checkbox][value='\" + arguments[1] + \"']\");"
                                + "box.checked = arguments[2]; if (arguments[2]) box.setAttribute('checked', 'checked'); else box.removeAttribute('checked');",
                        menuId,
                        value,
                        on);
    }

    private void refresh() {
        String before = browser.findElement(By.id("publish:tasks")).getText();
        browser.findElement(By.id("publish:refresh")).click();
        wait.until(d -> !d.findElement(By.id("publish:tasks")).getText().equals(before));
    }

    private List<String> taskRows() {
        return browser.findElements(By.cssSelector("#publish\\:tasks tbody tr")).stream()
                .map(
                        r ->
                                r.findElements(By.tagName("td"))
                                        .get(2)
                                        .getText()
                                        .replaceAll("\\s+", " ")
                                        .trim())
                .toList();
    }

    // ---- 2. figures

    @Test
    void theLedgerTheLightsAndAReportedFigureShowOnFirstLoad() {
        String planId =
                Plans.saved("pt-admin", Plans.dueSoon("数字页"), "figures-page.txt").getString("id");
        assertThat(
                        Api.post(
                                        "pt-admin",
                                        "/plans/" + planId + "/publication",
                                        "{\"allowOpen\":true}")
                                .status())
                .isEqualTo(200);
        int total = Api.get("pt-admin", "/tasks?plan=" + planId).json().getInt("total");
        JsonObject task =
                Api.get("pt-csl", "/tasks?plan=" + planId)
                        .json()
                        .getJsonArray("items")
                        .getJsonObject(0);
        String report =
                Api.post(
                                "pt-csl",
                                "/tasks/" + task.getString("id") + "/reports",
                                "{\"text\":\"已完成六成。\",\"percent\":60}")
                        .json()
                        .getString("id");
        assertThat(ProgressReports.submit("pt-csl", report, null).status()).isEqualTo(200);

        login("pt-admin");
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "区府办工作台"));
        browser.get(Browsers.APP + "/app/ledger.xhtml?plan=" + planId);
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "任务台账"));
        assertThat(browser.findElement(By.id("export")).getText()).contains("共 " + total + " 项");
        // The task exists for every town: the row of 长寿路街道's.
        String row =
                browser.findElement(
                                By.xpath(
                                        "//tr[.//a[contains(., '"
                                                + task.getString("title")
                                                + "')] and contains(., '长寿路街道')]"))
                        .getText();
        assertThat(row).contains("长寿路街道").contains("60%").contains("已报送，待审核");
        shoot("ledger");

        logout();
        login("pt-csl");
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "我的任务"));
        List<JsonValue> mine = Api.get("pt-csl", "/tasks/mine").array();
        // The tiles count the open tasks by colour, and those awaiting review.
        for (String tile : List.of("red", "yellow", "green", "review")) {
            assertThat(browser.findElement(By.id("count-" + tile)).getText())
                    .as(tile)
                    .matches("\\d+");
        }
        assertThat(Integer.parseInt(browser.findElement(By.id("count-review")).getText()))
                .isGreaterThanOrEqualTo(1);
        assertThat(mine).isNotEmpty();
        String myRow =
                browser.findElement(
                                By.xpath(
                                        "//a[contains(., '"
                                                + task.getString("title")
                                                + "')]/ancestor::tr"))
                        .getText();
        assertThat(myRow).contains("60%").contains("已报送，待审核");
        shoot("my-tasks");
    }

    // ---- 3. coverage

    @Test
    void theCoverageViewNamesTheTownsWithoutAPlan() {
        int year = Plans.TODAY.getYear() + 5;
        String plan =
                year + "年上海市普陀区覆盖页测试工作要点\n一、覆盖页\n1.推进覆盖页测试事项。（责任单位：各街镇；完成时限：" + year + "年6月30日前）\n";
        String planId = Plans.saved("pt-admin", plan, "coverage-page.txt").getString("id");
        List<String> missing =
                Api.get("pt-admin", "/plans/" + planId + "/coverage")
                        .json()
                        .getJsonArray("plansMissing")
                        .getValuesAs(jakarta.json.JsonString.class)
                        .stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList();
        assertThat(missing).contains("长寿路街道");

        login("pt-admin");
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "区府办工作台"));
        browser.get(Browsers.APP + "/app/admin/plan.xhtml?id=" + planId);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("下级响应情况"))).click();
        String warning =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("plans-missing")))
                        .getText();
        assertThat(warning)
                .startsWith("尚未导入本年度计划的单位：" + missing.get(0))
                .contains(String.join("、", missing));
        shoot("plan-coverage");
    }

    // ---- 4. time

    @Test
    void timesShowInTheTenantsZoneAndBadDatesAreExplained() {
        String planId =
                Plans.saved("pt-admin", Plans.dueSoon("时间页"), "time-page.txt").getString("id");
        assertThat(
                        Api.post(
                                        "pt-admin",
                                        "/plans/" + planId + "/publication",
                                        "{\"allowOpen\":true}")
                                .status())
                .isEqualTo(200);
        String csl = Api.unitId("pt-admin", "长寿路街道");
        JsonObject task =
                Api.get("pt-admin", "/tasks?plan=" + planId + "&unit=" + csl)
                        .json()
                        .getJsonArray("items")
                        .getJsonObject(0);

        login("pt-admin");
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "区府办工作台"));
        browser.get(Browsers.APP + "/app/task.xhtml?id=" + task.getString("id"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("manage:deadline_input")));
        // Empty: a clear message, nothing changed.
        browser.findElement(By.id("manage:changeDeadline")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("growl_container"), "请填写日期"));
        // Not a date: said so, in Chinese.
        browser.findElement(By.id("manage:deadline_input")).sendKeys("2026-02-30");
        browser.findElement(By.id("manage:reason")).sendKeys("时间页测试");
        browser.findElement(By.id("manage:changeDeadline")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("growl_container"), "不是有效日期"));
        // A date typed in the form people write it (2027年1月9日) is read by the duban.date converter
        // (FormatsTest); in this browser the date picker's widget did not pass it on yet, so the
        // typed
        // value is not asserted here (open in issue 16).
        assertNoIsoTimes();
        shoot("task-admin");

        logout();
        login("pt-csl");
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "我的任务"));
        browser.get(Browsers.APP + "/app/inbox.xhtml");
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "消息"));
        Instant created =
                Instant.parse(
                        Api.get("pt-csl", "/inbox")
                                .array()
                                .getJsonObject(0)
                                .getString("createdAt"));
        String shown =
                DateTimeFormatter.ofPattern("uuuu年M月d日 HH:mm")
                        .format(created.atZone(ZoneId.of("Asia/Shanghai")));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(shown);
        assertNoIsoTimes();
        shoot("inbox");
    }

    private void assertNoIsoTimes() {
        assertThat(browser.findElement(By.tagName("body")).getText())
                .as("no UTC ISO times on the page")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    }

    // ---- 5. year defaults

    @Test
    void pagesOpenOnThePlanYearAndTheNoticeLinksToTheCircular() {
        // 嘉定区's work is all in last year's plan (no test publishes a 嘉定区 plan for this year).
        int y = Plans.TODAY.getYear() - 1;
        String text =
                y + "年嘉定区年度页测试工作要点\n一、年度页\n1.推进年度页测试事项。（责任单位：安亭镇、南翔镇；完成时限：" + y + "年6月30日前）\n";
        String planId = Plans.saved("jd-admin", text, "year-page.txt").getString("id");
        assertThat(
                        Api.post(
                                        "jd-admin",
                                        "/plans/" + planId + "/publication",
                                        "{\"allowOpen\":true}")
                                .status())
                .isEqualTo(200);
        assertThat(
                        Api.post(
                                        "jd-admin",
                                        "/evaluation/schemes",
                                        "{\"year\":"
                                                + y
                                                + ",\"type\":\"COMPLETION\",\"planWeight\":5,"
                                                + "\"indicators\":[{\"name\":\"年度页\",\"points\":100,\"target\":\"PLAN\",\"targetId\":\""
                                                + planId
                                                + "\"}]}")
                                .status())
                .isEqualTo(201);
        String circular =
                Api.post("jd-admin", "/circulars", "{\"period\":\"" + y + "\"}")
                        .json()
                        .getString("id");
        String number =
                Api.post("jd-admin", "/circulars/" + circular + "/issue", "{}")
                        .json()
                        .getString("docNumber");

        login("jd-leader");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("eval-status")));
        assertThat(
                        new Select(browser.findElement(By.id("period")))
                                .getFirstSelectedOption()
                                .getAttribute("value"))
                .isEqualTo(String.valueOf(y));
        assertThat(browser.findElement(By.id("eval-status")).getText())
                .contains(y + "年")
                .containsPattern("第\\d+版");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("安亭镇");
        shoot("leader");

        logout();
        login("jd-anting");
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "我的任务"));
        browser.get(Browsers.APP + "/app/score.xhtml");
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "考核得分明细"));
        assertThat(
                        new Select(browser.findElement(By.id("periodForm:period")))
                                .getFirstSelectedOption()
                                .getAttribute("value"))
                .isEqualTo(String.valueOf(y));
        assertThat(browser.findElement(By.id("score-unit")).getText())
                .contains("安亭镇")
                .contains(y + "年");
        shoot("score");

        browser.get(Browsers.APP + "/app/circulars.xhtml");
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "工作通报"));
        assertThat(browser.findElement(By.id("circulars:list")).getText()).contains(number);
        shoot("circulars");

        browser.get(Browsers.APP + "/app/inbox.xhtml");
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "消息"));
        browser.findElement(
                        By.xpath(
                                "//tr[contains(., '"
                                        + number
                                        + "')]//a[contains(@class, 'circular-link')]"))
                .click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("circular-state"), number));
        shoot("circular");

        logout();
        login("jd-admin");
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "区府办工作台"));
        browser.get(Browsers.APP + "/app/admin/evaluation.xhtml");
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "考核管理"));
        assertThat(browser.findElement(By.id("scheme:year_input")).getAttribute("value"))
                .isEqualTo(String.valueOf(y));
        assertThat(browser.findElement(By.id("scheme-current")).getText()).contains("当前为第");
        shoot("evaluation");
    }

    // ---- 6. import review

    @Test
    void theImportReviewLinesUpShowsDeadlinesAndSavingIsAudited() throws Exception {
        login("pt-admin");
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "区府办工作台"));
        browser.get(Browsers.APP + "/app/admin/plan-import.xhtml");
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "导入工作要点"));
        browser.findElements(By.cssSelector(".ui-tabs-nav li")).get(1).click();
        int year = Plans.TODAY.getYear() + 7;
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("source:tabs:text")))
                .sendKeys(
                        year
                                + "年桃浦镇审阅页测试工作要点\n"
                                + "一、审阅页\n1.开展审阅页安全生产大检查。每季度通报检查结果。（责任单位：桃浦镇；完成时限：每季度末）\n"
                                + "2.组织审阅页应急演练。（责任单位：桃浦镇；完成时限："
                                + year
                                + "年6月30日前）\n");
        browser.findElement(By.id("source:tabs:parse")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview:tree")));
        for (int width : new int[] {1440, 1920}) {
            browser.manage().window().setSize(new Dimension(width, 900));
            Thread.sleep(300);
            for (String field :
                    List.of("title", "level", "year", "issuer", "docNumber", "issuedOn", "owner")) {
                assertThat(rowOffset(field))
                        .as("label of " + field + " at " + width + " px sits on its input's row")
                        .isLessThan(12);
            }
            // The deadline date and its rule stay inside their column, so they can be checked.
            Object clipped =
                    ((JavascriptExecutor) browser)
                            .executeScript(
                                    "var out = [];"
                                            + "document.querySelectorAll('#preview\\\\:tree .duban-deadline').forEach(function (cell) {"
                                            + "  var td = cell.closest('td').getBoundingClientRect();"
                                            + "  cell.querySelectorAll('input:not([type=hidden]), .ui-selectonemenu').forEach(function (e) {"
                                            + "    if (e.closest('.ui-helper-hidden-accessible')) return;"
                                            + "    var r = e.getBoundingClientRect();"
                                            + "    if (r.width < 40 || r.right > td.right + 1 || r.left < td.left - 1) out.push(e.id + ':' + r.left + '-' + r.right);"
                                            + "  });"
                                            + "});"
                                            + "return out.join(',');");
            assertThat(clipped).as("deadline inputs cut off at " + width + " px").isEqualTo("");
        }
        String tree =
                browser.findElement(By.id("preview:tree")).getText()
                        + ((JavascriptExecutor) browser)
                                .executeScript(
                                        "return Array.from(document.querySelectorAll('#preview\\\\:tree textarea')).map(function (t) { return t.value; }).join('|');");
        assertThat(tree).as("the point's second sentence").contains("每季度通报检查结果");
        shoot("plan-import");

        browser.findElement(By.id("preview:save")).click();
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), year + "年桃浦镇审阅页测试工作要点"));
        String planId = browser.getCurrentUrl().replaceAll(".*[?&]id=([0-9a-f-]+).*", "$1");
        assertThat(
                        Db.maintCount(
                                "select count(*) from audit_log where tenant_id = 'putuo' and action = 'plan.imported' and entity_id = '"
                                        + planId
                                        + "'"))
                .isEqualTo(1);
    }

    /**
     * How far (px) a form label's middle is from its input cell's middle in the import review's
     * grid.
     */
    private long rowOffset(String field) {
        Object d =
                ((JavascriptExecutor) browser)
                        .executeScript(
                                "var label = document.querySelector(\"label[for^='preview:\" + arguments[0] + \"']\");"
                                        + "var input = document.getElementById('preview:' + arguments[0]);"
                                        + "if (!label || !input) return 9999;"
                                        + "var cell = input; while (cell.parentElement && !cell.parentElement.classList.contains('duban-form')) cell = cell.parentElement;"
                                        + "var l = label.getBoundingClientRect(), c = cell.getBoundingClientRect();"
                                        + "return Math.abs(Math.round((l.top + l.bottom) / 2 - (c.top + c.bottom) / 2));",
                                field);
        return ((Number) d).longValue();
    }

    // ---- helpers

    /** The page at a phone size and a desktop size, saved for a person to look at. */
    private void shoot(String name) {
        try {
            Path shots = Path.of("target/screenshots");
            Files.createDirectories(shots);
            for (Dimension size : List.of(new Dimension(390, 844), new Dimension(1440, 900))) {
                browser.manage().window().setSize(size);
                Thread.sleep(300);
                Files.write(
                        shots.resolve("pages-" + name + "-" + size.width + ".png"),
                        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
