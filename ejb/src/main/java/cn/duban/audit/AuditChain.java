package cn.duban.audit;

import cn.duban.platform.Sha256;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The hash chain of a tenant's audit trail. Each entry's hash covers its own fields and the
 * previous entry's hash, so changing, removing or reordering any entry breaks every hash
 * after it; {@link Verifier} finds the first entry where that happens.
 */
public final class AuditChain {

    /** The "previous hash" of a tenant's first entry. */
    public static final String GENESIS = "0".repeat(64);

    /** One entry as stored. */
    public record Entry(long seq, Instant at, String actor, String action, String entityType, UUID entityId,
                        String detail, String prevHash, String hash) {
    }

    /** The outcome of checking a chain: how many entries, and the first broken one if any. */
    public record Verification(long checked, boolean intact, Long brokenAt, String problem) {
    }

    private AuditChain() {
    }

    /** PostgreSQL keeps microseconds: hash what will be read back. */
    public static Instant truncate(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    public static String hash(String prevHash, long seq, Instant at, String actor, String action, String entityType,
                              UUID entityId, String detail) {
        String canonical = String.join("\n", prevHash, Long.toString(seq), truncate(at).toString(), actor, action,
                entityType, entityId == null ? "" : entityId.toString(), detail);
        return Sha256.hex(canonical);
    }

    /** Checks entries fed in sequence order, without holding them all in memory. */
    public static final class Verifier {
        private long expectedSeq = 1;
        private String previousHash = GENESIS;
        private long checked;
        private Long brokenAt;
        private String problem;

        /** Returns false once the chain is broken; later entries are not checked. */
        public boolean accept(Entry e) {
            if (brokenAt != null) return false;
            checked++;
            if (e.seq() != expectedSeq) {
                return fail(expectedSeq, e.seq() > expectedSeq
                        ? "缺少第 " + expectedSeq + (e.seq() - 1 > expectedSeq ? "–" + (e.seq() - 1) : "") + " 条记录（已被删除）"
                        : "记录序号重复或乱序：" + e.seq());
            }
            if (!e.prevHash().equals(previousHash)) {
                return fail(e.seq(), "第 " + e.seq() + " 条记录的前序哈希与上一条记录不符（上一条被修改或删除）");
            }
            String recomputed = hash(e.prevHash(), e.seq(), e.at(), e.actor(), e.action(), e.entityType(), e.entityId(), e.detail());
            if (!recomputed.equals(e.hash())) {
                return fail(e.seq(), "第 " + e.seq() + " 条记录的内容与其哈希不符（记录被修改）");
            }
            previousHash = e.hash();
            expectedSeq++;
            return true;
        }

        private boolean fail(long seq, String why) {
            brokenAt = seq;
            problem = why;
            return false;
        }

        public Verification result() {
            return new Verification(checked, brokenAt == null, brokenAt, problem);
        }
    }
}
