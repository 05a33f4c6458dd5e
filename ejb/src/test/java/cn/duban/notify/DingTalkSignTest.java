package cn.duban.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DingTalkSignTest {

    static final String SECRET =
            "SECxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";

    /**
     * The vector computed apart from this code: printf '%s\n%s' 1577262236757 $SECRET | openssl
     * dgst -sha256 -hmac $SECRET -binary | base64, then URL-encoded.
     */
    @Test
    void signsLikeOpenssl() {
        assertThat(DingTalkSign.sign(SECRET, 1577262236757L))
                .isEqualTo("dR1PWzsF9JCyZGh3LAxJuDvTny1x4XInzmo9DimO%2Feo%3D");
    }

    @Test
    void appendsTimestampAndSignToTheWebhook() {
        assertThat(
                        DingTalkSign.signedUrl(
                                "https://oapi.dingtalk.com/robot/send?access_token=abc",
                                SECRET,
                                1577262236757L))
                .isEqualTo(
                        "https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1577262236757"
                                + "&sign=dR1PWzsF9JCyZGh3LAxJuDvTny1x4XInzmo9DimO%2Feo%3D");
        assertThat(DingTalkSign.signedUrl("https://h/robot", SECRET, 1L))
                .startsWith("https://h/robot?timestamp=1&sign=");
    }
}
