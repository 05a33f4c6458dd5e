package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.it.support.Browsers;
import cn.duban.it.support.PageTest;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A domain error of a page action shows as its Chinese message on the same page, through the one
 * Faces exception handler (FacesProblemHandler; the page beans no longer catch it), by an ajax
 * request and by a full post alike. Neither attempt changes data.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PageErrorsIT extends PageTest {

    @BeforeEach
    void openBrowser() {
        open(DESKTOP);
    }

    @Test
    void anAjaxActionShowsTheDomainErrorOnThePage() {
        String taken = Api.get("pt-admin", "/units").array().getJsonObject(0).getString("code");
        login("pt-admin");
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "区府办工作台"));
        browser.findElement(By.id("add:code")).sendKeys(taken);
        browser.findElement(By.id("add:name")).sendKeys("重复代码测试单位");
        String page = browser.getCurrentUrl();
        browser.findElement(By.id("add:save")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.tagName("body"), "单位代码“" + taken + "”已被使用。"));
        assertThat(browser.getCurrentUrl())
                .as("still the same page, no error page")
                .isEqualTo(page);
        assertThat(browser.findElement(By.id("page-title")).getText()).isEqualTo("区府办工作台");
    }

    @Test
    void aFullPostShowsTheDomainErrorOnThePage() {
        login("pt-admin");
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "区府办工作台"));
        browser.get(Browsers.APP + "/app/admin/evaluation.xhtml");
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "考核管理"));
        // No unit chosen: the service refuses (400 adjustment.invalid in the API).
        browser.findElement(By.id("adjustments:addAdjustment")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.tagName("body"), "请选择单位和类型（加分或扣分）。"));
        assertThat(browser.findElement(By.id("page-title")).getText()).isEqualTo("考核管理");
    }
}
