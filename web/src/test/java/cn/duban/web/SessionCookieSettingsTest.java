package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionCookieSettingsTest {

    @Test
    void sessionCookiesAreSecureUnlessExplicitlyNot() {
        assertThat(SessionCookieSettings.secure(null)).isTrue();
        assertThat(SessionCookieSettings.secure("")).isTrue();
        assertThat(SessionCookieSettings.secure("true")).isTrue();
        assertThat(SessionCookieSettings.secure("yes")).isTrue();
        assertThat(SessionCookieSettings.secure(" FALSE ")).isFalse();
    }
}
