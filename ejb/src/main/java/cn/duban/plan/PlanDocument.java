package cn.duban.plan;

import cn.duban.plan.parse.PlanLevel;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A plan as clients see and edit it: the parsed preview, the body of a save, and a saved plan (then
 * with ids). Field names are a published contract of the API.
 *
 * @param unresolved responsible-unit names that match no unit of the tenant yet
 * @param duplicateOf the saved plan with the same text, if any
 * @param sourceText the text read from an uploaded file (previews of files only)
 * @param tables how each table header of the document was read (previews; a save remembers the
 *     readings whose source is CHOSEN for the next import of the same header)
 */
public record PlanDocument(
        UUID id,
        String title,
        String issuer,
        PlanLevel level,
        int year,
        String docNumber,
        LocalDate issuedOn,
        UUID ownerUnitId,
        String sourceName,
        UUID derivedFrom,
        List<Section> sections,
        List<String> unresolved,
        List<String> warnings,
        UUID duplicateOf,
        Integer version,
        String sourceText,
        List<Columns> tables) {

    public PlanDocument {
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    /** The same document carrying the text extracted from an uploaded file, for the later save. */
    /** The same document with other sections (the import review's changes to its points). */
    public PlanDocument withSections(List<Section> changed) {
        return new PlanDocument(
                id,
                title,
                issuer,
                level,
                year,
                docNumber,
                issuedOn,
                ownerUnitId,
                sourceName,
                derivedFrom,
                changed,
                unresolved,
                warnings,
                duplicateOf,
                version,
                sourceText,
                tables);
    }

    public PlanDocument withSourceText(String text) {
        return new PlanDocument(
                id,
                title,
                issuer,
                level,
                year,
                docNumber,
                issuedOn,
                ownerUnitId,
                sourceName,
                derivedFrom,
                sections,
                unresolved,
                warnings,
                duplicateOf,
                version,
                text,
                tables);
    }

    /**
     * How one table header was read.
     *
     * @param key the header's key (cells without spaces and punctuation, joined by |): names the
     *     table in a preview's {@code columns} choices
     * @param header the header cells as written
     * @param meanings one {@link cn.duban.plan.parse.ColumnMeaning} name per column
     * @param source AUTOMATIC (the header words), REMEMBERED (saved with an earlier plan), CHOSEN
     *     (in this preview)
     */
    public record Columns(String key, List<String> header, List<String> meanings, String source) {}

    public record Section(UUID id, String number, String title, List<Point> points) {}

    /**
     * @param leaders the people of a 责任领导/分管领导 column: shown and kept, never units
     */
    public record Point(
            UUID id,
            String number,
            String title,
            String text,
            List<UnitRef> units,
            Deadline deadline,
            List<Milestone> milestones,
            List<Point> children,
            List<String> leaders) {

        // One constructor only: JSON-B reads a record through its sole constructor, and a second
        // one made every edited plan sent to POST /plans a 400 request.malformed.
        public Point {
            leaders = leaders == null ? List.of() : List.copyOf(leaders);
        }
    }

    /** A responsible unit: {@code role} is LEAD (牵头) or COOPERATING (配合). */
    public record UnitRef(String name, boolean collective, UUID unitId, String role) {}

    public record Deadline(String text, LocalDate date, String kind, String frequency) {}

    public record Milestone(String text, LocalDate date) {}

    /** All points of the plan, depth first in document order. */
    public List<Point> allPoints() {
        List<Point> all = new java.util.ArrayList<>();
        for (Section s : sections == null ? List.<Section>of() : sections) collect(s.points(), all);
        return all;
    }

    private static void collect(List<Point> points, List<Point> into) {
        for (Point p : points == null ? List.<Point>of() : points) {
            into.add(p);
            collect(p.children(), into);
        }
    }
}
