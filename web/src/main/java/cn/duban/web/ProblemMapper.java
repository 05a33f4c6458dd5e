package cn.duban.web;

import cn.duban.platform.DubanException;
import jakarta.ejb.EJBAccessException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.resource.ResourceException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Renders every failure of the REST API as problem+json with a stable code. */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context UriInfo uriInfo;

    @Context HttpHeaders headers;

    /**
     * The failure as problem+json; the detail in English when the client's Accept-Language prefers
     * English, else the specific Chinese detail as always.
     */
    @Override
    public Response toResponse(Throwable failure) {
        String instance = uriInfo == null ? null : uriInfo.getPath();
        Locale language =
                ProblemTexts.apiLocale(
                        headers == null
                                ? null
                                : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        for (Throwable t = failure; t != null; t = t.getCause()) {
            DubanException known = domainError(t);
            if (known != null) {
                return Problem.response(
                        known.status(),
                        known.code(),
                        known.detail(),
                        instance,
                        known.errors(),
                        language);
            }
            if (t instanceof JsonbException || t instanceof ProcessingException) {
                return Problem.response(
                        400,
                        "request.malformed",
                        "请求内容不是有效的JSON，或字段类型不符。",
                        instance,
                        null,
                        language);
            }
            if (t instanceof WebApplicationException w) {
                return fromStatus(w.getResponse().getStatus(), instance, language);
            }
            if (t instanceof SQLException e
                    && ("22021".equals(e.getSQLState()) || "22P05".equals(e.getSQLState()))) {
                // PostgreSQL cannot store the character (e.g. NUL, U+0000, pasted from a binary
                // file).
                return Problem.response(
                        400,
                        "request.characters",
                        "内容中含有无法保存的字符（如空字符），请删除后重试。",
                        instance,
                        null,
                        language);
            }
        }
        if (databaseUnavailable(failure)) {
            // An outage, not a bug: the client may retry (reports with the same Idempotency-Key).
            LOG.warning("Database unavailable on " + instance + ": " + failure);
            return Response.fromResponse(
                            Problem.response(
                                    503,
                                    "service.unavailable",
                                    "数据库暂时不可用，请稍后重试（重复提交不会产生重复记录）。",
                                    instance,
                                    null,
                                    language))
                    .header("Retry-After", "5")
                    .build();
        }
        LOG.log(Level.SEVERE, "Unhandled failure on " + instance, failure);
        return Problem.response(
                500, "internal", "服务器内部错误，请稍后重试；如持续出现请联系管理员。", instance, null, language);
    }

    /**
     * The domain error a failure is, or stands for (a stale version, a refused role), with the
     * status, code and Chinese detail both the API and the pages ({@link FacesProblemHandler})
     * show; null for anything else. Looks at {@code t} itself, not its causes.
     */
    static DubanException domainError(Throwable t) {
        if (t instanceof DubanException e) return e;
        if (t instanceof OptimisticLockException) {
            return DubanException.conflict("conflict.stale", "数据已被他人修改，请刷新后重试。");
        }
        if (t instanceof EJBAccessException) {
            return new DubanException(403, "auth.forbidden", "当前用户没有执行此操作的权限。");
        }
        return null;
    }

    /**
     * No connection to PostgreSQL: the pool could not open one (ResourceException), or the server
     * went away mid-call or at commit (SQLState class 08 connection exception, 57P admin shutdown).
     */
    private static boolean databaseUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ResourceException) return true;
            if (t instanceof SQLException e
                    && e.getSQLState() != null
                    && (e.getSQLState().startsWith("08") || e.getSQLState().startsWith("57P")))
                return true;
            // A commit that lost its connection reports the reason as a suppressed exception.
            for (Throwable suppressed : t.getSuppressed())
                if (databaseUnavailable(suppressed)) return true;
        }
        return false;
    }

    private static Response fromStatus(int status, String instance, Locale language) {
        return switch (status) {
            case 400 ->
                    Problem.response(400, "request.invalid", "请求参数有误。", instance, null, language);
            case 401 -> Problem.response(401, "auth.required", "请先登录。", instance, null, language);
            case 403 ->
                    Problem.response(
                            403, "auth.forbidden", "当前用户没有执行此操作的权限。", instance, null, language);
            case 404 -> Problem.response(404, "not-found", "请求的资源不存在。", instance, null, language);
            case 405 ->
                    Problem.response(
                            405, "method-not-allowed", "不支持该请求方法。", instance, null, language);
            case 406 ->
                    Problem.response(
                            406, "not-acceptable", "不支持请求的响应格式。", instance, null, language);
            case 415 ->
                    Problem.response(
                            415, "unsupported-media-type", "不支持该请求内容类型。", instance, null, language);
            default ->
                    Problem.response(
                            status,
                            "http." + status,
                            "请求无法处理（HTTP " + status + "）。",
                            instance,
                            null,
                            language);
        };
    }
}
