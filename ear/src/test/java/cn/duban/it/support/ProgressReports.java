package cn.duban.it.support;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Progress reports for the integration tests: small PDFs as evidence, submitting and reviewing a
 * report through the API, and the SHA-256 the API shows for a file (formerly on LedgerIT and
 * ReturnedWorkIT).
 */
public final class ProgressReports {

    /** A minimal PDF, accepted as evidence. */
    public static final byte[] PDF =
            "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
                    .getBytes(StandardCharsets.US_ASCII);

    /** Another PDF, told apart from {@link #PDF} by its hash: a site photo. */
    public static final byte[] PHOTO =
            "%PDF-1.4\n% site photo\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
                    .getBytes(StandardCharsets.US_ASCII);

    private ProgressReports() {}

    /** Submits the report as the user, with an {@code Idempotency-Key} unless key is null. */
    public static Reply submit(String user, String report, String key) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(Api.base() + "/reports/" + report + "/submit"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (key != null) b.header("Idempotency-Key", key);
        return Api.send(user, b);
    }

    /** Reviews the report as pt-admin, with {@code If-Match} unless version is null. */
    public static Reply review(String report, String json, Integer version) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(Api.base() + "/reports/" + report + "/review"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (version != null) b.header("If-Match", String.valueOf(version));
        return Api.send("pt-admin", b);
    }

    public static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
