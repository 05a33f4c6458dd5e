package cn.duban.client;

import cn.duban.devstack.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The rankings benchmarks' baseline: one hand-written SQL aggregate over the same tasks (per unit:
 * tasks, approved, on time, returned reports, missed checkpoints), run through JDBC as the
 * application's role inside the tenant, so row-level security applies as it does to the app.
 */
public final class RankingAggregate {

    static final String SQL =
            "select t.unit_id, count(*), count(*) filter (where t.status = 'APPROVED'), "
                    + "count(*) filter (where t.completed_on <= t.deadline_date), sum(coalesce(r.returned, 0)), sum(coalesce(c.missed, 0)) "
                    + "from task t "
                    + "left join (select task_id, count(*) returned from progress_report where state = 'RETURNED' group by task_id) r on r.task_id = t.id "
                    + "left join (select task_id, count(*) missed from task_checkpoint where done_on is null or done_on > due_date group by task_id) c "
                    + "on c.task_id = t.id where t.plan_id = any(?) group by t.unit_id";

    /**
     * What a completion scheme reads, per unit: tasks, approved, on time, progress of the open ones
     * and ratings (no report events).
     */
    static final String COMPLETION_SQL =
            "select t.unit_id, count(*), count(*) filter (where t.status = 'APPROVED'), "
                    + "count(*) filter (where t.completed_on <= t.deadline_date), "
                    + "sum(t.progress) filter (where t.status <> 'APPROVED'), count(t.rating) "
                    + "from task t where t.plan_id = any(?) group by t.unit_id";

    /** Timings (after the warm-up runs) and the number of units the aggregate returned. */
    public record Result(List<Double> ms, int groups) {}

    private RankingAggregate() {}

    public static Result time(String jdbcUrl, String tenant, List<UUID> plans, int warmup, int runs)
            throws SQLException {
        return time(SQL, jdbcUrl, tenant, plans, warmup, runs);
    }

    /** The same for the completion figures only ({@link #COMPLETION_SQL}). */
    public static Result timeCompletion(
            String jdbcUrl, String tenant, List<UUID> plans, int warmup, int runs)
            throws SQLException {
        return time(COMPLETION_SQL, jdbcUrl, tenant, plans, warmup, runs);
    }

    private static Result time(
            String sql, String jdbcUrl, String tenant, List<UUID> plans, int warmup, int runs)
            throws SQLException {
        List<Double> ms = new ArrayList<>();
        int groups = 0;
        try (Connection c = EmbeddedDatabase.connect(jdbcUrl, EmbeddedDatabase.APP)) {
            try (PreparedStatement tenantSetting =
                    c.prepareStatement("select set_config('app.tenant_id', ?, false)")) {
                tenantSetting.setString(1, tenant);
                tenantSetting.execute();
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setArray(1, c.createArrayOf("uuid", plans.toArray()));
                for (int i = 0; i < warmup + runs; i++) {
                    long s = System.nanoTime();
                    groups = 0;
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) groups++;
                    }
                    if (i >= warmup) ms.add((System.nanoTime() - s) / 1e6);
                }
            }
        }
        return new Result(ms, groups);
    }
}
