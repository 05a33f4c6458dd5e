package cn.duban.it;

import static cn.duban.it.support.Rankings.byUnit;
import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.it.support.Db;
import cn.duban.it.support.Deployments;
import cn.duban.it.support.Plans;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Evaluation against the real server: a small plan of last year (so every period has ended), its
 * history set in the database, then schemes, hand-computed scores, closing periods into published
 * versions, bonus items, isolation and roles.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvaluationIT {

    static final int Y = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;
    static String plan, section1, section2, csl, sjj;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeAll
    static void aPlanWithHistory() throws SQLException {
        String text =
                Y
                        + "年普陀区考核测试工作要点\n"
                        + "一、信息公开\n"
                        + "1.做好考核测试财政预决算公开。（责任单位：长寿路街道、区数据局；完成时限："
                        + Y
                        + "年3月31日前）\n"
                        + "2.推进考核测试重大项目信息公开。（责任单位：长寿路街道；完成时限："
                        + Y
                        + "年6月30日前）\n"
                        + "二、政策解读\n"
                        + "3.开展考核测试政策解读活动。（责任单位：区数据局；完成时限："
                        + Y
                        + "年9月30日前）\n";
        JsonObject saved = Plans.saved("pt-admin", text, "evaluation.txt");
        plan = saved.getString("id");
        section1 = saved.getJsonArray("sections").getJsonObject(0).getString("id");
        section2 = saved.getJsonArray("sections").getJsonObject(1).getString("id");
        Reply published =
                Api.post("pt-admin", "/plans/" + plan + "/publication", "{\"allowOpen\":true}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().getInt("created")).isEqualTo(4);
        csl = Api.unitId("pt-admin", "长寿路街道");
        sjj = Api.unitId("pt-admin", "区数据局");
        String p1 = Plans.point(saved, "1").getString("id"),
                p2 = Plans.point(saved, "2").getString("id");
        // Last year's history: 长寿路街道 finished point 1 early (优); 区数据局 ten days late (良);
        // 长寿路街道 had a report on point 2 returned in May.
        Db.maintExecute(
                "update task set status = 'APPROVED', progress = 100, completed_on = '"
                        + Y
                        + "-03-20', on_time = true, "
                        + "rating = 'EXCELLENT' where point_id = '"
                        + p1
                        + "' and unit_id = '"
                        + csl
                        + "'");
        Db.maintExecute(
                "update task set status = 'APPROVED', progress = 100, completed_on = '"
                        + Y
                        + "-04-10', on_time = false, "
                        + "rating = 'GOOD' where point_id = '"
                        + p1
                        + "' and unit_id = '"
                        + sjj
                        + "'");
        Db.maintExecute(
                "insert into progress_report (tenant_id, id, task_id, unit_id, state, text, percent, created_by, submitted_by, "
                        + "submitted_at, reviewed_by, reviewed_at, review_comment) select tenant_id, gen_random_uuid(), id, unit_id, 'RETURNED', "
                        + "'进展', 40, 'pt-csl', 'pt-csl', '"
                        + Y
                        + "-05-08T10:00:00+08', 'pt-admin', '"
                        + Y
                        + "-05-10T10:00:00+08', '材料不全' "
                        + "from task where point_id = '"
                        + p2
                        + "' and unit_id = '"
                        + csl
                        + "'");
    }

    static String scheme(String type, int points1, int points2, String target2) {
        return "{\"year\":"
                + Y
                + ",\"name\":\""
                + Y
                + "年政务公开考核\",\"type\":\""
                + type
                + "\",\"planWeight\":5,"
                // 区数据局 co-operates on point 1: these figures score it on its own reports, as
                // every scheme did before the rule cooperatingScoring (ContributionIT scores the
                // rest).
                + "\"cooperatingScoring\":\"OWN_REPORTS\","
                + "\"indicators\":[{\"name\":\"信息公开\",\"points\":"
                + points1
                + ",\"target\":\"SECTION\",\"targetId\":\""
                + section1
                + "\"},"
                + "{\"name\":\"政策解读\",\"points\":"
                + points2
                + ",\"target\":\"SECTION\",\"targetId\":\""
                + target2
                + "\"}]}";
    }

    static BigDecimal score(JsonObject unit) {
        return unit.getJsonNumber("score").bigDecimalValue();
    }

    @Test
    @Order(1)
    void aSchemeMustAddUpAndCoverRealPoints() {
        Reply ninety =
                Api.post("pt-admin", "/evaluation/schemes", scheme("COMPLETION", 60, 30, section2));
        assertThat(ninety.status()).isEqualTo(400);
        assertThat(ninety.problemCode()).isEqualTo("scheme.invalid");
        assertThat(ninety.json().getString("detail")).isEqualTo("各项指标分值合计应为100分，当前为90分。");

        Reply unknown =
                Api.post(
                        "pt-admin",
                        "/evaluation/schemes",
                        scheme("COMPLETION", 60, 40, java.util.UUID.randomUUID().toString()));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().getJsonArray("errors"))
                .extracting(e -> e.asJsonObject().getString("field"))
                .contains("indicators[1].target");

        assertThat(
                        Api.post(
                                        "pt-csl",
                                        "/evaluation/schemes",
                                        scheme("COMPLETION", 60, 40, section2))
                                .status())
                .isEqualTo(403);
        assertThat(Api.get("pt-admin", "/evaluation/rankings?period=" + Y).problemCode())
                .isEqualTo("scheme.not-found");

        Reply saved =
                Api.post("pt-admin", "/evaluation/schemes", scheme("COMPLETION", 60, 40, section2));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(saved.json().getInt("version")).isEqualTo(1);
        assertThat(
                        saved.json()
                                .getJsonObject("rules")
                                .getJsonObject("quality")
                                .getJsonNumber("POOR")
                                .doubleValue())
                .isEqualTo(0.5);
        JsonObject current = Api.get("pt-leader", "/evaluation/schemes/current?year=" + Y).json();
        assertThat(current.getJsonArray("indicators"))
                .extracting(i -> i.asJsonObject().getString("name"))
                .containsExactly("信息公开", "政策解读");
        assertThat(
                        Api.get("pt-csl", "/evaluation/schemes/" + current.getString("id"))
                                .json()
                                .getInt("version"))
                .isEqualTo(1);
    }

    @Test
    @Order(2)
    void completionScoresAreComputedAndExplained() {
        JsonObject year = Api.get("pt-leader", "/evaluation/rankings?period=" + Y).json();
        assertThat(year.getString("label")).isEqualTo(Y + "年度");
        assertThat(year.containsKey("snapshot")).as("live scores have no snapshot").isFalse();
        Map<String, JsonObject> units = byUnit(year);
        // 长寿路街道: only 信息公开 applies (scaled to 100): point 1 on time ×1.0, point 2 not done by year
        // end → 50.
        assertThat(score(units.get("长寿路街道"))).isEqualByComparingTo("50.00");
        assertThat(units.get("长寿路街道").getJsonNumber("weighted").bigDecimalValue())
                .isEqualByComparingTo("2.50");
        assertThat(units.get("长寿路街道").getInt("rank")).isEqualTo(1);
        // 区数据局: 60 × (1 − 10%) × 良0.9 + 40 × 0 = 48.6.
        assertThat(score(units.get("区数据局"))).isEqualByComparingTo("48.60");
        assertThat(units.get("区数据局").getString("group")).isEqualTo("部门组");
        // Units with no task in the scheme are listed, not ranked.
        assertThat(units.get("桃浦镇").containsKey("score")).isFalse();
        assertThat(units.get("桃浦镇").containsKey("rank")).isFalse();

        JsonObject breakdown =
                Api.get("pt-csl", "/evaluation/units/" + csl + "/breakdown?period=" + Y).json();
        assertThat(breakdown.getJsonArray("lines"))
                .extracting(l -> l.asJsonObject().getString("rule"))
                .containsExactly("按期办结，质量优（×1）", "年底未办结，不得分");
        JsonObject sjjLines =
                Api.get("pt-admin", "/evaluation/units/" + sjj + "/breakdown?period=" + Y).json();
        assertThat(sjjLines.getJsonArray("lines").getJsonObject(0).getString("rule"))
                .isEqualTo("逾期10天办结（每周扣5%，2周共扣10%），质量良（×0.9）");
        assertThat(
                        Api.get("pt-csl", "/evaluation/units/" + sjj + "/breakdown?period=" + Y)
                                .status())
                .isEqualTo(404);
    }

    @Test
    @Order(3)
    void closingAPeriodPublishesAVersionThatLaterEditsDoNotChange() throws SQLException {
        assertThat(
                        Api.post("pt-admin", "/evaluation/periods/" + (Y + 2) + "-Q4/close", "{}")
                                .problemCode())
                .isEqualTo("period.running");
        Reply closed = Api.post("pt-admin", "/evaluation/periods/" + Y + "-Q1/close", "{}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(201);
        assertThat(closed.json().getInt("version")).isEqualTo(1);
        assertThat(closed.json().getString("sha256")).hasSize(64);
        // In the first quarter only point 1 was due; 区数据局 finished it in April.
        JsonObject q1 = Api.get("pt-leader", "/evaluation/rankings?period=" + Y + "-Q1").json();
        assertThat(q1.getJsonObject("snapshot").getInt("version")).isEqualTo(1);
        assertThat(score(byUnit(q1).get("长寿路街道"))).isEqualByComparingTo("100");
        assertThat(score(byUnit(q1).get("区数据局"))).isEqualByComparingTo("0");

        // A bonus item for March: live scores change, the published ranking does not.
        Reply bonus =
                Api.post(
                        "pt-admin",
                        "/evaluation/adjustments",
                        "{\"unitId\":\""
                                + sjj
                                + "\",\"kind\":\"BONUS\",\"points\":3,"
                                + "\"reason\":\"政务公开工作获市级通报表扬\",\"occurredOn\":\""
                                + Y
                                + "-03-15\"}");
        assertThat(bonus.status()).as(bonus.body()).isEqualTo(201);
        Reply tooMuch =
                Api.post(
                        "pt-admin",
                        "/evaluation/adjustments",
                        "{\"unitId\":\""
                                + sjj
                                + "\",\"kind\":\"BONUS\",\"points\":300,"
                                + "\"reason\":\"x\",\"occurredOn\":\""
                                + Y
                                + "-03-15\"}");
        assertThat(tooMuch.problemCode()).isEqualTo("adjustment.points");
        assertThat(
                        score(
                                byUnit(
                                                Api.get(
                                                                "pt-admin",
                                                                "/evaluation/rankings?period="
                                                                        + Y
                                                                        + "-Q1&live=true")
                                                        .json())
                                        .get("区数据局")))
                .isEqualByComparingTo("3");
        assertThat(
                        score(
                                byUnit(
                                                Api.get(
                                                                "pt-admin",
                                                                "/evaluation/rankings?period="
                                                                        + Y
                                                                        + "-Q1")
                                                        .json())
                                        .get("区数据局")))
                .isEqualByComparingTo("0");

        Reply again = Api.post("pt-admin", "/evaluation/periods/" + Y + "-Q1/close", "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemCode()).isEqualTo("period.closed");
        Reply corrected =
                Api.post(
                        "pt-admin",
                        "/evaluation/periods/" + Y + "-Q1/close",
                        "{\"reason\":\"补录区数据局市级表扬加分\"}");
        assertThat(corrected.json().getInt("version")).isEqualTo(2);
        JsonObject v2 = Api.get("pt-leader", "/evaluation/rankings?period=" + Y + "-Q1").json();
        assertThat(v2.getJsonObject("snapshot").getString("reason")).isEqualTo("补录区数据局市级表扬加分");
        assertThat(score(byUnit(v2).get("区数据局"))).isEqualByComparingTo("3");
        assertThat(Api.get("pt-admin", "/evaluation/periods?year=" + Y).array()).hasSize(2);

        // Snapshots are a record: the application's database role cannot rewrite them.
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () ->
                                Db.appRoleExecute(
                                        "putuo", "update evaluation_snapshot set content = '{}'"))
                .isInstanceOf(SQLException.class);
        assertThat(
                        Db.maintCount(
                                "select count(*) from audit_log where action = 'evaluation.closed' and tenant_id = 'putuo'"))
                .isGreaterThanOrEqualTo(2);
        assertThat(
                        Api.get("pt-leader", "/inbox").array().stream()
                                .map(m -> m.asJsonObject().getString("subject")))
                .contains(Y + "年第一季度考核结果已发布（第2版）");
    }

    @Test
    @Order(4)
    void aDeductionSchemeIsTheNextVersion() {
        Reply saved =
                Api.post("pt-admin", "/evaluation/schemes", scheme("DEDUCTION", 60, 40, section2));
        assertThat(saved.json().getInt("version")).isEqualTo(2);
        Map<String, JsonObject> units =
                byUnit(Api.get("pt-admin", "/evaluation/rankings?period=" + Y).json());
        // 长寿路街道: 信息公开 60 − 10 (point 2 overdue) − 2 (a returned report) = 48; 政策解读 untouched 40.
        assertThat(score(units.get("长寿路街道"))).isEqualByComparingTo("88.00");
        // 区数据局: 60 − 5 (late) + 40 − 10 (overdue) + 3 (bonus) = 88.
        assertThat(score(units.get("区数据局"))).isEqualByComparingTo("88.00");
        JsonObject lines =
                Api.get("pt-csl", "/evaluation/units/" + csl + "/breakdown?period=" + Y).json();
        assertThat(lines.getJsonArray("lines"))
                .extracting(l -> l.asJsonObject().getString("rule"))
                .containsExactlyInAnyOrder("逾期未办结，每件扣10分", "报送被退回（" + Y + "-05-10），每次扣2分");

        // The published first quarter still shows the completion scheme's version 1 scores.
        JsonObject q1 = Api.get("pt-leader", "/evaluation/rankings?period=" + Y + "-Q1").json();
        assertThat(q1.getJsonObject("scheme").getInt("version")).isEqualTo(1);

        JsonObject trend = Api.get("pt-leader", "/evaluation/trend?year=" + Y).json();
        assertThat(trend.getJsonArray("months")).hasSize(12);
        JsonObject cslSeries =
                trend.getJsonArray("series").stream()
                        .map(JsonValue::asJsonObject)
                        .filter(s -> s.getString("unitName").equals("长寿路街道"))
                        .findFirst()
                        .orElseThrow();
        List<BigDecimal> scores =
                cslSeries.getJsonArray("scores").stream()
                        .map(v -> ((jakarta.json.JsonNumber) v).bigDecimalValue())
                        .toList();
        assertThat(scores.get(0)).isEqualByComparingTo("100"); // nothing due in January
        assertThat(scores.get(11)).isEqualByComparingTo("88");
    }

    @Test
    @Order(5)
    void anotherDistrictSeesNothingAndRolesAreEnforced() throws SQLException {
        // 嘉定区 may have its own scheme for the year (CircularIT makes one); it never sees 普陀区's.
        List<String> putuoSchemes =
                Api.get("pt-admin", "/evaluation/schemes?year=" + Y).array().stream()
                        .map(s -> s.asJsonObject().getString("id"))
                        .toList();
        assertThat(putuoSchemes).hasSize(2);
        assertThat(
                        Api.get("jd-admin", "/evaluation/schemes?year=" + Y).array().stream()
                                .map(s -> s.asJsonObject().getString("id")))
                .doesNotContainAnyElementsOf(putuoSchemes);
        assertThat(Api.get("jd-admin", "/evaluation/schemes/" + putuoSchemes.get(0)).status())
                .isEqualTo(404);
        Reply jiading = Api.get("jd-admin", "/evaluation/rankings?period=" + Y);
        if (jiading.status() == 200) {
            assertThat(
                            jiading.json().getJsonArray("units").stream()
                                    .map(u -> u.asJsonObject().getString("unitName")))
                    .doesNotContain("长寿路街道", "桃浦镇");
        } else {
            assertThat(jiading.problemCode()).isEqualTo("scheme.not-found");
        }
        assertThat(
                        Api.get("jd-admin", "/evaluation/units/" + csl + "/breakdown?period=" + Y)
                                .status())
                .isEqualTo(404);
        List<String> putuoSnapshots =
                Api.get("pt-admin", "/evaluation/periods?year=" + Y).array().stream()
                        .map(s -> s.asJsonObject().getString("id"))
                        .toList();
        assertThat(
                        Api.get("jd-admin", "/evaluation/periods?year=" + Y).array().stream()
                                .map(s -> s.asJsonObject().getString("id")))
                .doesNotContainAnyElementsOf(putuoSnapshots);
        assertThat(
                        Api.get("jd-admin", "/evaluation/adjustments?year=" + Y).array().stream()
                                .map(a -> a.asJsonObject().getString("unitId")))
                .doesNotContain(sjj);
        assertThat(Db.appRoleCount("select count(*) from evaluation_snapshot"))
                .isZero(); // no tenant set: RLS shows nothing
        assertThat(Api.post("pt-leader", "/evaluation/periods/" + Y + "-Q2/close", "{}").status())
                .isEqualTo(403);
        assertThat(Api.get("pt-csl", "/evaluation/adjustments?year=" + Y).status()).isEqualTo(403);
        assertThat(Api.get("pt-admin", "/evaluation/rankings?period=" + Y + "-13").problemCode())
                .isEqualTo("period.invalid");
    }
}
