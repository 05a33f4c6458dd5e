package cn.duban.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Refuses state-changing calls to the API and to /logout that the session cookie authenticates but
 * another site's page sent (a cross-site form post): 403 problem+json {@code request.cross-site}.
 * The browser marks every POST with its Origin; the application's own pages and scripts send ours.
 * Bearer-token clients are not affected. The rule itself is {@link Origins#mayChangeState}. Faces
 * forms are protected by their view state instead. Mapped in web.xml.
 */
public class CrossSiteRequestFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(CrossSiteRequestFilter.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final String DETAIL =
            "拒绝跨站请求：该操作只能从本系统页面发起。"
                    + "使用登录会话调用接口时须带同源的 Origin（或 X-Requested-With 头），程序调用请使用 Bearer 令牌。";

    private final String publicOrigin = Origins.publicOrigin();

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        Set<String> trusted = trusted(req);
        if (Origins.mayChangeState(
                req.getMethod(),
                req.getHeader("Authorization"),
                req.getHeader("Origin"),
                req.getHeader("Referer"),
                req.getHeader("X-Requested-With"),
                trusted)) {
            chain.doFilter(req, res);
            return;
        }
        // The origins we expected tell an operator behind a proxy what DUBAN_PUBLIC_URL should be.
        LOG.warning(
                "Refused a cross-site "
                        + req.getMethod()
                        + " "
                        + req.getRequestURI()
                        + " from origin "
                        + req.getHeader("Origin")
                        + " (expected one of "
                        + trusted
                        + "; user "
                        + (req.getUserPrincipal() == null ? "-" : req.getUserPrincipal().getName())
                        + ")");
        byte[] body =
                JSON.toJson(
                                Problem.of(
                                        403,
                                        "request.cross-site",
                                        DETAIL,
                                        req.getRequestURI(),
                                        null,
                                        ProblemTexts.apiLocale(req.getHeader("Accept-Language"))))
                        .getBytes(StandardCharsets.UTF_8);
        res.setStatus(403);
        res.setContentType(Problem.MEDIA_TYPE + ";charset=UTF-8");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }

    /**
     * The request's own origin as the client addressed it (behind a TLS proxy the listener's
     * proxy-address-forwarding supplies X-Forwarded-Proto/Host), and the configured public URL.
     */
    private Set<String> trusted(HttpServletRequest req) {
        Set<String> trusted = new HashSet<>(2);
        String own = Origins.of(req.getScheme(), req.getServerName(), req.getServerPort());
        if (own != null) trusted.add(own);
        if (publicOrigin != null) trusted.add(publicOrigin);
        return trusted;
    }
}
