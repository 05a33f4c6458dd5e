package cn.duban.notify;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the stored channel configuration of the current tenant and the platform's allow-list; no
 * role check (the callers check). Secrets stay sealed here; {@link #open} decrypts one.
 */
@Stateless
public class ChannelConfig {

    @PersistenceContext EntityManager em;

    /** A tenant's settings; the defaults (no quiet hours, cap 3, no SMS) when never saved. */
    public record Tenant(
            LocalTime quietStart,
            LocalTime quietEnd,
            int capPerWeek,
            String smsUrl,
            String smsKeySealed,
            String smsKeyHint,
            String updatedBy,
            java.time.Instant updatedAt) {

        public Optional<QuietHours> quiet() {
            return quietStart == null
                    ? Optional.empty()
                    : Optional.of(new QuietHours(quietStart, quietEnd));
        }

        public boolean smsReady() {
            return smsUrl != null && smsKeySealed != null;
        }
    }

    /** A unit's channels, secrets sealed. */
    public record Unit(
            UUID unitId,
            List<String> phones,
            String wecomSealed,
            String wecomHost,
            String wecomHint,
            String dingtalkSealed,
            String dingtalkHost,
            String dingtalkHint,
            String dingtalkSecretSealed,
            String dingtalkSecretHint,
            String updatedBy,
            java.time.Instant updatedAt) {

        public static Unit none(UUID unitId) {
            return new Unit(
                    unitId, List.of(), null, null, null, null, null, null, null, null, null, null);
        }
    }

    public static final int DEFAULT_CAP = 3;

    public Tenant tenant() {
        List<?> rows =
                em.createNativeQuery(
                                "select quiet_start, quiet_end, cap_per_week, sms_url, sms_apikey_enc, sms_key_hint, "
                                        + "updated_by, updated_at from notify_settings "
                                        + "where tenant_id = current_setting('app.tenant_id')")
                        .getResultList();
        if (rows.isEmpty())
            return new Tenant(null, null, DEFAULT_CAP, null, null, null, null, null);
        Object[] r = (Object[]) rows.get(0);
        return new Tenant(
                Rows.time(r[0]),
                Rows.time(r[1]),
                Rows.integer(r[2]),
                Rows.string(r[3]),
                Rows.string(r[4]),
                Rows.string(r[5]),
                Rows.string(r[6]),
                Rows.instant(r[7]));
    }

    public Unit unit(UUID unitId) {
        List<?> rows =
                em.createNativeQuery(UNIT_SELECT + " where unit_id = ?1")
                        .setParameter(1, unitId)
                        .getResultList();
        return rows.isEmpty() ? Unit.none(unitId) : unitOf((Object[]) rows.get(0));
    }

    public List<Unit> units() {
        return em.createNativeQuery(UNIT_SELECT).getResultList().stream()
                .map(r -> unitOf((Object[]) r))
                .toList();
    }

    private static final String UNIT_SELECT =
            "select unit_id, phones, wecom_token_enc, wecom_host, wecom_hint, dingtalk_token_enc, dingtalk_host, "
                    + "dingtalk_hint, dingtalk_secret_enc, dingtalk_secret_hint, updated_by, updated_at from notify_unit";

    private static Unit unitOf(Object[] r) {
        return new Unit(
                Rows.uuid(r[0]),
                Rows.phones(Rows.string(r[1])),
                Rows.string(r[2]),
                Rows.string(r[3]),
                Rows.string(r[4]),
                Rows.string(r[5]),
                Rows.string(r[6]),
                Rows.string(r[7]),
                Rows.string(r[8]),
                Rows.string(r[9]),
                Rows.string(r[10]),
                Rows.instant(r[11]));
    }

    public List<AllowEntry> allowList() {
        return em
                .createNativeQuery(
                        "select host, port, internal, note from outbound_allow order by host, port")
                .getResultList()
                .stream()
                .map(
                        r -> {
                            Object[] a = (Object[]) r;
                            return new AllowEntry(
                                    Rows.string(a[0]),
                                    Rows.integer(a[1]),
                                    (Boolean) a[2],
                                    Rows.string(a[3]));
                        })
                .toList();
    }

    /** The operator's CA bundle (PEM), or null. */
    public String caPem() {
        List<?> rows =
                em.createNativeQuery("select pem from outbound_ca where id = 1").getResultList();
        return rows.isEmpty() ? null : Rows.string(rows.get(0));
    }

    // The sealed values' associated data: tenant and field, so a copied value does not decrypt.
    static String smsKeyContext(String tenant) {
        return tenant + "|sms-key";
    }

    static String unitContext(String tenant, UUID unit, String field) {
        return tenant + "|" + unit + "|" + field;
    }
}
