package cn.duban.audit;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * How an audit entry is sealed, stored per entry in {@code audit_log.alg}. Entries written before
 * V6 carry {@link #SHA_256}: a plain hash anyone can recompute, trusted only because a keyed entry
 * after them covers their hash (see {@link AuditChain.Verifier}).
 */
public enum AuditAlgorithm {

    /** Legacy, before V6: no key. */
    SHA_256("SHA-256"),
    /** The default. */
    HMAC_SHA256("HMAC-SHA256"),
    /**
     * 国密 (GB/T 32905 SM3 in HMAC, GM/T 0042), for offices that need 密评 compliance; BouncyCastle's
     * lightweight API.
     */
    HMAC_SM3("HMAC-SM3");

    private final String label;

    AuditAlgorithm(String label) {
        this.label = label;
    }

    /** As stored and configured: SHA-256, HMAC-SHA256, HMAC-SM3. */
    public String label() {
        return label;
    }

    public boolean keyed() {
        return this != SHA_256;
    }

    /** The algorithm of that label (case-insensitive), or null for an unknown one. */
    public static AuditAlgorithm of(String label) {
        if (label == null) return null;
        for (AuditAlgorithm a : values()) {
            if (a.label.equalsIgnoreCase(label.strip())) return a;
        }
        return null;
    }

    /** The MAC of the message under the key (32 bytes for both keyed algorithms). */
    public byte[] mac(byte[] key, byte[] message) {
        switch (this) {
            case HMAC_SHA256 -> {
                try {
                    Mac mac = Mac.getInstance("HmacSHA256");
                    mac.init(new SecretKeySpec(key, "HmacSHA256"));
                    return mac.doFinal(message);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("every JDK has HmacSHA256", e);
                }
            }
            case HMAC_SM3 -> {
                HMac mac = new HMac(new SM3Digest());
                mac.init(new KeyParameter(key));
                mac.update(message, 0, message.length);
                byte[] out = new byte[mac.getMacSize()];
                mac.doFinal(out, 0);
                return out;
            }
            default -> throw new IllegalStateException(label + " has no key");
        }
    }
}
