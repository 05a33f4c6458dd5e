package cn.duban.load;

import cn.duban.devstack.KeycloakServer;
import cn.duban.devstack.WildFlyServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    static final String TENANT = LoadStack.TENANT;

    private final LoadStack stack = new LoadStack(POSTGRES_PORT, KEYCLOAK_PORT, "LOAD");
    private final List<String> missed = new ArrayList<>();
    private WildFlyServer wildfly;
    private Http http;
    private HeapSampler heap;
    private Workload workload;

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
        LoadStack.District district = stack.setUpDistrict(http);
        int reporterThreads = Integer.getInteger("load.reporters", 16);
        int reviewers = Integer.getInteger("load.reviewers", 2);
        int leaders = Integer.getInteger("load.leaders", 2);
        workload = stack.workload(http, district);
        log(
                "LOAD users: %d reporters (one per unit) on %d threads, %d reviewer threads, %d leader threads; no think time",
                district.reporters().size(), reporterThreads, reviewers, leaders);

        if (phase("steady"))
            steady(Integer.getInteger("load.seconds", 180), reporterThreads, reviewers, leaders);
        new Faults(this).run(reporterThreads, reviewers, leaders);
        missed.addAll(stack.checkIntegrity(http, workload));
        if (missed.isEmpty()) {
            log("LOAD result: every goal met");
            return 0;
        }
        missed.forEach(m -> log("LOAD missed: %s", m));
        return 1;
    }

    // ---- the stack

    private void startStack() throws Exception {
        long t0 = System.nanoTime();
        stack.startDatabaseAndKeycloak();
        Path work = stack.work();
        wildfly = stack.wildfly(PORT_OFFSET, Map.of());
        wildfly.start(work.resolve("standalone"), work.resolve("wildfly.log"));
        http =
                new Http(
                        "http://localhost:" + (8080 + PORT_OFFSET) + "/api/v1",
                        stack.keycloak().issuer(),
                        new Recorder());
        heap = new HeapSampler(9990 + PORT_OFFSET);
        log(
                "LOAD stack up in %d s: PostgreSQL %s, Keycloak %s, WildFly http://localhost:%d (logs in %s)",
                (System.nanoTime() - t0) / 1_000_000_000L,
                stack.database().jdbcUrl(),
                stack.keycloak().issuer(),
                8080 + PORT_OFFSET,
                work);
    }

    private void stopAll() {
        if (heap != null) heap.close();
        if (wildfly != null) wildfly.close();
        stack.close();
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
        stack.stopDatabase();
    }

    void startDatabase() throws Exception {
        stack.startDatabase();
    }

    KeycloakServer keycloak() {
        return stack.keycloak();
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

    /** A count as the maintenance role, past the application. */
    long count(String sql) throws Exception {
        return stack.count(sql);
    }

    static void log(String format, Object... args) {
        LoadStack.log(format, args);
    }
}
