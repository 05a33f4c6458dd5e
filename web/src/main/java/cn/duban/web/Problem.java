package cn.duban.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;

/**
 * An RFC 9457 problem detail. {@code code} is stable and meant for programs; {@code detail} is a
 * sentence meant for people: the specific Chinese one, or in English the generic sentence of the
 * code for a client whose Accept-Language prefers English ({@link ProblemTexts}).
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

    /** The problem with its detail in {@code locale} (see {@link ProblemTexts#detail}). */
    public static Response response(
            int status,
            String code,
            String detail,
            String instance,
            List<?> errors,
            Locale locale) {
        return response(
                status,
                code,
                ProblemTexts.detail(code, detail, locale),
                instance,
                ProblemTexts.errors(errors, locale));
    }

    /** The problem with its detail in {@code locale} (see {@link ProblemTexts#detail}). */
    public static Problem of(
            int status,
            String code,
            String detail,
            String instance,
            List<?> errors,
            Locale locale) {
        return of(
                status,
                code,
                ProblemTexts.detail(code, detail, locale),
                instance,
                ProblemTexts.errors(errors, locale));
    }

    public static Problem of(
            int status, String code, String detail, String instance, List<?> errors) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        return new Problem(
                "urn:duban:problem:" + code, title, status, detail, code, instance, errors);
    }
}
