package cn.duban.ledger.colour;

import cn.duban.platform.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

/** One saved version of a tenant's colour rules; the newest applies, none is ever changed. */
@Entity
@Immutable
@Table(name = "colour_rules")
public class ColourRuleVersion extends TenantOwned {

    private int version;

    @Convert(converter = ColourRulesColumn.class)
    @ColumnTransformer(write = "?::jsonb")
    @Column(name = "rules", nullable = false)
    private ColourRules rules;

    private String note;

    @Column(name = "saved_by")
    private String savedBy;

    @Column(name = "saved_at")
    private Instant savedAt;

    protected ColourRuleVersion() {}

    ColourRuleVersion(
            int version, ColourRules rules, String note, String savedBy, Instant savedAt) {
        this.id = UUID.randomUUID();
        this.version = version;
        this.rules = rules;
        this.note = note;
        this.savedBy = savedBy;
        this.savedAt = savedAt;
    }

    public int getVersion() {
        return version;
    }

    public ColourRules getRules() {
        return rules;
    }

    public String getNote() {
        return note;
    }

    public String getSavedBy() {
        return savedBy;
    }

    public Instant getSavedAt() {
        return savedAt;
    }
}
