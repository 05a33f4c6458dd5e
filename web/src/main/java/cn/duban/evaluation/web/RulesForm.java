package cn.duban.evaluation.web;

import cn.duban.evaluation.ScoringRules;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scheme form's rules: {@link ScoringRules#values()} by name, edited in place by the page's
 * inputs (one per {@link ScoringRules#specs() spec}) and sent back as they are; the service reads
 * them with {@link ScoringRules#of}. Nothing here names a rule, so a new rule needs no change.
 */
public class RulesForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, Object> values;

    private RulesForm(Map<String, Object> values) {
        this.values = new LinkedHashMap<>(values);
    }

    /** The form for {@code rules} (none: the defaults), a rule left empty at its default. */
    static RulesForm of(ScoringRules rules, ScoringRules defaults) {
        return new RulesForm(
                ScoringRules.of(
                                defaults.type(),
                                rules == null ? Map.of() : rules.values(),
                                defaults)
                        .values());
    }

    public Map<String, Object> getValues() {
        return values;
    }
}
