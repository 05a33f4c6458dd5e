package cn.duban.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * The cap on repeats: at most {@code cap} external messages about the same task to a unit in 7
 * days. The messages counted are those that went out or will (not those already capped).
 */
public final class RepeatCap {

    public static final Duration WINDOW = Duration.ofDays(7);

    private RepeatCap() {}

    /** Whether one more message now would be beyond the cap, given the earlier ones' times. */
    public static boolean reached(Collection<Instant> earlier, Instant now, int cap) {
        Instant since = now.minus(WINDOW);
        long within = earlier.stream().filter(t -> t.isAfter(since) && !t.isAfter(now)).count();
        return within >= cap;
    }
}
