package cn.duban.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.platform.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountRulesTest {

    private static AccountInput account(
            String username, String name, String unit, String... roles) {
        return new AccountInput(
                username, name, "13800138000", username + "@example.cn", unit, List.of(roles));
    }

    private static List<String> fields(AccountInput in) {
        return AccountRules.check(in, true).stream().map(AccountRules.Violation::field).toList();
    }

    @Test
    void aLiaisonOfATownIsValid() {
        assertThat(
                        AccountRules.check(
                                account("zhang.san", "张三", "anting", Role.UNIT_REPORTER), true))
                .isEmpty();
        assertThat(AccountRules.check(account("li-si", "李四", null, Role.LEADER), true)).isEmpty();
    }

    @Test
    void noDistrictMayGrantThePlatformRoleOrKeycloakRoles() {
        for (String role :
                List.of(
                        Role.PLATFORM_ADMIN,
                        "manage-users",
                        "realm-admin",
                        "view-users",
                        "offline_access",
                        "default-roles-duban",
                        "uma_authorization",
                        "Platform-Admin",
                        " platform-admin ")) {
            assertThat(fields(account("wang.wu", "王五", null, Role.LEADER, role)))
                    .as(role)
                    .contains("roles");
        }
        for (String role : Role.DISTRICT_GRANTS) {
            assertThat(Role.grantableByDistrict(role)).as(role).isTrue();
        }
        assertThat(Role.grantableByDistrict(Role.PLATFORM_ADMIN)).isFalse();
    }

    /**
     * The city's viewer looks at the districts from above: no district makes its own people the
     * city's.
     */
    @Test
    void noDistrictMayGrantTheCityViewerRole() {
        assertThat(fields(account("li-si", "李四", null, Role.LEADER, Role.CITY_VIEWER)))
                .containsExactly("roles");
        assertThat(Role.grantableByDistrict(Role.CITY_VIEWER)).isFalse();
        assertThat(Role.TENANT_ROLES).contains(Role.CITY_VIEWER);
    }

    @Test
    void unitRolesNeedAUnit() {
        for (String role : Role.UNIT_ROLES) {
            assertThat(fields(account("zhao.liu", "赵六", null, role)))
                    .as(role)
                    .containsExactly("unit");
        }
        assertThat(fields(account("zhao.liu", "赵六", null))).containsExactly("roles");
    }

    @Test
    void loginNamesAreShortLowerCaseAndPlain() {
        assertThat(AccountRules.validUsername("pt-admin")).isTrue();
        assertThat(AccountRules.validUsername("13800138000")).isTrue();
        assertThat(AccountRules.validUsername("ab")).isFalse();
        assertThat(AccountRules.validUsername("-abc")).isFalse();
        assertThat(AccountRules.validUsername("张三")).isFalse();
        assertThat(AccountRules.validUsername("a b c")).isFalse();
        assertThat(AccountRules.validUsername("x".repeat(41))).isFalse();
        // Upper case is lowered by AccountInput, as Keycloak does.
        assertThat(new AccountInput(" Zhang.San ", null, null, null, null, null).username())
                .isEqualTo("zhang.san");
    }

    @Test
    void namesWithMarkupAreRefused() {
        assertThat(fields(account("xss.one", "<img src=x onerror=alert(1)>", null, Role.LEADER)))
                .containsExactly("name");
        assertThat(fields(account("xss.two", "张三\"", null, Role.LEADER))).containsExactly("name");
        assertThat(fields(account("xss.three", "a".repeat(51), null, Role.LEADER)))
                .containsExactly("name");
        assertThat(fields(account("ok.name", "欧阳·娜娜", null, Role.LEADER))).isEmpty();
    }

    @Test
    void phonesAndEmails() {
        assertThat(AccountRules.validPhone("13800138000")).isTrue();
        assertThat(AccountRules.validPhone("021-62541234")).isTrue();
        assertThat(AccountRules.validPhone("+86 138 0013 8000")).isTrue();
        assertThat(AccountRules.validPhone("1380013800")).isFalse();
        assertThat(AccountRules.validPhone("12a45678901")).isFalse();
        assertThat(AccountRules.validEmail("a.b@putuo.gov.cn")).isTrue();
        assertThat(AccountRules.validEmail("a@b")).isFalse();
        assertThat(AccountRules.validEmail("a@@b.cn")).isFalse();
        assertThat(AccountRules.validEmail("a b@b.cn")).isFalse();
        assertThat(AccountRules.validEmail("<a>@b.cn")).isFalse();
    }

    @Test
    void linearOnHugeInput() {
        String huge = "a".repeat(2_000_000);
        long start = System.nanoTime();
        AccountRules.check(
                new AccountInput(huge, huge, huge, huge + "@" + huge, huge, List.of(huge)), true);
        assertThat(System.nanoTime() - start).isLessThan(30_000_000_000L);
    }
}
