package cn.duban.scale;

import static cn.duban.scale.Seeds.Stream;

import cn.duban.devstack.EmbeddedDatabase;
import cn.duban.ledger.ReportState;
import cn.duban.plan.parse.Milestone;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads a large, consistent data set for scale and load tests: districts (tenants) with their
 * units, yearly work-point plans, the tasks published from them with checkpoints, and the progress
 * reports of each task's history up to an "as of" date (see {@link Sizes}).
 *
 * <p>Rows are generated on the fly and streamed with COPY, table by table in dependency order, one
 * COPY and one commit per tenant, by parallel workers that each take the next tenant. Constraints,
 * foreign keys and indexes stay in place the whole time, so the database checks every row; the
 * tables are vacuumed and analysed at the end. The same seed gives the same data (ids included).
 *
 * <p>{@link #main} starts its own embedded PostgreSQL, applies the Flyway migrations, loads, checks
 * and prints {@code SCALE} lines; see docs/SCALE.md.
 */
public final class DataGenerator {

    /** The loaded tables, in load order. */
    public enum Table {
        TENANT("tenant", "id, name, time_zone, created_at"),
        UNIT(
                "unit",
                "tenant_id, id, code, name, aliases, kind, ranking_group, parent_id, version, created_at"),
        PLAN(
                "plan",
                "tenant_id, id, title, issuer, level, year, doc_number, issued_on, owner_unit_id, source_name, source_text, "
                        + "source_sha256, created_at, created_by, version"),
        PLAN_SECTION("plan_section", "tenant_id, id, plan_id, position, number, title"),
        PLAN_POINT(
                "plan_point",
                "tenant_id, id, plan_id, section_id, parent_id, position, depth, number, title, text, deadline_text, "
                        + "deadline_date, deadline_kind, deadline_frequency, milestones"),
        PLAN_POINT_UNIT(
                "plan_point_unit",
                "tenant_id, id, point_id, position, name, collective, unit_id, role"),
        TASK(
                "task",
                "tenant_id, id, plan_id, point_id, unit_id, role, title, deadline_text, deadline_date, original_deadline, "
                        + "deadline_overridden, next_due_date, key_task, status, progress, completed_on, on_time, rating, last_report_at, "
                        + "published_at, published_by, version"),
        TASK_CHECKPOINT(
                "task_checkpoint", "tenant_id, id, task_id, position, label, due_date, done_on"),
        PROGRESS_REPORT(
                "progress_report",
                "tenant_id, id, task_id, checkpoint_id, unit_id, state, text, percent, created_by, "
                        + "created_at, submitted_by, submitted_at, reviewed_by, reviewed_at, review_comment, rating, version");

        public final String sqlName;
        final String columns;

        Table(String sqlName, String columns) {
            this.sqlName = sqlName;
            this.columns = columns;
        }

        TenantModel.Depth depth() {
            return switch (this) {
                case TENANT, UNIT -> TenantModel.Depth.UNITS;
                case PLAN, PLAN_SECTION, PLAN_POINT, PLAN_POINT_UNIT -> TenantModel.Depth.PLANS;
                case TASK, TASK_CHECKPOINT, PROGRESS_REPORT -> TenantModel.Depth.STATUSES;
            };
        }
    }

    /** One table's load: rows, COPY bytes sent, wall-clock seconds. */
    public record TableLoad(Table table, long rows, long bytes, double seconds) {
        public double rowsPerSecond() {
            return seconds == 0 ? 0 : rows / seconds;
        }
    }

    /**
     * What was loaded: per table and per tenant (index as in {@link #tenantIds}), the time taken,
     * and the mix of task statuses and report states.
     */
    public record LoadResult(
            Sizes sizes,
            long seed,
            int workers,
            List<String> tenantIds,
            List<TableLoad> tables,
            double loadSeconds,
            double vacuumSeconds,
            long[][] perTenant,
            Map<String, Long> mix) {

        public long generated(int tenant, Table table) {
            return perTenant[tenant][table.ordinal()];
        }

        public long total(Table table) {
            long n = 0;
            for (long[] t : perTenant) n += t[table.ordinal()];
            return n;
        }

        public long totalRows() {
            return tables.stream().mapToLong(TableLoad::rows).sum();
        }
    }

    /** Opens connections as the maintenance role (bypasses row-level security) (one per worker). */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private DataGenerator() {}

    /**
     * Loads through one connection, as the maintenance role (row-level security does not apply to
     * it).
     */
    public static LoadResult load(Connection ownerConnection, Sizes sizes, long seed)
            throws SQLException {
        return run(new Connection[] {ownerConnection}, sizes, seed);
    }

    /** Loads with parallel workers, each on its own owner connection. */
    public static LoadResult load(ConnectionSource owner, Sizes sizes, long seed, int workers)
            throws SQLException {
        Connection[] connections = new Connection[Math.max(1, workers)];
        try {
            for (int i = 0; i < connections.length; i++) connections[i] = owner.open();
            return run(connections, sizes, seed);
        } finally {
            for (Connection c : connections) if (c != null) c.close();
        }
    }

    private static LoadResult run(Connection[] connections, Sizes sizes, long seed)
            throws SQLException {
        List<Vocabulary.District> districts = Vocabulary.districts(seed, sizes.tenants());
        long[][] perTenant = new long[sizes.tenants()][Table.values().length];
        Map<String, LongAdder> mix = new ConcurrentHashMap<>();
        boolean[] autoCommit = new boolean[connections.length];
        for (int i = 0; i < connections.length; i++) {
            autoCommit[i] = connections[i].getAutoCommit();
            connections[i].setAutoCommit(false);
            // Losing the last commits in a crash costs nothing here (the load is rerun), waiting
            // for each flush does.
            execute(connections[i], "set synchronous_commit = off");
        }
        ExecutorService pool =
                Executors.newFixedThreadPool(
                        connections.length,
                        r -> {
                            Thread t = new Thread(r, "scale-loader");
                            t.setDaemon(true);
                            return t;
                        });
        try {
            long start = System.nanoTime();
            List<TableLoad> loads = new ArrayList<>();
            for (Table table : Table.values()) {
                loads.add(
                        table == Table.TENANT
                                ? loadTenants(connections[0], districts, sizes, perTenant)
                                : loadTable(
                                        table,
                                        pool,
                                        connections,
                                        districts,
                                        sizes,
                                        seed,
                                        perTenant,
                                        mix));
            }
            double loadSeconds = seconds(start);
            long vacuumStart = System.nanoTime();
            Connection c = connections[0];
            c.setAutoCommit(true);
            // Sets hint bits and the visibility map once, so later measurements do not pay for the
            // load; plus statistics.
            for (Table table : Table.values()) execute(c, "vacuum (analyze) " + table.sqlName);
            double vacuumSeconds = seconds(vacuumStart);
            Map<String, Long> mixTotals = new TreeMap<>();
            mix.forEach((k, v) -> mixTotals.put(k, v.sum()));
            return new LoadResult(
                    sizes,
                    seed,
                    connections.length,
                    districts.stream().map(Vocabulary.District::id).toList(),
                    List.copyOf(loads),
                    loadSeconds,
                    vacuumSeconds,
                    perTenant,
                    mixTotals);
        } finally {
            pool.shutdownNow();
            for (int i = 0; i < connections.length; i++) {
                if (!connections[i].isClosed()) {
                    if (!connections[i].getAutoCommit()) connections[i].rollback();
                    execute(connections[i], "reset synchronous_commit");
                    connections[i].setAutoCommit(autoCommit[i]);
                }
            }
        }
    }

    private static TableLoad loadTenants(
            Connection c, List<Vocabulary.District> districts, Sizes sizes, long[][] perTenant)
            throws SQLException {
        long start = System.nanoTime();
        try (CopyWriter w =
                new CopyWriter(copyApi(c), Table.TENANT.sqlName, Table.TENANT.columns)) {
            for (int t = 0; t < districts.size(); t++) {
                Vocabulary.District d = districts.get(t);
                w.text(d.id())
                        .text(d.name())
                        .text("Asia/Shanghai")
                        .time(TenantModel.createdAt(sizes, t))
                        .endRow();
                perTenant[t][Table.TENANT.ordinal()] = 1;
            }
            long rows = w.finish();
            c.commit();
            return new TableLoad(Table.TENANT, rows, w.bytes(), seconds(start));
        }
    }

    /** One table for all tenants: workers take tenants one by one, one COPY and commit each. */
    private static TableLoad loadTable(
            Table table,
            ExecutorService pool,
            Connection[] connections,
            List<Vocabulary.District> districts,
            Sizes sizes,
            long seed,
            long[][] perTenant,
            Map<String, LongAdder> mix)
            throws SQLException {
        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        AtomicLong rows = new AtomicLong(),
                bytes = new AtomicLong(),
                lastLog = new AtomicLong(start);
        AtomicBoolean failed = new AtomicBoolean();
        List<Future<Void>> workers = new ArrayList<>();
        for (Connection c : connections) {
            workers.add(
                    pool.submit(
                            () -> {
                                CopyManager copy = copyApi(c);
                                for (int t;
                                        !failed.get()
                                                && (t = next.getAndIncrement())
                                                        < sizes.tenants(); ) {
                                    TenantModel m =
                                            TenantModel.build(
                                                    seed,
                                                    t,
                                                    districts.get(t),
                                                    sizes,
                                                    table.depth());
                                    try (CopyWriter w =
                                            new CopyWriter(copy, table.sqlName, table.columns)) {
                                        long expected = emit(table, m, w, mix);
                                        long n = w.finish();
                                        if (n != expected || n != w.rows()) {
                                            throw new IllegalStateException(
                                                    table.sqlName
                                                            + " of tenant "
                                                            + m.district.id()
                                                            + ": "
                                                            + n
                                                            + " rows copied, "
                                                            + expected
                                                            + " generated");
                                        }
                                        c.commit();
                                        perTenant[t][table.ordinal()] = n;
                                        rows.addAndGet(n);
                                        bytes.addAndGet(w.bytes());
                                    } catch (SQLException | RuntimeException e) {
                                        failed.set(true);
                                        c.rollback();
                                        throw e;
                                    }
                                    long now = System.nanoTime(), last = lastLog.get();
                                    if (now - last > 15_000_000_000L
                                            && lastLog.compareAndSet(last, now)) {
                                        System.out.printf(
                                                "scale: %s %d/%d tenants, %,d rows, %.0f s%n",
                                                table.sqlName,
                                                next.get(),
                                                sizes.tenants(),
                                                rows.get(),
                                                seconds(start));
                                    }
                                }
                                return null;
                            }));
        }
        SQLException error = null;
        for (Future<Void> f : workers) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted", e);
            } catch (ExecutionException e) {
                if (error == null)
                    error =
                            e.getCause() instanceof SQLException s
                                    ? s
                                    : new SQLException(e.getCause());
            }
        }
        if (error != null) throw error;
        return new TableLoad(table, rows.get(), bytes.get(), seconds(start));
    }

    /** Writes one tenant's rows of the table; returns how many the model says there are. */
    private static long emit(Table table, TenantModel m, CopyWriter w, Map<String, LongAdder> mix)
            throws SQLException {
        String tenant = m.district.id();
        UUID office = m.units.get(0).id();
        switch (table) {
            case UNIT -> {
                for (TenantModel.Unit u : m.units) {
                    w.text(tenant)
                            .uuid(u.id())
                            .text(u.code())
                            .text(u.name())
                            .textArray(u.aliases())
                            .text(u.kind())
                            .text(u.rankingGroup())
                            .uuid(u.index() == 0 ? null : office)
                            .number(0)
                            .time(m.createdAt + 3600)
                            .endRow();
                }
                return m.units.size();
            }
            case PLAN -> {
                for (TenantModel.Plan p : m.plans) {
                    String source = m.sourceText(p);
                    w.text(tenant)
                            .uuid(p.id())
                            .text(p.title())
                            .text(m.district.name() + "人民政府办公室")
                            .text("DISTRICT")
                            .number(p.year())
                            .text(p.docNumber())
                            .date(p.issuedOn())
                            .uuid(office)
                            .text(p.title() + ".docx")
                            .text(source)
                            .text(sha256(source))
                            .time(TenantModel.officeHours(p.createdAt()))
                            .text(m.admin)
                            .number(0)
                            .endRow();
                }
                return m.plans.size();
            }
            case PLAN_SECTION -> {
                for (TenantModel.Section s : m.sections) {
                    w.text(tenant)
                            .uuid(s.id())
                            .uuid(m.plans.get(s.plan()).id())
                            .number(s.position())
                            .text(s.number())
                            .text(s.title())
                            .endRow();
                }
                return m.sections.size();
            }
            case PLAN_POINT -> {
                for (TenantModel.Point p : m.points) {
                    w.text(tenant)
                            .uuid(p.id)
                            .uuid(m.plan(p).id())
                            .uuid(m.sections.get(p.section).id())
                            .uuid(p.parent < 0 ? null : m.points.get(p.parent).id)
                            .number(p.position)
                            .number(p.depth)
                            .text(p.number)
                            .text(p.title)
                            .text(m.pointText(p))
                            .text(p.deadlineText)
                            .date(p.deadline)
                            .text(p.kind.name())
                            .text(p.frequency)
                            .text(milestonesJson(p.milestones))
                            .endRow();
                }
                return m.points.size();
            }
            case PLAN_POINT_UNIT -> {
                for (TenantModel.Point p : m.points) {
                    for (int i = 0; i < p.named.size(); i++) {
                        TenantModel.Named n = p.named.get(i);
                        w.text(tenant)
                                .uuid(
                                        Seeds.uuid(
                                                m.seed,
                                                Stream.POINT_UNIT,
                                                m.tenant,
                                                (long) p.index << 16 | i))
                                .uuid(p.id)
                                .number(i)
                                .text(n.name())
                                .bool(n.collective())
                                .uuid(n.unit() < 0 ? null : m.units.get(n.unit()).id())
                                .text(n.lead() ? "LEAD" : "COOPERATING")
                                .endRow();
                    }
                }
                return m.pointUnitRows();
            }
            case TASK -> {
                for (TenantModel.Task t : m.tasks) {
                    TenantModel.Point p = m.point(t);
                    TenantModel.Plan plan = m.plan(p);
                    TaskHistory h = TaskHistory.of(m, t);
                    w.text(tenant)
                            .uuid(t.id)
                            .uuid(plan.id())
                            .uuid(p.id)
                            .uuid(m.units.get(t.unit).id())
                            .text(t.lead ? "LEAD" : "COOPERATING")
                            .text(p.number + " " + p.title)
                            .text(p.deadlineText)
                            .date(p.deadline)
                            .date(p.deadline)
                            .bool(false)
                            .date(h.nextDue)
                            .bool(p.key)
                            .text(t.status.name())
                            .number(h.progress)
                            .date(h.completedOn)
                            .bool(h.onTime)
                            .text(h.rating == null ? null : h.rating.name())
                            .time(h.lastReportAt)
                            .time(TenantModel.officeHours(plan.publishedAt()))
                            .text(m.admin)
                            .number(h.version)
                            .endRow();
                    count(mix, "task " + t.status.name());
                    if (h.onTime != null)
                        count(mix, h.onTime ? "approved on-time" : "approved late");
                }
                return m.tasks.size();
            }
            case TASK_CHECKPOINT -> {
                for (TenantModel.Task t : m.tasks) {
                    TenantModel.Point p = m.point(t);
                    if (p.checkpoints.isEmpty()) continue;
                    TaskHistory h = TaskHistory.of(m, t);
                    for (int c = 0; c < p.checkpoints.size(); c++) {
                        w.text(tenant)
                                .uuid(checkpointId(m, t, c))
                                .uuid(t.id)
                                .number(c)
                                .text(p.checkpoints.get(c).label())
                                .date(p.checkpoints.get(c).due())
                                .date(h.checkpointDone[c])
                                .endRow();
                    }
                }
                return m.checkpointRows();
            }
            case PROGRESS_REPORT -> {
                for (TenantModel.Task t : m.tasks) {
                    if (t.reports() == 0) continue;
                    TaskHistory h = TaskHistory.of(m, t);
                    UUID unit = m.units.get(t.unit).id();
                    String reporter = m.reporter(t.unit);
                    for (TaskHistory.Report r : h.reports) {
                        long key = (long) t.index << 12 | r.seq();
                        SplittableRandom text =
                                Seeds.rng(m.seed, Stream.REPORT_TEXT, m.tenant, key);
                        boolean reviewed = r.reviewed() >= 0;
                        String comment =
                                r.state() == ReportState.RETURNED
                                        ? Vocabulary.returnComment(text)
                                        : r.state() == ReportState.APPROVED
                                                ? Vocabulary.approvalComment(text)
                                                : null;
                        w.text(tenant)
                                .uuid(Seeds.uuid(m.seed, Stream.REPORT, m.tenant, key))
                                .uuid(t.id)
                                .uuid(
                                        r.checkpoint() < 0
                                                ? null
                                                : checkpointId(m, t, r.checkpoint()))
                                .uuid(unit)
                                .text(r.state().name())
                                .text(Vocabulary.reportText(text, r.percent(), r.isFinal()))
                                .number(r.percent())
                                .text(reporter)
                                .time(r.created())
                                .text(r.submitted() < 0 ? null : reporter)
                                .time(r.submitted())
                                .text(reviewed ? m.admin : null)
                                .time(r.reviewed())
                                .text(comment)
                                .text(r.rating() == null ? null : r.rating().name())
                                .number(r.state() == ReportState.DRAFT ? 0 : reviewed ? 2 : 1)
                                .endRow();
                        count(mix, "report " + r.state().name());
                    }
                }
                return m.reportRows();
            }
            default -> throw new IllegalArgumentException(table.name());
        }
    }

    private static UUID checkpointId(TenantModel m, TenantModel.Task t, int position) {
        return Seeds.uuid(m.seed, Stream.CHECKPOINT, m.tenant, (long) t.index << 8 | position);
    }

    /** As the application stores them (JSON-B of PlanDocument.Milestone). */
    private static String milestonesJson(List<Milestone> milestones) {
        StringBuilder sb = new StringBuilder("[");
        for (Milestone ms : milestones) {
            if (sb.length() > 1) sb.append(',');
            sb.append("{\"date\":\"")
                    .append(ms.date())
                    .append("\",\"text\":\"")
                    .append(ms.text().replace("\"", "\\\""))
                    .append("\"}");
        }
        return sb.append(']').toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void count(Map<String, LongAdder> mix, String key) {
        mix.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private static CopyManager copyApi(Connection c) throws SQLException {
        return c.unwrap(PGConnection.class).getCopyAPI();
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    // ---- the command: embedded PostgreSQL, migrations, load, figures, checks

    /**
     * Starts PostgreSQL in scale.dir (emptied first) on a free port, migrates, loads, checks and
     * prints SCALE lines. Properties: scale.tenants, scale.units, scale.tasks, scale.reports,
     * scale.asOf, scale.years (see {@link Sizes}), scale.seed, scale.workers, scale.dir,
     * scale.bootstrap, scale.migrations (comma-separated Flyway locations), scale.hold (keep the
     * database running until Enter is pressed).
     */
    public static void main(String[] args) throws Exception {
        Sizes sizes = Sizes.fromSystemProperties();
        long seed = Long.getLong("scale.seed", 42L);
        int workers =
                Integer.getInteger("scale.workers", Runtime.getRuntime().availableProcessors());
        Path dir = Path.of(System.getProperty("scale.dir", "target/scale-db")).toAbsolutePath();
        Path bootstrap =
                Path.of(System.getProperty("scale.bootstrap", "src/main/db/bootstrap.sql"));
        String[] locations = migrationLocations();
        long start = System.nanoTime();
        System.out.printf(
                "SCALE sizes tenants=%d units=%d tasks=%d reports=%d asOf=%s years=%d seed=%d workers=%d cpus=%d%n",
                sizes.tenants(),
                sizes.units(),
                sizes.tasks(),
                sizes.reports(),
                sizes.asOf(),
                sizes.years(),
                seed,
                workers,
                Runtime.getRuntime().availableProcessors());
        try (EmbeddedDatabase db = EmbeddedDatabase.startFresh(0, dir, bootstrap)) {
            String url = db.jdbcUrl();
            System.out.println("SCALE database " + url + " dir=" + dir);
            tuneForLoading(url, true);
            long migrateStart = System.nanoTime();
            migrate(url, locations);
            System.out.printf(
                    "SCALE migrate seconds=%.1f locations=%s%n",
                    seconds(migrateStart), String.join(",", locations));

            LoadResult result =
                    load(
                            () -> EmbeddedDatabase.connect(url, EmbeddedDatabase.MAINT),
                            sizes,
                            seed,
                            workers);
            for (TableLoad t : result.tables()) {
                System.out.printf(
                        "SCALE load table=%s rows=%d seconds=%.1f rows_per_s=%.0f copy_mb=%.0f%n",
                        t.table().sqlName,
                        t.rows(),
                        t.seconds(),
                        t.rowsPerSecond(),
                        t.bytes() / 1e6);
            }
            System.out.printf(
                    "SCALE load total rows=%d seconds=%.1f rows_per_s=%.0f%n",
                    result.totalRows(),
                    result.loadSeconds(),
                    result.totalRows() / result.loadSeconds());
            System.out.printf("SCALE vacuum-analyze seconds=%.1f%n", result.vacuumSeconds());
            printMix(result);
            try (Connection maint = EmbeddedDatabase.connect(url, EmbeddedDatabase.MAINT)) {
                printSizes(maint);
                long checkStart = System.nanoTime();
                try (Connection app = EmbeddedDatabase.connect(url, EmbeddedDatabase.APP)) {
                    for (String line : LoadCheck.run(maint, app, result))
                        System.out.println("SCALE check " + line);
                }
                System.out.printf("SCALE check seconds=%.1f%n", seconds(checkStart));
            }
            long walBefore = size(dir.resolve("pg_wal"));
            tuneForLoading(url, false);
            System.out.printf(
                    "SCALE size data_dir_mb=%.0f wal_mb=%.0f wal_after_load_mb=%.0f%n",
                    size(dir) / 1e6, size(dir.resolve("pg_wal")) / 1e6, walBefore / 1e6);
            System.out.printf("SCALE done seconds=%.1f%n", seconds(start));
            if (Boolean.getBoolean("scale.hold")) {
                System.out.println(
                        "SCALE hold: "
                                + url
                                + " (duban_maint/duban_maint, duban_app/duban_app); press Enter to stop");
                int ignored = System.in.read();
            }
        }
    }

    /**
     * Property scale.migrations: comma-separated Flyway locations, by default the application's
     * with the demo data.
     */
    static String[] migrationLocations() {
        return System.getProperty("scale.migrations", "classpath:db/migration,classpath:db/demo")
                .split(",");
    }

    /**
     * The Flyway migrations as the schema owner, with the same placeholder as DatabaseMigrator;
     * locations as Flyway takes them (classpath: or filesystem:).
     */
    public static void migrate(String url, String[] locations) {
        Flyway.configure(DataGenerator.class.getClassLoader())
                .loggers("slf4j") // quiet: the SCALE lines are the output
                .dataSource(url, EmbeddedDatabase.OWNER, EmbeddedDatabase.OWNER)
                .locations(locations)
                .placeholders(Map.of("appRole", EmbeddedDatabase.APP))
                .load()
                .migrate();
    }

    /**
     * Server settings for a bulk load, as superuser: no checkpoint storms, no autovacuum competing
     * for the two CPUs (the load vacuums itself at the end). Reset afterwards so the data
     * directory, reopened later, runs with the defaults; the reset ends with a checkpoint, which
     * recycles the WAL the load kept and leaves the steady-state footprint.
     */
    public static void tuneForLoading(String url, boolean loading) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement s = c.createStatement()) {
            if (loading) {
                s.execute("alter system set max_wal_size = '8GB'");
                s.execute("alter system set checkpoint_timeout = '30min'");
                s.execute("alter system set autovacuum = off");
                s.execute("alter system set maintenance_work_mem = '512MB'");
            } else {
                s.execute("alter system reset all");
            }
            s.execute("select pg_reload_conf()");
            if (!loading) s.execute("checkpoint");
        }
    }

    private static void printMix(LoadResult result) {
        for (String kind : List.of("task", "report", "approved")) {
            long total =
                    result.mix().entrySet().stream()
                            .filter(e -> e.getKey().startsWith(kind + " "))
                            .mapToLong(Map.Entry::getValue)
                            .sum();
            StringBuilder sb = new StringBuilder("SCALE mix " + kind);
            result.mix()
                    .forEach(
                            (k, v) -> {
                                if (k.startsWith(kind + " "))
                                    sb.append(
                                            String.format(
                                                    " %s=%.1f%%",
                                                    k.substring(kind.length() + 1),
                                                    100.0 * v / total));
                            });
            System.out.println(sb);
        }
        System.out.printf(
                "SCALE mix per-task reports=%.2f checkpoints=%.2f points=%d plans=%d%n",
                (double) result.total(Table.PROGRESS_REPORT) / result.total(Table.TASK),
                (double) result.total(Table.TASK_CHECKPOINT) / result.total(Table.TASK),
                result.total(Table.PLAN_POINT),
                result.total(Table.PLAN));
    }

    private static void printSizes(Connection owner) throws SQLException {
        try (Statement s = owner.createStatement()) {
            try (ResultSet rs = s.executeQuery("select pg_database_size(current_database())")) {
                rs.next();
                System.out.printf("SCALE size database_mb=%.0f%n", rs.getLong(1) / 1e6);
            }
            try (ResultSet rs =
                    s.executeQuery(
                            "select c.relname, pg_total_relation_size(c.oid), pg_table_size(c.oid), "
                                    + "pg_indexes_size(c.oid) from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                                    + "where n.nspname = 'public' and c.relkind = 'r' order by 2 desc limit 12")) {
                while (rs.next()) {
                    System.out.printf(
                            "SCALE size table=%s total_mb=%.0f table_mb=%.0f indexes_mb=%.0f%n",
                            rs.getString(1),
                            rs.getLong(2) / 1e6,
                            rs.getLong(3) / 1e6,
                            rs.getLong(4) / 1e6);
                }
            }
        }
    }

    static long size(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
