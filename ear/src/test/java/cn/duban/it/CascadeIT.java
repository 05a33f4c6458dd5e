package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.it.support.PageTest;
import cn.duban.it.support.People;
import cn.duban.it.support.Plans;
import cn.duban.it.support.Towns;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * 下发 and coverage (issue 21 item 3): the district publishes a plan whose points go to 各街镇, to
 * departments, and to 长寿路街道 by name, and sends it down to the towns; 长寿路街道's 单位管理员 edits its draft
 * (no later than the district's deadline, only its own 下级单位), publishes it, its 党政办 reports and the
 * town approves; the town splits its district task on the point addressed to it alone. Coverage
 * then shows 长寿路街道 adopted with the sub-units carrying each point, 曹杨新村街道 still a draft, and the
 * point the town took up fully as 全覆盖 — through the API and the plan page. Another town, a leader
 * and another district are refused. A year of its own (2007); tasks are cancelled afterwards.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CascadeIT extends PageTest {

    static final int Y = 2007;
    static final String S = Long.toString(System.nanoTime() % 1_000_000, 36);
    static final String CSL_ADMIN = "cc-csl-" + S, CY_ADMIN = "cc-cy-" + S, DZB_REP = "cc-dzb-" + S;
    static final String DZB = "党政办" + S, SQB = "社区管理办" + S, JW = "一居委" + S;
    static String csl, cyxc, dzb, sqb, jw, plan, cslDraft, cyDraft;
    static final List<String> tasks = new ArrayList<>();

    @BeforeAll
    static void aTownWithItsOfficesAndPeople() {
        csl = Api.unitId("pt-admin", "长寿路街道");
        cyxc = Api.unitId("pt-admin", "曹杨新村街道");
        dzb = Towns.child(csl, DZB, "OFFICE");
        sqb = Towns.child(csl, SQB, "OFFICE");
        jw = Towns.child(csl, JW, "COMMUNITY");
        People.ready("pt-admin", CSL_ADMIN, "长寿路管理员" + S, "csl", "unit-admin");
        People.ready("pt-admin", CY_ADMIN, "曹杨管理员" + S, "cyxc", "unit-admin");
        String dzbCode = Api.get("pt-admin", "/units/" + dzb).json().getString("code");
        People.ready("pt-admin", DZB_REP, "党政办联络员" + S, dzbCode, "unit-reporter");
    }

    @AfterAll
    static void cancelTheTasks() {
        Towns.cancel(tasks, CSL_ADMIN);
    }

    static Reply call(String user, String method, String path, String json) {
        return People.call(user, method, path, json);
    }

    /** Point 1 goes to every town, 2 to departments only, 3 to 长寿路街道 by name. */
    static String districtPlan() {
        return Y
                + "年上海市普陀区下发测试工作要点"
                + S
                + "\n一、城市治理\n"
                + "1.推进社区养老服务设施建设"
                + S
                + "。（责任单位：各街镇；完成时限："
                + Y
                + "年10月31日前）\n"
                + "2.完善部门数据共享机制"
                + S
                + "。（责任单位：各部门；完成时限："
                + Y
                + "年12月31日前）\n"
                + "3.推进苏州河沿岸贯通工程"
                + S
                + "。（责任单位：长寿路街道；完成时限："
                + Y
                + "年11月30日前）\n";
    }

    static void collectTasks(String user, String planId) {
        for (JsonValue v :
                call(user, "GET", "/tasks?limit=500&plan=" + planId, null)
                        .json()
                        .getJsonArray("items")) tasks.add(v.asJsonObject().getString("id"));
    }

    static JsonObject row(JsonObject coverage, String number) {
        return coverage.getJsonArray("rows").stream()
                .map(JsonValue::asJsonObject)
                .filter(r -> r.getString("number").equals(number))
                .findFirst()
                .orElseThrow();
    }

    /** A row's town answers by town name. */
    static Map<String, JsonObject> towns(JsonObject row) {
        return row.getJsonArray("towns").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(t -> t.getString("name"), t -> t));
    }

    static Map<String, String> draftsByTown(Reply r) {
        return r.array().stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(d -> d.getString("townId"), d -> d.getString("planId")));
    }

    @Test
    @Order(1)
    void theDistrictSendsItsPlanDownToEveryTownOnce() {
        plan = Plans.saved("pt-admin", districtPlan(), "cascade-" + S + ".txt").getString("id");
        String all = "/plans/" + plan + "/cascade";

        // Not before the district published it.
        Reply early = Api.post("pt-admin", all, "");
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.problemCode()).isEqualTo("cascade.not-published");
        Reply published =
                Api.post("pt-admin", "/plans/" + plan + "/publication", "{\"allowOpen\":true}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        collectTasks("pt-admin", plan);

        // Only the district office sends down to all; a leader, a town and another district cannot.
        assertThat(Api.post("pt-leader", all, "").status()).isEqualTo(403);
        assertThat(Api.post("pt-leader", all + "/" + csl, "").status()).isEqualTo(403);
        assertThat(Api.post("pt-csl", all + "/" + csl, "").status()).isEqualTo(403);
        assertThat(call(CY_ADMIN, "POST", all, "").status()).isEqualTo(403);
        assertThat(call(CY_ADMIN, "POST", all + "/" + csl, "").status()).isEqualTo(404);
        assertThat(Api.post("jd-admin", all, "").status()).isEqualTo(404);
        assertThat(Api.post("jd-admin", all + "/" + csl, "").status()).isEqualTo(404);
        assertThat(Api.get("pt-admin", "/plans?year=" + Y + "&level=TOWN").body())
                .as("nothing half-made by the refused calls")
                .doesNotContain("落实《");

        Reply sent = Api.post("pt-admin", all, "");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        Map<String, String> drafts = draftsByTown(sent);
        // Every town has point 1; 长寿路街道 point 3 as well; point 2 goes to no town.
        assertThat(drafts).containsKeys(csl, cyxc);
        for (JsonValue v : sent.array()) {
            JsonObject d = v.asJsonObject();
            assertThat(d.getBoolean("created")).isTrue();
            assertThat(d.getBoolean("published")).isFalse();
            assertThat(d.getInt("points")).isEqualTo(d.getString("townId").equals(csl) ? 2 : 1);
        }
        cslDraft = drafts.get(csl);
        cyDraft = drafts.get(cyxc);

        // Again: the same drafts, none made twice; the town asking for its own gets it as well.
        Reply again = Api.post("pt-admin", all, "");
        assertThat(draftsByTown(again)).isEqualTo(drafts);
        assertThat(again.array())
                .allSatisfy(d -> assertThat(d.asJsonObject().getBoolean("created")).isFalse());
        Reply own = call(CSL_ADMIN, "POST", all + "/" + csl, "");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().getString("planId")).isEqualTo(cslDraft);

        // The draft is the town's own plan: it reads it, another town does not.
        JsonObject doc = call(CSL_ADMIN, "GET", "/plans/" + cslDraft, null).json();
        assertThat(doc.getString("level")).isEqualTo("TOWN");
        assertThat(doc.getString("ownerUnitId")).isEqualTo(csl);
        assertThat(Plans.point(doc, "1").getString("title")).contains("养老服务设施建设" + S);
        assertThat(Plans.point(doc, "3").getJsonObject("deadline").getString("date"))
                .isEqualTo(Y + "-11-30");
        assertThat(call(CY_ADMIN, "GET", "/plans/" + cslDraft, null).status()).isEqualTo(404);
        assertThat(call(CY_ADMIN, "GET", "/plans/" + cyDraft, null).status()).isEqualTo(200);
        assertThat(call(CSL_ADMIN, "GET", "/plans/" + cyDraft, null).status()).isEqualTo(404);

        // Coverage sees the drafts at once.
        JsonObject coverage = Api.get("pt-admin", "/plans/" + plan + "/coverage").json();
        assertThat(coverage.getInt("addressed")).isEqualTo(2);
        assertThat(coverage.getInt("fullyCovered")).isZero();
        assertThat(towns(row(coverage, "1")).get("长寿路街道").getString("state")).isEqualTo("DRAFT");
        assertThat(towns(row(coverage, "1")).get("曹杨新村街道").getString("state")).isEqualTo("DRAFT");
        assertThat(row(coverage, "2").getBoolean("addressed")).isFalse();
        assertThat(row(coverage, "2").getJsonArray("towns")).isEmpty();
        assertThat(towns(row(coverage, "3")).keySet()).containsExactly("长寿路街道");
    }

    @Test
    @Order(2)
    void theTownEditsItsDraftAndAdoptsIt() {
        JsonObject doc = call(CSL_ADMIN, "GET", "/plans/" + cslDraft, null).json();
        String p1 = Plans.point(doc, "1").getString("id");
        String path = "/plans/" + cslDraft + "/points/" + p1;
        String edit =
                "{\"title\":\"推进本街道养老服务设施建设"
                        + S
                        + "\",\"deadline\":\""
                        + Y
                        + "-09-30\",\"units\":[{\"unitId\":\""
                        + dzb
                        + "\",\"role\":\"LEAD\"},{\"unitId\":\""
                        + jw
                        + "\",\"role\":\"COOPERATING\"}]}";

        // Not later than the district's deadline; only the town's own units; only the town edits.
        Reply late = call(CSL_ADMIN, "PUT", path, "{\"deadline\":\"" + Y + "-12-31\"}");
        assertThat(late.status()).as(late.body()).isEqualTo(400);
        assertThat(late.problemCode()).isEqualTo("cascade.deadline-after");
        Reply foreign = call(CSL_ADMIN, "PUT", path, "{\"units\":[{\"unitId\":\"" + cyxc + "\"}]}");
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(404);
        assertThat(call(CY_ADMIN, "PUT", path, edit).status()).isEqualTo(404);
        assertThat(Api.put("pt-admin", path, edit, null).status()).isEqualTo(403);
        assertThat(Api.put("pt-leader", path, edit, null).status()).isEqualTo(403);
        assertThat(Api.put("jd-admin", path, edit, null).status()).isEqualTo(404);
        JsonObject unchanged =
                Plans.point(call(CSL_ADMIN, "GET", "/plans/" + cslDraft, null).json(), "1");
        assertThat(unchanged.getJsonArray("units")).as("nothing half-saved").isEmpty();
        assertThat(unchanged.getJsonObject("deadline").getString("date")).isEqualTo(Y + "-10-31");

        Reply edited = call(CSL_ADMIN, "PUT", path, edit);
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        JsonObject point = Plans.point(edited.json(), "1");
        assertThat(point.getString("title")).isEqualTo("推进本街道养老服务设施建设" + S);
        assertThat(point.getJsonObject("deadline").getString("date")).isEqualTo(Y + "-09-30");
        assertThat(point.getJsonArray("units").toString()).contains(dzb).contains(jw);

        // Publishing adopts it: point 1 to 党政办 and the 居委, point 3 stays with the town.
        Reply adopted = call(CSL_ADMIN, "POST", "/plans/" + cslDraft + "/publication", "{}");
        assertThat(adopted.status()).as(adopted.body()).isEqualTo(200);
        assertThat(adopted.json().getInt("created")).isEqualTo(3);
        collectTasks(CSL_ADMIN, cslDraft);
        Reply after = call(CSL_ADMIN, "PUT", path, "{\"text\":\"再改\"}");
        assertThat(after.status()).isEqualTo(409);
        assertThat(after.problemCode()).isEqualTo("cascade.point-published");

        // 党政办 reports, the town approves.
        String dzbTask = null;
        for (JsonValue v : call(DZB_REP, "GET", "/tasks/mine", null).array()) {
            if (v.asJsonObject().getString("title").contains("养老服务设施建设" + S))
                dzbTask = v.asJsonObject().getString("id");
        }
        assertThat(dzbTask).isNotNull();
        Reply report =
                call(
                        DZB_REP,
                        "POST",
                        "/tasks/" + dzbTask + "/reports",
                        "{\"text\":\"两处养老服务点已开工\",\"percent\":50,\"submit\":true}");
        assertThat(report.status()).as(report.body()).isEqualTo(201);
        Reply approved =
                call(
                        CSL_ADMIN,
                        "POST",
                        "/reports/" + report.json().getString("id") + "/review",
                        "{\"decision\":\"APPROVE\",\"rating\":\"GOOD\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        // The district task on point 3, given to the town, is split to 社区管理办.
        String townTask = null;
        for (JsonValue v :
                Api.get("pt-admin", "/tasks?limit=500&plan=" + plan).json().getJsonArray("items")) {
            JsonObject t = v.asJsonObject();
            if (t.getString("unitId").equals(csl) && t.getString("title").contains("苏州河"))
                townTask = t.getString("id");
        }
        assertThat(townTask).isNotNull();
        Reply split =
                call(
                        CSL_ADMIN,
                        "POST",
                        "/tasks/" + townTask + "/parts",
                        "{\"parts\":[{\"unitId\":\"" + sqb + "\"}]}");
        assertThat(split.status()).as(split.body()).isEqualTo(201);
        for (JsonValue v : split.array()) tasks.add(v.asJsonObject().getString("taskId"));
    }

    @Test
    @Order(3)
    void coverageShowsWhoAdoptedAndWhichSubUnitsCarryIt() {
        for (String user : List.of("pt-admin", "pt-leader")) {
            Reply r = Api.get(user, "/plans/" + plan + "/coverage");
            assertThat(r.status()).as(user + r.body()).isEqualTo(200);
            JsonObject coverage = r.json();
            JsonObject p1 = towns(row(coverage, "1")).get("长寿路街道");
            assertThat(p1.getString("state")).isEqualTo("ADOPTED");
            assertThat(p1.getString("planId")).isEqualTo(cslDraft);
            assertThat(p1.getJsonArray("carriers").getValuesAs(jakarta.json.JsonString::getString))
                    .containsExactlyInAnyOrder(DZB, JW);
            assertThat(towns(row(coverage, "1")).get("曹杨新村街道").getString("state"))
                    .isEqualTo("DRAFT");
            // Point 1 waits for the other towns; point 3, addressed to 长寿路街道 alone, is covered
            // by the part split to 社区管理办.
            assertThat(row(coverage, "1").getBoolean("full")).isFalse();
            JsonObject p3 = towns(row(coverage, "3")).get("长寿路街道");
            assertThat(p3.getString("state")).isEqualTo("ADOPTED");
            assertThat(p3.getJsonArray("carriers").getValuesAs(jakarta.json.JsonString::getString))
                    .containsExactly(SQB);
            assertThat(row(coverage, "3").getBoolean("full")).isTrue();
            assertThat(coverage.getInt("fullyCovered")).isEqualTo(1);
        }
        // A town's admin, a unit's 联络员 and another district read no coverage.
        assertThat(call(CSL_ADMIN, "GET", "/plans/" + plan + "/coverage", null).status())
                .isEqualTo(403);
        assertThat(Api.get("pt-csl", "/plans/" + plan + "/coverage").status()).isEqualTo(403);
        assertThat(Api.get("jd-admin", "/plans/" + plan + "/coverage").status()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void theCoveragePageNamesTheTownsAndTheirSubUnits() throws Exception {
        Path shots = Path.of("target", "screenshots", "cascade");
        open(DESKTOP);
        login("pt-admin");
        titleIs("区府办工作台");
        go("/app/admin/plan.xhtml?id=" + plan, "下发测试工作要点" + S);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("下级响应情况"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("coverage-summary")));
        assertThat(text("coverage-summary")).isEqualTo("共 3 条要点，其中 2 条下达街镇，1 条已全覆盖。");

        // Sending down again from the page makes nothing new.
        browser.findElement(By.id("tabs:cascadeForm:cascade")).click();
        wait.until(
                d -> String.valueOf(js("return document.body.innerText;")).contains("其中新生成 0 个"));

        List<String> rows = new ArrayList<>();
        for (var tr : browser.findElements(By.cssSelector("[id$='coverageTable_data'] tr")))
            rows.add(tr.getText());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0))
                .contains("长寿路街道：已落实（")
                .contains(DZB)
                .contains(JW)
                .contains("曹杨新村街道：草稿")
                .doesNotContain("全覆盖");
        assertThat(rows.get(1)).doesNotContain("长寿路街道");
        assertThat(rows.get(2)).contains("全覆盖").contains("长寿路街道：已落实（" + SQB + "）");
        shoot(shots, "coverage", DESKTOP);
        resize(PHONE);
        assertThat(((Number) js("return document.documentElement.scrollWidth;")).intValue())
                .as("no sideways scrolling at 390 px")
                .isLessThanOrEqualTo(PHONE.width);
        assertThat(browser.findElement(By.cssSelector("[id$='coverageTable_data']")).getText())
                .contains("长寿路街道：已落实（")
                .contains(SQB);
        shoot(shots, "coverage", PHONE);
        quitBrowser();
    }
}
