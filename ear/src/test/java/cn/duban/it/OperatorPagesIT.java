package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.it.support.Browser;
import cn.duban.it.support.Browsers;
import cn.duban.it.support.Deployments;
import cn.duban.it.support.RealmAdmin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * 三员分立 in the browser: the security administrator runs the operator accounts from its page, the
 * audit administrator reads the operators' trail from its page (the system administrator's
 * suspension and resumption of a tenant included), and neither reaches the other's page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperatorPagesIT {

    private static final String NEW_OPERATOR = "opp-auditor";
    private static final String TENANT = "opp-trail";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void theSecurityAdministratorRunsOperatorAccountsFromItsPage() throws Exception {
        RealmAdmin.delete(NEW_OPERATOR);
        try (Browser b = Browser.open("operators-page")) {
            b.login("ops-security", "duban123");
            b.wait.until(ExpectedConditions.textToBe(By.id("page-title"), "运维账号（安全管理员）"));
            assertThat(b.driver.findElement(By.id("operators:table")).getText())
                    .contains("ops-security", "安全管理员", "ops-audit", "审计管理员", "operator")
                    .contains("本人账号");
            shoot(b, new Dimension(390, 844), "operators-390x844");
            shoot(b, new Dimension(1440, 900), "operators-1440x900");

            b.driver.findElement(By.id("add:username")).sendKeys(NEW_OPERATOR);
            b.driver.findElement(By.id("add:name")).sendKeys("审计新人");
            pick(b, "add:role", "审计管理员");
            b.driver.findElement(By.id("add:create")).click();
            WebElement password =
                    b.wait.until(
                            ExpectedConditions.visibilityOfElementLocated(
                                    By.id("operator-password")));
            assertThat(password.getText()).hasSizeGreaterThan(10);
            String id = RealmAdmin.id(NEW_OPERATOR);
            assertThat(RealmAdmin.realmRoles(id))
                    .contains("audit-admin")
                    .doesNotContain("platform-admin", "security-admin");

            // The new account's row: give it the system administrator's role instead.
            WebElement row = row(b, NEW_OPERATOR);
            assertThat(row.findElement(By.cssSelector(".operator-role")).getText())
                    .isEqualTo("审计管理员");
            String menu = row.findElement(By.cssSelector("[id$=':newRole']")).getAttribute("id");
            pick(b, menu, "系统管理员（平台运维）");
            row(b, NEW_OPERATOR).findElement(By.cssSelector("[id$=':apply']")).click();
            Browsers.confirm(b.driver);
            // The row's text also holds the menu's hidden options: wait for the role cell itself.
            b.wait.until(
                    d ->
                            row(b, NEW_OPERATOR)
                                    .findElement(By.cssSelector(".operator-role"))
                                    .getText()
                                    .equals("系统管理员（平台运维）"));
            assertThat(RealmAdmin.realmRoles(id))
                    .contains("platform-admin")
                    .doesNotContain("audit-admin", "security-admin");

            // Not the audit administrator's page, and not a district's.
            b.go("/app/operator-audit/index.xhtml");
            assertThat(b.driver.getPageSource()).doesNotContain("operatorAudit", "运维审计（审计管理员）");
            b.go("/app/admin/accounts.xhtml");
            assertThat(b.driver.findElements(By.id("list:table"))).isEmpty();
        } finally {
            RealmAdmin.delete(NEW_OPERATOR);
        }
    }

    @Test
    void theAuditAdministratorReadsTheSystemAdministratorsSuspensionsOnItsPage() throws Exception {
        Api.Reply made =
                Api.post("operator", "/tenants", "{\"id\":\"" + TENANT + "\",\"name\":\"运维留痕区\"}");
        assertThat(made.status()).as(made.body()).isIn(201, 409);
        Api.Reply suspended = Api.post("operator", "/tenants/" + TENANT + "/suspend", "{}");
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
        Api.Reply resumed = Api.post("operator", "/tenants/" + TENANT + "/resume", "{}");
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);

        // The API first: the operators' trail holds the system administrator's suspension.
        List<String> actions =
                Api.get("ops-audit", "/operator-audit?limit=50").array().stream()
                        .map(v -> v.asJsonObject())
                        .filter(o -> TENANT.equals(o.getString("subject", "")))
                        .map(o -> o.getString("actor") + " " + o.getString("action"))
                        .toList();
        assertThat(actions)
                .contains(
                        "operator tenant.created",
                        "operator tenant.suspended",
                        "operator tenant.resumed");

        try (Browser b = Browser.open("operator-audit-page")) {
            b.login("ops-audit", "duban123");
            b.wait.until(ExpectedConditions.textToBe(By.id("page-title"), "运维审计（审计管理员）"));
            String table = b.driver.findElement(By.id("trail:table")).getText();
            assertThat(table)
                    .contains("暂停租户", "恢复租户", "新建租户", TENANT, "系统管理员（平台运维）")
                    .contains("查阅运维审计记录", "ops-audit");
            // Nothing on the page changes the trail: no input but the paging buttons.
            assertThat(b.driver.findElements(By.cssSelector("#trail input[type=text], textarea")))
                    .isEmpty();
            shoot(b, new Dimension(390, 844), "operator-audit-390x844");
            shoot(b, new Dimension(1440, 900), "operator-audit-1440x900");

            b.go("/app/operators/index.xhtml");
            assertThat(b.driver.findElements(By.id("operators:table"))).isEmpty();
            b.go("/app/platform/index.xhtml");
            assertThat(b.driver.findElements(By.id("tenants:table"))).isEmpty();
        }
    }

    @Test
    void aDistrictAdministratorReachesNeitherPage() throws Exception {
        try (Browser b = Browser.open("operator-pages-district")) {
            b.login("jd-admin", "duban123");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));
            assertThat(b.driver.findElements(By.id("nav-operators"))).isEmpty();
            assertThat(b.driver.findElements(By.id("nav-operator-audit"))).isEmpty();
            b.go("/app/operators/index.xhtml");
            assertThat(b.driver.findElements(By.id("operators:table"))).isEmpty();
            b.go("/app/operator-audit/index.xhtml");
            assertThat(b.driver.findElements(By.id("trail:table"))).isEmpty();
        }
    }

    private static WebElement row(Browser b, String username) {
        return b.driver.findElements(By.cssSelector("#operators\\:table tbody tr")).stream()
                .filter(r -> r.getText().contains(username))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + username));
    }

    /**
     * Chooses an option of a PrimeFaces selectOneMenu by its label, in the native select the form
     * submits (as AuditJournalIT does): the menu's overlay is not what is posted.
     */
    private static void pick(Browser b, String id, String label) {
        Object found =
                ((JavascriptExecutor) b.driver)
                        .executeScript(
                                "const s = document.getElementById(arguments[0] + '_input');"
                                        + "for (const o of s.options) if (o.text.trim() === arguments[1]) {"
                                        + " s.value = o.value; return o.value; }"
                                        + "return null;",
                                id,
                                label);
        assertThat(found).as(id + " has no option " + label).isNotNull();
    }

    private static void shoot(Browser b, Dimension size, String name) throws Exception {
        b.driver.manage().window().setSize(size);
        Thread.sleep(300);
        JavascriptExecutor js = (JavascriptExecutor) b.driver;
        long page =
                ((Number) js.executeScript("return document.documentElement.scrollWidth;"))
                        .longValue();
        long window =
                ((Number) js.executeScript("return document.documentElement.clientWidth;"))
                        .longValue();
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Files.write(
                dir.resolve(name + ".png"),
                ((TakesScreenshot) b.driver).getScreenshotAs(OutputType.BYTES));
        assertThat(page).as(name + ": the page scrolls sideways").isLessThanOrEqualTo(window);
    }
}
