package cn.duban.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A period's scores as the API and the pages show them: the scheme version used, whether they are
 * live or a closed period's published snapshot, and every unit ranked in its group.
 */
public record Standings(
        String period,
        String label,
        LocalDate asOf,
        SchemeRef scheme,
        SnapshotRef snapshot,
        List<UnitScore> units) {

    public record SchemeRef(
            UUID id, String name, int version, SchemeType type, BigDecimal planWeight) {
        static SchemeRef of(Scheme s) {
            return new SchemeRef(
                    s.getId(), s.getName(), s.getVersion(), s.getType(), s.getPlanWeight());
        }
    }

    /** Set when the scores are a closed period's published version. */
    public record SnapshotRef(
            int version, Instant closedAt, String closedBy, String sha256, String reason) {
        static SnapshotRef of(ScoreSnapshot s) {
            return new SnapshotRef(
                    s.getVersion(), s.getClosedAt(), s.getClosedBy(), s.getSha256(), s.getReason());
        }
    }

    Standings published(SnapshotRef ref) {
        return new Standings(period, label, asOf, scheme, ref, units);
    }

    /** The same standings without the per-task lines (rankings lists do not need them). */
    public Standings summary() {
        return new Standings(
                period,
                label,
                asOf,
                scheme,
                snapshot,
                units.stream().map(UnitScore::withoutLines).toList());
    }

    /** The units by ranking group, each ranked best first. */
    public java.util.Map<String, List<UnitScore>> groups() {
        return UnitScore.byGroup(units);
    }
}
