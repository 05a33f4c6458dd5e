package cn.duban.platform.replica;

import java.time.Duration;

/**
 * Where one heavy read goes, primary or replica: the whole rule, so it can be tested alone.
 *
 * <ul>
 *   <li>A replica that has replayed the primary's current WAL position has everything committed so
 *       far, the caller's own writes included: replica.
 *   <li>Else its staleness is the time since the last commit it replayed (unknown when it has
 *       replayed none): beyond the bound, primary.
 *   <li>Within the bound, a caller who wrote in the last two bounds reads from the primary: the
 *       replica may not have that write yet. An older write is there: the replica replayed a commit
 *       made less than one bound ago, after it (commits replay in order). The second bound is a
 *       margin for the clocks of the application and the database servers.
 *   <li>Otherwise, replica.
 * </ul>
 */
public final class ReplicaRoute {

    private ReplicaRoute() {}

    /** Where to read, and why (the reason is counted and logged). */
    public record Decision(boolean replica, String reason) {}

    static final Decision CAUGHT_UP = new Decision(true, "caught-up");
    static final Decision WITHIN_BOUND = new Decision(true, "within-bound");
    static final Decision LAGGING = new Decision(false, "lagging");
    static final Decision OWN_WRITE = new Decision(false, "own-write");
    static final Decision NOT_A_REPLICA = new Decision(false, "not-a-replica");

    /**
     * @param primaryLsn the primary's current WAL position (pg_current_wal_lsn), read now
     * @param replayLsn the replica's last replayed position (pg_last_wal_replay_lsn), null when the
     *     server is not in recovery
     * @param lag now minus the replica's last replayed commit, null when it replayed none
     * @param sinceOwnWrite time since the caller's last write on this node, null when none known
     * @param maxLag the staleness bound
     */
    public static Decision decide(
            String primaryLsn,
            String replayLsn,
            Duration lag,
            Duration sinceOwnWrite,
            Duration maxLag) {
        if (replayLsn == null) return NOT_A_REPLICA;
        if (lsn(replayLsn) >= lsn(primaryLsn)) return CAUGHT_UP;
        if (lag == null || lag.compareTo(maxLag) > 0) return LAGGING;
        if (sinceOwnWrite != null && sinceOwnWrite.compareTo(maxLag.multipliedBy(2)) <= 0)
            return OWN_WRITE;
        return WITHIN_BOUND;
    }

    /** A pg_lsn's text form ("16/B374D848": high and low 32 bits in hex) as a number. */
    static long lsn(String text) {
        int slash = text.indexOf('/');
        if (slash < 1) throw new IllegalArgumentException("Not a WAL position: " + text);
        return (Long.parseLong(text.substring(0, slash), 16) << 32)
                | Long.parseLong(text.substring(slash + 1), 16);
    }

    /** A bound such as "5s", "500ms", "2m" or ISO-8601 ("PT5S"). */
    public static Duration parseBound(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("pt")) return Duration.parse(t);
        if (t.endsWith("ms"))
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        if (t.endsWith("s"))
            return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
        if (t.endsWith("m"))
            return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
        return Duration.ofSeconds(Long.parseLong(t));
    }
}
