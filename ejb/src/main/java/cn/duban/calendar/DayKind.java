package cn.duban.calendar;

/** How the State Council's yearly notice changes a day: off (放假) or worked (调休上班). */
public enum DayKind {
    /** A public holiday or a bridging day off, also on a weekday (休). */
    HOLIDAY,
    /** A weekend day worked to make up for a bridging day (班, 调休上班). */
    WORKDAY
}
