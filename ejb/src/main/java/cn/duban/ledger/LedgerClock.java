package cn.duban.ledger;

import cn.duban.platform.AppClock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Dates of the ledger are Beijing dates: a deadline "6月30日" ends at midnight in China. */
public final class LedgerClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private LedgerClock() {}

    /** Today in Beijing, by {@link AppClock} (the demo year's generator sets it back). */
    public static LocalDate today() {
        return LocalDate.ofInstant(AppClock.now(), ZONE);
    }

    public static LocalDate dateOf(java.time.Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }
}
