package cn.duban.plan.parse;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Documents for the linearity guard and the benchmark: hostile text of many shapes (runs that
 * almost match each pattern the parser uses, then fail) and realistic text (the seed plans
 * repeated), at any size.
 */
final class HostilePlans {

    private HostilePlans() {}

    /** head, then unit repeated, then tail: size characters in all. */
    static String fill(int size, String head, String unit, String tail) {
        StringBuilder out = new StringBuilder(size).append(head);
        while (out.length() + unit.length() + tail.length() <= size) out.append(unit);
        while (out.length() + tail.length() < size) out.append('x');
        return out.append(tail).toString();
    }

    /** Hostile documents by name, built at any size. */
    static final Map<String, IntFunction<String>> SHAPES = hostileShapes();

    /** Hostile documents of the given size, by name. */
    static Map<String, String> shapes(int size) {
        Map<String, String> out = new LinkedHashMap<>();
        SHAPES.forEach((name, shape) -> out.put(name, shape.apply(size)));
        return out;
    }

    private static Map<String, IntFunction<String>> hostileShapes() {
        Map<String, IntFunction<String>> s = new LinkedHashMap<>();
        s.put("full-width commas in a point", size -> fill(size, "一、任务", "，", "x"));
        s.put("half-width commas, semicolons and colons", size -> fill(size, "1、任务", ",;:", "x"));
        s.put(
                "spaces of every kind (U+3000, NBSP, en/em space)",
                size -> fill(size, "1、任务", " \u3000\u00A0\u2002\u2003", "x"));
        s.put("tabs", size -> fill(size, "1、任务", "\t", "x"));
        s.put(
                "full stops and commas in an annotation value",
                size -> fill(size, "1、任务（责任单位：区府办", "，。；", "x）"));
        s.put("配合 after a unit name", size -> fill(size, "1、任务（责任单位：区府办", "配合", "x）"));
        s.put("牵头 and 负责落实 after a unit name", size -> fill(size, "1、任务（区府办", "牵头负责落实", "x）"));
        s.put("责任单位： fragments", size -> fill(size, "1、任务（", "责任单位：", "）"));
        s.put(
                "cooperating units, then many free annotations",
                size ->
                        fill(size, "1、任务", "（配合单位：区府办）", "").substring(0, size / 2)
                                + fill(size, "", "（区数据局负责落实）", "").substring(size / 2));
        s.put("关于印发 without 的通知 before the points", size -> fill(size, "", "关于印发", "\n一、任务"));
        s.put(
                "关于印发 and a line break before 的通知",
                size -> fill(size, "区政府", "关于印发", "\u0085的通知\n一、任务"));
        s.put("发文机关 label followed by spaces", size -> fill(size, "发文机关：", " ", "x\n一、任务"));
        s.put("signature followed by spaces", size -> fill(size, "一、任务\n抄送：", " ", "x"));
        s.put(
                "signature with years and a line break",
                size -> fill(size, "一、任务\n抄送", "2025年", "\u0085x"));
        s.put("month followed by spaces (milestones)", size -> fill(size, "1、任务1月", " ", "x"));
        s.put("deadline: digit, spaces, no range", size -> fill(size, "1、任务（完成时限：1", " ", "x）"));
        s.put("deadline: spaces before no quarter", size -> fill(size, "1、任务（完成时限：第", " ", "x季）"));
        s.put("deadline: 至少 then digits", size -> fill(size, "1、任务（完成时限：年内至少", "1", "x）"));
        s.put("date-like digit runs", size -> fill(size, "1、任务", "2025年12", "x"));
        s.put("milestones in one long clause", size -> fill(size, "1、任务", "6月底前", "x"));
        s.put("numbering prefixes on one line", size -> fill(size, "", "（一）", ""));
        s.put("numbering prefixes on many lines", size -> fill(size, "", "（一）x\n", ""));
        s.put("many short point lines ending in commas", size -> fill(size, "", "1、，，x\n", ""));
        s.put(
                "table header with a long cell and a line break",
                size -> fill(size, "序号\t工作任务\t牵头单位\t", "类别", "\u0085\n1\t任务\t区府办\t8月"));
        s.put(
                "full stops, question and exclamation marks",
                size -> fill(size, "1、任务", "。！？；：", "x"));
        s.put("完成时限： followed by spaces", size -> fill(size, "1、任务（完成时限：", " \u3000", "x）"));
        s.put(
                "完成时限： unbracketed on its own line, then spaces",
                size -> fill(size, "1、任务\n完成时限：", " ", "x"));
        s.put(
                "关于印发…的通 near-matches on one line",
                size -> fill(size, "区政府", "关于印发《方案》的通", "知x\n一、任务"));
        s.put(
                "pipe table, many rows",
                size ->
                        fill(
                                size,
                                "| 序号 | 工作任务 | 牵头单位 | 完成时限 |\n| --- | --- | --- | --- |\n",
                                "| 1 | 任务，， | 区府办 | 8月 |\n",
                                ""));
        s.put(
                "pipe table, one row of empty cells",
                size -> fill(size, "| 序号 | 工作任务 | 牵头单位 |\n| 1 | 任务 | 区府办 |\n|", "|", "x|"));
        s.put(
                "pipe table, rule cell of dashes and colons",
                size -> fill(size, "| 序号 | 工作任务 | 牵头单位 |\n| 1 | 任务 | 区府办 |\n|", "-:", "x|"));
        s.put(
                "pipe table, spaces in a cell",
                size -> fill(size, "| 序号 | 工作任务 | 牵头单位 |\n| 1 | 任务", " ", "x | 区府办 |"));
        s.put(
                "bar-closed header-like cells, one per line",
                size -> fill(size, "一、任务\n", "序号 |\n落实情况 |\n", "x"));
        s.put(
                "cells with a lone bar line after each",
                size -> fill(size, "一、任务\n", "工作任务\n|\n", "x"));
        s.put(
                "group cells before an unnamed number column",
                size ->
                        fill(
                                size,
                                "工作任务\n|\n具体要求\n|\n责任科室\n|\n时限要求\n|\n",
                                "加强宣传\n|\n1\n|\n做好宣传。\n|\n办公室\n|\n持续推进\n|\n",
                                ""));
        s.put(
                "wide bar table, rows a cell short",
                size ->
                        fill(
                                size,
                                "序号 |\n主要任务 |\n全年目标任务 |\n分管领导 |\n牵头单位 |\n协同单位 |\n说明 |\n",
                                "1 |\n任务 |\n徐国江 |\n城管局 |\n市政局 |\n||\n",
                                ""));
        // Prose annotation rules of 2026-11-30: an unlabelled last bracket of unit names, deadline
        // phrases among names, traditional labels, bare 责任单位 brackets, a line after sub-items.
        s.put(
                "unlabelled last bracket of many unit names",
                size -> fill(size, "1.推进工作。（", "区发改委、", "）"));
        s.put(
                "deadline-like pieces among annotation names",
                size -> fill(size, "1.推进工作。（区发改委牵头，", "2025年底前完成，", "）"));
        s.put(
                "traditional labels in one annotation",
                size -> fill(size, "1.推進工作。(", "市政府辦公室牽頭,按職責分工負責,", ")"));
        s.put(
                "bare 责任单位 brackets, one after another",
                size -> fill(size, "1.推进工作", "(责任单位:区国资中心)、", "。"));
        s.put(
                "sub-items each followed by a labelled line",
                size -> fill(size, "1.完善体系\n", "(1)加强管理。\n(责任单位:市直各有关单位)\n", "x"));
        return s;
    }

    /** The district seed plan, then its body (from 一、) again and again: size characters. */
    static String realistic(int size) throws IOException {
        String seed = PlanParserTest.resource("putuo-district-2025.txt");
        StringBuilder doc = new StringBuilder(seed);
        while (doc.length() < size)
            doc.append('\n').append(seed, seed.indexOf("一、"), seed.length());
        return doc.substring(0, size);
    }
}
