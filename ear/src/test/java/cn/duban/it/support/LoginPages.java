package cn.duban.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.devstack.KeycloakServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Keycloak's login pages as the browser tests open them (LoginThemeIT, ProvincialLoginIT): the
 * window sizes, the URL the application sends a browser to, waits, the no-sideways-scrolling check
 * and screenshots in ear/target/screenshots.
 */
public final class LoginPages {

    /** A phone and a desktop. */
    public static final List<Dimension> SIZES =
            List.of(new Dimension(390, 844), new Dimension(1440, 900));

    private LoginPages() {}

    /**
     * Where a browser lands when the application sends it to log in, with extra query parameters
     * (e.g. {@code &ui_locales=en}).
     */
    public static String loginUrl(String extra) {
        return TestStack.issuer()
                + "/protocol/openid-connect/auth?response_type=code&scope=openid&client_id="
                + KeycloakServer.CLIENT_ID
                + "&redirect_uri="
                + URLEncoder.encode(Browsers.APP + "/app/", StandardCharsets.UTF_8)
                + extra;
    }

    public static void waitFor(WebDriver b, String id) {
        waitFor(b, By.id(id));
    }

    public static void waitFor(WebDriver b, By by) {
        new WebDriverWait(b, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /** The page does not scroll sideways on that window (the widths are printed as LOGIN lines). */
    public static void assertFits(WebDriver b, Dimension size) {
        JavascriptExecutor js = (JavascriptExecutor) b;
        long page =
                ((Number) js.executeScript("return document.documentElement.scrollWidth;"))
                        .longValue();
        long window =
                ((Number) js.executeScript("return document.documentElement.clientWidth;"))
                        .longValue();
        System.out.printf(
                "LOGIN %dx%d page %d px wide, window %d px%n",
                size.width, size.height, page, window);
        assertThat(page).as(size.width + ": the page scrolls sideways").isLessThanOrEqualTo(window);
    }

    /** A full-page screenshot, target/screenshots/name.png. */
    public static void shoot(WebDriver b, String name) throws Exception {
        Path shots = Path.of("target/screenshots");
        Files.createDirectories(shots);
        Files.write(
                shots.resolve(name + ".png"),
                ((TakesScreenshot) b).getScreenshotAs(OutputType.BYTES));
    }
}
