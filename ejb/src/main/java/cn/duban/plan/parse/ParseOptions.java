package cn.duban.plan.parse;

/**
 * What the user already knows about a document: both nullable, and when set they win over the text.
 */
public record ParseOptions(Integer year, PlanLevel level) {

    public static ParseOptions defaults() {
        return new ParseOptions(null, null);
    }
}
