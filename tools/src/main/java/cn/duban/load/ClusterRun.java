package cn.duban.load;

import static cn.duban.load.LoadStack.log;

import cn.duban.client.PlanDocuments;
import cn.duban.devstack.Dirs;
import cn.duban.devstack.KeycloakServer;
import cn.duban.devstack.WildFlyServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The cluster run of issue 22 ({@code ./mvnw -B -Pcluster verify}; docs/PERFORMANCE.md, "Cluster
 * run"): its own PostgreSQL and Keycloak, two WildFly nodes with the same EAR and HAProxy in front
 * of them (tools/src/main/resources/cn/duban/load/haproxy-cluster.cfg), all on loopback. The load
 * run's workload ({@link Workload}) runs
 *
 * <ol>
 *   <li>against node A alone, directly (the one-node figures of the same run);
 *   <li>through the balancer with both nodes (steady);
 *   <li>while one node is stopped (node-down): the one a logged-in UI user is stuck to, whose next
 *       page must land logged in on the other node;
 *   <li>while that node starts again and afterwards (node-back).
 * </ol>
 *
 * Then the load run's integrity check, and the daily reminder run started on both nodes for the
 * same slot at once: every notice must be sent once. {@code cluster.seconds} is the length of each
 * measured phase. Prints {@code CLUSTER} lines; exits with 1 when a goal is missed.
 */
public final class ClusterRun {

    private static final int POSTGRES_PORT = 26432;
    private static final int KEYCLOAK_PORT = 29180;
    private static final int FRONT_PORT = 27080;
    private static final int STATS_PORT = 27081;
    private static final String JOB = "daily-reminders";

    /** Statuses a client may send again: the balancer's and a suspended server's answers. */
    private static final List<String> RETRYABLE = List.of("502", "503", "504");

    /** One WildFly of the cluster. */
    private record Node(String name, int portOffset, WildFlyServer server) {
        int httpPort() {
            return 8080 + portOffset;
        }

        String api() {
            return "http://localhost:" + httpPort() + "/api/v1";
        }
    }

    /** One phase's figures, for the summary. */
    private record Phase(
            String name,
            String nodes,
            Recorder recorder,
            double seconds,
            Map<String, Long> proxy) {}

    private final LoadStack stack = new LoadStack(POSTGRES_PORT, KEYCLOAK_PORT, "CLUSTER");
    private final List<String> missed = new ArrayList<>();
    private final List<Phase> phases = new ArrayList<>();
    private final Map<String, Node> nodes = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final HttpClient plain =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final int seconds = Integer.getInteger("cluster.seconds", 60);
    private final int warmUp = Integer.getInteger("cluster.warmup", 20);
    private final ExecutorService boot = Executors.newSingleThreadExecutor();
    private Process haproxy;
    private Http http;
    private Workload workload;

    public static void main(String[] args) {
        ClusterRun run = new ClusterRun();
        int status = 2;
        try {
            status = run.run();
        } catch (Throwable t) {
            t.printStackTrace();
        } finally {
            run.stopAll();
            System.exit(status);
        }
    }

    private int run() throws Exception {
        int reporterThreads = Integer.getInteger("cluster.reporters", 16);
        int reviewers = Integer.getInteger("cluster.reviewers", 2);
        int leaders = Integer.getInteger("cluster.leaders", 2);
        long t0 = System.nanoTime();
        stack.startDatabaseAndKeycloak(FRONT_PORT);
        Node a = startNode("node-a", 21000);
        log(
                "CLUSTER PostgreSQL, Keycloak and node-a up in %d s (logs in %s)",
                (System.nanoTime() - t0) / 1_000_000_000L, stack.work());
        // node-b boots while the district is set up through node-a (node-a alone migrates the
        // fresh database); it is idle in the one-node phase.
        Future<Node> second = boot.submit(() -> startNode("node-b", 22000));
        http = new Http(a.api(), stack.keycloak().issuer(), new Recorder());
        workload = stack.workload(http, stack.setUpDistrict(http));
        second.get();
        boot.shutdown();
        log(
                "CLUSTER users: %d reporters on %d threads, %d reviewer threads, %d leader threads; no think time; %d s per phase after a %d s warm-up",
                workload.reporters().size(), reporterThreads, reviewers, leaders, seconds, warmUp);

        // 1. One node, directly: the baseline of this run.
        workload.start(reporterThreads, reviewers, leaders);
        Thread.sleep(warmUp * 1000L);
        measure("one-node", "node-a", seconds);
        workload.stop();

        // 2. The balancer in front of both nodes; the same workload through it.
        Node b = nodes.get("node-b");
        startBalancer();
        http.use(new Recorder());
        http.at("http://localhost:" + FRONT_PORT + "/api/v1");
        http.retryGets(3);
        Browser browser = new Browser("http://localhost:" + KEYCLOAK_PORT);
        URI page = URI.create(front() + "/app/index.xhtml");
        Browser.Visit login = browser.logIn(page, LoadStack.LEADER, KeycloakServer.DEMO_PASSWORD);
        String stuck = browser.cookie("SERVERID");
        log(
                "CLUSTER UI: %s logged in through the balancer, session on %s (cookie SERVERID=%s): %s",
                LoadStack.LEADER, login.servedBy(), stuck, login.hops());
        if (!login.landedLoggedIn(front()) || stuck == null || !nodes.containsKey(stuck)) {
            missed.add("UI login through the balancer: " + login.status() + " " + login.hops());
            stuck = b.name();
        }
        workload.start(reporterThreads, reviewers, leaders);
        Thread.sleep(warmUp * 1000L);
        measure("steady", "a+b", seconds);

        // 3. The UI user's node stops under load (SIGTERM: suspend, finish, exit).
        Node victim = nodes.get(stuck);
        Recorder down = phase();
        Map<String, Long> before = proxyCounters();
        long stopping = System.nanoTime();
        boolean clean = victim.server().stop(Duration.ofSeconds(60));
        log(
                "CLUSTER %s stopped in %.1f s (%s)",
                victim.name(),
                (System.nanoTime() - stopping) / 1e9,
                clean ? "by itself" : "killed after 60 s");
        Browser.Visit again = browser.open(page);
        log(
                "CLUSTER UI after %s stopped: %d %s on %s, %d trip(s) through Keycloak, login form %s: %s",
                victim.name(),
                again.status(),
                again.page().getPath(),
                again.servedBy(),
                again.throughKeycloak(),
                again.loginForm() ? "shown" : "not shown",
                again.hops());
        if (!again.landedLoggedIn(front())
                || victim.name().equals(again.servedBy())
                || again.throughKeycloak() > 1)
            missed.add(
                    "UI user of the stopped node not landed logged in on the other: "
                            + again.hops());
        sleepUntil(stopping, seconds);
        finish("node-down", "one", down, before);

        // 4. It comes back under load.
        Recorder back = phase();
        before = proxyCounters();
        long starting = System.nanoTime();
        victim = startNode(victim.name(), victim.portOffset());
        waitUntilUp(victim.name());
        log(
                "CLUSTER %s back in the balancer %.0f s after its start under load",
                victim.name(), (System.nanoTime() - starting) / 1e9);
        Thread.sleep(seconds * 1000L);
        workload.stop();
        finish("node-back", "a+b", back, before);
        Browser.Visit later = browser.open(page);
        log(
                "CLUSTER UI after %s came back: %d %s on %s (still logged in: %s)",
                victim.name(),
                later.status(),
                later.page().getPath(),
                later.servedBy(),
                later.landedLoggedIn(front()) && later.throughKeycloak() == 0);

        summary();
        if (!workload.driverErrors.isEmpty())
            missed.add("replies the driver could not read: " + workload.driverErrors.subList(0, 1));
        missed.addAll(stack.checkIntegrity(http, workload));
        timersOnce(a, nodes.get("node-b"));

        if (missed.isEmpty()) {
            log("CLUSTER result: every goal met");
            return 0;
        }
        missed.forEach(m -> log("CLUSTER missed: %s", m));
        return 1;
    }

    private String front() {
        return "http://localhost:" + FRONT_PORT;
    }

    // ---- the cluster

    /**
     * A node with its own copy of the configuration and data (work/node-x), its own node name (the
     * {@code job_run.node} of its claims and its transaction manager's id), and a SIGTERM that
     * suspends it first.
     */
    private Node startNode(String name, int portOffset) throws Exception {
        long t0 = System.nanoTime();
        WildFlyServer server =
                stack.wildfly(
                                portOffset,
                                Map.of(
                                        "jboss.node.name", name,
                                        "jboss.tx.node.id", name,
                                        "org.wildfly.sigterm.suspend.timeout", "30"))
                        // A node restarting under load stands for one booting on its own machine:
                        // on the two shared cores its boot threads otherwise got 2-5 % of a core
                        // each (thread dumps: CPU-bound annotation indexing, Hibernate, Weld; no
                        // waits) and WildFly's 300 s boot limit rolled the deployment back.
                        .bootNice(Integer.getInteger("cluster.boot-nice", -10));
        // A fresh temporary directory: deployments unpack there.
        Dirs.deleteRecursively(stack.work().resolve(name).resolve("tmp"));
        try {
            // Up to 10 minutes: a node that boots beside the load on two shared cores is slow.
            server.start(
                    stack.work().resolve(name),
                    stack.work().resolve(name + ".log"),
                    Duration.ofMinutes(10));
        } catch (Exception e) {
            server.close(); // a server that failed to start must not outlive the run
            throw e;
        }
        Node node = new Node(name, portOffset, server);
        nodes.put(name, node);
        log(
                "CLUSTER %s up in %d s: http://localhost:%d, management %d",
                name,
                (System.nanoTime() - t0) / 1_000_000_000L,
                node.httpPort(),
                9990 + portOffset);
        return node;
    }

    /** HAProxy with the repo's configuration, the ports filled in. */
    private void startBalancer() throws Exception {
        String template;
        try (InputStream in = ClusterRun.class.getResourceAsStream("haproxy-cluster.cfg")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Node a = nodes.get("node-a");
        Node b = nodes.get("node-b");
        Map<String, String> values = new HashMap<>();
        values.put("front", String.valueOf(FRONT_PORT));
        values.put("stats", String.valueOf(STATS_PORT));
        values.put("nodeA", a.name());
        values.put("nodeB", b.name());
        values.put("httpA", String.valueOf(a.httpPort()));
        values.put("httpB", String.valueOf(b.httpPort()));
        values.put("healthA", String.valueOf(9990 + a.portOffset()));
        values.put("healthB", String.valueOf(9990 + b.portOffset()));
        String cfg = template;
        for (var v : values.entrySet()) cfg = cfg.replace("${" + v.getKey() + "}", v.getValue());
        if (cfg.contains("${")) throw new IllegalStateException("unfilled port in " + cfg);
        Path file = stack.work().resolve("haproxy.cfg");
        Files.writeString(file, cfg);
        String binary = System.getProperty("cluster.haproxy", "/usr/sbin/haproxy");
        haproxy =
                new ProcessBuilder(binary, "-db", "-f", file.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(stack.work().resolve("haproxy.log").toFile())
                        .start();
        waitUntilUp(a.name());
        waitUntilUp(b.name());
        log(
                "CLUSTER HAProxy http://localhost:%d in front of %s and %s (stats http://localhost:%d/)",
                FRONT_PORT, a.name(), b.name(), STATS_PORT);
    }

    private void waitUntilUp(String server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!haproxy.isAlive())
                throw new IOException("HAProxy exited; see " + stack.work() + "/haproxy.log");
            Map<String, String> row = stats().get(server);
            if (row != null && row.get("status").startsWith("UP")) return;
            Thread.sleep(250);
        }
        throw new IOException("HAProxy does not see " + server + " up after 2 minutes");
    }

    /** HAProxy's statistics of the wildfly backend: server (and BACKEND) → column → value. */
    private Map<String, Map<String, String>> stats() {
        Map<String, Map<String, String>> rows = new TreeMap<>();
        try {
            String csv =
                    plain.send(
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            "http://127.0.0.1:"
                                                                    + STATS_PORT
                                                                    + "/;csv"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body();
            String[] lines = csv.split("\n");
            String[] header = lines[0].replaceFirst("^# ", "").split(",", -1);
            for (int i = 1; i < lines.length; i++) {
                String[] cells = lines[i].split(",", -1);
                if (!cells[0].equals("wildfly")) continue;
                Map<String, String> row = new HashMap<>();
                for (int c = 0; c < header.length && c < cells.length; c++)
                    row.put(header[c], cells[c]);
                rows.put(cells[1], row);
            }
        } catch (IOException e) {
            // not up yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return rows;
    }

    /**
     * The balancer's counters that tell what failed over: retries and redispatches of the backend,
     * its 5xx answers, and each server's requests and checks that went down.
     */
    private Map<String, Long> proxyCounters() {
        Map<String, Long> out = new TreeMap<>();
        stats().forEach(
                        (server, row) -> {
                            for (String column :
                                    List.of("stot", "wretr", "wredis", "hrsp_5xx", "chkdown")) {
                                String v = row.get(column);
                                if (v != null && !v.isEmpty())
                                    out.put(server + " " + column, Long.parseLong(v));
                            }
                        });
        return out;
    }

    private void stopAll() {
        // A node still booting is interrupted, and closes itself (startNode).
        boot.shutdownNow();
        try {
            boot.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (workload != null) workload.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (haproxy != null) haproxy.destroy();
        nodes.values().forEach(n -> n.server().close());
        stack.close();
    }

    // ---- phases

    private Recorder phase() {
        Recorder r = new Recorder();
        http.use(r);
        return r;
    }

    private void measure(String name, String nodesUp, int length) throws Exception {
        Recorder r = phase();
        Map<String, Long> before = haproxy == null ? Map.of() : proxyCounters();
        Thread.sleep(length * 1000L);
        finish(name, nodesUp, r, before);
    }

    private void finish(String name, String nodesUp, Recorder r, Map<String, Long> before) {
        Map<String, Long> proxy = new TreeMap<>();
        if (haproxy != null)
            proxyCounters()
                    .forEach(
                            (k, v) -> {
                                long d = v - before.getOrDefault(k, 0L);
                                if (d != 0) proxy.put(k, d);
                            });
        // The recorder's clock runs on: the phase's length is taken now, for the summary.
        Phase p = new Phase(name, nodesUp, r, r.seconds(), proxy);
        phases.add(p);
        log(
                "CLUSTER %s: %.0f s, %d calls, %.1f calls/s, %d errors, %d GETs retried by the client",
                name,
                r.seconds(),
                r.calls(),
                r.calls() / r.seconds(),
                r.errors(),
                r.retries().values().stream().mapToLong(Long::longValue).sum());
        log("CLUSTER %s: all calls %s", name, r.stats(null));
        for (String op : r.ops()) log("CLUSTER %s: %-16s %s", name, op, r.stats(op));
        r.failures().forEach((code, n) -> log("CLUSTER %s: failed  %5d × %s", name, n, code));
        r.retries().forEach((code, n) -> log("CLUSTER %s: retried %5d × %s", name, n, code));
        log("CLUSTER %s: answered by %s; balancer %s", name, r.servers(), proxy);

        if (name.equals("one-node") || name.equals("steady")) {
            if (r.errors() > 0) missed.add(name + ": " + r.errors() + " errors (goal 0)");
        } else {
            Map<String, Long> byStatus = byStatus(r);
            byStatus.forEach(
                    (status, n) -> {
                        if (!RETRYABLE.contains(status))
                            missed.add(name + ": " + n + " × " + status + " (not retryable)");
                    });
            // Bounded: at most 2 % of the phase's calls.
            if (r.errors() * 50 > r.calls())
                missed.add(name + ": " + r.errors() + " errors of " + r.calls() + " calls (> 2 %)");
        }
    }

    /** Failures by status (the transport's failure name when there was no answer). */
    private static Map<String, Long> byStatus(Recorder r) {
        Map<String, Long> out = new TreeMap<>();
        r.failures()
                .forEach(
                        (key, n) -> {
                            String code = key.substring(key.indexOf(": ") + 2);
                            String status =
                                    code.startsWith("HTTP ")
                                            ? code.split(" ")[1]
                                            : code.split(" ")[0];
                            out.merge(status, n, Long::sum);
                        });
        return out;
    }

    private void summary() {
        log("CLUSTER summary (client-side latencies over all calls; retried GETs count once):");
        log(
                "CLUSTER | phase     | nodes  | calls  | calls/s | p50 ms | p95 ms | p99 ms | errors by status | GETs retried (client) | balancer retries / redispatches | answered by |");
        for (Phase p : phases) {
            Recorder r = p.recorder();
            double[] pct = r.percentiles();
            long retries = p.proxy().getOrDefault("BACKEND wretr", 0L);
            long redispatches = p.proxy().getOrDefault("BACKEND wredis", 0L);
            log(
                    "CLUSTER | %-9s | %-6s | %6d | %7.1f | %6.0f | %6.0f | %6.0f | %-16s | %21d | %31s | %s |",
                    p.name(),
                    p.nodes(),
                    r.calls(),
                    r.calls() / p.seconds(),
                    pct[0],
                    pct[1],
                    pct[2],
                    byStatus(r).isEmpty() ? "0" : byStatus(r).toString(),
                    r.retries().values().stream().mapToLong(Long::longValue).sum(),
                    retries + " / " + redispatches,
                    r.servers().isEmpty() ? "node-a (direct)" : r.servers().toString());
        }
    }

    // ---- timers run once

    /**
     * The daily reminder run of today's slot started on both nodes at the same moment (the
     * operator's re-run, which claims the slot as the nodes' timers do), after the district got a
     * plan of last year's tasks, all overdue: one node runs it, the other is refused, and every
     * notice is in the inbox once, on the audit trail once, and fanned out to channels once.
     */
    private void timersOnce(Node a, Node b) throws Exception {
        String tenant = "tenant_id = '" + LoadStack.TENANT + "'";
        int late = publishLatePlan();
        String notices =
                "select count(*) from inbox_message where "
                        + tenant
                        + " and kind in ('DUE_SOON', 'OVERDUE', 'ESCALATION')";
        String sentTrail =
                "select count(*) from audit_log where " + tenant + " and action = 'reminder.sent'";
        String byKind =
                "select kind, count(*) from inbox_message where " + tenant + " group by kind";
        Map<String, Long> kindsBefore = stack.counts(byKind);
        long noticesBefore = stack.count(notices);
        long trailBefore = stack.count(sentTrail);
        String slot = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String path = "/tenants/" + LoadStack.TENANT + "/jobs/" + JOB + "/runs";

        List<String> first = onBothNodes(a, b, path, slot);
        long noticesAfter = stack.count(notices);
        Map<String, Long> sentByKind = new TreeMap<>();
        stack.counts(byKind)
                .forEach(
                        (kind, n) -> {
                            long d = n - kindsBefore.getOrDefault(kind, 0L);
                            if (d != 0) sentByKind.put(kind, d);
                        });
        long trailAfter = stack.count(sentTrail);
        List<String> second = onBothNodes(a, b, path, slot);
        long noticesAgain = stack.count(notices);
        long runs =
                stack.count(
                        "select count(*) from job_run where "
                                + tenant
                                + " and job = '"
                                + JOB
                                + "' and slot = '"
                                + slot
                                + "' and finished_at is not null");
        long doubled =
                stack.count(
                        // Messages without a key (review notices) group as one null key.
                        "select count(*) from (select dedupe_key from inbox_message where "
                                + tenant
                                + " and dedupe_key is not null group by dedupe_key having count(*) > 1) d");
        long fannedTwice =
                stack.count(
                        "select count(*) from (select message_id, channel from notify_delivery where "
                                + tenant
                                + " and message_id is not null group by message_id, channel having count(*) > 1) d");
        long sent = noticesAfter - noticesBefore;
        long trail = trailAfter - trailBefore;
        log("CLUSTER timers: slot %s of %s started on both nodes at once: %s", slot, JOB, first);
        log("CLUSTER timers: the same slot again on both nodes: %s", second);
        log("CLUSTER timers: inbox messages the run wrote, by kind: %s", sentByKind);
        log(
                "CLUSTER timers: %d notices sent (%d overdue tasks added), %d on the audit trail, %d more after the second round, "
                        + "%d finished job_run row(s), notices doubled %d, channel deliveries doubled %d",
                sent, late, trail, noticesAgain - noticesAfter, runs, doubled, fannedTwice);
        long ran = first.stream().filter(s -> s.contains(" 200")).count();
        long refused = first.stream().filter(s -> s.contains(" 409")).count();
        if (ran != 1 || refused != 1)
            missed.add("timers: the slot was not run by exactly one node: " + first);
        if (second.stream().anyMatch(s -> !s.contains(" 409")))
            missed.add("timers: a claimed slot ran again: " + second);
        if (sent < late) missed.add("timers: " + sent + " notices for " + late + " overdue tasks");
        if (trail != sent || noticesAgain != noticesAfter || runs != 1 || doubled != 0)
            missed.add("timers: a notice was sent twice or not recorded once");
        if (fannedTwice != 0) missed.add("timers: " + fannedTwice + " channel deliveries doubled");
    }

    /** The operator's re-run of the slot, sent to each node directly at the same moment. */
    private List<String> onBothNodes(Node a, Node b, String path, String slot) throws Exception {
        List<Node> both = List.of(a, b);
        List<Http> clients = new ArrayList<>();
        for (Node n : both) {
            Http h = new Http(n.api(), stack.keycloak().issuer(), new Recorder());
            h.login("operator");
            // The district's whole backlog of 2025 is overdue: the first run sends hundreds of
            // notices.
            h.timeout(Duration.ofMinutes(10));
            clients.add(h);
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Http.Reply>> replies = new ArrayList<>();
            for (Http h : clients)
                replies.add(
                        pool.submit(
                                () -> {
                                    start.await();
                                    return h.post(
                                            "job-run",
                                            "operator",
                                            path,
                                            "{\"slot\":\"" + slot + "\"}",
                                            java.util.Map.of());
                                }));
            start.countDown();
            List<String> out = new ArrayList<>();
            for (int i = 0; i < both.size(); i++) {
                Http.Reply r = replies.get(i).get();
                out.add(
                        both.get(i).name()
                                + " "
                                + r.status()
                                + (r.ok() ? " " + r.json().get("result") : ""));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A plan of last year's tasks led by one of the district's towns, published: all overdue, so
     * the daily run has notices to send whatever today's date does to the seed plan.
     */
    private int publishLatePlan() throws Exception {
        int tasks = 5;
        String town;
        try (var c =
                        cn.duban.devstack.EmbeddedDatabase.connect(
                                stack.database().jdbcUrl(),
                                cn.duban.devstack.EmbeddedDatabase.MAINT);
                var s = c.createStatement();
                var rs =
                        s.executeQuery(
                                "select name from unit where tenant_id = '"
                                        + LoadStack.TENANT
                                        + "' and kind = 'TOWN' order by code limit 1")) {
            rs.next();
            town = rs.getString(1);
        }
        int last = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;
        StringBuilder text = new StringBuilder(last + "年集群定时测试工作要点\n一、催办\n");
        for (int i = 1; i <= tasks; i++)
            text.append(i)
                    .append(".开展第")
                    .append(i)
                    .append("项集群定时测试专项工作。（责任单位：")
                    .append(town)
                    .append("；完成时限：")
                    .append(last)
                    .append("年6月30日前）\n");
        Http.Reply plan =
                http.post(
                        "setup",
                        LoadStack.ADMIN,
                        "/plans",
                        PlanDocuments.saveRequest(text.toString(), "cluster-late.txt"),
                        Map.of());
        LoadStack.require(plan, "import last year's plan");
        LoadStack.require(
                http.post(
                        "setup",
                        LoadStack.ADMIN,
                        "/plans/" + plan.json().getString("id") + "/publication",
                        "{}",
                        Map.of()),
                "publish last year's plan");
        return tasks;
    }

    private static void sleepUntil(long startedNanos, int length) throws InterruptedException {
        long left = startedNanos + length * 1_000_000_000L - System.nanoTime();
        if (left > 0) Thread.sleep(left / 1_000_000);
    }
}
