package cn.duban.platform;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The {@code Idempotency-Key} header, for every request that creates something: the first request
 * with a key claims it for what it created; a retry with the same key gets the first result back
 * and whatever the retry did is rolled back. Keys are per tenant and per user, and per kind of
 * request ({@code scope}).
 */
@Stateless
public class IdempotencyKeys {

    public static final int MAX_LENGTH = 100;

    @PersistenceContext EntityManager em;

    @Resource SessionContext context;

    /**
     * Claims {@code key} for {@code resultId} in the caller's transaction. Empty when the key is
     * new; else the first request's result, read by {@code readBack} from its id before the current
     * transaction is marked for rollback (nothing can be read after that). 400 {@code
     * idempotency.key-invalid} for a blank or too long key, 409 {@code idempotency.key-reused} when
     * another user or another kind of request used it.
     */
    public <T> Optional<T> claim(
            String scope, String key, UUID resultId, Function<UUID, T> readBack) {
        // The calling service has checked the roles; a key needs only someone of a tenant.
        Caller caller = Caller.current().orElseThrow(DubanException::unauthorized);
        if (key.isBlank() || key.length() > MAX_LENGTH) {
            throw DubanException.badRequest(
                    "idempotency.key-invalid", "Idempotency-Key 应为1到100个字符。");
        }
        int stored =
                em.createNativeQuery(
                                "insert into idempotency_key (tenant_id, key, username, scope, result_id) "
                                        + "values (current_setting('app.tenant_id'), ?1, ?2, ?3, ?4) "
                                        + "on conflict do nothing")
                        .setParameter(1, key)
                        .setParameter(2, caller.username())
                        .setParameter(3, scope)
                        .setParameter(4, resultId)
                        .executeUpdate();
        if (stored == 1) return Optional.empty();
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "select result_id, username, scope from idempotency_key where key = ?1")
                        .setParameter(1, key)
                        .getResultList();
        Object[] row = rows.isEmpty() ? new Object[3] : rows.get(0);
        if (!caller.username().equals(row[1]) || !scope.equals(row[2])) {
            throw DubanException.conflict(
                    "idempotency.key-reused", "Idempotency-Key 已被其他用户或其他请求使用。");
        }
        T earlier = readBack.apply((UUID) row[0]);
        context.setRollbackOnly(); // whatever this request did so far is not kept
        return Optional.of(earlier);
    }
}
