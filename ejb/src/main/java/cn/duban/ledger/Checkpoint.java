package cn.duban.ledger;

import cn.duban.platform.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A dated step of a task (阶段节点): a milestone of the point or one report of a frequency rule. */
@Entity
@Table(name = "task_checkpoint")
public class Checkpoint extends TenantOwned {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id", nullable = false, updatable = false)
    private Task task;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String label;

    @Column(name = "due_date", nullable = false)
    private LocalDate due;

    @Column(name = "done_on")
    private LocalDate doneOn;

    protected Checkpoint() {}

    Checkpoint(Task task, int position, String label, LocalDate due) {
        this.id = UUID.randomUUID();
        this.task = task;
        this.position = position;
        this.label = label;
        this.due = due;
    }

    void moveTo(LocalDate newDue) {
        this.due = newDue;
    }

    void markDone(LocalDate on) {
        this.doneOn = on;
    }

    public Task getTask() {
        return task;
    }

    public int getPosition() {
        return position;
    }

    public String getLabel() {
        return label;
    }

    public LocalDate getDue() {
        return due;
    }

    public LocalDate getDoneOn() {
        return doneOn;
    }
}
