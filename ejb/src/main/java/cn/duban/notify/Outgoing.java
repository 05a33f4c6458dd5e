package cn.duban.notify;

import java.util.List;
import java.util.UUID;

/**
 * One delivery to send, with its real address read and decrypted when it was claimed: {@code url}
 * for robots and the SMS gateway, {@code phones} for SMS, {@code secret} the 钉钉 signing secret or
 * the SMS gateway key, {@code email} for e-mail. Lives only in memory during the send.
 */
public record Outgoing(
        UUID id,
        String tenantId,
        Channel channel,
        String subject,
        String text,
        String url,
        String secret,
        List<String> phones,
        String email,
        List<AllowEntry> allow,
        String caPem) {

    @Override
    public String toString() {
        // Never the address or the secret in a log line.
        return "Outgoing[" + id + ", " + channel + "]";
    }
}
