package cn.duban.circular;

import cn.duban.platform.AppClock;
import cn.duban.platform.TenantOwned;
import cn.duban.platform.Versioned;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A circular (工作通报) of a period: a draft the office edits, then issued under a document number with
 * its data and PDF frozen (the database refuses any later change).
 */
@Entity
@Table(name = "circular")
public class Circular extends TenantOwned implements Versioned {

    public enum State {
        DRAFT,
        ISSUED
    }

    private int year;

    @Column(name = "period_key")
    private String periodKey;

    @Enumerated(EnumType.STRING)
    private State state = State.DRAFT;

    @Column(name = "issuing_office")
    private String issuingOffice;

    @Column(name = "doc_prefix")
    private String docPrefix;

    private Integer seq;

    /**
     * The year of the 文号 (the year of issue); null on numbers issued before it was kept, which used
     * {@link #year}.
     */
    @Column(name = "number_year")
    private Integer numberYear;

    @Column(name = "doc_number")
    private String docNumber;

    private String title;
    private String recipients;

    @Column(name = "praise_reason")
    private String praiseReason;

    @Column(name = "next_steps")
    private String nextSteps;

    private String content;

    @Basic(fetch = FetchType.LAZY)
    private byte[] pdf;

    private String sha256;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "issued_by")
    private String issuedBy;

    @Column(name = "issued_at")
    private Instant issuedAt;

    /** Who issues it (the 文号's issuer): null for the district office, or a town (V40). */
    @Column(name = "supervisor_unit_id")
    private UUID supervisorUnitId;

    @Version private int version;

    protected Circular() {}

    Circular(
            int year,
            String periodKey,
            CircularEdit fields,
            UUID supervisorUnitId,
            String createdBy) {
        this.id = UUID.randomUUID();
        this.supervisorUnitId = supervisorUnitId;
        this.year = year;
        this.periodKey = periodKey;
        edit(fields);
        this.createdBy = createdBy;
        this.createdAt = AppClock.now();
    }

    void edit(CircularEdit f) {
        this.issuingOffice = f.issuingOffice();
        this.docPrefix = f.docPrefix();
        this.title = f.title();
        this.recipients = f.recipients();
        this.praiseReason = f.praiseReason();
        this.nextSteps = f.nextSteps();
    }

    void issue(
            int numberYear,
            int seq,
            String docNumber,
            String content,
            byte[] pdf,
            String sha256,
            String by) {
        this.numberYear = numberYear;
        this.seq = seq;
        this.docNumber = docNumber;
        this.content = content;
        this.pdf = pdf;
        this.sha256 = sha256;
        this.issuedBy = by;
        this.issuedAt = AppClock.now();
        this.state = State.ISSUED;
    }

    CircularEdit fields() {
        return new CircularEdit(
                issuingOffice, docPrefix, title, recipients, praiseReason, nextSteps);
    }

    public UUID getSupervisorUnitId() {
        return supervisorUnitId;
    }

    public int getYear() {
        return year;
    }

    public String getPeriodKey() {
        return periodKey;
    }

    public State getState() {
        return state;
    }

    public String getIssuingOffice() {
        return issuingOffice;
    }

    public String getDocPrefix() {
        return docPrefix;
    }

    public Integer getSeq() {
        return seq;
    }

    public String getDocNumber() {
        return docNumber;
    }

    public String getTitle() {
        return title;
    }

    public String getRecipients() {
        return recipients;
    }

    public String getPraiseReason() {
        return praiseReason;
    }

    public String getNextSteps() {
        return nextSteps;
    }

    public String getContent() {
        return content;
    }

    public byte[] getPdf() {
        return pdf;
    }

    public String getSha256() {
        return sha256;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getIssuedBy() {
        return issuedBy;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public int getVersion() {
        return version;
    }
}
