package cn.duban.ledger;

import cn.duban.notify.ChannelDispatcher;
import cn.duban.notify.MailService;
import cn.duban.platform.Caller;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The in-app inbox: messages to a unit's users or to a role, and what the caller may read. */
@Stateless
public class InboxService {

    @PersistenceContext EntityManager em;

    @EJB UnitService units;

    @EJB ChannelDispatcher channels;

    /**
     * A message to every user of a unit, and out through the unit's configured channels (e-mail,
     * SMS, group robots) by the outbox.
     */
    public InboxMessage toUnit(
            Unit unit, InboxMessage.Kind kind, UUID taskId, String subject, String body) {
        InboxMessage m =
                new InboxMessage(unit.getId(), null, kind, taskId, subject, body, sender(), null);
        em.persist(m);
        channels.fanOut(
                unit.getId(), unit::getEmail, m.getId(), taskId, subject, body, emailEnabled());
        return m;
    }

    /** A message to everyone of a role in the tenant (e.g. escalation to leaders). */
    /**
     * The notice of an issued circular to a unit or (unit null) a role, linking to the circular.
     */
    public InboxMessage circularNotice(
            Unit unit, String role, UUID circularId, String subject, String body) {
        InboxMessage m =
                new InboxMessage(
                                unit == null ? null : unit.getId(),
                                unit == null ? role : null,
                                InboxMessage.Kind.NOTICE,
                                null,
                                subject,
                                body,
                                sender(),
                                null)
                        .aboutCircular(circularId);
        em.persist(m);
        if (unit != null)
            channels.fanOut(
                    unit.getId(), unit::getEmail, m.getId(), null, subject, body, emailEnabled());
        return m;
    }

    public InboxMessage toRole(
            String role, InboxMessage.Kind kind, UUID taskId, String subject, String body) {
        InboxMessage m = new InboxMessage(null, role, kind, taskId, subject, body, sender(), null);
        em.persist(m);
        return m;
    }

    /**
     * A notice sent at most once: the key names it (kind, task, due date). Returns it if it was
     * new; a concurrent or repeated run finds the key taken and sends nothing.
     */
    public Optional<InboxMessage> once(
            String dedupeKey,
            UUID unitId,
            String role,
            InboxMessage.Kind kind,
            UUID taskId,
            String subject,
            String body) {
        int inserted =
                em.createNativeQuery(
                                "insert into inbox_message (tenant_id, id, unit_id, role, kind, task_id, subject, body, "
                                        + "created_at, created_by, dedupe_key) values (current_setting('app.tenant_id'), ?1, ?2, ?3, ?4, ?5, ?6, ?7, now(), ?8, ?9) "
                                        + "on conflict (tenant_id, dedupe_key) do nothing")
                        .setParameter(1, UUID.randomUUID())
                        .setParameter(2, unitId)
                        .setParameter(3, role)
                        .setParameter(4, kind.name())
                        .setParameter(5, taskId)
                        .setParameter(6, subject)
                        .setParameter(7, body)
                        .setParameter(8, sender())
                        .setParameter(9, dedupeKey)
                        .executeUpdate();
        if (inserted == 0) return Optional.empty();
        Optional<InboxMessage> sent =
                em.createQuery(
                                "select m from InboxMessage m where m.dedupeKey = :k",
                                InboxMessage.class)
                        .setParameter("k", dedupeKey)
                        .getResultStream()
                        .findFirst();
        if (unitId != null)
            sent.ifPresent(
                    m ->
                            channels.fanOut(
                                    unitId,
                                    () -> units.get(unitId).getEmail(),
                                    m.getId(),
                                    taskId,
                                    subject,
                                    body,
                                    emailEnabled()));
        return sent;
    }

    /** Not yet opened by the caller (each person reads for themselves). */
    private static final String UNREAD_BY_ME =
            "not exists (select r from InboxRead r where r.messageId = m.id and r.username = :me)";

    /** The caller's messages: to its unit and to its roles, newest first. */
    public List<InboxMessage> mine(boolean unreadOnly, int limit) {
        Caller caller = Caller.requireDistrictPerson();
        UUID unit = myUnitId(caller);
        var q =
                em.createQuery(
                                "select m from InboxMessage m where (m.unitId = :unit or m.role in :roles) "
                                        + (unreadOnly ? "and " + UNREAD_BY_ME + " " : "")
                                        + "order by m.createdAt desc",
                                InboxMessage.class)
                        .setParameter("unit", unit)
                        .setParameter("roles", caller.roles());
        if (unreadOnly) q.setParameter("me", caller.username());
        return q.setMaxResults(Math.max(1, Math.min(limit, 500))).getResultList();
    }

    /** Which of these messages the caller has opened or marked read. */
    public Set<UUID> readByMe(Collection<UUID> messageIds) {
        Caller caller = Caller.requireDistrictPerson();
        if (messageIds.isEmpty()) return Set.of();
        return new HashSet<>(
                em.createQuery(
                                "select r.messageId from InboxRead r where r.username = :me and r.messageId in :ids",
                                UUID.class)
                        .setParameter("me", caller.username())
                        .setParameter("ids", messageIds)
                        .getResultList());
    }

    public long unreadCount() {
        Caller caller = Caller.requireDistrictPerson();
        return em.createQuery(
                        "select count(m) from InboxMessage m where (m.unitId = :unit or m.role in :roles) and "
                                + UNREAD_BY_ME,
                        Long.class)
                .setParameter("unit", myUnitId(caller))
                .setParameter("roles", caller.roles())
                .setParameter("me", caller.username())
                .getSingleResult();
    }

    /** Marks the caller's message read for the caller (a read receipt); 404 if not theirs. */
    public void markRead(UUID id) {
        open(id);
    }

    /**
     * One of the caller's messages, opened: a read receipt is kept for the caller the first time
     * (its name as it is now); another unit's, role's or district's message is 404.
     */
    public InboxMessage open(UUID id) {
        Caller caller = Caller.requireDistrictPerson();
        InboxMessage m = em.find(InboxMessage.class, id);
        boolean mine =
                m != null
                        && ((m.getUnitId() != null && m.getUnitId().equals(myUnitId(caller)))
                                || (m.getRole() != null && caller.hasRole(m.getRole())));
        if (!mine) throw cn.duban.platform.DubanException.notFound("inbox.not-found", "消息不存在。");
        m.markRead(caller.username());
        // Once per person: a second opening (or a second tab at once) finds the row and keeps it.
        em.createNativeQuery(
                        "insert into inbox_read (tenant_id, id, message_id, username, name, read_at) "
                                + "values (:tenant, :id, :message, :username, :name, :at) "
                                + "on conflict (tenant_id, message_id, username) do nothing")
                .setParameter("tenant", caller.tenantId())
                .setParameter("id", UUID.randomUUID())
                .setParameter("message", id)
                .setParameter("username", caller.username())
                .setParameter("name", caller.displayName())
                .setParameter("at", java.sql.Timestamp.from(cn.duban.platform.AppClock.now()))
                .executeUpdate();
        return m;
    }

    /** The read receipts of these messages, by message, in the order they were read. */
    public Map<UUID, List<InboxRead>> receipts(Collection<UUID> messageIds) {
        if (messageIds.isEmpty()) return Map.of();
        Map<UUID, List<InboxRead>> out = new HashMap<>();
        em.createQuery(
                        "select r from InboxRead r where r.messageId in :ids order by r.readAt, r.username",
                        InboxRead.class)
                .setParameter("ids", messageIds)
                .getResultList()
                .forEach(r -> out.computeIfAbsent(r.getMessageId(), k -> new ArrayList<>()).add(r));
        return out;
    }

    private UUID myUnitId(Caller caller) {
        // A sentinel that matches no unit, for users without one (leaders of the whole district).
        return caller.unitCode() == null
                ? new UUID(0, 0)
                : units.findByCode(caller.unitCode()).map(Unit::getId).orElse(new UUID(0, 0));
    }

    /** The tenant's reminder settings, or the defaults if it never changed them. */
    public ReminderSettings settings() {
        String tenant =
                Caller.currentTenant().orElseThrow(cn.duban.platform.DubanException::unauthorized);
        ReminderSettings s = em.find(ReminderSettings.class, tenant);
        return s != null ? s : new ReminderSettings(tenant);
    }

    private boolean emailEnabled() {
        return MailService.configured() && settings().isEmailEnabled();
    }

    private static String sender() {
        return Caller.current().map(Caller::username).orElse("system");
    }
}
