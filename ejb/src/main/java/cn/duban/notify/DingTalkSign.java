package cn.duban.notify;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * 钉钉 group robot signing (加签): {@code sign} = URL-encoded Base64(HmacSHA256(key = secret, data =
 * timestamp + "\n" + secret)), sent with {@code timestamp} (milliseconds) as query parameters.
 */
public final class DingTalkSign {

    private DingTalkSign() {}

    public static String sign(String secret, long timestampMillis) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] raw =
                    mac.doFinal((timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return URLEncoder.encode(
                    Base64.getEncoder().encodeToString(raw), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The webhook URL with {@code timestamp} and {@code sign} appended. */
    public static String signedUrl(String webhook, String secret, long timestampMillis) {
        return webhook
                + (webhook.indexOf('?') >= 0 ? "&" : "?")
                + "timestamp="
                + timestampMillis
                + "&sign="
                + sign(secret, timestampMillis);
    }
}
