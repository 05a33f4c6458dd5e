package cn.duban.plan;

/**
 * What a collective name in a plan (各街镇, 各部门, 相关部门 …) expands to when the plan is published: every
 * town/street, every department, every unit, or units the admin picks.
 */
public enum CollectiveScope {
    TOWNS,
    DEPARTMENTS,
    ALL_UNITS,
    /** A town's plan: 各居委会, 各居民区, 各社区. */
    COMMUNITIES,
    /** A town's plan: 各村, 各村委会. */
    VILLAGES,
    /** A town's plan: 各居村委, 各村（居）委会. */
    NEIGHBOURHOODS,
    /** A town's plan: 各科室, 各办. */
    OFFICES,
    CHOOSE;

    public static CollectiveScope of(String name) {
        String n = name == null ? "" : name.strip();
        // "相关部门" and the like name nobody in particular: a person must choose.
        if (n.contains("相关") || n.contains("有关") || n.contains("其他") || n.contains("其它"))
            return CHOOSE;
        // "各行政执法部门", "各窗口单位", "各涉农街镇": a qualifier narrows the kind to some of its units,
        // which the plan does not list; expanding to all of them would assign work to units it
        // never named.
        if (qualified(n)) return CHOOSE;
        boolean towns =
                n.contains("街镇")
                        || n.contains("街道")
                        || n.endsWith("镇")
                        || n.contains("乡镇")
                        || n.contains("镇（街道）");
        boolean departments =
                n.contains("部门") || n.contains("委办局") || n.endsWith("局") || n.contains("委办");
        if (towns && departments) return ALL_UNITS;
        if (towns) return TOWNS;
        if (departments) return DEPARTMENTS;
        if (n.endsWith("单位")) return ALL_UNITS;
        // A town's own plan names its 下级单位 by kind.
        boolean communities =
                n.contains("居委")
                        || n.contains("居民区")
                        || n.contains("社区")
                        || n.contains("居（")
                        || n.contains("（居）");
        boolean villages = n.contains("村");
        if (communities || n.contains("居村") || n.contains("村居"))
            return villages ? NEIGHBOURHOODS : COMMUNITIES;
        if (villages) return VILLAGES;
        if (n.contains("科室") || n.endsWith("办")) return OFFICES;
        return CHOOSE;
    }

    /** Kinds named as a whole after 各 ("各部门", "各区级部门", "各街镇" …). */
    private static final java.util.Set<String> WHOLE =
            java.util.Set.of(
                    "部门", "区级部门", "区属部门", "区各部门", "委办局", "委办", "单位", "区级单位", "街镇", "街道", "镇", "乡镇",
                    "镇街", "街道镇", "镇（街道）", "街道（镇）", "部门单位");

    /**
     * True if a segment after 各 ends with a kind (部门, 单位, 街镇, 街道, 镇) but is more than the kind as a
     * whole.
     */
    static boolean qualified(String name) {
        for (int i = name.indexOf('各'); i >= 0; i = name.indexOf('各', i + 1)) {
            int end = i + 1;
            while (end < name.length() && "、，,和及与；;".indexOf(name.charAt(end)) < 0) end++;
            String segment = name.substring(i + 1, end).strip();
            boolean kind =
                    segment.endsWith("部门")
                            || segment.endsWith("单位")
                            || segment.endsWith("街镇")
                            || segment.endsWith("街道")
                            || segment.endsWith("镇");
            if (kind && !WHOLE.contains(segment)) return true;
        }
        return false;
    }
}
