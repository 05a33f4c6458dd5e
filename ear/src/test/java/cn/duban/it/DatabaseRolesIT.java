package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.devstack.EmbeddedDatabase;
import cn.duban.it.support.Db;
import cn.duban.it.support.Deployments;
import cn.duban.it.support.TestStack;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The database's own walls, read from its catalogue: every tenant table has row-level security
 * enabled, forced on its owner too, and a policy; the owner role sees nothing without a tenant; the
 * maintenance role that test helpers and integrity checks use does see every tenant (a helper that
 * silently saw nothing would make those checks pass vacuously); and the server keeps no data source
 * of the owner role after the migration.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DatabaseRolesIT {

    @ArquillianResource ManagementClient management;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void everyTenantTableHasForcedRowLevelSecurityAndAPolicy() throws SQLException {
        List<String> tables =
                rows(
                        """
                select c.relname, c.relrowsecurity, c.relforcerowsecurity,
                       (select count(*) from pg_policy p where p.polrelid = c.oid)
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p')
                  and (c.relname = 'tenant' or exists (select 1 from pg_attribute a
                       where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped))
                order by c.relname""");
        // The catalogue itself must list the tables, or the check below would pass on nothing.
        assertThat(tables)
                .hasSizeGreaterThanOrEqualTo(20)
                .anyMatch(t -> t.startsWith("audit_log "))
                .anyMatch(t -> t.startsWith("tenant "))
                .anyMatch(t -> t.startsWith("task "));
        assertThat(tables)
                .as("table rowsecurity forced policies")
                .allMatch(t -> t.matches("\\S+ t t [1-9]\\d*"));
    }

    /**
     * The schema is ready to be distributed by {@code tenant_id} (Citus, docs/ARCHITECTURE.md
     * "Scaling out"), read from the catalogue: every primary key and unique index of a tenant table
     * includes {@code tenant_id} (Citus enforces uniqueness only within a shard), every foreign key
     * between tenant tables includes it (so a tenant's rows are co-located), and the tables without
     * it are the known platform tables (reference or coordinator-local tables): a new one must be
     * placed on purpose.
     */
    @Test
    void everyTenantTableCanBeDistributedByTenant() throws SQLException {
        assertThat(
                        rows(
                                """
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p')
                  and not exists (select 1 from pg_attribute a where a.attrelid = c.oid
                                  and a.attname = 'tenant_id' and not a.attisdropped)
                order by 1"""))
                .containsExactly(
                        "city_membership",
                        "flyway_schema_history",
                        "operator_audit",
                        "outbound_allow",
                        "outbound_ca",
                        "scoring_write_pruned",
                        "tenant",
                        "tenant_tombstone",
                        "work_calendar_day",
                        "work_calendar_year");
        List<String> tenantTables =
                rows(
                        """
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p')
                  and exists (select 1 from pg_attribute a where a.attrelid = c.oid
                              and a.attname = 'tenant_id' and not a.attisdropped)""");
        assertThat(tenantTables).hasSizeGreaterThanOrEqualTo(20).contains("task", "audit_log");
        assertThat(
                        rows(
                                """
                select c.relname || '.' || i.relname from pg_index x
                join pg_class c on c.oid = x.indrelid join pg_class i on i.oid = x.indexrelid
                join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and x.indisunique
                  and exists (select 1 from pg_attribute a where a.attrelid = c.oid
                              and a.attname = 'tenant_id')
                  and not exists (select 1 from pg_attribute a where a.attrelid = c.oid
                                  and a.attname = 'tenant_id' and a.attnum = any (x.indkey))"""))
                .as("unique indexes of tenant tables without tenant_id")
                .isEmpty();
        assertThat(
                        rows(
                                """
                select con.conrelid::regclass || '.' || con.conname from pg_constraint con
                where con.contype = 'f' and con.connamespace = 'public'::regnamespace
                  and con.confrelid <> 'tenant'::regclass
                  and exists (select 1 from pg_attribute a where a.attrelid = con.conrelid
                              and a.attname = 'tenant_id')
                  and not (exists (select 1 from pg_attribute a where a.attrelid = con.conrelid
                                   and a.attname = 'tenant_id' and a.attnum = any (con.conkey))
                           and exists (select 1 from pg_attribute a where a.attrelid = con.confrelid
                                   and a.attname = 'tenant_id' and a.attnum = any (con.confkey)))"""))
                .as("foreign keys between tenant tables without tenant_id on both sides")
                .isEmpty();
    }

    @Test
    void theOwnerSeesNoTenantsRowsWithoutATenant() throws SQLException {
        assertThat(Db.ownerCount("select count(*) from unit")).isZero();
        assertThat(Db.ownerCount("select count(*) from tenant")).isZero();
        assertThat(Db.ownerCount("select count(*) from audit_log")).isZero();
    }

    @Test
    void theMaintenanceHelpersSeeEveryTenant() throws SQLException {
        assertThat(Db.maintCount("select count(distinct tenant_id) from unit"))
                .isGreaterThanOrEqualTo(2);
        assertThat(Db.maintCount("select count(*) from tenant where id in ('putuo', 'jiading')"))
                .isEqualTo(2);
        assertThat(
                        rows(
                                "select rolname, rolbypassrls from pg_roles where rolname in ('duban_app', 'duban_owner', 'duban_maint') "
                                        + "order by rolname"))
                .containsExactly("duban_app f", "duban_maint t", "duban_owner f");
        // The application's role may not act as the owner or the maintenance role.
        assertThat(
                        Db.maintCount(
                                "select count(*) from pg_auth_members m join pg_roles r on r.oid = m.member "
                                        + "where r.rolname = 'duban_app'"))
                .isZero();
    }

    @Test
    void theServerKeepsNoOwnerDataSource() throws Exception {
        ModelNode op = new ModelNode();
        op.get("operation").set("read-children-names");
        op.get("address").add("subsystem", "datasources");
        op.get("child-type").set("data-source");
        ModelNode result = management.getControllerClient().execute(op);
        assertThat(result.get("outcome").asString()).as(result.toString()).isEqualTo("success");
        List<String> names =
                result.get("result").asList().stream().map(ModelNode::asString).toList();
        // The application's data source and the read replica's (issue 22; the primary when no
        // replica is configured): both connect as the application's role, none as the owner.
        assertThat(names).containsExactlyInAnyOrder("DubanDS", "DubanReadDS");
        for (String name : names) {
            ModelNode read = new ModelNode();
            read.get("operation").set("read-attribute");
            read.get("address").add("subsystem", "datasources").add("data-source", name);
            read.get("name").set("user-name");
            read.get("resolve-expressions").set(true);
            ModelNode user = management.getControllerClient().execute(read);
            assertThat(user.get("outcome").asString()).as(user.toString()).isEqualTo("success");
            assertThat(user.get("result").asString()).as(name).isEqualTo("duban_app");
        }
        // The migration's own connection is closed once it has run.
        assertThat(
                        Db.maintCount(
                                "select count(*) from pg_stat_activity where usename = 'duban_owner'"))
                .isZero();
    }

    /** Each row's columns joined by spaces, read as the maintenance role. */
    private static List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = EmbeddedDatabase.connect(TestStack.jdbcUrl(), EmbeddedDatabase.MAINT);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cols = new ArrayList<>();
                for (int i = 1; i <= n; i++) cols.add(rs.getString(i));
                rows.add(String.join(" ", cols));
            }
        }
        return rows;
    }
}
