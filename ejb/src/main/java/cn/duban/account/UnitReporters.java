package cn.duban.account;

import cn.duban.ledger.UnitPeople;
import cn.duban.platform.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;

/**
 * The ledger's {@link UnitPeople} from Keycloak: the tenant's users (as the accounts page lists
 * them) of that unit, enabled (all of them, or those with the 联络员 role). Read at each hand-over, so
 * a disabled or moved person is no longer offered nor accepted.
 */
@ApplicationScoped
public class UnitReporters implements UnitPeople {

    @Inject KeycloakDirectory directory;

    @Override
    public List<Colleague> reporters(String tenant, String unitCode) {
        if (tenant == null || unitCode == null) return List.of();
        return directory.usersOfTenant(tenant).stream()
                .filter(u -> u.enabled() && unitCode.equals(u.unit()))
                .filter(u -> directory.realmRoles(u.id()).contains(Role.UNIT_REPORTER))
                .map(u -> new Colleague(u.username(), u.name()))
                .sorted(Comparator.comparing(Colleague::username))
                .toList();
    }

    @Override
    public List<Colleague> everyone(String tenant, String unitCode) {
        if (tenant == null || unitCode == null) return List.of();
        return directory.usersOfTenant(tenant).stream()
                .filter(u -> u.enabled() && unitCode.equals(u.unit()))
                .map(u -> new Colleague(u.username(), u.name()))
                .sorted(Comparator.comparing(Colleague::username))
                .toList();
    }
}
