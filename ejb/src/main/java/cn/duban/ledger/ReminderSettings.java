package cn.duban.ledger;

import cn.duban.platform.Versioned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A tenant's reminder thresholds (催办设置): due-soon windows, escalation after N days overdue, e-mail.
 */
@Entity
@Table(name = "reminder_settings")
public class ReminderSettings implements Versioned {

    @Id
    @Column(name = "tenant_id")
    private String tenantId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "due_soon_days", nullable = false)
    private List<Integer> dueSoonDays = new ArrayList<>(List.of(7, 3));

    @Column(name = "escalate_after_days", nullable = false)
    private int escalateAfterDays = 7;

    @Column(name = "email_enabled", nullable = false)
    private boolean emailEnabled = true;

    /** Working hours a unit has to acknowledge (签收) a new task before it is chased. */
    @Column(name = "receipt_hours", nullable = false)
    private int receiptHours = 8;

    /** The unit head approves a 经办人's report before the district sees it (单位负责人审核). */
    @Column(name = "head_approves_reports", nullable = false)
    private boolean headApprovesReports;

    @Version private int version;

    protected ReminderSettings() {}

    ReminderSettings(String tenantId) {
        this.tenantId = tenantId;
    }

    /** The widest due-soon window: a task due within it shows yellow. */
    public int dueSoonWindow() {
        return dueSoonDays.stream().mapToInt(Integer::intValue).max().orElse(7);
    }

    public String getTenantId() {
        return tenantId;
    }

    public List<Integer> getDueSoonDays() {
        return List.copyOf(dueSoonDays);
    }

    void setDueSoonDays(List<Integer> days) {
        this.dueSoonDays = new ArrayList<>(days);
    }

    public int getEscalateAfterDays() {
        return escalateAfterDays;
    }

    void setEscalateAfterDays(int days) {
        this.escalateAfterDays = days;
    }

    public boolean isEmailEnabled() {
        return emailEnabled;
    }

    void setEmailEnabled(boolean emailEnabled) {
        this.emailEnabled = emailEnabled;
    }

    public int getReceiptHours() {
        return receiptHours;
    }

    void setReceiptHours(int hours) {
        this.receiptHours = hours;
    }

    public boolean isHeadApprovesReports() {
        return headApprovesReports;
    }

    void setHeadApprovesReports(boolean on) {
        this.headApprovesReports = on;
    }

    public int getVersion() {
        return version;
    }
}
