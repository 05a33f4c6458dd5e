package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.it.support.Browsers;
import cn.duban.it.support.PageTest;
import cn.duban.it.support.People;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Units inside units (issue 21 items 1 and 5): in 普陀区 the district office gives 长寿路街道 and 曹杨新村街道 a
 * 党政办 each (the same name under two towns); 长寿路街道's own 单位管理员 lists, adds and renames its 下级单位 and
 * reads their tasks; 曹杨新村街道's admin asking for them, or for their tasks, gets 404, as does 嘉定区; a
 * 联络员 is refused. A year of its own (2004) for the tasks, cancelled afterwards.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TownsIT extends PageTest {

    static final int Y = 2004;
    static final String S = Long.toString(System.nanoTime() % 1_000_000, 36);
    static final String CSL_ADMIN = "tw-csl-" + S,
            CY_ADMIN = "tw-cy-" + S,
            SJJ_ADMIN = "tw-sjj-" + S;
    static final String DZB = "党政办" + S;

    static String csl, cyxc, sjj, cslDzb, cyDzb, cslJw, cslTask, cyTask;
    static final List<String> tasks = new ArrayList<>();

    @BeforeAll
    static void twoTownsAndTheirAdministrators() {
        csl = Api.unitId("pt-admin", "长寿路街道");
        cyxc = Api.unitId("pt-admin", "曹杨新村街道");
        sjj = Api.unitId("pt-admin", "区数据局");
        person(CSL_ADMIN, "长寿路管理员" + S, "csl");
        person(CY_ADMIN, "曹杨管理员" + S, "cyxc");
        person(SJJ_ADMIN, "数据局管理员" + S, "sjj");
    }

    @AfterAll
    static void cancelTheTasks() {
        for (String t : tasks) Api.delete("pt-admin", "/tasks/" + t + "?reason=test-cleanup");
    }

    static void person(String username, String name, String unit) {
        People.ready("pt-admin", username, name, unit, "unit-admin");
    }

    static Reply call(String user, String method, String path, String json) {
        return People.call(user, method, path, json);
    }

    static String child(String name, String kind) {
        return "{\"name\":\"" + name + "\",\"kind\":\"" + kind + "\"}";
    }

    @Test
    @Order(1)
    void theDistrictGivesEachTownItsOwnOfficeOfTheSameName() {
        Reply a = call("pt-admin", "POST", "/units/" + csl + "/children", child(DZB, "OFFICE"));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        cslDzb = a.json().getString("id");
        assertThat(a.json().getString("code")).startsWith("csl-");
        assertThat(a.json().getString("parentCode")).isEqualTo("csl");
        assertThat(a.json().getString("kind")).isEqualTo("OFFICE");
        Reply b = call("pt-admin", "POST", "/units/" + cyxc + "/children", child(DZB, "OFFICE"));
        assertThat(b.status()).as(b.body()).isEqualTo(201);
        cyDzb = b.json().getString("id");
        assertThat(b.json().getString("code")).startsWith("cyxc-");

        // The same name twice under one town: 409 problem+json.
        Reply twice = call("pt-admin", "POST", "/units/" + csl + "/children", child(DZB, "OFFICE"));
        assertThat(twice.status()).as(twice.body()).isEqualTo(409);
        assertThat(twice.problemCode()).isEqualTo("unit.name-taken");
        // A district unit's name is no 下级单位's name; a department has no 下级单位.
        Reply district =
                call("pt-admin", "POST", "/units/" + csl + "/children", child("区数据局", "OFFICE"));
        assertThat(district.status()).as(district.body()).isEqualTo(409);
        Reply notTown =
                call("pt-admin", "POST", "/units/" + sjj + "/children", child("科室" + S, "OFFICE"));
        assertThat(notTown.status()).as(notTown.body()).isEqualTo(400);
        assertThat(notTown.problemCode()).isEqualTo("unit.not-a-town");

        // The district sees the whole tree, each 党政办 under its town.
        String units = Api.get("pt-admin", "/units").body();
        assertThat(units).contains(cslDzb).contains(cyDzb);
        // Leaders read a town's 下级单位 but do not add them.
        Reply leader = call("pt-leader", "GET", "/units/" + csl + "/children", null);
        assertThat(leader.status()).as(leader.body()).isEqualTo(200);
        assertThat(leader.body()).contains(cslDzb).doesNotContain(cyDzb);
        assertThat(
                        call(
                                        "pt-leader",
                                        "POST",
                                        "/units/" + csl + "/children",
                                        child("x" + S, "OFFICE"))
                                .status())
                .isEqualTo(403);
    }

    @Test
    @Order(2)
    void theTownsAdminManagesItsOwnSubUnits() {
        Reply list = call(CSL_ADMIN, "GET", "/units/" + csl + "/children", null);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.body()).contains(cslDzb).doesNotContain(cyDzb);

        Reply jw =
                call(
                        CSL_ADMIN,
                        "POST",
                        "/units/" + csl + "/children",
                        "{\"name\":\"居委"
                                + S
                                + "\",\"kind\":\"COMMUNITY\",\"suffix\":\"jw"
                                + S.substring(0, Math.min(4, S.length()))
                                + "\"}");
        assertThat(jw.status()).as(jw.body()).isEqualTo(201);
        cslJw = jw.json().getString("id");
        assertThat(jw.json().getString("code")).startsWith("csl-jw");
        int version = jw.json().getInt("version");

        Reply renamed =
                call(
                        CSL_ADMIN,
                        "PUT",
                        "/units/" + csl + "/children/" + cslJw,
                        "{\"name\":\"新居委" + S + "\"}");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().getString("name")).isEqualTo("新居委" + S);
        assertThat(renamed.json().getString("kind")).isEqualTo("COMMUNITY");
        assertThat(renamed.json().getInt("version")).isGreaterThan(version);
        // Renaming to the sibling's name: 409.
        Reply clash =
                call(
                        CSL_ADMIN,
                        "PUT",
                        "/units/" + csl + "/children/" + cslJw,
                        "{\"name\":\"" + DZB + "\"}");
        assertThat(clash.status()).as(clash.body()).isEqualTo(409);
        assertThat(clash.problemCode()).isEqualTo("unit.name-taken");

        // Attacks: too long, control characters, a town as kind, a bad suffix: 400; script is data.
        String huge = "长".repeat(101);
        for (String bad :
                List.of(
                        child(huge, "OFFICE"),
                        child("a\\u0007b", "OFFICE"),
                        child("", "OFFICE"),
                        child("街镇" + S, "TOWN"),
                        "{\"name\":\"后缀" + S + "\",\"suffix\":\"../X\"}")) {
            Reply r = call(CSL_ADMIN, "POST", "/units/" + csl + "/children", bad);
            assertThat(r.status()).as(bad + " " + r.body()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        String script = "<script>alert(1)</script>" + S;
        Reply s = call(CSL_ADMIN, "POST", "/units/" + csl + "/children", child(script, "VILLAGE"));
        assertThat(s.status()).as(s.body()).isEqualTo(201);
        assertThat(s.json().getString("name")).isEqualTo(script);
    }

    @Test
    @Order(3)
    void anotherTownsAdminFindsNothingAndAReporterIsRefused() {
        for (String[] a :
                List.of(
                        new String[] {"GET", "/units/" + csl + "/children", null},
                        new String[] {
                            "POST", "/units/" + csl + "/children", child("偷" + S, "OFFICE")
                        },
                        new String[] {
                            "PUT",
                            "/units/" + csl + "/children/" + cslDzb,
                            "{\"name\":\"偷" + S + "\"}"
                        },
                        // its own town in the path, the other town's child: still not found
                        new String[] {
                            "PUT",
                            "/units/" + cyxc + "/children/" + cslDzb,
                            "{\"name\":\"偷" + S + "\"}"
                        })) {
            Reply r = call(CY_ADMIN, a[0], a[1], a[2]);
            assertThat(r.status()).as(a[0] + " " + a[1] + " " + r.body()).isEqualTo(404);
            assertThat(r.body()).doesNotContain(DZB).doesNotContain("长寿路");
        }
        // Its own town's children are its own.
        Reply own = call(CY_ADMIN, "GET", "/units/" + cyxc + "/children", null);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.body()).contains(cyDzb).doesNotContain(cslDzb);
        // A department's admin has no town: 404 for its own unit and any other, and no office's
        // queue of requests (not the district's either).
        assertThat(call(SJJ_ADMIN, "GET", "/units/" + sjj + "/children", null).status())
                .isEqualTo(404);
        for (String queue : List.of("/extensions/pending", "/receipts/disputes")) {
            Reply r = call(SJJ_ADMIN, "GET", queue, null);
            assertThat(r.status()).as(queue + " " + r.body()).isEqualTo(403);
            assertThat(r.problemCode()).isEqualTo("supervision.not-a-town");
        }
        assertThat(call(SJJ_ADMIN, "GET", "/units/" + csl + "/children", null).status())
                .isEqualTo(404);
        // A 联络员 of the town itself: no role for it.
        assertThat(call("pt-csl", "GET", "/units/" + csl + "/children", null).status())
                .isEqualTo(403);
        assertThat(
                        call(
                                        "pt-csl",
                                        "POST",
                                        "/units/" + csl + "/children",
                                        child("x" + S, "OFFICE"))
                                .status())
                .isEqualTo(403);
        // Another district: not found, whatever the role.
        assertThat(call("jd-admin", "GET", "/units/" + csl + "/children", null).status())
                .isEqualTo(404);
        assertThat(
                        call(
                                        "jd-admin",
                                        "PUT",
                                        "/units/" + csl + "/children/" + cslDzb,
                                        "{\"name\":\"x\"}")
                                .status())
                .isEqualTo(404);
        assertThat(
                        call(
                                        "jd-admin",
                                        "POST",
                                        "/units/" + csl + "/children",
                                        child("x" + S, "OFFICE"))
                                .status())
                .isEqualTo(404);
    }

    @Test
    @Order(4)
    void theTownsAdminReadsItsSubUnitsTasksAndNoOtherTownsOnes() {
        cslTask = matter("长寿路党政办任务" + S, cslDzb);
        cyTask = matter("曹杨党政办任务" + S, cyDzb);

        // The town's ledger: its 下级单位's task, not another town's; by ?unit= too.
        Reply all = call(CSL_ADMIN, "GET", "/tasks?limit=1000&q=" + S, null);
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.body()).contains(cslTask).doesNotContain(cyTask);
        Reply one = call(CSL_ADMIN, "GET", "/tasks?unit=" + cslDzb, null);
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(ids(one)).contains(cslTask).doesNotContain(cyTask);
        assertThat(call(CSL_ADMIN, "GET", "/tasks/" + cslTask, null).status()).isEqualTo(200);

        for (String[] a :
                List.of(
                        new String[] {CSL_ADMIN, "/tasks?unit=" + cyDzb},
                        new String[] {CSL_ADMIN, "/tasks?unit=" + cyxc},
                        new String[] {CSL_ADMIN, "/tasks/" + cyTask},
                        new String[] {CY_ADMIN, "/tasks?unit=" + cslDzb},
                        new String[] {CY_ADMIN, "/tasks?unit=" + csl},
                        new String[] {CY_ADMIN, "/tasks/" + cslTask},
                        new String[] {"pt-csl", "/tasks?unit=" + cslDzb},
                        new String[] {"pt-csl", "/tasks/" + cslTask},
                        new String[] {"jd-admin", "/tasks/" + cslTask})) {
            Reply r = call(a[0], "GET", a[1], null);
            assertThat(r.status()).as(a[0] + " " + a[1] + " " + r.body()).isEqualTo(404);
        }
        // Another town's admin's ledger never lists them.
        assertThat(call(CY_ADMIN, "GET", "/tasks?limit=1000&q=" + S, null).body())
                .contains(cyTask)
                .doesNotContain(cslTask);
        // A 下级单位 is never ranked with the district's units.
        Reply ranks = Api.get("pt-admin", "/evaluation/rankings?period=" + Y);
        assertThat(ranks.body()).doesNotContain(DZB);
    }

    @Test
    @Order(5)
    void theTownsAdminUsesTheSubUnitsPageAndTheDistrictSeesTheTree() {
        open(DESKTOP);
        Browsers.submitLogin(browser, CSL_ADMIN, People.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));
        assertThat(browser.findElements(By.id("nav-sub-units"))).isNotEmpty();
        go("/app/unit/sub-units.xhtml", "下级单位");
        // Names stand in inputs as text: the script a name holds never becomes a script.
        assertThat(names()).contains(DZB, "新居委" + S, "<script>alert(1)</script>" + S);
        assertThat(
                        js(
                                "return Array.from(document.scripts)"
                                        + ".filter(s => s.text.includes('alert(1)')).length;"))
                .isEqualTo(0L);
        assertThat(browser.getPageSource()).doesNotContain(cyDzb);
        // Adding and renaming through the page: the postbacks carry PrimeFaces' nonce (a form
        // named "children" once shadowed form.children and broke it: FormIdsTest).
        browser.findElement(By.id("add:name")).sendKeys("网格站" + S);
        browser.findElement(By.id("add:save")).click();
        wait.until(d -> names().contains("网格站" + S) || d.getCurrentUrl().contains("/error/"));
        assertThat(browser.getCurrentUrl()).doesNotContain("/error/");
        WebElement first =
                browser.findElement(By.cssSelector("#sub-units input[value='网格站" + S + "']"));
        first.clear();
        first.sendKeys("网格工作站" + S);
        first.findElement(By.xpath("following-sibling::button")).click();
        wait.until(d -> names().contains("网格工作站" + S) || d.getCurrentUrl().contains("/error/"));
        assertThat(names()).doesNotContain("网格站" + S);
        assertThat(call(CSL_ADMIN, "GET", "/units/" + csl + "/children", null).body())
                .contains("网格工作站" + S);
        // Another town's id in the address: nothing of it shows.
        go("/app/unit/sub-units.xhtml?town=" + cyxc, "下级单位");
        assertThat(names()).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(cyDzb).doesNotContain(DZB);
        quitBrowser();

        // A department's admin and a 联络员 see no 下级单位 link.
        for (String[] who :
                List.of(new String[] {SJJ_ADMIN, People.PASSWORD}, new String[] {"pt-csl", null})) {
            open(DESKTOP);
            if (who[1] == null) login(who[0]);
            else Browsers.submitLogin(browser, who[0], who[1]);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));
            assertThat(browser.findElements(By.id("nav-sub-units"))).as(who[0]).isEmpty();
            quitBrowser();
        }

        // The district office's units page: each 党政办 indented under its town.
        open(DESKTOP);
        login("pt-admin");
        assertThat(browser.findElements(By.id("nav-sub-units"))).isNotEmpty();
        go("/app/admin/index.xhtml", null);
        browser.findElement(By.cssSelector("#units\\:table input[id$='filter']")).sendKeys(DZB);
        // Read in one script: the filter's ajax update replaces the rows under a WebElement.
        wait.until(d -> treeRows().stream().filter(r -> r.startsWith(DZB + "|")).count() == 2);
        assertThat(treeRows().stream().filter(r -> r.startsWith(DZB + "|")))
                .hasSize(2)
                .noneMatch(r -> r.endsWith("|0px"));
    }

    /** The units page's tree rows as "name|padding-left", read in one script. */
    @SuppressWarnings("unchecked")
    List<String> treeRows() {
        return (List<String>)
                js(
                        "return Array.from(document.querySelectorAll('#units\\\\:table .duban-tree-name'))"
                                + ".map(e => e.textContent.trim() + '|' + getComputedStyle(e).paddingLeft);");
    }

    /**
     * The names in the 下级单位 table's inputs, read in one script so an ajax update cannot stale them.
     */
    @SuppressWarnings("unchecked")
    List<String> names() {
        return (List<String>)
                js(
                        "return Array.from(document.querySelectorAll(\"#sub-units input[type='text']\"))"
                                + ".map(i => i.value);");
    }

    static List<String> ids(Reply r) {
        return r.json().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .map(o -> o.getString("id"))
                .toList();
    }

    /** A matter (交办事项) led by the unit: one task. */
    static String matter(String title, String unit) {
        Reply r =
                Api.post(
                        "pt-admin",
                        "/matters",
                        "{\"source\":\"LEADER_INSTRUCTION\",\"title\":\""
                                + title
                                + "\",\"reference\":\"区长\",\"leadUnitId\":\""
                                + unit
                                + "\",\"coUnitIds\":[],\"deadline\":\""
                                + Y
                                + "-03-31\",\"keyTask\":false}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonObject created = r.json();
        String id = created.getJsonArray("taskIds").getString(0);
        tasks.add(id);
        return id;
    }
}
