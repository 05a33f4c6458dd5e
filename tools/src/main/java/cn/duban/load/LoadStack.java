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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * What the load run ({@link LoadRun}) and the cluster run ({@link ClusterRun}) share: their own
 * PostgreSQL and Keycloak on loopback, WildFly servers with the EAR, the demo district with the
 * seed plan published to its units and a reporter per unit, the workload over it, and the check
 * after the run that nothing was lost, doubled or half-written.
 */
final class LoadStack implements AutoCloseable {

    static final String TENANT = "putuo";
    static final String ADMIN = "pt-admin";
    static final String LEADER = "pt-leader";

    /** The district the workload runs in. */
    record District(List<String> reporters, int year) {}

    private final Path work =
            Path.of(System.getProperty("duban.work", "target/load")).toAbsolutePath();
    private final Path bootstrap = Path.of(System.getProperty("duban.bootstrap.sql"));
    private final int postgresPort;
    private final int keycloakPort;
    private final String tag;
    private EmbeddedDatabase database;
    private KeycloakServer keycloak;

    /**
     * @param tag the first word of the lines this prints (LOAD, CLUSTER)
     */
    LoadStack(int postgresPort, int keycloakPort, String tag) {
        this.postgresPort = postgresPort;
        this.keycloakPort = keycloakPort;
        this.tag = tag;
    }

    Path work() {
        return work;
    }

    /**
     * A fresh PostgreSQL, then Keycloak, whose web client may also redirect to the given ports (a
     * balancer in front of the servers).
     */
    void startDatabaseAndKeycloak(int... webPorts) throws Exception {
        Files.createDirectories(work);
        database = EmbeddedDatabase.startFresh(postgresPort, work.resolve("pgdata"), bootstrap);
        keycloak = KeycloakServer.configured(keycloakPort, work.resolve("keycloak.log"));
        for (int port : webPorts) keycloak.redirectingTo(port);
        keycloak.start();
    }

    /** A WildFly on the port offset, with the demo data, this database and this Keycloak. */
    WildFlyServer wildfly(int portOffset, Map<String, String> more) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("duban.demo", "true");
        properties.put("duban.db.url", database.jdbcUrl());
        properties.put("duban.oidc.provider-url", keycloak.issuer());
        properties.putAll(more);
        return WildFlyServer.configured(portOffset, properties);
    }

    EmbeddedDatabase database() {
        return database;
    }

    KeycloakServer keycloak() {
        return keycloak;
    }

    void stopDatabase() throws Exception {
        database.close();
    }

    void startDatabase() throws Exception {
        database = EmbeddedDatabase.start(postgresPort, work.resolve("pgdata"), bootstrap);
    }

    @Override
    public void close() {
        if (keycloak != null) keycloak.stop();
        try {
            if (database != null) database.close();
        } catch (Exception e) {
            log("PostgreSQL did not stop cleanly: %s", e);
        }
    }

    /**
     * The demo district publishes the district seed plan to its units, gets an evaluation scheme,
     * and every unit with tasks gets a reporter in Keycloak; everybody is logged in.
     */
    District setUpDistrict(Http http) throws Exception {
        // Set-up is not measured: on two shared cores importing and publishing the seed plan on a
        // fresh node can take longer than the workload's 30 s.
        http.timeout(SETUP_TIMEOUT);
        try {
            return setUp(http);
        } finally {
            http.timeout(Http.TIMEOUT);
        }
    }

    private static final java.time.Duration SETUP_TIMEOUT = java.time.Duration.ofMinutes(5);

    private District setUp(Http http) throws Exception {
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
        int year = plan.json().getInt("year");
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
        KeycloakAdmin admin = new KeycloakAdmin(keycloakPort);
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
                "%s district %s: plan %d, %d tasks published to %d units",
                tag, TENANT, year, published.json().getInt("created"), codes.size());
        return new District(reporters, year);
    }

    /** The workload of the district's users. */
    Workload workload(Http http, District district) throws Exception {
        return new Workload(http, district.reporters(), ADMIN, LEADER, district.year(), evidence());
    }

    static void require(Http.Reply reply, String what) {
        if (!reply.ok())
            throw new IllegalStateException(
                    "Could not " + what + ": " + reply.code() + " " + reply.body());
    }

    /** A small real PDF, as a scanned notice would be (evidence is checked by its content). */
    private static byte[] evidence() throws Exception {
        try (PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            return out.toByteArray();
        }
    }

    // ---- after all phases: nothing lost, doubled or half-written

    /**
     * Sends again what got no answer, then checks the district's reports, tasks, evidence and audit
     * trail; returns the goals missed.
     */
    List<String> checkIntegrity(Http http, Workload workload) throws Exception {
        List<String> missed = new ArrayList<>();
        // A client sends what got no answer again, with the same key, as the UI does.
        Recorder r = new Recorder();
        http.use(r);
        for (Workload.Submission s : List.copyOf(workload.unanswered.values())) workload.submit(s);
        if (!workload.unanswered.isEmpty())
            missed.add(workload.unanswered.size() + " submissions still failing after the outages");
        log(
                "FAULT retried %d unanswered submissions with their keys: %d refused %s",
                r.calls(), r.errors(), r.failures());

        String tenant = "tenant_id = '" + TENANT + "'";
        check(
                missed,
                "reports per Idempotency-Key > 1",
                "select count(*) from (select idempotency_key from progress_report where "
                        + tenant
                        + " and idempotency_key like 'load-%' group by idempotency_key having count(*) > 1) d");
        check(
                missed,
                "submitted reports without submitter or time",
                "select count(*) from progress_report where "
                        + tenant
                        + " and created_by like 'load-%' and state <> 'DRAFT' and (submitted_at is null or submitted_by is null or idempotency_key is null)");
        check(
                missed,
                "tasks whose status disagrees with a waiting report",
                "select count(*) from task t where t."
                        + tenant
                        + " and (t.status = 'SUBMITTED') <> exists (select 1 from progress_report r where r.tenant_id = t.tenant_id"
                        + " and r.task_id = t.id and r.state = 'SUBMITTED')");
        check(
                missed,
                "tasks with two drafts or two reports waiting",
                "select count(*) from (select task_id from progress_report where "
                        + tenant
                        + " and state in ('DRAFT', 'SUBMITTED') group by task_id, state having count(*) > 1) d");
        check(
                missed,
                "evidence without bytes that match its SHA-256",
                // The bytes live once per tenant and hash in evidence_content (V34).
                "select count(*) from evidence e where e."
                        + tenant
                        + " and not exists (select 1 from evidence_content c where c.tenant_id = e.tenant_id"
                        + " and c.sha256 = e.sha256 and encode(sha256(c.content), 'hex') = e.sha256)");
        check(
                missed,
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
            missed.add("accepted submissions " + workload.accepted.size() + " ≠ stored " + stored);
        Http.Reply chain = http.get("audit-verify", ADMIN, "/audit/verify");
        log("FAULT audit chain: %s", chain.body());
        if (!chain.ok() || !chain.json().getBoolean("intact"))
            missed.add("audit chain not intact: " + chain.body());
        return missed;
    }

    private void check(List<String> missed, String what, String sql) throws Exception {
        long n = count(sql);
        log("FAULT check %-50s %d%s", what, n, n == 0 ? "  ok" : "  ✗");
        if (n != 0) missed.add(what + ": " + n);
    }

    /** A query's two columns (a name, a count) as the maintenance role, past the application. */
    Map<String, Long> counts(String sql) throws Exception {
        Map<String, Long> out = new java.util.TreeMap<>();
        try (Connection c = EmbeddedDatabase.connect(database.jdbcUrl(), EmbeddedDatabase.MAINT);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
        }
        return out;
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
