package cn.duban.web;

import cn.duban.platform.DubanException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Bounds every API request body by DUBAN_MAX_POST_SIZE: a declared length over it is refused before
 * anything reads it; a body without one (chunked) is counted as it is read and stopped one byte
 * past the limit. Either way the answer is 413 problem+json {@code request.too-large}. The
 * listener's own, higher limit (server.cli) can only drop the connection with a bare 400.
 *
 * <p>JSON bodies have a lower limit of their own ({@link BodyLimits}).
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class RequestSizeFilter extends HttpFilter {

    static final long LIMIT =
            limit(
                    cn.duban.platform.Settings.get(
                            "duban.max-post-size", "DUBAN_MAX_POST_SIZE", null));
    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        long limit = BodyLimits.limitFor(req.getContentType(), LIMIT);
        Supplier<DubanException> tooLarge = () -> BodyLimits.tooLarge(limit);
        long declared = req.getContentLengthLong();
        if (declared > limit) {
            write(req, res, tooLarge.get());
            return;
        }
        if (declared >= 0) {
            chain.doFilter(req, res); // the container delivers no more than the declared length
            return;
        }
        CountedRequest counted = new CountedRequest(req, limit, tooLarge);
        try {
            chain.doFilter(counted, res);
        } catch (DubanException | IOException | ServletException e) {
            if (LimitResponses.refusal(req) == null) throw e;
        }
        // The REST layer answers an over-limit body itself (LimitResponses); anything it let
        // through is answered here.
        DubanException over = LimitResponses.refusal(req);
        if (over != null && !res.isCommitted() && res.getStatus() != over.status()) {
            res.reset();
            write(req, res, over);
        }
    }

    private static void write(HttpServletRequest req, HttpServletResponse res, DubanException e)
            throws IOException {
        byte[] body =
                JSON.toJson(
                                Problem.of(
                                        e.status(),
                                        e.code(),
                                        e.detail(),
                                        req.getRequestURI(),
                                        null,
                                        ProblemTexts.apiLocale(req.getHeader("Accept-Language"))))
                        .getBytes(StandardCharsets.UTF_8);
        res.setStatus(e.status());
        res.setContentType(Problem.MEDIA_TYPE + ";charset=UTF-8");
        res.setHeader("Connection", "close"); // do not read the rest of the body
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }

    static long limit(String configured) {
        try {
            return configured == null || configured.isBlank()
                    ? 52_428_800L
                    : Long.parseLong(configured.strip());
        } catch (NumberFormatException e) {
            return 52_428_800L;
        }
    }
}
