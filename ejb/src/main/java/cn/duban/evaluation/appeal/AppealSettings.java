package cn.duban.evaluation.appeal;

import cn.duban.platform.AppClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A district's appeal window in days (申诉期); a district without a row has the default. */
@Entity
@Table(name = "appeal_settings")
public class AppealSettings {

    @Id
    @Column(name = "tenant_id")
    private String tenantId;

    @Column(name = "window_days", nullable = false)
    private int windowDays = AppealRules.DEFAULT_WINDOW_DAYS;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AppealSettings() {}

    AppealSettings(String tenantId) {
        this.tenantId = tenantId;
    }

    void change(int days, String by) {
        this.windowDays = days;
        this.updatedBy = by;
        this.updatedAt = AppClock.now();
    }

    public String getTenantId() {
        return tenantId;
    }

    public int getWindowDays() {
        return windowDays;
    }
}
