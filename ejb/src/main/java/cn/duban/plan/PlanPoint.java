package cn.duban.plan;

import cn.duban.plan.parse.DeadlineKind;
import cn.duban.plan.parse.UnitRole;
import cn.duban.platform.TenantOwned;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * A work point (工作要点) of a plan: numbered, possibly nested under another point, with its
 * responsible units, deadline rule and milestones. Points are stored flat in document order ({@code
 * position}); the tree is rebuilt from {@code parent}.
 */
@Entity
@Table(name = "plan_point")
public class PlanPoint extends TenantOwned {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id", nullable = false, updatable = false)
    private Plan plan;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "section_id", nullable = false)
    private PlanSection section;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private PlanPoint parent;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private int depth;

    @Column(nullable = false)
    private String number;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String text;

    @Column(name = "deadline_text")
    private String deadlineText;

    @Column(name = "deadline_date", nullable = false)
    private LocalDate deadlineDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "deadline_kind", nullable = false)
    private DeadlineKind deadlineKind;

    @Column(name = "deadline_frequency")
    private String deadlineFrequency;

    /** JSON array of {text, date}: few, always read with the point, never queried. */
    @ColumnTransformer(write = "?::jsonb")
    @Column(nullable = false, columnDefinition = "jsonb")
    private String milestones = "[]";

    /** The people of a 责任领导 column, a JSON array of names. */
    @ColumnTransformer(write = "?::jsonb")
    @Column(nullable = false, columnDefinition = "jsonb")
    private String leaders = "[]";

    /** A matter's reference (文号 / 批示人 / 会议名称 / 工单号); none for a plan's points. */
    @Enumerated(EnumType.STRING)
    @Column(name = "reference_kind")
    private ReferenceKind referenceKind;

    @Column(name = "reference")
    private String reference;

    @OneToMany(mappedBy = "point", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<PointUnit> units = new ArrayList<>();

    protected PlanPoint() {}

    PlanPoint(
            Plan plan,
            PlanSection section,
            PlanPoint parent,
            int position,
            String number,
            String title,
            String text) {
        this.id = UUID.randomUUID();
        this.plan = plan;
        this.section = section;
        this.parent = parent;
        this.depth = parent == null ? 0 : parent.depth + 1;
        this.position = position;
        this.number = number;
        this.title = title;
        this.text = text;
    }

    void setDeadline(String text, LocalDate date, DeadlineKind kind, String frequency) {
        this.deadlineText = text;
        this.deadlineDate = date;
        this.deadlineKind = kind;
        this.deadlineFrequency = frequency;
    }

    /** A town's draft point edited by its 单位管理员 ({@link PlanCascade#edit}). */
    void setTitle(String title) {
        this.title = title;
    }

    void setText(String text) {
        this.text = text;
    }

    void clearUnits() {
        units.clear();
    }

    void setMilestonesJson(String json) {
        this.milestones = json;
    }

    void setLeadersJson(String json) {
        this.leaders = json;
    }

    public String getLeadersJson() {
        return leaders;
    }

    PointUnit addUnit(String name, boolean collective, UUID unitId, UnitRole role) {
        PointUnit unit = new PointUnit(this, units.size(), name, collective, unitId, role);
        units.add(unit);
        return unit;
    }

    void setReference(ReferenceKind kind, String reference) {
        this.referenceKind = kind;
        this.reference = reference;
    }

    /** The point's source (its plan's) with its reference. */
    public SourceReference getSourceReference() {
        return new SourceReference(
                plan == null ? TaskSource.PLAN : plan.getSource(), referenceKind, reference);
    }

    public Plan getPlan() {
        return plan;
    }

    public PlanSection getSection() {
        return section;
    }

    public PlanPoint getParent() {
        return parent;
    }

    public int getPosition() {
        return position;
    }

    public int getDepth() {
        return depth;
    }

    public String getNumber() {
        return number;
    }

    public String getTitle() {
        return title;
    }

    public String getText() {
        return text;
    }

    public String getDeadlineText() {
        return deadlineText;
    }

    public LocalDate getDeadlineDate() {
        return deadlineDate;
    }

    public DeadlineKind getDeadlineKind() {
        return deadlineKind;
    }

    public String getDeadlineFrequency() {
        return deadlineFrequency;
    }

    public String getMilestonesJson() {
        return milestones;
    }

    public List<PointUnit> getUnits() {
        return units;
    }
}
