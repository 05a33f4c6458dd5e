package cn.duban.plan.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How one table of the document was read: its header cells and the meaning of each column, and
 * where that reading came from.
 *
 * @param key the header cells without spaces and punctuation, lower-cased, joined by {@code |}: the
 *     same header in the next document has the same key (the key of a remembered reading)
 */
public record TableColumns(
        String key, List<String> header, List<ColumnMeaning> meanings, Source source) {

    /** Headers longer than this are read automatically only (and not reported). */
    public static final int MAX_COLUMNS = 40;

    public static final int MAX_KEY = 1000;

    /** Where a reading came from. */
    public enum Source {
        /** The parser's own reading of the header words. */
        AUTOMATIC,
        /** The tenant's reading saved with an earlier plan of the same header. */
        REMEMBERED,
        /** Chosen in this request. */
        CHOSEN
    }

    public TableColumns {
        header = List.copyOf(header);
        meanings = List.copyOf(meanings);
    }

    /**
     * The key of a header: letters and digits only, lower-cased, cells joined by {@code |}; null
     * when the header is too wide or too long to remember.
     */
    public static String key(List<String> cells) {
        if (cells.size() > MAX_COLUMNS) return null;
        StringBuilder k = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) k.append('|');
            String c = cells.get(i);
            for (int j = 0; j < c.length(); j++) {
                int cp = c.codePointAt(j);
                if (Character.isSupplementaryCodePoint(cp)) j++;
                if (Character.isLetterOrDigit(cp)) k.appendCodePoint(Character.toLowerCase(cp));
                if (k.length() > MAX_KEY) return null;
            }
        }
        return k.toString();
    }

    /** The number of columns a key stands for. */
    public static int columnCount(String key) {
        int n = 1;
        for (int i = 0; i < key.length(); i++) if (key.charAt(i) == '|') n++;
        return n;
    }

    /**
     * Checks a reading chosen for a header of {@code columns} columns: the names are meanings, the
     * indexes within the header, one title column, at most one column of every other meaning but
     * {@link ColumnMeaning#IGNORED}. Columns not named keep {@code base}'s meaning (IGNORED if
     * null).
     *
     * @param chosen column index → meaning name
     * @throws PlanParseException COLUMNS_UNKNOWN_MEANING, COLUMNS_INDEX, COLUMNS_NO_TITLE,
     *     COLUMNS_DUPLICATE
     */
    public static List<ColumnMeaning> check(
            int columns, List<ColumnMeaning> base, List<Choice> chosen) {
        List<ColumnMeaning> out = new ArrayList<>(columns);
        for (int i = 0; i < columns; i++)
            out.add(base != null && i < base.size() ? base.get(i) : ColumnMeaning.IGNORED);
        Set<Integer> seen = new HashSet<>();
        for (Choice c : chosen) {
            ColumnMeaning m = ColumnMeaning.named(c.meaning());
            if (m == null) {
                throw new PlanParseException(
                        "COLUMNS_UNKNOWN_MEANING",
                        "列含义无效：" + c.meaning() + "（可选 " + String.join("、", names()) + "）。");
            }
            if (c.index() < 0 || c.index() >= columns) {
                throw new PlanParseException(
                        "COLUMNS_INDEX",
                        "列序号 " + c.index() + " 超出表头范围（共 " + columns + " 列，从 0 起）。");
            }
            if (!seen.add(c.index())) {
                throw new PlanParseException("COLUMNS_INDEX", "第 " + c.index() + " 列的含义指定了两次。");
            }
            out.set(c.index(), m);
        }
        return checked(out);
    }

    /** A whole reading: one title column, no meaning twice but IGNORED. */
    public static List<ColumnMeaning> checked(List<ColumnMeaning> meanings) {
        Set<ColumnMeaning> used = new HashSet<>();
        for (ColumnMeaning m : meanings) {
            if (m == null) {
                throw new PlanParseException("COLUMNS_UNKNOWN_MEANING", "列含义不能为空。");
            }
            if (m != ColumnMeaning.IGNORED && !used.add(m)) {
                throw new PlanParseException(
                        "COLUMNS_DUPLICATE", "有两列的含义都是 " + m.name() + "：每种含义（“忽略”除外）只能指定一列。");
            }
        }
        if (!used.contains(ColumnMeaning.TITLE)) {
            throw new PlanParseException("COLUMNS_NO_TITLE", "请指定哪一列是工作任务（TITLE）：没有任务列就读不出要点。");
        }
        return List.copyOf(meanings);
    }

    private static List<String> names() {
        List<String> n = new ArrayList<>();
        for (ColumnMeaning m : ColumnMeaning.values()) n.add(m.name());
        return n;
    }

    /** One column's chosen meaning, by its index in the header (from 0). */
    public record Choice(int index, String meaning) {
        public Choice {
            meaning = meaning == null ? null : meaning.toUpperCase(Locale.ROOT);
        }
    }
}
