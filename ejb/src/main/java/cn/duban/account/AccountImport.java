package cn.duban.account;

import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.platform.RowError;
import cn.duban.platform.SheetRows;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A district's accounts as a workbook (role {@code district-admin}): importing a sheet creates
 * every account or none, after checking every row; exporting writes the import's columns plus 状态.
 * The tenant is the caller's, from the token.
 */
@Stateless
public class AccountImport {

    @Inject KeycloakDirectory directory;

    @EJB UnitService units;

    @Inject TenantAccounts accounts;

    @Inject NewAccounts newAccounts;

    public record Imported(int created, List<AccountService.Created> accounts) {}

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
        Map<String, Unit> unitsByCode = accounts.unitsByCode();
        List<RowError> errors = new ArrayList<>();
        List<AccountInput> inputs = new ArrayList<>();
        Map<String, Integer> usernames = new HashMap<>(), emails = new HashMap<>();
        for (AccountSheet.Line line : lines) {
            int row = line.rowNumber();
            Unit unit = null;
            if (!line.unit().isEmpty()) {
                unit = unitNames.find(line.unit());
                if (unit == null)
                    errors.add(
                            RowError.of(
                                    row,
                                    AccountSheet.UNIT,
                                    "account.sheet.unit-unknown",
                                    "单位“" + line.unit() + "”不存在",
                                    line.unit()));
            }
            List<String> roles = new ArrayList<>();
            for (String written : line.roles()) {
                Optional<String> role = Role.parse(written);
                if (role.isEmpty())
                    errors.add(
                            RowError.of(
                                    row,
                                    AccountSheet.ROLES,
                                    "account.sheet.role-unknown",
                                    "角色“" + written + "”不存在",
                                    written));
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
                errors.add(RowError.at(row, column(v.field()), v));
            }
            if (in.username() != null) {
                Integer first = usernames.putIfAbsent(in.username(), row);
                if (first != null)
                    errors.add(
                            RowError.of(
                                    row,
                                    AccountSheet.USERNAME,
                                    "account.sheet.username-repeated",
                                    "登录名与第" + first + "行重复",
                                    first));
            }
            if (in.email() != null) {
                Integer first = emails.putIfAbsent(in.email(), row);
                if (first != null)
                    errors.add(
                            RowError.of(
                                    row,
                                    AccountSheet.EMAIL,
                                    "account.sheet.email-repeated",
                                    "邮箱与第" + first + "行重复",
                                    first));
            }
            inputs.add(in);
        }
        if (errors.isEmpty()) {
            // Only for rows that are otherwise right: one look-up per name, the same answer whoever
            // holds it.
            List<Object> taken =
                    accounts.inParallel(
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
                            RowError.of(
                                    row,
                                    AccountSheet.USERNAME,
                                    "account.sheet.username-taken",
                                    "登录名“" + in.username() + "”已被使用",
                                    in.username()));
                if (t[1])
                    errors.add(
                            RowError.of(
                                    row,
                                    AccountSheet.EMAIL,
                                    "account.sheet.email-taken",
                                    "邮箱“" + in.email() + "”已被使用",
                                    in.email()));
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
                accounts.inParallel(
                        java.util.stream.IntStream.range(0, inputs.size()).boxed().toList(),
                        i ->
                                newAccounts.createInKeycloak(
                                        caller.tenantId(), inputs.get(i), passwords.get(i)));
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
        List<AccountService.Created> created = new ArrayList<>();
        try {
            for (int i = 0; i < inputs.size(); i++)
                created.add(
                        newAccounts.recorded(
                                made.get(i), inputs.get(i), passwords.get(i), unitsByCode));
        } catch (RuntimeException e) {
            undo(made);
            throw e;
        }
        return new Imported(created.size(), newAccounts.deliverAll(created, inputs));
    }

    /** The tenant's accounts as .xlsx (the import's columns plus 状态). */
    public byte[] export() {
        Caller caller = Caller.requireTenant(Role.DISTRICT_ADMIN);
        Map<String, Unit> unitsByCode = accounts.unitsByCode();
        List<AccountSheet.Out> out = new ArrayList<>();
        List<DirectoryUser> users =
                directory.usersOfTenant(caller.tenantId()).stream()
                        .sorted(Comparator.comparing(DirectoryUser::username))
                        .toList();
        List<Set<String>> rolesOfUsers = accounts.rolesOf(users);
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

    /**
     * Deletes accounts this call created, newest first; a failure to delete is logged (and the rest
     * still tried).
     */
    private void undo(List<String> ids) {
        for (int i = ids.size() - 1; i >= 0; i--) directory.deleteAfterFailure(ids.get(i));
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

    /**
     * Units by name, alias or code, as a person writes them in the 单位 column. A town's 下级单位 (issue
     * 21) is found by its code or its town's name and its own (长寿路街道党政办): every town has a 党政办, and
     * a bare name shared by several units finds none rather than a wrong one.
     */
    static final class UnitNames {
        private final Map<String, Unit> byName = new HashMap<>();

        UnitNames(List<Unit> units) {
            for (Unit u : units) byName.putIfAbsent(u.getCode(), u);
            for (Unit u : units) for (String a : u.getAliases()) byName.put(a, u);
            Map<String, Integer> uses = new HashMap<>();
            for (Unit u : units) uses.merge(u.getName(), 1, Integer::sum);
            for (Unit u : units) {
                if (uses.get(u.getName()) == 1) byName.put(u.getName(), u);
                if (u.getKind().subUnit() && u.getParent() != null)
                    byName.put(u.getParent().getName() + u.getName(), u);
            }
        }

        Unit find(String written) {
            return byName.get(written.strip());
        }
    }
}
