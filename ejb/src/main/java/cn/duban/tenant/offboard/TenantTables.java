package cn.duban.tenant.offboard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables that hold a tenant's rows, found in the catalogue rather than listed by hand, so that
 * a table added by a later migration is exported and deleted without anyone remembering to: every
 * table of the schema with a {@code tenant_id} column (docs/ARCHITECTURE.md, tenant-owned tables).
 */
final class TenantTables {

    private TenantTables() {}

    /**
     * Their names in alphabetical order; with {@code readableOnly} only those the connected role
     * may read (the export runs as the application's role, the deletion as the maintenance role,
     * which must see every one of them).
     */
    static List<String> withTenantColumn(Connection c, boolean readableOnly) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement s =
                        c.prepareStatement(
                                "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                                        + "where n.nspname = current_schema() and c.relkind in ('r', 'p') "
                                        + "and exists (select 1 from pg_attribute a where a.attrelid = c.oid "
                                        + "and a.attname = 'tenant_id' and not a.attisdropped) "
                                        + "and (not ? or has_table_privilege(c.oid, 'SELECT')) order by c.relname");
                ResultSet rs = bind(s, readableOnly).executeQuery()) {
            while (rs.next()) names.add(rs.getString(1));
        }
        return names;
    }

    private static PreparedStatement bind(PreparedStatement s, boolean readableOnly)
            throws SQLException {
        s.setBoolean(1, readableOnly);
        return s;
    }
}
