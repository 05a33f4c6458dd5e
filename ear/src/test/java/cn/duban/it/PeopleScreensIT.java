package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.it.support.Browser;
import cn.duban.it.support.Deployments;
import cn.duban.it.support.People;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The accounts page and the operator's onboarding page on a phone (390×844) and a desktop
 * (1440×900): full-page screenshots into ear/target/screenshots/people-*.png, and the page's own
 * content must fit the width (a wide table scrolls inside its box, the page does not).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PeopleScreensIT {

    private static final List<Dimension> SIZES =
            List.of(new Dimension(390, 844), new Dimension(1440, 900));

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void theAccountsPageFitsAPhoneAndADesktop() throws Exception {
        // A name long enough to stretch a column, and an account with one-time passwords to hand
        // over.
        Api.post(
                "jd-admin",
                "/accounts",
                People.account(
                        "screen-long-name", "欧阳长长长长长长长长名", "anting", "unit-reporter", "unit-head"));
        try (Browser b = Browser.open("people-screens-accounts")) {
            b.login("jd-admin", "duban123");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));
            for (Dimension size : SIZES) {
                b.driver.manage().window().setSize(size);
                b.go("/app/admin/accounts.xhtml");
                b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("list:table")));
                shoot(b, "people-accounts-" + size.width + "x" + size.height);
                assertFits(b, size, "#list", "#form", "#import");
            }
        }
    }

    @Test
    void theOnboardingPageFitsAPhoneAndADesktop() throws Exception {
        try (Browser b = Browser.open("people-screens-onboarding")) {
            b.login("operator", "duban123");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));
            for (Dimension size : SIZES) {
                b.driver.manage().window().setSize(size);
                b.go("/app/platform/index.xhtml");
                b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("add:create")));
                shoot(b, "people-onboarding-" + size.width + "x" + size.height);
                assertFits(b, size, "#tenants", "#sheet", "#add");
            }
        }
    }

    /**
     * The page does not scroll sideways, and every control of each form that is not inside a
     * table's own scrolling box lies within the window (a wide table scrolls by itself).
     */
    @SuppressWarnings("unchecked")
    private static void assertFits(Browser b, Dimension size, String... selectors) {
        long page =
                ((Number)
                                ((JavascriptExecutor) b.driver)
                                        .executeScript(
                                                "return document.documentElement.scrollWidth;"))
                        .longValue();
        long window =
                ((Number)
                                ((JavascriptExecutor) b.driver)
                                        .executeScript(
                                                "return document.documentElement.clientWidth;"))
                        .longValue();
        System.out.printf(
                "SCREEN %dx%d page %d px wide, window %d px%n",
                size.width, size.height, page, window);
        for (String selector : selectors) {
            Map<String, Object> box =
                    (Map<String, Object>)
                            ((JavascriptExecutor) b.driver)
                                    .executeScript(
                                            """
                    const form = document.querySelector(arguments[0]);
                    let right = 0, widest = '';
                    for (const e of form.querySelectorAll('input, button, select, textarea, label, a, h2, .ui-selectonemenu, .ui-fileupload-buttonbar')) {
                      if (e.closest('.ui-datatable-tablewrapper')) continue;
                      const r = e.getBoundingClientRect();
                      if (r.width > 0 && r.right > right) { right = r.right; widest = e.tagName + '#' + e.id + '.' + e.className; }
                    }
                    return {right: right, widest: widest};
                    """,
                                            selector);
            double right = ((Number) box.get("right")).doubleValue();
            System.out.printf(
                    "SCREEN %dx%d %s: rightmost control at %.0f px (%s)%n",
                    size.width, size.height, selector, right, box.get("widest"));
            assertThat(right)
                    .as(size.width + " " + selector + " " + box.get("widest"))
                    .isLessThanOrEqualTo(window);
        }
        assertThat(page).as(size.width + ": the page scrolls sideways").isLessThanOrEqualTo(window);
    }

    /** The whole page: the window made as tall as the document for the shot, then set back. */
    private static void shoot(Browser b, String name) throws Exception {
        Dimension size = b.driver.manage().window().getSize();
        long height =
                ((Number)
                                ((JavascriptExecutor) b.driver)
                                        .executeScript(
                                                "return document.documentElement.scrollHeight;"))
                        .longValue();
        b.driver
                .manage()
                .window()
                .setSize(
                        new Dimension(
                                size.width,
                                (int) Math.min(6000, Math.max(size.height, height + 120))));
        Thread.sleep(300);
        Path shots = Path.of("target/screenshots");
        Files.createDirectories(shots);
        Files.write(
                shots.resolve(name + ".png"),
                ((TakesScreenshot) b.driver).getScreenshotAs(OutputType.BYTES));
        b.driver.manage().window().setSize(size);
    }
}
