package cn.duban.it.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A browser session for the people tests: Browsers.open, with screenshots on close. */
public final class Browser implements AutoCloseable {

    public final WebDriver driver;
    public final WebDriverWait wait;
    private final String name;

    private Browser(WebDriver driver, String name) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        this.name = name;
    }

    /**
     * A browser, or the test is skipped outside CI where Chromium is not installed (CI installs
     * it).
     */
    public static Browser open(String name) {
        return new Browser(Browsers.open(), name);
    }

    public void go(String path) {
        driver.get("http://localhost:" + TestStack.HTTP_PORT + path);
    }

    /** Logs in on Keycloak's form (the application redirects there). */
    public void login(String username, String password) {
        Browsers.submitLogin(driver, username, password);
    }

    @Override
    public void close() throws Exception {
        Path shots = Path.of("target/screenshots");
        Files.createDirectories(shots);
        Files.write(
                shots.resolve(name + ".png"),
                ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        driver.quit();
    }
}
