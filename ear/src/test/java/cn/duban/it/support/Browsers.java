package cn.duban.it.support;

import cn.duban.devstack.KeycloakServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the browser tests (the one place it is set up), with the browser console
 * and the network log (every URL requested, redirects included) kept for the test to read. CI
 * installs Debian's chromium (see .ci/run); elsewhere a test without it is skipped.
 */
public final class Browsers {

    public static final String APP = "http://localhost:" + TestStack.HTTP_PORT;
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browsers() {}

    public static ChromeDriver open() {
        return open(1280, 900);
    }

    public static ChromeDriver open(int width, int height) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=" + width + "," + height,
                "--lang=zh-CN");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER.toFile())
                        .build();
        return new ChromeDriver(service, options);
    }

    public static void close(WebDriver browser, String name) throws Exception {
        if (browser == null) return;
        Path shots = Path.of("target/screenshots");
        Files.createDirectories(shots);
        Files.write(
                shots.resolve(name + "-last.png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        browser.quit();
    }

    /** Logs in through Keycloak's own login form, starting at the application. */
    public static void login(WebDriver browser, String user) {
        submitLogin(browser, user, KeycloakServer.DEMO_PASSWORD);
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));
    }

    /**
     * Fills in and sends Keycloak's login form, starting at the application (the one login of the
     * browser tests; what follows, a page or a password change, is the caller's to wait for).
     */
    public static void submitLogin(WebDriver browser, String user, String password) {
        browser.get(APP + "/");
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
    }

    /**
     * The value of the session cookie, to send the browser's own session from a plain HTTP client.
     */
    public static String sessionCookie(WebDriver browser) {
        return "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue();
    }

    /**
     * Waits until the page is at rest: no Ajax request in flight or queued and no element being
     * animated. A widget replaced by an Ajax update while a click or a window resize is still being
     * handled throws inside PrimeFaces; a person never acts that fast, a test must not either.
     */
    public static void settled(WebDriver browser) {
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(
                        b ->
                                (Boolean)
                                        ((JavascriptExecutor) b)
                                                .executeScript(
                                                        "return document.readyState === 'complete'"
                                                                + " && (!window.jQuery || (jQuery.active === 0"
                                                                + " && jQuery(':animated').length === 0))"
                                                                + " && (!window.PrimeFaces || !PrimeFaces.ajax"
                                                                + " || PrimeFaces.ajax.Queue.isEmpty());"));
    }

    /**
     * Picks an option of a PrimeFaces select menu as a user does: brings the menu to the middle of
     * the window, opens it, waits until its panel has stopped moving, clicks the option, and tries
     * again (as a user would, at most five times) if {@code done} does not come. A click that lands
     * while the panel still fades in is lost; a panel that scrolling closes (PrimeFaces hides
     * overlays on scroll) leaves an option that cannot be clicked.
     */
    public static void choose(
            WebDriver browser, String menuId, String label, ExpectedCondition<?> done) {
        By option = By.cssSelector("[id='" + menuId + "_panel'] li[data-label='" + label + "']");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        for (int attempt = 1; ; attempt++) {
            try {
                settled(browser);
                WebElement menu = browser.findElement(By.id(menuId));
                js.executeScript("arguments[0].scrollIntoView({block: 'center'});", menu);
                settled(browser);
                if (!browser.findElement(By.id(menuId + "_panel")).isDisplayed())
                    menu.findElement(By.cssSelector(".ui-selectonemenu-trigger")).click();
                WebElement item =
                        new WebDriverWait(browser, Duration.ofSeconds(10))
                                .until(ExpectedConditions.visibilityOfElementLocated(option));
                new WebDriverWait(browser, Duration.ofSeconds(10))
                        .until(
                                b ->
                                        (Boolean)
                                                js.executeScript(
                                                        "return !window.jQuery || !jQuery(document.getElementById(arguments[0] + '_panel')).is(':animated');",
                                                        menuId));
                item.click();
                new WebDriverWait(browser, Duration.ofSeconds(20)).until(done);
                settled(browser);
                return;
            } catch (org.openqa.selenium.TimeoutException
                    | org.openqa.selenium.ElementNotInteractableException
                    | org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 5) throw e;
            }
        }
    }

    /**
     * Answers yes in the PrimeFaces confirmation dialog that just opened: waits until it has
     * stopped fading in (a click during the fade is lost), clicks, and clicks again while it stays
     * open.
     */
    public static void confirm(WebDriver browser) {
        By yes = By.cssSelector(".ui-confirm-dialog .ui-confirmdialog-yes");
        for (int attempt = 1; ; attempt++) {
            WebElement button =
                    new WebDriverWait(browser, Duration.ofSeconds(20))
                            .until(ExpectedConditions.elementToBeClickable(yes));
            settled(browser);
            try {
                button.click();
                new WebDriverWait(browser, Duration.ofSeconds(5))
                        .until(ExpectedConditions.invisibilityOfElementLocated(yes));
                return;
            } catch (org.openqa.selenium.TimeoutException
                    | org.openqa.selenium.ElementNotInteractableException
                    | org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 3) throw e;
            }
        }
    }

    /** Console messages since the last call (Chromium reports every CSP violation there). */
    public static List<String> console(WebDriver browser) {
        List<String> out = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER))
            out.add(e.getLevel() + " " + e.getMessage());
        return out;
    }

    /** The raw DevTools network events since the last call (JSON, one per entry). */
    public static List<String> network(WebDriver browser) {
        List<String> out = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.PERFORMANCE)) {
            if (e.getMessage().contains("\"Network.")) out.add(e.getMessage());
        }
        return out;
    }
}
