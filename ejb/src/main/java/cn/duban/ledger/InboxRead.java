package cn.duban.ledger;

import cn.duban.platform.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A read receipt (已读): one person opened one message, once; the name is theirs at the time. Written
 * by {@link InboxService#open} (an insert that tolerates a second tab), never changed.
 */
@Entity
@Immutable
@Table(name = "inbox_read")
public class InboxRead extends TenantOwned {

    @Column(name = "message_id", nullable = false)
    private UUID messageId;

    @Column(nullable = false)
    private String username;

    @Column(nullable = false)
    private String name;

    @Column(name = "read_at", nullable = false)
    private Instant readAt;

    protected InboxRead() {}

    public UUID getMessageId() {
        return messageId;
    }

    public String getUsername() {
        return username;
    }

    public String getName() {
        return name;
    }

    public Instant getReadAt() {
        return readAt;
    }
}
