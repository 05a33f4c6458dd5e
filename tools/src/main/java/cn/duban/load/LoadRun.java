package cn.duban.load;

import cn.duban.client.PlanDocuments;
import cn.duban.devstack.EmbeddedDatabase;
import cn.duban.devstack.KeycloakAdmin;
import cn.duban.devstack.KeycloakServer;
import cn.duban.devstack.WildFlyServer;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * The load and fault run of issue 7 ({@code ./mvnw -B -Pload verify}; docs/RELIABILITY.md): its own
 * PostgreSQL, Keycloak and WildFly on loopback, a district with the seed plan published to its
 * units, then
 *
 * <ol>
 *   <li>steady load for {@code load.seconds}: reporters submitting, the office reviewing, leaders
 *       reading rankings; throughput, latencies, errors and heap;
 *   <li>PostgreSQL stopped and started again under load: clean failures, recovery without help, no
 *       lost, duplicated or half-written report;
 *   <li>Keycloak stopped and started again under load;
 *   <li>bad input under load: oversized and malformed uploads, garbage and GBK documents, broken
 *       JSON.
 * </ol>
 *
 * {@code load.phases} picks some of them. Every finding is printed as a {@code LOAD} or {@code
 * FAULT} line; the process exits with 1 when a goal is missed.
 */
public final class LoadRun {

    private static final int PORT_OFFSET = 20000;
    private static final int POSTGRES_PORT = 25432;
    private static final int KEYCLOAK_PORT = 28180;
    static final String TENANT = "putuo";
    private static final String ADMIN = "pt-admin";
    private static final String LEADER = "pt-leader";

    private final Path work =
            Path.of(System.getProperty("duban.work", "target/load")).toAbsolutePath();
    private final Path bootstrap = Path.of(System.getProperty("duban.bootstrap.sql"));
    private final List<String> missed = new ArrayList<>();
    private EmbeddedDatabase database;
    private KeycloakServer keycloak;
    private WildFlyServer wildfly;
    private Http http;
    private HeapSampler heap;
    private Workload workload;
    private int year;

    public static void main(String[] args) throws Exception {
        LoadRun run = new LoadRun();
        int status = 2;
        try {
            status = run.run();
        } catch (Throwable t) {
            t.printStackTrace();
        } finally {
            // Exit even when a phase failed with virtual users still running.
            run.stopAll();
            System.exit(status);
        }
    }

    private int run() throws Exception {
        startStack();
        List<String> reporters = setUpDistrict();
        int reporterThreads = Integer.getInteger("load.reporters", 16);
        int reviewers = Integer.getInteger("load.reviewers", 2);
        int leaders = Integer.getInteger("load.leaders", 2);
        workload = new Workload(http, reporters, ADMIN, LEADER, year, evidencePdf());
        log(
                "LOAD users: %d reporters (one per unit) on %d threads, %d reviewer threads, %d leader threads; no think time",
                reporters.size(), reporterThreads, reviewers, leaders);

        if (phase("steady"))
            steady(Integer.getInteger("load.seconds", 180), reporterThreads, reviewers, leaders);
        new Faults(this).run(reporterThreads, reviewers, leaders);
        checkIntegrity();
        if (missed.isEmpty()) {
            log("LOAD result: every goal met");
            return 0;
        }
        missed.forEach(m -> log("LOAD missed: %s", m));
        return 1;
    }

    // ---- the stack

    private void startStack() throws Exception {
        Files.createDirectories(work);
        long t0 = System.nanoTime();
        database = EmbeddedDatabase.startFresh(POSTGRES_PORT, work.resolve("pgdata"), bootstrap);
        keycloak = KeycloakServer.configured(KEYCLOAK_PORT, work.resolve("keycloak.log"));
        keycloak.start();
        wildfly =
                WildFlyServer.configured(
                        PORT_OFFSET,
                        Map.of(
                                "duban.demo",
                                "true",
                                "duban.db.url",
                                database.jdbcUrl(),
                                "duban.oidc.provider-url",
                                keycloak.issuer()));
        wildfly.start(work.resolve("standalone"), work.resolve("wildfly.log"));
        http =
                new Http(
                        "http://localhost:" + (8080 + PORT_OFFSET) + "/api/v1",
                        keycloak.issuer(),
                        new Recorder());
        heap = new HeapSampler(9990 + PORT_OFFSET);
        log(
                "LOAD stack up in %d s: PostgreSQL %s, Keycloak %s, WildFly http://localhost:%d (logs in %s)",
                (System.nanoTime() - t0) / 1_000_000_000L,
                database.jdbcUrl(),
                keycloak.issuer(),
                8080 + PORT_OFFSET,
                work);
    }

    private void stopAll() {
        if (heap != null) heap.close();
        if (wildfly != null) wildfly.close();
        if (keycloak != null) keycloak.stop();
        try {
            if (database != null) database.close();
        } catch (Exception e) {
            log("PostgreSQL did not stop cleanly: %s", e);
        }
    }

    /**
     * Whether the phase is to run: load.phases lists them (steady,postgres,keycloak,input; default
     * all).
     */
    static boolean phase(String name) {
        return List.of(
                        System.getProperty("load.phases", "steady,postgres,keycloak,input")
                                .split(","))
                .contains(name);
    }

    void stopDatabase() throws Exception {
        database.close();
    }

    void startDatabase() throws Exception {
        database = EmbeddedDatabase.start(POSTGRES_PORT, work.resolve("pgdata"), bootstrap);
    }

    KeycloakServer keycloak() {
        return keycloak;
    }

    Http http() {
        return http;
    }

    Workload workload() {
        return workload;
    }

    HeapSampler heap() {
        return heap;
    }

    void miss(String goal) {
        missed.add(goal);
    }

    /**
     * The demo district publishes the district seed plan to its units, gets an evaluation scheme,
     * and every unit with tasks gets a reporter in Keycloak.
     */
    private List<String> setUpDistrict() throws Exception {
        Http.Reply plan =
                http.post(
                        "setup",
                        ADMIN,
                        "/plans",
                        PlanDocuments.saveRequest(
                                PlanDocuments.read(PlanDocuments.DISTRICT_SEED),
                                PlanDocuments.DISTRICT_SEED),
                        Map.of());
        require(plan, "import the seed plan");
        String planId = plan.json().getString("id");
        year = plan.json().getInt("year");
        Http.Reply published =
                http.post(
                        "setup",
                        ADMIN,
                        "/plans/" + planId + "/publication",
                        "{\"allowOpen\":true}",
                        Map.of());
        require(published, "publish the seed plan");
        require(
                http.post(
                        "setup",
                        ADMIN,
                        "/evaluation/schemes",
                        "{\"year\":"
                                + year
                                + ",\"type\":\"COMPLETION\",\"planWeight\":5,"
                                + "\"indicators\":[{\"name\":\"政务公开\",\"points\":100,\"target\":\"PLAN\",\"targetId\":\""
                                + planId
                                + "\"}]}",
                        Map.of()),
                "create the evaluation scheme");

        List<String> codes = new ArrayList<>();
        try (Connection c = EmbeddedDatabase.connect(database.jdbcUrl(), EmbeddedDatabase.MAINT);
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "select distinct u.code from task t join unit u on u.tenant_id = t.tenant_id and u.id = t.unit_id "
                                        + "where t.tenant_id = '"
                                        + TENANT
                                        + "' order by u.code")) {
            while (rs.next()) codes.add(rs.getString(1));
        }
        KeycloakAdmin admin = new KeycloakAdmin(KEYCLOAK_PORT);
        List<String> reporters = new ArrayList<>();
        for (String code : codes) {
            String user = "load-" + code;
            admin.ensureUser(user, TENANT, code, "unit-reporter");
            reporters.add(user);
        }
        // Log everybody in before the clock starts: the run measures Duban, not Keycloak's password
        // hashing.
        List<String> everybody = new ArrayList<>(reporters);
        everybody.addAll(List.of(ADMIN, LEADER));
        everybody.parallelStream().forEach(http::login);
        log(
                "LOAD district %s: plan %d, %d tasks published to %d units",
                TENANT, year, published.json().getInt("created"), codes.size());
        return reporters;
    }

    private static void require(Http.Reply reply, String what) {
        if (!reply.ok())
            throw new IllegalStateException(
                    "Could not " + what + ": " + reply.code() + " " + reply.body());
    }

    /** A small real PDF, as a scanned notice would be (evidence is checked by its content). */
    private static byte[] evidencePdf() throws Exception {
        try (PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            return out.toByteArray();
        }
    }

    // ---- phase 1: steady load

    private void steady(int seconds, int reporters, int reviewers, int leaders)
            throws InterruptedException {
        workload.start(reporters, reviewers, leaders);
        // A freshly started server compiles as it goes: the first 20 s are not measured.
        Thread.sleep(20_000);
        Recorder r = phase();
        Thread.sleep(seconds * 1000L);
        workload.stop();
        report("steady", r);
        if (r.errors() > 0) miss("steady load: " + r.errors() + " errors (goal 0)");
        if (!workload.driverErrors.isEmpty())
            miss(
                    "steady load: replies the driver could not read: "
                            + workload.driverErrors.subList(0, 1));
    }

    /** A fresh recorder and heap peak for the next phase. */
    Recorder phase() {
        Recorder r = new Recorder();
        http.use(r);
        heap.resetPeak();
        return r;
    }

    void report(String phase, Recorder r) {
        log(
                "LOAD %s: %.0f s, %d calls, %.1f calls/s, %d errors, %s",
                phase,
                r.seconds(),
                r.calls(),
                r.calls() / r.seconds(),
                r.errors(),
                heap.describe());
        log("LOAD %s: all calls %s", phase, r.stats(null));
        for (String op : r.ops()) log("LOAD %s: %-16s %s", phase, op, r.stats(op));
        r.failures().forEach((code, n) -> log("LOAD %s: failed %5d × %s", phase, n, code));
    }

    // ---- after all phases: nothing lost, doubled or half-written

    private void checkIntegrity() throws Exception {
        // A client sends what got no answer again, with the same key, as the UI does.
        Recorder r = phase();
        for (Workload.Submission s : List.copyOf(workload.unanswered.values())) workload.submit(s);
        if (!workload.unanswered.isEmpty())
            miss(workload.unanswered.size() + " submissions still failing after the outages");
        log(
                "FAULT retried %d unanswered submissions with their keys: %d refused %s",
                r.calls(), r.errors(), r.failures());

        String tenant = "tenant_id = '" + TENANT + "'";
        check(
                "reports per Idempotency-Key > 1",
                "select count(*) from (select idempotency_key from progress_report where "
                        + tenant
                        + " and idempotency_key like 'load-%' group by idempotency_key having count(*) > 1) d");
        check(
                "submitted reports without submitter or time",
                "select count(*) from progress_report where "
                        + tenant
                        + " and created_by like 'load-%' and state <> 'DRAFT' and (submitted_at is null or submitted_by is null or idempotency_key is null)");
        check(
                "tasks whose status disagrees with a waiting report",
                "select count(*) from task t where t."
                        + tenant
                        + " and (t.status = 'SUBMITTED') <> exists (select 1 from progress_report r where r.tenant_id = t.tenant_id"
                        + " and r.task_id = t.id and r.state = 'SUBMITTED')");
        check(
                "tasks with two drafts or two reports waiting",
                "select count(*) from (select task_id from progress_report where "
                        + tenant
                        + " and state in ('DRAFT', 'SUBMITTED') group by task_id, state having count(*) > 1) d");
        check(
                "evidence whose bytes do not match their SHA-256",
                "select count(*) from evidence where "
                        + tenant
                        + " and encode(sha256(content), 'hex') <> sha256");
        check(
                "submissions without their audit entry",
                "select count(*) from progress_report r where r."
                        + tenant
                        + " and r.state <> 'DRAFT' and not exists (select 1 from audit_log a where a.tenant_id = r.tenant_id"
                        + " and a.action = 'report.submitted' and a.detail like '%' || r.id || '%')");
        long stored =
                count(
                        "select count(*) from progress_report where "
                                + tenant
                                + " and idempotency_key like 'load-%'");
        log(
                "FAULT accepted submissions %d, stored with a load key %d",
                workload.accepted.size(), stored);
        if (stored != workload.accepted.size())
            miss("accepted submissions " + workload.accepted.size() + " ≠ stored " + stored);
        Http.Reply chain = http.get("audit-verify", ADMIN, "/audit/verify");
        log("FAULT audit chain: %s", chain.body());
        if (!chain.ok() || !chain.json().getBoolean("intact"))
            miss("audit chain not intact: " + chain.body());
    }

    private void check(String what, String sql) throws Exception {
        long n = count(sql);
        log("FAULT check %-50s %d%s", what, n, n == 0 ? "  ok" : "  ✗");
        if (n != 0) miss(what + ": " + n);
    }

    /** A count as the maintenance role, past the application. */
    long count(String sql) throws Exception {
        try (Connection c = EmbeddedDatabase.connect(database.jdbcUrl(), EmbeddedDatabase.MAINT);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void log(String format, Object... args) {
        System.out.printf(
                "%s %s%n", Instant.now().toString().substring(11, 19), String.format(format, args));
    }
}
