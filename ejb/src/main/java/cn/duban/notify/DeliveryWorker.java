package cn.duban.notify;

import cn.duban.platform.AppClock;
import cn.duban.platform.Caller;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The outbox's two short transactions around a send: {@link #claim} takes the current tenant's due
 * rows with {@code for update skip locked} (another server's claim skips them) and leases them for
 * a few minutes by moving their next attempt; {@link #record} writes the outcome. The send itself
 * runs between them, in no transaction.
 */
@Stateless
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class.getName());

    /** Attempts before a delivery is FAILED for good. */
    public static final int MAX_ATTEMPTS = 5;

    /** Long enough for a batch of sends at 15 s each; a crashed server's rows are retried after. */
    static final Duration LEASE = Duration.ofMinutes(10);

    @PersistenceContext EntityManager em;

    @EJB ChannelConfig config;

    /** The wait after the n-th failed attempt: 1 min, 5 min, 30 min, 2 h. */
    public static Duration backoff(int attempts) {
        return switch (attempts) {
            case 1 -> Duration.ofMinutes(1);
            case 2 -> Duration.ofMinutes(5);
            case 3 -> Duration.ofMinutes(30);
            default -> Duration.ofHours(2);
        };
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Outgoing> claim(int max) {
        Instant now = AppClock.now();
        @SuppressWarnings("unchecked")
        List<Object[]> due =
                em.createNativeQuery(
                                "select id, unit_id, channel, subject, text, attempts, message_id from notify_delivery "
                                        + "where status in ('PENDING', 'HELD') and next_attempt_at <= ?1 "
                                        + "order by next_attempt_at limit ?2 for update skip locked")
                        .setParameter(1, Rows.ts(now))
                        .setParameter(2, max)
                        .getResultList();
        if (due.isEmpty()) return List.of();
        String tenant = Caller.currentTenant().orElseThrow();
        ChannelConfig.Tenant settings = config.tenant();
        Optional<Instant> quietUntil = settings.quiet().flatMap(q -> q.releaseAt(now));
        List<AllowEntry> allow = config.allowList();
        String ca = config.caPem();
        SecretBox box = SecretBox.fromSettings();
        List<Outgoing> out = new ArrayList<>();
        for (Object[] r : due) {
            UUID id = Rows.uuid(r[0]);
            UUID unit = Rows.uuid(r[1]);
            Channel channel = Channel.valueOf(Rows.string(r[2]));
            // Due inside quiet hours (written just before they began, or retried): held. A test
            // message (no inbox message) was asked for now.
            if (quietUntil.isPresent() && r[6] != null) {
                update(id, "HELD", quietUntil.get(), null, null, null);
                continue;
            }
            Outgoing o;
            try {
                o = outgoing(tenant, id, unit, channel, r, settings, allow, ca, box);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Delivery " + id + " cannot be prepared", e);
                o = null;
            }
            if (o == null) {
                update(id, "FAILED", null, null, "channel no longer configured", null);
                continue;
            }
            em.createNativeQuery(
                            "update notify_delivery set status = 'PENDING', attempts = attempts + 1, "
                                    + "next_attempt_at = ?2 where id = ?1")
                    .setParameter(1, id)
                    .setParameter(2, Rows.ts(now.plus(LEASE)))
                    .executeUpdate();
            out.add(o);
        }
        return out;
    }

    private Outgoing outgoing(
            String tenant,
            UUID id,
            UUID unitId,
            Channel channel,
            Object[] r,
            ChannelConfig.Tenant settings,
            List<AllowEntry> allow,
            String ca,
            SecretBox box) {
        ChannelConfig.Unit unit = config.unit(unitId);
        String subject = Rows.string(r[3]), text = Rows.string(r[4]);
        return switch (channel) {
            case EMAIL -> {
                List<?> email =
                        em.createNativeQuery("select email from unit where id = ?1")
                                .setParameter(1, unitId)
                                .getResultList();
                yield email.isEmpty() || email.get(0) == null
                        ? null
                        : new Outgoing(
                                id,
                                tenant,
                                channel,
                                subject,
                                text,
                                null,
                                null,
                                List.of(),
                                email.get(0).toString(),
                                allow,
                                ca);
            }
            case SMS ->
                    !settings.smsReady() || unit.phones().isEmpty()
                            ? null
                            : new Outgoing(
                                    id,
                                    tenant,
                                    channel,
                                    subject,
                                    text,
                                    settings.smsUrl(),
                                    box.open(
                                            settings.smsKeySealed(),
                                            ChannelConfig.smsKeyContext(tenant)),
                                    unit.phones(),
                                    null,
                                    allow,
                                    ca);
            case WECOM ->
                    unit.wecomSealed() == null
                            ? null
                            : new Outgoing(
                                    id,
                                    tenant,
                                    channel,
                                    subject,
                                    text,
                                    box.open(
                                            unit.wecomSealed(),
                                            ChannelConfig.unitContext(tenant, unitId, "wecom-url")),
                                    null,
                                    List.of(),
                                    null,
                                    allow,
                                    ca);
            case DINGTALK ->
                    unit.dingtalkSealed() == null
                            ? null
                            : new Outgoing(
                                    id,
                                    tenant,
                                    channel,
                                    subject,
                                    text,
                                    box.open(
                                            unit.dingtalkSealed(),
                                            ChannelConfig.unitContext(
                                                    tenant, unitId, "dingtalk-url")),
                                    unit.dingtalkSecretSealed() == null
                                            ? null
                                            : box.open(
                                                    unit.dingtalkSecretSealed(),
                                                    ChannelConfig.unitContext(
                                                            tenant, unitId, "dingtalk-secret")),
                                    List.of(),
                                    null,
                                    allow,
                                    ca);
            case INBOX -> null;
        };
    }

    /** The outcome of one attempt: SENT, PENDING again after a back-off, or FAILED for good. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String record(UUID id, SendResult result) {
        Instant now = AppClock.now();
        List<?> a =
                em.createNativeQuery("select attempts from notify_delivery where id = ?1")
                        .setParameter(1, id)
                        .getResultList();
        int attempts = a.isEmpty() ? MAX_ATTEMPTS : Rows.integer(a.get(0));
        if (result.sent()) {
            update(id, "SENT", null, result.httpStatus(), null, now);
            return "SENT";
        }
        if (result.retry() && attempts < MAX_ATTEMPTS) {
            update(
                    id,
                    "PENDING",
                    now.plus(backoff(attempts)),
                    result.httpStatus(),
                    result.error(),
                    null);
            return "PENDING";
        }
        update(id, "FAILED", null, result.httpStatus(), result.error(), null);
        return "FAILED";
    }

    private void update(
            UUID id, String status, Instant next, Integer http, String error, Instant sentAt) {
        em.createNativeQuery(
                        "update notify_delivery set status = ?2, next_attempt_at = cast(?3 as timestamptz), "
                                + "http_status = cast(?4 as integer), error = cast(?5 as varchar), "
                                + "sent_at = cast(?6 as timestamptz) where id = ?1")
                .setParameter(1, id)
                .setParameter(2, status)
                .setParameter(3, next == null ? null : next.toString())
                .setParameter(4, http == null ? null : http.toString())
                .setParameter(5, error)
                .setParameter(6, sentAt == null ? null : sentAt.toString())
                .executeUpdate();
    }
}
