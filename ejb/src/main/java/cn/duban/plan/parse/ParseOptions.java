package cn.duban.plan.parse;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the user already knows about a document: all nullable, and when set they win over the text.
 *
 * @param chosen column meanings chosen for this parse, by header key ({@link TableColumns#key});
 *     columns not named keep the automatic reading; checked by {@link TableColumns#check} when the
 *     header is met, and every key must name a table of the text
 * @param remembered the reading remembered for a header key, or null: asked once per distinct
 *     header, for at most {@link #MAX_LOOKUPS} headers; a reading that does not fit is not used
 */
public record ParseOptions(
        Integer year,
        PlanLevel level,
        Map<String, List<TableColumns.Choice>> chosen,
        Function<String, List<ColumnMeaning>> remembered) {

    public static final int MAX_LOOKUPS = 20;

    public ParseOptions {
        chosen = chosen == null ? Map.of() : Map.copyOf(chosen);
    }

    public ParseOptions(Integer year, PlanLevel level) {
        this(year, level, null, null);
    }

    public static ParseOptions defaults() {
        return new ParseOptions(null, null);
    }
}
