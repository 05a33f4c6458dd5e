package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyLimitsTest {

    private static final long FIFTY_MB = 50L * 1024 * 1024;

    @Test
    void jsonBodiesHaveTheLowerJsonLimit() {
        // A 50 MB JSON string kept one core busy for over two minutes: JSON never gets the upload
        // limit.
        assertThat(BodyLimits.limitFor("application/json", FIFTY_MB)).isEqualTo(8L * 1024 * 1024);
        assertThat(BodyLimits.limitFor("Application/JSON; charset=UTF-8", FIFTY_MB))
                .isEqualTo(8L * 1024 * 1024);
        assertThat(BodyLimits.limitFor("application/merge-patch+json", FIFTY_MB))
                .isEqualTo(8L * 1024 * 1024);
        // A lower configured limit still wins.
        assertThat(BodyLimits.limitFor("application/json", 1024)).isEqualTo(1024);
    }

    @Test
    void otherBodiesHaveTheConfiguredLimit() {
        assertThat(BodyLimits.limitFor("multipart/form-data; boundary=x", FIFTY_MB))
                .isEqualTo(FIFTY_MB);
        assertThat(BodyLimits.limitFor(null, FIFTY_MB)).isEqualTo(FIFTY_MB);
        assertThat(BodyLimits.limitFor("text/plain", FIFTY_MB)).isEqualTo(FIFTY_MB);
        assertThat(BodyLimits.limitFor("application/jsonx", FIFTY_MB)).isEqualTo(FIFTY_MB);
    }

    @Test
    void theRefusalNamesTheLimit() {
        assertThat(BodyLimits.tooLarge(8L * 1024 * 1024).detail()).contains("最大 8 MB");
        assertThat(BodyLimits.tooLarge(8L * 1024 * 1024).code()).isEqualTo("request.too-large");
    }
}
