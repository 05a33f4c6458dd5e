package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.it.support.PageTest;
import cn.duban.it.support.Plans;
import cn.duban.it.support.ProgressReports;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The pages at a phone size (390×844) and a desktop size (1440×900), as a town's reporter, the
 * district office and a leader see them (issue 16, items 2, 3 and 8): no sideways scrolling, the
 * task titles readable, the menu button opening the navigation, the large-text mode, visible
 * keyboard focus, WCAG AA contrast and typed dates kept. Full-page screenshots go to
 * /tmp/duban-shots/ for a person to look at.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ResponsivePagesIT extends PageTest {

    private static final Path SHOTS = Path.of("/tmp/duban-shots");

    static String planId;
    static JsonObject cslTask;
    static JsonObject reportedTask;

    @BeforeAll
    static void aPublishedPlanWithAReport() {
        planId =
                Plans.saved("pt-admin", Plans.dueSoon("手机页"), "responsive-pages.txt")
                        .getString("id");
        assertThat(
                        Api.post(
                                        "pt-admin",
                                        "/plans/" + planId + "/publication",
                                        "{\"allowOpen\":true}")
                                .status())
                .isEqualTo(200);
        // Two tasks for 长寿路街道: it leads one (the report form stays open) and co-operates on
        // the other, reported and awaiting review.
        for (JsonValue t :
                Api.get("pt-csl", "/tasks?plan=" + planId).json().getJsonArray("items")) {
            if ("LEAD".equals(t.asJsonObject().getString("role"))) cslTask = t.asJsonObject();
            else reportedTask = t.asJsonObject();
        }
        String report =
                Api.post(
                                "pt-csl",
                                "/tasks/" + reportedTask.getString("id") + "/reports",
                                "{\"text\":\"已完成四成，正在推进。\",\"percent\":40}")
                        .json()
                        .getString("id");
        assertThat(ProgressReports.submit("pt-csl", report, null).status()).isEqualTo(200);
    }

    // ---- item 2: the reporter's pages on a phone and a desk

    @Test
    void theReportersPagesFitAPhoneAndADesktop() throws Exception {
        String title = cslTask.getString("title");
        String task = "/app/task.xhtml?id=" + cslTask.getString("id");
        open(DESKTOP);
        login("pt-csl");
        for (Dimension size : List.of(PHONE, DESKTOP)) {
            resize(size);
            go("/app/unit/index.xhtml", "我的任务");
            assertThat(browser.findElement(By.id("my-unit")).getText()).isEqualTo("长寿路街道");
            WebElement link = browser.findElement(By.xpath("//a[contains(., '" + title + "')]"));
            assertThat(link.getText()).isEqualTo(title);
            assertThat(link.getRect().getWidth())
                    .as(size.width + ": width of the task title on 我的任务")
                    .isGreaterThan(100);
            assertThat(browser.findElement(By.id("mine")).getText()).contains("40%");
            assertMenu(size, "nav-mine");
            fits(size, "mine");

            go(task, title);
            assertThat(browser.findElement(By.id("task-unit")).getText()).contains("长寿路街道");
            WebElement file = browser.findElement(By.cssSelector("#evidence input[type=file]"));
            assertThat(file.getAttribute("accept"))
                    .as("the phone offers its camera and its files")
                    .contains("image/*")
                    .contains("application/pdf");
            assertThat(iconsOverText())
                    .as(size.width + ": upload buttons whose icon covers their label")
                    .isEmpty();
            fits(size, "task");
            go(
                    "/app/task.xhtml?id=" + reportedTask.getString("id"),
                    reportedTask.getString("title"));
            assertThat(browser.findElement(By.id("reports")).getText()).contains("已完成四成，正在推进。");
            if (size == PHONE) reflowedCards(SHOTS, "reports:reportTable", "状态");
            fits(size, "task-reported");

            go("/app/inbox.xhtml", "消息");
            fits(size, "inbox");
            go("/app/circulars.xhtml", "工作通报");
            fits(size, "circulars");
            go("/app/score.xhtml", "考核得分明细");
            fits(size, "score");
        }
    }

    @Test
    void theAdminAndLeaderPagesWorkOnADeskATabletAndAPhone() throws Exception {
        open(DESKTOP);
        login("pt-admin");
        for (Dimension size : List.of(DESKTOP, TABLET, PHONE)) {
            resize(size);
            go("/app/admin/index.xhtml", "区府办工作台");
            assertThat(browser.findElement(By.id("tenant-name")).getText()).isEqualTo("普陀区");
            assertMenu(size, "nav-review");
            fits(size, "admin");
            go("/app/admin/review.xhtml", "待审核");
            assertThat(browser.findElement(By.id("pending")).getText()).contains("长寿路街道");
            fits(size, "review");
            // The ledger and the evaluation scheme are desk work: a desk and a tablet.
            if (size == PHONE) continue;
            go("/app/ledger.xhtml?plan=" + planId, "任务台账");
            assertThat(browser.findElement(By.tagName("main")).getText())
                    .contains(cslTask.getString("title"));
            fits(size, "ledger");
            go("/app/admin/evaluation.xhtml", "考核管理");
            fits(size, "evaluation");
        }
        logout();
        login("pt-leader");
        for (Dimension size : List.of(DESKTOP, TABLET, PHONE)) {
            resize(size);
            go("/app/leader/index.xhtml", "领导驾驶舱");
            assertMenu(size, "nav-dashboard");
            fits(size, "leader");
        }
    }

    // ---- item 3: a typed date is kept

    @Test
    void aTypedDateIsKeptAndAMissingOneIsExplained() throws Exception {
        String id = cslTask.getString("id");
        java.time.LocalDate day = Plans.TODAY.plusDays(61);
        open(PHONE);
        login("pt-admin");
        go("/app/task.xhtml?id=" + id, cslTask.getString("title"));
        browser.findElement(By.id("manage:changeDeadline")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("growl_container"), "请填写日期"));
        WebElement input = browser.findElement(By.id("manage:deadline_input"));
        input.sendKeys(Plans.full(day));
        browser.findElement(By.id("manage:reason")).sendKeys("手机页改期测试");
        System.out.println("TYPED DATE input value: " + input.getAttribute("value"));
        shoot(SHOTS, "typed-date", PHONE);
        browser.findElement(By.id("manage:changeDeadline")).click();
        wait.until(
                d ->
                        Api.get("pt-admin", "/tasks/" + id)
                                .json()
                                .getJsonObject("task")
                                .getString("deadline")
                                .equals(day.toString()));
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("task-deadline"), day.toString()));

        // The unit asks for more time with a date typed as 2026-12-31.
        logout();
        login("pt-csl");
        go("/app/task.xhtml?id=" + id, cslTask.getString("title"));
        java.time.LocalDate later = day.plusDays(10);
        browser.findElement(By.id("report:extDate_input")).sendKeys(later.toString());
        browser.findElement(By.id("report:extReason")).sendKeys("手机页延期测试");
        browser.findElement(By.id("report:requestExtension")).click();
        wait.until(
                d ->
                        Api.get("pt-csl", "/tasks/" + id).json().getJsonArray("extensions").stream()
                                .map(JsonValue::asJsonObject)
                                .anyMatch(
                                        e ->
                                                e.getString("requestedDate")
                                                        .equals(later.toString())));
    }

    // ---- item 8: large text, visible focus, contrast

    @Test
    void largeTextIsRememberedFocusIsVisibleAndTextHasContrast() throws Exception {
        open(DESKTOP);
        login("pt-csl");
        go("/app/unit/index.xhtml", "我的任务");
        double before = fontSize("#my-unit");
        browser.findElement(By.id("text-size")).click();
        wait.until(d -> fontSize("#my-unit") >= before * 1.2);
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));
        assertThat(fontSize("#my-unit")).as("large text is remembered").isGreaterThan(before);
        assertThat(fontSize("#page-title")).isGreaterThan(fontSize("#my-unit"));
        resize(PHONE);
        fits(PHONE, "large-text");
        resize(DESKTOP);
        browser.findElement(By.id("text-size")).click();
        wait.until(d -> Math.abs(fontSize("#my-unit") - before) < 0.5);

        // Keyboard focus: every stop of the first twelve Tab presses shows a clear outline.
        browser.findElement(By.tagName("body")).click();
        List<String> unseen = new ArrayList<>();
        int stops = 0;
        for (int i = 0; i < 12; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            Map<?, ?> focus =
                    (Map<?, ?>)
                            js(
                                    "var e = document.activeElement, s = getComputedStyle(e);"
                                            + "return {id: e.id + ' ' + e.tagName + ' ' + (e.textContent || '').trim().slice(0, 20),"
                                            + " style: s.outlineStyle, width: parseFloat(s.outlineWidth) || 0, shadow: s.boxShadow};");
            if (((String) focus.get("id")).contains("BODY")) continue; // nothing focused yet
            stops++;
            boolean outlined =
                    !"none".equals(focus.get("style"))
                            && ((Number) focus.get("width")).doubleValue() >= 2;
            if (!outlined) unseen.add(focus.toString());
        }
        assertThat(stops).as("elements reached with Tab").isGreaterThanOrEqualTo(8);
        assertThat(unseen).as("focused elements without a visible outline").isEmpty();

        List<String> low = new ArrayList<>();
        for (String[] page :
                List.of(
                        new String[] {"/app/unit/index.xhtml", "我的任务"},
                        new String[] {"/app/task.xhtml?id=" + cslTask.getString("id"), null},
                        new String[] {"/app/inbox.xhtml", "消息"},
                        new String[] {"/app/circulars.xhtml", "工作通报"},
                        new String[] {"/app/score.xhtml", "考核得分明细"},
                        new String[] {"/app/ledger.xhtml", "任务台账"})) {
            go(page[0], page[1] == null ? cslTask.getString("title") : page[1]);
            low.addAll(lowContrast(page[0]));
        }
        low.forEach(l -> System.out.println("CONTRAST " + l));
        assertThat(low).as("text below WCAG AA contrast").isEmpty();
    }

    // ---- checks

    /**
     * At a phone size the navigation is behind the menu button, which opens it; on a desk the
     * navigation shows and the button does not.
     */
    private void assertMenu(Dimension size, String navLink) {
        WebElement toggle = browser.findElement(By.id("menu-toggle"));
        if (size.width <= 860) {
            assertThat(browser.findElement(By.id(navLink)).isDisplayed())
                    .as(size.width + ": navigation collapsed")
                    .isFalse();
            assertThat(toggle.isDisplayed()).isTrue();
            toggle.click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(navLink)));
            assertThat(browser.findElement(By.id(navLink)).getRect().getWidth())
                    .as("menu entries are full width")
                    .isGreaterThan(size.width / 2);
            toggle.click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id(navLink)));
        } else {
            assertThat(toggle.isDisplayed()).as(size.width + ": no menu button").isFalse();
            assertThat(browser.findElement(By.id(navLink)).isDisplayed()).isTrue();
        }
    }

    /**
     * The visible buttons whose icon is drawn over their label's text (PrimeFaces centres the icon
     * of an upload button below 40em, where it hides the label that Duban shows).
     */
    @SuppressWarnings("unchecked")
    private List<String> iconsOverText() {
        return (List<String>)
                js(
                        """
                        var out = [];
                        document.querySelectorAll('.ui-button').forEach(function (b) {
                          var icon = b.querySelector('.ui-icon'), text = b.querySelector('.ui-button-text');
                          if (!icon || !text || !text.firstChild || b.offsetParent === null) return;
                          var range = document.createRange(); range.selectNodeContents(text);
                          var t = range.getBoundingClientRect(), i = icon.getBoundingClientRect();
                          if (t.width === 0 || i.width === 0) return;
                          if (i.left < t.right && t.left < i.right && i.top < t.bottom && t.top < i.bottom)
                            out.push(text.textContent.trim());
                        });
                        return out;
                        """);
    }

    /** No sideways scrolling, and a full-page screenshot to look at. */
    private void fits(Dimension size, String name) throws Exception {
        long inner = ((Number) js("return window.innerWidth;")).longValue();
        long scroll = ((Number) js("return document.documentElement.scrollWidth;")).longValue();
        System.out.printf(
                "RESPONSIVE %s at %d: page %d px, window %d px%n", name, size.width, scroll, inner);
        shoot(SHOTS, name, size);
        assertThat(inner).as("window width").isLessThanOrEqualTo(size.width);
        assertThat(scroll)
                .as(name + " at " + size.width + " px scrolls sideways")
                .isLessThanOrEqualTo(inner);
    }

    private double fontSize(String selector) {
        return ((Number)
                        js(
                                "return parseFloat(getComputedStyle(document.querySelector(arguments[0])).fontSize);",
                                selector))
                .doubleValue();
    }

    /**
     * Visible text whose colour has less than 4.5:1 contrast (3:1 for large text) with the
     * background it is drawn on (the first opaque background up the tree, translucent ones
     * blended).
     */
    @SuppressWarnings("unchecked")
    private List<String> lowContrast(String page) {
        return (List<String>)
                js(
                        """
                        function rgba(c) {
                          var m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return [255, 255, 255, 1];
                          var p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(parseFloat);
                          return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
                        }
                        function over(top, bottom) {
                          var a = top[3];
                          return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
                        }
                        function background(e) {
                          var layers = [];
                          for (var n = e; n && n.nodeType === 1; n = n.parentElement) {
                            var c = rgba(getComputedStyle(n).backgroundColor);
                            if (c[3] > 0) layers.push(c);
                            if (c[3] >= 1) break;
                          }
                          var out = [255, 255, 255, 1];
                          for (var i = layers.length - 1; i >= 0; i--) out = over(layers[i], out);
                          return out;
                        }
                        function lum(c) {
                          var v = c.slice(0, 3).map(function (x) { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
                          return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
                        }
                        var out = [], seen = new Set();
                        var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                        for (var t = walker.nextNode(); t; t = walker.nextNode()) {
                          if (!t.nodeValue.trim()) continue;
                          var e = t.parentElement;
                          if (seen.has(e)) continue; seen.add(e);
                          if (e.closest('script, style, option, .ui-helper-hidden-accessible, [aria-hidden=true]')) continue;
                          if (e.closest('[disabled], .ui-state-disabled')) continue;
                          var r = e.getBoundingClientRect(), s = getComputedStyle(e);
                          if (r.width < 1 || r.height < 1 || s.visibility !== 'visible' || parseFloat(s.opacity) === 0) continue;
                          var bg = background(e), fg = over(rgba(s.color), bg);
                          var a = lum(fg), b = lum(bg), ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                          var size = parseFloat(s.fontSize), bold = parseInt(s.fontWeight, 10) >= 700;
                          var need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
                          if (ratio < need) out.push(arguments[0] + ' ' + e.tagName + '.' + e.className + ' "' + t.nodeValue.trim().slice(0, 24) + '" ' + ratio.toFixed(2) + ' (' + s.color + ' on ' + bg.slice(0, 3).map(Math.round) + ')');
                        }
                        return out;
                        """,
                        page);
    }
}
