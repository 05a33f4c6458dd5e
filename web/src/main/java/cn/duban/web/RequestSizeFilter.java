package cn.duban.web;

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

/**
 * Refuses an API request whose declared body exceeds DUBAN_MAX_POST_SIZE before anything reads
 * it: 413 problem+json. The listener's own, higher limit (server.cli) can only drop the
 * connection with a bare 400.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class RequestSizeFilter extends HttpFilter {

    static final long LIMIT = limit(System.getenv("DUBAN_MAX_POST_SIZE"));
    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (req.getContentLengthLong() <= LIMIT) {
            chain.doFilter(req, res);
            return;
        }
        String detail = "请求内容过大（最大 " + LIMIT / 1024 / 1024 + " MB）。佐证材料每个文件限 10 MB，计划文件限 5 MB。";
        byte[] body = JSON.toJson(Problem.of(413, "request.too-large", detail, req.getRequestURI(), null))
                .getBytes(StandardCharsets.UTF_8);
        res.setStatus(413);
        res.setContentType(Problem.MEDIA_TYPE + ";charset=UTF-8");
        res.setHeader("Connection", "close"); // do not read the rest of the body
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }

    static long limit(String configured) {
        try {
            return configured == null || configured.isBlank() ? 52_428_800L : Long.parseLong(configured.strip());
        } catch (NumberFormatException e) {
            return 52_428_800L;
        }
    }
}
