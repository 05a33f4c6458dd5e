package cn.duban.ledger;

import cn.duban.platform.AppClock;
import cn.duban.platform.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A message of the in-app inbox: to every user of a unit, or to every user of a role in the tenant
 * (escalations go to {@code leader}, review requests to {@code district-admin}).
 */
@Entity
@Table(name = "inbox_message")
public class InboxMessage extends TenantOwned {

    /** What a message is about. */
    public enum Kind {
        DUE_SOON,
        OVERDUE,
        ESCALATION,
        REMINDER,
        ASSIGNED,
        SUBMITTED,
        APPROVED,
        RETURNED,
        EXTENSION,
        NOTICE,
        /** A co-operating unit sent its contribution to the lead unit. */
        CONTRIBUTION,
        /** A rung of the escalation ladder: 督办单, 点名通报 or 约谈 notice (督办). */
        SUPERVISION
    }

    @Column(name = "unit_id", updatable = false)
    private UUID unitId;

    @Column(updatable = false)
    private String role;

    @Column(nullable = false, updatable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Kind kind;

    @Column(name = "task_id", updatable = false)
    private UUID taskId;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    /** The circular a notice is about (its link), or null. */
    @Column(name = "circular_id", updatable = false)
    private UUID circularId;

    @Column(name = "dedupe_key", updatable = false)
    private String dedupeKey;

    @Column(name = "read_at")
    private Instant readAt;

    @Column(name = "read_by")
    private String readBy;

    @Column(name = "emailed_at")
    private Instant emailedAt;

    protected InboxMessage() {}

    InboxMessage(
            UUID unitId,
            String role,
            Kind kind,
            UUID taskId,
            String subject,
            String body,
            String createdBy,
            String dedupeKey) {
        this.id = UUID.randomUUID();
        this.unitId = unitId;
        this.role = role;
        this.kind = kind;
        this.taskId = taskId;
        this.subject = subject;
        this.body = body;
        this.createdBy = createdBy;
        this.createdAt = AppClock.now();
        this.dedupeKey = dedupeKey;
    }

    InboxMessage aboutCircular(UUID circular) {
        this.circularId = circular;
        return this;
    }

    void markRead(String by) {
        if (readAt == null) {
            readAt = AppClock.now();
            readBy = by;
        }
    }

    void markEmailed() {
        emailedAt = AppClock.now();
    }

    public UUID getUnitId() {
        return unitId;
    }

    public String getRole() {
        return role;
    }

    public Kind getKind() {
        return kind;
    }

    public UUID getTaskId() {
        return taskId;
    }

    public UUID getCircularId() {
        return circularId;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getDedupeKey() {
        return dedupeKey;
    }

    public Instant getReadAt() {
        return readAt;
    }

    public String getReadBy() {
        return readBy;
    }

    public Instant getEmailedAt() {
        return emailedAt;
    }
}
