package cn.duban.platform;

/** Server settings: a system property wins over the environment variable, as in the server configuration. */
public final class Settings {

    private Settings() {
    }

    /** The setting's value, or {@code fallback} (which may be null) when neither is set. */
    public static String get(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) value = System.getenv(env);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
