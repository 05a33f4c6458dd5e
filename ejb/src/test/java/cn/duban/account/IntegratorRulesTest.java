package cn.duban.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntegratorRulesTest {

    @Test
    void namesAreShortLowercaseWordsStartingWithALetter() {
        assertThat(IntegratorService.validName("erp")).isTrue();
        assertThat(IntegratorService.validName("oa-sync2")).isTrue();
        assertThat(IntegratorService.validName("a")).isFalse();
        assertThat(IntegratorService.validName("2erp")).isFalse();
        assertThat(IntegratorService.validName("erp-")).isFalse();
        assertThat(IntegratorService.validName("ERP")).isFalse();
        assertThat(IntegratorService.validName("e/../x")).isFalse();
        assertThat(IntegratorService.validName("政务")).isFalse();
        assertThat(IntegratorService.validName("a".repeat(21))).isFalse();
    }

    @Test
    void onlyTheSafeListCanBeGranted() {
        assertThat(IntegratorService.checkedRoles(List.of(Role.LEADER)))
                .containsExactly(Role.LEADER);
        for (String bad :
                List.of(
                        Role.PLATFORM_ADMIN,
                        Role.DISTRICT_ADMIN,
                        Role.UNIT_REPORTER,
                        Role.CITY_VIEWER,
                        "manage-users",
                        "realm-management/manage-users",
                        "realm-admin",
                        "offline_access")) {
            assertThatThrownBy(() -> IntegratorService.checkedRoles(List.of(Role.LEADER, bad)))
                    .as(bad)
                    .isInstanceOf(DubanException.class)
                    .extracting(e -> ((DubanException) e).status())
                    .isEqualTo(400);
        }
        assertThatThrownBy(() -> IntegratorService.checkedRoles(List.of()))
                .isInstanceOf(DubanException.class);
        assertThatThrownBy(() -> IntegratorService.checkedRoles(null))
                .isInstanceOf(DubanException.class);
    }

    @Test
    void theSafeListHoldsNoAdministratorOrUnitRole() {
        assertThat(Role.INTEGRATOR_GRANTS)
                .doesNotContain(Role.PLATFORM_ADMIN, Role.DISTRICT_ADMIN)
                .doesNotContainAnyElementsOf(Role.UNIT_ROLES);
        assertThat(Role.ALL).containsAll(Role.INTEGRATOR_GRANTS);
    }
}
