/**
 * The work calendar (工作日历): which days public offices work in mainland China, from the State
 * Council's yearly holiday notice (public holidays, bridging days off, weekend days worked — 调休).
 * One calendar for the platform, for receipt deadlines, escalation and lateness alike.
 *
 * <ul>
 *   <li>{@link cn.duban.calendar.WorkCalendar}: pure rules — workdays, working hours (09:00–17:00),
 *       years the calendar lacks;
 *   <li>{@link cn.duban.calendar.NoticeLines}: a year's notice as the operator types it, one line
 *       per holiday or worked weekend;
 *   <li>{@link cn.duban.calendar.WorkCalendarService}: reads the calendar for everyone, lets the
 *       system administrator replace a year (V20: {@code work_calendar_year}, {@code
 *       work_calendar_day}; seeded with 2025 and 2026), on the operators' trail.
 * </ul>
 */
package cn.duban.calendar;
