package cn.duban.account;

import cn.duban.audit.AuditService;
import cn.duban.platform.Role;
import cn.duban.tenant.Unit;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creating checked accounts, shared by {@link AccountService#create} and {@link
 * AccountImport#importSheet}: the Keycloak user with its roles, the audit record and the view, and
 * the one-time passwords sent only once every account exists. A dependent bean of the service that
 * injects it, called after the service's role check.
 */
@Dependent
class NewAccounts {

    @Inject KeycloakDirectory directory;

    @EJB AuditService audit;

    @EJB Invitations invitations;

    /**
     * The Keycloak part of creating an account (no transaction, no caller: it may run on a worker
     * thread): the user, then its roles; a user whose roles fail is deleted again.
     */
    String createInKeycloak(String tenantId, AccountInput in, String password) {
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

    AccountService.Created recorded(
            String id, AccountInput in, String password, Map<String, Unit> unitsByCode) {
        Set<String> roles = new LinkedHashSet<>(in.roles());
        audit.record(
                "account.created",
                "account",
                TenantAccounts.uuid(id),
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
        return new AccountService.Created(account, new AccountService.Credentials(null, password));
    }

    /**
     * Sends the one-time passwords of created accounts (only once every account exists, so an
     * undone import e-mails nobody): each answer keeps its password only when it was not e-mailed.
     */
    List<AccountService.Created> deliverAll(
            List<AccountService.Created> created, List<AccountInput> inputs) {
        List<AccountService.Created> out = new ArrayList<>(created.size());
        for (int i = 0; i < created.size(); i++) {
            AccountService.Created c = created.get(i);
            out.add(
                    new AccountService.Created(
                            c.account(),
                            invitations.deliver(
                                    c.account().username(),
                                    inputs.get(i).email(),
                                    c.credentials().temporaryPassword(),
                                    false)));
        }
        return out;
    }
}
