package cn.duban.audit;

import cn.duban.platform.DubanException;
import cn.duban.platform.Sha256;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * The chain of a tenant's audit trail. Each entry's MAC covers its own fields, its tenant and the
 * previous entry's MAC, keyed by a secret the database does not hold ({@link AuditKeys}): whoever
 * can write the table but not read the key cannot change, remove or reorder an entry and recompute
 * the rest. {@link Verifier} finds the first entry where the chain breaks, and checks an anchor (a
 * head printed in a circular or exported) against the current chain.
 *
 * <p>Entries written before V6 are plain SHA-256 ({@link AuditAlgorithm#SHA_256}). They stay as
 * they are and verify as before; the first keyed entry after them covers the last one's hash, so
 * they cannot be rewritten either. A chain may therefore hold legacy entries only before its first
 * keyed entry and must not end with one ({@link AuditSealer} seals legacy tails at start).
 */
public final class AuditChain {

    /** The "previous hash" of a tenant's first entry. */
    public static final String GENESIS = "0".repeat(64);

    /** Hex digits of a MAC printed on paper (64 bits): enough to make a forged match hopeless. */
    public static final int ANCHOR_HEX = 16;

    /** One entry as stored; {@code hash} holds the MAC of keyed entries. */
    public record Entry(
            long seq,
            Instant at,
            String actor,
            String action,
            String entityType,
            UUID entityId,
            String detail,
            String prevHash,
            String hash,
            String alg,
            String keyId) {}

    /**
     * The outcome of checking a chain: how many entries, the first broken one if any, and the
     * anchor's fate if one was given.
     */
    public record Verification(
            long checked, boolean intact, Long brokenAt, String problem, AnchorCheck anchor) {}

    /** Whether the chain still contains the anchored entry with the anchored MAC. */
    public record AnchorCheck(long seq, String hash, boolean contained) {}

    /**
     * A point of the chain someone kept outside the database: an entry's seq and its MAC (or the
     * MAC's first 16+ hex digits).
     */
    public record Anchor(long seq, String hash) {

        /**
         * From request parameters; 400 {@code audit.anchor-invalid} unless seq ≥ 1 and 16–64 hex
         * digits.
         */
        public static Anchor parse(String seq, String hash) {
            boolean noSeq = seq == null || seq.isBlank(), noHash = hash == null || hash.isBlank();
            if (noSeq && noHash) return null;
            String h = noHash ? "" : hash.strip().toLowerCase(Locale.ROOT);
            long n;
            try {
                n = noSeq ? 0 : Long.parseLong(seq.strip());
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n < 1
                    || h.length() < ANCHOR_HEX
                    || h.length() > 64
                    || h.chars().anyMatch(c -> !HexFormat.isHexDigit(c))) {
                throw DubanException.badRequest(
                        "audit.anchor-invalid",
                        "锚点应为记录序号（正整数）和该记录校验码的前 "
                                + ANCHOR_HEX
                                + "–64 位十六进制数字，如 seq=1234&hash=3f2a9c0d1e4b5a6f。");
            }
            return new Anchor(n, h);
        }
    }

    /**
     * The newest entry of a tenant's chain, for export; {@code anchor} is what circulars print. Seq
     * 0 for an empty chain.
     */
    public record Head(
            String tenant,
            long seq,
            String hash,
            String anchor,
            Instant at,
            String alg,
            String keyId) {

        public static Head of(
                String tenant, long seq, String hash, Instant at, String alg, String keyId) {
            return new Head(tenant, seq, hash, hash.substring(0, ANCHOR_HEX), at, alg, keyId);
        }

        public static Head empty(String tenant) {
            return new Head(tenant, 0, GENESIS, GENESIS.substring(0, ANCHOR_HEX), null, null, null);
        }
    }

    private AuditChain() {}

    /** PostgreSQL keeps microseconds: hash what will be read back. */
    public static Instant truncate(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The legacy (pre-V6) plain SHA-256 of an entry: anyone who knows this formula can recompute
     * it.
     */
    public static String hash(
            String prevHash,
            long seq,
            Instant at,
            String actor,
            String action,
            String entityType,
            UUID entityId,
            String detail) {
        String canonical =
                String.join(
                        "\n",
                        prevHash,
                        Long.toString(seq),
                        truncate(at).toString(),
                        actor,
                        action,
                        entityType,
                        entityId == null ? "" : entityId.toString(),
                        detail);
        return Sha256.hex(canonical);
    }

    /**
     * The MAC of an entry as lower-case hex. Every field is length-prefixed, so no two entries
     * share an input; the tenant is covered so one tenant's entries cannot pass for another's.
     */
    public static String mac(
            AuditAlgorithm alg,
            String keyId,
            byte[] key,
            String tenant,
            String prevHash,
            long seq,
            Instant at,
            String actor,
            String action,
            String entityType,
            UUID entityId,
            String detail) {
        ByteArrayOutputStream out =
                new ByteArrayOutputStream(256 + (detail == null ? 0 : detail.length() * 3));
        for (String field :
                new String[] {
                    "duban-audit/2",
                    alg.label(),
                    keyId,
                    tenant,
                    prevHash,
                    Long.toString(seq),
                    truncate(at).toString(),
                    actor,
                    action,
                    entityType,
                    entityId == null ? "" : entityId.toString(),
                    detail
                }) {
            byte[] b = (field == null ? "" : field).getBytes(StandardCharsets.UTF_8);
            out.write(b.length >>> 24);
            out.write(b.length >>> 16);
            out.write(b.length >>> 8);
            out.write(b.length);
            out.writeBytes(b);
        }
        return HexFormat.of().formatHex(alg.mac(key, out.toByteArray()));
    }

    /** Checks entries fed in sequence order, without holding them all in memory. */
    public static final class Verifier {
        private final String tenant;
        private final AuditKeys keys;
        private final Anchor anchor;
        private long expectedSeq = 1;
        private String previousHash = GENESIS;
        private boolean keyedSeen;
        private boolean lastLegacy;
        private long checked;
        private Long brokenAt;
        private String problem;
        private boolean anchorContained;

        public Verifier(String tenant, AuditKeys keys) {
            this(tenant, keys, null);
        }

        public Verifier(String tenant, AuditKeys keys, Anchor anchor) {
            this.tenant = tenant;
            this.keys = keys;
            this.anchor = anchor;
        }

        /** Returns false once the chain is broken; later entries are not checked. */
        public boolean accept(Entry e) {
            if (brokenAt != null) return false;
            checked++;
            if (e.seq() != expectedSeq) {
                return fail(
                        expectedSeq,
                        e.seq() > expectedSeq
                                ? "缺少第 "
                                        + expectedSeq
                                        + (e.seq() - 1 > expectedSeq ? "–" + (e.seq() - 1) : "")
                                        + " 条记录（已被删除）"
                                : "记录序号重复或乱序：" + e.seq());
            }
            if (!e.prevHash().equals(previousHash)) {
                return fail(e.seq(), "第 " + e.seq() + " 条记录的前序哈希与上一条记录不符（上一条被修改或删除）");
            }
            AuditAlgorithm alg = AuditAlgorithm.of(e.alg());
            String recomputed;
            if (alg == null) {
                return fail(e.seq(), "第 " + e.seq() + " 条记录的算法“" + e.alg() + "”无效（记录被修改）");
            } else if (!alg.keyed()) {
                // A plain hash anyone can recompute: only before the first keyed entry, which
                // vouches for it.
                if (keyedSeen) {
                    return fail(e.seq(), "第 " + e.seq() + " 条记录没有密钥校验码，而此前已有带密钥的记录（记录被改写）");
                }
                recomputed =
                        hash(
                                e.prevHash(),
                                e.seq(),
                                e.at(),
                                e.actor(),
                                e.action(),
                                e.entityType(),
                                e.entityId(),
                                e.detail());
            } else {
                byte[] key = keys.key(e.keyId());
                if (key == null) {
                    return fail(
                            e.seq(),
                            "第 "
                                    + e.seq()
                                    + " 条记录的密钥（编号 "
                                    + e.keyId()
                                    + "）未配置，无法确认记录未被改写"
                                    + "（轮换后的旧密钥应列入 "
                                    + AuditKeys.OLD_KEYS_ENV
                                    + "）");
                }
                keyedSeen = true;
                recomputed =
                        mac(
                                alg,
                                e.keyId(),
                                key,
                                tenant,
                                e.prevHash(),
                                e.seq(),
                                e.at(),
                                e.actor(),
                                e.action(),
                                e.entityType(),
                                e.entityId(),
                                e.detail());
            }
            if (!MessageDigest.isEqual(
                    recomputed.getBytes(StandardCharsets.US_ASCII),
                    e.hash().getBytes(StandardCharsets.US_ASCII))) {
                return fail(e.seq(), "第 " + e.seq() + " 条记录的内容与其校验码不符（记录被修改）");
            }
            if (anchor != null && e.seq() == anchor.seq()) {
                if (!e.hash().startsWith(anchor.hash())) {
                    return fail(e.seq(), "第 " + e.seq() + " 条记录的校验码与锚点不符（该条或此前的记录被改写，或锚点抄录有误）");
                }
                anchorContained = true;
            }
            lastLegacy = !alg.keyed();
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
            long last = expectedSeq - 1;
            if (brokenAt == null && lastLegacy) {
                fail(expectedSeq, "第 " + last + " 条之后没有带密钥的记录为旧记录作保（其后的记录被删除或改写为旧格式）");
            }
            if (brokenAt == null && anchor != null && !anchorContained) {
                fail(expectedSeq, "锚点第 " + anchor.seq() + " 条记录已不存在：现存 " + last + " 条（其后的记录被删除）");
            }
            AnchorCheck check =
                    anchor == null
                            ? null
                            : new AnchorCheck(anchor.seq(), anchor.hash(), anchorContained);
            return new Verification(checked, brokenAt == null, brokenAt, problem, check);
        }
    }
}
