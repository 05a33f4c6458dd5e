package cn.duban.plan.parse;

/** How a deadline phrase (完成时限) is to be read. */
public enum DeadlineKind {
    /** 全年, 年底前, 持续推进: due at year end, worked on all year. */
    YEAR_END_CONTINUOUS,
    /** 8月, 10月底前, 3月31日前. */
    BY_DATE,
    /** 上半年, 第三季度. */
    PERIOD,
    /** 每季度, 每月, 每年8月: repeats; the date is the last occurrence in the year. */
    RECURRING,
    /** 年内至少1次. */
    FREQUENCY,
    /** 决策出台后10个工作日内: kept as text; the date falls back to year end. */
    RELATIVE,
    /** No phrase: the plan's year end. */
    DEFAULT
}
