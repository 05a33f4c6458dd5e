package cn.duban.evaluation;

import cn.duban.platform.AppClock;
import cn.duban.platform.TenantOwned;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

/**
 * An evaluation scheme (考核方案) of a year, as one version. Schemes are never edited in place: saving
 * adds the next version, so every published score names the rules it used.
 */
@Entity
@Immutable
@Table(name = "evaluation_scheme")
public class Scheme extends TenantOwned {

    private int year;
    private int version;
    private String name;

    @Enumerated(EnumType.STRING)
    private SchemeType type;

    /** The plan's share of the annual assessment, in percent (e.g. 5). */
    @Column(name = "plan_weight")
    private BigDecimal planWeight;

    /** Every rule in one jsonb value: a new rule needs no column (see {@link ScoringRules}). */
    @Convert(converter = ScoringRulesColumn.class)
    @ColumnTransformer(write = "?::jsonb")
    @Column(name = "rules", nullable = false)
    private ScoringRules rules;

    private String note;

    /** The supervising unit whose 下级单位 it scores: null for the district office, or a town. */
    @Column(name = "supervisor_unit_id")
    private UUID supervisorUnitId;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @OneToMany(mappedBy = "scheme", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    private List<SchemeIndicator> indicators = new ArrayList<>();

    protected Scheme() {}

    Scheme(
            int year,
            int version,
            String name,
            BigDecimal planWeight,
            ScoringRules rules,
            String note,
            UUID supervisorUnitId,
            String createdBy) {
        this.id = UUID.randomUUID();
        this.supervisorUnitId = supervisorUnitId;
        this.year = year;
        this.version = version;
        this.name = name;
        this.planWeight = planWeight;
        this.type = rules.type();
        this.rules = rules;
        this.note = note;
        this.createdBy = createdBy;
        this.createdAt = AppClock.now();
    }

    void add(SchemeIndicator indicator) {
        indicators.add(indicator);
    }

    public ScoringRules rules() {
        return rules;
    }

    public int getYear() {
        return year;
    }

    public int getVersion() {
        return version;
    }

    public String getName() {
        return name;
    }

    public SchemeType getType() {
        return type;
    }

    public BigDecimal getPlanWeight() {
        return planWeight;
    }

    public UUID getSupervisorUnitId() {
        return supervisorUnitId;
    }

    public String getNote() {
        return note;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<SchemeIndicator> getIndicators() {
        return indicators;
    }
}
