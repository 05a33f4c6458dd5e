package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.devstack.KeycloakServer;
import cn.duban.it.support.Browsers;
import cn.duban.it.support.Deployments;
import cn.duban.it.support.Plans;
import cn.duban.it.support.ProgressReports;
import cn.duban.it.support.TestStack;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A person logs in through Keycloak in headless Chromium and lands on their role's page. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserIT {

    private WebDriver browser;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void openBrowser() {
        browser = Browsers.open();
    }

    @AfterEach
    void closeBrowser() throws Exception {
        Browsers.close(browser, "browser-it");
    }

    @Test
    void townReporterLogsInAndSeesItsUnit() {
        login("pt-csl");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "我的任务"));
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
        WebElement text =
                wait.until(
                        ExpectedConditions.visibilityOfElementLocated(By.id("source:tabs:text")));
        text.sendKeys(
                "2025年桃浦镇安全生产工作要点\n一、压实责任\n1.开展安全生产大检查。（责任单位：桃浦镇、某新设机构，完成时限：6月底前）\n"
                        + "2.组织应急演练，年内至少1次。（责任单位：各部门）\n");
        browser.findElement(By.id("source:tabs:parse")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview:tree")));
        assertThat(browser.findElement(By.id("preview:title")).getAttribute("value"))
                .isEqualTo("2025年桃浦镇安全生产工作要点");
        assertThat(browser.getPageSource()).contains("某新设机构").contains("2025-06-30");
        browser.findElement(By.id("preview:save")).click();
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "2025年桃浦镇安全生产工作要点"));
        assertThat(browser.getCurrentUrl()).contains("/app/admin/plan.xhtml?id=");
        assertThat(browser.getPageSource()).contains("开展安全生产大检查").contains("某新设机构⚠");
    }

    @Test
    void aTownReportsWithEvidenceAndTheDistrictApproves() throws Exception {
        String planId =
                Plans.saved("pt-admin", Plans.dueSoon("浏览器"), "browser.txt").getString("id");
        assertThat(
                        Api.post(
                                        "pt-admin",
                                        "/plans/" + planId + "/publication",
                                        "{\"allowOpen\":true}")
                                .status())
                .isEqualTo(200);
        String taskTitle = "浏览器街镇专项检查";
        Path evidence = Files.createTempFile("检查报告", ".pdf");
        Files.write(evidence, ProgressReports.PDF);

        login("pt-csl");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "我的任务"));
        browser.findElement(By.partialLinkText(taskTitle)).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("page-title"), "浏览器街镇专项检查"));
        assertThat(browser.findElement(By.id("task-unit")).getText()).startsWith("长寿路街道");

        browser.findElement(By.id("report:text")).sendKeys("专项检查已全部完成，共检查点位36个，整改问题12项。");
        WebElement percent = browser.findElement(By.id("report:percent_input"));
        percent.clear();
        percent.sendKeys("100");
        browser.findElement(By.id("evidence:upload_input")).sendKeys(evidence.toString());
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("draft-evidence"), evidence.getFileName().toString()));
        browser.findElement(By.id("report:submit")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("task-status"), "已报送"));
        assertThat(browser.findElements(By.id("report:text")))
                .as("nothing more to write while the report is reviewed")
                .isEmpty();
        assertThat(browser.getPageSource())
                .contains("待审核")
                .contains(evidence.getFileName().toString());

        browser.findElement(By.id("logout")).click(); // a POST: GET /logout does not log out
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        login("pt-admin");
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "区府办工作台"));
        browser.findElement(By.id("nav-review")).click();
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "待审核报送"));
        browser.findElement(By.partialLinkText(taskTitle)).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("page-title"), "浏览器街镇专项检查"));
        browser.findElement(By.id("reports:reportTable:0:comment")).sendKeys("材料齐全，同意办结。");
        browser.findElement(By.xpath("//*[@id='reports:reportTable:0:rating']//label[text()='优']"))
                .click();
        browser.findElement(By.id("reports:reportTable:0:approve")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("task-status"), "已办结"));
        assertThat(browser.findElement(By.id("task-status")).getText())
                .contains("按时完成")
                .contains("优");
    }

    @Test
    void districtAdminPublishesAPlanAndChecksTheTrail() {
        String planId =
                Plans.saved("pt-admin", Plans.dueSoon("下达页"), "publish-page.txt").getString("id");
        login("pt-admin");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "区府办工作台"));
        browser.get(
                "http://localhost:" + TestStack.HTTP_PORT + "/app/admin/plan.xhtml?id=" + planId);
        browser.findElement(By.id("publishLink")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-title"), "下达任务"));
        assertThat(browser.findElement(By.id("publish-summary")).getText()).contains("将新建 13 项任务");
        assertThat(browser.getPageSource()).contains("相关部门").contains("需指定具体单位");
        browser.findElement(By.id("publish:doPublish")).click();
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "任务台账"));
        assertThat(browser.getPageSource())
                .contains("下达页数据共享平台")
                .contains("区数据局")
                .contains("长寿路街道");
        assertThat(Api.get("pt-admin", "/tasks?plan=" + planId).json().getInt("total"))
                .isEqualTo(13);

        browser.findElement(By.id("nav-audit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "留痕审计"));
        browser.findElement(By.id("verify:check")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), "哈希链完整"));
        browser.findElement(By.id("nav-inbox")).click();
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "消息"));
    }

    @Test
    void districtAdminSetsUpASchemeAndLeadersSeeTheDashboard() {
        String planId =
                Plans.saved("pt-admin", Plans.dueSoon("考核页"), "evaluation-page.txt")
                        .getString("id");
        assertThat(
                        Api.post(
                                        "pt-admin",
                                        "/plans/" + planId + "/publication",
                                        "{\"allowOpen\":true}")
                                .status())
                .isEqualTo(200);
        login("pt-admin");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "区府办工作台"));
        browser.findElement(By.id("nav-evaluation")).click();
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "考核管理"));
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript(
                        "PrimeFaces.widgets['widget_scheme_plan'].selectValue(arguments[0])",
                        planId);
        browser.findElement(By.id("scheme:sections")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("scheme:rows"), "重点工作"));
        browser.findElement(By.id("scheme:save")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("scheme-current"), "当前为第"));
        int year = Plans.TODAY.getYear();
        assertThat(
                        Api.get("pt-admin", "/evaluation/schemes/current?year=" + year)
                                .json()
                                .getJsonArray("indicators"))
                .hasSize(1);

        browser.findElement(By.id("nav-dashboard")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("eval-status")));
        assertThat(browser.findElement(By.id("eval-status")).getText())
                .contains(year + "年累计")
                .contains("实时计算");
        assertThat(browser.getPageSource()).contains("街镇组").contains("长寿路街道").contains("<canvas");
        // The ranking's unit link (the colour table above it links the unit's ledger).
        browser.findElement(By.cssSelector("table.ranking"))
                .findElement(By.linkText("长寿路街道"))
                .click();
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "考核得分明细"));
        assertThat(browser.findElement(By.id("score-unit")).getText()).contains("长寿路街道");
    }

    @Test
    void districtAdminIssuesACircularAndATownReadsIt() {
        int year = Plans.TODAY.getYear() + 2;
        String text =
                year
                        + "年普陀区通报页测试工作要点\n一、通报页\n"
                        + "1.开展通报页测试专项检查。（责任单位：长寿路街道；完成时限："
                        + year
                        + "年6月30日前）\n";
        String planId = Plans.saved("pt-admin", text, "circular-page.txt").getString("id");
        assertThat(Api.post("pt-admin", "/plans/" + planId + "/publication", "{}").status())
                .isEqualTo(200);
        assertThat(
                        Api.post(
                                        "pt-admin",
                                        "/evaluation/schemes",
                                        "{\"year\":"
                                                + year
                                                + ",\"type\":\"COMPLETION\",\"planWeight\":5,"
                                                + "\"indicators\":[{\"name\":\"通报页\",\"points\":100,\"target\":\"PLAN\",\"targetId\":\""
                                                + planId
                                                + "\"}]}")
                                .status())
                .isEqualTo(201);
        String id =
                Api.post("pt-admin", "/circulars", "{\"period\":\"" + year + "\"}")
                        .json()
                        .getString("id");

        login("pt-admin");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "区府办工作台"));
        browser.findElement(By.id("nav-circulars")).click();
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "工作通报"));
        chooseYear(year);
        wait.until(
                        ExpectedConditions.presenceOfElementLocated(
                                By.linkText("关于" + year + "年度工作要点落实情况的通报")))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("edit:steps")));
        assertThat(browser.findElement(By.id("pdf-preview")).getAttribute("src"))
                .contains("/api/v1/circulars/" + id + "/document.pdf");
        WebElement steps = browser.findElement(By.id("edit:steps"));
        steps.clear();
        steps.sendKeys("一、限期整改。");
        browser.findElement(By.id("edit:issue")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        // A 文号 carries the year of issue, not the period's.
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("circular-state"), "普府办通〔" + Plans.TODAY.getYear() + "〕"));
        JsonObject issued = Api.get("pt-admin", "/circulars/" + id).json();
        assertThat(issued.getString("state")).isEqualTo("ISSUED");
        assertThat(issued.getString("nextSteps")).isEqualTo("一、限期整改。");

        browser.findElement(By.id("logout")).click();
        login("pt-csl");
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "我的任务"));
        browser.findElement(By.id("nav-circulars")).click();
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "工作通报"));
        chooseYear(year);
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("circulars:list"), issued.getString("docNumber")));
    }

    private void chooseYear(int year) {
        browser.get(
                "http://localhost:" + TestStack.HTTP_PORT + "/app/circulars.xhtml?year=" + year);
    }

    private void login(String user) {
        browser.get("http://localhost:" + TestStack.HTTP_PORT + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(KeycloakServer.DEMO_PASSWORD);
        browser.findElement(By.id("kc-login")).click();
    }
}
