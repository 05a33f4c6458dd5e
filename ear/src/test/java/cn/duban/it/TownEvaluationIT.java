package cn.duban.it;

import static cn.duban.it.support.Towns.child;
import static cn.duban.it.support.Towns.planTasks;
import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.client.PlanDocuments;
import cn.duban.it.support.Browsers;
import cn.duban.it.support.Db;
import cn.duban.it.support.PageTest;
import cn.duban.it.support.People;
import cn.duban.it.support.Plans;
import cn.duban.it.support.Rankings;
import cn.duban.it.support.Towns;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * A town scores and circulates its own 下级单位 (issue 21 item 2): 长寿路街道's 单位管理员 saves the town's
 * scheme, its offices' and 居委's reports are approved by the town, and the town's standings rank
 * them with the expected figures; the district's standings stay as they were although the town
 * split a district task to its 党政办 (a part with an earlier deadline must not become a co-unit's
 * lead). The town drafts and issues a circular to its 下级单位, numbered as its own; the district
 * office and leaders read all of it, 曹杨新村街道's people find nothing, a 下级单位 sees only what is
 * addressed to it. A year of its own (2007); the tasks are cancelled afterwards.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TownEvaluationIT extends PageTest {

    static final int Y = 2007;
    static final int NOW = Plans.TODAY.getYear();
    static final String S = Long.toString(System.nanoTime() % 1_000_000, 36);
    static final String CSL_ADMIN = "te-csl-" + S,
            CY_ADMIN = "te-cy-" + S,
            DZB_REP = "te-dzb-" + S,
            JW_REP = "te-jw-" + S,
            CY_REP = "te-cyo-" + S;
    static final String DZB = "党政办" + S, SQB = "社区管理办" + S, JW = "一居委" + S;
    static String csl, cyxc, sjj, dzb, sqb, jw, cyOffice, districtPlan, townPlan, districtTask;
    static String circular;
    static Map<String, JsonObject> districtBefore;
    static final List<String> tasks = new ArrayList<>();

    @BeforeAll
    static void aTownWithItsOfficesAndPeople() {
        csl = Api.unitId("pt-admin", "长寿路街道");
        cyxc = Api.unitId("pt-admin", "曹杨新村街道");
        sjj = Api.unitId("pt-admin", "区数据局");
        dzb = child(csl, DZB, "OFFICE");
        sqb = child(csl, SQB, "OFFICE");
        jw = child(csl, JW, "COMMUNITY");
        cyOffice = child(cyxc, "党政办" + S + "c", "OFFICE");
        People.ready("pt-admin", CSL_ADMIN, "长寿路管理员" + S, "csl", "unit-admin");
        People.ready("pt-admin", CY_ADMIN, "曹杨管理员" + S, "cyxc", "unit-admin");
        People.ready("pt-admin", DZB_REP, "党政办联络员" + S, code(dzb), "unit-reporter");
        People.ready("pt-admin", JW_REP, "居委联络员" + S, code(jw), "unit-reporter");
        People.ready("pt-admin", CY_REP, "曹杨党政办联络员" + S, code(cyOffice), "unit-reporter");
    }

    @AfterAll
    static void cancelTheTasks() {
        Towns.cancel(tasks, CSL_ADMIN);
    }

    static String code(String unit) {
        return Api.get("pt-admin", "/units/" + unit).json().getString("code");
    }

    static Reply call(String user, String method, String path, String json) {
        return People.call(user, method, path, json);
    }

    static String report(String user, String task, int percent) {
        return Towns.report(user, task, "已完成" + S, percent);
    }

    static void approve(String user, String report, String rating) {
        Reply r =
                call(
                        user,
                        "POST",
                        "/reports/" + report + "/review",
                        "{\"decision\":\"APPROVE\",\"rating\":\"" + rating + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** The year is past: the day a task was finished is set back into it, as EvaluationIT does. */
    static void finishedOn(String task, String day) throws Exception {
        Db.maintExecute(
                "update task set completed_on = '"
                        + day
                        + "', on_time = true where id = '"
                        + task
                        + "'");
    }

    static String scheme(String name, String target, String targetId, String cooperating) {
        return "{\"year\":"
                + Y
                + ",\"name\":\""
                + name
                + "\",\"type\":\"COMPLETION\",\"planWeight\":5,\"cooperatingScoring\":\""
                + cooperating
                + "\",\"indicators\":[{\"name\":\"重点工作\",\"points\":100,\"target\":\""
                + target
                + "\",\"targetId\":\""
                + targetId
                + "\"}]}";
    }

    static String townPlanText() {
        return "长寿路街道"
                + Y
                + "年重点工作考核清单"
                + S
                + "\n序号\t工作任务\t牵头单位\t完成时限\n"
                + "1\t完成社区养老服务中心改造"
                + S
                + "。\t"
                + DZB
                + "\t10月31日前\n"
                + "2\t开展垃圾分类示范小区创建"
                + S
                + "。\t"
                + SQB
                + "\t12月31日前\n"
                + "3\t完成居民议事会换届"
                + S
                + "。\t"
                + JW
                + "\t9月30日前\n";
    }

    static String leadTask(String planId, String unit) {
        for (JsonObject t : planTasks(CSL_ADMIN, planId))
            if (t.getString("unitId").equals(unit) && t.getString("role").equals("LEAD"))
                return t.getString("id");
        throw new AssertionError("no task of " + unit);
    }

    @Test
    @Order(1)
    void theTownSavesItsOwnSchemeWhichOnlyItsAdminMayWrite() {
        // The district's plan of the year: 长寿路街道 leads point 1, 区数据局 co-operates; a district
        // scheme that scores a co-unit as its lead (SAME_AS_LEAD).
        JsonObject saved =
                Plans.saved(
                        "pt-admin",
                        Y
                                + "年普陀区街镇考核测试工作要点"
                                + S
                                + "\n一、民生实事\n1.推进老旧小区综合改造"
                                + S
                                + "。（责任单位：长寿路街道、区数据局；完成时限："
                                + Y
                                + "年6月30日前）\n",
                        "district-" + S + ".txt");
        districtPlan = saved.getString("id");
        Reply published =
                Api.post(
                        "pt-admin",
                        "/plans/" + districtPlan + "/publication",
                        "{\"allowOpen\":true}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        for (JsonObject t : planTasks("pt-admin", districtPlan)) {
            tasks.add(t.getString("id"));
            if (t.getString("unitId").equals(csl)) districtTask = t.getString("id");
        }
        assertThat(districtTask).isNotNull();
        Reply district =
                Api.post(
                        "pt-admin",
                        "/evaluation/schemes",
                        scheme("区级考核" + S, "PLAN", districtPlan, "SAME_AS_LEAD"));
        assertThat(district.status()).as(district.body()).isEqualTo(201);
        districtBefore =
                Rankings.byUnit(
                        Api.get("pt-admin", "/evaluation/rankings?live=true&period=" + Y).json());
        assertThat(districtBefore).containsKeys("长寿路街道", "区数据局");

        // The town's own plan, published to its offices and 居委.
        Reply plan =
                call(
                        CSL_ADMIN,
                        "POST",
                        "/plans",
                        PlanDocuments.saveRequest(townPlanText(), "town-" + S + ".txt"));
        assertThat(plan.status()).as(plan.body()).isEqualTo(201);
        townPlan = plan.json().getString("id");
        Reply out = call(CSL_ADMIN, "POST", "/plans/" + townPlan + "/publication", "{}");
        assertThat(out.status()).as(out.body()).isEqualTo(200);
        for (JsonObject t : planTasks(CSL_ADMIN, townPlan)) tasks.add(t.getString("id"));

        String body = scheme("长寿路街道考核" + S, "PLAN", townPlan, "OWN_REPORTS");
        String path = "/evaluation/schemes?town=" + csl;
        // Nobody else writes the town's scheme: the district office reads it only, another town
        // does not find the town, a leader and a 下级单位's 联络员 may not write at all.
        Reply office = Api.post("pt-admin", path, body);
        assertThat(office.status()).as(office.body()).isEqualTo(403);
        assertThat(office.problemCode()).isEqualTo("supervision.town-runs");
        assertThat(call(CY_ADMIN, "POST", path, body).status()).isEqualTo(404);
        assertThat(call(CY_ADMIN, "POST", "/evaluation/schemes?town=" + cyxc, body).status())
                .as("another town's plan covers nothing of 曹杨新村街道's")
                .isEqualTo(400);
        assertThat(Api.post("pt-leader", path, body).status()).isEqualTo(403);
        assertThat(call(DZB_REP, "POST", path, body).status()).isEqualTo(403);
        // The town's admin without the town: the district's scheme is not the town's to write.
        Reply own = call(CSL_ADMIN, "POST", "/evaluation/schemes", body);
        assertThat(own.status()).as(own.body()).isEqualTo(403);
        assertThat(own.problemCode()).isEqualTo("supervision.district-runs");
        // The district's scheme cannot cover the town's plan.
        Reply covers =
                Api.post(
                        "pt-admin",
                        "/evaluation/schemes",
                        scheme("区级考核" + S, "PLAN", townPlan, "SAME_AS_LEAD"));
        assertThat(covers.status()).as(covers.body()).isEqualTo(400);

        Reply saved1 = call(CSL_ADMIN, "POST", path, body);
        assertThat(saved1.status()).as(saved1.body()).isEqualTo(201);
        // Versions count per supervisor: the town's first is 1 beside the district's 1.
        assertThat(saved1.json().getInt("version")).isEqualTo(1);
        String townScheme = saved1.json().getString("id");

        // Read: the district office and leaders, the town; not another town, nor its 下级单位.
        String current = "/evaluation/schemes/current?year=" + Y + "&town=" + csl;
        assertThat(Api.get("pt-admin", current).json().getString("id")).isEqualTo(townScheme);
        assertThat(Api.get("pt-leader", current).json().getString("id")).isEqualTo(townScheme);
        assertThat(call(CSL_ADMIN, "GET", current, null).status()).isEqualTo(200);
        assertThat(call(CY_ADMIN, "GET", current, null).status()).isEqualTo(404);
        assertThat(call(CY_ADMIN, "GET", "/evaluation/schemes/" + townScheme, null).status())
                .isEqualTo(404);
        assertThat(call(DZB_REP, "GET", current, null).status()).isEqualTo(404);
        // The district's current scheme is still its own.
        assertThat(
                        Api.get("pt-admin", "/evaluation/schemes/current?year=" + Y)
                                .json()
                                .getString("name"))
                .isEqualTo("区级考核" + S);
    }

    @Test
    @Order(2)
    void theTownRanksItsSubUnitsAndTheDistrictStandingsStayAsTheyWere() throws Exception {
        // 党政办 finishes on time (优), the 居委 on time (中), 社区管理办 not by the year's end.
        String dzbTask = leadTask(townPlan, dzb), jwTask = leadTask(townPlan, jw);
        approve(CSL_ADMIN, report(DZB_REP, dzbTask, 100), "EXCELLENT");
        approve(CSL_ADMIN, report(JW_REP, jwTask, 100), "FAIR");
        finishedOn(dzbTask, Y + "-10-20");
        finishedOn(jwTask, Y + "-09-15");

        // The town splits the district task to its 党政办 with an earlier deadline; the part is
        // finished and approved by the town. The district task itself stays open.
        Reply split =
                call(
                        CSL_ADMIN,
                        "POST",
                        "/tasks/" + districtTask + "/parts",
                        "{\"parts\":[{\"unitId\":\""
                                + dzb
                                + "\",\"deadline\":\""
                                + Y
                                + "-03-31\"}]}");
        assertThat(split.status()).as(split.body()).isEqualTo(201);
        String part = split.array().getJsonObject(0).getString("taskId");
        tasks.add(part);
        approve(CSL_ADMIN, report(DZB_REP, part, 100), "EXCELLENT");
        finishedOn(part, Y + "-03-20");

        String rankings = "/evaluation/rankings?period=" + Y + "&town=" + csl;
        JsonObject town = call(CSL_ADMIN, "GET", rankings, null).json();
        Map<String, JsonObject> units = Rankings.byUnit(town);
        assertThat(units.keySet()).containsExactlyInAnyOrder(DZB, SQB, JW);
        assertThat(score(units.get(DZB))).isEqualByComparingTo("100.00");
        assertThat(score(units.get(JW))).isEqualByComparingTo("75.00");
        assertThat(score(units.get(SQB))).isEqualByComparingTo("0.00");
        assertThat(units.get(DZB).getString("group")).isEqualTo("科室组");
        assertThat(units.get(DZB).getInt("rank")).isEqualTo(1);
        assertThat(units.get(SQB).getInt("rank")).isEqualTo(2);
        assertThat(units.get(JW).getString("group")).isEqualTo("居村组");
        assertThat(units.get(JW).getInt("rank")).isEqualTo(1);
        // The part of the district's point is not the town scheme's (it covers the town's plan).
        assertThat(units.get(DZB).getInt("tasks")).isEqualTo(1);
        JsonObject line =
                call(
                                CSL_ADMIN,
                                "GET",
                                "/evaluation/units/"
                                        + jw
                                        + "/breakdown?period="
                                        + Y
                                        + "&town="
                                        + csl,
                                null)
                        .json();
        assertThat(line.toString()).contains("完成居民议事会换届" + S).contains("质量中（×0.75）");

        // The district office and leaders read it; another town and a 下级单位's 联络员 do not.
        assertThat(Api.get("pt-admin", rankings).json()).isEqualTo(town);
        assertThat(Api.get("pt-leader", rankings).status()).isEqualTo(200);
        assertThat(call(CY_ADMIN, "GET", rankings, null).status()).isEqualTo(404);
        assertThat(call(DZB_REP, "GET", rankings, null).status()).isEqualTo(404);
        assertThat(Api.get("pt-csl", rankings).status()).isEqualTo(404);
        assertThat(
                        call(
                                        CY_ADMIN,
                                        "GET",
                                        "/evaluation/units/"
                                                + dzb
                                                + "/breakdown?period="
                                                + Y
                                                + "&town="
                                                + csl,
                                        null)
                                .status())
                .isEqualTo(404);

        // The district's standings: as before the town's work, no 下级单位 among them. Before the
        // district read only its own tasks, the part (finished, earlier deadline) became 区数据局's
        // lead under SAME_AS_LEAD and gave it full marks.
        Map<String, JsonObject> after =
                Rankings.byUnit(
                        Api.get("pt-admin", "/evaluation/rankings?live=true&period=" + Y).json());
        assertThat(after.keySet()).doesNotContain(DZB, SQB, JW);
        for (String name : List.of("长寿路街道", "区数据局")) {
            assertThat(after.get(name).toString())
                    .as(name)
                    .isEqualTo(districtBefore.get(name).toString());
        }
    }

    static java.math.BigDecimal score(JsonObject unit) {
        return unit.getJsonNumber("score").bigDecimalValue();
    }

    @Test
    @Order(3)
    void theTownIssuesACircularToItsSubUnitsOnly() throws Exception {
        String drafts = "/circulars?town=" + csl;
        String period = "{\"period\":\"" + Y + "\"}";
        Reply office = Api.post("pt-admin", drafts, period);
        assertThat(office.status()).as(office.body()).isEqualTo(403);
        assertThat(office.problemCode()).isEqualTo("supervision.town-runs");
        assertThat(call(CY_ADMIN, "POST", drafts, period).status()).isEqualTo(404);
        assertThat(call(DZB_REP, "POST", drafts, period).status()).isEqualTo(403);
        Reply draft = call(CSL_ADMIN, "POST", drafts, period);
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        circular = draft.json().getString("id");
        assertThat(draft.json().getString("issuingOffice")).isEqualTo("长寿路街道办事处");
        assertThat(draft.json().getString("supervisorUnitId")).isEqualTo(csl);

        // A draft is the town's: the district reads it but does not edit or issue it.
        String edit =
                "{\"issuingOffice\":\"长寿路街道办事处\",\"docPrefix\":\"长街督通\",\"title\":\"关于"
                        + Y
                        + "年度重点工作落实情况的通报"
                        + S
                        + "\",\"recipients\":\"各科室，各居（村）委会\",\"praiseReason\":\"予以表扬\",\"nextSteps\":\"继续抓好落实。\"}";
        assertThat(Api.get("pt-admin", "/circulars/" + circular).status()).isEqualTo(200);
        Reply districtEdit = Api.put("pt-admin", "/circulars/" + circular, edit, null);
        assertThat(districtEdit.status()).as(districtEdit.body()).isEqualTo(403);
        assertThat(Api.post("pt-admin", "/circulars/" + circular + "/issue", "{}").status())
                .isEqualTo(403);
        assertThat(Api.delete("pt-admin", "/circulars/" + circular).status()).isEqualTo(403);
        for (String[] a :
                List.of(
                        new String[] {"GET", "/circulars/" + circular},
                        new String[] {"PUT", "/circulars/" + circular},
                        new String[] {"POST", "/circulars/" + circular + "/issue"},
                        new String[] {"DELETE", "/circulars/" + circular},
                        new String[] {"GET", "/circulars/" + circular + "/document.pdf"})) {
            String json = a[0].equals("PUT") ? edit : a[0].equals("POST") ? "{}" : null;
            assertThat(call(CY_ADMIN, a[0], a[1], json).status())
                    .as(a[0] + " " + a[1])
                    .isEqualTo(404);
        }
        // Not issued yet: its 下级单位 do not see the draft.
        assertThat(call(DZB_REP, "GET", "/circulars/" + circular, null).status()).isEqualTo(404);
        assertThat(call(CSL_ADMIN, "PUT", "/circulars/" + circular, edit).status()).isEqualTo(200);

        // The preview is a PDF with the town's standings.
        Reply pdf = call(CSL_ADMIN, "GET", "/circulars/" + circular + "/document.pdf", null);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");

        Reply issued = call(CSL_ADMIN, "POST", "/circulars/" + circular + "/issue", "{}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        // Numbered as the town's own: its first of the year, whatever the district issued.
        String number = "长街督通〔" + NOW + "〕1号";
        assertThat(issued.json().getString("docNumber")).isEqualTo(number);

        // Its 下级单位 are told and read it; another town's 下级单位 and a district department not.
        assertThat(call(DZB_REP, "GET", "/inbox", null).body()).contains("【工作通报】" + number);
        assertThat(call(JW_REP, "GET", "/inbox", null).body()).contains("【工作通报】" + number);
        assertThat(call(DZB_REP, "GET", "/circulars?year=" + Y, null).body()).contains(circular);
        assertThat(call(DZB_REP, "GET", "/circulars/" + circular, null).status()).isEqualTo(200);
        Reply read = call(JW_REP, "GET", "/circulars/" + circular + "/document.pdf", null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).startsWith("%PDF");
        assertThat(call(CY_REP, "GET", "/circulars/" + circular, null).status()).isEqualTo(404);
        assertThat(call(CY_REP, "GET", "/circulars?year=" + Y, null).body())
                .doesNotContain(circular);
        assertThat(call(CY_REP, "GET", "/inbox", null).body()).doesNotContain(number);
        assertThat(Api.get("pt-sjj", "/circulars/" + circular).status()).isEqualTo(404);
        assertThat(Api.get("pt-sjj", "/inbox").body()).doesNotContain(number);
        // The district office and leaders read the town's circulars, listed by town.
        assertThat(Api.get("pt-admin", drafts + "&year=" + Y).body()).contains(circular);
        assertThat(Api.get("pt-leader", "/circulars/" + circular).status()).isEqualTo(200);
        assertThat(Api.get("pt-admin", "/circulars?year=" + Y).body())
                .as("the district's own list")
                .doesNotContain(circular);
        assertThat(call(CY_ADMIN, "GET", drafts + "&year=" + Y, null).status()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void theMonthlyJobDraftsTheDistrictsCircularsAndSkipsTheTowns() {
        // The town drafts the year's last month by hand; the job still drafts the district's own
        // (a town's draft does not stand for it) and drafts nothing for the town.
        Reply december =
                call(CSL_ADMIN, "POST", "/circulars?town=" + csl, "{\"period\":\"" + Y + "-12\"}");
        assertThat(december.status()).as(december.body()).isEqualTo(201);
        int townBefore =
                call(CSL_ADMIN, "GET", "/circulars?year=" + Y + "&town=" + csl, null)
                        .array()
                        .size();
        Reply due = Api.post("pt-admin", "/circulars/due?date=" + (Y + 1) + "-01-01", "{}");
        assertThat(due.status()).as(due.body()).isEqualTo(200);
        assertThat(due.json().getInt("drafted")).isEqualTo(2);
        assertThat(call(CSL_ADMIN, "GET", "/circulars?year=" + Y + "&town=" + csl, null).array())
                .hasSize(townBefore);
        List<String> districtPeriods = new ArrayList<>();
        for (JsonValue v : Api.get("pt-admin", "/circulars?year=" + Y).array()) {
            JsonObject c = v.asJsonObject();
            assertThat(c.containsKey("supervisorUnitId")).isFalse();
            districtPeriods.add(c.getString("period"));
            Api.delete("pt-admin", "/circulars/" + c.getString("id"));
        }
        assertThat(districtPeriods).contains(Y + "-12", Y + "-Q4");
    }

    @Test
    @Order(5)
    void theTownsStandingsAndCircularsOnItsPage() throws Exception {
        Path shots = Path.of("target", "screenshots", "town-evaluation");
        open(DESKTOP);
        Browsers.submitLogin(browser, CSL_ADMIN, People.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-town-evaluation")));
        go("/app/unit/town-evaluation.xhtml?period=" + Y, "本街镇考核与通报");
        assertThat(text("town-scheme")).contains("长寿路街道考核" + S).contains("第1版");
        Map<String, String> scores = standings();
        assertThat(scores)
                .containsEntry(DZB, "100.00")
                .containsEntry(JW, "75.00")
                .containsEntry(SQB, "0.00");
        String circulars = browser.findElement(By.id("town-circulars:list")).getText();
        assertThat(circulars).contains("长街督通〔" + NOW + "〕1号").contains("通报" + S);
        shoot(shots, "town-evaluation", DESKTOP);
        resize(PHONE);
        // At phone width the rows reflow into cards with the same names and figures.
        assertThat(standings()).containsEntry(DZB, "100.00").containsEntry(JW, "75.00");
        Object overflow =
                js("return document.documentElement.scrollWidth > window.innerWidth + 1;");
        assertThat(overflow).as("no sideways scrolling at 390 px").isEqualTo(false);
        shoot(shots, "town-evaluation", PHONE);
        resize(DESKTOP);

        // The issued circular opens read-only; the town's draft opens with its form.
        WebElement link =
                browser.findElement(By.cssSelector("#town-circulars\\:list a.town-circular"));
        assertThat(link.getText()).isNotBlank();
        go("/app/circular.xhtml?id=" + circular, null);
        assertThat(browser.findElements(By.id("edit"))).isEmpty();
        quitBrowser();

        // The district office finds the page is a town's: it reads through the API.
        open(DESKTOP);
        login("pt-admin");
        assertThat(browser.findElements(By.id("nav-town-evaluation"))).isEmpty();
        quitBrowser();
    }

    /** The standings table's units and scores, as the page shows them. */
    private Map<String, String> standings() {
        Object rows =
                js(
                        "return Array.from(document.querySelectorAll('#town-standings tbody tr'))"
                                + ".map(r => [r.querySelector('.town-unit').textContent.trim(),"
                                + " r.querySelector('.town-score').textContent.trim()]);");
        Map<String, String> out = new java.util.HashMap<>();
        if (rows instanceof List<?> list)
            for (Object o : list)
                if (o instanceof List<?> pair)
                    out.put(String.valueOf(pair.get(0)), String.valueOf(pair.get(1)));
        return out;
    }
}
