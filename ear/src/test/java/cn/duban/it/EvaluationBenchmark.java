package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.it.Api.Reply;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
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
 * Rankings for a tenant with 60 units, 20,000 tasks and 100,000 reports (./mvnw -B -Pbench
 * verify), against one hand-written SQL aggregate over the same rows in the same run.
 * Prints figures; the goals are read, not asserted.
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
        // 普陀区 has 33 units; add departments up to 60 scored units (the district office is not scored).
        int existing = Api.get("pt-admin", "/units").array().size();
        for (int i = existing; i < 61; i++) {
            Reply r = Api.post("pt-admin", "/units", "{\"code\":\"bench-" + i + "\",\"name\":\"基准单位" + i + "\",\"kind\":\"DEPARTMENT\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        UUID plan = UUID.randomUUID();
        long t0 = System.nanoTime();
        Db.ownerExecute("insert into plan (tenant_id, id, title, level, year, source_text, source_sha256, created_by) values "
                + "('putuo', '" + plan + "', '考核基准计划', 'DISTRICT', " + Y + ", '基准', repeat('e', 64), 'bench')");
        List<String> sections = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            String id = UUID.randomUUID().toString();
            sections.add(id);
            Db.ownerExecute("insert into plan_section (tenant_id, id, plan_id, position, number, title) values ('putuo', '" + id + "', '"
                    + plan + "', " + s + ", '" + "一二三四".charAt(s) + "', '基准章节" + s + "')");
        }
        Db.ownerExecute("insert into plan_point (tenant_id, id, plan_id, section_id, position, depth, number, title, text, deadline_date, deadline_kind) "
                + "select 'putuo', gen_random_uuid(), '" + plan + "', (array['" + String.join("','", sections) + "'])[1 + g % 4]::uuid, g, 0, "
                + "g::text, '考核基准要点' || g, '考核基准要点' || g, date '" + Y + "-01-15' + (g % 340), 'BY_DATE' from generate_series(1, 334) g");
        // Every scored unit gets every point: 334 × 60 ≈ 20,000 tasks; a third approved (some late, all rated), the rest open.
        Db.ownerExecute("insert into task (tenant_id, id, plan_id, point_id, unit_id, role, title, deadline_date, original_deadline, "
                + "next_due_date, status, progress, completed_on, on_time, rating, published_by) "
                + "select 'putuo', gen_random_uuid(), p.plan_id, p.id, u.id, 'LEAD', p.title, p.deadline_date, p.deadline_date, p.deadline_date, "
                + "case when (p.position + length(u.code)) % 3 = 0 then 'APPROVED' else 'IN_PROGRESS' end, (p.position * 7) % 100, "
                + "case when (p.position + length(u.code)) % 3 = 0 then p.deadline_date + ((p.position + length(u.code)) % 21 - 10) end, "
                + "case when (p.position + length(u.code)) % 3 = 0 then (p.position + length(u.code)) % 21 <= 10 end, "
                + "case when (p.position + length(u.code)) % 3 = 0 then (array['EXCELLENT','GOOD','FAIR','POOR'])[1 + p.position % 4] end, 'bench' "
                + "from plan_point p cross join unit u where p.plan_id = '" + plan + "' and u.tenant_id = 'putuo' and u.kind <> 'DISTRICT_OFFICE' "
                + "limit 20000");
        // Five reports per task: 100,000, of which a fifth returned; one checkpoint per task, half of them missed.
        Db.ownerExecute("insert into progress_report (tenant_id, id, task_id, unit_id, state, text, percent, created_by, created_at, "
                + "submitted_by, submitted_at, reviewed_by, reviewed_at) "
                + "select 'putuo', gen_random_uuid(), t.id, t.unit_id, case when k = 1 then 'RETURNED' else 'APPROVED' end, '进展' || k, k * 20, "
                + "'bench', t.deadline_date - k * 7, 'bench', t.deadline_date - k * 7, 'bench', t.deadline_date - k * 7 + 2 "
                + "from task t cross join generate_series(1, 5) k where t.plan_id = '" + plan + "'");
        Db.ownerExecute("insert into task_checkpoint (tenant_id, id, task_id, position, label, due_date, done_on) "
                + "select 'putuo', gen_random_uuid(), t.id, 0, '季度', t.deadline_date - 30, "
                + "case when random() < 0.5 then t.deadline_date - 31 end from task t where t.plan_id = '" + plan + "'");
        Db.ownerExecute("analyze");
        long loaded = (System.nanoTime() - t0) / 1_000_000;
        long tasks = Db.ownerCount("select count(*) from task where plan_id = '" + plan + "'");
        long reports = Db.ownerCount("select count(*) from progress_report r join task t on t.tenant_id = r.tenant_id and t.id = r.task_id "
                + "where t.plan_id = '" + plan + "'");

        StringBuilder indicators = new StringBuilder();
        for (int s = 0; s < 4; s++) {
            indicators.append(s == 0 ? "" : ",").append("{\"name\":\"基准章节").append(s).append("\",\"points\":25,\"target\":\"SECTION\",")
                    .append("\"targetId\":\"").append(sections.get(s)).append("\"}");
        }
        Reply scheme = Api.post("pt-admin", "/evaluation/schemes", "{\"year\":" + Y + ",\"type\":\"COMPLETION\",\"planWeight\":5,"
                + "\"partialCredit\":true,\"partialRate\":0.4,\"indicators\":[" + indicators + "]}");
        assertThat(scheme.status()).as(scheme.body()).isEqualTo(201);

        String path = "/evaluation/rankings?period=" + Y + "&live=true";
        Reply first = Api.get("pt-leader", path);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        long ranked = first.json().getJsonArray("units").stream().filter(u -> u.asJsonObject().containsKey("rank")).count();
        for (int i = 0; i < 10; i++) Api.get("pt-leader", path);
        List<Double> rankings = LedgerBenchmark.timed(30, () -> Api.get("pt-leader", path));

        // The baseline: one hand-written aggregate over the same rows, as the application's role in the tenant.
        String sql = "select t.unit_id, count(*), count(*) filter (where t.status = 'APPROVED'), "
                + "count(*) filter (where t.completed_on <= t.deadline_date), sum(coalesce(r.returned, 0)), sum(coalesce(c.missed, 0)) "
                + "from task t "
                + "left join (select task_id, count(*) returned from progress_report where state = 'RETURNED' group by task_id) r on r.task_id = t.id "
                + "left join (select task_id, count(*) missed from task_checkpoint where done_on is null or done_on > due_date group by task_id) c "
                + "on c.task_id = t.id where t.plan_id = ? group by t.unit_id";
        List<Double> aggregate = new ArrayList<>();
        int groups = 0;
        try (Connection c = DriverManager.getConnection(TestStack.jdbcUrl(), "duban_app", "duban_app")) {
            try (Statement s = c.createStatement()) {
                s.execute("select set_config('app.tenant_id', 'putuo', false)");
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, plan);
                for (int i = 0; i < 40; i++) {
                    long s = System.nanoTime();
                    groups = 0;
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) groups++;
                    }
                    if (i >= 10) aggregate.add((System.nanoTime() - s) / 1e6);
                }
            }
        }
        System.out.printf("%nBENCH rankings: %d tasks, %d reports, %d units ranked (loaded in %d ms)%n", tasks, reports, ranked, loaded);
        System.out.printf("BENCH rankings: GET /evaluation/rankings (live) %s   (goal < 300 ms)%n", LedgerBenchmark.stats(rankings));
        System.out.printf("BENCH rankings: SQL aggregate (%d groups) %s%n", groups, LedgerBenchmark.stats(aggregate));
        System.out.printf("BENCH rankings: ratio p50 %.2f×   (goal ≤ 2×)%n",
                LedgerBenchmark.pct(sorted(rankings), 50) / LedgerBenchmark.pct(sorted(aggregate), 50));

        // The deduction scheme also reads every task's returned reports and missed checkpoints.
        Reply deduction = Api.post("pt-admin", "/evaluation/schemes", "{\"year\":" + Y + ",\"type\":\"DEDUCTION\",\"planWeight\":5,"
                + "\"indicators\":[" + indicators + "]}");
        assertThat(deduction.status()).as(deduction.body()).isEqualTo(201);
        for (int i = 0; i < 10; i++) Api.get("pt-leader", path);
        List<Double> deductionRankings = LedgerBenchmark.timed(30, () -> Api.get("pt-leader", path));
        System.out.printf("BENCH rankings: deduction scheme %s   (%.2f× the aggregate)%n", LedgerBenchmark.stats(deductionRankings),
                LedgerBenchmark.pct(sorted(deductionRankings), 50) / LedgerBenchmark.pct(sorted(aggregate), 50));
    }

    static double[] sorted(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }
}
