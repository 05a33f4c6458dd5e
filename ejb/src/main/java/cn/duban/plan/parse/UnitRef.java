package cn.duban.plan.parse;

/** A responsible unit as the document names it; {@code collective} for 各街镇, 相关部门 and the like. */
public record UnitRef(String name, boolean collective, UnitRole role) {}
