package cn.duban.account;

import java.util.List;
import java.util.Locale;

/**
 * A person's account as a district office describes it: login name (登录名), name (姓名), mobile (手机),
 * e-mail, unit code and roles. Never a tenant: that always comes from the caller. Blank strings
 * become null; login names and e-mails are lower-cased (Keycloak compares them so).
 */
public record AccountInput(
        String username, String name, String phone, String email, String unit, List<String> roles) {

    public AccountInput {
        username = lower(blankToNull(username));
        name = blankToNull(name);
        phone = blankToNull(phone);
        email = lower(blankToNull(email));
        unit = blankToNull(unit);
        roles =
                roles == null
                        ? List.of()
                        : roles.stream()
                                .map(AccountInput::blankToNull)
                                .filter(r -> r != null)
                                .distinct()
                                .toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
