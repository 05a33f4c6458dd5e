package cn.duban.notify;

import cn.duban.platform.AppClock;
import cn.duban.tenant.Unit;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Fans a message to a unit out to the unit's configured external channels: one outbox row per
 * channel, written in the sender's transaction (a rolled-back 催办 sends nothing), sent later by
 * {@link DeliveryScheduler}. Beyond the tenant's cap on repeats a row is CAPPED, in quiet hours
 * HELD until they end; the inbox has the message either way.
 */
@Stateless
public class ChannelDispatcher {

    @PersistenceContext EntityManager em;

    @EJB ChannelConfig config;

    /** The rows written, by channel and status. */
    public record Planned(Channel channel, String target, String status) {}

    /**
     * Called by the inbox for every message to a unit. {@code email}: the tenant and server allow
     * e-mail copies.
     */
    public List<Planned> fanOut(
            Unit unit, UUID messageId, UUID taskId, String subject, String body, boolean email) {
        return plan(unit, messageId, taskId, subject, body, email, false);
    }

    /**
     * A test message to a unit's channels now: neither held nor capped (the office asked for it).
     */
    public List<Planned> test(Unit unit, String text) {
        return plan(unit, null, null, "渠道测试", text, unit.getEmail() != null, true);
    }

    private List<Planned> plan(
            Unit unit,
            UUID messageId,
            UUID taskId,
            String subject,
            String body,
            boolean email,
            boolean test) {
        ChannelConfig.Tenant tenant = config.tenant();
        ChannelConfig.Unit channels = config.unit(unit.getId());
        List<Planned> targets = new ArrayList<>();
        if (email && MailService.configured() && unit.getEmail() != null)
            targets.add(new Planned(Channel.EMAIL, Masking.email(unit.getEmail()), null));
        if (tenant.smsReady() && !channels.phones().isEmpty())
            targets.add(new Planned(Channel.SMS, Masking.phones(channels.phones()), null));
        if (channels.wecomSealed() != null)
            targets.add(new Planned(Channel.WECOM, channels.wecomHost(), null));
        if (channels.dingtalkSealed() != null)
            targets.add(new Planned(Channel.DINGTALK, channels.dingtalkHost(), null));
        if (targets.isEmpty()) return List.of();
        Instant now = AppClock.now();
        String status = "PENDING";
        Instant next = now;
        if (!test && taskId != null && capReached(unit.getId(), taskId, now, tenant.capPerWeek())) {
            status = "CAPPED"; // never claimed: the timer takes PENDING and HELD rows only
        } else if (!test) {
            Optional<Instant> release = tenant.quiet().flatMap(q -> q.releaseAt(now));
            if (release.isPresent()) {
                status = "HELD";
                next = release.get();
            }
        }
        String text = "【督办】" + subject + "\n" + body;
        List<Planned> out = new ArrayList<>();
        for (Planned t : targets) {
            em.createNativeQuery(
                            "insert into notify_delivery (tenant_id, id, message_id, unit_id, task_id, channel, target, "
                                    + "subject, text, status, next_attempt_at, created_at) values "
                                    + "(current_setting('app.tenant_id'), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
                    .setParameter(1, UUID.randomUUID())
                    .setParameter(2, messageId)
                    .setParameter(3, unit.getId())
                    .setParameter(4, taskId)
                    .setParameter(5, t.channel().name())
                    .setParameter(6, clip(t.target(), 300))
                    .setParameter(7, clip(subject, 500))
                    .setParameter(8, text)
                    .setParameter(9, status)
                    .setParameter(10, Rows.ts(next))
                    .setParameter(11, Rows.ts(now))
                    .executeUpdate();
            out.add(new Planned(t.channel(), t.target(), status));
        }
        return out;
    }

    /**
     * Whether the unit already had {@code cap} messages about the task in the last 7 days (each
     * message counted once, whatever its channels; capped ones not at all).
     */
    private boolean capReached(UUID unitId, UUID taskId, Instant now, int cap) {
        List<Instant> earlier =
                em
                        .createNativeQuery(
                                "select min(created_at) from notify_delivery where unit_id = ?1 and task_id = ?2 "
                                        + "and status <> 'CAPPED' and created_at > ?3 "
                                        + "group by coalesce(message_id, id)")
                        .setParameter(1, unitId)
                        .setParameter(2, taskId)
                        .setParameter(3, Rows.ts(now.minus(RepeatCap.WINDOW)))
                        .getResultList()
                        .stream()
                        .map(Rows::instant)
                        .toList();
        return RepeatCap.reached(earlier, now, cap);
    }

    private static String clip(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }
}
