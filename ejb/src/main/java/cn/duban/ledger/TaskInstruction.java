package cn.duban.ledger;

import cn.duban.platform.AppClock;
import cn.duban.platform.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A leader's instruction (批示) on a task: kept as given (the database refuses changes). */
@Entity
@Table(name = "task_instruction")
public class TaskInstruction extends TenantOwned {

    public static final int MAX_TEXT = 2000;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id", nullable = false, updatable = false)
    private Task task;

    @Column(nullable = false, updatable = false)
    private String text;

    @Column(name = "given_by", nullable = false, updatable = false)
    private String givenBy;

    @Column(name = "given_by_name", updatable = false)
    private String givenByName;

    @Column(name = "given_at", nullable = false, updatable = false)
    private Instant givenAt;

    protected TaskInstruction() {}

    TaskInstruction(Task task, String text, String givenBy, String givenByName) {
        this.id = UUID.randomUUID();
        this.task = task;
        this.text = text;
        this.givenBy = givenBy;
        this.givenByName = givenByName;
        this.givenAt = AppClock.now();
    }

    public Task getTask() {
        return task;
    }

    public String getText() {
        return text;
    }

    public String getGivenBy() {
        return givenBy;
    }

    /** The leader's name as it was; the login for instructions before V25. */
    public String getGivenByName() {
        return givenByName != null ? givenByName : givenBy;
    }

    public Instant getGivenAt() {
        return givenAt;
    }
}
