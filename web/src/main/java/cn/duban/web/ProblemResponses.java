package cn.duban.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The error answers of the API document, added to every operation by one rule instead of an
 * annotation per operation and status (registered as {@code mp.openapi.filter}): every call can be
 * 401 and 403; a call with a path parameter 404; a call that takes parameters or a body 400; a
 * write 409 (a stale version or a taken name); a call with a body 413 and 415. Each refers to a
 * reusable response of META-INF/openapi.yaml, where the problem+json schema and the main codes of
 * each status are written once. An operation that declares a status itself keeps its own.
 */
public class ProblemResponses implements OASFilter {

    /** Status → the reusable response in components/responses. */
    static final Map<String, String> REFS =
            Map.of(
                    "400", "BadRequest",
                    "401", "Unauthorized",
                    "403", "Forbidden",
                    "404", "NotFound",
                    "409", "Conflict",
                    "413", "PayloadTooLarge",
                    "415", "UnsupportedMediaType");

    /** The error statuses an operation documents, in order, by the rule above. */
    static Map<String, String> errorsFor(
            String method, String path, boolean takesParameters, boolean takesBody) {
        Map<String, String> out = new LinkedHashMap<>();
        boolean write = !method.equals("GET") && !method.equals("HEAD");
        if (takesParameters || takesBody || path.contains("{")) out.put("400", REFS.get("400"));
        out.put("401", REFS.get("401"));
        out.put("403", REFS.get("403"));
        if (path.contains("{")) out.put("404", REFS.get("404"));
        if (write) out.put("409", REFS.get("409"));
        if (takesBody) {
            out.put("413", REFS.get("413"));
            out.put("415", REFS.get("415"));
        }
        return out;
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) return;
        for (Map.Entry<String, PathItem> path : api.getPaths().getPathItems().entrySet()) {
            // Path parameters show in the path itself ("{id}"), which errorsFor reads.
            for (Map.Entry<PathItem.HttpMethod, Operation> e :
                    path.getValue().getOperations().entrySet()) {
                Operation op = e.getValue();
                boolean parameters = op.getParameters() != null && !op.getParameters().isEmpty();
                if (op.getResponses() == null) op.setResponses(OASFactory.createAPIResponses());
                APIResponses responses = op.getResponses();
                errorsFor(e.getKey().name(), path.getKey(), parameters, op.getRequestBody() != null)
                        .forEach(
                                (status, ref) -> {
                                    if (!responses.hasAPIResponse(status)) {
                                        responses.addAPIResponse(
                                                status, OASFactory.createAPIResponse().ref(ref));
                                    }
                                });
            }
        }
    }
}
