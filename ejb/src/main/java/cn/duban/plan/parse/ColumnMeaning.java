package cn.duban.plan.parse;

/**
 * What a task table's column holds, as the parser read it or the user chose: one point per row, its
 * title from {@link #TITLE}, its units from {@link #UNITS} (roles from the wording: X牵头，Y配合),
 * {@link #LEAD} or {@link #COOPERATING}, the people of {@link #LEADERS} (never units).
 */
public enum ColumnMeaning {
    /** 序号: numbers the point. */
    NUMBER,
    /** 类别/工作任务 beside numbered items: groups the rows into sections. */
    SECTION,
    /** 重点工作/工作任务/具体要求: the point itself. */
    TITLE,
    /** 责任单位: units, lead or cooperating as the cell says. */
    UNITS,
    /** 牵头单位: lead units. */
    LEAD,
    /** 配合单位/协同配合单位: cooperating units. */
    COOPERATING,
    /** 责任领导/分管领导: people, kept on the point, never units. */
    LEADERS,
    /** 完成时限: the deadline phrase. */
    DEADLINE,
    /** Not read. */
    IGNORED;

    /** The meaning named {@code name} (case-insensitive), or null. */
    public static ColumnMeaning named(String name) {
        if (name == null) return null;
        for (ColumnMeaning m : values()) if (m.name().equalsIgnoreCase(name.strip())) return m;
        return null;
    }
}
