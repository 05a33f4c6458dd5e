package cn.duban.account;

import java.time.Instant;
import java.util.List;

/**
 * A person's account as a district office sees it. {@code roles} are the tenant roles only; {@code
 * pendingActions} are what Keycloak still asks of the person at the next login (UPDATE_PASSWORD,
 * CONFIGURE_TOTP). {@code provincialId} is the person's id at the provincial single sign-on (统一身份认证
 * ID, the upstream's stable {@code sub}) when the account is linked to it, else null.
 */
public record Account(
        String id,
        String username,
        String name,
        String phone,
        String email,
        String unit,
        String unitName,
        List<String> roles,
        boolean enabled,
        Instant createdAt,
        List<String> pendingActions,
        String provincialId) {}
