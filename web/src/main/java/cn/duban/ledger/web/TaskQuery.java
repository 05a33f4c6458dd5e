package cn.duban.ledger.web;

import cn.duban.ledger.TaskFilter;
import cn.duban.ledger.TaskStatus;
import cn.duban.web.Requests;
import jakarta.ws.rs.QueryParam;

/**
 * The ledger's filter as query parameters, in one place for the list and its exports
 * ({@code @BeanParam}): each value is checked when the filter is built, a bad one is 400 naming the
 * parameter.
 */
public class TaskQuery {

    @QueryParam("plan")
    String plan;

    @QueryParam("section")
    String section;

    @QueryParam("unit")
    String unit;

    @QueryParam("status")
    String status;

    @QueryParam("overdue")
    Boolean overdue;

    @QueryParam("dueFrom")
    String dueFrom;

    @QueryParam("dueTo")
    String dueTo;

    @QueryParam("key")
    Boolean key;

    @QueryParam("q")
    String text;

    @QueryParam("source")
    String source;

    /** The filter for one page of rows, from {@code offset}, at most {@code limit}. */
    TaskFilter filter(int offset, int limit) {
        return new TaskFilter(
                Requests.uuid(plan, "plan"),
                Requests.uuid(section, "section"),
                Requests.uuid(unit, "unit"),
                Requests.enumValue(TaskStatus.class, status, "status"),
                overdue,
                Requests.date(dueFrom, "dueFrom"),
                Requests.date(dueTo, "dueTo"),
                key,
                text,
                offset,
                limit,
                Requests.enumValue(cn.duban.plan.TaskSource.class, source, "source"));
    }
}
