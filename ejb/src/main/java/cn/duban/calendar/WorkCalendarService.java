package cn.duban.calendar;

import cn.duban.audit.OperatorAction;
import cn.duban.audit.OperatorAudit;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.platform.RowError;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform's work calendar ({@link WorkCalendar}): everyone reads it, the system administrator
 * (platform-admin) enters each year's notice. A year is replaced whole, in one transaction, and the
 * change is on the operators' trail. About 30 rows a year: read afresh on every use, so every
 * server sees an edit at once.
 */
@Stateless
public class WorkCalendarService {

    /** Years the operator may enter: the notices that exist and the next few. */
    public static final int FIRST_YEAR = 2020, LAST_YEAR = 2100;

    @PersistenceContext EntityManager em;

    @EJB OperatorAudit operatorAudit;

    /** A year of the calendar as the page and the API show it. */
    public record Year(int year, String source, List<Adjustment> days) {}

    /** The whole calendar. */
    public WorkCalendar calendar() {
        Caller.current().orElseThrow(DubanException::unauthorized);
        List<Integer> years = new ArrayList<>();
        for (Object y : em.createNativeQuery("select year from work_calendar_year").getResultList())
            years.add(((Number) y).intValue());
        return new WorkCalendar(days(null), years);
    }

    /** One year's notice; empty days and a null source when the calendar lacks it. */
    public Year year(int year) {
        Caller.current().orElseThrow(DubanException::unauthorized);
        requireYear(year);
        List<?> source =
                em.createNativeQuery("select source from work_calendar_year where year = ?1")
                        .setParameter(1, year)
                        .getResultList();
        return new Year(year, source.isEmpty() ? null : (String) source.get(0), days(year));
    }

    /**
     * Replaces a year's notice (system administrator). {@code text} is in {@link NoticeLines}'
     * form; bad lines answer 400 {@code calendar.lines} with every line's error and change nothing.
     */
    public Year replace(int year, String source, String text) {
        Caller.require(Role.SYSTEM_ADMIN);
        requireYear(year);
        String src = source == null ? "" : source.strip();
        if (src.isEmpty() || src.length() > 200) {
            throw DubanException.badRequest(
                    "calendar.source", "请填写依据（如 国务院办公厅关于" + year + "年部分节假日安排的通知），不超过200字。");
        }
        NoticeLines.Result read = NoticeLines.read(year, text);
        if (!read.ok()) {
            RowError first = read.errors().get(0);
            throw new DubanException(
                    400,
                    "calendar.lines",
                    "第" + first.rowNumber() + "行：" + first.message(),
                    read.errors());
        }
        String by = Caller.current().map(Caller::username).orElse("system");
        em.createNativeQuery("delete from work_calendar_year where year = ?1")
                .setParameter(1, year)
                .executeUpdate();
        em.createNativeQuery(
                        "insert into work_calendar_year (year, source, updated_at, updated_by)"
                                + " values (?1, ?2, now(), ?3)")
                .setParameter(1, year)
                .setParameter(2, src)
                .setParameter(3, by)
                .executeUpdate();
        for (Adjustment a : read.adjustments()) {
            em.createNativeQuery(
                            "insert into work_calendar_day (day, year, kind, name) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, Date.valueOf(a.day()))
                    .setParameter(2, year)
                    .setParameter(3, a.kind().name())
                    .setParameter(4, a.name())
                    .executeUpdate();
        }
        long holidays =
                read.adjustments().stream().filter(a -> a.kind() == DayKind.HOLIDAY).count();
        operatorAudit.record(
                OperatorAction.WORK_CALENDAR_CHANGED,
                Integer.toString(year),
                "holidays=" + holidays + " workdays=" + (read.adjustments().size() - holidays));
        return new Year(year, src, read.adjustments());
    }

    private List<Adjustment> days(Integer year) {
        List<Adjustment> out = new ArrayList<>();
        List<?> rows =
                (year == null
                                ? em.createNativeQuery(
                                        "select day, kind, name from work_calendar_day order by day")
                                : em.createNativeQuery(
                                                "select day, kind, name from work_calendar_day where year = ?1 order by day")
                                        .setParameter(1, year))
                        .getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            LocalDate day = r[0] instanceof Date d ? d.toLocalDate() : (LocalDate) r[0];
            out.add(new Adjustment(day, DayKind.valueOf((String) r[1]), (String) r[2]));
        }
        return out;
    }

    private static void requireYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw DubanException.badRequest(
                    "calendar.year", "年份应在" + FIRST_YEAR + "至" + LAST_YEAR + "之间。");
        }
    }
}
