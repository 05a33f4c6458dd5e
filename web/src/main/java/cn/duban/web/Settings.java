package cn.duban.web;

/** Server settings of the web tier: the system property (duban.x) wins over the environment (DUBAN_X). */
public final class Settings {

    private Settings() {
    }

    public static String get(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) value = System.getenv(env);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    /** The origin users reach the application at (DUBAN_PUBLIC_URL), or null when not configured. */
    public static String publicOrigin() {
        return Origins.of(get("duban.public-url", "DUBAN_PUBLIC_URL", null));
    }

    /** The origin of the Keycloak realm the server trusts. */
    public static String keycloakOrigin() {
        return Origins.of(get("duban.oidc.provider-url", "DUBAN_OIDC_PROVIDER_URL", "http://localhost:8180/realms/duban"));
    }
}
