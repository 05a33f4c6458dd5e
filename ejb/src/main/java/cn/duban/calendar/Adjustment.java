package cn.duban.calendar;

import java.time.LocalDate;

/** One day of a year's notice that differs from Monday–Friday work: 2026-02-15 休 春节. */
public record Adjustment(LocalDate day, DayKind kind, String name) {}
