package cn.duban.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

/** One entry of the audit trail, read-only: entries are written by {@link AuditService} alone. */
@Entity
@Immutable
@Table(name = "audit_log")
public class AuditEntry {

    // The key is (tenant_id, seq); a session only ever sees one tenant, so seq identifies an entry
    // there.
    @TenantId
    @Column(name = "tenant_id")
    private String tenantId;

    @Id private long seq;

    private Instant at;
    private String actor;
    private String action;

    @Column(name = "entity_type")
    private String entityType;

    @Column(name = "entity_id")
    private UUID entityId;

    private String detail;

    @Column(name = "prev_hash")
    private String prevHash;

    /** The MAC of keyed entries, the plain SHA-256 of legacy ones. */
    private String hash;

    /** {@link AuditAlgorithm#label()}: SHA-256 (legacy), HMAC-SHA256 or HMAC-SM3. */
    private String alg;

    /** {@link AuditKeys#idOf}: which key wrote the MAC; null for legacy entries. */
    @Column(name = "key_id")
    private String keyId;

    protected AuditEntry() {}

    public AuditChain.Entry chained() {
        return new AuditChain.Entry(
                seq, at, actor, action, entityType, entityId, detail, prevHash, hash, alg, keyId);
    }

    public long getSeq() {
        return seq;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getEntityType() {
        return entityType;
    }

    public UUID getEntityId() {
        return entityId;
    }

    public String getDetail() {
        return detail;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public String getHash() {
        return hash;
    }

    public String getAlg() {
        return alg;
    }

    public String getKeyId() {
        return keyId;
    }
}
