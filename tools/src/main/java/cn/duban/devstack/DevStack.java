package cn.duban.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run command: embedded PostgreSQL, the Keycloak distribution with the repo's realm, and the
 * provisioned WildFly with the EAR and demo data, until Ctrl+C.
 *
 * <p>Set {@code DUBAN_DB_URL} (with the other {@code DUBAN_DB_*} variables) to use an external
 * PostgreSQL, and {@code DUBAN_OIDC_PROVIDER_URL} to use an external Keycloak; the embedded one is
 * then not started.
 */
public final class DevStack {

    static final int POSTGRES_PORT = 15432;
    static final int KEYCLOAK_PORT = 8180;
    static final int HTTP_PORT = 8080;

    /**
     * The audit key of the dev stack, the tests, the load run and the benchmarks: base64 of
     * "duban-dev-audit-key-not-a-secret". Fixed so a restarted dev stack still verifies its trail;
     * anything real sets its own DUBAN_AUDIT_KEY (the server does not start without one).
     */
    public static final String DEV_AUDIT_KEY = "ZHViYW4tZGV2LWF1ZGl0LWtleS1ub3QtYS1zZWNyZXQ=";

    /**
     * The key of the notification channels' stored secrets in the dev stack and the tests: base64
     * of "duban-dev-secret-key-not-a-secret". Fixed so a restarted dev stack still decrypts its
     * robots' settings; anything real sets its own DUBAN_SECRET_KEY.
     */
    public static final String DEV_SECRET_KEY = "ZHViYW4tZGV2LXNlY3JldC1rZXktbm90LWEtc2VjcmV0";

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Path work = Path.of(System.getProperty("duban.work", "target/devstack")).toAbsolutePath();
        Files.createDirectories(work);
        Map<String, String> props = new LinkedHashMap<>();
        props.put("duban.demo", "true");
        // A year in progress in 普陀区 (cn.duban.demo); DUBAN_DEMO_YEAR=off starts without it.
        props.put("duban.demo.year", System.getenv().getOrDefault("DUBAN_DEMO_YEAR", "putuo"));

        EmbeddedDatabase db = null;
        if (System.getenv("DUBAN_DB_URL") == null) {
            db =
                    EmbeddedDatabase.start(
                            POSTGRES_PORT,
                            work.resolve("pgdata"),
                            Path.of(System.getProperty("duban.bootstrap.sql")));
            props.put("duban.db.url", db.jdbcUrl());
            log(
                    "PostgreSQL   "
                            + db.jdbcUrl()
                            + "  (embedded, data in "
                            + work.resolve("pgdata")
                            + ")");
        } else {
            log("PostgreSQL   " + System.getenv("DUBAN_DB_URL") + "  (external)");
        }

        KeycloakServer keycloak = null;
        String issuer = System.getenv("DUBAN_OIDC_PROVIDER_URL");
        if (issuer == null) {
            keycloak = KeycloakServer.configured(KEYCLOAK_PORT, work.resolve("keycloak.log"));
            keycloak.start();
            issuer = keycloak.issuer();
            if (!"off".equals(props.get("duban.demo.year"))) {
                // The demo town's own people (cn.duban.demo.DemoTownWriter): the run command's
                // only, so the tests' 长寿路街道 keeps exactly the realm's people.
                KeycloakAdmin people = new KeycloakAdmin(KEYCLOAK_PORT);
                people.ensureUser("pt-csl-admin", "putuo", "csl", "unit-admin");
                people.ensureUser("pt-csl-dzb", "putuo", "csl-dzb", "unit-reporter");
            }
            props.put("duban.oidc.provider-url", issuer);
            log(
                    "Keycloak     "
                            + issuer
                            + "  (admin console http://localhost:"
                            + KEYCLOAK_PORT
                            + "/admin, "
                            + KeycloakServer.ADMIN_USER
                            + "/"
                            + KeycloakServer.ADMIN_PASSWORD
                            + ")");
        } else {
            log("Keycloak     " + issuer + "  (external)");
        }

        WildFlyServer wildfly = WildFlyServer.configured(HTTP_PORT - 8080, props);
        EmbeddedDatabase finalDb = db;
        KeycloakServer finalKeycloak = keycloak;
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    log("Stopping…");
                                    wildfly.close();
                                    if (finalKeycloak != null) finalKeycloak.stop();
                                    try {
                                        if (finalDb != null) finalDb.close();
                                    } catch (Exception e) {
                                        log("PostgreSQL did not stop cleanly: " + e);
                                    }
                                }));
        wildfly.start(work.resolve("standalone"), work.resolve("wildfly.log"));

        log("");
        log(
                "Duban 督办 is running at http://localhost:"
                        + HTTP_PORT
                        + "/   (started in "
                        + Duration.ofNanos(System.nanoTime() - started).toSeconds()
                        + " s; Ctrl+C stops everything)");
        log(
                "  API         http://localhost:"
                        + HTTP_PORT
                        + "/api/v1   OpenAPI http://localhost:"
                        + HTTP_PORT
                        + "/openapi");
        log("  Health      http://localhost:9990/health   Metrics http://localhost:9990/metrics");
        log("  Logs        " + work);
        log("");
        log("Demo logins (password " + KeycloakServer.DEMO_PASSWORD + "):");
        log("  operator    平台运维 platform-admin");
        log("  pt-admin    普陀区 区府办 district-admin      jd-admin   嘉定区 区府办 district-admin");
        log("  pt-leader   普陀区 leader                     jd-leader  嘉定区 leader");
        log("  pt-csl      普陀区 长寿路街道 unit-reporter     jd-anting  嘉定区 安亭镇 unit-reporter");
        log("  pt-sjj      普陀区 区数据局 unit-reporter     sh-viewer  上海市 city-viewer (各区对比)");
        log("  pt-csl-admin 长寿路街道 unit-admin (本街镇督办)  pt-csl-dzb 长寿路街道党政办 unit-reporter");
        if (!"off".equals(props.get("duban.demo.year"))) {
            log(
                    "普陀区 holds a year in progress (plan, reports, scores, circulars; README \"What the demo");
            log("shows\"); 嘉定区 is empty. DUBAN_DEMO_YEAR=off starts without it.");
        }
        Thread.currentThread().join();
    }

    private static void log(String line) {
        System.out.println(line);
    }
}
