package cn.duban.account;

import cn.duban.audit.AuditService;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.tenant.Unit;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A district office runs its own people (role {@code district-admin}): creates, edits, disables,
 * re-enables and resets the accounts of its tenant, and links them to the provincial single
 * sign-on. The tenant of every account is the caller's, from the token, never from input; an
 * account of another tenant (or the platform operator's) answers 404 like one that does not exist.
 * Keycloak holds the accounts ({@link KeycloakDirectory}); Duban keeps only the list of disabled
 * ones ({@link DisabledAccounts}), so their still-valid tokens are refused. Reading accounts is
 * {@link AccountQueries}'s, the workbook import and export {@link AccountImport}'s.
 */
@Stateless
public class AccountService {

    /** The roles an edit replaces; others (city-viewer, given by the operator) stay as they are. */
    private static final Set<String> MANAGED = Set.copyOf(Role.DISTRICT_GRANTS);

    @Inject KeycloakDirectory directory;

    @EJB DisabledAccountStore disabled;

    @EJB Invitations invitations;

    @EJB AuditService audit;

    @Inject TenantAccounts accounts;

    @Inject NewAccounts newAccounts;

    /**
     * How a one-time password reached the person: {@code email} (sent through the mail session, not
     * shown) or {@code shown} (in this answer only; Duban does not keep it).
     */
    public record Credentials(String delivery, String temporaryPassword) {}

    public record Created(Account account, Credentials credentials) {}

    public Created create(AccountInput input) {
        Caller caller = Caller.requireTenant(Role.DISTRICT_ADMIN);
        Map<String, Unit> unitsByCode = accounts.unitsByCode();
        checkInput(input, true, unitsByCode);
        requireFree(input.username(), input.email(), null);
        Created created = createChecked(caller, input, unitsByCode);
        return newAccounts.deliverAll(List.of(created), List.of(input)).get(0);
    }

    /** The form's rules and a unit of this tenant; 400 listing every problem. */
    private void checkInput(AccountInput input, boolean creating, Map<String, Unit> unitsByCode) {
        List<AccountRules.Violation> problems =
                new ArrayList<>(AccountRules.check(input, creating));
        if (input.unit() != null && !unitsByCode.containsKey(input.unit())) {
            problems.add(
                    AccountRules.Violation.of(
                            "unit",
                            "account.field.unit-unknown",
                            "单位代码“" + input.unit() + "”不存在。",
                            input.unit()));
        }
        rejectIfAny(problems);
    }

    public Account update(String id, AccountInput input) {
        Caller caller = Caller.requireTenant(Role.DISTRICT_ADMIN);
        TenantAccounts.Managed m = accounts.load(id);
        Map<String, Unit> unitsByCode = accounts.unitsByCode();
        checkInput(input, false, unitsByCode);
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
                TenantAccounts.uuid(m.user().id()),
                "username",
                m.user().username(),
                "unit",
                input.unit(),
                "roles",
                String.join(",", input.roles()));
        return accounts.view(accounts.load(id), unitsByCode);
    }

    /**
     * Disables the account: Keycloak refuses new logins and ends its sessions, and Duban lists it
     * so that its access tokens, valid for up to 15 minutes more, are refused within seconds.
     */
    public Account disable(String id) {
        Caller caller = Caller.requireTenant(Role.DISTRICT_ADMIN);
        TenantAccounts.Managed m = accounts.load(id);
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
                TenantAccounts.uuid(m.user().id()),
                "username",
                m.user().username());
        return accounts.view(accounts.load(id), accounts.unitsByCode());
    }

    public Account enable(String id) {
        Caller.requireTenant(Role.DISTRICT_ADMIN);
        TenantAccounts.Managed m = accounts.load(id);
        disabled.remove(m.user().id());
        directory.setEnabled(m.user().id(), true);
        audit.record(
                "account.enabled",
                "account",
                TenantAccounts.uuid(m.user().id()),
                "username",
                m.user().username());
        return accounts.view(accounts.load(id), accounts.unitsByCode());
    }

    /**
     * Links the account to the person's provincial id (统一身份认证 ID, the upstream's stable {@code
     * sub}): from then on the person can log in through the provincial single sign-on as this
     * account. An id already linked to any other account, in this district or another, is 409
     * {@code account.provincial-id-taken} with the same words whoever holds it.
     */
    public Account setProvincialId(String id, String provincialId) {
        Caller.requireTenant(Role.DISTRICT_ADMIN);
        TenantAccounts.Managed m = accounts.load(id);
        String value = provincialId == null ? null : provincialId.strip();
        String problem = AccountRules.checkProvincialId(value);
        if (problem != null) {
            throw new DubanException(
                    400,
                    "account.invalid",
                    problem,
                    List.of(
                            AccountRules.Violation.of(
                                    "provincialId",
                                    "account.field.provincial-id-invalid",
                                    problem)));
        }
        if (value.equals(m.provincialId())) return accounts.view(m, accounts.unitsByCode());
        if (directory.usersLinkedTo(value).stream().anyMatch(u -> !u.equals(m.user().id()))) {
            throw DubanException.conflict(
                    "account.provincial-id-taken", "统一身份认证 ID“" + value + "”已关联其他账号，请核对后重填。");
        }
        directory.linkProvincial(m.user().id(), value);
        audit.record(
                "account.provincial-linked",
                "account",
                TenantAccounts.uuid(m.user().id()),
                "username",
                m.user().username(),
                "provincialId",
                value);
        return accounts.view(accounts.load(id), accounts.unitsByCode());
    }

    /** Removes the account's link to the provincial single sign-on (nothing when there is none). */
    public Account clearProvincialId(String id) {
        Caller.requireTenant(Role.DISTRICT_ADMIN);
        TenantAccounts.Managed m = accounts.load(id);
        if (m.provincialId() == null) return accounts.view(m, accounts.unitsByCode());
        directory.unlinkProvincial(m.user().id());
        audit.record(
                "account.provincial-unlinked",
                "account",
                TenantAccounts.uuid(m.user().id()),
                "username",
                m.user().username(),
                "provincialId",
                m.provincialId());
        return accounts.view(accounts.load(id), accounts.unitsByCode());
    }

    /**
     * A new one-time password: e-mailed when the mail session is configured and the account has an
     * address, else returned once. The person must set a new password (and a district administrator
     * an authenticator) at the next login; running sessions end.
     */
    public Credentials reset(String id) {
        Caller caller = Caller.requireTenant(Role.DISTRICT_ADMIN);
        TenantAccounts.Managed m = accounts.load(id);
        if (m.user().username().equals(caller.username())) {
            throw DubanException.conflict("account.self", "不能在此重置自己的密码，请在个人账户中修改。");
        }
        String password = TemporaryPasswords.generate();
        directory.resetPassword(m.user().id(), password, AccountRules.requiredActions(m.roles()));
        directory.logout(m.user().id());
        audit.record(
                "account.reset",
                "account",
                TenantAccounts.uuid(m.user().id()),
                "username",
                m.user().username());
        return invitations.deliver(m.user().username(), m.user().email(), password, true);
    }

    /** Creates a checked account in Keycloak and records it in the audit trail. */
    private Created createChecked(Caller caller, AccountInput in, Map<String, Unit> unitsByCode) {
        String password = TemporaryPasswords.generate();
        String id = newAccounts.createInKeycloak(caller.tenantId(), in, password);
        return newAccounts.recorded(id, in, password, unitsByCode);
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
}
