package cn.duban.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A district office using Duban; its id is the short code carried in users' tokens. */
@Entity
@Table(name = "tenant")
public class Tenant {

    @Id private String id;

    @Column(nullable = false)
    private String name;

    /** A district (区, the default) or a city (市) above districts. */
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    private TenantKind kind = TenantKind.DISTRICT;

    @Column(name = "time_zone", nullable = false)
    private String timeZone = "Asia/Shanghai";

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private Instant createdAt;

    /** Set while the operator has suspended the tenant (停用): nobody of it may work. */
    @Column(name = "suspended_at")
    private Instant suspendedAt;

    @Column(name = "suspended_by")
    private String suspendedBy;

    protected Tenant() {}

    public Tenant(String id, String name) {
        this.id = id;
        this.name = name;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public TenantKind getKind() {
        return kind;
    }

    public void setKind(TenantKind kind) {
        this.kind = kind == null ? TenantKind.DISTRICT : kind;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSuspendedAt() {
        return suspendedAt;
    }

    public String getSuspendedBy() {
        return suspendedBy;
    }

    public boolean isSuspended() {
        return suspendedAt != null;
    }

    /** Suspends (a time and the operator) or resumes (both null) the tenant. */
    public void setSuspension(Instant at, String by) {
        this.suspendedAt = at;
        this.suspendedBy = by;
    }
}
