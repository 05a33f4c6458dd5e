package cn.duban.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The provisioned WildFly of {@code ear/target/server}, started with the EAR deployed. It runs from
 * its own copy of the {@code standalone} directory, so the run command and the integration tests
 * (which use the provisioned one) never share deployments or data.
 */
public final class WildFlyServer implements AutoCloseable {

    private final Path home;
    private final Map<String, String> properties;
    private final int portOffset;
    private Process process;
    private int bootNice;

    private WildFlyServer(Path home, int portOffset, Map<String, String> properties) {
        this.home = home;
        this.portOffset = portOffset;
        this.properties = properties;
    }

    /**
     * The secrets server.cli has no default for, with the dev stack's values: the roles' dev
     * passwords (EmbeddedDatabase), the dev realm's client secrets (KeycloakServer: duban-web and
     * the duban-accounts service account), a dev audit key and a dev key of the channel secrets.
     * Dev and tests only; arquillian.xml passes the same.
     */
    public static final Map<String, String> DEV_SECRETS =
            Map.of(
                    "duban.db.app-password", EmbeddedDatabase.APP,
                    "duban.db.owner-password", EmbeddedDatabase.OWNER,
                    "duban.oidc.secret", KeycloakServer.CLIENT_SECRET,
                    "duban.audit.key", DevStack.DEV_AUDIT_KEY,
                    "duban.secret-key", DevStack.DEV_SECRET_KEY,
                    "duban.accounts.secret", KeycloakServer.ACCOUNTS_SECRET);

    /**
     * The server the Maven build provisioned (duban.server.home), with the dev secrets unless
     * properties name others or the environment has its own (DevStack against an external
     * PostgreSQL or Keycloak: a system property would win over the variable). It serves plain http,
     * so its session cookie cannot be Secure (duban.secure-cookies=false unless the properties say
     * otherwise).
     */
    public static WildFlyServer configured(int portOffset, Map<String, String> properties) {
        Map<String, String> all = new java.util.LinkedHashMap<>();
        DEV_SECRETS.forEach(
                (property, value) -> {
                    if (System.getenv(
                                    property.toUpperCase(java.util.Locale.ROOT)
                                            .replace('.', '_')
                                            .replace('-', '_'))
                            == null) all.put(property, value);
                });
        all.putAll(properties);
        all.putIfAbsent("duban.secure-cookies", "false");
        return new WildFlyServer(Path.of(System.getProperty("duban.server.home")), portOffset, all);
    }

    /**
     * Boots at this nice level (negative: before other processes; needs the right to raise
     * priority, else {@code nice} warns and boots at the normal one) and drops to the normal level
     * once ready. For a node that restarts on CPUs the load and other programs keep busy: a
     * production node boots on its own machine.
     */
    public WildFlyServer bootNice(int level) {
        this.bootNice = level;
        return this;
    }

    /**
     * Starts with the EAR the Maven build packaged (duban.ear) and waits until it answers, five
     * minutes at most.
     */
    public void start(Path baseDir, Path logFile) throws IOException, InterruptedException {
        start(baseDir, logFile, Duration.ofMinutes(5));
    }

    /** As {@link #start(Path, Path)}, waiting up to the timeout (a node booting under load). */
    public void start(Path baseDir, Path logFile, Duration timeout)
            throws IOException, InterruptedException {
        Path ear = Path.of(System.getProperty("duban.ear"));
        copyConfiguration(home.resolve("standalone"), baseDir);
        Path deployments = baseDir.resolve("deployments");
        Files.createDirectories(deployments);
        try (var old = Files.list(deployments)) {
            for (Path p : old.toList()) {
                if (p.getFileName().toString().startsWith("duban.ear")) Files.delete(p);
            }
        }
        Files.copy(ear, deployments.resolve("duban.ear"), StandardCopyOption.REPLACE_EXISTING);

        List<String> cmd = new ArrayList<>();
        if (bootNice != 0) cmd.addAll(List.of("nice", "-n", String.valueOf(bootNice)));
        cmd.addAll(
                List.of(
                        "bash",
                        home.resolve("bin/standalone.sh").toString(),
                        "-Djboss.server.base.dir=" + baseDir,
                        "-Djboss.socket.binding.port-offset=" + portOffset,
                        // WildFly rolls the deployment back when its services are not up within
                        // this (300 s by default): as long as this method waits, not shorter.
                        "-Djboss.as.management.blocking.timeout="
                                + Math.max(300, timeout.toSeconds())));
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        ProcessBuilder pb =
                new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logFile.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment()
                .putIfAbsent(
                        "JAVA_OPTS",
                        "-Xms256m -Xmx1536m -Djava.net.preferIPv4Stack=true -Dfile.encoding=UTF-8");
        process = pb.start();

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://localhost:" + (9990 + portOffset) + "/health/ready");
        URI app = URI.create("http://localhost:" + (8080 + portOffset) + "/api/v1/me");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IOException("WildFly exited; see " + logFile);
            if (Files.exists(deployments.resolve("duban.ear.failed"))) {
                throw new IOException(
                        "Deployment failed: "
                                + Files.readString(deployments.resolve("duban.ear.failed")));
            }
            try {
                int readyStatus =
                        http.send(
                                        HttpRequest.newBuilder(ready).build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                int appStatus =
                        http.send(
                                        HttpRequest.newBuilder(app).build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                if (readyStatus == 200
                        && appStatus == 401
                        && Files.exists(deployments.resolve("duban.ear.deployed"))) {
                    if (bootNice != 0) normalPriority();
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IOException(
                "WildFly not ready after " + timeout.toSeconds() + " s; see " + logFile);
    }

    /** Every thread of the server's processes back to nice 0 (Linux nices threads one by one). */
    private void normalPriority() {
        List<String> cmd = new ArrayList<>(List.of("renice", "-n", "0", "-p"));
        process.descendants()
                .forEach(
                        p -> {
                            try (var tasks = Files.list(Path.of("/proc/" + p.pid() + "/task"))) {
                                tasks.forEach(t -> cmd.add(t.getFileName().toString()));
                            } catch (IOException gone) {
                                // exited meanwhile
                            }
                        });
        try {
            new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (IOException e) {
            // no renice: the server stays at its boot priority
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The provisioned configuration always wins: a rebuilt server must not run with a stale copy.
     */
    private static void copyConfiguration(Path standalone, Path baseDir) throws IOException {
        Path source = standalone.resolve("configuration");
        Path target = baseDir.resolve("configuration");
        try (var files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path dest = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(dest);
                else if (!p.toString().contains("standalone_xml_history"))
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * Stops the server with SIGTERM and waits until its JVM has exited (the script may end first),
     * killing it after the timeout. With {@code org.wildfly.sigterm.suspend.timeout} set, WildFly
     * first suspends: new requests get 503, running ones finish. Returns whether it ended by
     * itself.
     */
    public boolean stop(Duration timeout) throws InterruptedException {
        if (process == null) return true;
        List<ProcessHandle> jvms = process.descendants().toList();
        jvms.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean clean = true;
        for (ProcessHandle jvm : jvms) {
            while (jvm.isAlive() && System.nanoTime() < deadline) Thread.sleep(100);
            if (jvm.isAlive()) {
                clean = false;
                jvm.destroyForcibly();
            }
        }
        process.destroy();
        process.waitFor();
        process = null;
        return clean;
    }

    @Override
    public void close() {
        if (process == null) return;
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
