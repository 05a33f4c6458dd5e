package cn.duban.notify.web;

import cn.duban.notify.ChannelConfig;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the API and the pages show of channel settings: whether a secret is set, never it. */
public final class ChannelViews {

    private ChannelViews() {}

    public record TenantView(
            String quietStart,
            String quietEnd,
            int capPerWeek,
            String smsUrl,
            boolean smsKeySet,
            String smsKeyLast4,
            String updatedBy,
            Instant updatedAt) {
        public static TenantView of(ChannelConfig.Tenant t) {
            return new TenantView(
                    t.quietStart() == null ? null : t.quietStart().toString(),
                    t.quietEnd() == null ? null : t.quietEnd().toString(),
                    t.capPerWeek(),
                    t.smsUrl(),
                    t.smsKeySealed() != null,
                    blank(t.smsKeyHint()),
                    t.updatedBy(),
                    t.updatedAt());
        }
    }

    /** A robot's webhook: set or not, its host and the URL's last 4 characters. */
    public record Robot(
            boolean set, String host, String last4, Boolean secretSet, String secretLast4) {}

    public record UnitView(
            UUID unitId,
            String unitName,
            List<String> phones,
            Robot wecom,
            Robot dingtalk,
            String updatedBy,
            Instant updatedAt) {
        public static UnitView of(String name, ChannelConfig.Unit u) {
            return new UnitView(
                    u.unitId(),
                    name,
                    u.phones(),
                    new Robot(
                            u.wecomSealed() != null,
                            u.wecomHost(),
                            blank(u.wecomHint()),
                            null,
                            null),
                    new Robot(
                            u.dingtalkSealed() != null,
                            u.dingtalkHost(),
                            blank(u.dingtalkHint()),
                            u.dingtalkSecretSealed() != null,
                            blank(u.dingtalkSecretHint())),
                    u.updatedBy(),
                    u.updatedAt());
        }

        public boolean any() {
            return !phones.isEmpty() || wecom.set() || dingtalk.set();
        }
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
