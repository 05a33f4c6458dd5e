package cn.duban.account;

import cn.duban.audit.OperatorAction;
import cn.duban.audit.OperatorAudit;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The operators' accounts, run by the 安全管理员 (security administrator) only (三员分立): lists the
 * accounts holding an operator role, makes new ones and changes their role. Every operator holds
 * exactly one of {@link Role#OPERATOR_ROLES}: a change replaces the old role, so no account is
 * system and security (or audit) administrator at once. The security administrator cannot change
 * its own role, and nobody else grants an operator role (a district grants none of them, the system
 * and audit administrators have no endpoint for it).
 */
@Stateless
public class OperatorService {

    private static final Set<String> MANAGED = Set.copyOf(Role.OPERATOR_ROLES);

    @Inject KeycloakDirectory directory;

    @EJB OperatorAudit audit;

    public record Operator(
            String id, String username, String name, String email, boolean enabled, String role) {}

    public record Input(String username, String name, String email, String role) {}

    /** A new operator with the one-time password shown this once (Duban keeps it nowhere). */
    public record Created(Operator operator, String temporaryPassword) {}

    public List<Operator> list() {
        Caller.require(Role.SECURITY_ADMIN);
        List<Operator> out = new ArrayList<>();
        for (DirectoryUser u : directory.usersWithoutTenant()) {
            Set<String> roles = directory.realmRoles(u.id());
            if (Role.isOperator(roles)) out.add(view(u, roles));
        }
        out.sort(Comparator.comparing(Operator::username));
        return out;
    }

    public Created create(Input in) {
        Caller.require(Role.SECURITY_ADMIN);
        if (in == null) throw DubanException.badRequest("operator.invalid", "请填写运维账号信息。");
        String role = checkedRole(in.role());
        if (in.username() == null || !AccountRules.validUsername(in.username())) {
            throw DubanException.badRequest(
                    "operator.username", "登录名无效：3至40位小写字母、数字或 . _ -，以字母或数字开头。");
        }
        if (in.name() == null
                || in.name().length() > AccountRules.MAX_NAME
                || !AccountRules.validPersonName(in.name())) {
            throw DubanException.badRequest("operator.name", "姓名不能为空，不超过50字，且不能含有 < > & \" 等符号。");
        }
        if (in.email() != null && !AccountRules.validEmail(in.email())) {
            throw DubanException.badRequest("operator.email", "邮箱无效。");
        }
        if (directory.usernameTaken(in.username())
                || (in.email() != null && directory.emailTaken(in.email(), null))) {
            throw DubanException.conflict("account.taken", "登录名或邮箱已被使用，请换一个。");
        }
        String password = TemporaryPasswords.generate();
        String id =
                directory.create(
                        new KeycloakDirectory.NewUser(
                                in.username(),
                                in.name(),
                                in.email(),
                                null,
                                null,
                                null,
                                true,
                                List.of(AccountRules.UPDATE_PASSWORD, AccountRules.CONFIGURE_TOTP),
                                password),
                        Set.of(role));
        try {
            audit.record(OperatorAction.OPERATOR_CREATED, in.username(), "role=" + role);
        } catch (RuntimeException e) {
            directory.deleteAfterFailure(id);
            throw e;
        }
        return new Created(
                new Operator(id, in.username(), in.name(), in.email(), true, role), password);
    }

    /** Gives the operator exactly this role instead of the one it had. */
    public Operator setRole(String id, String wanted) {
        Caller caller = Caller.require(Role.SECURITY_ADMIN);
        String role = checkedRole(wanted);
        DirectoryUser user = load(id);
        if (user.username().equals(caller.username())) {
            throw DubanException.conflict("operator.self", "安全管理员不能更改自己的角色。");
        }
        directory.setRealmRoles(id, Set.of(role), MANAGED);
        // A new administrator of any kind sets up an authenticator at the next login.
        directory.addRequiredActions(id, List.of(AccountRules.CONFIGURE_TOTP));
        audit.record(OperatorAction.OPERATOR_ROLE_CHANGED, user.username(), "role=" + role);
        return view(user, directory.realmRoles(id));
    }

    static String checkedRole(String role) {
        if (role == null || !Role.OPERATOR_ROLES.contains(role)) {
            throw DubanException.badRequest("operator.role", "运维账号的角色只能是系统管理员、安全管理员或审计管理员之一。");
        }
        return role;
    }

    /** An operator account of that id; a district's account or anything else is 404. */
    private DirectoryUser load(String id) {
        DubanException notFound = DubanException.notFound("operator.not-found", "运维账号不存在。");
        if (id == null || id.length() > 64) throw notFound;
        DirectoryUser user;
        try {
            user = directory.find(id).orElseThrow(() -> notFound);
        } catch (DubanException e) {
            throw notFound;
        }
        if (user.tenant() != null || !Role.isOperator(directory.realmRoles(id))) throw notFound;
        return user;
    }

    private static Operator view(DirectoryUser u, Set<String> roles) {
        String role = Role.OPERATOR_ROLES.stream().filter(roles::contains).findFirst().orElse(null);
        return new Operator(u.id(), u.username(), u.name(), u.email(), u.enabled(), role);
    }
}
