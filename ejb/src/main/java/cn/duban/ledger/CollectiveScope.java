package cn.duban.ledger;

/**
 * What a collective name in a plan (各街镇, 各部门, 相关部门 …) expands to when the plan is
 * published: every town/street, every department, every unit, or units the admin picks.
 */
public enum CollectiveScope {
    TOWNS, DEPARTMENTS, ALL_UNITS, CHOOSE;

    public static CollectiveScope of(String name) {
        String n = name == null ? "" : name.strip();
        // "相关部门" and the like name nobody in particular: a person must choose.
        if (n.contains("相关") || n.contains("有关") || n.contains("其他") || n.contains("其它")) return CHOOSE;
        boolean towns = n.contains("街镇") || n.contains("街道") || n.endsWith("镇") || n.contains("乡镇") || n.contains("镇（街道）");
        boolean departments = n.contains("部门") || n.contains("委办局") || n.endsWith("局") || n.contains("委办");
        if (towns && departments) return ALL_UNITS;
        if (towns) return TOWNS;
        if (departments) return DEPARTMENTS;
        if (n.endsWith("单位")) return ALL_UNITS;
        return CHOOSE;
    }
}
