package cn.duban.plan.parse;

import java.time.LocalDate;
import java.util.List;

/**
 * The structure the parser found in a document, with warnings for the person checking it, and how
 * each distinct table header was read ({@code tables}, in document order).
 */
public record ParsedPlan(
        String title,
        String issuer,
        PlanLevel level,
        int year,
        String docNumber,
        LocalDate issuedOn,
        List<Section> sections,
        List<String> warnings,
        List<TableColumns> tables) {

    public ParsedPlan {
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    /** A plan read from prose: no tables. */
    public ParsedPlan(
            String title,
            String issuer,
            PlanLevel level,
            int year,
            String docNumber,
            LocalDate issuedOn,
            List<Section> sections,
            List<String> warnings) {
        this(title, issuer, level, year, docNumber, issuedOn, sections, warnings, List.of());
    }
}
