package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.it.support.Browsers;
import cn.duban.it.support.Deployments;
import cn.duban.it.support.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Script in names, in a real browser: units and ranking groups named like script are shown on the
 * leader dashboard as text and never run (escaping), an injected script does not run even where
 * escaping is gone (Content-Security-Policy), and the pages work under that policy. Three years
 * ahead, so the new units are unscored in every period other tests look at.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityBrowserIT {

    static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + 3;

    /** Closes the chart's script and opens one of its own (38 characters: the column holds 40). */
    static final String SCRIPT_GROUP = "</script><script>__dubanXss=1</script>";

    /** Leaves an attribute and adds an element with a handler. */
    static final String ATTRIBUTE_GROUP = "\"><img src=x onerror=__dubanXss=2>";

    static final String SCRIPT_UNIT = "<img src=x onerror=__dubanXss=3>脚本局";
    static final String ATTRIBUTE_UNIT = "\"'><svg onload=__dubanXss=4>引号镇";

    static String circular;
    static String plan;
    private ChromeDriver browser;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeAll
    static void unitsNamedLikeScript() {
        createUnit("xss-script", SCRIPT_UNIT, "DEPARTMENT", SCRIPT_GROUP);
        createUnit("xss-attribute", ATTRIBUTE_UNIT, "TOWN", ATTRIBUTE_GROUP);
        String text =
                YEAR + "年普陀区页面安全测试工作要点\n一、安全\n1.开展页面安全测试。（责任单位：长寿路街道；完成时限：" + YEAR + "年6月30日前）\n";
        plan = Plans.saved("pt-admin", text, "page-security.txt").getString("id");
        assertThat(Api.post("pt-admin", "/plans/" + plan + "/publication", "{}").status())
                .isEqualTo(200);
        Reply scheme =
                Api.post(
                        "pt-admin",
                        "/evaluation/schemes",
                        "{\"year\":"
                                + YEAR
                                + ",\"type\":\"COMPLETION\",\"planWeight\":5,"
                                + "\"indicators\":[{\"name\":\"页面安全\",\"points\":100,\"target\":\"PLAN\",\"targetId\":\""
                                + plan
                                + "\"}]}");
        assertThat(scheme.status()).as(scheme.body()).isEqualTo(201);
        Reply draft = Api.post("pt-admin", "/circulars", "{\"period\":\"" + YEAR + "\"}");
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        circular = draft.json().getString("id");
    }

    @AfterEach
    void close() throws Exception {
        Browsers.close(browser, "security-browser-it");
    }

    @Test
    void namesLikeScriptAreShownAsTextOnTheLeaderDashboard() {
        browser = Browsers.open();
        Browsers.login(browser, "pt-leader");
        openDashboard();

        assertThat(
                        js(
                                "return typeof window.__dubanXss === 'undefined' ? null : String(window.__dubanXss)"))
                .as("a name's script ran in the leader's browser")
                .isNull();
        // Escaping alone (whatever the policy does): no element was made from a name.
        assertThat(
                        js(
                                "return [...document.scripts].filter(s => s.textContent.includes('__dubanXss')).length"))
                .isEqualTo(0L);
        assertThat(js("return document.querySelectorAll('img[onerror], svg[onload]').length"))
                .isEqualTo(0L);

        List<String> headings =
                browser.findElements(By.cssSelector("section.duban-group h2")).stream()
                        .map(WebElement::getText)
                        .toList();
        assertThat(headings).contains(SCRIPT_GROUP, ATTRIBUTE_GROUP);
        assertThat(browser.findElement(By.linkText(SCRIPT_UNIT)).getText()).isEqualTo(SCRIPT_UNIT);
        assertThat(browser.findElement(By.linkText(ATTRIBUTE_UNIT)).getText())
                .isEqualTo(ATTRIBUTE_UNIT);
        // The charts got the names as data and were drawn under the policy.
        assertThat(
                        js(
                                "return [...document.querySelectorAll('canvas[data-chart]')]"
                                        + ".map(c => JSON.parse(c.dataset.chart).data.datasets.map(d => d.label)).flat()"))
                .asList()
                .contains(SCRIPT_GROUP, ATTRIBUTE_GROUP);
        assertThat(
                        js(
                                "return [...document.querySelectorAll('canvas[data-chart]')].every(c => window.Chart.getChart(c) !== undefined)"))
                .isEqualTo(true);
        assertThat(Browsers.console(browser)).noneMatch(m -> m.contains("Content Security Policy"));
    }

    @Test
    void thePolicyAloneStopsAScriptThatEscapingLetThrough() {
        browser = Browsers.open();
        Browsers.login(browser, "pt-leader");
        openDashboard();

        // What the page would hold had the server written the group's name unescaped: a script
        // element without the response's nonce and an inline handler. Neither may run.
        @SuppressWarnings("unchecked")
        Map<String, Object> outcome =
                (Map<String, Object>)
                        ((JavascriptExecutor) browser)
                                .executeAsyncScript(
                                        """
                const done = arguments[arguments.length - 1];
                const violations = [];
                document.addEventListener('securitypolicyviolation', e => violations.push(e.effectiveDirective));
                document.body.appendChild(document.createRange().createContextualFragment(
                    '<script>window.__dubanInjected = "script";<\\/script><img src="data:," onerror="window.__dubanInjected = \\'handler\\'">'));
                const s = document.createElement('script');
                s.textContent = 'window.__dubanInjected = "element";';
                document.body.appendChild(s);
                setTimeout(() => done({injected: window.__dubanInjected === undefined ? null : window.__dubanInjected,
                                       violations: violations}), 1000);
                """);
        assertThat(outcome.get("injected")).as("an injected script ran").isNull();
        assertThat(((List<?>) outcome.get("violations")).stream().map(String::valueOf).toList())
                .as("violations reported")
                .contains("script-src-elem", "script-src-attr");
    }

    @Test
    void everyPageWorksUnderThePolicy() {
        browser = Browsers.open();
        Browsers.login(browser, "pt-admin");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        for (String page :
                List.of(
                        "/app/admin/index.xhtml",
                        "/app/admin/plans.xhtml",
                        "/app/admin/plan-import.xhtml",
                        "/app/admin/review.xhtml",
                        "/app/admin/audit.xhtml",
                        "/app/admin/evaluation.xhtml",
                        "/app/leader/index.xhtml?period=" + YEAR,
                        "/app/ledger.xhtml",
                        "/app/inbox.xhtml",
                        "/app/circulars.xhtml?year=" + YEAR,
                        "/app/circular.xhtml?id=" + circular)) {
            browser.get(Browsers.APP + page);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));
            assertThat(
                            js(
                                    "return typeof PrimeFaces === 'object' && typeof PrimeFaces.csp === 'object'"))
                    .as(page)
                    .isEqualTo(true);
            assertThat(Browsers.console(browser))
                    .as(page)
                    .noneMatch(
                            m -> m.contains("Content Security Policy") || m.contains("Refused to"));
        }
        // The circular's PDF preview is framed from the API (allowed: same origin).
        assertThat(browser.findElement(By.id("pdf-preview")).getAttribute("src"))
                .contains("/api/v1/circulars/" + circular);

        // An ajax form still works (PrimeFaces evaluates its answers with the nonce): the audit
        // check.
        browser.get(Browsers.APP + "/app/admin/audit.xhtml");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("verify:check"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), "哈希链完整"));
        // A select that reloads the page (data-navigate in duban.js instead of an inline onchange).
        browser.get(Browsers.APP + "/app/leader/index.xhtml");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("period")));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("period")))
                .selectByIndex(1);
        wait.until(ExpectedConditions.urlContains("?period="));
        assertThat(Browsers.console(browser))
                .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused to"));
    }

    @Test
    void dashboardAndTaskPageWorkOnPhoneAndDesktop() throws Exception {
        String task =
                Api.get("pt-admin", "/tasks?plan=" + plan)
                        .json()
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getString("id");
        Map<String, int[]> screens =
                Map.of("phone", new int[] {390, 844}, "desktop", new int[] {1280, 900});
        WebDriverWait wait;

        browser = Browsers.open();
        Browsers.login(browser, "pt-leader");
        for (var screen : screens.entrySet()) {
            emulate(screen.getValue()[0], screen.getValue()[1], screen.getKey().equals("phone"));
            // This year's demo scores: the charts a leader sees.
            browser.get(Browsers.APP + "/app/leader/index.xhtml");
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("eval-status")));
            assertThat(js("return document.querySelectorAll('canvas[data-chart]').length"))
                    .as(screen.getKey())
                    .isNotEqualTo(0L);
            assertThat(
                            js(
                                    "return [...document.querySelectorAll('canvas[data-chart]')].every(c => window.Chart.getChart(c) !== undefined"
                                            + " && c.clientWidth > 0 && c.clientHeight > 0)"))
                    .as(screen.getKey() + ": every chart drawn")
                    .isEqualTo(true);
            screenshot("leader-dashboard-" + screen.getKey());
            assertThat(Browsers.console(browser))
                    .as(screen.getKey())
                    .noneMatch(
                            m -> m.contains("Content Security Policy") || m.contains("Refused to"));
        }
        browser.quit();

        browser = Browsers.open();
        Browsers.login(browser, "pt-csl");
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        for (var screen : screens.entrySet()) {
            emulate(screen.getValue()[0], screen.getValue()[1], screen.getKey().equals("phone"));
            browser.get(Browsers.APP + "/app/task.xhtml?id=" + task);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report:text")));
            assertThat(
                            js(
                                    "return typeof PrimeFaces === 'object' && PrimeFaces.widgets['widget_report_percent'] !== undefined"))
                    .as(screen.getKey() + ": PrimeFaces widgets initialised under the policy")
                    .isEqualTo(true);
            screenshot("task-" + screen.getKey());
            assertThat(Browsers.console(browser))
                    .as(screen.getKey())
                    .noneMatch(
                            m -> m.contains("Content Security Policy") || m.contains("Refused to"));
        }
        // The submit button asks first (data-confirm in duban.js, no inline onclick); "cancel"
        // submits nothing.
        browser.findElement(By.id("report:text")).sendKeys("页面安全测试：取消报送。");
        browser.findElement(By.id("report:submit")).click();
        wait.until(ExpectedConditions.alertIsPresent()).dismiss();
        Thread.sleep(1500); // an ajax submit, had it gone out, answers well within this
        assertThat(
                        Api.get("pt-admin", "/tasks/" + task)
                                .json()
                                .getJsonObject("task")
                                .getString("status"))
                .isNotEqualTo("SUBMITTED");
        assertThat(browser.findElements(By.id("report:text")))
                .as("the form is still there: nothing was submitted")
                .isNotEmpty();
    }

    // ---- helpers

    /**
     * A phone or desktop viewport through DevTools (device pixel ratio 1, so screenshots stay
     * small).
     */
    private void emulate(int width, int height, boolean mobile) {
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    private void screenshot(String name) throws Exception {
        Path shots = Path.of("target/screenshots");
        Files.createDirectories(shots);
        Files.write(
                shots.resolve("security-" + name + ".png"),
                browser.getScreenshotAs(OutputType.BYTES));
    }

    private void openDashboard() {
        browser.get(Browsers.APP + "/app/leader/index.xhtml?period=" + YEAR);
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("eval-status")));
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static void createUnit(String code, String name, String kind, String group) {
        Reply created =
                Api.post(
                        "pt-admin",
                        "/units",
                        jakarta.json.Json.createObjectBuilder()
                                .add("code", code)
                                .add("name", name)
                                .add("kind", kind)
                                .add("rankingGroup", group)
                                .build()
                                .toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }
}
