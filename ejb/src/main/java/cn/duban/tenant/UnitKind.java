package cn.duban.tenant;

/** What kind of organisation a unit is; collectives such as 各街镇 expand by kind. */
public enum UnitKind {
    /** 区府办: the district office that runs supervision. */
    DISTRICT_OFFICE,
    /** 部门: a district department (委、办、局). */
    DEPARTMENT,
    /** 街镇: a town or street office. */
    TOWN
}
