package cn.duban.tenant;

/** What kind of organisation a unit is; collectives such as 各街镇 expand by kind. */
public enum UnitKind {
    /** 区府办: the district office that runs supervision. */
    DISTRICT_OFFICE,
    /** 部门: a district department (委、办、局). */
    DEPARTMENT,
    /** 街镇: a town or street office. */
    TOWN,
    /** 科室/办: an office of a town (党政办、社区管理办). */
    OFFICE,
    /** 居委: a neighbourhood committee under a street. */
    COMMUNITY,
    /** 村委: a village committee under a town. */
    VILLAGE;

    /**
     * A unit the district itself supervises (区府办, 部门, 街镇): the only ones in the district's
     * rankings, coverage and collectives (各街镇/各部门). Decided by kind, never by parent, as units may
     * sit under 区府办.
     */
    public boolean districtLevel() {
        return this == DISTRICT_OFFICE || this == DEPARTMENT || this == TOWN;
    }

    /** A town's own unit (科室, 居委, 村委): lives under a town and is managed by the town. */
    public boolean subUnit() {
        return !districtLevel();
    }
}
