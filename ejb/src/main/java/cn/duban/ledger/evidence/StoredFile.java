package cn.duban.ledger.evidence;

import cn.duban.ledger.EvidenceFile;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What every evidence row says of its file (佐证材料): the name and type it was given as, its size and
 * its SHA-256, which is also the key of its bytes in {@code evidence_content} ({@link
 * EvidenceContents}). Embedded in each store (a report's, a contribution's, an appeal's, a bonus or
 * deduction item's) so none lists these fields again.
 */
@Embeddable
public record StoredFile(
        @Column(name = "file_name", nullable = false, updatable = false) String fileName,
        @Column(name = "content_type", nullable = false, updatable = false) String contentType,
        @Column(name = "size", nullable = false, updatable = false) int size,
        @Column(name = "sha256", nullable = false, updatable = false) String sha256) {

    public StoredFile {
        // char(64) comes back as it went in, but a hash is compared and shown without padding.
        sha256 = sha256 == null ? null : sha256.strip();
    }

    /** The metadata of a checked upload. */
    public static StoredFile of(EvidenceFile file) {
        return new StoredFile(
                file.name(), file.contentType(), file.content().length, file.sha256());
    }
}
