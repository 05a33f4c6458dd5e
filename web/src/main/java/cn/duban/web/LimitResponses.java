package cn.duban.web;

import cn.duban.platform.DubanException;
import jakarta.servlet.ServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * The answers of the request limits, whatever a reader made of them. A body stopped at its limit
 * ({@link LimitedInputStream}) surfaces through JSON-B or the multipart parser as their own error
 * (400 "not JSON", say): the request remembers the refusal and this filter answers it instead, 413
 * problem+json, and closes the connection rather than read the rest. A 503 (a busy server, a
 * database away) tells the client when to try again.
 */
@Provider
public class LimitResponses implements ContainerResponseFilter {

    /** Request attribute (a JAX-RS request property is the same thing) holding the refusal. */
    static final String REFUSAL = LimitResponses.class.getName() + ".refusal";

    private static final MediaType PROBLEM = new MediaType("application", "problem+json", "UTF-8");

    static void remember(ServletRequest request, DubanException refusal) {
        if (request.getAttribute(REFUSAL) == null) request.setAttribute(REFUSAL, refusal);
    }

    static DubanException refusal(ServletRequest request) {
        return request.getAttribute(REFUSAL) instanceof DubanException e ? e : null;
    }

    @Override
    public void filter(ContainerRequestContext req, ContainerResponseContext res) {
        DubanException over = req.getProperty(REFUSAL) instanceof DubanException e ? e : null;
        if (over != null) {
            res.setStatus(over.status());
            res.setEntity(
                    Problem.of(
                            over.status(),
                            over.code(),
                            over.detail(),
                            req.getUriInfo().getPath(),
                            null,
                            ProblemTexts.apiLocale(req.getHeaderString("Accept-Language"))),
                    null,
                    PROBLEM);
            res.getHeaders().putSingle("Connection", "close");
        }
        if (res.getStatus() == 503 && !res.getHeaders().containsKey("Retry-After")) {
            res.getHeaders().putSingle("Retry-After", "5");
        }
    }
}
