package cn.duban.tenant.offboard;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The operator's tool that deletes a tenant for good (plain JDBC, no server): run by {@code
 * bin/duban-tenant-delete} with the maintenance role (BYPASSRLS), never reachable from the web. It
 * refuses unless {@link DeletionRules} allow it; then, in one transaction, it deletes every row of
 * the tenant from every table with a {@code tenant_id} column (found in the catalogue, children
 * before parents; the evidence files live in the database and go with their rows), the tenant row
 * last, and writes a {@code tenant_tombstone} row: code, name, deleted at and by, the export's
 * SHA-256, the final audit chain head and the row counts. The append-only and frozen-record
 * triggers of those tables are switched off for this transaction only (the {@code alter table}
 * locks keep every other transaction from writing to them until it commits, so none can see them
 * off). {@code --dry-run} prints what would be deleted and changes nothing.
 *
 * <pre>
 * java -cp duban-ejb.jar:postgresql.jar cn.duban.tenant.offboard.TenantDeletion \
 *     --tenant ID --by OPERATOR [--dry-run] [--hold-months N]
 * </pre>
 *
 * Connection: {@code DUBAN_MAINT_JDBC_URL} (default {@code
 * jdbc:postgresql://127.0.0.1:5432/duban}), {@code DUBAN_MAINT_USER} ({@code duban_maint}), {@code
 * DUBAN_MAINT_PASSWORD}, from the environment (not the command line, where ps would show it).
 */
public final class TenantDeletion {

    /** The outcome: deleted (or would be, in a dry run), or refused with the reasons. */
    public record Result(
            String tenantId,
            boolean deleted,
            boolean dryRun,
            List<DeletionRules.Refusal> refusals,
            Map<String, Long> rowCounts,
            Long auditHeadSeq,
            String auditHead,
            String exportSha256) {}

    private final Connection c;
    private final Clock clock;
    private final int holdMonths;

    public TenantDeletion(Connection c, Clock clock, int holdMonths) {
        this.c = c;
        this.clock = clock;
        this.holdMonths = holdMonths;
    }

    /** Checks the rules and deletes, or with {@code dryRun} only reports, in one transaction. */
    public Result run(String tenantId, String by, boolean dryRun) throws SQLException {
        if (by == null || by.isBlank()) throw new IllegalArgumentException("--by is required");
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            Result r = runInTransaction(tenantId, by, dryRun);
            if (r.deleted()) c.commit();
            else c.rollback();
            return r;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private Result runInTransaction(String tenantId, String by, boolean dryRun)
            throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "select rolbypassrls or rolsuper from pg_roles where rolname = current_user")) {
            if (!rs.next() || !rs.getBoolean(1)) {
                throw new IllegalStateException(
                        "connect as the maintenance role (duban_maint): row-level security would hide rows");
            }
        }
        DeletionRules.Facts facts = null;
        String name = null;
        Instant createdAt = null;
        try (PreparedStatement s =
                c.prepareStatement(
                        "select name, created_at, suspended_at from tenant where id = ? for update")) {
            s.setString(1, tenantId);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    name = rs.getString(1);
                    createdAt = instant(rs.getTimestamp(2));
                    facts =
                            new DeletionRules.Facts(
                                    tenantId, createdAt, instant(rs.getTimestamp(3)), null, null);
                }
            }
        }
        Long headSeq = null;
        String head = null;
        UUID exportId = null;
        String exportSha = null;
        Instant exportedAt = null;
        if (facts != null) {
            Instant newestAudit = null;
            try (PreparedStatement s =
                    c.prepareStatement(
                            "select seq, hash, at from audit_log where tenant_id = ? order by seq desc limit 1")) {
                s.setString(1, tenantId);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        headSeq = rs.getLong(1);
                        head = rs.getString(2).strip();
                        newestAudit = instant(rs.getTimestamp(3));
                    }
                }
            }
            try (PreparedStatement s =
                    c.prepareStatement(
                            "select id, sha256, exported_at from tenant_export where tenant_id = ? "
                                    + "order by exported_at desc limit 1")) {
                s.setString(1, tenantId);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        exportId = (UUID) rs.getObject(1);
                        exportSha = rs.getString(2).strip();
                        exportedAt = instant(rs.getTimestamp(3));
                    }
                }
            }
            facts =
                    new DeletionRules.Facts(
                            tenantId, createdAt, facts.suspendedAt(), newestAudit, exportedAt);
        }
        List<DeletionRules.Refusal> refusals =
                DeletionRules.check(facts, clock.instant(), holdMonths);
        if (!refusals.isEmpty()) {
            return new Result(
                    tenantId, false, dryRun, refusals, Map.of(), headSeq, head, exportSha);
        }

        List<String> order = deletionOrder();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : order) {
            try (PreparedStatement s =
                    c.prepareStatement(
                            "select count(*) from "
                                    + TenantExporter.quote(table)
                                    + " where tenant_id = ?")) {
                s.setString(1, tenantId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        counts.put("tenant", 1L);
        if (dryRun) {
            return new Result(tenantId, false, true, List.of(), counts, headSeq, head, exportSha);
        }

        try (Statement s = c.createStatement()) {
            for (String table : order) {
                s.execute("alter table " + TenantExporter.quote(table) + " disable trigger user");
            }
        }
        for (String table : order) {
            try (PreparedStatement s =
                    c.prepareStatement(
                            "delete from "
                                    + TenantExporter.quote(table)
                                    + " where tenant_id = ?")) {
                s.setString(1, tenantId);
                long n = s.executeUpdate();
                if (n != counts.get(table)) {
                    throw new IllegalStateException(
                            table + ": counted " + counts.get(table) + " rows, deleted " + n);
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("delete from tenant where id = ?")) {
            s.setString(1, tenantId);
            if (s.executeUpdate() != 1) throw new IllegalStateException("tenant row not deleted");
        }
        try (Statement s = c.createStatement()) {
            for (String table : order) {
                s.execute("alter table " + TenantExporter.quote(table) + " enable trigger user");
            }
        }
        try (PreparedStatement s =
                c.prepareStatement(
                        "insert into tenant_tombstone (id, tenant_code, tenant_name, created_at, deleted_at, "
                                + "deleted_by, export_id, export_sha256, exported_at, audit_head_seq, "
                                + "audit_head_hash, row_counts) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, tenantId);
            s.setString(3, name);
            s.setTimestamp(4, createdAt == null ? null : Timestamp.from(createdAt));
            s.setTimestamp(5, Timestamp.from(clock.instant()));
            s.setString(6, by);
            s.setObject(7, exportId);
            s.setString(8, exportSha);
            s.setTimestamp(9, Timestamp.from(exportedAt));
            if (headSeq == null) s.setNull(10, java.sql.Types.BIGINT);
            else s.setLong(10, headSeq);
            s.setString(11, head);
            s.setString(12, json(counts));
            s.executeUpdate();
        }
        return new Result(tenantId, true, false, List.of(), counts, headSeq, head, exportSha);
    }

    /**
     * Every table with a tenant_id column (but the tombstone, which has none), referencing tables
     * before the tables they reference, so that no foreign key stops a delete.
     */
    List<String> deletionOrder() throws SQLException {
        Set<String> tables = new HashSet<>(TenantTables.withTenantColumn(c, false));
        // referenced → tables that reference it
        Map<String, Set<String>> referencedBy = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "select distinct child.relname, parent.relname from pg_constraint k "
                                        + "join pg_class child on child.oid = k.conrelid "
                                        + "join pg_class parent on parent.oid = k.confrelid "
                                        + "join pg_namespace n on n.oid = child.relnamespace "
                                        + "where k.contype = 'f' and n.nspname = current_schema()")) {
            while (rs.next()) {
                String child = rs.getString(1), parent = rs.getString(2);
                if (!child.equals(parent) && tables.contains(child) && tables.contains(parent)) {
                    referencedBy.computeIfAbsent(parent, k -> new HashSet<>()).add(child);
                }
            }
        }
        List<String> order = new ArrayList<>();
        Set<String> left = new java.util.TreeSet<>(tables);
        while (!left.isEmpty()) {
            String next = null;
            for (String t : left) {
                boolean free = true;
                for (String child : referencedBy.getOrDefault(t, Set.of())) {
                    free &= !left.contains(child);
                }
                if (free) {
                    next = t;
                    break;
                }
            }
            if (next == null) {
                throw new IllegalStateException("foreign keys form a cycle among " + left);
            }
            order.add(next);
            left.remove(next);
        }
        return order;
    }

    private static String json(Map<String, Long> counts) {
        StringBuilder out = new StringBuilder("{");
        for (var e : counts.entrySet()) {
            if (out.length() > 1) out.append(',');
            out.append('"').append(e.getKey().replace("\\", "\\\\").replace("\"", "\\\""));
            out.append("\":").append(e.getValue());
        }
        return out.append('}').toString();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** Prints the result for the operator; exit code 0 deleted or dry run, 3 refused. */
    static int report(Result r, PrintStream out) {
        if (!r.refusals().isEmpty()) {
            out.println("REFUSED: tenant " + r.tenantId() + " is not deleted:");
            for (DeletionRules.Refusal f : r.refusals()) {
                out.println("  " + f.code() + ": " + f.message());
            }
            return 3;
        }
        out.println(
                (r.dryRun() ? "DRY RUN: would delete" : "DELETED")
                        + " tenant "
                        + r.tenantId()
                        + " (export sha256 "
                        + r.exportSha256()
                        + ", audit chain head "
                        + r.auditHeadSeq()
                        + " "
                        + r.auditHead()
                        + ")");
        long total = 0;
        for (var e : r.rowCounts().entrySet()) {
            out.printf("  %-28s %10d%n", e.getKey(), e.getValue());
            total += e.getValue();
        }
        out.printf("  %-28s %10d%n", "total rows", total);
        if (r.deleted()) out.println("Tombstone written to tenant_tombstone.");
        return 0;
    }

    public static void main(String[] args) throws Exception {
        String tenant = null, by = null;
        boolean dryRun = false;
        int hold = DeletionRules.MIN_HOLD_MONTHS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--tenant" -> tenant = args[++i];
                case "--by" -> by = args[++i];
                case "--dry-run" -> dryRun = true;
                case "--hold-months" -> hold = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println(
                            "usage: TenantDeletion --tenant ID --by OPERATOR [--dry-run] [--hold-months N>=6]");
                    System.exit(2);
                }
            }
        }
        if (tenant == null || by == null) {
            System.err.println(
                    "usage: TenantDeletion --tenant ID --by OPERATOR [--dry-run] [--hold-months N>=6]");
            System.exit(2);
        }
        String url = env("DUBAN_MAINT_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/duban");
        try (Connection c =
                DriverManager.getConnection(
                        url,
                        env("DUBAN_MAINT_USER", "duban_maint"),
                        env("DUBAN_MAINT_PASSWORD", null))) {
            Result r = new TenantDeletion(c, Clock.systemUTC(), hold).run(tenant, by, dryRun);
            System.exit(report(r, System.out));
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
