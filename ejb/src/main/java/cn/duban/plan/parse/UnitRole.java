package cn.duban.plan.parse;

/** 牵头 (lead) or 配合 (co-operating). */
public enum UnitRole {
    LEAD,
    COOPERATING
}
