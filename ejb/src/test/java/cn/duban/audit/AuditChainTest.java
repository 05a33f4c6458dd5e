package cn.duban.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    static List<AuditChain.Entry> chain(int n) {
        List<AuditChain.Entry> out = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            Instant at = Instant.parse("2025-06-30T08:00:00.123456789Z").plusSeconds(i);
            UUID entity = UUID.nameUUIDFromBytes(("t" + i).getBytes());
            String detail = "{\"n\":" + i + "}";
            String hash = AuditChain.hash(prev, i, at, "pt-admin", "task.assigned", "task", entity, detail);
            out.add(new AuditChain.Entry(i, AuditChain.truncate(at), "pt-admin", "task.assigned", "task", entity, detail, prev, hash));
            prev = hash;
        }
        return out;
    }

    static AuditChain.Verification verify(List<AuditChain.Entry> entries) {
        AuditChain.Verifier v = new AuditChain.Verifier();
        for (AuditChain.Entry e : entries) if (!v.accept(e)) break;
        return v.result();
    }

    @Test
    void anIntactChainVerifies() {
        AuditChain.Verification v = verify(chain(50));
        assertThat(v.intact()).isTrue();
        assertThat(v.checked()).isEqualTo(50);
        assertThat(v.brokenAt()).isNull();
    }

    @Test
    void aChangedEntryBreaksTheChainThere() {
        List<AuditChain.Entry> entries = chain(10);
        AuditChain.Entry e = entries.get(6);
        entries.set(6, new AuditChain.Entry(e.seq(), e.at(), "someone-else", e.action(), e.entityType(), e.entityId(), e.detail(),
                e.prevHash(), e.hash()));
        assertThat(verify(entries).brokenAt()).isEqualTo(7);
        assertThat(verify(entries).problem()).contains("被修改");
    }

    @Test
    void aRemovedEntryIsFound() {
        List<AuditChain.Entry> entries = chain(10);
        entries.remove(3);
        AuditChain.Verification v = verify(entries);
        assertThat(v.brokenAt()).isEqualTo(4);
        assertThat(v.problem()).contains("缺少第 4 条");
    }

    @Test
    void aRewrittenTailIsFoundByTheLinkToThePreviousEntry() {
        List<AuditChain.Entry> entries = chain(5);
        AuditChain.Entry e = entries.get(2);
        String forged = AuditChain.hash(e.prevHash(), e.seq(), e.at(), e.actor(), e.action(), e.entityType(), e.entityId(), "{\"n\":99}");
        entries.set(2, new AuditChain.Entry(e.seq(), e.at(), e.actor(), e.action(), e.entityType(), e.entityId(), "{\"n\":99}",
                e.prevHash(), forged));
        // Entry 3 is self-consistent now, but entry 4 still points at the old hash.
        assertThat(verify(entries).brokenAt()).isEqualTo(4);
    }
}
