package cn.duban.calendar.web;

import cn.duban.calendar.DayKind;
import cn.duban.calendar.NoticeLines;
import cn.duban.calendar.WorkCalendarService;
import cn.duban.platform.AppClock;
import cn.duban.platform.DubanException;
import cn.duban.web.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * The system administrator's work calendar page (/app/platform/calendar): which years are entered,
 * a warning for a year that is missing, and a year's notice as text to correct or enter. The
 * service checks every line; a bad one is listed with its number and nothing is saved.
 */
@Named
@ViewScoped
public class CalendarPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject WorkCalendarService calendar;

    private List<Integer> years;
    private SortedSet<Integer> missing;
    private int year;
    private String source;
    private String text;
    private long holidays;
    private long workdays;
    private List<?> errors = List.of();

    @PostConstruct
    void init() {
        LocalDate today = today();
        missing = calendar.calendar().missingYears(today);
        years = new ArrayList<>();
        for (int y = today.getYear() - 1; y <= today.getYear() + 2; y++) years.add(y);
        // A missing year first: that is what the operator came for.
        year = missing.isEmpty() ? today.getYear() : missing.first();
        load();
    }

    /** Shows the chosen year as stored. */
    public void load() {
        WorkCalendarService.Year y = calendar.year(year);
        source = y.source();
        text = NoticeLines.write(y.days());
        holidays = y.days().stream().filter(a -> a.kind() == DayKind.HOLIDAY).count();
        workdays = y.days().size() - holidays;
        errors = List.of();
    }

    public void save() {
        try {
            calendar.replace(year, source, text);
        } catch (DubanException e) {
            // The lines' errors go in the table under the text; everything else to the message.
            if (!"calendar.lines".equals(e.code()) || e.errors() == null) throw e;
            errors = Messages.errors(e);
            Messages.error(e);
            return;
        }
        Messages.info("calendar.saved", year);
        missing =
                calendar.calendar()
                        .missingYears(
                                LocalDate.ofInstant(AppClock.now(), WorkCalendarResource.BEIJING));
        load();
    }

    private static LocalDate today() {
        return LocalDate.ofInstant(AppClock.now(), WorkCalendarResource.BEIJING);
    }

    public List<Integer> getYears() {
        return years;
    }

    public SortedSet<Integer> getMissing() {
        return missing;
    }

    public String getMissingText() {
        return String.join("、", missing.stream().map(String::valueOf).toList());
    }

    public int getYear() {
        return year;
    }

    public void setYear(int year) {
        this.year = year;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public long getHolidays() {
        return holidays;
    }

    public long getWorkdays() {
        return workdays;
    }

    public List<?> getErrors() {
        return errors;
    }
}
