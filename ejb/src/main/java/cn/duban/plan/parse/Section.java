package cn.duban.plan.parse;

import java.util.List;

/** A top-level part of a plan (一、…); number "" for the implicit section of a plan without parts. */
public record Section(String number, String title, List<Point> points) {}
