package cn.duban.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void everyRoleIsListedOnceAndTheTenantRolesExcludeTheOperator() {
        assertThat(Role.ALL).doesNotHaveDuplicates().hasSize(7);
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
}
