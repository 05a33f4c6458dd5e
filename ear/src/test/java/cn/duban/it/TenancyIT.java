package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.it.support.Db;
import cn.duban.it.support.Deployments;
import cn.duban.it.support.TestStack;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Roles, tenant isolation and row-level security, against the real EAR in the provisioned WildFly,
 * real PostgreSQL and real Keycloak tokens.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenancyIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void anonymousCallsAreRejectedWith401() {
        assertThat(Api.get(null, "/units").status()).isEqualTo(401);
        assertThat(Api.get(null, "/me").status()).isEqualTo(401);
    }

    @Test
    void tokenTellsTenantUnitAndRoles() {
        JsonObject me = Api.get("pt-csl", "/me").json();
        assertThat(me.getString("tenant")).isEqualTo("putuo");
        assertThat(me.getString("unit")).isEqualTo("csl");
        assertThat(me.getJsonArray("roles").getString(0)).isEqualTo("unit-reporter");
        // The operator has no tenant: JSON-B leaves the null out.
        assertThat(Api.get("operator", "/me").json().get("tenant")).isIn(null, JsonValue.NULL);
    }

    @Test
    void eachTenantSeesOnlyItsOwnUnits() {
        Reply putuo = Api.get("pt-admin", "/units");
        assertThat(putuo.status()).isEqualTo(200);
        assertThat(putuo.array().stream().map(v -> v.asJsonObject().getString("name")))
                .contains("区府办", "长寿路街道", "桃浦镇", "区数据局")
                .doesNotContain("安亭镇");
        // 33 demo units; other tests may have added more.
        assertThat(putuo.array()).hasSizeGreaterThanOrEqualTo(33);

        Reply jiading = Api.get("jd-admin", "/units");
        assertThat(jiading.array().stream().map(v -> v.asJsonObject().getString("name")))
                .contains("安亭镇", "区府办")
                .doesNotContain("长寿路街道", "桃浦镇");
    }

    @Test
    void aUnitOfAnotherTenantIsNotFound() {
        String putuoTownId = Api.unitId("pt-admin", "长寿路街道");
        assertThat(Api.get("pt-admin", "/units/" + putuoTownId).status()).isEqualTo(200);

        Reply fromJiading = Api.get("jd-admin", "/units/" + putuoTownId);
        assertThat(fromJiading.status()).isEqualTo(404);
        assertThat(fromJiading.problemCode()).isEqualTo("unit.not-found");
        assertThat(fromJiading.json().getString("detail")).isEqualTo("单位不存在。");

        // Same for a write: the other tenant cannot even address the unit.
        Reply update =
                Api.put(
                        "jd-admin",
                        "/units/" + putuoTownId,
                        "{\"code\":\"csl\",\"name\":\"被篡改\",\"kind\":\"TOWN\"}",
                        null);
        assertThat(update.status()).isEqualTo(404);
        assertThat(Api.get("pt-admin", "/units/" + putuoTownId).json().getString("name"))
                .isEqualTo("长寿路街道");
    }

    @Test
    void rolesAreEnforced() {
        Reply reporterCreates =
                Api.post(
                        "pt-csl",
                        "/units",
                        "{\"code\":\"x1\",\"name\":\"某局\",\"kind\":\"DEPARTMENT\"}");
        assertThat(reporterCreates.status()).isEqualTo(403);
        assertThat(reporterCreates.problemCode()).isEqualTo("auth.forbidden");

        assertThat(Api.get("pt-admin", "/tenants").status()).isEqualTo(403);
        assertThat(Api.get("pt-leader", "/tenants").status()).isEqualTo(403);
        assertThat(Api.get("operator", "/units").status()).isEqualTo(403);
        assertThat(Api.get("operator", "/tenants").status()).isEqualTo(200);
    }

    @Test
    void districtAdminManagesUnitsWithClearErrors() {
        Reply created =
                Api.post(
                        "pt-admin",
                        "/units",
                        "{\"code\":\"tjj\",\"name\":\"区统计局\",\"kind\":\"DEPARTMENT\",\"rankingGroup\":\"部门组\",\"aliases\":[\"统计局\"]}");
        assertThat(created.status()).isEqualTo(201);
        JsonObject unit = created.json();
        assertThat(unit.getString("name")).isEqualTo("区统计局");

        Reply duplicate =
                Api.post(
                        "pt-admin",
                        "/units",
                        "{\"code\":\"tjj2\",\"name\":\"统计局\",\"kind\":\"DEPARTMENT\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.problemCode()).isEqualTo("unit.name-taken");

        Reply badCode =
                Api.post(
                        "pt-admin",
                        "/units",
                        "{\"code\":\"Bad Code\",\"name\":\"某办\",\"kind\":\"DEPARTMENT\"}");
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.problemCode()).isEqualTo("unit.code-invalid");

        Reply malformed = Api.post("pt-admin", "/units", "{not json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.problemCode()).isEqualTo("request.malformed");

        String id = unit.getString("id");
        Reply stale =
                Api.put(
                        "pt-admin",
                        "/units/" + id,
                        "{\"code\":\"tjj\",\"name\":\"区统计局\",\"kind\":\"DEPARTMENT\"}",
                        "\"99\"");
        assertThat(stale.status()).isEqualTo(409);
        Reply renamed =
                Api.put(
                        "pt-admin",
                        "/units/" + id,
                        "{\"code\":\"tjj\",\"name\":\"区统计局（新）\",\"kind\":\"DEPARTMENT\"}",
                        "\"" + unit.getInt("version") + "\"");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().getString("name")).isEqualTo("区统计局（新）");

        // Jiading may use the same code: codes are unique per tenant only.
        assertThat(
                        Api.post(
                                        "jd-admin",
                                        "/units",
                                        "{\"code\":\"tjj\",\"name\":\"区统计局\",\"kind\":\"DEPARTMENT\"}")
                                .status())
                .isEqualTo(201);
    }

    @Test
    void platformAdminCreatesTenantsWithUnitsAtomically() throws SQLException {
        Reply created =
                Api.post(
                        "operator",
                        "/tenants",
                        """
                {"id":"minhang","name":"闵行区","units":[
                  {"code":"qfb","name":"区府办","kind":"DISTRICT_OFFICE","aliases":["区政府办公室"]},
                  {"code":"xinzhuang","name":"莘庄镇","kind":"TOWN","rankingGroup":"街镇组","parentCode":"qfb"}]}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().getString("name")).isEqualTo("闵行区");
        assertThat(
                        Api.get("operator", "/tenants").array().stream()
                                .map(v -> v.asJsonObject().getString("id")))
                .contains("putuo", "jiading", "minhang");
        assertThat(Db.maintCount("select count(*) from unit where tenant_id = 'minhang'"))
                .isEqualTo(2);

        // The second unit is invalid: neither the tenant nor its first unit may remain.
        Reply broken =
                Api.post(
                        "operator",
                        "/tenants",
                        """
                {"id":"songjiang","name":"松江区","units":[
                  {"code":"qfb","name":"区府办","kind":"DISTRICT_OFFICE"},
                  {"code":"BAD","name":"某镇","kind":"TOWN"}]}""");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.problemCode()).isEqualTo("unit.code-invalid");
        assertThat(Db.maintCount("select count(*) from tenant where id = 'songjiang'")).isZero();
        assertThat(Db.maintCount("select count(*) from unit where tenant_id = 'songjiang'"))
                .isZero();

        assertThat(
                        Api.post("operator", "/tenants", "{\"id\":\"minhang\",\"name\":\"闵行区2\"}")
                                .problemCode())
                .isEqualTo("tenant.exists");
    }

    @Test
    void theApplicationRoleSeesNoRowsWithoutTenantContext() throws SQLException {
        try (Connection c =
                        DriverManager.getConnection(TestStack.jdbcUrl(), "duban_app", "duban_app");
                Statement s = c.createStatement()) {
            // A query that "forgets" the tenant filter: row-level security still hides everything.
            assertThat(count(s, "select count(*) from unit")).isZero();
            assertThat(count(s, "select count(*) from tenant")).isZero();

            c.setAutoCommit(false);
            s.execute("select set_config('app.tenant_id', 'jiading', true)");
            assertThat(count(s, "select count(*) from unit")).isBetween(6L, 10L);
            assertThat(count(s, "select count(*) from unit where tenant_id = 'putuo'")).isZero();
            // Writing into another tenant is refused by the policy's check.
            assertThatThrownBy(
                            () ->
                                    s.execute(
                                            "insert into unit (tenant_id, id, code, name, kind) "
                                                    + "values ('putuo', gen_random_uuid(), 'evil', '冒名单位', 'TOWN')"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
            c.rollback();

            // The setting is transaction-local: the next transaction sees nothing again.
            assertThat(count(s, "select count(*) from unit")).isZero();
            c.commit();
        }
    }

    @Test
    void openApiHealthAndMetricsAreServed() {
        Reply openapi =
                Api.send(
                        null,
                        HttpRequest.newBuilder(
                                URI.create(
                                        "http://localhost:" + TestStack.HTTP_PORT + "/openapi")));
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body()).contains("/api/v1/units");
        Reply health =
                Api.send(
                        null,
                        HttpRequest.newBuilder(
                                URI.create(
                                        "http://localhost:"
                                                + TestStack.MANAGEMENT_PORT
                                                + "/health/ready")));
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        Reply metrics =
                Api.send(
                        null,
                        HttpRequest.newBuilder(
                                URI.create(
                                        "http://localhost:"
                                                + TestStack.MANAGEMENT_PORT
                                                + "/metrics")));
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("base_memory");
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
