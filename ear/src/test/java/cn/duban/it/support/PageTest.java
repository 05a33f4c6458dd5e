package cn.duban.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The base of the browser tests that walk the pages: the deployment, one headless Chromium per test
 * at a chosen size (quit after the test), login and logout through Keycloak's form, the usual waits
 * and full-page screenshots. Subclasses carry {@code @ExtendWith(ArquillianExtension.class)} and
 * {@code @RunAsClient}.
 */
public abstract class PageTest {

    public static final Dimension PHONE = new Dimension(390, 844);
    public static final Dimension TABLET = new Dimension(768, 1024);
    public static final Dimension DESKTOP = new Dimension(1440, 900);

    protected ChromeDriver browser;
    protected WebDriverWait wait;

    @Deployment(testable = false)
    public static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    /** Opens the browser at this window size (a test opens one; it is quit after the test). */
    protected void open(Dimension size) {
        browser = Browsers.open(size.width, size.height);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // A condition that reads an element an ajax update is replacing is asked again.
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    protected void quitBrowser() {
        if (browser != null) browser.quit();
        browser = null;
    }

    /** Logs in on Keycloak's form and waits for the user's first page. */
    protected void login(String user) {
        Browsers.login(browser, user);
    }

    /** Logs out (a POST from the layout's button; GET /logout answers 405). */
    protected void logout() {
        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    }

    /** Opens a page of the application and checks its title, if one is given. */
    protected void go(String path, String title) {
        browser.get(Browsers.APP + path);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));
        if (title != null) {
            assertThat(browser.findElement(By.id("page-title")).getText()).contains(title);
        }
    }

    /** Waits until the page title is exactly this. */
    protected void titleIs(String title) {
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), title));
    }

    protected String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    protected void resize(Dimension size) throws InterruptedException {
        browser.manage().window().setSize(size);
        Thread.sleep(200);
    }

    protected Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /**
     * The whole page at this width in {@code dir/name-width.png}, the window made as tall as the
     * document for the shot, then put back.
     */
    protected Path shoot(Path dir, String name, Dimension size) throws Exception {
        Dimension now = browser.manage().window().getSize();
        long height = ((Number) js("return document.documentElement.scrollHeight;")).longValue();
        browser.manage()
                .window()
                .setSize(
                        new Dimension(
                                now.width, (int) Math.min(5000, Math.max(size.height, height))));
        Thread.sleep(250);
        Files.createDirectories(dir);
        Path file = dir.resolve(name + "-" + size.width + ".png");
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(now);
        Thread.sleep(100);
        return file;
    }

    /**
     * A reflowed table reads as cards at 390 px and at 800 px (both under the 860 px phone and
     * tablet layout): no header row or its lines above the first card, the first row at the table's
     * top and holding its cells, each cell labelled with its column's title, and no sideways
     * scrolling. Both widths are measured and shot ({@code reflow-390.png}, {@code reflow-800.png}
     * in {@code shots}) before anything is asserted, so a failure shows the figures of both.
     */
    @SuppressWarnings("unchecked")
    protected void reflowedCards(Path shots, String tableId, String firstTitle) throws Exception {
        Dimension upright = new Dimension(800, 1000);
        resize(upright); // a window opened at 390 px may be held at Chrome's 500 px minimum
        resize(PHONE);
        Map<String, Object> phone = reflowFigures(tableId);
        assertThat(((Number) phone.get("width")).longValue()).as("phone window").isEqualTo(390);
        System.out.println("REFLOW " + tableId + " at 390: " + phone);
        shoot(shots, "reflow", PHONE);
        resize(upright);
        Map<String, Object> tablet = reflowFigures(tableId);
        System.out.println("REFLOW " + tableId + " at 800: " + tablet);
        shoot(shots, "reflow", upright);
        resize(PHONE);
        for (Map<String, Object> f : List.of(phone, tablet)) {
            String at = tableId + " at " + f.get("width") + " px: ";
            assertThat(((Number) f.get("headHeight")).doubleValue())
                    .as(at + "height of the header rows (" + f.get("headDisplay") + ")")
                    .isZero();
            assertThat(((Number) f.get("rowOffset")).doubleValue())
                    .as(at + "first row's top below the table's top")
                    .isLessThanOrEqualTo(1.0);
            assertThat(((Number) f.get("bodyOffset")).doubleValue())
                    .as(at + "first row's top below the table body's top")
                    .isLessThanOrEqualTo(1.0);
            // A row that does not hold its cells (floated) draws its padding and bottom line as a
            // strip above the card, the cells hanging below it on the page.
            assertThat(((Number) f.get("cellsOutside")).doubleValue())
                    .as(at + "cells below the bottom of their row (" + f.get("rowHeight") + " px)")
                    .isLessThanOrEqualTo(1.0);
            List<String> titles = (List<String>) f.get("titles");
            assertThat(titles).as(at + "column titles shown in the first card").isNotEmpty();
            assertThat(titles.get(0)).as(at + "first cell's title").isEqualTo(firstTitle);
            assertThat(titles)
                    .as(at + "cell titles against the header")
                    .isEqualTo(f.get("headers"));
            assertThat(((Number) f.get("scroll")).longValue())
                    .as(at + "page width")
                    .isLessThanOrEqualTo(((Number) f.get("width")).longValue());
        }
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> reflowFigures(String tableId) {
        return (Map<String, Object>)
                js(
                        """
                        var box = document.getElementById(arguments[0]);
                        var table = box.querySelector('table'), thead = table.querySelector('thead');
                        var body = table.querySelector('tbody.ui-datatable-data'), row = body.querySelector('tr');
                        var headHeight = 0, headDisplay = 'none', headers = [];
                        if (thead) {
                          headDisplay = getComputedStyle(thead).display;
                          headHeight = thead.getBoundingClientRect().height;
                          thead.querySelectorAll('tr').forEach(function (r) {
                            headHeight = Math.max(headHeight, r.getBoundingClientRect().height); });
                          thead.querySelectorAll('th').forEach(function (th) { headers.push(th.textContent.trim()); });
                        }
                        var titles = [];
                        row.querySelectorAll('td[role=gridcell]').forEach(function (td) {
                          var r = td.getBoundingClientRect();
                          if (r.width < 1 || r.height < 1) return;
                          var t = td.querySelector('.ui-column-title');
                          var shown = t && getComputedStyle(t).display !== 'none' && t.getBoundingClientRect().width > 0;
                          titles.push(shown ? t.textContent.trim() : '');
                        });
                        var rowBox = row.getBoundingClientRect(), cellsBottom = rowBox.top;
                        row.querySelectorAll('td[role=gridcell]').forEach(function (td) {
                          var r = td.getBoundingClientRect();
                          if (r.height >= 1) cellsBottom = Math.max(cellsBottom, r.bottom); });
                        var top = rowBox.top;
                        return {width: window.innerWidth, headDisplay: headDisplay, headHeight: headHeight,
                          rowOffset: top - table.getBoundingClientRect().top,
                          bodyOffset: top - body.getBoundingClientRect().top,
                          boxOffset: top - box.getBoundingClientRect().top,
                          rowHeight: rowBox.height, cellsOutside: cellsBottom - rowBox.bottom,
                          titles: titles, headers: headers,
                          scroll: document.documentElement.scrollWidth};
                        """,
                        tableId);
    }
}
