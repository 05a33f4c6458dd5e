package cn.duban.account.web;

import cn.duban.account.Account;
import cn.duban.account.AccountImport;
import cn.duban.account.AccountInput;
import cn.duban.account.AccountQueries;
import cn.duban.account.AccountService;
import cn.duban.ledger.LedgerClock;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.web.ApiTags;
import cn.duban.web.Requests;
import cn.duban.web.UploadLimit;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The accounts of the caller's district (district office only). The tenant of every account is the
 * caller's; an id of another district's account answers 404, as does one that does not exist.
 */
@Tag(name = ApiTags.ACCOUNTS)
@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.DISTRICT_ADMIN)
public class AccountResource {

    /** A sheet of 2,000 accounts is far below this; anything larger is not an account list. */
    public static final int IMPORT_LIMIT = 2 * 1024 * 1024;

    private static final String XLSX =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject AccountQueries queries;

    @Inject AccountService accounts;

    @Inject AccountImport sheets;

    @Operation(summary = "本区用户账号列表")
    @GET
    public AccountQueries.Page list(
            @QueryParam("q") String q,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return queries.list(q, offset, limit);
    }

    @Operation(summary = "查看用户账号")
    @GET
    @Path("/{id}")
    public Account get(@PathParam("id") String id) {
        return queries.get(id);
    }

    /**
     * Creates an account: 201 with the account and how its one-time password was delivered ({@code
     * credentials.delivery}: {@code email}, or {@code shown} with {@code temporaryPassword}, which
     * is returned this once and kept nowhere).
     */
    @Operation(summary = "新增用户账号")
    @APIResponse(responseCode = "201", description = "已创建")
    @POST
    public Response create(AccountInput input, @Context UriInfo uri) {
        AccountService.Created created =
                accounts.create(
                        input == null
                                ? new AccountInput(null, null, null, null, null, null)
                                : input);
        return Response.created(uri.getAbsolutePathBuilder().path(created.account().id()).build())
                .entity(created)
                .build();
    }

    /** Changes name, phone, e-mail, unit and roles; the login name stays. */
    @Operation(summary = "修改用户账号（姓名、单位、角色）")
    @PUT
    @Path("/{id}")
    public Account update(@PathParam("id") String id, AccountInput input) {
        if (input == null) throw DubanException.badRequest("request.malformed", "请求内容为空。");
        return accounts.update(id, input);
    }

    /** The body of {@code PUT /accounts/{id}/provincial-id}. */
    public record ProvincialId(String provincialId) {}

    /**
     * Links the account to the person's provincial id (统一身份认证 ID): the person can then log in
     * through the provincial single sign-on as this account. 409 {@code
     * account.provincial-id-taken} when another account holds it (nothing about which one).
     */
    @Operation(summary = "绑定统一身份认证账号")
    @PUT
    @Path("/{id}/provincial-id")
    public Account setProvincialId(@PathParam("id") String id, ProvincialId body) {
        return accounts.setProvincialId(id, body == null ? null : body.provincialId());
    }

    /** Removes the account's link to the provincial single sign-on. */
    @Operation(summary = "解除统一身份认证账号绑定")
    @DELETE
    @Path("/{id}/provincial-id")
    public Account clearProvincialId(@PathParam("id") String id) {
        return accounts.clearProvincialId(id);
    }

    @Operation(summary = "停用用户账号")
    @POST
    @Path("/{id}/disable")
    public Account disable(@PathParam("id") String id) {
        return accounts.disable(id);
    }

    @Operation(summary = "启用用户账号")
    @POST
    @Path("/{id}/enable")
    public Account enable(@PathParam("id") String id) {
        return accounts.enable(id);
    }

    /**
     * A new one-time password (e-mailed, or in this answer once); the person sets a new one at the
     * next login.
     */
    @Operation(summary = "重置用户密码")
    @POST
    @Path("/{id}/reset")
    public AccountService.Credentials reset(@PathParam("id") String id) {
        return accounts.reset(id);
    }

    /** An Excel list (part {@code file}; columns 姓名, 登录名, 手机, 邮箱, 单位, 角色): every row or none. */
    @Operation(summary = "从 Excel 表格批量导入用户账号")
    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @UploadLimit(file = IMPORT_LIMIT, code = "upload.too-large", detail = "账号表超过 2 MB。")
    public AccountImport.Imported importSheet(List<EntityPart> parts) throws IOException {
        return sheets.importSheet(upload(parts, "file", "账号表"));
    }

    @Operation(summary = "导出用户账号（Excel）")
    @GET
    @Path("/export.xlsx")
    @Produces(XLSX)
    public Response export() {
        return Response.ok(sheets.export())
                .header(
                        "Content-Disposition",
                        Requests.disposition(false, "账号-" + LedgerClock.today() + ".xlsx"))
                .build();
    }

    /** The bytes of an uploaded part, at most {@link #IMPORT_LIMIT} (413 above it). */
    public static byte[] upload(List<EntityPart> parts, String name, String what)
            throws IOException {
        EntityPart file =
                parts == null
                        ? null
                        : parts.stream()
                                .filter(p -> name.equals(p.getName()))
                                .findFirst()
                                .orElse(null);
        if (file == null)
            throw DubanException.badRequest(
                    "upload.missing", "请选择要导入的" + what + "（表单字段 " + name + "）。");
        byte[] content = Requests.bytes(file.getContent(), IMPORT_LIMIT);
        if (content.length > IMPORT_LIMIT) {
            throw new DubanException(
                    413, "upload.too-large", what + "超过 " + IMPORT_LIMIT / 1024 / 1024 + " MB。");
        }
        return content;
    }
}
