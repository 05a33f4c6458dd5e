package cn.duban.account;

import cn.duban.platform.ListedProblem;
import cn.duban.platform.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * What a valid account looks like, as plain checks (no container, linear in the input): the same
 * rules answer the REST API, the page and every row of an imported sheet. Keycloak checks again
 * (unique names, its own character rules); these give the Chinese message first.
 */
public final class AccountRules {

    public static final int MAX_NAME = 50;
    public static final int MAX_EMAIL = 254;

    /** A broken rule: the field (as the API names it) and a Chinese sentence. */
    /** A field's problem: the field's name in the API, and the problem. */
    public record Violation(String field, String code, List<String> args, String message)
            implements ListedProblem {

        public Violation {
            args = List.copyOf(args);
        }

        public static Violation of(String field, String code, String message, Object... args) {
            return new Violation(field, code, ListedProblem.texts(args), message);
        }

        @Override
        public Violation withMessage(String message) {
            return new Violation(field, code, args, message);
        }
    }

    public static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";
    public static final String CONFIGURE_TOTP = "CONFIGURE_TOTP";

    private AccountRules() {}

    /**
     * What Keycloak asks at the next login: a new password, and an authenticator of a district
     * administrator.
     */
    public static List<String> requiredActions(java.util.Set<String> roles) {
        return roles.contains(Role.DISTRICT_ADMIN)
                ? List.of(UPDATE_PASSWORD, CONFIGURE_TOTP)
                : List.of(UPDATE_PASSWORD);
    }

    /** Every rule the input breaks; empty when it is a valid account of a district. */
    public static List<Violation> check(AccountInput in, boolean creating) {
        List<Violation> out = new ArrayList<>();
        if (creating) {
            String u = in.username();
            if (u == null)
                out.add(Violation.of("username", "account.field.username-missing", "请填写登录名。"));
            else if (!validUsername(u)) {
                out.add(
                        Violation.of(
                                "username",
                                "account.field.username-invalid",
                                "登录名“" + u + "”无效：3至40位小写字母、数字或 . _ -，以字母或数字开头。",
                                u));
            }
        }
        String name = in.name();
        if (name == null) out.add(Violation.of("name", "account.field.name-missing", "请填写姓名。"));
        else if (name.length() > MAX_NAME)
            out.add(
                    Violation.of(
                            "name",
                            "account.field.name-too-long",
                            "姓名不能超过" + MAX_NAME + "字。",
                            MAX_NAME));
        else if (!validPersonName(name)) {
            out.add(Violation.of("name", "account.field.name-symbols", "姓名不能含有 < > & \" 等符号。"));
        }
        if (in.phone() != null && !validPhone(in.phone())) {
            out.add(
                    Violation.of(
                            "phone",
                            "account.field.phone-invalid",
                            "手机号“" + in.phone() + "”无效：应为11位手机号，或带区号的电话号码。",
                            in.phone()));
        }
        if (in.email() != null && !validEmail(in.email())) {
            out.add(
                    Violation.of(
                            "email",
                            "account.field.email-invalid",
                            "邮箱“" + in.email() + "”无效。",
                            in.email()));
        }
        if (in.roles().isEmpty()) {
            out.add(Violation.of("roles", "account.field.roles-missing", "请至少选择一个角色。"));
        }
        boolean needsUnit = false;
        for (String role : in.roles()) {
            if (!Role.grantableByDistrict(role)) {
                // The same answer for platform-admin, realm-management roles and nonsense alike.
                out.add(
                        Violation.of(
                                "roles",
                                "account.field.role-not-grantable",
                                "角色“" + role + "”不能由区府办授予。",
                                role));
            } else if (Role.UNIT_ROLES.contains(role)) {
                needsUnit = true;
            }
        }
        if (needsUnit && in.unit() == null) {
            out.add(Violation.of("unit", "account.field.unit-required", "联络员、单位负责人和单位管理员须选择所属单位。"));
        }
        return out;
    }

    /** The longest provincial id (OIDC's {@code sub} is at most 255 ASCII characters). */
    public static final int MAX_PROVINCIAL_ID = 255;

    /**
     * A provincial id (统一身份认证 ID) as the upstream issues it: 1 to 255 visible ASCII characters, no
     * blanks. Null when it is valid, else the Chinese message.
     */
    public static String checkProvincialId(String id) {
        if (id == null || id.isEmpty()) return "请填写统一身份认证 ID。";
        if (id.length() > MAX_PROVINCIAL_ID) return "统一身份认证 ID 不能超过" + MAX_PROVINCIAL_ID + "个字符。";
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c <= ' ' || c > '~') return "统一身份认证 ID 只能由字母、数字和常见符号组成，不能有空格或汉字。";
        }
        return null;
    }

    /**
     * Lower-case letters, digits and . _ -, 3 to 40 characters, starting with a letter or digit.
     */
    static boolean validUsername(String u) {
        if (u.length() < 3 || u.length() > 40) return false;
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-'))) return false;
        }
        return true;
    }

    /**
     * Keycloak's person-name rule (no markup or shell characters, no control characters), so a name
     * Keycloak would refuse gets a Chinese message here first.
     */
    static boolean validPersonName(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7F || "<>&\"$%!#?§;*~/\\|^=[]{}()".indexOf(c) >= 0) return false;
        }
        return true;
    }

    /**
     * A mainland mobile number (11 digits from 1), or a telephone number of digits, - and a leading
     * +.
     */
    static boolean validPhone(String p) {
        if (p.length() < 5 || p.length() > 20) return false;
        int digits = 0;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c >= '0' && c <= '9') digits++;
            else if (!(c == '-' || c == ' ' || (c == '+' && i == 0))) return false;
        }
        if (digits == p.length() && p.charAt(0) == '1') return digits == 11;
        return digits >= 5;
    }

    /** One @, something before it, a dotted domain after it, no blanks or markup. */
    static boolean validEmail(String e) {
        if (e.length() > MAX_EMAIL) return false;
        int at = e.indexOf('@');
        if (at <= 0 || at != e.lastIndexOf('@') || at == e.length() - 1) return false;
        String domain = e.substring(at + 1);
        if (domain.indexOf('.') <= 0 || domain.endsWith(".") || domain.contains("..")) return false;
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c <= ' ' || c == 0x7F || "<>()[]\\,;:\"".indexOf(c) >= 0) return false;
        }
        return true;
    }
}
