package cn.duban.it.support;

import cn.duban.devstack.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Direct looks into the test database, past the application. */
public final class Db {

    private Db() {}

    /**
     * A count as the maintenance role, which sees every tenant's rows (row-level security is forced
     * on the owner).
     */
    public static long maintCount(String sql) throws SQLException {
        return count(EmbeddedDatabase.MAINT, sql);
    }

    /**
     * A count as the schema owner: row-level security applies to it too, so without a tenant it
     * sees none.
     */
    public static long ownerCount(String sql) throws SQLException {
        return count(EmbeddedDatabase.OWNER, sql);
    }

    /**
     * A count through the application's role without a tenant: row-level security hides every row.
     */
    public static long appRoleCount(String sql) throws SQLException {
        return count(EmbeddedDatabase.APP, sql);
    }

    /**
     * A statement as the maintenance role (e.g. to tamper with the audit trail on purpose, as the
     * owner could).
     */
    public static int maintExecute(String sql) throws SQLException {
        return execute(EmbeddedDatabase.MAINT, sql);
    }

    /** A statement as the schema owner (row-level security applies; DDL on its tables works). */
    public static int ownerExecute(String sql) throws SQLException {
        return execute(EmbeddedDatabase.OWNER, sql);
    }

    /**
     * A statement through the application's role inside a tenant, as the application would run it.
     */
    public static int appRoleExecute(String tenant, String sql) throws SQLException {
        return asAppRole(tenant, s -> s.executeUpdate(sql));
    }

    /**
     * Any statement (a select too) through the application's role with {@code app.tenant_id} set as
     * given (null: not set), as an attacker holding the application's connection could: what the
     * database itself refuses, whatever the application would have checked.
     */
    public static void appRoleRun(String tenant, String sql) throws SQLException {
        asAppRole(tenant, s -> s.execute(sql));
    }

    /**
     * A count through the application's role inside a tenant: what row-level security lets it see.
     */
    public static long appRoleCountIn(String tenant, String sql) throws SQLException {
        return asAppRole(
                tenant,
                s -> {
                    try (ResultSet rs = s.executeQuery(sql)) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
    }

    private interface Work<T> {
        T on(Statement s) throws SQLException;
    }

    /** Work on a connection of the application's role, inside the tenant (none: null). */
    private static <T> T asAppRole(String tenant, Work<T> work) throws SQLException {
        try (Connection c = EmbeddedDatabase.connect(TestStack.jdbcUrl(), EmbeddedDatabase.APP);
                Statement s = c.createStatement()) {
            if (tenant != null)
                s.execute("select set_config('app.tenant_id', '" + tenant + "', false)");
            return work.on(s);
        }
    }

    private static int execute(String role, String sql) throws SQLException {
        try (Connection c = EmbeddedDatabase.connect(TestStack.jdbcUrl(), role);
                Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    private static long count(String role, String sql) throws SQLException {
        try (Connection c = EmbeddedDatabase.connect(TestStack.jdbcUrl(), role);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
