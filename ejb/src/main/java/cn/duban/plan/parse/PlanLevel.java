package cn.duban.plan.parse;

/** The government level that issued a plan: city (市), district (区) or town/street (街镇). */
public enum PlanLevel {
    CITY,
    DISTRICT,
    TOWN
}
