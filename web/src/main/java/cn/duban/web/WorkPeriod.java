package cn.duban.web;

import cn.duban.evaluation.Period;
import cn.duban.ledger.LedgerClock;
import cn.duban.ledger.TaskQueries;
import cn.duban.ledger.WorkYear;
import cn.duban.platform.DubanException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.TreeSet;

/**
 * The year and period pages open on when the URL names none: the year that has work ({@link
 * WorkYear}), not an empty current year. This year opens on the year to date; an earlier plan year
 * opens as the whole year.
 */
@Named("workPeriod")
@RequestScoped
public class WorkPeriod {

    @Inject TaskQueries tasks;

    private Integer year;

    public int year() {
        if (year == null) {
            int thisYear = LedgerClock.today().getYear();
            try {
                year = WorkYear.choose(thisYear, tasks.yearsWithTasks());
            } catch (DubanException e) {
                year = thisYear; // a caller without a tenant: nothing to look at but this year
            }
        }
        return year;
    }

    public Period period() {
        int y = year();
        return y == LedgerClock.today().getYear() ? Period.yearToDate(y) : Period.year(y);
    }

    /** The period a page shows: the one asked for, or the default. */
    public Period period(String key) {
        return key == null || key.isBlank() ? period() : Requests.period(key);
    }

    /**
     * The periods a picker offers while {@code shownKey} is shown: those of {@link #years()} and of
     * the shown period's year, so that a link to an earlier year (a closed year's published
     * results) shows its own period as chosen instead of the first one listed.
     */
    public java.util.Map<String, String> choices(String shownKey) {
        TreeSet<Integer> out = new TreeSet<>(java.util.Comparator.reverseOrder());
        out.addAll(years());
        if (shownKey != null && !shownKey.isBlank()) out.add(Requests.period(shownKey).year());
        return Requests.periodChoices(out.stream().flatMap(y -> Period.allOf(y).stream()));
    }

    /**
     * Years to choose periods from: this year, last year and the year with work, most recent first.
     */
    public List<Integer> years() {
        int thisYear = LedgerClock.today().getYear();
        TreeSet<Integer> out = new TreeSet<>(java.util.Comparator.reverseOrder());
        out.add(thisYear);
        out.add(thisYear - 1);
        out.add(year());
        return List.copyOf(out);
    }
}
