package cn.duban.plan.parse;

import java.time.LocalDate;

/**
 * A deadline rule: the phrase as written, the date it resolves to in the plan's year, its kind, and
 * for recurring or frequency rules a code such as {@code QUARTERLY} or {@code AT_LEAST_1_PER_YEAR}.
 */
public record Deadline(String text, LocalDate date, DeadlineKind kind, String frequency) {}
