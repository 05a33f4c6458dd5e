package cn.duban.ledger.escalation;

import cn.duban.platform.Versioned;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;

/** A tenant's saved escalation ladder; none saved means {@link LadderRules#DEFAULT}. */
@Entity
@Table(name = "ladder_settings")
public class LadderSettings implements Versioned {

    @Id
    @Column(name = "tenant_id")
    private String tenantId;

    @Convert(converter = LadderRulesColumn.class)
    @ColumnTransformer(write = "?::jsonb")
    @Column(name = "rules", nullable = false)
    private LadderRules rules;

    @Column(name = "saved_by", nullable = false)
    private String savedBy;

    @Column(name = "saved_at", nullable = false)
    private Instant savedAt;

    @Version private int version;

    protected LadderSettings() {}

    LadderSettings(String tenantId) {
        this.tenantId = tenantId;
    }

    void save(LadderRules rules, String by, Instant at) {
        this.rules = rules;
        this.savedBy = by;
        this.savedAt = at;
    }

    public LadderRules getRules() {
        return rules;
    }

    public String getSavedBy() {
        return savedBy;
    }

    public Instant getSavedAt() {
        return savedAt;
    }

    @Override
    public int getVersion() {
        return version;
    }
}
