package cn.duban.account;

import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.platform.SheetRows;
import cn.duban.tenant.Tenant;
import cn.duban.tenant.TenantInput;
import cn.duban.tenant.TenantService;
import cn.duban.tenant.UnitInput;
import cn.duban.tenant.UnitKind;
import cn.duban.tenant.UnitSheet;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The platform operator onboards a district in one call: the tenant with its units (from JSON or an
 * Excel list) and its first district administrator, who is invited with a one-time password
 * (e-mailed when the mail session is configured, else shown once in the answer) and must set a
 * password and an authenticator at the first login. All or nothing: if the tenant cannot be
 * created, the administrator's account is deleted again.
 */
@Stateless
public class OnboardingService {

    private static final Logger LOG = Logger.getLogger(OnboardingService.class.getName());

    @EJB TenantService tenants;

    @EJB Invitations invitations;

    @EJB cn.duban.audit.OperatorAudit operatorAudit;

    @Inject KeycloakDirectory directory;

    /**
     * The district's first administrator; the role and tenant are fixed, the unit is the district
     * office.
     */
    public record Admin(String username, String name, String phone, String email) {}

    public record Onboarded(
            Tenant tenant,
            List<UnitInput> units,
            Account admin,
            AccountService.Credentials credentials) {}

    /**
     * The units of an Excel list, or 400 {@code tenant.units.rows} with every bad row in {@code
     * errors}.
     */
    public List<UnitInput> unitsFromSheet(byte[] xlsx) {
        Caller.require(Role.PLATFORM_ADMIN);
        UnitSheet.Read read;
        try {
            read = UnitSheet.read(xlsx);
        } catch (SheetRows.Unreadable e) {
            throw e.problem();
        }
        if (!read.errors().isEmpty()) {
            throw new DubanException(
                    400,
                    "tenant.units.rows",
                    "单位表有 " + read.errors().size() + " 处错误，未创建任何内容。请修改后重新导入。",
                    read.errors());
        }
        return read.units();
    }

    // Two transactions of its own (the tenant is created in a transaction inside the new tenant).
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Onboarded onboard(TenantInput tenant, Admin admin) {
        Caller caller = Caller.require(Role.PLATFORM_ADMIN);
        if (admin == null)
            throw DubanException.badRequest("onboarding.admin-missing", "请填写区府办管理员的账号信息。");
        String office =
                tenant.units().stream()
                        .filter(u -> u.kind() == UnitKind.DISTRICT_OFFICE)
                        .map(UnitInput::code)
                        .findFirst()
                        .orElse(null);
        AccountInput in =
                new AccountInput(
                        admin.username(),
                        admin.name(),
                        admin.phone(),
                        admin.email(),
                        office,
                        List.of(Role.DISTRICT_ADMIN));
        List<AccountRules.Violation> problems = AccountRules.check(in, true);
        if (!problems.isEmpty()) {
            throw new DubanException(
                    400, "account.invalid", "区府办管理员：" + problems.get(0).message(), problems);
        }
        tenants.requireAvailable(tenant);
        if (directory.usernameTaken(in.username())) {
            throw DubanException.conflict("account.taken", "登录名“" + in.username() + "”已被使用，请换一个。");
        }
        if (in.email() != null && directory.emailTaken(in.email(), null)) {
            throw DubanException.conflict("account.taken", "邮箱“" + in.email() + "”已被使用，请换一个。");
        }
        String password = TemporaryPasswords.generate();
        Set<String> roles = Set.of(Role.DISTRICT_ADMIN);
        // The account first: the one step that can only be undone by deleting, and nobody knows its
        // password yet.
        String id =
                directory.create(
                        new KeycloakDirectory.NewUser(
                                in.username(),
                                in.name(),
                                in.email(),
                                in.phone(),
                                tenant.id(),
                                office,
                                true,
                                AccountRules.requiredActions(roles),
                                password),
                        roles);
        Tenant created;
        try {
            created = tenants.create(tenant);
        } catch (RuntimeException e) {
            directory.deleteAfterFailure(id);
            throw e;
        }
        LOG.info(
                () ->
                        caller.username()
                                + " onboarded "
                                + created.getId()
                                + " with "
                                + tenant.units().size()
                                + " units; administrator "
                                + in.username());
        Account account =
                new Account(
                        id,
                        in.username(),
                        in.name(),
                        in.phone(),
                        in.email(),
                        office,
                        tenant.units().stream()
                                .filter(u -> u.code().equals(office))
                                .map(UnitInput::name)
                                .findFirst()
                                .orElse(null),
                        List.of(Role.DISTRICT_ADMIN),
                        true,
                        java.time.Instant.now(),
                        AccountRules.requiredActions(roles),
                        null);
        operatorAudit.record(
                cn.duban.audit.OperatorAction.TENANT_ONBOARDED,
                tenant.id(),
                "units=" + tenant.units().size() + " admin=" + in.username());
        return new Onboarded(
                created,
                tenant.units(),
                account,
                invitations.deliver(in.username(), in.email(), password, false));
    }
}
