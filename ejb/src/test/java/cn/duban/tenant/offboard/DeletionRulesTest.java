package cn.duban.tenant.offboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeletionRulesTest {

    static final Instant CREATED = Instant.parse("2025-01-10T00:00:00Z");
    static final Instant SUSPENDED = Instant.parse("2026-01-05T08:00:00Z");
    static final Instant AUDIT = Instant.parse("2026-01-06T09:00:00Z"); // the export's own entry
    static final Instant EXPORTED = Instant.parse("2026-01-06T09:00:02Z");

    static DeletionRules.Facts ready() {
        return new DeletionRules.Facts("gone", CREATED, SUSPENDED, AUDIT, EXPORTED);
    }

    static List<String> codes(DeletionRules.Facts f, Instant now, int hold) {
        return DeletionRules.check(f, now, hold).stream().map(DeletionRules.Refusal::code).toList();
    }

    @Test
    void aSuspendedExportedTenantPastTheHoldMayBeDeleted() {
        assertThat(codes(ready(), Instant.parse("2026-07-06T09:00:00Z"), 6)).isEmpty();
    }

    @Test
    void theHoldIsSixCalendarMonthsFromTheNewestAuditEntry() {
        assertThat(codes(ready(), Instant.parse("2026-07-06T08:59:59Z"), 6))
                .containsExactly("hold.running");
        assertThat(DeletionRules.holdEnds(AUDIT, 6))
                .isEqualTo(Instant.parse("2026-07-06T09:00:00Z"));
        // end of month: 31 August + 6 months is the last day of February
        assertThat(DeletionRules.holdEnds(Instant.parse("2025-08-31T00:00:00Z"), 6))
                .isEqualTo(Instant.parse("2026-02-28T00:00:00Z"));
    }

    @Test
    void theHoldCanBeLongerButNeverShorter() {
        Instant now = Instant.parse("2026-08-01T00:00:00Z");
        assertThat(codes(ready(), now, 12)).containsExactly("hold.running");
        assertThat(codes(ready(), Instant.parse("2027-01-06T09:00:00Z"), 12)).isEmpty();
        assertThat(codes(ready(), now, 5)).containsExactly("hold.too-short");
        assertThat(codes(ready(), now, 0)).containsExactly("hold.too-short");
        assertThat(codes(ready(), now, -1)).containsExactly("hold.too-short");
    }

    @Test
    void aTenantThatIsNotSuspendedIsRefused() {
        var f = new DeletionRules.Facts("gone", CREATED, null, AUDIT, EXPORTED);
        assertThat(codes(f, Instant.parse("2027-01-01T00:00:00Z"), 6))
                .containsExactly("tenant.not-suspended");
    }

    @Test
    void withoutAnExportItIsRefused() {
        var f = new DeletionRules.Facts("gone", CREATED, SUSPENDED, AUDIT, null);
        assertThat(codes(f, Instant.parse("2027-01-01T00:00:00Z"), 6))
                .containsExactly("export.missing");
    }

    @Test
    void anExportOlderThanTheLastChangeIsStale() {
        // a change (audit entry) after the export
        var changed =
                new DeletionRules.Facts(
                        "gone", CREATED, SUSPENDED, EXPORTED.plusSeconds(60), EXPORTED);
        assertThat(codes(changed, Instant.parse("2027-01-01T00:00:00Z"), 6))
                .containsExactly("export.stale");
        // suspended again after the export (resumed and suspended without any audited change is
        // impossible, but the suspension itself counts as a change)
        var resuspended =
                new DeletionRules.Facts("gone", CREATED, EXPORTED.plusSeconds(1), AUDIT, EXPORTED);
        assertThat(codes(resuspended, Instant.parse("2027-01-01T00:00:00Z"), 6))
                .containsExactly("export.stale");
    }

    @Test
    void everyUnmetRuleIsNamed() {
        var f = new DeletionRules.Facts("gone", CREATED, null, AUDIT, null);
        assertThat(codes(f, AUDIT.plusSeconds(1), 6))
                .containsExactly("tenant.not-suspended", "export.missing", "hold.running");
    }

    @Test
    void anUnknownTenantIsRefused() {
        assertThat(codes(null, AUDIT, 6)).containsExactly("tenant.not-found");
    }

    @Test
    void aTenantWithoutAuditEntriesHoldsFromItsCreation() {
        var f = new DeletionRules.Facts("gone", CREATED, SUSPENDED, null, EXPORTED);
        assertThat(codes(f, Instant.parse("2025-07-09T00:00:00Z"), 6))
                .containsExactly("hold.running");
        assertThat(codes(f, Instant.parse("2025-07-10T00:00:00Z"), 6)).isEmpty();
    }
}
