package cn.duban.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A tenant's quiet hours (静默时段), e.g. 22:00–07:30 Beijing time: external messages due inside are
 * held until the window ends. A window whose end is before its start runs across midnight; start
 * equal to end is no window.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public boolean quietAt(LocalTime t) {
        if (start.equals(end)) return false;
        return start.isBefore(end)
                ? !t.isBefore(start) && t.isBefore(end)
                : !t.isBefore(start) || t.isBefore(end);
    }

    /** When the window that holds {@code now} ends; empty when {@code now} is not quiet. */
    public Optional<Instant> releaseAt(Instant now) {
        ZonedDateTime z = now.atZone(ZONE);
        LocalTime t = z.toLocalTime();
        if (!quietAt(t)) return Optional.empty();
        LocalDate day = z.toLocalDate();
        // Across midnight, before the end: it ends today; otherwise it ends on the next day.
        LocalDate endDay = t.isBefore(end) ? day : day.plusDays(1);
        return Optional.of(ZonedDateTime.of(endDay, end, ZONE).toInstant());
    }
}
