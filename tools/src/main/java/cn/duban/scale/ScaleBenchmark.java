package cn.duban.scale;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.client.PlanDocuments;
import cn.duban.client.RankingAggregate;
import cn.duban.client.Timings;
import cn.duban.devstack.EmbeddedDatabase;
import cn.duban.devstack.KeycloakAdmin;
import cn.duban.devstack.KeycloakServer;
import cn.duban.devstack.WildFlyServer;
import cn.duban.plan.parse.ParseOptions;
import cn.duban.plan.parse.PlanParser;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Issue 7's benchmarks on generated scale data ({@code ./mvnw -B -Pscale-bench verify}): the same
 * operations for the same users of tenant 0, first with tenant 0 alone in the database ("one"),
 * then with all tenants loaded ("many"), each also timed against a baseline measured in the same
 * run. Prints BENCH lines and a table; the goals are read, not asserted (docs/PERFORMANCE.md). Only
 * a failing set-up ends the program with an error.
 *
 * <p>Properties: scale.bench.tenants (default 300), scale.bench.reuse (keep an already loaded
 * "many" database), scale.bench.dir, scale.seed, scale.workers, scale.migrations, and the dev
 * stack's duban.server.home, duban.ear, duban.keycloak.home, duban.realm, duban.bootstrap.sql,
 * duban.seeds (set by the Maven profile).
 */
public final class ScaleBenchmark {

    static final int KEYCLOAK_PORT = 38180;
    static final int PORT_OFFSET = 30000;
    static final String ROOT = "http://localhost:" + (8080 + PORT_OFFSET);

    /**
     * Plans the benchmark imports carry this source name, so a reused database can be cleaned of
     * them.
     */
    static final String OWN_PLANS = "scale-bench-";

    /** The goal for a tenant's query latency, many tenants loaded against one. */
    static final double GOAL = 1.3;

    static final String CIRCULAR_PERIOD = "-Q2";
    static final String KEYWORD = "营商环境";
    static final int ROUNDS = 3;

    /** A row of the summary: the operation, its baseline, and whether the many/one goal applies. */
    record Row(String op, String baseline, boolean tenantQuery) {}

    static final List<Row> ROWS =
            List.of(
                    new Row("parse", "split", false),
                    new Row("my-tasks", "no-op", true),
                    new Row("ledger-overdue", "no-op", true),
                    new Row("ledger-search", "no-op", true),
                    new Row("ledger-unit", "no-op", true),
                    new Row("rankings", "sql-aggregate", true),
                    new Row("rankings-deduction", "sql-aggregate-deduction", true),
                    new Row("dashboard", "no-op", true),
                    new Row("circular-pdf", "circular-json", false),
                    new Row("publish", "publish-preview", false),
                    new Row("no-op", null, false),
                    new Row("sql-aggregate", null, false),
                    new Row("sql-aggregate-deduction", null, false),
                    new Row("split", null, false),
                    new Row("circular-json", null, false),
                    new Row("publish-preview", null, false));

    /** Takes n timed samples of an operation. */
    @FunctionalInterface
    interface Sampler {
        List<Double> sample(int n) throws Exception;
    }

    /** A read to time: warm-up runs, then measured runs split over the rounds. */
    record Measurement(String op, String what, int warmup, int runs, Sampler sampler) {}

    /**
     * What a stage measures on: tenant 0's id, users, the reporter's unit and the plans of the
     * scored year.
     */
    record Tenant(
            String id,
            String admin,
            String leader,
            String reporter,
            String reporterUnitCode,
            UUID reporterUnit,
            int year,
            List<UUID> plans,
            List<UUID> previousPlans,
            String planText,
            String fingerprint) {}

    private final Path work;
    private final long seed;
    private final int workers;
    private final Path bootstrap;
    private final KeycloakServer keycloak;
    private volatile WildFlyServer wildfly;
    private volatile EmbeddedDatabase database;
    private String firstFingerprint;

    private ScaleBenchmark(Path work, long seed, int workers, KeycloakServer keycloak) {
        this.work = work;
        this.seed = seed;
        this.workers = workers;
        this.keycloak = keycloak;
        this.bootstrap = Path.of(System.getProperty("duban.bootstrap.sql"));
    }

    public static void main(String[] args) throws Exception {
        Path work =
                Path.of(System.getProperty("scale.bench.dir", "target/scale-bench"))
                        .toAbsolutePath();
        Files.createDirectories(work);
        Sizes many = Sizes.of(Integer.getInteger("scale.bench.tenants", 300));
        Sizes one = many.firstTenantAlone();
        long seed = Long.getLong("scale.seed", 42L);
        int workers =
                Integer.getInteger("scale.workers", Runtime.getRuntime().availableProcessors());
        System.out.printf(
                "BENCH machine cpus=%d java=%s max_heap_mb=%d%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);

        KeycloakServer keycloak =
                KeycloakServer.configured(KEYCLOAK_PORT, work.resolve("keycloak.log"));
        ScaleBenchmark bench = new ScaleBenchmark(work, seed, workers, keycloak);
        Runtime.getRuntime().addShutdownHook(new Thread(bench::stopStage));
        keycloak.start();
        try {
            Map<String, List<Double>> alone = bench.stage("one", one, false);
            Map<String, List<Double>> all =
                    bench.stage("many", many, Boolean.getBoolean("scale.bench.reuse"));
            summary(alone, all, many.tenants());
            goals(alone, all, many.tenants());
        } finally {
            keycloak.stop();
        }
    }

    // ---- a stage: database, server, set-up, measurements

    private Map<String, List<Double>> stage(String name, Sizes sizes, boolean reuse)
            throws Exception {
        System.out.printf(
                "%nBENCH stage %s: tenants=%d units=%d tasks=%d reports=%d seed=%d%n",
                name, sizes.tenants(), sizes.units(), sizes.tasks(), sizes.reports(), seed);
        try {
            String url = openDatabase(name, sizes, reuse);
            Tenant tenant = tenant(url, sizes);
            System.out.printf(
                    "BENCH stage %s: tenant %s, reporter %s, %d plans in %d, tenant 0 %s%n",
                    name,
                    tenant.id(),
                    tenant.reporter(),
                    tenant.plans().size(),
                    tenant.year(),
                    tenant.fingerprint());
            check(tenant);
            KeycloakAdmin users = new KeycloakAdmin(KEYCLOAK_PORT);
            users.ensureUser(tenant.admin(), tenant.id(), "qfb", "district-admin");
            users.ensureUser(
                    tenant.reporter(), tenant.id(), tenant.reporterUnitCode(), "unit-reporter");
            users.ensureUser(tenant.leader(), tenant.id(), null, "leader");

            long start = System.nanoTime();
            wildfly =
                    WildFlyServer.configured(
                            PORT_OFFSET,
                            Map.of(
                                    "duban.db.url",
                                    url,
                                    "duban.oidc.provider-url",
                                    keycloak.issuer(),
                                    "duban.demo",
                                    "true"));
            wildfly.start(work.resolve("wildfly"), work.resolve("wildfly-" + name + ".log"));
            System.out.printf(
                    "BENCH stage %s: WildFly ready in %.0f s%n",
                    name, (System.nanoTime() - start) / 1e9);
            Api.target(ROOT + "/api/v1", user -> KeycloakServer.userToken(keycloak.issuer(), user));
            return measure(name, tenant, url);
        } finally {
            stopStage();
        }
    }

    private synchronized void stopStage() {
        if (wildfly != null) wildfly.close();
        wildfly = null;
        try {
            if (database != null) database.close();
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e);
        }
        database = null;
    }

    /**
     * Starts PostgreSQL on the stage's data directory, loading it unless it may be reused and a
     * marker says it holds these sizes and seed; returns the JDBC URL.
     */
    private String openDatabase(String name, Sizes sizes, boolean reuse) throws Exception {
        Path dir = work.resolve(name);
        Path marker = work.resolve(name + ".loaded");
        String loaded = sizes + " seed=" + seed;
        if (reuse && Files.exists(marker) && Files.readString(marker).equals(loaded)) {
            database = EmbeddedDatabase.start(0, dir, bootstrap);
            System.out.printf("BENCH stage %s: reusing %s%n", name, dir);
            removeOwnPlans(database.jdbcUrl(), Vocabulary.districts(seed, 1).get(0).id());
            return database.jdbcUrl();
        }
        Files.deleteIfExists(marker);
        database = EmbeddedDatabase.startFresh(0, dir, bootstrap);
        String url = database.jdbcUrl();
        long start = System.nanoTime();
        DataGenerator.tuneForLoading(url, true);
        DataGenerator.migrate(url, DataGenerator.migrationLocations());
        DataGenerator.LoadResult result =
                DataGenerator.load(
                        () -> EmbeddedDatabase.connect(url, EmbeddedDatabase.MAINT),
                        sizes,
                        seed,
                        workers);
        DataGenerator.tuneForLoading(url, false);
        Files.writeString(marker, loaded);
        System.out.printf(
                "BENCH stage %s: loaded %,d rows in %.0f s (vacuum %.0f s), %.0f s in all, data directory %.1f GB%n",
                name,
                result.totalRows(),
                result.loadSeconds(),
                result.vacuumSeconds(),
                (System.nanoTime() - start) / 1e9,
                DataGenerator.size(dir) / 1e9);
        return url;
    }

    /** A previous run's imported plans and the tasks published from them (only ever tenant 0's). */
    private static void removeOwnPlans(String url, String tenant) throws SQLException {
        String own =
                "select id from plan where tenant_id = ? and source_name like '" + OWN_PLANS + "%'";
        try (Connection c = EmbeddedDatabase.connect(url, EmbeddedDatabase.MAINT)) {
            for (String sql :
                    List.of(
                            "delete from task where plan_id in (" + own + ")",
                            "delete from plan where id in (" + own + ")")) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, tenant);
                    ps.executeUpdate();
                }
            }
        }
    }

    /** Tenant 0 as the database holds it, read as the maintenance role. */
    private Tenant tenant(String url, Sizes sizes) throws SQLException {
        String id = Vocabulary.districts(seed, 1).get(0).id();
        int year = sizes.asOf().getYear();
        try (Connection c = EmbeddedDatabase.connect(url, EmbeddedDatabase.MAINT)) {
            String code;
            UUID unit;
            try (PreparedStatement ps =
                    c.prepareStatement(
                            "select u.code, u.id from task t join unit u on u.tenant_id = t.tenant_id "
                                    + "and u.id = t.unit_id where t.tenant_id = ? group by u.code, u.id order by count(*) desc, u.code limit 1")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next())
                        throw new IllegalStateException("tenant " + id + " has no tasks");
                    code = rs.getString(1);
                    unit = rs.getObject(2, UUID.class);
                }
            }
            List<UUID> plans = new ArrayList<>();
            String text = null;
            try (PreparedStatement ps =
                    c.prepareStatement(
                            "select id, source_text from plan where tenant_id = ? and year = ? "
                                    + "and level = 'DISTRICT' and source_name not like ? order by length(source_text) desc, id")) {
                ps.setString(1, id);
                ps.setInt(2, year);
                ps.setString(3, OWN_PLANS + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plans.add(rs.getObject(1, UUID.class));
                        if (text == null) text = rs.getString(2);
                    }
                }
            }
            if (plans.isEmpty())
                throw new IllegalStateException("tenant " + id + " has no plans in " + year);
            List<UUID> previous = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement(
                            "select id from plan where tenant_id = ? and year = ? "
                                    + "and level = 'DISTRICT' and source_name not like ? order by id")) {
                ps.setString(1, id);
                ps.setInt(2, year - 1);
                ps.setString(3, OWN_PLANS + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) previous.add(rs.getObject(1, UUID.class));
                }
            }
            if (previous.isEmpty())
                throw new IllegalStateException("tenant " + id + " has no plans in " + (year - 1));
            return new Tenant(
                    id,
                    id + "-admin",
                    id + "-leader",
                    id + "-" + code,
                    code,
                    unit,
                    year,
                    plans,
                    previous,
                    text,
                    fingerprint(c, id));
        }
    }

    /**
     * Counts and a digest of tenant 0's units, tasks and reports: the same in both stages, or the
     * comparison is void.
     */
    private static String fingerprint(Connection c, String tenant) throws SQLException {
        StringBuilder sb = new StringBuilder();
        for (String[] t :
                new String[][] {
                    {
                        "units",
                        "select count(*), md5(string_agg(id::text || code, ',' order by id)) from unit where tenant_id = ?"
                    },
                    {
                        "tasks",
                        "select count(*), md5(string_agg(id::text || status || progress || unit_id::text, ',' order by id)) from task "
                                + "where tenant_id = ? and plan_id not in (select id from plan where source_name like '"
                                + OWN_PLANS
                                + "%')"
                    },
                    {
                        "reports",
                        "select count(*), md5(string_agg(id::text || state || percent, ',' order by id)) from progress_report "
                                + "where tenant_id = ?"
                    }
                }) {
            try (PreparedStatement ps = c.prepareStatement(t[1])) {
                ps.setString(1, tenant);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    sb.append(sb.isEmpty() ? "" : " ")
                            .append(t[0])
                            .append('=')
                            .append(rs.getLong(1))
                            .append(' ')
                            .append(rs.getString(2), 0, 8);
                }
            }
        }
        return sb.toString();
    }

    /** Stage "many" must have measured the same tenant 0 as stage "one". */
    private void check(Tenant tenant) {
        if (firstFingerprint == null) {
            firstFingerprint = tenant.fingerprint();
        } else if (!firstFingerprint.equals(tenant.fingerprint())) {
            throw new IllegalStateException(
                    "tenant 0 differs between the stages: "
                            + firstFingerprint
                            + " / "
                            + tenant.fingerprint());
        }
    }

    // ---- measurements

    /**
     * One warm-up pass over every read, then {@link #ROUNDS} measured rounds in which the reads
     * take turns, so a passing disturbance (GC, another process) spreads over all of them instead
     * of spoiling one; publishing, which adds tasks, comes last.
     */
    private Map<String, List<Double>> measure(String stage, Tenant t, String url) throws Exception {
        String circular = setUp(t);
        PlanParser parser = new PlanParser();
        String text = t.planText();
        String rankings = "/evaluation/rankings?period=" + t.year() + "&live=true";
        String deductions = "/evaluation/rankings?period=" + (t.year() - 1) + "&live=true";
        String pdf = "/circulars/" + circular + "/document.pdf";
        Supplier<Reply> dashboard =
                () ->
                        Api.send(
                                t.leader(),
                                HttpRequest.newBuilder(URI.create(ROOT + "/app/leader/index.xhtml"))
                                        .GET(),
                                "text/html");
        // The page answers 200 with a problem text too: only rendered standings count.
        if (!dashboard.get().body().contains("duban-table ranking"))
            throw new IllegalStateException("the dashboard shows no standings");
        int groups = RankingAggregate.time(url, t.id(), t.plans(), 0, 1).groups();
        int previousGroups = RankingAggregate.time(url, t.id(), t.previousPlans(), 0, 1).groups();

        List<Measurement> reads =
                List.of(
                        new Measurement(
                                "split",
                                "split the plan text ("
                                        + text.length()
                                        + " chars) into non-blank lines",
                                20_000,
                                2_001,
                                work(() -> splitLines(text))),
                        new Measurement(
                                "parse",
                                "parse the same plan text in-process",
                                2_000,
                                2_001,
                                work(() -> parser.parse(text, ParseOptions.defaults()))),
                        new Measurement(
                                "no-op",
                                "GET /inbox/unread-count (token check and one trivial query)",
                                300,
                                300,
                                calls(() -> Api.get(t.reporter(), "/inbox/unread-count"))),
                        new Measurement(
                                "my-tasks",
                                "GET /tasks/mine as "
                                        + t.reporter()
                                        + " ("
                                        + Api.get(t.reporter(), "/tasks/mine").array().size()
                                        + " rows)",
                                300,
                                300,
                                calls(() -> Api.get(t.reporter(), "/tasks/mine"))),
                        ledger(t, "ledger-overdue", "overdue=true"),
                        ledger(
                                t,
                                "ledger-search",
                                "q=" + URLEncoder.encode(KEYWORD, StandardCharsets.UTF_8)),
                        ledger(t, "ledger-unit", "unit=" + t.reporterUnit()),
                        new Measurement(
                                "rankings",
                                "GET "
                                        + rankings
                                        + " as "
                                        + t.leader()
                                        + " ("
                                        + t.plans().size()
                                        + " plans scored)",
                                30,
                                60,
                                calls(() -> Api.get(t.leader(), rankings))),
                        new Measurement(
                                "sql-aggregate",
                                "hand-written SQL aggregate over the same plans' tasks (JDBC, app role, RLS; "
                                        + groups
                                        + " units)",
                                30,
                                60,
                                n -> RankingAggregate.time(url, t.id(), t.plans(), 5, n).ms()),
                        new Measurement(
                                "rankings-deduction",
                                "GET "
                                        + deductions
                                        + " as "
                                        + t.leader()
                                        + " (deduction scheme, "
                                        + t.previousPlans().size()
                                        + " plans scored)",
                                30,
                                60,
                                calls(() -> Api.get(t.leader(), deductions))),
                        new Measurement(
                                "sql-aggregate-deduction",
                                "the same aggregate over the previous year's plans ("
                                        + previousGroups
                                        + " units)",
                                30,
                                60,
                                n ->
                                        RankingAggregate.time(url, t.id(), t.previousPlans(), 5, n)
                                                .ms()),
                        new Measurement(
                                "dashboard",
                                "GET /app/leader/index.xhtml as "
                                        + t.leader()
                                        + " (standings and trend, HTML)",
                                30,
                                60,
                                calls(dashboard)),
                        new Measurement(
                                "circular-json",
                                "GET /circulars/{id} (" + t.year() + CIRCULAR_PERIOD + " draft)",
                                100,
                                99,
                                calls(() -> Api.get(t.admin(), "/circulars/" + circular))),
                        new Measurement(
                                "circular-pdf",
                                "GET /circulars/{id}/document.pdf (~"
                                        + Api.getAny(t.admin(), pdf).body().length() / 1024
                                        + " KB)",
                                10,
                                30,
                                calls(() -> Api.getAny(t.admin(), pdf))));

        Map<String, List<Double>> samples = new LinkedHashMap<>();
        for (Measurement m : reads) {
            m.sampler().sample(m.warmup());
            samples.put(m.op(), new ArrayList<>());
        }
        for (int round = 0; round < ROUNDS; round++) {
            Api.forgetTokens(); // tokens live 15 minutes; each round logs in afresh, outside
            // the timings
            for (Measurement m : reads) {
                m.sampler().sample(1);
                samples.get(m.op()).addAll(m.sampler().sample(m.runs() / ROUNDS));
            }
        }
        Map<String, List<Double>> results = new LinkedHashMap<>();
        for (Measurement m : reads) record(results, stage, m.op(), m.what(), samples.get(m.op()));
        publish(results, stage, t);
        return results;
    }

    /** The parse baseline: the first thing any parser does with the text. */
    private static int splitLines(String text) {
        int n = 0;
        for (String line : text.split("\n")) {
            if (!line.strip().isEmpty()) n++;
        }
        return n;
    }

    /**
     * What the reads need: a scheme for the year scoring each of its plans, and a circular draft.
     * Returns the draft's id.
     */
    private static String setUp(Tenant t) {
        scheme(t, t.year(), t.plans(), "COMPLETION");
        // Last year's plans under a deduction scheme, which also reads report events.
        scheme(t, t.year() - 1, t.previousPlans(), "DEDUCTION");
        return expect(
                        201,
                        Api.post(
                                t.admin(),
                                "/circulars",
                                "{\"period\":\"" + t.year() + CIRCULAR_PERIOD + "\"}"))
                .json()
                .getString("id");
    }

    /** A scheme for a year whose indicators share 100 points among its plans. */
    private static void scheme(Tenant t, int year, List<UUID> plans, String type) {
        BigDecimal share =
                BigDecimal.valueOf(100)
                        .divide(BigDecimal.valueOf(plans.size()), 2, RoundingMode.DOWN);
        BigDecimal rest =
                BigDecimal.valueOf(100)
                        .subtract(share.multiply(BigDecimal.valueOf(plans.size() - 1L)));
        JsonArrayBuilder indicators = Json.createArrayBuilder();
        for (int i = 0; i < plans.size(); i++) {
            indicators.add(
                    Json.createObjectBuilder()
                            .add("name", "工作要点" + (i + 1))
                            .add("points", i == 0 ? rest : share)
                            .add("target", "PLAN")
                            .add("targetId", plans.get(i).toString()));
        }
        JsonObjectBuilder scheme =
                Json.createObjectBuilder()
                        .add("year", year)
                        .add("type", type)
                        .add("planWeight", 5)
                        .add("indicators", indicators);
        if (type.equals("COMPLETION")) scheme.add("partialCredit", true).add("partialRate", 0.4);
        expect(201, Api.post(t.admin(), "/evaluation/schemes", scheme.build().toString()));
    }

    private static Measurement ledger(Tenant t, String op, String filter) {
        String path = "/tasks?" + filter + "&limit=100";
        long total = Api.get(t.admin(), path).json().getJsonNumber("total").longValue();
        return new Measurement(
                op,
                "GET " + path + " as " + t.admin() + " (100 of " + total + " rows + count)",
                50,
                99,
                calls(() -> Api.get(t.admin(), path)));
    }

    /**
     * Imports the district seed plan under a new title and publishes it, timing the publication
     * preview (the baseline) and the publication; the first rounds warm up.
     */
    private static void publish(Map<String, List<Double>> results, String stage, Tenant t)
            throws IOException {
        String seedPlan = PlanDocuments.read(PlanDocuments.DISTRICT_SEED);
        List<Double> preview = new ArrayList<>(), publish = new ArrayList<>();
        int created = 0, warmup = 2, runs = 6;
        Api.forgetTokens();
        for (int i = 0; i < warmup + runs; i++) {
            // A new title each time: the same text twice is refused as a duplicate.
            String text =
                    seedPlan.replace("2025年上海市普陀区政务公开工作要点", "2025年上海市普陀区政务公开工作要点（规模基准" + i + "）");
            String plan =
                    expect(
                                    201,
                                    Api.post(
                                            t.admin(),
                                            "/plans",
                                            PlanDocuments.saveRequest(
                                                    text, OWN_PLANS + i + ".txt")))
                            .json()
                            .getString("id");
            long t0 = System.nanoTime();
            expect(200, Api.post(t.admin(), "/plans/" + plan + "/publication/preview", "{}"));
            long t1 = System.nanoTime();
            Reply published =
                    expect(
                            200,
                            Api.post(
                                    t.admin(),
                                    "/plans/" + plan + "/publication",
                                    "{\"allowOpen\":true}"));
            long t2 = System.nanoTime();
            created = published.json().getInt("created");
            if (i < warmup) continue;
            preview.add((t1 - t0) / 1e6);
            publish.add((t2 - t1) / 1e6);
        }
        record(
                results,
                stage,
                "publish-preview",
                "POST /plans/{id}/publication/preview of the district seed plan",
                preview);
        record(
                results,
                stage,
                "publish",
                "POST /plans/{id}/publication of the district seed plan (" + created + " tasks)",
                publish);
    }

    private static Sampler calls(Supplier<Reply> call) {
        return n -> Timings.timed(n, call);
    }

    private static Sampler work(Runnable work) {
        return n -> Timings.timedWork(n, work);
    }

    private static void record(
            Map<String, List<Double>> results,
            String stage,
            String op,
            String what,
            List<Double> ms) {
        results.put(op, ms);
        System.out.printf("BENCH %s %-15s %s  %s%n", stage, op, Timings.stats(ms), what);
    }

    private static Reply expect(int status, Reply reply) {
        if (reply.status() != status)
            throw new IllegalStateException(
                    "expected " + status + ", got " + reply.status() + ": " + reply.body());
        return reply;
    }

    // ---- the summary

    private static void summary(
            Map<String, List<Double>> one, Map<String, List<Double>> many, int tenants) {
        System.out.printf(
                "%nBENCH summary: milliseconds; one = tenant 0 alone, many = %d tenants loaded; goal for a tenant's queries: "
                        + "many/one ≤ %.1f×%n%n",
                tenants, GOAL);
        System.out.println(
                "| operation | one p50 | one p95 | many p50 | many p95 | many/one p50 | many/one p95 | baseline | "
                        + "÷ baseline p50 (one / many) |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |");
        for (Row r : ROWS) {
            List<Double> a = one.get(r.op()), b = many.get(r.op());
            double p50 = Timings.pct(b, 50) / Timings.pct(a, 50),
                    p95 = Timings.pct(b, 95) / Timings.pct(a, 95);
            String vsBaseline =
                    r.baseline() == null
                            ? "–"
                            : String.format(
                                    "%.2f× / %.2f×",
                                    Timings.pct(a, 50) / Timings.pct(one.get(r.baseline()), 50),
                                    Timings.pct(b, 50) / Timings.pct(many.get(r.baseline()), 50));
            System.out.printf(
                    "| %s | %s | %s | %s | %s | %.2f×%s | %.2f×%s | %s | %s |%n",
                    r.op(),
                    p(a, 50),
                    p(a, 95),
                    p(b, 50),
                    p(b, 95),
                    p50,
                    mark(r, p50),
                    p95,
                    mark(r, p95),
                    r.baseline() == null ? "(baseline)" : r.baseline(),
                    vsBaseline);
        }
    }

    /** Issue 22's goals: an op ÷ its baseline at a percentile, at most a ratio. */
    record Goal(String op, String baseline, int percentile, double max) {}

    static final List<Goal> GOALS =
            List.of(
                    new Goal("rankings", "sql-aggregate", 50, 1.5),
                    new Goal("rankings-deduction", "sql-aggregate-deduction", 50, 1.5),
                    new Goal("my-tasks", "no-op", 95, 1.5),
                    new Goal("dashboard", "no-op", 50, 3));

    private static void goals(
            Map<String, List<Double>> one, Map<String, List<Double>> many, int tenants) {
        System.out.printf(
                "%nBENCH goals (issue 22), each a ratio to its baseline in the same stage%n%n");
        System.out.println(
                "| operation | baseline | one | many (" + tenants + " tenants) | goal |");
        System.out.println("| --- | --- | ---: | ---: | --- |");
        for (Goal g : GOALS) {
            double
                    a =
                            Timings.pct(one.get(g.op()), g.percentile())
                                    / Timings.pct(one.get(g.baseline()), g.percentile()),
                    b =
                            Timings.pct(many.get(g.op()), g.percentile())
                                    / Timings.pct(many.get(g.baseline()), g.percentile());
            System.out.printf(
                    "| %s | %s | %.2f× %s | %.2f× %s | p%d ≤ %.1f× |%n",
                    g.op(),
                    g.baseline(),
                    a,
                    a <= g.max() ? "✓" : "✗",
                    b,
                    b <= g.max() ? "✓" : "✗",
                    g.percentile(),
                    g.max());
        }
    }

    private static String p(List<Double> ms, double percentile) {
        return Timings.ms(Timings.pct(ms, percentile));
    }

    private static String mark(Row r, double ratio) {
        return r.tenantQuery() ? (ratio <= GOAL ? " ✓" : " ✗") : "";
    }
}
