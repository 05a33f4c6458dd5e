package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.devstack.KeycloakServer;
import cn.duban.it.support.Deployments;
import cn.duban.it.support.RealmAdmin;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 三员分立 on the operator side: the system administrator ({@code operator}, platform-admin), the
 * security administrator ({@code ops-security}) and the audit administrator ({@code ops-audit})
 * each against the others' endpoints → 403; only the security administrator grants operator roles,
 * never to itself, and an account holding two of them is refused; the audit administrator reads the
 * operators' trail, everyone's actions included, and changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SeparationOfDutiesIT {

    private static final String SYSTEM = "operator";
    private static final String SECURITY = "ops-security";
    private static final String AUDIT = "ops-audit";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static String operator(String username, String role) {
        return Json.createObjectBuilder()
                .add("username", username)
                .add("name", "运维" + username.length())
                .add("role", role)
                .build()
                .toString();
    }

    /** Every operator endpoint, and who alone may call it. */
    private static final List<String[]> ENDPOINTS =
            List.of(
                    new String[] {SYSTEM, "GET", "/tenants", null},
                    new String[] {SYSTEM, "POST", "/tenants", "{\"id\":\"sod-x\",\"name\":\"x\"}"},
                    new String[] {
                        SYSTEM,
                        "POST",
                        "/tenants/onboarding",
                        "{\"id\":\"sod-y\",\"name\":\"y\",\"units\":[],\"admin\":{\"username\":\"sod-y-admin\",\"name\":\"y\"}}"
                    },
                    new String[] {SECURITY, "GET", "/operators", null},
                    new String[] {SECURITY, "POST", "/operators", operator("sod-z", "audit-admin")},
                    new String[] {
                        SECURITY,
                        "PUT",
                        "/operators/00000000-0000-0000-0000-000000000000/role",
                        "{\"role\":\"platform-admin\"}"
                    },
                    new String[] {AUDIT, "GET", "/operator-audit", null});

    @Test
    void eachRoleIsRefusedTheOthersWork() {
        for (String user : List.of(SYSTEM, SECURITY, AUDIT)) {
            for (String[] e : ENDPOINTS) {
                if (e[0].equals(user)) continue;
                Api.Reply r = send(user, e[1], e[2], e[3]);
                assertThat(r.status())
                        .as(user + " " + e[1] + " " + e[2] + ": " + r.body())
                        .isEqualTo(403);
            }
        }
        // Nothing was made by the refused calls.
        assertThat(RealmAdmin.user("sod-z")).isEmpty();
        assertThat(RealmAdmin.user("sod-y-admin")).isEmpty();
        // And a district office has none of it either.
        for (String[] e : ENDPOINTS) {
            assertThat(send("jd-admin", e[1], e[2], e[3]).status())
                    .as("jd-admin " + e[2])
                    .isEqualTo(403);
        }
    }

    @Test
    void onlyTheSecurityAdministratorGrantsOperatorRolesAndNeverTwoAtOnce() {
        RealmAdmin.delete("sod-auditor");
        Api.Reply made = Api.post(SECURITY, "/operators", operator("sod-auditor", "audit-admin"));
        try {
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            String id = made.json().getJsonObject("operator").getString("id");
            assertThat(made.json().getString("temporaryPassword")).hasSizeGreaterThan(10);
            assertThat(RealmAdmin.realmRoles(id))
                    .contains("audit-admin")
                    .doesNotContain("platform-admin", "security-admin");
            assertThat(RealmAdmin.attribute(RealmAdmin.userById(id), "tenant")).isNull();

            // A new role replaces the old one: never system and audit administrator at once.
            Api.Reply changed =
                    Api.put(
                            SECURITY,
                            "/operators/" + id + "/role",
                            "{\"role\":\"platform-admin\"}",
                            null);
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(RealmAdmin.realmRoles(id))
                    .contains("platform-admin")
                    .doesNotContain("audit-admin", "security-admin");

            // Nothing outside the three, and not on a district's account.
            for (String role : List.of("district-admin", "leader", "realm-admin", "manage-users")) {
                Api.Reply bad =
                        Api.put(
                                SECURITY,
                                "/operators/" + id + "/role",
                                "{\"role\":\"" + role + "\"}",
                                null);
                assertThat(bad.status() + " " + bad.problemCode())
                        .as(role)
                        .isEqualTo("400 operator.role");
            }
            String district = RealmAdmin.id("jd-leader");
            String before = RealmAdmin.snapshot(district);
            Api.Reply other =
                    Api.put(
                            SECURITY,
                            "/operators/" + district + "/role",
                            "{\"role\":\"security-admin\"}",
                            null);
            assertThat(other.status() + " " + other.problemCode())
                    .isEqualTo("404 operator.not-found");
            assertThat(RealmAdmin.snapshot(district)).isEqualTo(before);

            // The security administrator cannot change its own role (e.g. make itself the system
            // administrator).
            String self = RealmAdmin.id(SECURITY);
            Api.Reply mine =
                    Api.put(
                            SECURITY,
                            "/operators/" + self + "/role",
                            "{\"role\":\"platform-admin\"}",
                            null);
            assertThat(mine.status() + " " + mine.problemCode()).isEqualTo("409 operator.self");
            assertThat(RealmAdmin.realmRoles(self))
                    .contains("security-admin")
                    .doesNotContain("platform-admin");
        } finally {
            RealmAdmin.delete("sod-auditor");
        }
    }

    /** Two operator roles given by hand in Keycloak's console: the account works as neither. */
    @Test
    void anAccountWithTwoOperatorRolesIsRefused() {
        RealmAdmin.delete("sod-both");
        String id = RealmAdmin.createUser("sod-both", "none", "security-admin");
        try {
            // createUser gives a tenant attribute; an operator has none.
            JsonObject u = RealmAdmin.userById(id);
            RealmAdmin.put(
                    "/users/" + id,
                    Json.createObjectBuilder(u)
                            .remove("access")
                            .add("attributes", Json.createObjectBuilder())
                            .build()
                            .toString());
            RealmAdmin.post(
                    "/users/" + id + "/role-mappings/realm",
                    Json.createArrayBuilder()
                            .add(RealmAdmin.get("/roles/platform-admin"))
                            .build()
                            .toString());
            RealmAdmin.put(
                    "/users/" + id + "/reset-password",
                    "{\"type\":\"password\",\"value\":\""
                            + KeycloakServer.DEMO_PASSWORD
                            + "\",\"temporary\":false}");
            Api.Reply r = Api.get("sod-both", "/tenants");
            assertThat(r.status() + " " + r.problemCode()).isEqualTo("403 auth.duties");
            assertThat(Api.get("sod-both", "/operators").status()).isEqualTo(403);
        } finally {
            RealmAdmin.delete("sod-both");
        }
    }

    @Test
    void theAuditAdministratorReadsEveryOperatorsActionsIncludingItsOwn() {
        RealmAdmin.delete("sod-reader");
        Api.Reply made = Api.post(SECURITY, "/operators", operator("sod-reader", "audit-admin"));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        try {
            Api.Reply tenant =
                    Api.post(SYSTEM, "/tenants", "{\"id\":\"sod-trail\",\"name\":\"三员测试区\"}");
            assertThat(tenant.status()).as(tenant.body()).isEqualTo(201);

            Api.Reply first = Api.get(AUDIT, "/operator-audit?limit=200");
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            Api.Reply trail = Api.get(AUDIT, "/operator-audit?limit=200");
            List<Map<String, String>> entries =
                    trail.array().stream()
                            .map(v -> v.asJsonObject())
                            .map(
                                    o ->
                                            Map.of(
                                                    "actor", o.getString("actor"),
                                                    "action", o.getString("action"),
                                                    "subject", o.getString("subject", "")))
                            .toList();
            assertThat(entries)
                    .contains(
                            Map.of(
                                    "actor",
                                    SECURITY,
                                    "action",
                                    "operator.created",
                                    "subject",
                                    "sod-reader"))
                    .contains(
                            Map.of(
                                    "actor",
                                    SYSTEM,
                                    "action",
                                    "tenant.created",
                                    "subject",
                                    "sod-trail"))
                    .contains(
                            Map.of("actor", AUDIT, "action", "operator-audit.read", "subject", ""));
            // Nothing to change it with.
            assertThat(send(AUDIT, "DELETE", "/operator-audit", null).status()).isIn(403, 404, 405);
            assertThat(send(AUDIT, "POST", "/operator-audit", "{}").status())
                    .isIn(403, 404, 405, 415);
        } finally {
            RealmAdmin.delete("sod-reader");
        }
    }

    private static Api.Reply send(String user, String method, String path, String json) {
        return switch (method) {
            case "GET" -> Api.get(user, path);
            case "POST" -> Api.post(user, path, json);
            case "PUT" -> Api.put(user, path, json, null);
            default -> Api.delete(user, path);
        };
    }
}
