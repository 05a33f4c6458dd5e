package cn.duban.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Parses a page's upload (multipart) before Faces sees it, within the Faces servlet's
 * multipart-config (web.xml): a body or a file over those limits is answered 413 at once, with a
 * short message, instead of failing somewhere inside Faces as a 500. Files under the limit are
 * spooled to disk above the threshold and checked again, per page, before they are read ({@link
 * Uploads#content}); the pages' p:validateFile stops them in the browser first.
 */
@WebFilter(servletNames = "Faces Servlet", asyncSupported = true)
public class FacesUploadFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String type = req.getContentType();
        if ("POST".equals(req.getMethod())
                && type != null
                && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            // The fields are decoded when the body is parsed, so as Faces would have it: UTF-8,
            // like the pages.
            if (req.getCharacterEncoding() == null) req.setCharacterEncoding("UTF-8");
            try {
                req.getParts();
            } catch (IllegalStateException e) {
                // Over max-file-size or max-request-size (Servlet 6, HttpServletRequest#getParts).
                byte[] body =
                        "上传的文件过大：单个文件不超过 10 MB（计划文件不超过 5 MB）。\n".getBytes(StandardCharsets.UTF_8);
                res.setStatus(413);
                res.setContentType("text/plain;charset=UTF-8");
                res.setHeader("Connection", "close");
                res.setContentLength(body.length);
                res.getOutputStream().write(body);
                return;
            }
        }
        chain.doFilter(req, res);
    }
}
