package cn.duban.platform;

/**
 * An entity with an optimistic-lock version ({@code @Version}) that clients send back (the API's
 * {@code If-Match}, a page's hidden version) so that an edit made on a stale copy is refused
 * instead of silently overwriting a colleague's.
 */
public interface Versioned {

    int getVersion();

    /**
     * Refuses an edit made on another version than this one.
     *
     * @param expected the version the client edited, or null when it sent none (nothing to check)
     * @throws DubanException 409 with {@code code} and the Chinese {@code detail}
     */
    default void requireVersion(Integer expected, String code, String detail) {
        if (expected != null && expected != getVersion()) {
            throw DubanException.conflict(code, detail);
        }
    }
}
