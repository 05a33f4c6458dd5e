package cn.duban.plan.parse;

import java.time.LocalDate;

/** A dated step named inside a point's text (e.g. 6月底前完成方案制定). */
public record Milestone(String text, LocalDate date) {}
