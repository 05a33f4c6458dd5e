package cn.duban.plan;

import cn.duban.platform.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/** A top-level section of a plan (一、…). */
@Entity
@Table(name = "plan_section")
public class PlanSection extends TenantOwned {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id", nullable = false, updatable = false)
    private Plan plan;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String number;

    @Column(nullable = false)
    private String title;

    protected PlanSection() {}

    PlanSection(Plan plan, int position, String number, String title) {
        this.id = UUID.randomUUID();
        this.plan = plan;
        this.position = position;
        this.number = number;
        this.title = title;
    }

    public Plan getPlan() {
        return plan;
    }

    public int getPosition() {
        return position;
    }

    public String getNumber() {
        return number;
    }

    public String getTitle() {
        return title;
    }
}
