package cn.duban.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a provincial id (统一身份认证 ID) may look like before Duban asks Keycloak to link it. */
class ProvincialIdRuleTest {

    @Test
    void anUpstreamSubjectIsValid() {
        assertThat(AccountRules.checkProvincialId("3f6c1e0a-9b1d-4c3e-8a55-0c1f2d3e4b5a")).isNull();
        assertThat(AccountRules.checkProvincialId("330102199001011234")).isNull();
        assertThat(AccountRules.checkProvincialId("zwdd:u_00129|a")).isNull();
        assertThat(AccountRules.checkProvincialId("x".repeat(255))).isNull();
    }

    @Test
    void emptyBlankChineseMarkupAndHugeAreRefused() {
        assertThat(AccountRules.checkProvincialId(null)).contains("请填写");
        assertThat(AccountRules.checkProvincialId("")).contains("请填写");
        assertThat(AccountRules.checkProvincialId("a b")).contains("不能有空格");
        assertThat(AccountRules.checkProvincialId("张三")).contains("不能有空格或汉字");
        assertThat(AccountRules.checkProvincialId("a\tb")).isNotNull();
        assertThat(AccountRules.checkProvincialId("a\u0000")).isNotNull();
        assertThat(AccountRules.checkProvincialId("x".repeat(256))).contains("255");
        // linear: a million characters are answered at once, by the length
        assertThat(AccountRules.checkProvincialId("x".repeat(1_000_000))).contains("255");
    }
}
