package cn.duban.it;

import static cn.duban.it.support.Rankings.byUnit;
import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.it.support.Db;
import cn.duban.it.support.Deployments;
import cn.duban.it.support.Plans;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rankings, the trend and the colour cards are answered from kept results (KeptResults, V41), and a
 * write is seen by the next read at once: through the application, by the database role as another
 * node would write, and on the colour cards. The breakdown (detailed, never kept) is the oracle. A
 * write that bypasses the database's note (the trigger disabled by the owner) is not seen: which
 * proves the results are kept, and that the note is what makes them stale.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeptResultsIT {

    /** Two years ago: no other test scores that year. */
    static final int Y = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 2;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void aWriteIsSeenByTheNextReadOfRankingsTrendAndColours() throws Exception {
        String text =
                Y
                        + "年普陀区留存结果测试工作要点\n"
                        + "一、留存测试\n"
                        + "1.做好留存结果测试工作。（责任单位：长寿路街道；完成时限："
                        + Y
                        + "年3月31日前）\n";
        JsonObject saved = Plans.saved("pt-admin", text, "kept.txt");
        String plan = saved.getString("id");
        String section = saved.getJsonArray("sections").getJsonObject(0).getString("id");
        Reply published =
                Api.post("pt-admin", "/plans/" + plan + "/publication", "{\"allowOpen\":true}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        Reply scheme =
                Api.post(
                        "pt-admin",
                        "/evaluation/schemes",
                        "{\"year\":"
                                + Y
                                + ",\"type\":\"COMPLETION\",\"planWeight\":5,\"indicators\":"
                                + "[{\"name\":\"留存测试\",\"points\":100,\"target\":\"SECTION\","
                                + "\"targetId\":\""
                                + section
                                + "\"}]}");
        assertThat(scheme.status()).as(scheme.body()).isEqualTo(201);
        String csl = Api.unitId("pt-admin", "长寿路街道");

        // Not done by the year's end: nothing scored. Read twice: the second is a kept result.
        assertThat(ranked(csl)).isEqualByComparingTo("0");
        assertThat(ranked(csl)).isEqualByComparingTo("0");
        assertThat(trendEnd(csl)).isEqualByComparingTo("0");

        // The task done on time, written with the note switched off (as no write path can): the
        // breakdown sees it, the kept rankings and trend do not.
        Db.ownerExecute(
                "do $$ begin perform set_config('app.tenant_id', 'putuo', true);"
                        + " alter table task disable trigger scoring_write;"
                        + " update task set status = 'APPROVED', progress = 100, completed_on = '"
                        + Y
                        + "-03-20', on_time = true, rating = 'EXCELLENT' where plan_id = '"
                        + plan
                        + "';"
                        + " alter table task enable trigger scoring_write; end $$");
        assertThat(breakdown(csl)).isEqualByComparingTo("100");
        assertThat(ranked(csl)).as("kept").isEqualByComparingTo("0");
        assertThat(trendEnd(csl)).as("kept").isEqualByComparingTo("0");

        // A bonus item through the application: the next reads are computed again.
        Reply bonus =
                Api.post(
                        "pt-admin",
                        "/evaluation/adjustments",
                        "{\"unitId\":\""
                                + csl
                                + "\",\"kind\":\"BONUS\",\"points\":2,"
                                + "\"reason\":\"留存结果测试加分\",\"occurredOn\":\""
                                + Y
                                + "-03-15\"}");
        assertThat(bonus.status()).as(bonus.body()).isEqualTo(201);
        BigDecimal after = breakdown(csl);
        assertThat(after).isGreaterThan(new BigDecimal("100"));
        assertThat(ranked(csl)).isEqualByComparingTo(after);
        assertThat(trendEnd(csl)).isEqualByComparingTo(after);

        // Another node's write: through the database role inside the tenant, past this server.
        Db.appRoleExecute(
                "putuo",
                "insert into evaluation_adjustment (tenant_id, id, year, unit_id, kind, points,"
                        + " reason, occurred_on, created_by) values ('putuo', gen_random_uuid(), "
                        + Y
                        + ", '"
                        + csl
                        + "', 'DEDUCTION', 1, '留存结果测试扣分', '"
                        + Y
                        + "-03-16', 'kept-it')");
        BigDecimal lower = breakdown(csl);
        assertThat(lower).isLessThan(after);
        assertThat(ranked(csl)).isEqualByComparingTo(lower);
        assertThat(trendEnd(csl)).isEqualByComparingTo(lower);

        // The colour cards: this plan's task reopened by the database role counts again.
        int open = colourCount();
        assertThat(colourCount()).isEqualTo(open);
        Db.appRoleExecute(
                "putuo",
                "update task set status = 'IN_PROGRESS', progress = 50, completed_on = null,"
                        + " on_time = null, rating = null where plan_id = '"
                        + plan
                        + "'");
        assertThat(colourCount()).isEqualTo(open + 1);
    }

    /** 长寿路街道's live score for the year in the rankings (kept). */
    static BigDecimal ranked(String unit) {
        JsonObject year =
                Api.get("pt-leader", "/evaluation/rankings?period=" + Y + "&live=true").json();
        JsonObject u =
                byUnit(year).values().stream()
                        .filter(x -> x.getString("unitId").equals(unit))
                        .findFirst()
                        .orElseThrow();
        return u.getJsonNumber("score").bigDecimalValue();
    }

    /** The same score from the breakdown, which is computed on every read. */
    static BigDecimal breakdown(String unit) {
        Reply r =
                Api.get(
                        "pt-admin",
                        "/evaluation/units/" + unit + "/breakdown?period=" + Y + "&live=true");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().getJsonNumber("score").bigDecimalValue();
    }

    /** The year-to-date score at December's end in the trend (kept). */
    static BigDecimal trendEnd(String unit) {
        JsonObject trend = Api.get("pt-leader", "/evaluation/trend?year=" + Y).json();
        for (JsonValue v : trend.getJsonArray("series")) {
            JsonObject s = v.asJsonObject();
            if (!s.getString("unitId").equals(unit)) continue;
            JsonArray scores = s.getJsonArray("scores");
            return scores.getJsonNumber(scores.size() - 1).bigDecimalValue();
        }
        throw new AssertionError("no series for " + unit + ": " + trend);
    }

    /** The district's open tasks on the leaders' colour cards. */
    static int colourCount() {
        Reply r = Api.get("pt-leader", "/colours/overview");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonObject o = r.json();
        return o.getInt("red") + o.getInt("amber") + o.getInt("green");
    }
}
