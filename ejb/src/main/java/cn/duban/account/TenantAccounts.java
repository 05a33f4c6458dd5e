package cn.duban.account;

import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitService;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * What the account services share about the caller's tenant's accounts in Keycloak: loading one
 * (404 for anything not the caller's tenant's), its view with unit name and roles, the tenant's
 * units by code, and Keycloak calls run {@value #PARALLEL} at a time. A dependent bean of the
 * service that injects it, called after the service's role check.
 */
@Dependent
class TenantAccounts {

    /** Keycloak calls an import runs at once. */
    static final int PARALLEL = 4;

    @Inject KeycloakDirectory directory;

    @EJB UnitService units;

    @Resource ManagedExecutorService executor;

    /** The realm roles of each user (one Keycloak call per user, {@value #PARALLEL} at a time). */
    @SuppressWarnings("unchecked")
    List<Set<String>> rolesOf(List<DirectoryUser> users) {
        List<Object> found = inParallel(users, u -> directory.realmRoles(u.id()));
        for (Object o : found) if (o instanceof RuntimeException e) throw e;
        return found.stream().map(o -> (Set<String>) o).toList();
    }

    /**
     * Runs the work for every item, {@value #PARALLEL} at a time on the container's threads
     * (Keycloak spends most of a user's creation hashing its password, and has more than one core);
     * each result is the value or the failure, in the items' order.
     */
    <T, R> List<Object> inParallel(List<T> items, java.util.function.Function<T, R> work) {
        List<Object> out = new ArrayList<>(items.size());
        for (int from = 0; from < items.size(); from += PARALLEL) {
            List<Future<R>> batch = new ArrayList<>();
            for (T item : items.subList(from, Math.min(items.size(), from + PARALLEL))) {
                batch.add(executor.submit(() -> work.apply(item)));
            }
            for (Future<R> f : batch) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    out.add(
                            e.getCause() instanceof RuntimeException r
                                    ? r
                                    : new IllegalStateException(e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    out.add(new IllegalStateException(e));
                }
            }
        }
        return out;
    }

    /**
     * A user of the caller's tenant with its roles, or 404 for anything else (other tenant,
     * operator, no such id).
     */
    record Managed(DirectoryUser user, Set<String> roles, String provincialId) {}

    Managed load(String id) {
        Caller caller = Caller.requireTenant(Role.DISTRICT_ADMIN);
        DubanException notFound = DubanException.notFound("account.not-found", "账号不存在。");
        if (id == null || uuidOrNull(id) == null) throw notFound;
        DirectoryUser user = directory.find(id).orElseThrow(() -> notFound);
        if (!caller.tenantId().equals(user.tenant())) throw notFound;
        Set<String> roles = directory.realmRoles(user.id());
        if (roles.contains(Role.PLATFORM_ADMIN)) throw notFound;
        return new Managed(user, roles, directory.provincialId(user.id()).orElse(null));
    }

    Map<String, Unit> unitsByCode() {
        Map<String, Unit> out = new HashMap<>();
        for (Unit u : units.list()) out.put(u.getCode(), u);
        return out;
    }

    Account view(Managed m, Map<String, Unit> unitsByCode) {
        return view(m.user(), m.roles(), unitsByCode, m.provincialId());
    }

    static Account view(
            DirectoryUser u,
            Set<String> roles,
            Map<String, Unit> unitsByCode,
            String provincialId) {
        Unit unit = u.unit() == null ? null : unitsByCode.get(u.unit());
        return new Account(
                u.id(),
                u.username(),
                u.name(),
                u.phone(),
                u.email(),
                u.unit(),
                unit == null ? null : unit.getName(),
                Role.TENANT_ROLES.stream().filter(roles::contains).toList(),
                u.enabled(),
                u.createdAt(),
                u.requiredActions(),
                provincialId);
    }

    static UUID uuid(String id) {
        return uuidOrNull(id);
    }

    private static UUID uuidOrNull(String id) {
        try {
            UUID u = UUID.fromString(id);
            // UUID.fromString accepts short forms such as "1-1-1-1-1"; Keycloak's ids are
            // canonical.
            return u.toString().equals(id.toLowerCase(Locale.ROOT)) ? u : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
