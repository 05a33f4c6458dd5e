package cn.duban.plan.parse;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Title, issuer, level, year, 文号 and issue date, from the lines around the numbered body. */
record Metadata(
        String title,
        String issuer,
        PlanLevel level,
        int year,
        String docNumber,
        LocalDate issuedOn) {

    // {1,12}+ and \\s*+: a shorter name leaves a Chinese character before the bracket, so trying
    // each of the 12 lengths at every position (a long Chinese line) could never succeed.
    static final Pattern DOC_NUMBER =
            Pattern.compile(
                    "([\\u4e00-\\u9fa5]{1,12}+)\\s*+[〔\\[［【(（]\\s*(\\d{4})\\s*[〕\\]］】)）]\\s*(\\d{1,4})\\s*号");

    /** Every DOC_NUMBER match holds one of these brackets: a line without one needs no search. */
    static final String DOC_BRACKETS = "〔[［【(（";

    private static final Pattern TITLE =
            Pattern.compile("工作要点|工作计划|工作安排|实施方案|任务清单|重点任务|工作方案|任务分解|责任分工");
    // YEAR and DATE start at a digit, their \s* between digits and 年/月/日: linear.
    private static final Pattern YEAR = Pattern.compile("(20\\d{2})\\s*年");
    private static final Pattern DATE =
            Pattern.compile(
                    "(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日|(\\d{4})-(\\d{1,2})-(\\d{1,2})");

    /**
     * \s*\|?\s* (quadratic on a run of spaces) is \s*+(?:\|\s*+)?: the same language, and no run is
     * split.
     */
    static final Pattern LABELLED_ISSUER =
            Pattern.compile(
                    "(?:发文机关|发布机构|发文单位)\\s*+[:：|]\\s*+(?:\\|\\s*+)?([\\u4e00-\\u9fa5]{2,30})");

    static Metadata extract(
            List<String> labels,
            List<String> preamble,
            List<String> trailer,
            ParseOptions opts,
            List<String> warnings) {
        List<String> all = new ArrayList<>(labels);
        all.addAll(preamble);
        all.addAll(trailer);

        String docNumber = null;
        for (String line : all) {
            Matcher m = docNumberIn(line);
            if (m != null) {
                docNumber = m.group(1) + "〔" + m.group(2) + "〕" + m.group(3) + "号";
                break;
            }
        }

        String title = null;
        String noticeIssuer = null;
        for (String line : preamble) {
            String l = line.replaceAll("[《》]", "");
            String[] notice = notice(l);
            if (notice != null) {
                if (noticeIssuer == null && !notice[0].isBlank()) noticeIssuer = notice[0];
                if (title == null) title = notice[1];
                continue;
            }
            if (TITLE.matcher(l).find()
                    && l.length() <= 60
                    && !l.endsWith("。")
                    && !l.contains("，")) {
                title = l;
                break;
            }
        }
        if (title == null) {
            title =
                    preamble.stream()
                            .filter(
                                    l ->
                                            l.length() <= 60
                                                    && !Noise.isDateLine(l)
                                                    && docNumberIn(l) == null
                                                    && !Noise.isIssuerLine(l)
                                                    && !l.endsWith("：")
                                                    && !l.endsWith(":"))
                            .findFirst()
                            .orElse("未命名计划");
        }

        String issuer = null;
        for (String line : all) {
            Matcher m = LABELLED_ISSUER.matcher(line);
            if (m.find()) {
                issuer = m.group(1);
                break;
            }
        }
        if (issuer == null) {
            // The signature after the body is the most reliable; then a heading line before it.
            for (String line : trailer) {
                // "上海市普陀区人民政府办公室　2025年2月10日印发": the signature with its date.
                String signature = withoutDateTail(line).strip();
                if (Noise.isIssuerLine(signature)) issuer = signature;
            }
        }
        if (issuer == null) issuer = noticeIssuer;
        if (issuer == null) {
            for (String line : preamble) {
                if (Noise.isIssuerLine(line)) {
                    issuer = line;
                    break;
                }
            }
        }

        LocalDate issuedOn = null;
        for (List<String> part : List.of(trailer, labels, preamble)) {
            for (String line : part) {
                if (issuedOn != null) break;
                Matcher m = DATE.matcher(line);
                if (m.find() && (Noise.isDateLine(line) || line.length() < 40)) issuedOn = date(m);
            }
        }

        int year;
        Matcher y = YEAR.matcher(title);
        if (opts.year() != null) {
            year = opts.year();
        } else if (y.find()) {
            year = Integer.parseInt(y.group(1));
        } else if (docNumber != null) {
            // docNumber is built above: at most 23 characters, one 〔dddd〕.
            year = Integer.parseInt(docNumber.replaceAll(".*〔(\\d{4})〕.*", "$1"));
        } else if (issuedOn != null) {
            year = issuedOn.getYear();
        } else {
            year = Year.now().getValue();
            warnings.add("未能从文件中识别年度，已按 " + year + " 年处理，请核对。");
        }

        PlanLevel level = opts.level();
        if (level == null) level = levelOf(issuer);
        if (level == null) level = levelOf(title);
        if (level == null) {
            level = PlanLevel.DISTRICT;
            warnings.add("未能识别计划层级（市/区/街镇），已按区级处理，请核对。");
        }
        return new Metadata(title.strip(), issuer, level, year, docNumber, issuedOn);
    }

    /**
     * The line's 文号 match, or null. A number in brackets ("…规划》(运政办发〔2016〕76号)精神") is cited: it
     * names another document, and its year is not this plan's.
     */
    private static Matcher docNumberIn(String line) {
        if (!PlanParser.hasAny(line, DOC_BRACKETS)) return null;
        Matcher m = DOC_NUMBER.matcher(line);
        while (m.find()) {
            int before = m.start() - 1;
            while (before >= 0 && Scan.isSpace(line.charAt(before))) before--;
            if (before < 0 || (line.charAt(before) != '(' && line.charAt(before) != '（')) return m;
        }
        return null;
    }

    private static final String NOTICE_OF = "关于印发";
    private static final String NOTICE_END = "的通知";

    /**
     * "区政府办公室关于印发《…》的通知": {issuer, title}, or null; what {@code ^(.*?)关于印发(.+?)的通知$} found, which
     * tried every 关于印发 against the whole rest of the line (quadratic). Only the first 关于印发 can
     * match: a later one leaves a shorter title, and {@code .} stops at a line break for both.
     */
    static String[] notice(String line) {
        int of = line.indexOf(NOTICE_OF);
        if (of < 0) return null;
        int end = Scan.endBeforeFinalBreak(line);
        int titleEnd = end - NOTICE_END.length();
        int titleStart = of + NOTICE_OF.length();
        if (titleEnd <= titleStart
                || !line.startsWith(NOTICE_END, titleEnd)
                || Scan.hasLineBreak(line.substring(0, titleEnd))) {
            return null;
        }
        return new String[] {line.substring(0, of), line.substring(titleStart, titleEnd)};
    }

    /**
     * The signature before "　2025年2月10日印发": {@code line.replaceAll("\s*\d{4}\s*年.*$", "")}, which
     * re-read a run of spaces from each of its positions and the rest of the line from each
     * "2025年". The first "dddd年" (spaces allowed before 年) whose rest holds no line break but a
     * final one, with the spaces before it, goes up to where {@code $} matches.
     */
    static String withoutDateTail(String line) {
        int end = Scan.endBeforeFinalBreak(line);
        // .* stops at a line break: only a 年 after the last one before the end can start the tail.
        int from = 0;
        for (int i = end - 1; i >= 0; i--) {
            if (Scan.isLineBreak(line.charAt(i))) {
                from = i + 1;
                break;
            }
        }
        for (int year = line.indexOf('年', from);
                year >= 0 && year < end;
                year = line.indexOf('年', year + 1)) {
            int digits = year;
            while (digits > 0 && Scan.isSpace(line.charAt(digits - 1))) digits--;
            if (digits < 4 || !isAsciiDigits(line, digits - 4, digits)) continue;
            int start = digits - 4;
            while (start > 0 && Scan.isSpace(line.charAt(start - 1))) start--;
            return line.substring(0, start) + line.substring(end);
        }
        return line;
    }

    private static boolean isAsciiDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    static PlanLevel levelOf(String name) {
        if (name == null) return null;
        String n = name.replaceAll("(人民政府办公室|人民政府|办公室|办事处|领导小组|政务公开)", "");
        // matches() is one attempt from the start: .* backs off over the name once (linear), and
        // the second pattern's {0,8}? and \d{0,4} are bounded.
        if (n.matches(".*(镇|街道|乡)(党委)?$")
                || n.matches("^(\\d{4}年)?[\\u4e00-\\u9fa5]{0,8}?(镇|街道|乡)\\d{0,4}.*"))
            return PlanLevel.TOWN;
        if (n.contains("区") || n.contains("县")) return PlanLevel.DISTRICT;
        if (n.contains("市") || n.contains("省")) return PlanLevel.CITY;
        return null;
    }

    private static LocalDate date(Matcher m) {
        try {
            if (m.group(1) != null) {
                return LocalDate.of(
                        Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
            return LocalDate.of(
                    Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6)));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
