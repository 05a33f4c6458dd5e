package cn.duban.ledger.evidence;

import cn.duban.ledger.EvidenceFile;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.hibernate.Session;

/**
 * The bytes of evidence files, once per tenant and SHA-256 ({@code evidence_content}): storing a
 * file whose bytes the tenant has already stored adds nothing (insert … on conflict do nothing, so
 * two uploads of the same bytes at once store one row), and reading streams one file from the
 * database to the caller's stream. Row-level security keeps every query in the caller's tenant; a
 * hash of another tenant is simply not there. Whether the caller may see a file is its store's
 * question (the report's, the contribution's, the appeal's, the item's), asked before this one.
 */
@Stateless
public class EvidenceContents {

    @PersistenceContext EntityManager em;

    /** Stores a checked upload's bytes unless the tenant has them; its metadata. */
    public StoredFile store(EvidenceFile file) {
        String tenant = Caller.currentTenant().orElseThrow(DubanException::unauthorized);
        em.createNativeQuery(
                        "insert into evidence_content (tenant_id, sha256, size, content) "
                                + "values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, tenant)
                .setParameter(2, file.sha256())
                .setParameter(3, file.content().length)
                .setParameter(4, file.content())
                .executeUpdate();
        return StoredFile.of(file);
    }

    /**
     * Writes a file's bytes to {@code out} as they come from the database (one file at a time; the
     * driver's stream); false if the tenant has no such content.
     */
    public boolean copy(String sha256, OutputStream out) {
        return em.unwrap(Session.class)
                .doReturningWork(
                        c -> {
                            try (PreparedStatement s =
                                    c.prepareStatement(
                                            "select content from evidence_content where sha256 = ?")) {
                                s.setString(1, sha256);
                                try (ResultSet rs = s.executeQuery()) {
                                    if (!rs.next()) return false;
                                    try (InputStream in = rs.getBinaryStream(1)) {
                                        in.transferTo(out);
                                    } catch (IOException e) {
                                        throw new UncheckedIOException(e);
                                    }
                                    return true;
                                }
                            }
                        });
    }

    /** A file's bytes (≤ 10 MB), for a ZIP entry stored with its CRC; null if there are none. */
    public byte[] bytes(String sha256) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return copy(sha256, out) ? out.toByteArray() : null;
    }
}
