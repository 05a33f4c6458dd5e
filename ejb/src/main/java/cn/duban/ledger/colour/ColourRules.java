package cn.duban.ledger.colour;

import cn.duban.ledger.TaskStatus;
import cn.duban.ledger.colour.ColourReading.Kind;
import cn.duban.ledger.colour.ColourReading.Reason;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant's colour rules (亮灯规则): when an open task turns amber or red. Counts and days of 0 switch
 * a signal off. The one place a rule is declared: the stored version (jsonb), the API's fields and
 * the page's inputs all go by the component names ({@link #values()}, {@link #of}); a rule's label
 * is {@code colour.rule.<name>} in the message bundles.
 *
 * @param dueSoonDays amber when the next checkpoint or the deadline is this many days away or less
 * @param redOverdueDays red once the deadline has passed by this many days (1: the day after it);
 *     amber before that
 * @param amberReturns amber when its reports were returned this many times since the last approved
 *     one
 * @param redReturns red at this many returns
 * @param amberSilentDays amber after this many days without a report
 * @param redSilentDays red after this many days without a report
 * @param redMissedCheckpoints red when this many checkpoints have passed without a report (fewer:
 *     amber)
 * @param blueForDone a finished task shows blue (otherwise green)
 * @param amberUntilCaughtUp a task that was red shows amber, not green, until its approved % has
 *     caught up with its schedule (the 瓯海 rule)
 */
public record ColourRules(
        int dueSoonDays,
        int redOverdueDays,
        int amberReturns,
        int redReturns,
        int amberSilentDays,
        int redSilentDays,
        int redMissedCheckpoints,
        boolean blueForDone,
        boolean amberUntilCaughtUp) {

    /** A tenant's rules until its office saves its own. */
    public static final ColourRules DEFAULT = new ColourRules(7, 1, 1, 2, 30, 60, 1, true, true);

    /** The most days or times a rule may name. */
    public static final int MAX = 366;

    /** What is wrong with these rules, as message keys with the rule's name; empty when none. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        values().forEach(
                        (name, v) -> {
                            if (v instanceof Integer i && (i < 0 || i > MAX))
                                out.add("colour.problem.range:" + name);
                        });
        if (redOverdueDays < 1) out.add("colour.problem.range:redOverdueDays");
        if (amberReturns > 0 && redReturns > 0 && redReturns < amberReturns)
            out.add("colour.problem.order:redReturns");
        if (amberSilentDays > 0 && redSilentDays > 0 && redSilentDays < amberSilentDays)
            out.add("colour.problem.order:redSilentDays");
        return out;
    }

    /** Every rule by its name, in declaration order. */
    public Map<String, Object> values() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : ColourRules.class.getRecordComponents()) {
            try {
                out.put(c.getName(), c.getAccessor().invoke(this));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** The rules' names, in declaration order (the page draws one input each). */
    public static List<String> names() {
        return DEFAULT.values().keySet().stream().toList();
    }

    /**
     * Rules from their values by name: {@code base}'s for any name missing, so an old stored
     * version or a partial update reads every rule. A value of the wrong kind throws {@link
     * IllegalArgumentException} naming the rule.
     */
    public static ColourRules of(Map<String, ?> values, ColourRules base) {
        RecordComponent[] cs = ColourRules.class.getRecordComponents();
        Object[] args = new Object[cs.length];
        Class<?>[] types = new Class<?>[cs.length];
        Map<String, Object> defaults = base.values();
        for (int i = 0; i < cs.length; i++) {
            String name = cs[i].getName();
            types[i] = cs[i].getType();
            Object v = values.containsKey(name) ? values.get(name) : defaults.get(name);
            if (types[i] == int.class) {
                if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()))
                    throw new IllegalArgumentException(name);
                args[i] =
                        (int)
                                Math.max(
                                        Integer.MIN_VALUE,
                                        Math.min(Integer.MAX_VALUE, n.longValue()));
            } else {
                if (!(v instanceof Boolean)) throw new IllegalArgumentException(name);
                args[i] = v;
            }
        }
        try {
            return ColourRules.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The task's colour today, with its reasons. */
    public ColourReading read(TaskSignals s, LocalDate today) {
        int expected = expectedProgress(s, today);
        boolean onSchedule = s.progress() >= expected;
        if (s.status() == TaskStatus.APPROVED)
            return new ColourReading(blueForDone ? Colour.BLUE : Colour.GREEN, List.of(), true);
        if (!s.status().open()) return new ColourReading(Colour.NONE, List.of(), true);

        List<Reason> red = new ArrayList<>();
        List<Reason> amber = new ArrayList<>();
        long overdue = ChronoUnit.DAYS.between(s.deadline(), today);
        if (overdue > 0)
            (overdue >= redOverdueDays ? red : amber).add(reason(Kind.OVERDUE, overdue));
        if (s.missedCheckpoints() > 0)
            (redMissedCheckpoints > 0 && s.missedCheckpoints() >= redMissedCheckpoints
                            ? red
                            : amber)
                    .add(reason(Kind.MISSED_CHECKPOINTS, s.missedCheckpoints()));
        if (redReturns > 0 && s.returns() >= redReturns)
            red.add(reason(Kind.RETURNED, s.returns()));
        else if (amberReturns > 0 && s.returns() >= amberReturns)
            amber.add(reason(Kind.RETURNED, s.returns()));
        LocalDate heard = s.lastReportOn() != null ? s.lastReportOn() : s.startedOn();
        if (heard != null) {
            long silent = ChronoUnit.DAYS.between(heard, today);
            if (redSilentDays > 0 && silent >= redSilentDays) red.add(reason(Kind.SILENT, silent));
            else if (amberSilentDays > 0 && silent >= amberSilentDays)
                amber.add(reason(Kind.SILENT, silent));
        }
        long toNext = ChronoUnit.DAYS.between(today, s.nextDue());
        if (overdue <= 0 && toNext >= 0 && toNext <= dueSoonDays)
            amber.add(reason(Kind.DUE_SOON, toNext));
        boolean caughtUp = red.isEmpty() && onSchedule;
        if (amberUntilCaughtUp && s.redSince() != null && red.isEmpty() && !onSchedule)
            amber.add(reason(Kind.RECOVERING, expected));

        List<Reason> reasons = new ArrayList<>(red);
        reasons.addAll(amber);
        Colour c = !red.isEmpty() ? Colour.RED : !amber.isEmpty() ? Colour.AMBER : Colour.GREEN;
        return new ColourReading(c, List.copyOf(reasons), caughtUp);
    }

    /**
     * The % the schedule asks for today: the share of the time from publication to the deadline
     * that has passed (0 before the start, 100 from the deadline on, 0 when the start is unknown).
     */
    static int expectedProgress(TaskSignals s, LocalDate today) {
        if (s.startedOn() == null) return 0;
        long span = ChronoUnit.DAYS.between(s.startedOn(), s.deadline());
        long gone = ChronoUnit.DAYS.between(s.startedOn(), today);
        if (gone <= 0) return 0;
        if (span <= 0 || gone >= span) return 100;
        return (int) (100 * gone / span);
    }

    private static Reason reason(Kind kind, long value) {
        return new Reason(kind, (int) Math.min(Integer.MAX_VALUE, value));
    }
}
