package cn.duban.account;

import cn.duban.audit.AuditService;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Integrators' API clients of a district (role {@code district-admin}): the production realm has no
 * password grant, so a system that calls Duban's API gets a confidential client of its own and
 * trades its secret for a token (client credentials). The client id is {@code int-<tenant>-<name>};
 * the tenant is the caller's, written into every token as a fixed claim; the roles come from {@link
 * Role#INTEGRATOR_GRANTS} only. The secret is shown when the client is made or rotated and kept
 * nowhere by Duban. A client of another tenant answers 404, like one that does not exist.
 */
@Stateless
public class IntegratorService {

    /** Clients per district: far more than the systems a district office connects. */
    static final int MAX_PER_TENANT = 50;

    private static final String PREFIX = "int-";

    /**
     * How the clientIds of a tenant's API clients begin; only a search hint, the client's {@link
     * KeycloakDirectory#CLIENT_TENANT} attribute says whose it is ("int-pt-" also begins
     * "int-pt-x-").
     */
    static String clientPrefix(String tenant) {
        return PREFIX + tenant + "-";
    }

    @Inject KeycloakDirectory directory;

    @EJB AuditService audit;

    public record Input(String name, String description, List<String> roles) {}

    public record Integrator(String clientId, String description, List<String> roles) {}

    /** A client with its secret: the only time Duban hands the secret out. */
    public record Issued(Integrator client, String secret) {}

    public List<Integrator> list() {
        Caller caller = Caller.requireTenant(Role.DISTRICT_ADMIN);
        List<Integrator> out = new ArrayList<>();
        for (KeycloakDirectory.ApiClient c : mine(caller)) {
            out.add(view(directory.clientByClientId(c.clientId()).orElse(c)));
        }
        out.sort(Comparator.comparing(Integrator::clientId));
        return out;
    }

    public Issued create(Input input) {
        Caller caller = Caller.requireTenant(Role.DISTRICT_ADMIN);
        if (input == null) throw DubanException.badRequest("integrator.name", "请填写接口客户端名称。");
        String name = input.name() == null ? "" : input.name().strip().toLowerCase(Locale.ROOT);
        if (!validName(name)) {
            throw DubanException.badRequest("integrator.name", "名称只能由小写字母、数字和连字符组成，2至20个字符，以字母开头。");
        }
        String description = input.description() == null ? null : input.description().strip();
        if (description != null && description.length() > 200) {
            throw DubanException.badRequest("integrator.description", "说明最多200个字符。");
        }
        Set<String> roles = checkedRoles(input.roles());
        String clientId = clientPrefix(caller.tenantId()) + name;
        if (mine(caller).size() >= MAX_PER_TENANT) {
            throw DubanException.conflict(
                    "integrator.too-many", "本区的接口客户端已达上限（" + MAX_PER_TENANT + "个）。");
        }
        if (directory.clientByClientId(clientId).isPresent()) throw taken();
        KeycloakDirectory.ApiClient c;
        try {
            c = directory.createApiClient(clientId, description, caller.tenantId());
        } catch (DubanException e) {
            if (e.status() == 409) throw taken();
            throw e;
        }
        try {
            directory.addRealmRoles(c.serviceAccountUserId(), roles);
            String secret = directory.clientSecret(c.id());
            audit.record(
                    "integrator.created",
                    "integrator",
                    uuid(c.id()),
                    "clientId",
                    clientId,
                    "roles",
                    String.join(",", roles));
            return new Issued(new Integrator(clientId, description, List.copyOf(roles)), secret);
        } catch (RuntimeException e) {
            // Nothing half-made: a client without its roles or audit entry goes again.
            directory.deleteClient(c.id());
            throw e;
        }
    }

    /** A new secret; the old one stops working at once. */
    public Issued rotate(String clientId) {
        Caller.requireTenant(Role.DISTRICT_ADMIN);
        KeycloakDirectory.ApiClient c = load(clientId);
        String secret = directory.rotateClientSecret(c.id());
        audit.record("integrator.rotated", "integrator", uuid(c.id()), "clientId", clientId);
        return new Issued(view(c), secret);
    }

    public void delete(String clientId) {
        Caller.requireTenant(Role.DISTRICT_ADMIN);
        KeycloakDirectory.ApiClient c = load(clientId);
        directory.deleteClient(c.id());
        audit.record("integrator.deleted", "integrator", uuid(c.id()), "clientId", clientId);
    }

    /** The roles asked for, each from the safe list, at least one; anything else is 400. */
    static Set<String> checkedRoles(List<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw DubanException.badRequest("integrator.roles", "请至少选择一个角色。");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String r : roles) {
            if (r == null || !Role.INTEGRATOR_GRANTS.contains(r)) {
                throw DubanException.badRequest(
                        "integrator.roles",
                        "接口客户端只能授予以下角色："
                                + String.join(
                                        "、",
                                        Role.INTEGRATOR_GRANTS.stream().map(Role::label).toList())
                                + "。");
            }
            out.add(r);
        }
        return out;
    }

    /** 2–20 characters, a–z, 0–9 and inner hyphens, a letter first: linear, no regex. */
    static boolean validName(String name) {
        if (name.length() < 2 || name.length() > 20) return false;
        if (name.charAt(0) < 'a' || name.charAt(0) > 'z' || name.endsWith("-")) return false;
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (!(ch >= 'a' && ch <= 'z') && !(ch >= '0' && ch <= '9') && ch != '-') return false;
        }
        return true;
    }

    private List<KeycloakDirectory.ApiClient> mine(Caller caller) {
        return directory.clientsOfTenant(clientPrefix(caller.tenantId()), caller.tenantId());
    }

    /** The caller's tenant's client of that id; anything else, another tenant's included, 404. */
    private KeycloakDirectory.ApiClient load(String clientId) {
        String tenant = Caller.currentTenant().orElseThrow(DubanException::unauthorized);
        if (clientId == null || !clientId.startsWith(clientPrefix(tenant))) throw notFound();
        return directory
                .clientByClientId(clientId)
                .filter(c -> tenant.equals(c.tenant()))
                .orElseThrow(IntegratorService::notFound);
    }

    private Integrator view(KeycloakDirectory.ApiClient c) {
        List<String> roles =
                c.serviceAccountUserId() == null
                        ? List.of()
                        : directory.realmRoles(c.serviceAccountUserId()).stream()
                                .filter(Role.ALL::contains)
                                .sorted()
                                .toList();
        return new Integrator(c.clientId(), c.description(), roles);
    }

    private static DubanException notFound() {
        return DubanException.notFound("integrator.not-found", "接口客户端不存在。");
    }

    private static DubanException taken() {
        return DubanException.conflict("integrator.taken", "该名称已被使用，请换一个。");
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
