package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A person logs in through Keycloak in headless Chromium and lands on their role's page. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private WebDriver browser;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void openBrowser() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        // CI installs Debian's chromium (see .ci/run); elsewhere the test needs it installed too.
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser == null) return;
        Path shots = Path.of("target/screenshots");
        Files.createDirectories(shots);
        Files.write(shots.resolve("browser-it-last.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        browser.quit();
    }

    @Test
    void townReporterLogsInAndSeesItsUnit() {
        login("pt-csl");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "单位工作台"));
        assertThat(browser.getCurrentUrl()).endsWith("/app/unit/index.xhtml");
        assertThat(browser.findElement(By.id("my-unit")).getText()).isEqualTo("长寿路街道");
        assertThat(browser.findElement(By.id("tenant-name")).getText()).isEqualTo("普陀区");
    }

    @Test
    void districtAdminLandsOnUnitsAndCanLogOut() {
        login("jd-admin");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "区府办工作台"));
        assertThat(browser.findElement(By.id("tenant-name")).getText()).isEqualTo("嘉定区");
        assertThat(browser.getPageSource()).contains("安亭镇").doesNotContain("长寿路街道");

        browser.findElement(By.id("lang:toggle")).click();
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "District office workspace"));

        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).contains("/realms/duban/");
    }

    @Test
    void districtAdminPastesAPlanChecksItAndSavesIt() {
        login("pt-admin");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "区府办工作台"));
        browser.get("http://localhost:" + TestStack.HTTP_PORT + "/app/admin/plan-import.xhtml");
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "导入工作要点"));
        browser.findElements(By.cssSelector(".ui-tabs-nav li")).get(1).click();
        WebElement text = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("source:tabs:text")));
        text.sendKeys("2025年桃浦镇安全生产工作要点\n一、压实责任\n1.开展安全生产大检查。（责任单位：桃浦镇、某新设机构，完成时限：6月底前）\n"
                + "2.组织应急演练，年内至少1次。（责任单位：各部门）\n");
        browser.findElement(By.id("source:tabs:parse")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview:tree")));
        assertThat(browser.findElement(By.id("preview:title")).getAttribute("value")).isEqualTo("2025年桃浦镇安全生产工作要点");
        assertThat(browser.getPageSource()).contains("某新设机构").contains("2025-06-30");
        browser.findElement(By.id("preview:save")).click();
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "2025年桃浦镇安全生产工作要点"));
        assertThat(browser.getCurrentUrl()).contains("/app/admin/plan.xhtml?id=");
        assertThat(browser.getPageSource()).contains("开展安全生产大检查").contains("某新设机构⚠");
    }

    private void login(String user) {
        browser.get("http://localhost:" + TestStack.HTTP_PORT + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("duban123");
        browser.findElement(By.id("kc-login")).click();
    }
}
