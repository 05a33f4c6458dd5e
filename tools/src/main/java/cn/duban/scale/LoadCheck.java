package cn.duban.scale;

import cn.duban.scale.DataGenerator.LoadResult;
import cn.duban.scale.DataGenerator.Table;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a load: the database holds exactly what was generated; the application's role, inside a
 * tenant, sees that tenant's rows and nothing of any other (row-level security), and sees nothing
 * outside a tenant; no foreign key is invalid or disabled and none is broken for the sampled
 * tenants; and the sampled tenants' tasks agree with their reports the way the ledger keeps them.
 */
public final class LoadCheck {

    private LoadCheck() {}

    /**
     * Runs the checks (sampling the first and last tenant) and returns one line per check.
     *
     * @throws IllegalStateException listing every failed check
     */
    public static List<String> run(Connection maint, Connection app, LoadResult result)
            throws SQLException {
        List<String> lines = new ArrayList<>(), failures = new ArrayList<>();
        List<Integer> samples =
                result.tenantIds().size() == 1
                        ? List.of(0)
                        : List.of(0, result.tenantIds().size() - 1);

        Array ids = maint.createArrayOf("varchar", result.tenantIds().toArray());
        for (Table table : Table.values()) {
            String column = table == Table.TENANT ? "id" : "tenant_id";
            long n =
                    count(
                            maint,
                            "select count(*) from "
                                    + table.sqlName
                                    + " where "
                                    + column
                                    + " = any(?)",
                            ids);
            expect(
                    lines,
                    failures,
                    n == result.total(table),
                    "rows table="
                            + table.sqlName
                            + " count="
                            + n
                            + " generated="
                            + result.total(table));
        }

        long invalid =
                count(
                        maint,
                        "select count(*) from pg_constraint c join pg_namespace n on n.oid = c.connamespace "
                                + "where n.nspname = 'public' and not c.convalidated");
        long disabled =
                count(
                        maint,
                        "select count(*) from pg_trigger t join pg_class c on c.oid = t.tgrelid "
                                + "join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and t.tgenabled = 'D'");
        long foreignKeys =
                count(
                        maint,
                        "select count(*) from pg_constraint c join pg_namespace n on n.oid = c.connamespace "
                                + "where n.nspname = 'public' and c.contype = 'f'");
        expect(
                lines,
                failures,
                invalid == 0 && disabled == 0,
                "constraints foreign_keys="
                        + foreignKeys
                        + " not_validated="
                        + invalid
                        + " disabled_triggers="
                        + disabled);

        for (int t : samples) {
            String tenant = result.tenantIds().get(t);
            orphans(maint, tenant, lines, failures);
            rowLevelSecurity(app, tenant, t, result, lines, failures);
            ledgerConsistency(maint, tenant, result, lines, failures);
        }
        app.setAutoCommit(false);
        try {
            for (Table table : Table.values()) {
                long n = count(app, "select count(*) from " + table.sqlName);
                expect(
                        lines,
                        failures,
                        n == 0,
                        "rls no-tenant table=" + table.sqlName + " visible=" + n);
            }
        } finally {
            app.rollback();
            app.setAutoCommit(true);
        }
        if (!failures.isEmpty())
            throw new IllegalStateException(
                    "load check failed:\n  " + String.join("\n  ", failures));
        return lines;
    }

    /**
     * Every foreign key of the loaded tables, checked row by row for one tenant (the database
     * enforced them already).
     */
    private static void orphans(
            Connection maint, String tenant, List<String> lines, List<String> failures)
            throws SQLException {
        List<String> loaded = java.util.Arrays.stream(Table.values()).map(t -> t.sqlName).toList();
        Map<String, String> checks = new LinkedHashMap<>();
        try (PreparedStatement ps =
                        maint.prepareStatement(
                                "select c.conname, c.conrelid::regclass::text, c.confrelid::regclass::text, "
                                        + "array(select a.attname::text from unnest(c.conkey) with ordinality k(num, ord) "
                                        + "      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.num order by k.ord), "
                                        + "array(select a.attname::text from unnest(c.confkey) with ordinality k(num, ord) "
                                        + "      join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.num order by k.ord) "
                                        + "from pg_constraint c join pg_namespace n on n.oid = c.connamespace where c.contype = 'f' and n.nspname = 'public'");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String child = rs.getString(2), parent = rs.getString(3);
                if (!loaded.contains(child)) continue;
                String[] from = (String[]) rs.getArray(4).getArray(),
                        to = (String[]) rs.getArray(5).getArray();
                StringBuilder sql =
                        new StringBuilder(
                                "select count(*) from " + child + " x where x.tenant_id = ?");
                StringBuilder match = new StringBuilder();
                for (int i = 0; i < from.length; i++) {
                    sql.append(" and x.").append(from[i]).append(" is not null");
                    match.append(i == 0 ? "" : " and ")
                            .append("y.")
                            .append(to[i])
                            .append(" = x.")
                            .append(from[i]);
                }
                sql.append(" and not exists (select 1 from ")
                        .append(parent)
                        .append(" y where ")
                        .append(match)
                        .append(')');
                checks.put(rs.getString(1), sql.toString());
            }
        }
        long broken = 0;
        for (String sql : checks.values()) broken += count(maint, sql, tenant);
        expect(
                lines,
                failures,
                broken == 0,
                "foreign-keys tenant="
                        + tenant
                        + " checked="
                        + checks.size()
                        + " orphans="
                        + broken);
    }

    /** As the application role inside the tenant: its own rows, all of them, and nothing else. */
    private static void rowLevelSecurity(
            Connection app,
            String tenant,
            int index,
            LoadResult result,
            List<String> lines,
            List<String> failures)
            throws SQLException {
        app.setAutoCommit(false);
        try {
            count(
                    app,
                    "select count(*) from (select set_config('app.tenant_id', ?, true)) s",
                    tenant);
            StringBuilder seen = new StringBuilder();
            boolean ok = true;
            for (Table table : Table.values()) {
                String column = table == Table.TENANT ? "id" : "tenant_id";
                long expected = table == Table.TENANT ? 1 : result.generated(index, table);
                long visible = count(app, "select count(*) from " + table.sqlName);
                long foreign =
                        count(
                                app,
                                "select count(*) from "
                                        + table.sqlName
                                        + " where "
                                        + column
                                        + " <> ?",
                                tenant);
                ok &= visible == expected && foreign == 0;
                seen.append(' ')
                        .append(table.sqlName)
                        .append('=')
                        .append(visible)
                        .append(foreign == 0 ? "" : "(+" + foreign + " foreign)");
            }
            expect(
                    lines,
                    failures,
                    ok,
                    "rls tenant=" + tenant + " as=duban_app visible:" + seen + " other_tenants=0");
        } finally {
            app.rollback();
            app.setAutoCommit(true);
        }
    }

    /**
     * Task fields against the reports and checkpoints, as ProgressReportService, ReviewService and
     * Task keep them.
     */
    private static void ledgerConsistency(
            Connection maint,
            String tenant,
            LoadResult result,
            List<String> lines,
            List<String> failures)
            throws SQLException {
        String asOf =
                "(timestamp '" + result.sizes().asOf() + " 00:00' at time zone 'Asia/Shanghai')";
        Map<String, String> rules = new LinkedHashMap<>();
        rules.put(
                "completion",
                "select count(*) from task where tenant_id = ? and case when status = 'APPROVED' "
                        + "then completed_on is null or rating is null or on_time is distinct from (completed_on <= deadline_date) or progress <> 100 "
                        + "else completed_on is not null or rating is not null or on_time is not null end");
        rules.put(
                "final-report",
                "select count(*) from task t where t.tenant_id = ? and t.status = 'APPROVED' and (select count(*) "
                        + "from progress_report r where r.tenant_id = t.tenant_id and r.task_id = t.id and r.state = 'APPROVED' and r.percent = 100 "
                        + "and (r.submitted_at at time zone 'Asia/Shanghai')::date = t.completed_on) <> 1");
        rules.put(
                "status-follows-last-report",
                "select count(*) from task t left join lateral (select r.state from progress_report r "
                        + "where r.tenant_id = t.tenant_id and r.task_id = t.id and r.state <> 'DRAFT' order by r.submitted_at desc limit 1) last on true "
                        + "where t.tenant_id = ? and case t.status when 'ASSIGNED' then last.state is not null "
                        + "when 'IN_PROGRESS' then last.state is not null and last.state <> 'APPROVED' "
                        + "when 'CANCELLED' then last.state is null else last.state is distinct from t.status end");
        rules.put(
                "progress",
                "select count(*) from task t where t.tenant_id = ? and t.status <> 'APPROVED' and t.progress <> coalesce(("
                        + "select max(r.percent) from progress_report r where r.tenant_id = t.tenant_id and r.task_id = t.id and r.state = 'APPROVED'), 0)");
        rules.put(
                "last-report-at",
                "select count(*) from task t where t.tenant_id = ? and t.last_report_at is distinct from ("
                        + "select max(r.submitted_at) from progress_report r where r.tenant_id = t.tenant_id and r.task_id = t.id)");
        rules.put(
                "next-due",
                "select count(*) from task t where t.tenant_id = ? and t.next_due_date <> coalesce((select min(c.due_date) "
                        + "from task_checkpoint c where c.tenant_id = t.tenant_id and c.task_id = t.id and c.done_on is null "
                        + "and c.due_date < t.deadline_date), t.deadline_date)");
        rules.put(
                "one-draft",
                "select count(*) from (select 1 from progress_report where tenant_id = ? and state = 'DRAFT' "
                        + "group by task_id having count(*) > 1) d");
        rules.put(
                "report-times",
                "select count(*) from progress_report r join task t on t.tenant_id = r.tenant_id and t.id = r.task_id "
                        + "where r.tenant_id = ? and (r.created_at < t.published_at or r.submitted_at < r.created_at "
                        + "or r.reviewed_at < r.submitted_at or greatest(r.created_at, r.submitted_at, r.reviewed_at) >= "
                        + asOf
                        + " or (r.state in ('APPROVED', 'RETURNED')) <> (r.reviewed_at is not null) or (r.state = 'DRAFT') <> (r.submitted_at is null))");
        StringBuilder sb = new StringBuilder("ledger tenant=" + tenant);
        boolean ok = true;
        for (Map.Entry<String, String> rule : rules.entrySet()) {
            long n = count(maint, rule.getValue(), tenant);
            ok &= n == 0;
            sb.append(' ')
                    .append(rule.getKey())
                    .append('=')
                    .append(n == 0 ? "ok" : n + " violations");
        }
        expect(lines, failures, ok, sb.toString());
    }

    private static void expect(List<String> lines, List<String> failures, boolean ok, String line) {
        lines.add(line + (ok ? " ok" : " FAILED"));
        if (!ok) failures.add(line);
    }

    private static long count(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
