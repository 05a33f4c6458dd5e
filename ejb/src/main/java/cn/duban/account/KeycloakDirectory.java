package cn.duban.account;

import cn.duban.platform.DubanException;
import cn.duban.platform.Settings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Keycloak's user store, through its Admin REST API as the confidential service-account client
 * {@code duban-accounts} (realm-management roles {@code manage-users} and {@code manage-clients}).
 * Keycloak keeps the people, their passwords and sessions; Duban keeps none of that.
 *
 * <p>Keycloak's {@code manage-users} can change <em>any</em> user of the realm and map any realm
 * role that is not an admin role, {@code platform-admin} included: the tenant and role rules are
 * Duban's to enforce ({@link AccountService}), and this class does nothing on its own initiative.
 *
 * <p>{@code manage-clients} is there for the integrators' API clients ({@link IntegratorService})
 * and is the larger risk: it can change <em>any</em> client of the realm, {@code duban-web}'s
 * redirect URIs and secret included, so the {@code DUBAN_ACCOUNTS_SECRET} is worth as much as the
 * realm's administrator. Keycloak itself keeps it from granting admin roles it does not hold
 * ({@code realm-admin}, {@code manage-realm} …); Duban's own rule maps only realm roles of {@link
 * cn.duban.platform.Role#INTEGRATOR_GRANTS} to an integrator. Duban only ever touches clients whose
 * {@link #CLIENT_TENANT} attribute is the caller's tenant; there is no narrower Keycloak role that
 * can create a client and then rotate or delete its secret.
 *
 * <p>Settings: {@code duban.accounts.secret} / {@code DUBAN_ACCOUNTS_SECRET} (no default: without
 * it account management answers 503), {@code duban.accounts.client-id} / {@code
 * DUBAN_ACCOUNTS_CLIENT_ID} ({@code duban-accounts}), and the realm from {@code
 * duban.oidc.provider-url} / {@code DUBAN_OIDC_PROVIDER_URL}, as the OIDC login uses it.
 */
@ApplicationScoped
public class KeycloakDirectory {

    public static final String TENANT = "tenant";
    public static final String UNIT = "unit";
    public static final String PHONE = "phoneNumber";

    /** More users than this in one district is not a district (guards the paging loop). */
    static final int MAX_USERS_PER_TENANT = 10_000;

    private static final int PAGE = 500;
    private static final Logger LOG = Logger.getLogger(KeycloakDirectory.class.getName());

    private volatile Keycloak keycloak;
    private String realm;
    private volatile Map<String, RoleRepresentation> roleCache = Map.of();

    private RealmResource realm() {
        Keycloak k = keycloak;
        if (k == null) {
            synchronized (this) {
                if (keycloak == null) keycloak = connect();
                k = keycloak;
            }
        }
        return k.realm(realm);
    }

    private Keycloak connect() {
        String secret = Settings.get("duban.accounts.secret", "DUBAN_ACCOUNTS_SECRET", null);
        if (secret == null) {
            throw new DubanException(
                    503, "accounts.unconfigured", "账号管理未配置（缺少 DUBAN_ACCOUNTS_SECRET），请联系平台运维。");
        }
        String issuer =
                Settings.get(
                        "duban.oidc.provider-url",
                        "DUBAN_OIDC_PROVIDER_URL",
                        "http://localhost:8180/realms/duban");
        int at = issuer.lastIndexOf("/realms/");
        if (at < 0)
            throw new IllegalStateException(
                    "DUBAN_OIDC_PROVIDER_URL is not a Keycloak realm URL: " + issuer);
        realm = issuer.substring(at + "/realms/".length()).replaceAll("/+$", "");
        // The server's RESTEasy client, with timeouts (a hung Keycloak must not hang requests) and
        // a pool.
        var client =
                new ResteasyClientBuilderImpl()
                        .connectTimeout(5, TimeUnit.SECONDS)
                        .readTimeout(30, TimeUnit.SECONDS)
                        .connectionPoolSize(20)
                        .register(new JacksonProvider(), 100)
                        .build();
        return KeycloakBuilder.builder()
                .serverUrl(issuer.substring(0, at))
                .realm(realm)
                .grantType("client_credentials")
                .clientId(
                        Settings.get(
                                "duban.accounts.client-id",
                                "DUBAN_ACCOUNTS_CLIENT_ID",
                                "duban-accounts"))
                .clientSecret(secret)
                .resteasyClient(client)
                .build();
    }

    @PreDestroy
    void close() {
        if (keycloak != null) keycloak.close();
    }

    /** Every user whose {@code tenant} attribute is exactly that tenant. */
    public List<DirectoryUser> usersOfTenant(String tenant) {
        return call(
                () -> {
                    List<DirectoryUser> out = new ArrayList<>();
                    for (int first = 0; first < MAX_USERS_PER_TENANT; first += PAGE) {
                        List<UserRepresentation> page =
                                realm().users()
                                        .searchByAttributes(
                                                first,
                                                PAGE,
                                                null,
                                                true,
                                                false,
                                                TENANT + ":" + tenant);
                        for (UserRepresentation u : page) {
                            DirectoryUser user = of(u);
                            // Keycloak's attribute search is exact here; the comparison below makes
                            // sure of it.
                            if (tenant.equals(user.tenant())) out.add(user);
                        }
                        if (page.size() < PAGE) break;
                    }
                    return out;
                });
    }

    /**
     * Every user of the realm without a {@code tenant} attribute: the platform's operators (and
     * anything made by hand in Keycloak's console). One Keycloak serves one district's deployment,
     * so the whole realm is a few hundred users.
     */
    public List<DirectoryUser> usersWithoutTenant() {
        return call(
                () -> {
                    List<DirectoryUser> out = new ArrayList<>();
                    for (int first = 0; first < MAX_USERS_PER_TENANT * 10; first += PAGE) {
                        List<UserRepresentation> page =
                                realm().users().search(null, first, PAGE, false);
                        for (UserRepresentation u : page) {
                            DirectoryUser user = of(u);
                            if (user.tenant() == null) out.add(user);
                        }
                        if (page.size() < PAGE) break;
                    }
                    return out;
                });
    }

    /** The user of that Keycloak id, if any. */
    public Optional<DirectoryUser> find(String id) {
        return call(
                () -> {
                    try {
                        return Optional.of(of(realm().users().get(id).toRepresentation()));
                    } catch (jakarta.ws.rs.NotFoundException e) {
                        return Optional.empty();
                    }
                });
    }

    /** The realm roles mapped to the user directly. */
    public Set<String> realmRoles(String id) {
        return call(
                () -> {
                    Set<String> out = new HashSet<>();
                    for (RoleRepresentation r :
                            realm().users().get(id).roles().realmLevel().listAll())
                        out.add(r.getName());
                    return out;
                });
    }

    /** True if any user of the realm, in whatever tenant, has this login name. */
    public boolean usernameTaken(String username) {
        return call(
                () ->
                        realm().users().searchByUsername(username, true).stream()
                                .anyMatch(u -> username.equalsIgnoreCase(u.getUsername())));
    }

    /** True if any user of the realm other than {@code exceptId} has this e-mail. */
    public boolean emailTaken(String email, String exceptId) {
        return call(
                () ->
                        realm().users().searchByEmail(email, true).stream()
                                .anyMatch(
                                        u ->
                                                email.equalsIgnoreCase(u.getEmail())
                                                        && !u.getId().equals(exceptId)));
    }

    /** A new user as Duban creates them. */
    public record NewUser(
            String username,
            String name,
            String email,
            String phone,
            String tenant,
            String unit,
            boolean enabled,
            List<String> requiredActions,
            String temporaryPassword) {}

    /**
     * Creates the user with these realm roles and returns its id: the user first, then its roles; a
     * user whose roles fail is deleted again, so no account is left half made.
     */
    public String create(NewUser n, Set<String> realmRoles) {
        String id = create(n);
        try {
            addRealmRoles(id, realmRoles);
        } catch (RuntimeException e) {
            deleteAfterFailure(id);
            throw e;
        }
        return id;
    }

    /**
     * Deletes a user this call created when a later step failed; a failed deletion is logged (the
     * first failure is what the caller reports).
     */
    public void deleteAfterFailure(String id) {
        try {
            delete(id);
        } catch (RuntimeException e) {
            LOG.log(
                    java.util.logging.Level.SEVERE,
                    "Could not undo the user " + id + " a failed call created",
                    e);
        }
    }

    /**
     * Creates the user and returns its id; a taken login name or e-mail is 409 {@code
     * account.taken}.
     */
    public String create(NewUser n) {
        UserRepresentation u = new UserRepresentation();
        u.setUsername(n.username());
        u.setFirstName(n.name());
        u.setEmail(n.email());
        u.setEnabled(n.enabled());
        u.setAttributes(attributes(n.tenant(), n.unit(), n.phone()));
        u.setRequiredActions(n.requiredActions());
        if (n.temporaryPassword() != null)
            u.setCredentials(List.of(temporary(n.temporaryPassword())));
        return call(
                () -> {
                    try (Response r = realm().users().create(u)) {
                        if (r.getStatus() == 201) {
                            String path = r.getLocation().getPath();
                            return path.substring(path.lastIndexOf('/') + 1);
                        }
                        throw new Refused(
                                r.getStatus(), r.hasEntity() ? r.readEntity(String.class) : "");
                    }
                });
    }

    /**
     * Adds realm roles to a user that has none of them yet (a user Duban just created), with the
     * roles' representations cached: one call instead of three. A role missing from the cache (a
     * realm imported anew) refreshes it once.
     */
    public void addRealmRoles(String id, Set<String> roles) {
        call(
                () -> {
                    var mapping = realm().users().get(id).roles().realmLevel();
                    Map<String, RoleRepresentation> known = roleCache;
                    if (!known.keySet().containsAll(roles)) {
                        Map<String, RoleRepresentation> fresh = new HashMap<>();
                        for (RoleRepresentation r : mapping.listAvailable())
                            fresh.put(r.getName(), r);
                        roleCache = known = fresh;
                    }
                    List<RoleRepresentation> add = new ArrayList<>();
                    for (String role : roles) {
                        RoleRepresentation r = known.get(role);
                        if (r == null) {
                            LOG.severe("Realm role missing in Keycloak: " + role);
                            throw new DubanException(
                                    502, "accounts.role-missing", "身份认证服务中缺少所选角色，请联系平台运维。");
                        }
                        add.add(r);
                    }
                    try {
                        mapping.add(add);
                    } catch (jakarta.ws.rs.NotFoundException stale) {
                        roleCache = Map.of(); // the realm's roles changed under us: look them up
                        // afresh next time
                        throw stale;
                    }
                    return null;
                });
    }

    /**
     * Changes what a district may change: name, e-mail, phone and unit (the tenant is written as it
     * is).
     */
    public void update(
            String id, String name, String email, String phone, String tenant, String unit) {
        call(
                () -> {
                    UserResource user = realm().users().get(id);
                    UserRepresentation u = user.toRepresentation();
                    u.setFirstName(name);
                    u.setEmail(email);
                    Map<String, List<String>> attrs =
                            u.getAttributes() == null
                                    ? new HashMap<>()
                                    : new HashMap<>(u.getAttributes());
                    attrs.putAll(attributes(tenant, unit, phone));
                    if (unit == null) attrs.remove(UNIT);
                    if (phone == null) attrs.remove(PHONE);
                    u.setAttributes(attrs);
                    user.update(u);
                    return null;
                });
    }

    public void setEnabled(String id, boolean enabled) {
        call(
                () -> {
                    UserResource user = realm().users().get(id);
                    UserRepresentation u = user.toRepresentation();
                    u.setEnabled(enabled);
                    user.update(u);
                    return null;
                });
    }

    /** Ends all of the user's Keycloak sessions (refresh tokens stop working at once). */
    public void logout(String id) {
        call(
                () -> {
                    realm().users().get(id).logout();
                    return null;
                });
    }

    /** A temporary password and the actions the person must complete at the next login. */
    public void resetPassword(String id, String temporaryPassword, List<String> requiredActions) {
        call(
                () -> {
                    realm().users().get(id).resetPassword(temporary(temporaryPassword));
                    return null;
                });
        addRequiredActions(id, requiredActions);
    }

    /** Adds required actions (CONFIGURE_TOTP …) to those the user already has. */
    public void addRequiredActions(String id, List<String> requiredActions) {
        call(
                () -> {
                    UserResource user = realm().users().get(id);
                    UserRepresentation u = user.toRepresentation();
                    Set<String> actions =
                            new java.util.LinkedHashSet<>(
                                    u.getRequiredActions() == null
                                            ? List.of()
                                            : u.getRequiredActions());
                    if (actions.addAll(requiredActions)) {
                        u.setRequiredActions(new ArrayList<>(actions));
                        user.update(u);
                    }
                    return null;
                });
    }

    /**
     * Makes the user's realm roles among {@code managed} exactly {@code wanted}; roles outside
     * {@code managed} (Keycloak's defaults, anything an operator gave by hand) stay as they are.
     */
    public void setRealmRoles(String id, Set<String> wanted, Set<String> managed) {
        call(
                () -> {
                    var mapping = realm().users().get(id).roles().realmLevel();
                    List<RoleRepresentation> current = mapping.listAll();
                    Set<String> have = new HashSet<>();
                    List<RoleRepresentation> remove = new ArrayList<>();
                    for (RoleRepresentation r : current) {
                        have.add(r.getName());
                        if (managed.contains(r.getName()) && !wanted.contains(r.getName()))
                            remove.add(r);
                    }
                    List<RoleRepresentation> add = new ArrayList<>();
                    if (!have.containsAll(wanted)) {
                        for (RoleRepresentation r : mapping.listAvailable()) {
                            if (wanted.contains(r.getName())
                                    && managed.contains(r.getName())
                                    && !have.contains(r.getName())) add.add(r);
                        }
                        if (add.size() + (int) wanted.stream().filter(have::contains).count()
                                != wanted.size()) {
                            LOG.severe("Realm roles missing in Keycloak: some of " + wanted);
                            throw new DubanException(
                                    502, "accounts.role-missing", "身份认证服务中缺少所选角色，请联系平台运维。");
                        }
                    }
                    if (!remove.isEmpty()) mapping.remove(remove);
                    if (!add.isEmpty()) mapping.add(add);
                    return null;
                });
    }

    /** Deletes the user (only to undo what Duban itself just created). */
    public void delete(String id) {
        call(
                () -> {
                    try (Response r = realm().users().delete(id)) {
                        if (r.getStatus() != 204 && r.getStatus() != 404)
                            throw new Refused(r.getStatus(), "");
                    }
                    return null;
                });
    }

    /**
     * The alias of the provincial single sign-on (统一身份认证) in the realm: the identity provider that
     * bin/duban-keycloak-sso creates from DUBAN_SSO_* (dev and tests: the {@code province} realm).
     * A link to it carries the upstream's stable user id ({@code sub}); Keycloak logs a brokered
     * person in as the linked user, and refuses everyone else in the realm's first-login flow
     * {@code duban-first-broker-login} (never creates a user).
     */
    public static final String PROVINCE = "province";

    /** The user's provincial id (the link to {@link #PROVINCE}), if linked. */
    public Optional<String> provincialId(String id) {
        return call(
                () ->
                        realm().users().get(id).getFederatedIdentity().stream()
                                .filter(f -> PROVINCE.equals(f.getIdentityProvider()))
                                .map(FederatedIdentityRepresentation::getUserId)
                                .findFirst());
    }

    /**
     * The ids of every user of the realm, in whatever tenant, linked to that provincial id (none or
     * one: Duban checks before it links).
     */
    public List<String> usersLinkedTo(String provincialId) {
        return call(
                () ->
                        realm()
                                .users()
                                .search(
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        PROVINCE,
                                        provincialId,
                                        0,
                                        10,
                                        null,
                                        true)
                                .stream()
                                .map(UserRepresentation::getId)
                                .toList());
    }

    /**
     * Links the user to the provincial id, replacing an earlier link. 409 {@code sso.unconfigured}
     * when the realm has no {@link #PROVINCE} identity provider.
     */
    public void linkProvincial(String id, String provincialId) {
        call(
                () -> {
                    UserResource user = realm().users().get(id);
                    boolean linked =
                            user.getFederatedIdentity().stream()
                                    .anyMatch(f -> PROVINCE.equals(f.getIdentityProvider()));
                    if (linked) user.removeFederatedIdentity(PROVINCE);
                    FederatedIdentityRepresentation f = new FederatedIdentityRepresentation();
                    f.setIdentityProvider(PROVINCE);
                    f.setUserId(provincialId);
                    f.setUserName(provincialId);
                    try (Response r = user.addFederatedIdentity(PROVINCE, f)) {
                        if (r.getStatus() == 400) {
                            // "Could not find identity provider": the realm has no SSO configured.
                            throw new DubanException(
                                    409, "sso.unconfigured", "统一身份认证尚未配置，不能登记统一身份认证 ID。请联系平台运维。");
                        }
                        if (r.getStatus() >= 300)
                            throw new Refused(
                                    r.getStatus(), r.hasEntity() ? r.readEntity(String.class) : "");
                    }
                    return null;
                });
    }

    /** Removes the user's link to the provincial single sign-on, if any. */
    public void unlinkProvincial(String id) {
        call(
                () -> {
                    try {
                        realm().users().get(id).removeFederatedIdentity(PROVINCE);
                    } catch (jakarta.ws.rs.NotFoundException notLinked) {
                        // nothing to remove
                    }
                    return null;
                });
    }

    /**
     * The client attribute that ties an integrator client to its tenant; Duban lists and touches
     * only clients whose attribute is exactly the caller's tenant.
     */
    public static final String CLIENT_TENANT = "duban.tenant";

    /** An integrator's API client as Keycloak holds it. */
    public record ApiClient(
            String id,
            String clientId,
            String description,
            String tenant,
            String serviceAccountUserId) {}

    /**
     * Every client whose clientId starts with {@code prefix} and whose {@link #CLIENT_TENANT}
     * attribute is exactly {@code tenant} (the prefix only narrows Keycloak's search).
     */
    public List<ApiClient> clientsOfTenant(String prefix, String tenant) {
        return call(
                () -> {
                    List<ApiClient> out = new ArrayList<>();
                    for (ClientRepresentation c :
                            realm().clients().findAll(prefix, false, true, 0, 1000)) {
                        if (c.getClientId().startsWith(prefix) && tenant.equals(clientTenant(c)))
                            out.add(apiClient(c, null));
                    }
                    return out;
                });
    }

    /** The client of exactly that clientId, if any, with its service account's user id. */
    public Optional<ApiClient> clientByClientId(String clientId) {
        return call(
                () -> {
                    for (ClientRepresentation c : realm().clients().findByClientId(clientId)) {
                        if (clientId.equals(c.getClientId())) {
                            String user =
                                    Boolean.TRUE.equals(c.isServiceAccountsEnabled())
                                            ? realm().clients()
                                                    .get(c.getId())
                                                    .getServiceAccountUser()
                                                    .getId()
                                            : null;
                            return Optional.of(apiClient(c, user));
                        }
                    }
                    return Optional.empty();
                });
    }

    /**
     * Creates a confidential client that can only get tokens for itself (client credentials): no
     * browser login, no password grant. Its tokens carry {@code tenant} as a fixed claim (never a
     * {@code unit}) and the audience {@code duban-web}, which Duban's OIDC adapter requires.
     * Returns the new client, its service account user included; a taken clientId is 409.
     */
    public ApiClient createApiClient(String clientId, String description, String tenant) {
        ClientRepresentation c = new ClientRepresentation();
        c.setClientId(clientId);
        c.setName(clientId);
        c.setDescription(description);
        c.setEnabled(true);
        c.setProtocol("openid-connect");
        c.setPublicClient(false);
        c.setBearerOnly(false);
        c.setClientAuthenticatorType("client-secret");
        c.setStandardFlowEnabled(false);
        c.setImplicitFlowEnabled(false);
        c.setDirectAccessGrantsEnabled(false);
        c.setServiceAccountsEnabled(true);
        c.setFrontchannelLogout(false);
        c.setFullScopeAllowed(true);
        c.setAttributes(Map.of(CLIENT_TENANT, tenant));
        c.setProtocolMappers(
                List.of(
                        mapper(
                                "tenant",
                                "oidc-hardcoded-claim-mapper",
                                Map.of(
                                        "claim.name", TENANT,
                                        "claim.value", tenant,
                                        "jsonType.label", "String",
                                        "access.token.claim", "true",
                                        "id.token.claim", "false",
                                        "introspection.token.claim", "true")),
                        mapper(
                                "audience duban-web",
                                "oidc-audience-mapper",
                                Map.of(
                                        "included.client.audience", "duban-web",
                                        "access.token.claim", "true",
                                        "id.token.claim", "false",
                                        "introspection.token.claim", "true"))));
        return call(
                () -> {
                    String id;
                    try (Response r = realm().clients().create(c)) {
                        if (r.getStatus() != 201)
                            throw new Refused(
                                    r.getStatus(), r.hasEntity() ? r.readEntity(String.class) : "");
                        String path = r.getLocation().getPath();
                        id = path.substring(path.lastIndexOf('/') + 1);
                    }
                    String user = realm().clients().get(id).getServiceAccountUser().getId();
                    return new ApiClient(id, clientId, description, tenant, user);
                });
    }

    /** The client's current secret. */
    public String clientSecret(String id) {
        return call(() -> realm().clients().get(id).getSecret().getValue());
    }

    /** A new secret for the client; the old one stops working at once. */
    public String rotateClientSecret(String id) {
        return call(() -> realm().clients().get(id).generateNewSecret().getValue());
    }

    /** Deletes the client (and with it its service account user). */
    public void deleteClient(String id) {
        call(
                () -> {
                    realm().clients().get(id).remove();
                    return null;
                });
    }

    private static ProtocolMapperRepresentation mapper(
            String name, String type, Map<String, String> config) {
        ProtocolMapperRepresentation m = new ProtocolMapperRepresentation();
        m.setName(name);
        m.setProtocol("openid-connect");
        m.setProtocolMapper(type);
        m.setConfig(new HashMap<>(config));
        return m;
    }

    private static String clientTenant(ClientRepresentation c) {
        return c.getAttributes() == null ? null : c.getAttributes().get(CLIENT_TENANT);
    }

    private static ApiClient apiClient(ClientRepresentation c, String serviceAccountUserId) {
        return new ApiClient(
                c.getId(),
                c.getClientId(),
                c.getDescription(),
                clientTenant(c),
                serviceAccountUserId);
    }

    private static CredentialRepresentation temporary(String password) {
        CredentialRepresentation c = new CredentialRepresentation();
        c.setType(CredentialRepresentation.PASSWORD);
        c.setValue(password);
        c.setTemporary(true);
        return c;
    }

    private static Map<String, List<String>> attributes(String tenant, String unit, String phone) {
        Map<String, List<String>> a = new HashMap<>();
        // An operator (三员) belongs to no tenant.
        if (tenant != null) a.put(TENANT, List.of(tenant));
        if (unit != null) a.put(UNIT, List.of(unit));
        if (phone != null) a.put(PHONE, List.of(phone));
        return a;
    }

    private static DirectoryUser of(UserRepresentation u) {
        return new DirectoryUser(
                u.getId(),
                u.getUsername(),
                u.getFirstName(),
                u.getEmail(),
                first(u, PHONE),
                first(u, TENANT),
                first(u, UNIT),
                Boolean.TRUE.equals(u.isEnabled()),
                u.getCreatedTimestamp() == null
                        ? null
                        : Instant.ofEpochMilli(u.getCreatedTimestamp()),
                u.getRequiredActions());
    }

    private static String first(UserRepresentation u, String attribute) {
        if (u.getAttributes() == null) return null;
        List<String> values = u.getAttributes().get(attribute);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * Runs a call to Keycloak, translating its failures: unreachable → 503, 409 → the name or
     * e-mail is taken, 400 → Keycloak refused a value (its message is logged, not shown: it may
     * name another district's data), anything else → 502.
     */
    private static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (DubanException e) {
            throw e;
        } catch (ProcessingException e) {
            LOG.warning("Keycloak admin API unreachable: " + e);
            throw new DubanException(503, "accounts.unavailable", "身份认证服务（Keycloak）暂时不可用，请稍后重试。");
        } catch (WebApplicationException | Refused e) {
            int status =
                    e instanceof Refused r
                            ? r.status
                            : ((WebApplicationException) e).getResponse() == null
                                    ? 0
                                    : ((WebApplicationException) e).getResponse().getStatus();
            String body = e instanceof Refused r ? r.body : body((WebApplicationException) e);
            if (status == 409) {
                throw DubanException.conflict("account.taken", "登录名或邮箱已被使用，请换一个。");
            }
            if (status == 404) {
                throw DubanException.notFound("account.not-found", "账号不存在。");
            }
            LOG.warning("Keycloak admin API answered " + status + ": " + body);
            if (status == 400) {
                throw DubanException.badRequest("account.rejected", "身份认证服务拒绝了账号信息，请检查姓名、邮箱等字段。");
            }
            throw new DubanException(
                    502, "accounts.failed", "身份认证服务（Keycloak）处理失败（HTTP " + status + "），请稍后重试。");
        }
    }

    /** A status Keycloak answered that the admin client does not turn into an exception itself. */
    private static final class Refused extends RuntimeException {
        private final int status;
        private final String body;

        Refused(int status, String body) {
            super("Keycloak answered " + status);
            this.status = status;
            this.body = body;
        }
    }

    private static String body(WebApplicationException e) {
        try {
            return e.getResponse() == null || !e.getResponse().hasEntity()
                    ? ""
                    : e.getResponse().readEntity(String.class);
        } catch (RuntimeException ignored) {
            return "";
        }
    }
}
