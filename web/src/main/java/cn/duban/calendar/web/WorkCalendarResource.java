package cn.duban.calendar.web;

import cn.duban.calendar.Adjustment;
import cn.duban.calendar.NoticeLines;
import cn.duban.calendar.WorkCalendar;
import cn.duban.calendar.WorkCalendarService;
import cn.duban.platform.AppClock;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.web.ApiTags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The work calendar (工作日历): holidays and worked weekends of the State Council's yearly notice.
 * Everyone reads it; the system administrator replaces a year, either as {@code text} (one line per
 * holiday or worked weekend, {@code 2026-02-15 至 2026-02-23 休 春节}) or as {@code days}; bad lines
 * answer 400 {@code calendar.lines} with every line's error.
 */
@Tag(name = ApiTags.WORK_CALENDAR)
@Path("/work-calendar")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkCalendarResource {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Inject WorkCalendarService calendar;

    /** The years the calendar holds, and those it lacks now (this year; next from November). */
    public record Status(Set<Integer> years, Set<Integer> missing) {}

    /** A year: its source, its days, and the same as text. */
    public record YearView(int year, String source, List<Adjustment> days, String text) {
        static YearView of(WorkCalendarService.Year y) {
            return new YearView(y.year(), y.source(), y.days(), NoticeLines.write(y.days()));
        }
    }

    /** A year's notice: {@code source} and either {@code text} or {@code days}. */
    public record YearInput(String source, String text, List<Adjustment> days) {}

    @Operation(summary = "工作日历概况（已录入与缺少的年份）")
    @GET
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN,
        Role.PLATFORM_ADMIN
    })
    public Status status() {
        WorkCalendar c = calendar.calendar();
        return new Status(c.years(), c.missingYears(LocalDate.ofInstant(AppClock.now(), BEIJING)));
    }

    @Operation(summary = "某年的节假日与调休上班日")
    @GET
    @Path("/{year}")
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN,
        Role.PLATFORM_ADMIN
    })
    public YearView year(@PathParam("year") int year) {
        return YearView.of(calendar.year(year));
    }

    @Operation(summary = "录入或替换某年的节假日安排")
    @PUT
    @Path("/{year}")
    @RolesAllowed(Role.SYSTEM_ADMIN)
    public YearView replace(@PathParam("year") int year, YearInput input) {
        if (input == null) throw DubanException.badRequest("request.malformed", "请求内容为空。");
        if (input.days() != null && input.text() != null) {
            throw DubanException.badRequest("calendar.lines", "text 与 days 只能给出其一。");
        }
        if (input.days() != null
                && input.days().stream().anyMatch(WorkCalendarResource::incomplete)) {
            throw DubanException.badRequest("calendar.lines", "days 的每一项都应有 day、kind 和 name。");
        }
        String text = input.days() != null ? NoticeLines.write(input.days()) : input.text();
        return YearView.of(calendar.replace(year, input.source(), text));
    }

    private static boolean incomplete(Adjustment a) {
        return a == null || a.day() == null || a.kind() == null || a.name() == null;
    }
}
