package cn.duban.web;

import cn.duban.platform.DubanException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * Applies {@link UploadLimit} to the endpoints that carry it, before their multipart body is
 * parsed.
 */
@Provider
public class UploadLimits implements DynamicFeature {

    /** Multipart framing, part headers and the small form fields that come with a file. */
    public static final long OVERHEAD = 64 * 1024;

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        UploadLimit limit = method == null ? null : method.getAnnotation(UploadLimit.class);
        if (limit != null) context.register(new Check(limit), Priorities.USER);
    }

    static final class Check implements ContainerRequestFilter {
        private final UploadLimit limit;

        Check(UploadLimit limit) {
            this.limit = limit;
        }

        @Override
        public void filter(ContainerRequestContext ctx) {
            long max = limit.file() + OVERHEAD;
            long declared = ctx.getLength();
            if (declared > max) {
                DubanException e = refusal();
                ctx.abortWith(
                        jakarta.ws.rs.core.Response.fromResponse(
                                        Problem.response(
                                                e.status(),
                                                e.code(),
                                                e.detail(),
                                                ctx.getUriInfo().getPath(),
                                                null,
                                                ProblemTexts.apiLocale(
                                                        ctx.getHeaderString("Accept-Language"))))
                                .header("Connection", "close")
                                .type(MediaType.valueOf(Problem.MEDIA_TYPE + ";charset=UTF-8"))
                                .build());
                return;
            }
            if (declared < 0) {
                ctx.setEntityStream(
                        new LimitedInputStream(
                                ctx.getEntityStream(),
                                max,
                                this::refusal,
                                e -> {
                                    if (ctx.getProperty(LimitResponses.REFUSAL) == null)
                                        ctx.setProperty(LimitResponses.REFUSAL, e);
                                }));
            }
        }

        private DubanException refusal() {
            return new DubanException(413, limit.code(), limit.detail());
        }
    }
}
