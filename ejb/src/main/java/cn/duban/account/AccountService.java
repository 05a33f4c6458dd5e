package cn.duban.account;

import cn.duban.audit.AuditService;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.platform.SheetRows;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitService;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * A district office runs its own people (role {@code district-admin}): lists, creates, edits,
 * disables, re-enables and resets the accounts of its tenant, and imports or exports them as a
 * sheet. The tenant of every account is the caller's, from the token, never from input; an account
 * of another tenant (or the platform operator's) answers 404 like one that does not exist. Keycloak
 * holds the accounts ({@link KeycloakDirectory}); Duban keeps only the list of disabled ones
 * ({@link DisabledAccounts}), so their still-valid tokens are refused.
 */
@Stateless
public class AccountService {

    public static final int MAX_LIMIT = 200;

    /** Keycloak calls an import runs at once. */
    static final int PARALLEL = 4;

    /** The roles an edit replaces; others (city-viewer, given by the operator) stay as they are. */
    private static final Set<String> MANAGED = Set.copyOf(Role.DISTRICT_GRANTS);

    @Inject KeycloakDirectory directory;

    @EJB UnitService units;

    @EJB DisabledAccountStore disabled;

    @EJB Invitations invitations;

    @EJB AuditService audit;

    @Resource ManagedExecutorService executor;

    public record Page(int total, List<Account> items) {}

    /**
     * How a one-time password reached the person: {@code email} (sent through the mail session, not
     * shown) or {@code shown} (in this answer only; Duban does not keep it).
     */
    public record Credentials(String delivery, String temporaryPassword) {}

    public record Created(Account account, Credentials credentials) {}

    public record Imported(int created, List<Created> accounts) {}

    /** A problem in one row of an imported sheet, as the 400 answer lists it in {@code errors}. */
    public record RowError(int rowNumber, String column, String message) {}

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
        Map<String, Unit> unitsByCode = unitsByCode();
        String needle = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        List<DirectoryUser> all =
                directory.usersOfTenant(caller.tenantId()).stream()
                        .filter(u -> needle == null || matches(u, unitsByCode, needle))
                        .sorted(Comparator.comparing(DirectoryUser::username))
                        .toList();
        List<DirectoryUser> page =
                all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit));
        List<Set<String>> roles = rolesOf(page);
        List<Object> links = inParallel(page, u -> directory.provincialId(u.id()));
        List<Account> items = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            if (links.get(i) instanceof RuntimeException e) throw e;
            // The operator is never a district's to manage, whatever attributes someone gave it.
            if (!roles.get(i).contains(Role.PLATFORM_ADMIN))
                items.add(
                        view(
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
        Map<String, Unit> unitsByCode = unitsByCode();
        String needle = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        return (int)
                directory.usersOfTenant(caller.tenantId()).stream()
                        .filter(u -> needle == null || matches(u, unitsByCode, needle))
                        .count();
    }

    public Account get(String id) {
        Caller.requireTenant(Role.DISTRICT_ADMIN);
        return view(load(id), unitsByCode());
    }

    public Created create(AccountInput input) {
        Caller caller = Caller.requireTenant(Role.DISTRICT_ADMIN);
        Map<String, Unit> unitsByCode = unitsByCode();
        List<AccountRules.Violation> problems = new ArrayList<>(AccountRules.check(input, true));
        if (input.unit() != null && !unitsByCode.containsKey(input.unit())) {
            problems.add(new AccountRules.Violation("unit", "单位代码“" + input.unit() + "”不存在。"));
        }
        rejectIfAny(problems);
        requireFree(input.username(), input.email(), null);
        Created created = createChecked(caller, input, unitsByCode);
        return deliverAll(List.of(created), List.of(input)).get(0);
    }

    public Account update(String id, AccountInput input) {
        Caller caller = Caller.requireTenant(Role.DISTRICT_ADMIN);
        Managed m = load(id);
        Map<String, Unit> unitsByCode = unitsByCode();
        List<AccountRules.Violation> problems = new ArrayList<>(AccountRules.check(input, false));
        if (input.unit() != null && !unitsByCode.containsKey(input.unit())) {
            problems.add(new AccountRules.Violation("unit", "单位代码“" + input.unit() + "”不存在。"));
        }
        rejectIfAny(problems);
        if (m.user().username().equals(caller.username())
                && !input.roles().contains(Role.DISTRICT_ADMIN)) {
            throw DubanException.conflict("account.self", "不能取消自己的区府办管理员角色。");
        }
        if (input.email() != null
                && !input.email().equalsIgnoreCase(m.user().email())
                && directory.emailTaken(input.email(), m.user().id())) {
            throw DubanException.conflict("account.taken", "邮箱“" + input.email() + "”已被使用，请换一个。");
        }
        directory.update(
                m.user().id(),
                input.name(),
                input.email(),
                input.phone(),
                caller.tenantId(),
                input.unit());
        directory.setRealmRoles(m.user().id(), new HashSet<>(input.roles()), MANAGED);
        if (input.roles().contains(Role.DISTRICT_ADMIN)
                && !m.roles().contains(Role.DISTRICT_ADMIN)) {
            // A new district administrator sets up an authenticator at the next login, as a created
            // one does.
            directory.addRequiredActions(m.user().id(), List.of(AccountRules.CONFIGURE_TOTP));
        }
        audit.record(
                "account.updated",
                "account",
                uuid(m.user().id()),
                "username",
                m.user().username(),
                "unit",
                input.unit(),
                "roles",
                String.join(",", input.roles()));
        return view(load(id), unitsByCode);
    }

    /**
     * Disables the account: Keycloak refuses new logins and ends its sessions, and Duban lists it
     * so that its access tokens, valid for up to 15 minutes more, are refused within seconds.
     */
    public Account disable(String id) {
        Caller caller = Caller.requireTenant(Role.DISTRICT_ADMIN);
        Managed m = load(id);
        if (m.user().username().equals(caller.username())) {
            throw DubanException.conflict("account.self", "不能停用自己的账号。");
        }
        // The row first: if Keycloak then fails, the transaction rolls it back and nothing changed.
        disabled.add(m.user().id(), m.user().username());
        directory.setEnabled(m.user().id(), false);
        directory.logout(m.user().id());
        audit.record(
                "account.disabled",
                "account",
                uuid(m.user().id()),
                "username",
                m.user().username());
        return view(load(id), unitsByCode());
    }

    public Account enable(String id) {
        Caller.requireTenant(Role.DISTRICT_ADMIN);
        Managed m = load(id);
        disabled.remove(m.user().id());
        directory.setEnabled(m.user().id(), true);
        audit.record(
                "account.enabled", "account", uuid(m.user().id()), "username", m.user().username());
        return view(load(id), unitsByCode());
    }

    /**
     * Links the account to the person's provincial id (统一身份认证 ID, the upstream's stable {@code
     * sub}): from then on the person can log in through the provincial single sign-on as this
     * account. An id already linked to any other account, in this district or another, is 409
     * {@code account.provincial-id-taken} with the same words whoever holds it.
     */
    public Account setProvincialId(String id, String provincialId) {
        Caller.requireTenant(Role.DISTRICT_ADMIN);
        Managed m = load(id);
        String value = provincialId == null ? null : provincialId.strip();
        String problem = AccountRules.checkProvincialId(value);
        if (problem != null) {
            throw new DubanException(
                    400,
                    "account.invalid",
                    problem,
                    List.of(new AccountRules.Violation("provincialId", problem)));
        }
        if (value.equals(m.provincialId())) return view(m, unitsByCode());
        if (directory.usersLinkedTo(value).stream().anyMatch(u -> !u.equals(m.user().id()))) {
            throw DubanException.conflict(
                    "account.provincial-id-taken", "统一身份认证 ID“" + value + "”已关联其他账号，请核对后重填。");
        }
        directory.linkProvincial(m.user().id(), value);
        audit.record(
                "account.provincial-linked",
                "account",
                uuid(m.user().id()),
                "username",
                m.user().username(),
                "provincialId",
                value);
        return view(load(id), unitsByCode());
    }

    /** Removes the account's link to the provincial single sign-on (nothing when there is none). */
    public Account clearProvincialId(String id) {
        Caller.requireTenant(Role.DISTRICT_ADMIN);
        Managed m = load(id);
        if (m.provincialId() == null) return view(m, unitsByCode());
        directory.unlinkProvincial(m.user().id());
        audit.record(
                "account.provincial-unlinked",
                "account",
                uuid(m.user().id()),
                "username",
                m.user().username(),
                "provincialId",
                m.provincialId());
        return view(load(id), unitsByCode());
    }

    /**
     * A new one-time password: e-mailed when the mail session is configured and the account has an
     * address, else returned once. The person must set a new password (and a district administrator
     * an authenticator) at the next login; running sessions end.
     */
    public Credentials reset(String id) {
        Caller caller = Caller.requireTenant(Role.DISTRICT_ADMIN);
        Managed m = load(id);
        if (m.user().username().equals(caller.username())) {
            throw DubanException.conflict("account.self", "不能在此重置自己的密码，请在个人账户中修改。");
        }
        String password = TemporaryPasswords.generate();
        directory.resetPassword(m.user().id(), password, AccountRules.requiredActions(m.roles()));
        directory.logout(m.user().id());
        audit.record(
                "account.reset", "account", uuid(m.user().id()), "username", m.user().username());
        return invitations.deliver(m.user().username(), m.user().email(), password, true);
    }

    /**
     * Creates every account of the sheet or none: every row is checked first (fields, unit, roles,
     * names used twice in the sheet or already taken in Keycloak) and all problems are answered
     * together as 400 {@code account.import.rows}; if Keycloak fails midway, the accounts this
     * import created are deleted again.
     */
    public Imported importSheet(byte[] xlsx) {
        Caller caller = Caller.requireTenant(Role.DISTRICT_ADMIN);
        List<AccountSheet.Line> lines;
        try {
            lines = AccountSheet.read(xlsx);
        } catch (SheetRows.Unreadable e) {
            throw e.problem();
        }
        if (lines.isEmpty()) throw DubanException.badRequest("account.import.empty", "账号表中没有数据行。");
        UnitNames unitNames = new UnitNames(units.list());
        Map<String, Unit> unitsByCode = unitsByCode();
        List<RowError> errors = new ArrayList<>();
        List<AccountInput> inputs = new ArrayList<>();
        Map<String, Integer> usernames = new HashMap<>(), emails = new HashMap<>();
        for (AccountSheet.Line line : lines) {
            int row = line.rowNumber();
            Unit unit = null;
            if (!line.unit().isEmpty()) {
                unit = unitNames.find(line.unit());
                if (unit == null)
                    errors.add(new RowError(row, AccountSheet.UNIT, "单位“" + line.unit() + "”不存在"));
            }
            List<String> roles = new ArrayList<>();
            for (String written : line.roles()) {
                Optional<String> role = Role.parse(written);
                if (role.isEmpty())
                    errors.add(new RowError(row, AccountSheet.ROLES, "角色“" + written + "”不存在"));
                else roles.add(role.get());
            }
            AccountInput in =
                    new AccountInput(
                            line.username(),
                            line.name(),
                            line.phone(),
                            line.email(),
                            unit == null ? null : unit.getCode(),
                            roles);
            for (AccountRules.Violation v : AccountRules.check(in, true)) {
                if (v.field().equals("unit") && !line.unit().isEmpty())
                    continue; // already said: unknown unit
                if (v.field().equals("roles") && roles.isEmpty() && !line.roles().isEmpty())
                    continue; // already said
                errors.add(new RowError(row, column(v.field()), v.message()));
            }
            if (in.username() != null) {
                Integer first = usernames.putIfAbsent(in.username(), row);
                if (first != null)
                    errors.add(new RowError(row, AccountSheet.USERNAME, "登录名与第" + first + "行重复"));
            }
            if (in.email() != null) {
                Integer first = emails.putIfAbsent(in.email(), row);
                if (first != null)
                    errors.add(new RowError(row, AccountSheet.EMAIL, "邮箱与第" + first + "行重复"));
            }
            inputs.add(in);
        }
        if (errors.isEmpty()) {
            // Only for rows that are otherwise right: one look-up per name, the same answer whoever
            // holds it.
            List<Object> taken =
                    inParallel(
                            inputs,
                            in ->
                                    new boolean[] {
                                        directory.usernameTaken(in.username()),
                                        in.email() != null && directory.emailTaken(in.email(), null)
                                    });
            for (int i = 0; i < inputs.size(); i++) {
                if (taken.get(i) instanceof RuntimeException e) throw e;
                boolean[] t = (boolean[]) taken.get(i);
                AccountInput in = inputs.get(i);
                int row = lines.get(i).rowNumber();
                if (t[0])
                    errors.add(
                            new RowError(
                                    row, AccountSheet.USERNAME, "登录名“" + in.username() + "”已被使用"));
                if (t[1])
                    errors.add(new RowError(row, AccountSheet.EMAIL, "邮箱“" + in.email() + "”已被使用"));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(RowError::rowNumber));
            throw new DubanException(
                    400,
                    "account.import.rows",
                    "账号表有 " + errors.size() + " 处错误，未创建任何账号。请修改后重新导入。",
                    errors);
        }
        List<String> passwords = inputs.stream().map(in -> TemporaryPasswords.generate()).toList();
        List<Object> ids =
                inParallel(
                        java.util.stream.IntStream.range(0, inputs.size()).boxed().toList(),
                        i -> createInKeycloak(caller.tenantId(), inputs.get(i), passwords.get(i)));
        RuntimeException failure = null;
        List<String> made = new ArrayList<>();
        for (Object o : ids) {
            if (o instanceof String id) made.add(id);
            else if (failure == null) failure = (RuntimeException) o;
        }
        if (failure != null) {
            undo(made);
            if (failure instanceof DubanException d && d.status() == 409) {
                // Taken between the check and the creation (someone else was quicker).
                throw DubanException.conflict(
                        "account.import.conflict", "导入时有登录名或邮箱刚被占用，已撤销本次导入创建的账号，请重新导入。");
            }
            throw failure;
        }
        List<Created> created = new ArrayList<>();
        try {
            for (int i = 0; i < inputs.size(); i++)
                created.add(recorded(made.get(i), inputs.get(i), passwords.get(i), unitsByCode));
        } catch (RuntimeException e) {
            undo(made);
            throw e;
        }
        return new Imported(created.size(), deliverAll(created, inputs));
    }

    /** The tenant's accounts as .xlsx (the import's columns plus 状态). */
    public byte[] export() {
        Caller caller = Caller.requireTenant(Role.DISTRICT_ADMIN);
        Map<String, Unit> unitsByCode = unitsByCode();
        List<AccountSheet.Out> out = new ArrayList<>();
        List<DirectoryUser> users =
                directory.usersOfTenant(caller.tenantId()).stream()
                        .sorted(Comparator.comparing(DirectoryUser::username))
                        .toList();
        List<Set<String>> rolesOfUsers = rolesOf(users);
        for (int i = 0; i < users.size(); i++) {
            DirectoryUser u = users.get(i);
            Set<String> roles = rolesOfUsers.get(i);
            if (roles.contains(Role.PLATFORM_ADMIN)) continue;
            Unit unit = u.unit() == null ? null : unitsByCode.get(u.unit());
            out.add(
                    new AccountSheet.Out(
                            u.name(),
                            u.username(),
                            u.phone(),
                            u.email(),
                            unit == null ? u.unit() : unit.getName(),
                            Role.TENANT_ROLES.stream().filter(roles::contains).toList(),
                            u.enabled()));
        }
        return AccountSheet.write(out);
    }

    /** The realm roles of each user (one Keycloak call per user, {@value #PARALLEL} at a time). */
    @SuppressWarnings("unchecked")
    private List<Set<String>> rolesOf(List<DirectoryUser> users) {
        List<Object> found = inParallel(users, u -> directory.realmRoles(u.id()));
        for (Object o : found) if (o instanceof RuntimeException e) throw e;
        return found.stream().map(o -> (Set<String>) o).toList();
    }

    /** Creates a checked account in Keycloak and records it in the audit trail. */
    private Created createChecked(Caller caller, AccountInput in, Map<String, Unit> unitsByCode) {
        String password = TemporaryPasswords.generate();
        String id = createInKeycloak(caller.tenantId(), in, password);
        return recorded(id, in, password, unitsByCode);
    }

    /**
     * The Keycloak part of creating an account (no transaction, no caller: it may run on a worker
     * thread): the user, then its roles; a user whose roles fail is deleted again.
     */
    private String createInKeycloak(String tenantId, AccountInput in, String password) {
        Set<String> roles = new LinkedHashSet<>(in.roles());
        return directory.create(
                new KeycloakDirectory.NewUser(
                        in.username(),
                        in.name(),
                        in.email(),
                        in.phone(),
                        tenantId,
                        in.unit(),
                        true,
                        AccountRules.requiredActions(roles),
                        password),
                roles);
    }

    private Created recorded(
            String id, AccountInput in, String password, Map<String, Unit> unitsByCode) {
        Set<String> roles = new LinkedHashSet<>(in.roles());
        audit.record(
                "account.created",
                "account",
                uuid(id),
                "username",
                in.username(),
                "unit",
                in.unit(),
                "roles",
                String.join(",", roles));
        Unit unit = in.unit() == null ? null : unitsByCode.get(in.unit());
        Account account =
                new Account(
                        id,
                        in.username(),
                        in.name(),
                        in.phone(),
                        in.email(),
                        in.unit(),
                        unit == null ? null : unit.getName(),
                        Role.TENANT_ROLES.stream().filter(roles::contains).toList(),
                        true,
                        java.time.Instant.now(),
                        AccountRules.requiredActions(roles),
                        null);
        return new Created(account, new Credentials(null, password));
    }

    /**
     * Runs the work for every item, {@value #PARALLEL} at a time on the container's threads
     * (Keycloak spends most of a user's creation hashing its password, and has more than one core);
     * each result is the value or the failure, in the items' order.
     */
    private <T, R> List<Object> inParallel(List<T> items, java.util.function.Function<T, R> work) {
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
     * Deletes accounts this call created, newest first; a failure to delete is logged (and the rest
     * still tried).
     */
    private void undo(List<String> ids) {
        for (int i = ids.size() - 1; i >= 0; i--) directory.deleteAfterFailure(ids.get(i));
    }

    /**
     * Sends the one-time passwords of created accounts (only once every account exists, so an
     * undone import e-mails nobody): each answer keeps its password only when it was not e-mailed.
     */
    private List<Created> deliverAll(List<Created> created, List<AccountInput> inputs) {
        List<Created> out = new ArrayList<>(created.size());
        for (int i = 0; i < created.size(); i++) {
            Created c = created.get(i);
            out.add(
                    new Created(
                            c.account(),
                            invitations.deliver(
                                    c.account().username(),
                                    inputs.get(i).email(),
                                    c.credentials().temporaryPassword(),
                                    false)));
        }
        return out;
    }

    /**
     * A user of the caller's tenant with its roles, or 404 for anything else (other tenant,
     * operator, no such id).
     */
    private record Managed(DirectoryUser user, Set<String> roles, String provincialId) {}

    private Managed load(String id) {
        Caller caller = Caller.requireTenant(Role.DISTRICT_ADMIN);
        DubanException notFound = DubanException.notFound("account.not-found", "账号不存在。");
        if (id == null || uuidOrNull(id) == null) throw notFound;
        DirectoryUser user = directory.find(id).orElseThrow(() -> notFound);
        if (!caller.tenantId().equals(user.tenant())) throw notFound;
        Set<String> roles = directory.realmRoles(user.id());
        if (roles.contains(Role.PLATFORM_ADMIN)) throw notFound;
        return new Managed(user, roles, directory.provincialId(user.id()).orElse(null));
    }

    private void requireFree(String username, String email, String exceptId) {
        // One message whoever holds the name, in this district or another: nothing about the holder
        // leaks.
        if (directory.usernameTaken(username)) {
            throw DubanException.conflict("account.taken", "登录名“" + username + "”已被使用，请换一个。");
        }
        if (email != null && directory.emailTaken(email, exceptId)) {
            throw DubanException.conflict("account.taken", "邮箱“" + email + "”已被使用，请换一个。");
        }
    }

    private static void rejectIfAny(List<AccountRules.Violation> problems) {
        if (problems.isEmpty()) return;
        throw new DubanException(400, "account.invalid", problems.get(0).message(), problems);
    }

    private Map<String, Unit> unitsByCode() {
        Map<String, Unit> out = new HashMap<>();
        for (Unit u : units.list()) out.put(u.getCode(), u);
        return out;
    }

    private Account view(Managed m, Map<String, Unit> unitsByCode) {
        return view(m.user(), m.roles(), unitsByCode, m.provincialId());
    }

    private static Account view(
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

    private static String column(String field) {
        return switch (field) {
            case "username" -> AccountSheet.USERNAME;
            case "name" -> AccountSheet.NAME;
            case "phone" -> AccountSheet.PHONE;
            case "email" -> AccountSheet.EMAIL;
            case "unit" -> AccountSheet.UNIT;
            default -> AccountSheet.ROLES;
        };
    }

    private static UUID uuid(String id) {
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

    /** Units by name, alias or code, as a person writes them in the 单位 column. */
    static final class UnitNames {
        private final Map<String, Unit> byName = new HashMap<>();

        UnitNames(List<Unit> units) {
            for (Unit u : units) byName.putIfAbsent(u.getCode(), u);
            for (Unit u : units) for (String a : u.getAliases()) byName.put(a, u);
            for (Unit u : units) byName.put(u.getName(), u);
        }

        Unit find(String written) {
            return byName.get(written.strip());
        }
    }
}
