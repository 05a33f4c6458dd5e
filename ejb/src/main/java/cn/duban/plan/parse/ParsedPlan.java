package cn.duban.plan.parse;

import java.time.LocalDate;
import java.util.List;

/** The structure the parser found in a document, with warnings for the person checking it. */
public record ParsedPlan(
        String title,
        String issuer,
        PlanLevel level,
        int year,
        String docNumber,
        LocalDate issuedOn,
        List<Section> sections,
        List<String> warnings) {}
