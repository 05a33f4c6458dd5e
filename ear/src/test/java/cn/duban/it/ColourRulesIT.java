package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.it.support.Db;
import cn.duban.it.support.OwnDistrict;
import cn.duban.it.support.PageTest;
import cn.duban.it.support.Plans;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Colour status by rules (亮灯, issue 20 item 1) in a district of this test's own ({@value #TENANT},
 * 普陀区's units), so its rule changes colour no other test's tasks: the default rules, a version
 * saved and refused, the daily run's red mark and the 瓯海 rule (a task back on track is amber until
 * it has caught up), the leaders' overview, and the pages at phone and desk widths.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ColourRulesIT extends PageTest {

    static final String TENANT = "colours";
    static final String ADMIN = "co-admin", LEADER = "co-leader", TOWN = "co-csl";
    static final LocalDate TODAY = Plans.TODAY;
    static final Path SHOTS = Path.of("target/screenshots/colours");

    static String onTrack, dueSoon, late;

    @BeforeAll
    static void aDistrictWithThreeTasksOfOneTown() throws SQLException {
        OwnDistrict.create(TENANT, "亮灯区");
        OwnDistrict.person(TENANT, ADMIN, "qfb", "district-admin");
        OwnDistrict.person(TENANT, LEADER, null, "leader");
        OwnDistrict.person(TENANT, TOWN, "csl", "unit-reporter");

        String text =
                TODAY.getYear()
                        + "年亮灯测试工作要点\n一、重点工作\n"
                        + "1.开展亮灯甲项检查。（责任单位：长寿路街道；完成时限："
                        + Plans.full(TODAY.plusDays(40))
                        + "前）\n"
                        + "2.完成亮灯乙项建设。（责任单位：长寿路街道；完成时限："
                        + Plans.full(TODAY.plusDays(3))
                        + "前）\n"
                        + "3.推进亮灯丙项改革。（责任单位：长寿路街道；完成时限："
                        + Plans.full(TODAY.plusDays(20))
                        + "前）\n";
        String plan = Plans.saved(ADMIN, text, "colours.txt").getString("id");
        Reply published = Api.post(ADMIN, "/plans/" + plan + "/publication", "{}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        for (JsonValue v : Api.get(TOWN, "/tasks?plan=" + plan).json().getJsonArray("items")) {
            JsonObject t = v.asJsonObject();
            String title = t.getString("title");
            if (title.contains("甲")) onTrack = t.getString("id");
            if (title.contains("乙")) dueSoon = t.getString("id");
            if (title.contains("丙")) late = t.getString("id");
        }
        assertThat(List.of(onTrack, dueSoon, late)).doesNotContainNull();
        // The third is five days past its deadline.
        Db.maintExecute(
                "update task set deadline_date = date '"
                        + TODAY.minusDays(5)
                        + "', next_due_date = date '"
                        + TODAY.minusDays(5)
                        + "' where tenant_id = '"
                        + TENANT
                        + "' and id = '"
                        + late
                        + "'");
    }

    @Test
    @Order(1)
    void everyTaskHasItsColourAndWhyByTheDefaultRules() {
        JsonObject rules = Api.get(TOWN, "/colours/rules").json();
        assertThat(rules.getInt("version")).isZero();
        assertThat(rules.getJsonObject("rules").getInt("dueSoonDays")).isEqualTo(7);
        assertThat(rules.getJsonObject("rules").getBoolean("amberUntilCaughtUp")).isTrue();

        assertThat(colour(onTrack)).isEqualTo("GREEN");
        JsonObject soon = task(dueSoon);
        assertThat(soon.getString("colour")).isEqualTo("AMBER");
        assertThat(soon.getString("light")).isEqualTo("yellow");
        assertThat(reasons(soon)).containsExactly("DUE_SOON 3");
        JsonObject red = task(late);
        assertThat(red.getString("colour")).isEqualTo("RED");
        assertThat(reasons(red)).containsExactly("OVERDUE 5");
    }

    @Test
    @Order(2)
    void theDailyRunMarksTheRedAndTheLeadersSeeTheCounts() throws SQLException {
        Reply run = Api.post(ADMIN, "/colours/run", "{}");
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().getInt("markedRed")).isEqualTo(1);
        assertThat(run.json().getJsonObject("open").getInt("RED")).isEqualTo(1);
        assertThat(redSince(late)).isEqualTo(TODAY);
        assertThat(Api.post(ADMIN, "/colours/run", "{}").json().getInt("markedRed"))
                .as("marked once")
                .isZero();

        JsonObject overview = Api.get(LEADER, "/colours/overview").json();
        assertThat(overview.getInt("red")).isEqualTo(1);
        assertThat(overview.getInt("amber")).isEqualTo(1);
        assertThat(overview.getInt("green")).isEqualTo(1);
        JsonObject town = overview.getJsonArray("units").getJsonObject(0);
        assertThat(town.getString("unitName")).isEqualTo("长寿路街道");
        assertThat(town.getInt("red")).isEqualTo(1);
        // Another district sees its own, never this one's.
        assertThat(Api.get("jd-admin", "/colours/overview").body()).doesNotContain("长寿路街道");
        assertThat(Api.get(TOWN, "/colours/overview").status()).isEqualTo(403);
        assertThat(Api.post(TOWN, "/colours/run", "{}").status()).isEqualTo(403);
    }

    @Test
    @Order(3)
    void theOfficeSavesItsRulesAsVersionsAndBadRulesAreRefused() throws SQLException {
        Reply saved =
                Api.put(
                        ADMIN,
                        "/colours/rules",
                        "{\"version\":0,\"note\":\"超期十天内亮黄灯\",\"rules\":{\"redOverdueDays\":10}}",
                        null);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().getInt("version")).isEqualTo(1);
        assertThat(saved.json().getJsonObject("rules").getInt("redOverdueDays")).isEqualTo(10);
        assertThat(saved.json().getJsonObject("rules").getInt("dueSoonDays"))
                .as("kept")
                .isEqualTo(7);
        // Five days late is amber now.
        assertThat(task(late).getString("colour")).isEqualTo("AMBER");

        expect(put("{\"version\":0,\"rules\":{\"dueSoonDays\":5}}"), 409, "colour.stale");
        expect(
                put("{\"version\":1,\"rules\":{\"amberSilentDays\":50,\"redSilentDays\":40}}"),
                400,
                "colour.rules-invalid");
        expect(put("{\"version\":1,\"rules\":{\"dueSoonDays\":-1}}"), 400, "colour.rules-invalid");
        expect(
                put("{\"version\":1,\"rules\":{\"dueSoonDays\":\"七\"}}"),
                400,
                "colour.rule-invalid");
        expect(put("{\"version\":1,\"rules\":{\"nonsense\":1}}"), 400, "colour.unknown-rule");
        expect(put("{\"rules\":{\"dueSoonDays\":5}}"), 400, "colour.version-missing");
        expect(put("{\"version\":1}"), 400, "colour.rules-missing");
        assertThat(Api.put(TOWN, "/colours/rules", "{\"version\":1,\"rules\":{}}", null).status())
                .isEqualTo(403);
        assertThat(Api.put(LEADER, "/colours/rules", "{\"version\":1,\"rules\":{}}", null).status())
                .isEqualTo(403);
        // Nothing of the refused saves was kept; another district still has the default.
        assertThat(Api.get(TOWN, "/colours/rules").json().getInt("version")).isEqualTo(1);
        assertThat(Api.get("jd-admin", "/colours/rules").json().getInt("version")).isZero();

        List<JsonObject> history =
                Api.get(LEADER, "/colours/rules/history").array().getValuesAs(JsonObject.class);
        assertThat(history).hasSize(1);
        assertThat(history.get(0).getString("note")).isEqualTo("超期十天内亮黄灯");
        assertThat(history.get(0).getString("savedBy")).isEqualTo(ADMIN);
        assertThat(
                        Db.maintCount(
                                "select count(*) from audit_log where tenant_id = '"
                                        + TENANT
                                        + "' and action = 'settings.colours'"))
                .isEqualTo(1);

        Reply back =
                Api.put(
                        ADMIN,
                        "/colours/rules",
                        "{\"version\":1,\"rules\":{\"redOverdueDays\":1}}",
                        null);
        assertThat(back.json().getInt("version")).isEqualTo(2);
        assertThat(task(late).getString("colour")).isEqualTo("RED");
    }

    /** The 瓯海 rule: a red task given more time is amber until its approved % has caught up. */
    @Test
    @Order(4)
    void aTaskThatWasRedIsAmberUntilItHasCaughtUp() throws SQLException {
        // Published 100 days ago, now due in 100 days: half the time has gone, 50 % is expected.
        Db.maintExecute(
                "update task set deadline_date = date '"
                        + TODAY.plusDays(100)
                        + "', next_due_date = date '"
                        + TODAY.plusDays(100)
                        + "', published_at = now() - interval '100 days' where tenant_id = '"
                        + TENANT
                        + "' and id = '"
                        + late
                        + "'");
        approve(report(late, 30));
        JsonObject behind = task(late);
        assertThat(behind.getString("colour")).isEqualTo("AMBER");
        assertThat(reasons(behind)).containsExactly("RECOVERING 50");
        assertThat(Api.post(ADMIN, "/colours/run", "{}").json().getInt("caughtUp")).isZero();
        assertThat(redSince(late)).isEqualTo(TODAY);

        approve(report(late, 60));
        assertThat(task(late).getString("colour")).isEqualTo("GREEN");
        assertThat(Api.post(ADMIN, "/colours/run", "{}").json().getInt("caughtUp")).isEqualTo(1);
        assertThat(redSince(late)).isNull();
    }

    /** What the town, the leader and the office see, at a phone's and a desk's width. */
    @Test
    @Order(5)
    void thePagesShowTheColoursAndTheOfficeChangesTheRules() throws Exception {
        // Late again (and never reported on the second task): red, for the pages.
        Db.maintExecute(
                "update task set deadline_date = date '"
                        + TODAY.minusDays(2)
                        + "', next_due_date = date '"
                        + TODAY.minusDays(2)
                        + "' where tenant_id = '"
                        + TENANT
                        + "' and id = '"
                        + late
                        + "'");
        for (Dimension size : List.of(PHONE, DESKTOP)) {
            open(size);
            login(TOWN);
            go("/app/unit/index.xhtml", "我的任务");
            assertThat(text("count-red")).isEqualTo("1");
            assertThat(text("count-yellow")).isEqualTo("1");
            assertThat(text("count-green")).isEqualTo("1");
            assertThat(rowOf("丙").getText()).contains("超期 2 天");
            assertThat(rowOf("乙").getText()).contains("距截止 3 天");
            shoot(SHOTS, "mine", size);
            go("/app/task.xhtml?id=" + late, null);
            assertThat(text("task-colour")).isEqualTo("红灯：超期 2 天");
            shoot(SHOTS, "task", size);
            assertNoSidewaysScroll();
            logout();

            login(LEADER);
            go("/app/leader/index.xhtml", null);
            assertThat(text("colour-red")).isEqualTo("1");
            assertThat(text("colour-amber")).isEqualTo("1");
            assertThat(browser.findElement(By.id("colour-units")).getText()).contains("长寿路街道");
            shoot(SHOTS, "leader", size);
            assertNoSidewaysScroll();
            quitBrowser();
        }

        open(PHONE);
        login(ADMIN);
        go("/app/admin/colours.xhtml", "亮灯规则");
        assertThat(text("colour-version")).contains("现行第 2 版");
        WebElement days = input("临期黄灯");
        days.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2");
        browser.findElement(By.id("rules:note")).sendKeys("临期提前到两天");
        browser.findElement(By.id("rules:save")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("colour-version"), "现行第 3 版"));
        assertThat(browser.findElement(By.id("history")).getText()).contains("临期提前到两天");
        shoot(SHOTS, "rules", PHONE);
        assertNoSidewaysScroll();
        JsonObject rules = Api.get(TOWN, "/colours/rules").json();
        assertThat(rules.getInt("version")).isEqualTo(3);
        assertThat(rules.getJsonObject("rules").getInt("dueSoonDays")).isEqualTo(2);
        assertThat(colour(dueSoon)).as("due in 3 days, the window is 2").isEqualTo("GREEN");

        // Out of range: told in Chinese, nothing saved.
        input("未报送红灯").sendKeys(Keys.chord(Keys.CONTROL, "a"), "500");
        browser.findElement(By.id("rules:save")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("growl_container"), "超出范围"));
        assertThat(Api.get(TOWN, "/colours/rules").json().getInt("version")).isEqualTo(3);
    }

    private WebElement input(String label) {
        WebElement l = browser.findElement(By.xpath("//label[contains(., '" + label + "')]"));
        return browser.findElement(By.id(l.getAttribute("for")));
    }

    private WebElement rowOf(String word) {
        return browser.findElement(
                By.xpath("//tbody[contains(@id,'mine')]/tr[.//a[contains(., '" + word + "')]]"));
    }

    private void assertNoSidewaysScroll() {
        long scroll =
                ((Number)
                                js(
                                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
                        .longValue();
        assertThat(scroll)
                .as("sideways scroll at " + browser.manage().window().getSize())
                .isLessThanOrEqualTo(0);
    }

    static JsonObject task(String id) {
        Reply r = Api.get(TOWN, "/tasks/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().getJsonObject("task");
    }

    static String colour(String id) {
        return task(id).getString("colour");
    }

    static List<String> reasons(JsonObject task) {
        return task.getJsonArray("colourReasons").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("kind") + " " + r.getInt("value"))
                .toList();
    }

    /** The task's red mark: the day the run found it red, or null. */
    static LocalDate redSince(String id) throws SQLException {
        String where = " from task where tenant_id = '" + TENANT + "' and id = '" + id + "'";
        if (Db.maintCount("select count(*)" + where + " and red_since is null") == 1) return null;
        long epochDay = Db.maintCount("select red_since - date '1970-01-01'" + where);
        return LocalDate.ofEpochDay(epochDay);
    }

    static Reply put(String json) {
        return Api.put(ADMIN, "/colours/rules", json, null);
    }

    static void expect(Reply r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.problemCode()).isEqualTo(code);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    /** A submitted report of this % on the task, by the town. */
    static String report(String task, int percent) {
        Reply r =
                Api.post(
                        TOWN,
                        "/tasks/" + task + "/reports",
                        "{\"text\":\"按计划推进，已完成"
                                + percent
                                + "%。\",\"percent\":"
                                + percent
                                + ",\"submit\":true}");
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return r.json().getString("id");
    }

    static void approve(String report) {
        Reply r =
                Api.send(
                        ADMIN,
                        HttpRequest.newBuilder(
                                        URI.create(Api.base() + "/reports/" + report + "/review"))
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"decision\":\"APPROVE\"}",
                                                StandardCharsets.UTF_8)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }
}
