package cn.duban.plan;

import cn.duban.plan.parse.UnitRole;
import cn.duban.platform.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * A responsible unit (责任单位) named by a work point: a resolved unit of the tenant, a collective such
 * as 各街镇, or a name not yet mapped to a unit.
 */
@Entity
@Table(name = "plan_point_unit")
public class PointUnit extends TenantOwned {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "point_id", nullable = false, updatable = false)
    private PlanPoint point;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private boolean collective;

    @Column(name = "unit_id")
    private UUID unitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UnitRole role;

    protected PointUnit() {}

    PointUnit(
            PlanPoint point,
            int position,
            String name,
            boolean collective,
            UUID unitId,
            UnitRole role) {
        this.id = UUID.randomUUID();
        this.point = point;
        this.position = position;
        this.name = name;
        this.collective = collective;
        this.unitId = unitId;
        this.role = role;
    }

    public PlanPoint getPoint() {
        return point;
    }

    public int getPosition() {
        return position;
    }

    public String getName() {
        return name;
    }

    public boolean isCollective() {
        return collective;
    }

    public UUID getUnitId() {
        return unitId;
    }

    public UnitRole getRole() {
        return role;
    }
}
