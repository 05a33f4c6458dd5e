package cn.duban.account;

import cn.duban.platform.Caller;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which accounts of a tenant are disabled, as the request filter asks on every call. The answer
 * comes from the {@code disabled_account} table, cached per tenant for {@link #TTL_NANOS}: one
 * query per tenant and server every few seconds, not one per request. A change made on this server
 * drops its tenant's entry at once; other servers see it when their entry expires, so a disabled
 * user is refused everywhere within {@code TTL} (10 s) of the commit.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DisabledAccounts {

    static final long TTL_NANOS = 10_000_000_000L;
    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(DisabledAccounts.class.getName());

    /** Why a caller is turned away, if at all. */
    public enum Refusal {
        NONE,
        /** The account was disabled by its district. */
        ACCOUNT_DISABLED,
        /** The whole tenant is suspended by the platform operator. */
        TENANT_SUSPENDED
    }

    private record Entry(
            Set<String> userIds, Set<String> usernames, boolean suspended, long loadedAt) {}

    // Static so the transaction's completion callback can reach it without an EJB call.
    private static final Map<String, Entry> CACHE = new ConcurrentHashMap<>();

    @EJB DisabledAccountStore store;

    /**
     * True if the user with that id (the token's {@code sub}) or login name is disabled in that
     * tenant; the name too, for a token that might come without a subject. Runs outside any
     * transaction unless the cached entry has expired; then the current caller must be of that
     * tenant, as the row-level security of the query demands.
     */
    public boolean isDisabled(String tenantId, String userId, String username) {
        return refusal(tenantId, userId, username) != Refusal.NONE;
    }

    /**
     * Whether a caller of that tenant is refused, and why: its tenant is suspended (checked first,
     * it holds for everybody of the tenant) or its account is disabled. Same cache, same TTL as
     * {@link #isDisabled}: a suspension is seen everywhere within 10 s too.
     */
    public Refusal refusal(String tenantId, String userId, String username) {
        if (tenantId == null) return Refusal.NONE;
        long now = System.nanoTime();
        Entry entry = CACHE.get(tenantId);
        if (entry == null || now - entry.loadedAt() > TTL_NANOS) {
            if (!tenantId.equals(Caller.currentTenant().orElse(null))) {
                throw new IllegalStateException(
                        "disabled accounts of " + tenantId + " read outside that tenant");
            }
            try {
                Set<String> ids = new java.util.HashSet<>(), names = new java.util.HashSet<>();
                for (Object[] row : store.rows()) {
                    ids.add((String) row[0]);
                    names.add((String) row[1]);
                }
                entry = new Entry(ids, names, store.tenantSuspended(), now);
                CACHE.put(tenantId, entry);
            } catch (RuntimeException e) {
                // The database is unreachable: keep the last known list (the request itself will
                // then
                // answer 503 wherever it needs the database) and try again on the next request.
                LOG.warning("Disabled accounts of " + tenantId + " not reloaded: " + e);
                if (entry == null) return Refusal.NONE;
            }
        }
        if (entry.suspended()) return Refusal.TENANT_SUSPENDED;
        return (userId != null && entry.userIds().contains(userId))
                        || (username != null && entry.usernames().contains(username))
                ? Refusal.ACCOUNT_DISABLED
                : Refusal.NONE;
    }

    /** Forgets a tenant's entry, after this server changed who is disabled there. */
    public static void forget(String tenantId) {
        CACHE.remove(tenantId);
    }
}
