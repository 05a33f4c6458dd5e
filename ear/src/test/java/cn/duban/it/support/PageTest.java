package cn.duban.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
}
