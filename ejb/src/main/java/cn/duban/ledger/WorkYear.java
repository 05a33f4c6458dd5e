package cn.duban.ledger;

import java.util.Collection;

/**
 * The year pages open on: the one that has work. This year if it has tasks; else the latest earlier
 * year with tasks (a plan year still being finished or scored); else the nearest later one; else
 * this year. Pages keep an explicit choice from the URL.
 */
public final class WorkYear {

    private WorkYear() {}

    public static int choose(int thisYear, Collection<Integer> yearsWithTasks) {
        if (yearsWithTasks == null || yearsWithTasks.isEmpty() || yearsWithTasks.contains(thisYear))
            return thisYear;
        Integer earlier = null;
        Integer later = null;
        for (Integer y : yearsWithTasks) {
            if (y == null) continue;
            if (y < thisYear && (earlier == null || y > earlier)) earlier = y;
            if (y > thisYear && (later == null || y < later)) later = y;
        }
        return earlier != null ? earlier : later != null ? later : thisYear;
    }
}
