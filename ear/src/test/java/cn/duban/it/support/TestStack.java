package cn.duban.it.support;

import cn.duban.client.Api;
import cn.duban.devstack.EmbeddedDatabase;
import cn.duban.devstack.KeycloakServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the real PostgreSQL and Keycloak once per test run, before Arquillian starts the
 * provisioned WildFly (see arquillian.xml, which reads the system properties set here). Ports are
 * the run command's plus {@code duban.it.port-offset} (default 10000), so tests can run while the
 * app is up, and two checkouts can run their tests side by side with different offsets ({@code
 * ./mvnw verify -Dduban.it.port-offset=11000}).
 */
public class TestStack implements LauncherSessionListener {

    public static final int PORT_OFFSET = Integer.getInteger("duban.it.port-offset", 10000);
    public static final int KEYCLOAK_PORT = 8180 + PORT_OFFSET;
    public static final int HTTP_PORT = 8080 + PORT_OFFSET;
    public static final int MANAGEMENT_PORT = 9990 + PORT_OFFSET;

    private static EmbeddedDatabase database;

    private static EmbeddedDatabase replica;
    private static KeycloakServer keycloak;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (database != null || System.getProperty("jboss.home") == null) return;
        try {
            Path work = Path.of(System.getProperty("duban.work", "target/teststack"));
            Files.createDirectories(work);
            // A fresh database every run: tests start from the demo data only.
            database =
                    EmbeddedDatabase.startFresh(
                            0,
                            work.resolve("pgdata"),
                            Path.of(System.getProperty("duban.bootstrap.sql")));
            // Every test runs with a streaming read replica (issue 22), so the isolation tests and
            // all the others read rankings and the dashboard from it. Synchronous (remote_apply):
            // a test may read as one user what another wrote a moment earlier; ReplicaIT turns
            // that off to see the staleness rules at work.
            replica = database.startReplica(work.resolve("pgdata-replica"), true);
            keycloak =
                    KeycloakServer.configured(KEYCLOAK_PORT, work.resolve("keycloak.log"))
                            .redirectingTo(HTTP_PORT);
            keycloak.start();
            System.setProperty("duban.test.db.url", database.jdbcUrl());
            System.setProperty("duban.test.db.replica-url", replica.jdbcUrl());
            System.setProperty("duban.test.oidc.url", keycloak.issuer());
            // arquillian.xml reads these when it starts WildFly, after this listener.
            System.setProperty("duban.test.port-offset", String.valueOf(PORT_OFFSET));
            System.setProperty("duban.test.management-port", String.valueOf(MANAGEMENT_PORT));
            Api.target("http://localhost:" + HTTP_PORT + "/api/v1", TestStack::token);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Could not start the test stack (PostgreSQL, Keycloak)", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (keycloak != null) keycloak.stop();
        try {
            if (replica != null) replica.close();
            if (database != null) database.close();
        } catch (Exception e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e);
        }
    }

    public static String jdbcUrl() {
        return database.jdbcUrl();
    }

    public static String replicaJdbcUrl() {
        return replica.jdbcUrl();
    }

    public static String issuer() {
        return keycloak.issuer();
    }

    public static String token(String username) {
        return KeycloakServer.userToken(issuer(), username);
    }
}
