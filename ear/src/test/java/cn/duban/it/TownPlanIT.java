package cn.duban.it;

import static cn.duban.it.support.Towns.child;
import static cn.duban.it.support.Towns.planTasks;
import static cn.duban.it.support.Towns.report;
import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.client.PlanDocuments;
import cn.duban.it.support.Browsers;
import cn.duban.it.support.PageTest;
import cn.duban.it.support.People;
import cn.duban.it.support.Plans;
import cn.duban.it.support.Towns;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * A town runs its own plan (issue 21 item 2): 长寿路街道's 单位管理员 imports the town's plan, whose names
 * match the town's own 下级单位, publishes it to them, its 党政办 reports and the town approves; the
 * district office reads the plan but neither publishes nor reviews it, 曹杨新村街道's admin finds nothing
 * of it. A district task given to the town is split (分解) to its offices, and their progress rolls
 * up into the town's report to the district. Then the same through the town's pages. A year of its
 * own (2003); the tasks are cancelled afterwards.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TownPlanIT extends PageTest {

    static final int Y = 2003;
    static final String S = Long.toString(System.nanoTime() % 1_000_000, 36);
    static final String CSL_ADMIN = "tp-csl-" + S, CY_ADMIN = "tp-cy-" + S, DZB_REP = "tp-dzb-" + S;
    static final String DZB = "党政办" + S, SQB = "社区管理办" + S, JW = "一居委" + S;
    static String csl, cyxc, dzb, sqb, jw, plan, dzbTask, districtTask, sqbPart;
    static final List<String> tasks = new ArrayList<>();

    @BeforeAll
    static void aTownWithItsOfficesAndPeople() {
        csl = Api.unitId("pt-admin", "长寿路街道");
        cyxc = Api.unitId("pt-admin", "曹杨新村街道");
        dzb = child(csl, DZB, "OFFICE");
        sqb = child(csl, SQB, "OFFICE");
        jw = child(csl, JW, "COMMUNITY");
        person(CSL_ADMIN, "长寿路管理员" + S, "csl", "unit-admin");
        person(CY_ADMIN, "曹杨管理员" + S, "cyxc", "unit-admin");
        String dzbCode = Api.get("pt-admin", "/units/" + dzb).json().getString("code");
        person(DZB_REP, "党政办联络员" + S, dzbCode, "unit-reporter");
    }

    @AfterAll
    static void cancelTheTasks() {
        Towns.cancel(tasks, CSL_ADMIN);
    }

    static void person(String username, String name, String unit, String role) {
        People.ready("pt-admin", username, name, unit, role);
    }

    static Reply call(String user, String method, String path, String json) {
        return People.call(user, method, path, json);
    }

    /** A town plan as a task table: its offices lead, 各居委会 co-operate. */
    static String townPlan(String tag) {
        return "长寿路街道"
                + Y
                + "年重点工作任务清单"
                + tag
                + "\n序号\t工作任务\t牵头单位\t配合单位\t完成时限\n"
                + "1\t完成社区养老服务中心改造"
                + tag
                + "。\t"
                + DZB
                + "\t"
                + SQB
                + "、各居委会\t10月底前\n"
                + "2\t开展垃圾分类示范小区创建"
                + tag
                + "。\t"
                + SQB
                + "\t"
                + DZB
                + "\t12月底前\n";
    }

    static Reply review(String user, String report, String decision, String rating) {
        return call(
                user,
                "POST",
                "/reports/" + report + "/review",
                "{\"decision\":\""
                        + decision
                        + "\""
                        + (rating == null ? "" : ",\"rating\":\"" + rating + "\"")
                        + "}");
    }

    @Test
    @Order(1)
    void theTownImportsItsOwnPlanAndPublishesItToItsSubUnits() {
        String text = townPlan(S);
        // The preview matches the town's own 下级单位, never another town's.
        JsonObject preview =
                call(CSL_ADMIN, "POST", "/plans/preview", Plans.textRequest(text)).json();
        assertThat(preview.getString("level")).isEqualTo("TOWN");
        assertThat(preview.getString("ownerUnitId")).isEqualTo(csl);
        assertThat(preview.getJsonArray("unresolved")).isEmpty();
        assertThat(preview.toString()).contains(dzb).contains(sqb);
        Reply other = call(CY_ADMIN, "POST", "/plans/preview", Plans.textRequest(text));
        assertThat(other.status()).as(other.body()).isEqualTo(200);
        assertThat(other.json().getJsonArray("unresolved").toString()).contains(DZB).contains(SQB);
        assertThat(other.body()).doesNotContain(dzb);

        Reply saved = call(CSL_ADMIN, "POST", "/plans", PlanDocuments.saveRequest(text, "csl.txt"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        plan = saved.json().getString("id");

        // The town lists its own plan; the district reads it; another town finds nothing.
        assertThat(call(CSL_ADMIN, "GET", "/plans", null).body()).contains(plan);
        assertThat(call(CY_ADMIN, "GET", "/plans", null).body()).doesNotContain(plan);
        assertThat(call(CY_ADMIN, "GET", "/plans/" + plan, null).status()).isEqualTo(404);
        assertThat(Api.get("pt-admin", "/plans/" + plan).status()).isEqualTo(200);
        // The town's own plans only: not the district's.
        assertThat(call(CSL_ADMIN, "GET", "/plans", null).array())
                .allSatisfy(
                        p ->
                                assertThat(p.asJsonObject().getString("supervisorUnitId"))
                                        .isEqualTo(csl));

        // Publishing is the town's: the district office reads, another town finds nothing.
        Reply district = Api.post("pt-admin", "/plans/" + plan + "/publication", "{}");
        assertThat(district.status()).as(district.body()).isEqualTo(403);
        assertThat(district.problemCode()).isEqualTo("supervision.town-runs");
        assertThat(call(CY_ADMIN, "POST", "/plans/" + plan + "/publication", "{}").status())
                .isEqualTo(404);
        assertThat(Api.post("pt-csl", "/plans/" + plan + "/publication", "{}").status())
                .isEqualTo(403);
        Reply published = call(CSL_ADMIN, "POST", "/plans/" + plan + "/publication", "{}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().getInt("created")).isGreaterThanOrEqualTo(5);

        // Every task went to the town's own 下级单位: 党政办 and 社区管理办 lead, the 居委 co-operate.
        Set<String> subUnits = new HashSet<>();
        for (JsonValue c : Api.get("pt-admin", "/units/" + csl + "/children").array())
            subUnits.add(c.asJsonObject().getString("id"));
        List<JsonObject> published1 = planTasks(CSL_ADMIN, plan);
        assertThat(published1).hasSize(published.json().getInt("created"));
        Set<String> units = new HashSet<>();
        for (JsonObject t : published1) {
            tasks.add(t.getString("id"));
            units.add(t.getString("unitId"));
            if (t.getString("unitId").equals(dzb) && t.getString("role").equals("LEAD"))
                dzbTask = t.getString("id");
        }
        assertThat(subUnits).containsAll(units);
        assertThat(units).contains(dzb, sqb, jw).doesNotContain(csl, cyxc);
        assertThat(dzbTask).isNotNull();
        // The office is told who assigned it.
        assertThat(call(DZB_REP, "GET", "/inbox", null).body()).contains("长寿路街道下达了");
    }

    @Test
    @Order(2)
    void anOfficeReportsAndTheTownApproves() {
        assertThat(call(DZB_REP, "GET", "/tasks/mine", null).body()).contains(dzbTask);
        String r = report(DZB_REP, dzbTask, "养老服务中心改造已完成" + S, 100);

        // The town's queue has it, the district office's does not.
        assertThat(call(CSL_ADMIN, "GET", "/reports/pending", null).body()).contains(r);
        assertThat(Api.get("pt-admin", "/reports/pending?limit=500").body()).doesNotContain(r);
        Reply district = review("pt-admin", r, "APPROVE", "GOOD");
        assertThat(district.status()).as(district.body()).isEqualTo(403);
        assertThat(district.problemCode()).isEqualTo("supervision.town-runs");
        assertThat(review(CY_ADMIN, r, "APPROVE", "GOOD").status()).isEqualTo(404);

        Reply approved = review(CSL_ADMIN, r, "APPROVE", "GOOD");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        JsonObject task = call(CSL_ADMIN, "GET", "/tasks/" + dzbTask, null).json();
        assertThat(task.getJsonObject("task").getString("status")).isEqualTo("APPROVED");
        assertThat(task.getJsonObject("supervision").getString("office")).isEqualTo("长寿路街道");
        // The district reads the town's task and its report, approved by the town.
        assertThat(Api.get("pt-admin", "/tasks/" + dzbTask).status()).isEqualTo(200);
        assertThat(call(CY_ADMIN, "GET", "/tasks/" + dzbTask, null).status()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void theTownSplitsADistrictTaskAndItsPartsRollUpIntoItsReport() {
        Reply matter =
                Api.post(
                        "pt-admin",
                        "/matters",
                        "{\"source\":\"LEADER_INSTRUCTION\",\"title\":\"老旧小区加装电梯"
                                + S
                                + "\",\"reference\":\"区长\",\"leadUnitId\":\""
                                + csl
                                + "\",\"coUnitIds\":[],\"deadline\":\""
                                + Y
                                + "-11-30\",\"keyTask\":false}");
        assertThat(matter.status()).as(matter.body()).isEqualTo(201);
        districtTask = matter.json().getJsonArray("taskIds").getString(0);
        tasks.add(districtTask);
        String path = "/tasks/" + districtTask + "/parts";
        String both =
                "{\"parts\":[{\"unitId\":\""
                        + dzb
                        + "\"},{\"unitId\":\""
                        + sqb
                        + "\",\"deadline\":\""
                        + Y
                        + "-10-31\"}]}";

        // Only the town's admin splits, only to its own 下级单位, never beyond the district's date.
        Reply district = Api.post("pt-admin", path, both);
        assertThat(district.status()).as(district.body()).isEqualTo(403);
        assertThat(district.problemCode()).isEqualTo("split.town-only");
        assertThat(call(CY_ADMIN, "POST", path, both).status()).isEqualTo(404);
        Reply foreign =
                call(CSL_ADMIN, "POST", path, "{\"parts\":[{\"unitId\":\"" + cyxc + "\"}]}");
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(404);
        Reply late =
                call(
                        CSL_ADMIN,
                        "POST",
                        path,
                        "{\"parts\":[{\"unitId\":\""
                                + dzb
                                + "\",\"deadline\":\""
                                + Y
                                + "-12-31\"}]}");
        assertThat(late.status()).as(late.body()).isEqualTo(400);
        assertThat(late.problemCode()).isEqualTo("split.deadline-after");
        assertThat(call(CSL_ADMIN, "GET", path, null).array()).as("nothing half-saved").isEmpty();

        Reply split = call(CSL_ADMIN, "POST", path, both);
        assertThat(split.status()).as(split.body()).isEqualTo(201);
        assertThat(split.array()).hasSize(2);
        Reply again = call(CSL_ADMIN, "POST", path, "{\"parts\":[{\"unitId\":\"" + dzb + "\"}]}");
        assertThat(again.status()).isEqualTo(409);
        String dzbPart = null;
        for (JsonValue v : Api.get("pt-admin", path).array()) {
            JsonObject p = v.asJsonObject();
            tasks.add(p.getString("taskId"));
            if (p.getString("unitId").equals(dzb)) dzbPart = p.getString("taskId");
            if (p.getString("unitId").equals(sqb)) {
                sqbPart = p.getString("taskId");
                assertThat(p.getString("deadline")).isEqualTo(Y + "-10-31");
            }
        }
        assertThat(dzbPart).isNotNull();
        assertThat(sqbPart).isNotNull();
        JsonObject part = call(DZB_REP, "GET", "/tasks/" + dzbPart, null).json();
        assertThat(part.getJsonObject("supervision").getString("parentTaskId"))
                .isEqualTo(districtTask);
        // The office sees its part, not the town's task.
        assertThat(call(DZB_REP, "GET", "/tasks/" + districtTask, null).status()).isEqualTo(404);

        // 党政办 finishes its part, the town approves it.
        String partReport = report(DZB_REP, dzbPart, "电梯签约完成" + S, 100);
        assertThat(review(CSL_ADMIN, partReport, "APPROVE", "EXCELLENT").status()).isEqualTo(200);

        // The town's 联络员 reports to the district: the parts' progress comes with it.
        String townReport = report("pt-csl", districtTask, "街道已部署" + S, 60);
        JsonObject sent = Api.get("pt-admin", "/reports/" + townReport).json();
        assertThat(sent.getString("text"))
                .startsWith("街道已部署" + S)
                .contains("【分解落实情况】已分解到 2 个下级单位，办结 1 个")
                .contains(DZB + "：已办结，进度 100%")
                .contains(SQB + "：已交办，进度 0%");
        // The district office reviews the town's report; the town does not review its own.
        Reply town = review(CSL_ADMIN, townReport, "APPROVE", null);
        assertThat(town.status()).as(town.body()).isEqualTo(403);
        assertThat(town.problemCode()).isEqualTo("supervision.district-runs");
        assertThat(review("pt-admin", townReport, "APPROVE", null).status()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void theTownManagesItsOwnTasksAndHearsOfThem() {
        String own = null, cooperating = null;
        for (JsonObject t : planTasks(CSL_ADMIN, plan)) {
            if (t.getString("unitId").equals(sqb) && t.getString("role").equals("LEAD"))
                own = t.getString("id");
            if (t.getString("unitId").equals(dzb) && t.getString("role").equals("COOPERATING"))
                cooperating = t.getString("id");
        }
        assertThat(own).isNotNull();
        assertThat(cooperating).isNotNull();
        String moved = "{\"deadline\":\"" + Y + "-12-20\",\"reason\":\"街道统筹调整\"}";

        // The district office reads the town's task; its deadline, reminders and cancelling are the
        // town's. Another town finds nothing.
        Reply deadline = Api.put("pt-admin", "/tasks/" + own + "/deadline", moved, null);
        assertThat(deadline.status()).as(deadline.body()).isEqualTo(403);
        assertThat(deadline.problemCode()).isEqualTo("supervision.town-runs");
        Reply cancel = Api.delete("pt-admin", "/tasks/" + own + "?reason=" + S);
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(403);
        assertThat(cancel.problemCode()).isEqualTo("supervision.town-runs");
        Reply remind =
                Api.post("pt-admin", "/tasks/" + own + "/reminders", "{\"message\":\"请抓紧\"}");
        assertThat(remind.status()).as(remind.body()).isEqualTo(403);
        assertThat(call(CY_ADMIN, "PUT", "/tasks/" + own + "/deadline", moved).status())
                .isEqualTo(404);
        assertThat(call(CY_ADMIN, "DELETE", "/tasks/" + own + "?reason=x", null).status())
                .isEqualTo(404);
        JsonObject still = Api.get("pt-admin", "/tasks/" + own).json().getJsonObject("task");
        assertThat(still.getString("status")).isNotEqualTo("CANCELLED");
        assertThat(still.getString("deadline")).isEqualTo(Y + "-12-31");

        // The town moves its own task's deadline; the office is told by the town.
        Reply townMoves = call(CSL_ADMIN, "PUT", "/tasks/" + own + "/deadline", moved);
        assertThat(townMoves.status()).as(townMoves.body()).isEqualTo(200);
        assertThat(townMoves.json().getString("deadline")).isEqualTo(Y + "-12-20");
        Reply townReminds =
                call(
                        CSL_ADMIN,
                        "POST",
                        "/tasks/" + own + "/reminders",
                        "{\"message\":\"请抓紧" + S + "\"}");
        assertThat(townReminds.status()).as(townReminds.body()).isIn(200, 201, 204);
        // ... but not the district's task given to the town, and a part never beyond the
        // district's date.
        Reply district = call(CSL_ADMIN, "PUT", "/tasks/" + districtTask + "/deadline", moved);
        assertThat(district.status()).as(district.body()).isEqualTo(403);
        assertThat(district.problemCode()).isEqualTo("supervision.district-runs");
        Reply late =
                call(
                        CSL_ADMIN,
                        "PUT",
                        "/tasks/" + sqbPart + "/deadline",
                        "{\"deadline\":\"" + Y + "-12-31\",\"reason\":\"延后\"}");
        assertThat(late.status()).as(late.body()).isEqualTo(400);
        assertThat(late.problemCode()).isEqualTo("split.deadline-after");
        Reply earlier =
                call(
                        CSL_ADMIN,
                        "PUT",
                        "/tasks/" + sqbPart + "/deadline",
                        "{\"deadline\":\"" + Y + "-11-15\",\"reason\":\"提前\"}");
        assertThat(earlier.status()).as(earlier.body()).isEqualTo(200);

        // An office asks the town for more time: the town's queue and inbox have it, the
        // district's do not; only the town decides.
        Reply asked =
                call(
                        DZB_REP,
                        "POST",
                        "/tasks/" + cooperating + "/extensions",
                        "{\"requestedDate\":\""
                                + (Y + 1)
                                + "-01-31\",\"reason\":\"需协调"
                                + S
                                + "\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        String request = asked.json().getString("id");
        assertThat(call(CSL_ADMIN, "GET", "/extensions/pending", null).body()).contains(request);
        assertThat(Api.get("pt-admin", "/extensions/pending").body()).doesNotContain(request);
        assertThat(call(CY_ADMIN, "GET", "/extensions/pending", null).body())
                .doesNotContain(request);
        assertThat(call(CSL_ADMIN, "GET", "/inbox", null).body()).contains("需协调" + S);
        assertThat(Api.get("pt-admin", "/inbox?limit=500").body()).doesNotContain("需协调" + S);
        String decision = "{\"approve\":true}";
        Reply byDistrict = Api.post("pt-admin", "/extensions/" + request + "/decision", decision);
        assertThat(byDistrict.status()).as(byDistrict.body()).isEqualTo(403);
        assertThat(byDistrict.problemCode()).isEqualTo("supervision.town-runs");
        assertThat(
                        call(CY_ADMIN, "POST", "/extensions/" + request + "/decision", decision)
                                .status())
                .isEqualTo(404);
        Reply approved = call(CSL_ADMIN, "POST", "/extensions/" + request + "/decision", decision);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(
                        call(CSL_ADMIN, "GET", "/tasks/" + cooperating, null)
                                .json()
                                .getJsonObject("task")
                                .getString("deadline"))
                .isEqualTo((Y + 1) + "-01-31");
    }

    @Test
    @Order(5)
    void theTownRunsItsPlanThroughItsPages() throws Exception {
        Path shots = Path.of("target", "screenshots", "town-plan");
        String tag = S + "p";
        open(DESKTOP);
        Browsers.submitLogin(browser, CSL_ADMIN, People.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-town-plans")));
        go("/app/unit/town-plans.xhtml", "本街镇督办");
        assertThat(planTitles()).anyMatch(t -> t.contains(S));

        // Paste and import a plan.
        WebElement area = browser.findElement(By.id("town-plan-import:text"));
        js("arguments[0].value = arguments[1];", area, townPlan(tag));
        browser.findElement(By.id("town-plan-import:import")).click();
        wait.until(d -> planTitles().stream().anyMatch(t -> t.endsWith(tag)));
        String newPlan = null;
        for (JsonValue v : call(CSL_ADMIN, "GET", "/plans", null).array())
            if (v.asJsonObject().getString("title").endsWith(tag))
                newPlan = v.asJsonObject().getString("id");
        assertThat(newPlan).isNotNull();

        // Publish it from its row.
        js(
                "for (const row of document.querySelectorAll('#town-plan-list\\\\:plans tbody tr'))"
                        + " if (row.textContent.includes(arguments[0]))"
                        + " row.querySelector('button').click();",
                tag);
        wait.until(d -> String.valueOf(js("return document.body.innerText;")).contains("已下达 "));
        List<JsonObject> published = planTasks(CSL_ADMIN, newPlan);
        assertThat(published).hasSizeGreaterThanOrEqualTo(5);
        String lead = null;
        for (JsonObject t : published) {
            tasks.add(t.getString("id"));
            if (t.getString("unitId").equals(dzb) && t.getString("role").equals("LEAD"))
                lead = t.getString("id");
        }
        String task = lead;

        // The office's 联络员 reports on its phone: the task is in 我的任务, named as the town
        // assigned it.
        logout();
        resize(PHONE);
        Browsers.submitLogin(browser, DZB_REP, People.PASSWORD);
        titleIs("我的任务");
        go("/app/task.xhtml?id=" + task, null);
        assertThat(text("supervisor")).contains("长寿路街道");
        browser.findElement(By.id("report:text")).sendKeys("改造方案已报街道" + tag);
        WebElement percent = browser.findElement(By.id("report:percent_input"));
        percent.clear();
        percent.sendKeys("100");
        shoot(shots, "office-reports", PHONE);
        browser.findElement(By.id("report:submit")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("task-status"), "已报送"));
        String r = null;
        for (JsonValue v : call(CSL_ADMIN, "GET", "/reports/pending", null).array())
            if (v.asJsonObject().getString("taskId").equals(task))
                r = v.asJsonObject().getString("id");
        assertThat(r).as("the office's report waits on the town").isNotNull();
        logout();
        resize(DESKTOP);
        Browsers.submitLogin(browser, CSL_ADMIN, People.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-town-plans")));

        // The report waits on the town's page with its unit and text.
        go("/app/unit/town-plans.xhtml", "本街镇督办");
        String pending = browser.findElement(By.id("pending")).getText();
        assertThat(pending).contains(DZB).contains("改造方案已报街道" + tag).contains("100%");
        shoot(shots, "town-plans", DESKTOP);
        resize(PHONE);
        shoot(shots, "town-plans", PHONE);
        resize(DESKTOP);

        // Approve on the task page.
        go("/app/task.xhtml?id=" + task, null);
        assertThat(text("supervisor")).contains("长寿路街道");
        browser.findElement(By.cssSelector("[id$='approve']")).click();
        wait.until(
                d ->
                        call(CSL_ADMIN, "GET", "/tasks/" + task, null)
                                .json()
                                .getJsonObject("task")
                                .getString("status")
                                .equals("APPROVED"));
        assertThat(Api.get("pt-admin", "/reports/" + r).json().getString("state"))
                .isEqualTo("APPROVED");

        // The district task's page shows its parts and their progress.
        go("/app/task.xhtml?id=" + districtTask, null);
        String parts = browser.findElement(By.id("parts")).getText();
        assertThat(parts).contains(DZB).contains("已办结").contains("100%").contains(SQB);
        // Split to both already: neither is offered again, the 居委 still is.
        assertThat(text("split")).contains(JW).doesNotContain(DZB).doesNotContain(SQB);
        shoot(shots, "district-task-parts", DESKTOP);
        resize(PHONE);
        shoot(shots, "district-task-parts", PHONE);
        quitBrowser();
    }

    private List<String> planTitles() {
        Object titles =
                js(
                        "return Array.from(document.querySelectorAll('.town-plan-title'))"
                                + ".map(e => e.textContent.trim());");
        List<String> out = new ArrayList<>();
        if (titles instanceof List<?> list) for (Object o : list) out.add(String.valueOf(o));
        return out;
    }
}
