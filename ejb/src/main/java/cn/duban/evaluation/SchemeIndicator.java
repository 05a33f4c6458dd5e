package cn.duban.evaluation;

import cn.duban.platform.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A scheme's indicator (考核指标) as stored: what it covers is a plan, a section or a point (with its
 * sub-points).
 */
@Entity
@Immutable
@Table(name = "evaluation_indicator")
public class SchemeIndicator extends TenantOwned {

    public enum Target {
        PLAN,
        SECTION,
        POINT
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "scheme_id")
    private Scheme scheme;

    private int position;
    private String name;
    private BigDecimal points;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_kind")
    private Target targetKind;

    @Column(name = "target_id")
    private UUID targetId;

    protected SchemeIndicator() {}

    SchemeIndicator(
            Scheme scheme,
            int position,
            String name,
            BigDecimal points,
            Target targetKind,
            UUID targetId) {
        this.id = UUID.randomUUID();
        this.scheme = scheme;
        this.position = position;
        this.name = name;
        this.points = points;
        this.targetKind = targetKind;
        this.targetId = targetId;
    }

    public int getPosition() {
        return position;
    }

    public String getName() {
        return name;
    }

    public BigDecimal getPoints() {
        return points;
    }

    public Target getTargetKind() {
        return targetKind;
    }

    public UUID getTargetId() {
        return targetId;
    }
}
