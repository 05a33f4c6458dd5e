package cn.duban.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.TenantId;

/** An account its district has disabled: its tokens are refused even while they are still valid. */
@Entity
@Table(name = "disabled_account")
public class DisabledAccount {

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    /** Keycloak's user id: the {@code sub} claim of the user's tokens. */
    @Id
    @Column(name = "user_id")
    private String userId;

    @Column(nullable = false)
    private String username;

    @Column(name = "disabled_by", nullable = false)
    private String disabledBy;

    @Column(name = "disabled_at", nullable = false)
    private Instant disabledAt;

    protected DisabledAccount() {}

    public DisabledAccount(String userId, String username, String disabledBy) {
        this.userId = userId;
        this.username = username;
        this.disabledBy = disabledBy;
        this.disabledAt = Instant.now();
    }

    public String getTenantId() {
        return tenantId;
    }

    public String getUserId() {
        return userId;
    }

    public String getUsername() {
        return username;
    }

    public String getDisabledBy() {
        return disabledBy;
    }

    public Instant getDisabledAt() {
        return disabledAt;
    }
}
