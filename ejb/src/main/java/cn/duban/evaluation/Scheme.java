package cn.duban.evaluation;

import cn.duban.ledger.Rating;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

/**
 * An evaluation scheme (考核方案) of a year, as one version. Schemes are never edited in place: saving
 * adds the next version, so every published score names the rules it used.
 */
@Entity
@Immutable
@Table(name = "evaluation_scheme")
public class Scheme {

    @Id private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    private int year;
    private int version;
    private String name;

    @Enumerated(EnumType.STRING)
    private SchemeType type;

    /** The plan's share of the annual assessment, in percent (e.g. 5). */
    @Column(name = "plan_weight")
    private BigDecimal planWeight;

    @Column(name = "late_deduction_percent")
    private BigDecimal lateDeductionPercent;

    @Enumerated(EnumType.STRING)
    @Column(name = "late_unit")
    private ScoringRules.LateUnit lateUnit;

    @Column(name = "late_cap_percent")
    private BigDecimal lateCapPercent;

    @Column(name = "partial_credit")
    private boolean partialCredit;

    @Column(name = "partial_rate")
    private BigDecimal partialRate;

    @Column(name = "quality_excellent")
    private BigDecimal qualityExcellent;

    @Column(name = "quality_good")
    private BigDecimal qualityGood;

    @Column(name = "quality_fair")
    private BigDecimal qualityFair;

    @Column(name = "quality_poor")
    private BigDecimal qualityPoor;

    @Column(name = "per_overdue_task")
    private BigDecimal perOverdueTask;

    @Column(name = "per_late_task")
    private BigDecimal perLateTask;

    @Column(name = "per_missed_report")
    private BigDecimal perMissedReport;

    @Column(name = "per_return")
    private BigDecimal perReturn;

    @Column(name = "bonus_cap")
    private BigDecimal bonusCap;

    @Column(name = "deduction_cap")
    private BigDecimal deductionCap;

    private String note;

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
            String createdBy) {
        this.id = UUID.randomUUID();
        this.year = year;
        this.version = version;
        this.name = name;
        this.planWeight = planWeight;
        this.type = rules.type();
        this.lateDeductionPercent = rules.lateDeductionPercent();
        this.lateUnit = rules.lateUnit();
        this.lateCapPercent = rules.lateCapPercent();
        this.partialCredit = rules.partialCredit();
        this.partialRate = rules.partialRate();
        this.qualityExcellent = rules.quality().get(Rating.EXCELLENT);
        this.qualityGood = rules.quality().get(Rating.GOOD);
        this.qualityFair = rules.quality().get(Rating.FAIR);
        this.qualityPoor = rules.quality().get(Rating.POOR);
        this.perOverdueTask = rules.perOverdueTask();
        this.perLateTask = rules.perLateTask();
        this.perMissedReport = rules.perMissedReport();
        this.perReturn = rules.perReturn();
        this.bonusCap = rules.bonusCap();
        this.deductionCap = rules.deductionCap();
        this.note = note;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    void add(SchemeIndicator indicator) {
        indicators.add(indicator);
    }

    public ScoringRules rules() {
        Map<Rating, BigDecimal> quality = new EnumMap<>(Rating.class);
        if (qualityExcellent != null) quality.put(Rating.EXCELLENT, qualityExcellent);
        if (qualityGood != null) quality.put(Rating.GOOD, qualityGood);
        if (qualityFair != null) quality.put(Rating.FAIR, qualityFair);
        if (qualityPoor != null) quality.put(Rating.POOR, qualityPoor);
        return new ScoringRules(
                type,
                lateDeductionPercent,
                lateUnit,
                lateCapPercent,
                partialCredit,
                partialRate,
                quality,
                perOverdueTask,
                perLateTask,
                perMissedReport,
                perReturn,
                bonusCap,
                deductionCap);
    }

    public UUID getId() {
        return id;
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
