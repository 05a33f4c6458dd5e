package cn.duban.plan;

import cn.duban.plan.parse.PlanLevel;
import cn.duban.platform.AppClock;
import cn.duban.platform.TenantOwned;
import cn.duban.platform.Versioned;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A plan template of one year: an imported work-point document and its structure. */
@Entity
@Table(name = "plan")
public class Plan extends TenantOwned implements Versioned {

    @Column(nullable = false)
    private String title;

    private String issuer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PlanLevel level;

    @Column(nullable = false)
    private int year;

    @Column(name = "doc_number")
    private String docNumber;

    @Column(name = "issued_on")
    private LocalDate issuedOn;

    @Column(name = "owner_unit_id")
    private UUID ownerUnitId;

    /** Who supervises the plan's tasks: null for the district office, else the town (issue 21). */
    @Column(name = "supervisor_unit_id", updatable = false)
    private UUID supervisorUnitId;

    @Column(name = "source_name")
    private String sourceName;

    /** The document's text exactly as received, kept for the record. */
    @Column(name = "source_text", nullable = false, updatable = false)
    private String sourceText;

    @Column(name = "source_sha256", nullable = false, updatable = false)
    private String sourceSha256;

    @Column(name = "derived_from", updatable = false)
    private UUID derivedFrom;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    /** Where the plan's points come from: an imported document, or the matters of one source. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private TaskSource source = TaskSource.PLAN;

    @Version private int version;

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<PlanSection> sections = new ArrayList<>();

    protected Plan() {}

    Plan(
            String sourceText,
            String sourceSha256,
            String sourceName,
            UUID derivedFrom,
            String createdBy) {
        this.id = UUID.randomUUID();
        this.sourceText = sourceText;
        this.sourceSha256 = sourceSha256;
        this.sourceName = sourceName;
        this.derivedFrom = derivedFrom;
        this.createdBy = createdBy;
        this.createdAt = AppClock.now();
    }

    PlanSection addSection(String number, String title) {
        PlanSection section = new PlanSection(this, sections.size(), number, title);
        sections.add(section);
        return section;
    }

    public String getTitle() {
        return title;
    }

    void setTitle(String title) {
        this.title = title;
    }

    public String getIssuer() {
        return issuer;
    }

    void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public PlanLevel getLevel() {
        return level;
    }

    void setLevel(PlanLevel level) {
        this.level = level;
    }

    public int getYear() {
        return year;
    }

    void setYear(int year) {
        this.year = year;
    }

    public String getDocNumber() {
        return docNumber;
    }

    void setDocNumber(String docNumber) {
        this.docNumber = docNumber;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    void setIssuedOn(LocalDate issuedOn) {
        this.issuedOn = issuedOn;
    }

    public UUID getOwnerUnitId() {
        return ownerUnitId;
    }

    void setOwnerUnitId(UUID ownerUnitId) {
        this.ownerUnitId = ownerUnitId;
    }

    public UUID getSupervisorUnitId() {
        return supervisorUnitId;
    }

    void setSupervisorUnitId(UUID supervisorUnitId) {
        this.supervisorUnitId = supervisorUnitId;
    }

    public String getSourceName() {
        return sourceName;
    }

    public String getSourceText() {
        return sourceText;
    }

    public String getSourceSha256() {
        return sourceSha256;
    }

    public UUID getDerivedFrom() {
        return derivedFrom;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public TaskSource getSource() {
        return source;
    }

    void setSource(TaskSource source) {
        this.source = source;
    }

    public int getVersion() {
        return version;
    }

    public List<PlanSection> getSections() {
        return sections;
    }
}
