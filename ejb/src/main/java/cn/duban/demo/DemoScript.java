package cn.duban.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The demo year's calendar, free of the container: which year, when the plan is imported and
 * published, what happens to each task and when, when quarters close and circulars are issued.
 * Every date is relative to "today", so the demo never goes stale; the same inputs give the same
 * script.
 *
 * <p>Nothing is dated after yesterday: the generator writes as of past working days only, so no
 * record is stamped later than the moment it is written.
 */
public final class DemoScript {

    /** Beijing, as the ledger's dates. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * Days after a quarter's end at which the office closes it (and the circular follows a day
     * later).
     */
    static final int CLOSE_AFTER_DAYS = 3;

    /** What the script does, in the order of {@link Step#at}. */
    public enum Action {
        PROGRESS,
        FINAL,
        APPROVE,
        RETURN,
        RESUBMIT,
        REMIND,
        CLOSE_QUARTER,
        ISSUE_CIRCULAR
    }

    /**
     * One step: at a moment, on a task (null for the quarter's steps), with the percent reported or
     * the rating given, or the quarter (1–4) for the quarter's steps.
     */
    public record Step(LocalDateTime at, Action action, UUID task, int value) {}

    /** A task as the script sees it: id, deadline and its place in the ledger (the dice's seed). */
    public record TaskSeed(UUID id, LocalDate deadline, int index) {}

    private DemoScript() {}

    /**
     * The demo's plan year: this year once its first quarter is closed and circulated (from 5
     * April), else last year, complete. A year in progress in January would show no scores,
     * rankings or circulars: a newcomer would again see empty pages.
     */
    public static int planYear(LocalDate today) {
        return issueDay(today.getYear(), 1).isBefore(today) ? today.getYear() : today.getYear() - 1;
    }

    /** The working day a quarter is closed and its ranking published. */
    static LocalDate closeDay(int year, int quarter) {
        return workingDayFrom(quarterEnd(year, quarter).plusDays(CLOSE_AFTER_DAYS));
    }

    /** The working day after the closing, when the quarter's circular is issued. */
    static LocalDate issueDay(int year, int quarter) {
        return workingDayFrom(closeDay(year, quarter).plusDays(1));
    }

    /** The plan is imported on the first working day after 10 January and published the next. */
    public static LocalDate importDay(int year) {
        return workingDayFrom(LocalDate.of(year, 1, 10));
    }

    public static LocalDate publishDay(int year) {
        return workingDayFrom(importDay(year).plusDays(1));
    }

    static LocalDate quarterEnd(int year, int quarter) {
        return LocalDate.of(year, quarter * 3, 1).plusMonths(1).minusDays(1);
    }

    /**
     * The deadline the office sets at the import review: a point to be worked on all year (全年) gets
     * a staged deadline at the end of one of the four quarters, in turn, so that every quarter has
     * work falling due; dated deadlines stay as the document says.
     */
    public static LocalDate stagedDeadline(int year, int yearRoundIndex) {
        return quarterEnd(year, Math.floorMod(yearRoundIndex, 4) + 1);
    }

    /** The last day the script may write: yesterday. */
    static LocalDate lastDay(LocalDate today) {
        return today.minusDays(1);
    }

    /**
     * The whole year's steps, sorted by time: each task's reports and reviews, reminders for late
     * work, and each ended quarter's closing and circular.
     */
    public static List<Step> script(int year, List<TaskSeed> tasks, LocalDate today) {
        LocalDate last = lastDay(today);
        LocalDate published = publishDay(year);
        List<Step> steps = new ArrayList<>();
        for (TaskSeed t : tasks) task(t, published, last, steps);
        for (int q = 1; q <= 4; q++) {
            if (issueDay(year, q).isAfter(last)) break;
            steps.add(new Step(closeDay(year, q).atTime(10, 0), Action.CLOSE_QUARTER, null, q));
            steps.add(new Step(issueDay(year, q).atTime(15, 0), Action.ISSUE_CIRCULAR, null, q));
        }
        steps.sort(Comparator.comparing(Step::at));
        return steps;
    }

    private static void task(TaskSeed t, LocalDate published, LocalDate last, List<Step> out) {
        SplittableRandom dice = new SplittableRandom(0x5eed_0000L + t.index());
        int roll = dice.nextInt(100);
        LocalDate d = t.deadline();
        List<Step> mine = new ArrayList<>();
        if (!d.isAfter(last)) {
            // Due and past: most on time, some returned and corrected, some late, a few overdue.
            long span = d.toEpochDay() - published.toEpochDay();
            if (span > 45 && roll % 3 == 0) {
                LocalDate mid = published.plusDays(span / 2);
                add(mine, mid, 10, Action.PROGRESS, t, 40 + 10 * dice.nextInt(3));
                add(mine, mid.plusDays(2), 15, Action.APPROVE, t, 0);
            }
            if (roll < 60) {
                LocalDate sub = d.minusDays(1 + dice.nextInt(12));
                add(mine, sub, 11, Action.FINAL, t, 100);
                add(mine, sub.plusDays(1 + dice.nextInt(4)), 16, Action.APPROVE, t, rating(dice));
            } else if (roll < 72) {
                LocalDate sub = d.minusDays(12);
                add(mine, sub, 9, Action.FINAL, t, 100);
                add(mine, sub.plusDays(2), 14, Action.RETURN, t, 0);
                add(mine, sub.plusDays(6), 10, Action.RESUBMIT, t, 100);
                add(mine, sub.plusDays(8), 16, Action.APPROVE, t, rating(dice));
            } else if (roll < 86) {
                add(mine, d.plusDays(3), 9, Action.REMIND, t, 0);
                LocalDate sub = d.plusDays(5 + dice.nextInt(20));
                add(mine, sub, 11, Action.FINAL, t, 100);
                add(mine, sub.plusDays(2), 16, Action.APPROVE, t, rating(dice));
            } else if (roll < 94) {
                add(mine, d.plusDays(3), 9, Action.REMIND, t, 0);
                add(mine, d.plusDays(17), 9, Action.REMIND, t, 0);
            } else {
                LocalDate sub = d.minusDays(6);
                add(mine, sub, 9, Action.FINAL, t, 100);
                add(mine, sub.plusDays(2), 14, Action.RETURN, t, 0);
                add(mine, d.plusDays(4), 9, Action.REMIND, t, 0);
            }
        } else {
            // Not yet due: progress reported and reviewed, some waiting for review, some returned.
            long room = last.toEpochDay() - published.toEpochDay();
            if (room < 20) return;
            LocalDate early = published.plusDays(10 + dice.nextInt((int) Math.max(1, room - 20)));
            if (roll < 35) {
                add(mine, early, 10, Action.PROGRESS, t, 30 + 10 * dice.nextInt(4));
                add(mine, early.plusDays(2), 15, Action.APPROVE, t, 0);
            } else if (roll < 50) {
                add(mine, last.minusDays(dice.nextInt(6)), 10, Action.PROGRESS, t, 60);
            } else if (roll < 56) {
                add(mine, last.minusDays(8), 10, Action.PROGRESS, t, 50);
                add(mine, last.minusDays(6), 14, Action.RETURN, t, 0);
            } else if (roll < 64) {
                add(mine, early, 11, Action.FINAL, t, 100);
                add(mine, early.plusDays(2), 16, Action.APPROVE, t, rating(dice));
            }
        }
        // A step after yesterday has not happened yet, and nor has anything after it.
        for (Step s : mine) {
            if (s.at().toLocalDate().isAfter(last)
                    || s.at().toLocalDate().isBefore(published.plusDays(1))) break;
            out.add(s);
        }
    }

    /**
     * Mostly 优 and 良, some 中, the odd 差: the rating's ordinal in {@code cn.duban.ledger.Rating}.
     */
    private static int rating(SplittableRandom dice) {
        int r = dice.nextInt(10);
        return r < 4 ? 0 : r < 8 ? 1 : r < 9 ? 2 : 3;
    }

    private static void add(List<Step> to, LocalDate day, int hour, Action a, TaskSeed t, int v) {
        LocalDate working = workingDayFrom(day);
        // Minutes from the task's index keep steps on the same day apart and in a stable order.
        LocalTime time = LocalTime.of(hour, Math.floorMod(t.index() * 7, 60));
        to.add(new Step(working.atTime(time), a, t.id(), v));
    }

    /** The day itself, or the Monday after a weekend. */
    static LocalDate workingDayFrom(LocalDate day) {
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY) return day.plusDays(2);
        if (day.getDayOfWeek() == DayOfWeek.SUNDAY) return day.plusDays(1);
        return day;
    }

    /** A step's moment as an instant in Beijing time. */
    public static java.time.Instant instant(LocalDateTime at) {
        return ZonedDateTime.of(at, ZONE).toInstant();
    }
}
