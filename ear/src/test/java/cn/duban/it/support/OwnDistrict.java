package cn.duban.it.support;

import cn.duban.devstack.KeycloakAdmin;
import java.sql.SQLException;

/**
 * A district of a test's own, with 普陀区's units (the district office their parent) and its people in
 * Keycloak: what a test changes there (rules, notices, counts) touches no other test's data.
 */
public final class OwnDistrict {

    private OwnDistrict() {}

    /**
     * Creates the district (or leaves it as it is) with 普陀区's district-level units; the 下级单位 other
     * tests give 普陀区's towns stay there.
     */
    public static void create(String tenant, String name) throws SQLException {
        Db.maintExecute(
                "insert into tenant (id, name) values ('"
                        + tenant
                        + "', '"
                        + name
                        + "') on conflict do nothing");
        Db.maintExecute(
                "insert into unit (tenant_id, id, code, name, aliases, kind, ranking_group) select '"
                        + tenant
                        + "', gen_random_uuid(), code, name, aliases, kind, ranking_group from unit "
                        + "where tenant_id = 'putuo' and kind in ('DISTRICT_OFFICE', 'DEPARTMENT', 'TOWN')"
                        + " on conflict do nothing");
        Db.maintExecute(
                "update unit u set parent_id = o.id from unit o where u.tenant_id = '"
                        + tenant
                        + "' and o.tenant_id = u.tenant_id and o.code = 'qfb' and u.code <> 'qfb'");
    }

    /** A person of the district (unit code null for leaders), with the demo password. */
    public static void person(String tenant, String username, String unit, String role) {
        new KeycloakAdmin(TestStack.KEYCLOAK_PORT).ensureUser(username, tenant, unit, role);
    }
}
