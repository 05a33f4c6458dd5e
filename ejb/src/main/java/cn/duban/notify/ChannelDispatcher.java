package cn.duban.notify;

import cn.duban.platform.AppClock;
import cn.duban.tenant.Unit;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

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

    @Resource TransactionSynchronizationRegistry tsr;

    /** The rows written, by channel and status. */
    public record Planned(Channel channel, String target, String status) {}

    /**
     * Called by the inbox for every message to a unit. {@code email}: the tenant and server allow
     * e-mail copies; the unit's address is asked for only then.
     */
    public List<Planned> fanOut(
            UUID unitId,
            Supplier<String> emailOf,
            UUID messageId,
            UUID taskId,
            String subject,
            String body,
            boolean email) {
        return plan(unitId, emailOf, messageId, taskId, subject, body, email, false);
    }

    /**
     * A test message to a unit's channels now: neither held nor capped (the office asked for it).
     */
    public List<Planned> test(Unit unit, String text) {
        return plan(unit.getId(), unit::getEmail, null, null, "渠道测试", text, true, true);
    }

    /**
     * The tenant's settings and all its units' channels, read once per transaction: a reminder run
     * sends hundreds of notices in one, and most districts configure few units.
     */
    private record Snapshot(ChannelConfig.Tenant tenant, Map<UUID, ChannelConfig.Unit> units) {}

    private Snapshot snapshot() {
        Object cached = tsr.getResource(Snapshot.class);
        if (cached instanceof Snapshot s) return s;
        Map<UUID, ChannelConfig.Unit> units = new HashMap<>();
        for (ChannelConfig.Unit u : config.units()) units.put(u.unitId(), u);
        Snapshot s = new Snapshot(config.tenant(), units);
        tsr.putResource(Snapshot.class, s);
        return s;
    }

    private List<Planned> plan(
            UUID unitId,
            Supplier<String> emailOf,
            UUID messageId,
            UUID taskId,
            String subject,
            String body,
            boolean email,
            boolean test) {
        Snapshot snap = snapshot();
        ChannelConfig.Tenant tenant = snap.tenant();
        ChannelConfig.Unit channels =
                snap.units().getOrDefault(unitId, ChannelConfig.Unit.none(unitId));
        List<Planned> targets = new ArrayList<>();
        String address = email && MailService.configured() ? emailOf.get() : null;
        if (address != null) targets.add(new Planned(Channel.EMAIL, Masking.email(address), null));
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
        if (!test && taskId != null && capReached(unitId, taskId, now, tenant.capPerWeek())) {
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
                    .setParameter(3, unitId)
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
