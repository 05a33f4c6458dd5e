package cn.duban.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.platform.DubanException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    static final String TENANT = "putuo";
    static final byte[] KEY_A = key('a');
    static final byte[] KEY_B = key('b');
    static final AuditKeys KEYS_A = AuditKeys.of(AuditAlgorithm.HMAC_SHA256, KEY_A, List.of());

    static byte[] key(char c) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) c);
        return k;
    }

    static Instant at(int i) {
        return Instant.parse("2025-06-30T08:00:00.123456789Z").plusSeconds(i);
    }

    static String detail(int i) {
        return "{\"n\":" + i + "}";
    }

    /**
     * Entries from..to appended to the list, keyed with these keys' current key (or legacy SHA-256
     * when keys is null).
     */
    static List<AuditChain.Entry> append(List<AuditChain.Entry> out, int to, AuditKeys keys) {
        String prev = out.isEmpty() ? AuditChain.GENESIS : out.get(out.size() - 1).hash();
        for (int i = out.size() + 1; i <= to; i++) {
            UUID entity = UUID.nameUUIDFromBytes(("t" + i).getBytes(StandardCharsets.UTF_8));
            String hash =
                    keys == null
                            ? AuditChain.hash(
                                    prev,
                                    i,
                                    at(i),
                                    "pt-admin",
                                    "task.assigned",
                                    "task",
                                    entity,
                                    detail(i))
                            : AuditChain.mac(
                                    keys.algorithm(),
                                    keys.currentId(),
                                    keys.current(),
                                    TENANT,
                                    prev,
                                    i,
                                    at(i),
                                    "pt-admin",
                                    "task.assigned",
                                    "task",
                                    entity,
                                    detail(i));
            out.add(
                    new AuditChain.Entry(
                            i,
                            AuditChain.truncate(at(i)),
                            "pt-admin",
                            "task.assigned",
                            "task",
                            entity,
                            detail(i),
                            prev,
                            hash,
                            keys == null ? "SHA-256" : keys.algorithm().label(),
                            keys == null ? null : keys.currentId()));
            prev = hash;
        }
        return out;
    }

    static List<AuditChain.Entry> chain(int n) {
        return append(new ArrayList<>(), n, KEYS_A);
    }

    static AuditChain.Verification verify(
            List<AuditChain.Entry> entries, AuditKeys keys, AuditChain.Anchor anchor) {
        AuditChain.Verifier v = new AuditChain.Verifier(TENANT, keys, anchor);
        for (AuditChain.Entry e : entries) if (!v.accept(e)) break;
        return v.result();
    }

    static AuditChain.Verification verify(List<AuditChain.Entry> entries) {
        return verify(entries, KEYS_A, null);
    }

    static AuditChain.Entry withDetail(
            AuditChain.Entry e,
            String detail,
            String prevHash,
            String hash,
            String alg,
            String keyId) {
        return new AuditChain.Entry(
                e.seq(),
                e.at(),
                e.actor(),
                e.action(),
                e.entityType(),
                e.entityId(),
                detail,
                prevHash,
                hash,
                alg,
                keyId);
    }

    /**
     * What someone with the owner role and today's (pre-V6) code in hand does: change entry k's
     * detail and recompute the plain SHA-256 chain from there on, relabelled as legacy or not.
     */
    static List<AuditChain.Entry> rewriteWithPlainSha256(
            List<AuditChain.Entry> entries, int k, boolean relabel) {
        List<AuditChain.Entry> out = new ArrayList<>(entries.subList(0, k - 1));
        String prev = k == 1 ? AuditChain.GENESIS : out.get(k - 2).hash();
        for (AuditChain.Entry e : entries.subList(k - 1, entries.size())) {
            String detail = e.seq() == k ? "{\"n\":999}" : e.detail();
            String hash =
                    AuditChain.hash(
                            prev,
                            e.seq(),
                            e.at(),
                            e.actor(),
                            e.action(),
                            e.entityType(),
                            e.entityId(),
                            detail);
            out.add(
                    withDetail(
                            e,
                            detail,
                            prev,
                            hash,
                            relabel ? "SHA-256" : e.alg(),
                            relabel ? null : e.keyId()));
            prev = hash;
        }
        return out;
    }

    @Test
    void anIntactChainVerifies() {
        AuditChain.Verification v = verify(chain(50));
        assertThat(v.intact()).isTrue();
        assertThat(v.checked()).isEqualTo(50);
        assertThat(v.brokenAt()).isNull();
        assertThat(v.anchor()).isNull();
    }

    @Test
    void anHmacSm3ChainVerifies() {
        AuditKeys sm3 = AuditKeys.of(AuditAlgorithm.HMAC_SM3, KEY_A, List.of());
        List<AuditChain.Entry> entries = append(new ArrayList<>(), 20, sm3);
        assertThat(entries.get(0).alg()).isEqualTo("HMAC-SM3");
        assertThat(verify(entries, sm3, null).intact()).isTrue();
        // The same key under the other algorithm gives other MACs: the stored alg decides, not the
        // configured one.
        assertThat(verify(entries, KEYS_A, null).intact()).isTrue();
        AuditChain.Entry e = entries.get(4);
        entries.set(4, withDetail(e, e.detail(), e.prevHash(), e.hash(), "HMAC-SHA256", e.keyId()));
        assertThat(verify(entries, sm3, null).brokenAt()).isEqualTo(5);
    }

    @Test
    void aChangedEntryBreaksTheChainThere() {
        List<AuditChain.Entry> entries = chain(10);
        AuditChain.Entry e = entries.get(6);
        entries.set(
                6,
                new AuditChain.Entry(
                        e.seq(),
                        e.at(),
                        "someone-else",
                        e.action(),
                        e.entityType(),
                        e.entityId(),
                        e.detail(),
                        e.prevHash(),
                        e.hash(),
                        e.alg(),
                        e.keyId()));
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
    void theOwnerRecomputingThePlainChainIsCaught() {
        List<AuditChain.Entry> entries = chain(10);
        // Today's attack: the rows still claim HMAC-SHA256, their hash is SHA-256.
        AuditChain.Verification v = verify(rewriteWithPlainSha256(entries, 4, false));
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenAt()).isEqualTo(4);
        assertThat(v.problem()).contains("被修改");
        // Relabelled as legacy: a plain hash after keyed entries vouches for nothing.
        v = verify(rewriteWithPlainSha256(entries, 4, true));
        assertThat(v.brokenAt()).isEqualTo(4);
        assertThat(v.problem()).contains("没有密钥校验码");
        // The whole chain relabelled as legacy from entry 1: it ends with a legacy entry, which the
        // seal never allows.
        v = verify(rewriteWithPlainSha256(entries, 1, true));
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenAt()).isEqualTo(11);
        assertThat(v.problem()).contains("没有带密钥的记录");
    }

    @Test
    void aMacUnderAnotherKeyIsCaughtEvenWithTheRightKeyId() {
        List<AuditChain.Entry> entries = chain(5);
        AuditChain.Entry e = entries.get(2);
        String forged =
                AuditChain.mac(
                        AuditAlgorithm.HMAC_SHA256,
                        e.keyId(),
                        KEY_B,
                        TENANT,
                        e.prevHash(),
                        e.seq(),
                        e.at(),
                        e.actor(),
                        e.action(),
                        e.entityType(),
                        e.entityId(),
                        "{\"n\":99}");
        entries.set(2, withDetail(e, "{\"n\":99}", e.prevHash(), forged, e.alg(), e.keyId()));
        assertThat(verify(entries).brokenAt()).isEqualTo(3);
    }

    @Test
    void aWrongKeyReportsTheChainBroken() {
        List<AuditChain.Entry> entries = chain(5);
        // The server started with another key, and the writing key is not among the old ones.
        AuditChain.Verification v =
                verify(entries, AuditKeys.of(AuditAlgorithm.HMAC_SHA256, KEY_B, List.of()), null);
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenAt()).isEqualTo(1);
        assertThat(v.problem()).contains("未配置").contains(AuditKeys.OLD_KEYS_ENV);
    }

    @Test
    void aRotatedKeyStillVerifiesOldEntries() {
        List<AuditChain.Entry> entries =
                append(chain(5), 10, AuditKeys.of(AuditAlgorithm.HMAC_SM3, KEY_B, List.of()));
        assertThat(entries.get(4).keyId()).isEqualTo(AuditKeys.idOf(KEY_A));
        assertThat(entries.get(5).keyId())
                .isEqualTo(AuditKeys.idOf(KEY_B))
                .isNotEqualTo(entries.get(4).keyId());
        AuditKeys rotated = AuditKeys.of(AuditAlgorithm.HMAC_SM3, KEY_B, List.of(KEY_A));
        assertThat(verify(entries, rotated, null).intact()).isTrue();
        assertThat(
                        verify(
                                        entries,
                                        AuditKeys.of(AuditAlgorithm.HMAC_SM3, KEY_B, List.of()),
                                        null)
                                .brokenAt())
                .isEqualTo(1);
    }

    @Test
    void legacyEntriesVerifyAsBeforeOnceSealed() {
        List<AuditChain.Entry> legacy = append(new ArrayList<>(), 6, null);
        // Before the seal the chain ends with a legacy entry: reported, so an all-legacy forgery
        // cannot pass.
        assertThat(verify(legacy).brokenAt()).isEqualTo(7);
        List<AuditChain.Entry> sealed = append(new ArrayList<>(legacy), 9, KEYS_A);
        assertThat(verify(sealed).intact()).isTrue();
        assertThat(verify(sealed).checked()).isEqualTo(9);

        // Rewriting a legacy entry and recomputing the legacy hashes up to the seal: the seal's
        // link breaks.
        List<AuditChain.Entry> forged = rewriteWithPlainSha256(legacy, 3, true);
        forged.addAll(sealed.subList(6, 9));
        AuditChain.Verification v = verify(forged);
        assertThat(v.brokenAt()).isEqualTo(7);
        // ... and pointing the seal at the new hash breaks its MAC.
        AuditChain.Entry seal = forged.get(6);
        forged.set(
                6,
                withDetail(
                        seal,
                        seal.detail(),
                        forged.get(5).hash(),
                        seal.hash(),
                        seal.alg(),
                        seal.keyId()));
        assertThat(verify(forged).brokenAt()).isEqualTo(7);
        assertThat(verify(forged).problem()).contains("被修改");
    }

    @Test
    void entriesCannotMoveToAnotherTenant() {
        List<AuditChain.Entry> entries = chain(3);
        AuditChain.Verifier other = new AuditChain.Verifier("jiading", KEYS_A);
        assertThat(other.accept(entries.get(0))).isFalse();
        assertThat(other.result().brokenAt()).isEqualTo(1);
    }

    @Test
    void anAnchorIsFoundOrTheChainIsReportedBroken() {
        List<AuditChain.Entry> entries = chain(10);
        String printed = entries.get(6).hash().substring(0, AuditChain.ANCHOR_HEX);

        AuditChain.Verification v = verify(entries, KEYS_A, new AuditChain.Anchor(7, printed));
        assertThat(v.intact()).isTrue();
        assertThat(v.anchor().contained()).isTrue();
        assertThat(
                        verify(entries, KEYS_A, new AuditChain.Anchor(7, entries.get(6).hash()))
                                .anchor()
                                .contained())
                .isTrue();

        // The tail after the anchor truncated: the rest verifies, but the anchor is gone.
        List<AuditChain.Entry> truncated = new ArrayList<>(entries.subList(0, 5));
        assertThat(verify(truncated).intact()).isTrue();
        v = verify(truncated, KEYS_A, new AuditChain.Anchor(7, printed));
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenAt()).isEqualTo(6);
        assertThat(v.anchor().contained()).isFalse();
        assertThat(v.problem()).contains("锚点第 7 条");

        // Rewritten by someone holding the key: every MAC is right, but the anchor is not.
        List<AuditChain.Entry> rekeyed = new ArrayList<>(entries.subList(0, 2));
        append(rekeyed, 10, KEYS_A);
        String prev = rekeyed.get(1).hash();
        for (int i = 2; i < 10; i++) {
            AuditChain.Entry e = rekeyed.get(i);
            String d = i == 2 ? "{\"n\":999}" : e.detail();
            String mac =
                    AuditChain.mac(
                            AuditAlgorithm.HMAC_SHA256,
                            e.keyId(),
                            KEY_A,
                            TENANT,
                            prev,
                            e.seq(),
                            e.at(),
                            e.actor(),
                            e.action(),
                            e.entityType(),
                            e.entityId(),
                            d);
            rekeyed.set(i, withDetail(e, d, prev, mac, e.alg(), e.keyId()));
            prev = mac;
        }
        assertThat(verify(rekeyed).intact()).isTrue();
        v = verify(rekeyed, KEYS_A, new AuditChain.Anchor(7, printed));
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenAt()).isEqualTo(7);
        assertThat(v.problem()).contains("锚点");
    }

    @Test
    void anchorsAreParsedStrictly() {
        assertThat(AuditChain.Anchor.parse(null, " ")).isNull();
        assertThat(AuditChain.Anchor.parse(" 12 ", "3F2A9C0D1E4B5A6F"))
                .isEqualTo(new AuditChain.Anchor(12, "3f2a9c0d1e4b5a6f"));
        for (String[] bad :
                new String[][] {
                    {"12", null},
                    {null, "3f2a9c0d1e4b5a6f"},
                    {"0", "3f2a9c0d1e4b5a6f"},
                    {"x", "3f2a9c0d1e4b5a6f"},
                    {"12", "3f2a9c0d"},
                    {"12", "3f2a9c0d1e4b5a6g"},
                    {"12", "a".repeat(65)}
                }) {
            assertThatThrownBy(() -> AuditChain.Anchor.parse(bad[0], bad[1]))
                    .isInstanceOf(DubanException.class)
                    .satisfies(
                            e ->
                                    assertThat(((DubanException) e).code())
                                            .isEqualTo("audit.anchor-invalid"));
        }
    }

    @Test
    void theHeadCarriesThePrintedAnchor() {
        List<AuditChain.Entry> entries = chain(3);
        AuditChain.Entry last = entries.get(2);
        AuditChain.Head head =
                AuditChain.Head.of(TENANT, 3, last.hash(), last.at(), last.alg(), last.keyId());
        assertThat(head.anchor()).hasSize(16).isEqualTo(last.hash().substring(0, 16));
        assertThat(AuditChain.Head.empty(TENANT).seq()).isZero();
    }
}
