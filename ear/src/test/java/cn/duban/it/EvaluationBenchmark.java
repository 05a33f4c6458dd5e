package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.client.RankingAggregate;
import cn.duban.client.Timings;
import cn.duban.it.support.Db;
import cn.duban.it.support.Deployments;
import cn.duban.it.support.TestStack;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rankings for a tenant with 60 units, 20,000 tasks and 100,000 reports (./mvnw -B -Pbench verify),
 * against one hand-written SQL aggregate over the same rows in the same run. Prints figures; the
 * goals are read, not asserted.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EvaluationBenchmark {

    static final int Y = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void rankingsOfSixtyUnits() throws Exception {
        // 普陀区 has 33 units; add departments up to 60 scored units (the district office is not
        // scored).
        int existing = Api.get("pt-admin", "/units").array().size();
        for (int i = existing; i < 61; i++) {
            Reply r =
                    Api.post(
                            "pt-admin",
                            "/units",
                            "{\"code\":\"bench-"
                                    + i
                                    + "\",\"name\":\"基准单位"
                                    + i
                                    + "\",\"kind\":\"DEPARTMENT\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        UUID plan = UUID.randomUUID();
        long t0 = System.nanoTime();
        Db.maintExecute(
                "insert into plan (tenant_id, id, title, level, year, source_text, source_sha256, created_by) values "
                        + "('putuo', '"
                        + plan
                        + "', '考核基准计划', 'DISTRICT', "
                        + Y
                        + ", '基准', repeat('e', 64), 'bench')");
        List<String> sections = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            String id = UUID.randomUUID().toString();
            sections.add(id);
            Db.maintExecute(
                    "insert into plan_section (tenant_id, id, plan_id, position, number, title) values ('putuo', '"
                            + id
                            + "', '"
                            + plan
                            + "', "
                            + s
                            + ", '"
                            + "一二三四".charAt(s)
                            + "', '基准章节"
                            + s
                            + "')");
        }
        Db.maintExecute(
                "insert into plan_point (tenant_id, id, plan_id, section_id, position, depth, number, title, text, deadline_date, deadline_kind) "
                        + "select 'putuo', gen_random_uuid(), '"
                        + plan
                        + "', (array['"
                        + String.join("','", sections)
                        + "'])[1 + g % 4]::uuid, g, 0, "
                        + "g::text, '考核基准要点' || g, '考核基准要点' || g, date '"
                        + Y
                        + "-01-15' + (g % 340), 'BY_DATE' from generate_series(1, 334) g");
        // Every scored unit gets every point: 334 × 60 ≈ 20,000 tasks; a third approved (some late,
        // all rated), the rest open.
        Db.maintExecute(
                "insert into task (tenant_id, id, plan_id, point_id, unit_id, role, title, deadline_date, original_deadline, "
                        + "next_due_date, status, progress, completed_on, on_time, rating, published_by) "
                        + "select 'putuo', gen_random_uuid(), p.plan_id, p.id, u.id, 'LEAD', p.title, p.deadline_date, p.deadline_date, p.deadline_date, "
                        + "case when (p.position + length(u.code)) % 3 = 0 then 'APPROVED' else 'IN_PROGRESS' end, (p.position * 7) % 100, "
                        + "case when (p.position + length(u.code)) % 3 = 0 then p.deadline_date + ((p.position + length(u.code)) % 21 - 10) end, "
                        + "case when (p.position + length(u.code)) % 3 = 0 then (p.position + length(u.code)) % 21 <= 10 end, "
                        + "case when (p.position + length(u.code)) % 3 = 0 then (array['EXCELLENT','GOOD','FAIR','POOR'])[1 + p.position % 4] end, 'bench' "
                        + "from plan_point p cross join unit u where p.plan_id = '"
                        + plan
                        + "' and u.tenant_id = 'putuo' and u.kind in ('DEPARTMENT', 'TOWN') "
                        + "limit 20000");
        // Five reports per task: 100,000, of which a fifth returned; one checkpoint per task, half
        // of them missed.
        Db.maintExecute(
                "insert into progress_report (tenant_id, id, task_id, unit_id, state, text, percent, created_by, created_at, "
                        + "submitted_by, submitted_at, reviewed_by, reviewed_at) "
                        + "select 'putuo', gen_random_uuid(), t.id, t.unit_id, case when k = 1 then 'RETURNED' else 'APPROVED' end, '进展' || k, k * 20, "
                        + "'bench', t.deadline_date - k * 7, 'bench', t.deadline_date - k * 7, 'bench', t.deadline_date - k * 7 + 2 "
                        + "from task t cross join generate_series(1, 5) k where t.plan_id = '"
                        + plan
                        + "'");
        Db.maintExecute(
                "insert into task_checkpoint (tenant_id, id, task_id, position, label, due_date, done_on) "
                        + "select 'putuo', gen_random_uuid(), t.id, 0, '季度', t.deadline_date - 30, "
                        + "case when random() < 0.5 then t.deadline_date - 31 end from task t where t.plan_id = '"
                        + plan
                        + "'");
        Db.maintExecute("analyze");
        long loaded = (System.nanoTime() - t0) / 1_000_000;
        long tasks = Db.maintCount("select count(*) from task where plan_id = '" + plan + "'");
        long reports =
                Db.maintCount(
                        "select count(*) from progress_report r join task t on t.tenant_id = r.tenant_id and t.id = r.task_id "
                                + "where t.plan_id = '"
                                + plan
                                + "'");

        StringBuilder indicators = new StringBuilder();
        for (int s = 0; s < 4; s++) {
            indicators
                    .append(s == 0 ? "" : ",")
                    .append("{\"name\":\"基准章节")
                    .append(s)
                    .append("\",\"points\":25,\"target\":\"SECTION\",")
                    .append("\"targetId\":\"")
                    .append(sections.get(s))
                    .append("\"}");
        }
        Reply scheme =
                Api.post(
                        "pt-admin",
                        "/evaluation/schemes",
                        "{\"year\":"
                                + Y
                                + ",\"type\":\"COMPLETION\",\"planWeight\":5,"
                                + "\"partialCredit\":true,\"partialRate\":0.4,\"indicators\":["
                                + indicators
                                + "]}");
        assertThat(scheme.status()).as(scheme.body()).isEqualTo(201);

        String path = "/evaluation/rankings?period=" + Y + "&live=true";
        Reply first = Api.get("pt-leader", path);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        long ranked =
                first.json().getJsonArray("units").stream()
                        .filter(u -> u.asJsonObject().containsKey("rank"))
                        .count();
        for (int i = 0; i < 10; i++) Api.get("pt-leader", path);
        List<Double> rankings = Timings.timed(30, () -> Api.get("pt-leader", path));

        // The baseline: one hand-written aggregate over the same rows, as the application's role in
        // the tenant.
        RankingAggregate.Result aggregate =
                RankingAggregate.time(TestStack.jdbcUrl(), "putuo", List.of(plan), 10, 30);
        System.out.printf(
                "%nBENCH rankings: %d tasks, %d reports, %d units ranked (loaded in %d ms)%n",
                tasks, reports, ranked, loaded);
        System.out.printf(
                "BENCH rankings: GET /evaluation/rankings (live) %s   (goal < 300 ms)%n",
                Timings.stats(rankings));
        System.out.printf(
                "BENCH rankings: SQL aggregate (%d groups) %s%n",
                aggregate.groups(), Timings.stats(aggregate.ms()));
        System.out.printf(
                "BENCH rankings: ratio p50 %.2f×   (goal ≤ 2×)%n",
                Timings.pct(rankings, 50) / Timings.pct(aggregate.ms(), 50));

        // The deduction scheme also reads every task's returned reports and missed checkpoints.
        Reply deduction =
                Api.post(
                        "pt-admin",
                        "/evaluation/schemes",
                        "{\"year\":"
                                + Y
                                + ",\"type\":\"DEDUCTION\",\"planWeight\":5,"
                                + "\"indicators\":["
                                + indicators
                                + "]}");
        assertThat(deduction.status()).as(deduction.body()).isEqualTo(201);
        for (int i = 0; i < 10; i++) Api.get("pt-leader", path);
        List<Double> deductionRankings = Timings.timed(30, () -> Api.get("pt-leader", path));
        System.out.printf(
                "BENCH rankings: deduction scheme %s   (%.2f× the aggregate)%n",
                Timings.stats(deductionRankings),
                Timings.pct(deductionRankings, 50) / Timings.pct(aggregate.ms(), 50));
    }
}
