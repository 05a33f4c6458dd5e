package cn.duban.notify;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Reading native query columns, whichever Java type the driver gave. */
final class Rows {

    private Rows() {}

    static Instant instant(Object o) {
        if (o == null) return null;
        if (o instanceof Instant i) return i;
        if (o instanceof Timestamp t) return t.toInstant();
        if (o instanceof OffsetDateTime t) return t.toInstant();
        if (o instanceof ZonedDateTime t) return t.toInstant();
        throw new IllegalArgumentException("not a time: " + o.getClass());
    }

    static LocalTime time(Object o) {
        if (o == null) return null;
        if (o instanceof LocalTime t) return t;
        if (o instanceof Time t) return t.toLocalTime();
        return LocalTime.parse(o.toString());
    }

    static UUID uuid(Object o) {
        return o == null ? null : o instanceof UUID u ? u : UUID.fromString(o.toString());
    }

    static Integer integer(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }

    static String string(Object o) {
        return o == null ? null : o.toString();
    }

    static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }

    /** Phone numbers as stored: separated by commas. */
    static List<String> phones(String stored) {
        if (stored == null || stored.isBlank()) return List.of();
        return Arrays.stream(stored.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
