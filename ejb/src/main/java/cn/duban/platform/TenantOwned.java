package cn.duban.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * A row of one tenant with an application-generated UUID: the primary key {@code (tenant_id, id)}
 * of docs/ARCHITECTURE.md's schema rules. Hibernate fills {@code tenant_id} from the caller on
 * insert and adds {@code tenant_id = ?} to every query ({@link TenantIdentifierResolver}); the
 * database's row-level security is the second wall. Subclasses set {@link #id} in their creating
 * constructor ({@code UUID.randomUUID()}, or a given id), never in the no-argument one Hibernate
 * uses to load rows. Rows keyed by the tenant itself (ReminderSettings) or by something else (a
 * sequence, a user id, a composite key) carry their own {@code @TenantId} field instead.
 */
@MappedSuperclass
public abstract class TenantOwned {

    @Id protected UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    public UUID getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }
}
