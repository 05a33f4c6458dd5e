package cn.duban.ledger.web;

import cn.duban.ledger.MatterInput;
import cn.duban.ledger.MatterService;
import cn.duban.ledger.MatterSheet;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.web.ApiTags;
import cn.duban.web.Requests;
import cn.duban.web.UploadLimit;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Matters (交办事项) from every source: one, a pasted table, or an .xlsx; all of a batch or none. The
 * district office only. Bad rows answer 400 {@code matter.invalid} with every row's problem in
 * {@code errors}; more than 500 rows or a file past the upload limit, 413.
 */
@Tag(name = ApiTags.LEDGER)
@Path("/matters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MatterResource {

    static final int FILE_LIMIT = 10 * 1024 * 1024;

    @Inject MatterService matters;

    /** A pasted table: tab-separated lines, the first naming the columns. */
    public record Pasted(String text) {}

    public record Batch(int created, List<MatterService.Created> matters) {}

    @Operation(
            summary = "录入交办事项（单条）",
            description = "带 Idempotency-Key 时可安全重试：同一键的重复请求返回首次创建的事项，不重复创建。")
    @APIResponse(responseCode = "201", description = "已创建：事项（要点）及其牵头、配合单位的任务")
    @POST
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public Response create(
            MatterInput input,
            @Parameter(description = ApiTags.IDEMPOTENCY_KEY) @HeaderParam("Idempotency-Key")
                    String key,
            @Context UriInfo uri) {
        if (input == null) throw DubanException.badRequest("request.empty", "请求内容为空。");
        MatterService.Created c = matters.create(input, key);
        return Response.created(
                        uri.getBaseUriBuilder()
                                .path("tasks")
                                .path(c.taskIds().get(0).toString())
                                .build())
                .entity(c)
                .build();
    }

    @Operation(summary = "批量录入交办事项（粘贴表格）")
    @POST
    @Path("/batch")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public Batch batch(Pasted pasted) {
        List<MatterService.Created> c =
                matters.batch(MatterSheet.pasted(pasted == null ? null : pasted.text()));
        return new Batch(c.size(), c);
    }

    @Operation(summary = "批量录入交办事项（上传 Excel）")
    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Role.DISTRICT_ADMIN)
    @UploadLimit(file = FILE_LIMIT, code = "matter.import.too-large", detail = "交办事项表超过 10 MB。")
    public Batch importSheet(List<EntityPart> parts) throws IOException {
        EntityPart file =
                Requests.part(parts, "file", "matter.import.missing", "请选择要导入的交办事项表（表单字段 file）。");
        byte[] content = Requests.bytes(file.getContent(), FILE_LIMIT);
        if (content.length > FILE_LIMIT)
            throw new DubanException(413, "matter.import.too-large", "交办事项表超过 10 MB。");
        List<MatterService.Created> c = matters.batch(MatterSheet.workbook(content));
        return new Batch(c.size(), c);
    }
}
