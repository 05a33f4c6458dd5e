package cn.duban.scale;

import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Deterministic ids and random streams, derived by hashing (seed, stream, tenant, index). Every row
 * can be regenerated on its own, in any order and on any thread, without keeping id maps or sharing
 * a random generator between tables.
 */
final class Seeds {

    /** Independent random streams; the number keeps each stream's values apart. */
    enum Stream {
        TENANT_NAMES,
        TENANT,
        UNIT,
        PLAN,
        SECTION,
        POINT,
        POINT_UNIT,
        TASK,
        TASK_ADJUST,
        CHECKPOINT,
        REPORT,
        HISTORY,
        POINT_TEXT,
        REPORT_TEXT
    }

    private Seeds() {}

    /** SplitMix64's finaliser: a cheap, well-mixed 64-bit hash. */
    static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long mix(long seed, Stream stream, int tenant, long index) {
        return mix(
                mix(mix(mix(seed) ^ (stream.ordinal() + 1L) * 0x632BE59BD9B4E019L) ^ tenant)
                        ^ index);
    }

    static SplittableRandom rng(long seed, Stream stream, int tenant, long index) {
        return new SplittableRandom(mix(seed, stream, tenant, index));
    }

    /** A random-looking (version 4) UUID, always the same for the same inputs. */
    static UUID uuid(long seed, Stream stream, int tenant, long index) {
        // Salted so that an entity's id and the random stream of the same (stream, index) differ.
        long hi = mix(mix(seed, stream, tenant, index) ^ 0x2545F4914F6CDD1DL);
        long lo = mix(hi ^ 0x5851F42D4C957F2DL);
        hi = (hi & ~0xF000L) | 0x4000L;
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo);
    }
}
