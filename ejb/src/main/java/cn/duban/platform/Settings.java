package cn.duban.platform;

/**
 * The installation's settings: a system property (set by the tests and the dev stack) wins over the
 * environment variable (production, from the env file the start script reads). Secrets have no
 * default: {@link #required} stops whatever needs one with a message naming the variable.
 */
public final class Settings {

    private Settings() {}

    /** The value, or the fallback when neither the property nor the variable is set. */
    public static String get(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) value = System.getenv(env);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    /** The value; a missing one is a configuration error that names the variable. */
    public static String required(String property, String env) {
        String value = get(property, env, null);
        if (value == null) {
            throw new IllegalStateException(
                    env + " is not set (system property " + property + "); see docs/DEPLOYMENT.md");
        }
        return value;
    }
}
