package cn.duban.account;

import java.time.Instant;
import java.util.List;

/** A user as Keycloak holds it, with the attributes Duban reads (tenant, unit, phoneNumber). */
public record DirectoryUser(
        String id,
        String username,
        String name,
        String email,
        String phone,
        String tenant,
        String unit,
        boolean enabled,
        Instant createdAt,
        List<String> requiredActions) {

    public DirectoryUser {
        requiredActions = requiredActions == null ? List.of() : List.copyOf(requiredActions);
    }
}
