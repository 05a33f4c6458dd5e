package cn.duban.ledger;

import cn.duban.platform.AppClock;
import cn.duban.platform.TenantOwned;
import cn.duban.platform.Versioned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A co-operating unit's contribution (配合情况) to its work point, sent to the point's lead unit: one
 * per co-unit task. Editing a sent contribution makes it a draft again until it is sent anew; the
 * first sending stays, since scoring judges "sent on time" by it. Once the lead unit has
 * acknowledged it (确认收到, ACKNOWLEDGED) the co-unit can no longer change it.
 */
@Entity
@Table(name = "contribution")
public class Contribution extends TenantOwned implements Versioned {

    public enum State {
        DRAFT,
        SENT,
        ACKNOWLEDGED
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id", nullable = false, updatable = false)
    private Task task;

    @Column(nullable = false)
    private String text;

    @Column(nullable = false)
    private int percent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "first_sent_at")
    private Instant firstSentAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "sent_by")
    private String sentBy;

    @Column(name = "sent_by_name")
    private String sentByName;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    private String acknowledgedBy;

    @Column(name = "acknowledged_by_name")
    private String acknowledgedByName;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Version private int version;

    protected Contribution() {}

    Contribution(Task task, String by) {
        this.id = UUID.randomUUID();
        this.task = task;
        this.text = "";
        this.state = State.DRAFT;
        this.updatedBy = by;
        this.updatedAt = AppClock.now();
    }

    void edit(String text, int percent, String by) {
        this.text = text;
        this.percent = percent;
        this.state = State.DRAFT;
        this.updatedBy = by;
        this.updatedAt = AppClock.now();
    }

    void send(Instant at, String by, String byName) {
        this.state = State.SENT;
        this.sentAt = at;
        this.sentBy = by;
        this.sentByName = byName;
        if (firstSentAt == null) firstSentAt = at;
    }

    /** The lead unit confirms it has the sent contribution; from now on it stays as it is. */
    void acknowledge(Instant at, String by, String byName) {
        this.state = State.ACKNOWLEDGED;
        this.acknowledgedAt = at;
        this.acknowledgedBy = by;
        this.acknowledgedByName = byName;
    }

    public Task getTask() {
        return task;
    }

    public String getText() {
        return text;
    }

    public int getPercent() {
        return percent;
    }

    public State getState() {
        return state;
    }

    public Instant getFirstSentAt() {
        return firstSentAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public String getSentBy() {
        return sentBy;
    }

    /** The sender's name; the login for contributions sent before V25. */
    public String getSentByName() {
        return sentByName != null ? sentByName : sentBy;
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public String getAcknowledgedBy() {
        return acknowledgedBy;
    }

    public String getAcknowledgedByName() {
        return acknowledgedByName != null ? acknowledgedByName : acknowledgedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    @Override
    public int getVersion() {
        return version;
    }
}
