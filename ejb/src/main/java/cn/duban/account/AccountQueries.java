package cn.duban.account;

import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.tenant.Unit;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reading a district's accounts (role {@code district-admin}): the tenant's accounts filtered and
 * paged, their count, and one account. The tenant is the caller's, from the token; an account of
 * another tenant (or the platform operator's) answers 404 like one that does not exist.
 */
@Stateless
public class AccountQueries {

    public static final int MAX_LIMIT = 200;

    @Inject KeycloakDirectory directory;

    @Inject TenantAccounts accounts;

    public record Page(int total, List<Account> items) {}

    /**
     * The tenant's accounts, filtered by {@code q} (login name, name, phone, e-mail, unit), by
     * login name.
     */
    public Page list(String q, int offset, int limit) {
        Caller caller = Caller.requireTenant(Role.DISTRICT_ADMIN);
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw DubanException.badRequest(
                    "request.paging", "offset 不能为负，limit 应在1至" + MAX_LIMIT + "之间。");
        }
        Map<String, Unit> unitsByCode = accounts.unitsByCode();
        String needle = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        List<DirectoryUser> all =
                directory.usersOfTenant(caller.tenantId()).stream()
                        .filter(u -> needle == null || matches(u, unitsByCode, needle))
                        .sorted(Comparator.comparing(DirectoryUser::username))
                        .toList();
        List<DirectoryUser> page =
                all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit));
        List<Set<String>> roles = accounts.rolesOf(page);
        List<Object> links = accounts.inParallel(page, u -> directory.provincialId(u.id()));
        List<Account> items = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            if (links.get(i) instanceof RuntimeException e) throw e;
            // The operator is never a district's to manage, whatever attributes someone gave it.
            if (!roles.get(i).contains(Role.PLATFORM_ADMIN))
                items.add(
                        TenantAccounts.view(
                                page.get(i),
                                roles.get(i),
                                unitsByCode,
                                ((Optional<?>) links.get(i)).map(String::valueOf).orElse(null)));
        }
        return new Page(all.size(), items);
    }

    /** How many accounts {@link #list} would page through for {@code q}: one look-up, no roles. */
    public int count(String q) {
        Caller caller = Caller.requireTenant(Role.DISTRICT_ADMIN);
        Map<String, Unit> unitsByCode = accounts.unitsByCode();
        String needle = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        return (int)
                directory.usersOfTenant(caller.tenantId()).stream()
                        .filter(u -> needle == null || matches(u, unitsByCode, needle))
                        .count();
    }

    public Account get(String id) {
        Caller.requireTenant(Role.DISTRICT_ADMIN);
        return accounts.view(accounts.load(id), accounts.unitsByCode());
    }

    private static boolean matches(DirectoryUser u, Map<String, Unit> unitsByCode, String needle) {
        Unit unit = u.unit() == null ? null : unitsByCode.get(u.unit());
        for (String s :
                new String[] {
                    u.username(),
                    u.name(),
                    u.email(),
                    u.phone(),
                    u.unit(),
                    unit == null ? null : unit.getName()
                }) {
            if (s != null && s.toLowerCase(Locale.ROOT).contains(needle)) return true;
        }
        return false;
    }
}
