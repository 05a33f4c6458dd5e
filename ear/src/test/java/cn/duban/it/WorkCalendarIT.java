package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.it.support.Browser;
import cn.duban.it.support.Db;
import cn.duban.it.support.Deployments;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The work calendar (issue 19): seeded with the State Council's notices of 2025 and 2026, read by
 * everyone, replaced a year at a time by the system administrator only, all or nothing, on the
 * operators' trail; its page warns of a missing year and names bad lines. Writes only year 2099.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WorkCalendarIT {

    private static final int YEAR = 2099;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void everyoneReadsTheSeededNotices() {
        Api.Reply status = Api.get("pt-csl", "/work-calendar");
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        assertThat(status.json().getJsonArray("years").toString()).contains("2025", "2026");
        int thisYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        if (thisYear > 2026) {
            assertThat(status.json().getJsonArray("missing").toString()).contains("" + thisYear);
        }

        Api.Reply y2026 = Api.get("pt-leader", "/work-calendar/2026");
        assertThat(y2026.status()).isEqualTo(200);
        JsonObject y = y2026.json();
        assertThat(y.getString("text"))
                .contains(
                        "2026-02-14 班 春节调休\n2026-02-15 至 2026-02-23 休 春节\n",
                        "2026-10-01 至 2026-10-07 休 国庆节\n2026-10-10 班 国庆节调休\n");
        // 2026: 元旦 3, 春节 9, 清明 3, 劳动 5, 端午 3, 中秋 3, 国庆 7 days off; 6 weekends worked.
        List<JsonObject> days =
                y.getJsonArray("days").stream().map(JsonValue::asJsonObject).toList();
        assertThat(days.stream().filter(d -> d.getString("kind").equals("HOLIDAY"))).hasSize(33);
        assertThat(days.stream().filter(d -> d.getString("kind").equals("WORKDAY"))).hasSize(6);
        assertThat(Api.get("pt-csl", "/work-calendar/1999").problemCode())
                .isEqualTo("calendar.year");
    }

    @Test
    void onlyTheSystemAdministratorReplacesAYearAllOrNothing() throws Exception {
        String good = "{\"source\":\"测试通知\",\"text\":\"2099-01-01 休 元旦\\n2099-01-03 班 元旦调休\\n\"}";
        for (String user :
                List.of("pt-admin", "pt-leader", "pt-csl", "ops-security", "ops-audit")) {
            assertThat(Api.put(user, "/work-calendar/" + YEAR, good, null).status())
                    .as(user)
                    .isEqualTo(403);
        }
        // 2099-01-05 is a Monday: a worked day must be a weekend day. Nothing of it is saved.
        Api.Reply bad =
                Api.put(
                        "operator",
                        "/work-calendar/" + YEAR,
                        "{\"source\":\"测试通知\",\"text\":\"2099-01-01 休 元旦\\n2099-01-05 班 错\\n2098-12-31 休 <script>x</script>\"}",
                        null);
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.problemCode()).isEqualTo("calendar.lines");
        assertThat(bad.json().getJsonArray("errors").toString())
                .contains("\"rowNumber\":2", "\"rowNumber\":3", "周六或周日");
        assertThat(Api.get("pt-csl", "/work-calendar/" + YEAR).json().getJsonArray("days"))
                .isEmpty();

        Api.Reply saved = Api.put("operator", "/work-calendar/" + YEAR, good, null);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonObject read = Api.get("pt-csl", "/work-calendar/" + YEAR).json();
        assertThat(read.getString("source")).isEqualTo("测试通知");
        assertThat(read.getString("text")).isEqualTo("2099-01-01 休 元旦\n2099-01-03 班 元旦调休\n");
        assertThat(Api.get("pt-csl", "/work-calendar").json().getJsonArray("years").toString())
                .contains("2099");
        // Structured days replace the year whole.
        Api.Reply days =
                Api.put(
                        "operator",
                        "/work-calendar/" + YEAR,
                        "{\"source\":\"测试通知二\",\"days\":[{\"day\":\"2099-05-01\",\"kind\":\"HOLIDAY\",\"name\":\"劳动节\"}]}",
                        null);
        assertThat(days.status()).as(days.body()).isEqualTo(200);
        assertThat(Api.get("pt-csl", "/work-calendar/" + YEAR).json().getString("text"))
                .isEqualTo("2099-05-01 休 劳动节\n");
        assertThat(
                        Db.maintCount(
                                "select count(*) from operator_audit where action = 'work-calendar.changed'"
                                        + " and subject = '2099' and actor = 'operator'"))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void theOperatorEntersAYearOnItsPageOnADeskAndOnAPhone() throws Exception {
        try (Browser b = Browser.open("work-calendar-page")) {
            b.login("operator", "duban123");
            b.go("/app/platform/calendar.xhtml");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("calendar:text")));
            assertThat(b.driver.findElement(By.id("page-title")).getText()).isEqualTo("工作日历");
            int thisYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
            if (LocalDate.now(ZoneId.of("Asia/Shanghai")).getMonthValue() >= 11
                    && thisYear + 1 > 2026) {
                assertThat(b.driver.findElement(By.id("calendar-missing")).getText())
                        .contains("缺少 " + (thisYear + 1) + " 年");
            }
            // A bad line: listed with its number, nothing saved.
            var text = b.driver.findElement(By.id("calendar:text"));
            String before = text.getAttribute("value");
            text.clear();
            text.sendKeys("2026-01-01 休 元旦\n2026-13-40 休 错\n");
            var source = b.driver.findElement(By.id("calendar:source"));
            source.clear();
            source.sendKeys("测试通知");
            b.driver.findElement(By.id("calendar:save")).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("calendar:errors")));
            assertThat(b.driver.findElement(By.id("calendar:errors")).getText())
                    .contains("2", "不是日期");
            String shown = b.driver.findElement(By.id("calendar:year_label")).getText();
            assertThat(Api.get("pt-csl", "/work-calendar/" + shown).json().getString("text"))
                    .isEqualTo(before.replace("\r", ""));
            // On a phone: nothing scrolls sideways.
            b.driver.manage().window().setSize(new Dimension(390, 844));
            Object overflow =
                    ((JavascriptExecutor) b.driver)
                            .executeScript(
                                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        }
    }
}
