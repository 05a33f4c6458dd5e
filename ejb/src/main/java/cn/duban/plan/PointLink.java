package cn.duban.plan;

import cn.duban.platform.AppClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A confirmed link: {@code point} (of a lower-level plan) responds to {@code targetPoint}. */
@Entity
@Table(name = "plan_point_link")
@IdClass(PointLink.Key.class)
public class PointLink {

    public record Key(UUID point, UUID targetPoint) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "point_id")
    private PlanPoint point;

    @Id
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "target_point_id")
    private PlanPoint targetPoint;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(nullable = false)
    private float similarity;

    @Column(name = "confirmed_by", nullable = false)
    private String confirmedBy;

    @Column(name = "confirmed_at", nullable = false)
    private Instant confirmedAt;

    protected PointLink() {}

    PointLink(PlanPoint point, PlanPoint targetPoint, double similarity, String confirmedBy) {
        this.point = point;
        this.targetPoint = targetPoint;
        this.similarity = (float) similarity;
        this.confirmedBy = confirmedBy;
        this.confirmedAt = AppClock.now();
    }

    public PlanPoint getPoint() {
        return point;
    }

    public PlanPoint getTargetPoint() {
        return targetPoint;
    }

    public float getSimilarity() {
        return similarity;
    }

    public String getConfirmedBy() {
        return confirmedBy;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }
}
