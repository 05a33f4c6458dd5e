package cn.duban.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The person's name a caller carries from the token, stored beside the login (签收人, 报送人 …). */
class CallerTest {

    @Test
    void anAccountsFullNameIsItsGivenName() {
        assertThat(Caller.nameOf("张三", null, "张三")).isEqualTo("张三");
    }

    @Test
    void givenAndFamilyNameJoinWithoutASpace() {
        // The dev realm's demo people: firstName 普陀, lastName 区领导; Keycloak's name claim has a
        // space.
        assertThat(Caller.nameOf("普陀", "区领导", "普陀 区领导")).isEqualTo("普陀区领导");
    }

    @Test
    void theNameClaimAloneOrNothing() {
        assertThat(Caller.nameOf(null, " ", " Li Lei ")).isEqualTo("Li Lei");
        assertThat(Caller.nameOf(null, null, null)).isNull();
        assertThat(Caller.nameOf("", "", "  ")).isNull();
    }

    @Test
    void withoutANameTheLoginIsShown() {
        Set<String> roles = Set.of(Role.UNIT_REPORTER);
        assertThat(new Caller("pt-csl", "putuo", "csl", roles).displayName()).isEqualTo("pt-csl");
        assertThat(new Caller("pt-csl", "putuo", "csl", roles, " ").displayName())
                .isEqualTo("pt-csl");
        assertThat(new Caller("a1", "putuo", "csl", roles, "王五").displayName()).isEqualTo("王五");
    }
}
