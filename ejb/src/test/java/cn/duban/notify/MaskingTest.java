package cn.duban.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void phonesEmailsHostsAndHints() {
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.phones(List.of("13812345678", "13900001111")))
                .isEqualTo("138****5678, 139****1111");
        assertThat(Masking.phone("12345")).isEqualTo("***45");
        assertThat(Masking.email("zhang@example.gov.cn")).isEqualTo("z***@example.gov.cn");
        assertThat(Masking.host("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=SECRET"))
                .isEqualTo("qyapi.weixin.qq.com");
        assertThat(Masking.host("not a url")).isEqualTo("?");
        assertThat(Masking.hint("SEC0123456789abcdef")).isEqualTo("cdef");
        // A short secret gives nothing away.
        assertThat(Masking.hint("abc123")).isEmpty();
    }
}
