package cn.duban.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code code} is stable and meant for programs; {@code detail} is a
 * Chinese sentence meant for people.
 */
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String code,
        String instance,
        List<?> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(int status, String code, String detail, String instance) {
        return response(status, code, detail, instance, null);
    }

    public static Response response(
            int status, String code, String detail, String instance, List<?> errors) {
        return Response.status(status)
                .type(MediaType.valueOf(MEDIA_TYPE + ";charset=UTF-8"))
                .entity(of(status, code, detail, instance, errors))
                .build();
    }

    public static Problem of(
            int status, String code, String detail, String instance, List<?> errors) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        return new Problem(
                "urn:duban:problem:" + code, title, status, detail, code, instance, errors);
    }
}
