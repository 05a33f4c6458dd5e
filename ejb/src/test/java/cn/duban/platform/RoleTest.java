package cn.duban.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void everyRoleIsListedOnceAndTheTenantRolesExcludeTheOperator() {
        assertThat(Role.ALL).doesNotHaveDuplicates().hasSize(9);
        assertThat(Role.TENANT_ROLES).doesNotContain(Role.PLATFORM_ADMIN);
        assertThat(Role.ALL).containsAll(Role.TENANT_ROLES).containsAll(Role.UNIT_ROLES);
        assertThat(Caller.DISTRICT_ADMIN).isEqualTo(Role.DISTRICT_ADMIN);
    }

    @Test
    void rolesAreReadByNameOrChineseLabel() {
        for (String role : Role.ALL) {
            assertThat(Role.parse(role)).contains(role);
            assertThat(Role.parse(Role.label(role))).contains(role);
            assertThat(Role.parse(" " + role.toUpperCase() + " ")).contains(role);
        }
        assertThat(Role.parse("联络员")).contains(Role.UNIT_REPORTER);
        assertThat(Role.parse("单位联络员")).contains(Role.UNIT_REPORTER);
        assertThat(Role.parse("manage-users")).isEmpty();
        assertThat(Role.parse("")).isEmpty();
        assertThat(Role.parse(null)).isEmpty();
    }

    @Test
    void theThreeOperatorRolesExcludeEachOther() {
        assertThat(Role.OPERATOR_ROLES)
                .containsExactly(Role.PLATFORM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN);
        assertThat(Role.SYSTEM_ADMIN).isEqualTo(Role.PLATFORM_ADMIN);
        assertThat(Role.dutiesConflict(java.util.Set.of(Role.SECURITY_ADMIN))).isFalse();
        assertThat(Role.dutiesConflict(java.util.Set.of(Role.SECURITY_ADMIN, Role.PLATFORM_ADMIN)))
                .isTrue();
        assertThat(Role.dutiesConflict(java.util.Set.of(Role.AUDIT_ADMIN, Role.SECURITY_ADMIN)))
                .isTrue();
        assertThat(Role.dutiesConflict(java.util.Set.of(Role.AUDIT_ADMIN, Role.LEADER))).isFalse();
        // No district grants, and no integrator, ever holds an operator role.
        assertThat(Role.DISTRICT_GRANTS).doesNotContainAnyElementsOf(Role.OPERATOR_ROLES);
        assertThat(Role.TENANT_ROLES).doesNotContainAnyElementsOf(Role.OPERATOR_ROLES);
        assertThat(Role.INTEGRATOR_GRANTS).doesNotContainAnyElementsOf(Role.OPERATOR_ROLES);
        assertThat(Role.parse("安全管理员")).contains(Role.SECURITY_ADMIN);
        assertThat(Role.parse("审计管理员")).contains(Role.AUDIT_ADMIN);
    }
}
