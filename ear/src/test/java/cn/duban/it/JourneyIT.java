package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.PlanDocuments;
import cn.duban.client.Timings;
import cn.duban.it.support.Browsers;
import cn.duban.it.support.Db;
import cn.duban.it.support.PageTest;
import cn.duban.it.support.Plans;
import cn.duban.it.support.ProgressReports;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 16's journey through the real pages, as the people do it: the district office imports the
 * 普陀区 seed plan and publishes it, 长寿路街道's reporter reports from a phone with an evidence file, the
 * office returns it with a reason, the reporter corrects the carried-over draft and resubmits, the
 * office approves, scores the year under a scheme at 5 % and closes it, drafts and issues a
 * circular, and a leader reads the dashboard on a desk. Every step checks the figures and names
 * shown (cross-checked against the API where the page shows a count); every page load and ajax
 * action is timed and the table printed at the end; screenshots at the phone and desktop sizes go
 * to target/journey.
 *
 * <p>Its own data: the seed plan is imported for {@link #YEAR} (four years back, a year no other
 * test uses for 普陀区), so the counts do not depend on what other tests left.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JourneyIT extends PageTest {

    static final int YEAR = Plans.TODAY.getYear() - 4;
    static final Path SHOTS = Path.of("target/journey");
    static final String POINT = "严格执行公文公开属性审查和发布审查程序";
    static final String TOWN = "长寿路街道";

    private final List<String[]> timings = new ArrayList<>();

    // the journey's plan, to retire its open tasks afterwards
    private String planId;

    @Test
    void theDistrictsYearFromImportToTheLeadersDashboard() throws Exception {
        try {
            walk();
        } finally {
            printTimings();
            retireOpenTasks();
        }
    }

    /**
     * The journey leaves 普陀区 no open overdue work: its ~695 tasks of {@link #YEAR} stay overdue
     * otherwise, and the next reminder run of 普陀区 (LedgerIT) then took 182 s in one transaction and
     * held up a report submission (see the closing note of session 4).
     */
    private void retireOpenTasks() throws java.sql.SQLException {
        if (planId == null) return;
        Db.appRoleExecute(
                "putuo",
                "update task set status = 'CANCELLED' where plan_id = '"
                        + java.util.UUID.fromString(planId)
                        + "' and status in ('ASSIGNED', 'IN_PROGRESS', 'RETURNED', 'SUBMITTED')");
    }

    private void walk() throws Exception {
        // ---- import: the seed document as the office has it, for this test's year
        String seed =
                PlanDocuments.read(PlanDocuments.DISTRICT_SEED)
                        .replace("2025", String.valueOf(YEAR));
        Path file = Files.createTempDirectory("journey").resolve("putuo-district-" + YEAR + ".txt");
        Files.writeString(file, seed, StandardCharsets.UTF_8);

        open(DESKTOP);
        login("pt-admin");
        titleIs("区府办工作台");
        page("导入工作要点", "/app/admin/plan-import.xhtml", "导入工作要点");
        WebElement upload = browser.findElement(By.id("source:tabs:file_input"));
        ajax(
                "导入工作要点",
                "上传并解析",
                () -> upload.sendKeys(file.toString()),
                d -> !d.findElements(By.id("preview:tree")).isEmpty());
        String planTitle = YEAR + "年上海市普陀区政务公开工作要点";
        assertThat(browser.findElement(By.id("preview:title")).getAttribute("value"))
                .isEqualTo(planTitle);
        assertThat(browser.findElement(By.id("preview:year_input")).getAttribute("value"))
                .isEqualTo(String.valueOf(YEAR));
        assertThat(browser.findElement(By.id("preview")).getText()).contains("共 31 条工作要点");
        assertThat(treeText()).contains(POINT).contains("各部门、各街镇");
        shoot("1-import-review", DESKTOP);
        navigation(
                "导入工作要点",
                "保存",
                () -> browser.findElement(By.id("preview:save")).click(),
                planTitle);
        planId = browser.getCurrentUrl().replaceAll(".*[?&]id=([0-9a-f-]+).*", "$1");
        assertThat(text("tabs:lines")).contains(POINT);
        shoot("2-plan", DESKTOP);

        // ---- publish
        navigation(
                "工作要点",
                "下达任务",
                () -> browser.findElement(By.id("publishLink")).click(),
                "下达任务：" + planTitle);
        String summary = text("publish-summary");
        int created = Integer.parseInt(summary.replaceAll("^将新建 (\\d+) 项任务.*$", "$1"));
        assertThat(summary).startsWith("将新建 " + created + " 项任务，更新 0 项，0 项不变");
        assertThat(text("publish:tasks")).contains(TOWN).contains(POINT);
        shoot("3-publish", DESKTOP);
        navigation(
                "下达任务",
                "确认下达",
                () -> browser.findElement(By.id("publish:doPublish")).click(),
                "任务台账");
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("growl_container"), "已下达：新建 " + created + " 项"));
        JsonObject tasks = Api.get("pt-admin", "/tasks?plan=" + planId + "&limit=1").json();
        assertThat(tasks.getInt("total")).as("tasks the API lists").isEqualTo(created);
        assertThat(text("export")).contains("共 " + created + " 项");
        shoot("4-ledger", DESKTOP);
        String taskId = taskOf(planId);
        logout();

        // ---- report from a phone, with an evidence file
        resize(PHONE);
        login("pt-csl");
        titleIs("我的任务");
        assertThat(text("my-unit")).isEqualTo(TOWN);
        WebElement mine =
                browser.findElement(
                        By.xpath(
                                "//tr[contains(., '"
                                        + planTitle
                                        + "')]//a[contains(@class, 'task-link') and contains(., '"
                                        + POINT
                                        + "')]"));
        assertThat(mine.getRect().getWidth()).as("task title width on a phone").isGreaterThan(100);
        shoot("5-my-tasks", PHONE);
        navigation("我的任务", "打开任务", mine::click, null);
        assertThat(text("page-title")).contains(POINT);
        assertThat(text("task-unit")).contains(TOWN);
        assertThat(text("task-status")).contains("已交办");
        assertThat(text("task-progress")).startsWith("0%");
        fits(PHONE);
        // Known defect, not fixed yet: at 390 px the upload buttons' icons sit on their labels.
        System.out.println("JOURNEY upload icons over labels: " + uploadIconsOverLabels());
        typeInto("report:text", "已对本街道全部公文完成公开属性审查，发现问题3处。");
        typeNumber("report:percent", "60");
        ajax(
                "任务",
                "保存草稿",
                () -> browser.findElement(By.id("report:saveDraft")).click(),
                d -> d.findElement(By.id("growl_container")).getText().contains("草稿已保存"));
        Path photo = SHOTS.toAbsolutePath().resolve("审查记录.pdf");
        Files.createDirectories(SHOTS);
        Files.write(photo, ProgressReports.PHOTO);
        ajax(
                "任务",
                "上传佐证",
                () ->
                        browser.findElement(By.cssSelector("#evidence\\:upload input[type=file]"))
                                .sendKeys(photo.toString()),
                d -> d.findElement(By.id("draft-evidence")).getText().contains("审查记录.pdf"));
        ajax(
                "任务",
                "提交",
                () -> {
                    browser.findElement(By.id("report:submit")).click();
                    wait.until(ExpectedConditions.alertIsPresent()).accept();
                },
                d -> d.findElement(By.id("task-status")).getText().contains("已报送"));
        assertThat(text("task-progress")).contains("60%").contains("已报送，待审核");
        assertThat(text("reports")).contains("待审核").contains("审查记录.pdf").contains("60%");
        fits(PHONE);
        shoot("6-reported", PHONE);
        logout();

        // ---- the office returns it with a reason
        resize(DESKTOP);
        login("pt-admin");
        titleIs("区府办工作台");
        page("待审核", "/app/admin/review.xhtml", "待审核报送");
        WebElement pending =
                browser.findElement(
                        By.xpath(
                                "//table//tr[contains(., '"
                                        + TOWN
                                        + "') and .//a[contains(@href, '"
                                        + taskId
                                        + "')]]"));
        assertThat(pending.getText()).contains("60%").contains("发现问题3处");
        shoot("7-review", DESKTOP);
        navigation(
                "待审核",
                "打开报送",
                () -> pending.findElement(By.className("review-link")).click(),
                null);
        assertThat(text("task-unit")).contains(TOWN);
        typeInto(browser.findElement(By.cssSelector("textarea[id$=':comment']")), "请补充整改前后对比照片");
        ajax(
                "任务（区府办）",
                "退回",
                () -> browser.findElement(By.cssSelector("button[id$=':return']")).click(),
                d -> d.findElement(By.id("reports")).getText().contains("已退回"));
        assertThat(text("task-status")).contains("被退回");
        assertThat(text("reports")).contains("审核意见：请补充整改前后对比照片");
        logout();

        // ---- the reporter sees the returned text carried over, corrects and resubmits
        resize(PHONE);
        login("pt-csl");
        titleIs("我的任务");
        page("任务", "/app/task.xhtml?id=" + taskId, POINT);
        assertThat(text("carried-over")).contains("请补充整改前后对比照片");
        assertThat(browser.findElement(By.id("report:text")).getAttribute("value"))
                .isEqualTo("已对本街道全部公文完成公开属性审查，发现问题3处。");
        assertThat(browser.findElement(By.id("report:percent_input")).getAttribute("value"))
                .startsWith("60");
        assertThat(text("draft-evidence")).contains("审查记录.pdf");
        fits(PHONE);
        shoot("8-carried-over", PHONE);
        typeInto("report:text", "已完成全部公文公开属性审查，3处问题均已整改，补充整改前后对比照片。");
        typeNumber("report:percent", "100");
        ajax(
                "任务",
                "重新提交",
                () -> {
                    browser.findElement(By.id("report:submit")).click();
                    wait.until(ExpectedConditions.alertIsPresent()).accept();
                },
                d -> d.findElement(By.id("task-status")).getText().contains("已报送"));
        assertThat(text("task-progress")).contains("100%");
        assertThat(text("reports")).contains("待审核").contains("已退回");
        logout();

        // ---- the office approves, rated 优
        resize(DESKTOP);
        login("pt-admin");
        titleIs("区府办工作台");
        page("任务（区府办）", "/app/task.xhtml?id=" + taskId, POINT);
        browser.findElement(By.xpath("//*[contains(@id, ':rating')]//label[normalize-space()='优']"))
                .click();
        typeInto(browser.findElement(By.cssSelector("textarea[id$=':comment']")), "整改到位");
        ajax(
                "任务（区府办）",
                "通过",
                () -> browser.findElement(By.cssSelector("button[id$=':approve']")).click(),
                d -> d.findElement(By.id("task-status")).getText().contains("已办结"));
        assertThat(text("task-status")).contains("逾期完成").contains("优");
        assertThat(text("task-progress")).startsWith("100%");
        assertThat(text("reports")).contains("审核通过").contains("已退回");
        shoot("9-approved", DESKTOP);

        // ---- scheme at 5 % for the year, scored and closed
        page("考核管理", "/app/admin/evaluation.xhtml", "考核管理");
        WebElement year = browser.findElement(By.id("scheme:year_input"));
        ajax(
                "考核管理",
                "换年度",
                () -> {
                    year.sendKeys(Keys.chord(Keys.CONTROL, "a"), String.valueOf(YEAR), Keys.TAB);
                },
                d ->
                        d.findElement(By.id("scheme:name"))
                                .getAttribute("value")
                                .equals(YEAR + "年度考核方案"));
        assertThat(text("scheme-current")).contains("尚未");
        assertThat(browser.findElement(By.id("scheme:weight_input")).getAttribute("value"))
                .startsWith("5");
        js("PrimeFaces.widgets['widget_scheme_plan'].selectValue(arguments[0])", planId);
        ajax(
                "考核管理",
                "按章节生成指标",
                () -> browser.findElement(By.id("scheme:sections")).click(),
                d -> d.findElement(By.id("scheme:rows")).getText().contains("夯实根基"));
        assertThat(text("scheme:rows")).contains("合计 100");
        ajax(
                "考核管理",
                "保存方案",
                () -> browser.findElement(By.id("scheme:save")).click(),
                d -> d.findElement(By.id("scheme-current")).getText().contains("当前为第1版"));
        JsonObject scheme = Api.get("pt-admin", "/evaluation/schemes/current?year=" + YEAR).json();
        assertThat(scheme.getJsonNumber("planWeight").bigDecimalValue()).isEqualByComparingTo("5");
        js("PrimeFaces.widgets['widget_close_closePeriod'].selectValue(arguments[0])", "" + YEAR);
        typeInto("close:closeReason", "年度考核结果经区政府审定");
        ajax(
                "考核管理",
                "关账发布",
                () -> {
                    browser.findElement(By.id("close:closeButton")).click();
                    Browsers.confirm(browser);
                },
                d -> d.findElement(By.id("close:snapshots")).getText().contains("年度考核结果经区政府审定"));
        // The published period by its name, as picked above (it showed the raw key "2022").
        assertThat(browser.findElement(By.cssSelector("#close\\:snapshots a")).getText())
                .isEqualTo(YEAR + "年度");
        shoot("10-evaluation", DESKTOP);

        // ---- a circular drafted and issued
        page("工作通报", "/app/circulars.xhtml?year=" + YEAR, "工作通报");
        js("PrimeFaces.widgets['widget_circulars_period'].selectValue(arguments[0])", "" + YEAR);
        navigation(
                "工作通报",
                "起草通报",
                () -> browser.findElement(By.id("circulars:create")).click(),
                "工作通报");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("edit:steps")));
        assertThat(text("circular-state")).contains("草稿（未编号）").contains(YEAR + "年");
        assertThat(browser.findElement(By.id("edit:subject")).getAttribute("value"))
                .isEqualTo("关于" + YEAR + "年度工作要点落实情况的通报");
        String circularId = browser.getCurrentUrl().replaceAll(".*[?&]id=([0-9a-f-]+).*", "$1");
        typeInto("edit:steps", "一、对排名靠后的单位限期整改。");
        navigation(
                "通报",
                "印发",
                () -> {
                    browser.findElement(By.id("edit:issue")).click();
                    wait.until(ExpectedConditions.alertIsPresent()).accept();
                },
                "工作通报");
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("circular-state"), "〔"));
        JsonObject circular = Api.get("pt-admin", "/circulars/" + circularId).json();
        assertThat(circular.getString("state")).isEqualTo("ISSUED");
        String number = circular.getString("docNumber");
        assertThat(number).startsWith("普府办通〔" + Plans.TODAY.getYear() + "〕");
        assertThat(text("circular-state")).contains(number).contains(YEAR + "年");
        shoot("11-circular", DESKTOP);
        logout();

        // ---- a leader at a desk
        login("pt-leader");
        page("领导驾驶舱", "/app/leader/index.xhtml?period=" + YEAR, "领导驾驶舱");
        assertThat(
                        new Select(browser.findElement(By.id("period")))
                                .getFirstSelectedOption()
                                .getAttribute("value"))
                .as("the period picker shows the period shown")
                .isEqualTo(String.valueOf(YEAR));
        JsonObject standings = Api.get("pt-leader", "/evaluation/rankings?period=" + YEAR).json();
        String status = text("eval-status");
        assertThat(status)
                .contains(YEAR + "年")
                .contains("第1版")
                .contains("占年度考核权重 5")
                .contains("已发布版本 1");
        JsonObject town =
                standings.getJsonArray("units").stream()
                        .map(JsonValue::asJsonObject)
                        .filter(u -> u.getString("unitName").equals(TOWN))
                        .findFirst()
                        .orElseThrow();
        List<String> row =
                browser
                        .findElements(
                                By.xpath(
                                        "//table[contains(@class,'ranking')]//tr[.//a[normalize-space()='"
                                                + TOWN
                                                + "']]/td"))
                        .stream()
                        .map(WebElement::getText)
                        .toList();
        System.out.println("JOURNEY leader row " + row + " API " + town);
        assertThat(row).hasSize(8);
        assertThat(row.get(1)).isEqualTo(TOWN);
        assertThat(town.containsKey("score")).as("长寿路街道 is scored").isTrue();
        // A closed year is judged as of its last day: the task approved today was still open on
        // 31 December, so it counts as overdue there, not done (its own page says 逾期完成).
        assertThat(town.getInt("completed")).as("done by the year's end").isZero();
        assertThat(town.getInt("overdue")).isEqualTo(town.getInt("tasks"));
        assertThat(row.get(5)).as("completion rate").isEqualTo("0.0%");
        assertThat(row.get(7)).as("overdue").isEqualTo(String.valueOf(town.getInt("overdue")));
        assertThat(new BigDecimal(row.get(2)))
                .isEqualByComparingTo(town.getJsonNumber("score").bigDecimalValue());
        assertThat(row.get(4)).isEqualTo(String.valueOf(town.getInt("tasks")));
        assertThat(row.get(0)).isEqualTo(String.valueOf(town.getInt("rank")));
        assertThat(town.getInt("tasks")).as("tasks of 长寿路街道 in the year").isGreaterThan(1);
        shoot("12-leader", DESKTOP);
        resize(PHONE);
        shoot("12-leader", PHONE);
    }

    // ---- steps

    /** The task of 长寿路街道 for the journey's point, found in the ledger the office sees. */
    private String taskOf(String planId) {
        return Plans.tasksOf(
                        Api.get("pt-admin", "/tasks?plan=" + planId + "&limit=1000").json(), TOWN)
                .stream()
                .filter(t -> t.getString("title").contains(POINT))
                .findFirst()
                .orElseThrow()
                .getString("id");
    }

    /** The upload buttons (添加佐证材料, 拍照上传) whose icon is drawn over their label's text. */
    @SuppressWarnings("unchecked")
    private List<String> uploadIconsOverLabels() {
        return (List<String>)
                js(
                        "var out = [];"
                                + "document.querySelectorAll('#evidence .ui-fileupload-choose').forEach(function (b) {"
                                + "  var icon = b.querySelector('.ui-icon'), label = b.querySelector('.ui-button-text');"
                                + "  if (!icon || !label || b.offsetParent === null) return;"
                                + "  var range = document.createRange(); range.selectNodeContents(label);"
                                + "  var i = icon.getBoundingClientRect(), t = range.getBoundingClientRect();"
                                + "  if (i.right > t.left && i.left < t.right) out.push(label.textContent + ': icon ' + i.left + '-' + i.right + ', text ' + t.left + '-' + t.right);"
                                + "});"
                                + "return out;");
    }

    private String treeText() {
        return browser.findElement(By.id("preview:tree")).getText()
                + js(
                        "return Array.from(document.querySelectorAll('#preview\\\\:tree textarea, #preview\\\\:tree input')).map(function (t) { return t.value; }).join('|');");
    }

    private void typeInto(String id, String text) {
        typeInto(browser.findElement(By.id(id)), text);
    }

    private void typeInto(WebElement e, String text) {
        e.clear();
        e.sendKeys(text);
    }

    private void typeNumber(String id, String value) {
        WebElement e = browser.findElement(By.id(id + "_input"));
        e.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        e.sendKeys(value, Keys.TAB);
    }

    private void fits(Dimension size) {
        long inner = ((Number) js("return window.innerWidth;")).longValue();
        long scroll = ((Number) js("return document.documentElement.scrollWidth;")).longValue();
        assertThat(scroll)
                .as(text("page-title") + " at " + size.width + " px scrolls sideways")
                .isLessThanOrEqualTo(inner);
    }

    private void shoot(String name, Dimension size) throws Exception {
        shoot(SHOTS, name, size);
    }

    // ---- timings

    /** Opens a page by its address; the time is the browser's navigation start → load event. */
    private void page(String name, String path, String title) {
        go(path, title);
        timings.add(new String[] {name, "打开页面", loadTime()});
    }

    /** A click that loads a new page (a full post or a link). */
    private void navigation(String name, String action, Runnable click, String title) {
        String before = browser.getCurrentUrl();
        WebElement old = browser.findElement(By.tagName("html"));
        click.run();
        wait.until(ExpectedConditions.stalenessOf(old));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));
        wait.until(d -> "complete".equals(js("return document.readyState;")));
        if (title != null) titleIs(title);
        timings.add(new String[] {name, action + "（整页）", loadTime()});
        assertThat(before).isNotNull();
    }

    /** An ajax action: the time from the click until the page shows its result. */
    private void ajax(
            String name, String action, Runnable click, Function<WebDriver, Boolean> done) {
        long start = System.nanoTime();
        click.run();
        wait.until(done::apply);
        timings.add(
                new String[] {
                    name, action + "（ajax）", Timings.ms((System.nanoTime() - start) / 1e6)
                });
    }

    private String loadTime() {
        Number ms =
                (Number)
                        js(
                                "var n = performance.getEntriesByType('navigation')[0];"
                                        + "return n ? (n.loadEventEnd > 0 ? n.loadEventEnd : n.domContentLoadedEventEnd) - n.startTime : -1;");
        return Timings.ms(ms.doubleValue());
    }

    private void printTimings() {
        StringBuilder out = new StringBuilder("\nJOURNEY TIMINGS (ms)\n");
        out.append(String.format("%-12s %-16s %10s%n", "页面", "动作", "毫秒"));
        for (String[] t : timings)
            out.append(String.format("%-12s %-16s %10s%n", t[0], t[1], t[2]));
        System.out.println(out);
    }
}
