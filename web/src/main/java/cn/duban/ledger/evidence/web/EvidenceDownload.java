package cn.duban.ledger.evidence.web;

import cn.duban.ledger.evidence.EvidenceContents;
import cn.duban.ledger.evidence.StoredFile;
import cn.duban.web.Requests;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The one way an evidence file goes out (a report's, a contribution's, an appeal's, a bonus or
 * deduction item's): its store has checked that the caller may see it; the bytes stream from the
 * tenant's content store as they are written, with the name, type, length and SHA-256 (header
 * {@code Digest} and {@code X-Content-SHA256}) the store recorded.
 */
public final class EvidenceDownload {

    private EvidenceDownload() {}

    public static Response of(StoredFile file, EvidenceContents contents) {
        StreamingOutput body =
                out -> {
                    try {
                        contents.copy(file.sha256(), out);
                    } catch (UncheckedIOException e) {
                        throw e.getCause(); // the client went away: the container's to handle
                    }
                };
        return Response.ok(body, file.contentType())
                .header("Content-Disposition", Requests.disposition(false, file.fileName()))
                .header("Content-Length", file.size())
                .header(
                        "Digest",
                        "sha-256="
                                + Base64.getEncoder()
                                        .encodeToString(HexFormat.of().parseHex(file.sha256())))
                .header("X-Content-SHA256", file.sha256())
                .build();
    }
}
