package cn.duban.tenant.offboard;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * When a tenant may be deleted (pure logic, unit-tested): it is suspended, an export was recorded
 * after its last change, and the retention hold has passed, i.e. its newest audit entry is at least
 * {@link #MIN_HOLD_MONTHS} months old (audit records are kept at least six months). The hold can be
 * made longer, never shorter.
 */
public final class DeletionRules {

    public static final int MIN_HOLD_MONTHS = 6;

    private DeletionRules() {}

    /**
     * What the database says about the tenant. {@code lastChange} is the newest of its audit
     * entries and its suspension; {@code newestAudit} may be null for a tenant that never did
     * anything (then its creation counts).
     */
    public record Facts(
            String tenantId,
            Instant createdAt,
            Instant suspendedAt,
            Instant newestAudit,
            Instant lastExport) {

        Instant lastChange() {
            Instant a = newestAudit == null ? createdAt : newestAudit;
            if (suspendedAt != null && (a == null || suspendedAt.isAfter(a))) return suspendedAt;
            return a;
        }
    }

    /** A reason to refuse, with a stable code and a sentence for the operator. */
    public record Refusal(String code, String message) {}

    /** Every rule that is not met; empty means the tenant may be deleted. */
    public static List<Refusal> check(Facts f, Instant now, int holdMonths) {
        List<Refusal> out = new ArrayList<>();
        if (holdMonths < MIN_HOLD_MONTHS) {
            out.add(
                    new Refusal(
                            "hold.too-short",
                            "the retention hold is at least "
                                    + MIN_HOLD_MONTHS
                                    + " months, not "
                                    + holdMonths));
            return out;
        }
        if (f == null) {
            out.add(new Refusal("tenant.not-found", "no such tenant"));
            return out;
        }
        if (f.suspendedAt() == null) {
            out.add(
                    new Refusal(
                            "tenant.not-suspended",
                            "tenant " + f.tenantId() + " is not suspended"));
        }
        Instant lastChange = f.lastChange();
        if (f.lastExport() == null) {
            out.add(
                    new Refusal(
                            "export.missing", "tenant " + f.tenantId() + " was never exported"));
        } else if (lastChange != null && f.lastExport().isBefore(lastChange)) {
            out.add(
                    new Refusal(
                            "export.stale",
                            "the last export ("
                                    + f.lastExport()
                                    + ") is older than the tenant's last change ("
                                    + lastChange
                                    + "); export again"));
        }
        Instant holdFrom = f.newestAudit() == null ? f.createdAt() : f.newestAudit();
        if (holdFrom != null) {
            Instant holdEnds = holdEnds(holdFrom, holdMonths);
            if (now.isBefore(holdEnds)) {
                out.add(
                        new Refusal(
                                "hold.running",
                                "the newest audit entry is of "
                                        + holdFrom
                                        + "; the "
                                        + holdMonths
                                        + "-month retention hold ends "
                                        + holdEnds));
            }
        }
        return out;
    }

    /** Calendar months, as a retention period is meant (UTC). */
    public static Instant holdEnds(Instant from, int months) {
        return from.atOffset(ZoneOffset.UTC).plusMonths(months).toInstant();
    }
}
