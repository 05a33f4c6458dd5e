package cn.duban.tenant.web;

import cn.duban.account.Account;
import cn.duban.account.AccountService;
import cn.duban.account.DeletedTenantDirectory;
import cn.duban.account.OnboardingService;
import cn.duban.account.TenantSuspensionService;
import cn.duban.account.web.AccountResource;
import cn.duban.circular.CircularScheduler;
import cn.duban.city.CityReportScheduler;
import cn.duban.ledger.ReceiptScheduler;
import cn.duban.ledger.ReminderScheduler;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.tenant.ClusterJob;
import cn.duban.tenant.OncePerCluster;
import cn.duban.tenant.Tenant;
import cn.duban.tenant.TenantInput;
import cn.duban.tenant.TenantKind;
import cn.duban.tenant.TenantService;
import cn.duban.tenant.UnitInput;
import cn.duban.tenant.offboard.TenantExportService;
import cn.duban.tenant.offboard.TenantExports;
import cn.duban.web.ApiTags;
import cn.duban.web.UploadLimit;
import cn.duban.web.Uploads;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tenants: the platform operator creates them with their units; members read their own. */
@Tag(name = ApiTags.TENANTS)
@Path("/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantResource {

    public record TenantView(
            String id,
            String name,
            TenantKind kind,
            String timeZone,
            Instant createdAt,
            Instant suspendedAt) {
        public static TenantView of(Tenant t) {
            return new TenantView(
                    t.getId(),
                    t.getName(),
                    t.getKind(),
                    t.getTimeZone(),
                    t.getCreatedAt(),
                    t.getSuspendedAt());
        }

        public boolean isSuspended() {
            return suspendedAt != null;
        }
    }

    @Inject TenantService tenants;

    @Inject OnboardingService onboarding;

    @Inject TenantSuspensionService suspension;

    @Inject TenantExportService exports;

    @Inject DeletedTenantDirectory deletedDirectory;

    @Inject OncePerCluster once;

    @Inject ReminderScheduler reminderScheduler;

    @Inject ReceiptScheduler receiptScheduler;

    @Inject CircularScheduler circularScheduler;

    @Inject CityReportScheduler cityReportScheduler;

    /**
     * A missed slot to run: {@code slot} in the job's form ({@code 2026-12-02} for a daily job,
     * {@code 2026-12} for the monthly drafts, {@code 2026-12-02T10:30} for the receipt chase);
     * {@code takeOver} re-runs a slot whose node claimed it and never finished.
     */
    public record JobRunRequest(String slot, Boolean takeOver) {}

    @Operation(summary = "租户列表")
    @GET
    @RolesAllowed(Role.PLATFORM_ADMIN)
    public List<TenantView> list() {
        return tenants.list().stream().map(TenantView::of).toList();
    }

    @Operation(summary = "新建租户")
    @APIResponse(responseCode = "201", description = "已创建")
    @POST
    @RolesAllowed(Role.PLATFORM_ADMIN)
    public Response create(TenantInput input, @Context UriInfo uri) {
        TenantView created = TenantView.of(tenants.create(input));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .entity(created)
                .build();
    }

    /** A district to onboard: the tenant, its units and its first district administrator. */
    public record OnboardingRequest(
            String id, String name, List<UnitInput> units, OnboardingService.Admin admin) {}

    /**
     * The onboarded district; the administrator's one-time password is in {@code credentials} (this
     * once) unless e-mailed.
     */
    public record OnboardingView(
            TenantView tenant, int units, Account admin, AccountService.Credentials credentials) {
        static OnboardingView of(OnboardingService.Onboarded o) {
            return new OnboardingView(
                    TenantView.of(o.tenant()), o.units().size(), o.admin(), o.credentials());
        }
    }

    /** Onboards a district from JSON: 201, or nothing is created. */
    @Operation(summary = "开通租户（含管理员与单位）")
    @APIResponse(responseCode = "201", description = "已创建")
    @POST
    @Path("/onboarding")
    @RolesAllowed(Role.PLATFORM_ADMIN)
    public Response onboard(OnboardingRequest request, @Context UriInfo uri) {
        if (request == null) throw DubanException.badRequest("request.malformed", "请求内容为空。");
        OnboardingService.Onboarded done =
                onboarding.onboard(
                        new TenantInput(
                                request.id(), request.name(), request.units(), TenantKind.DISTRICT),
                        request.admin());
        return created(uri, done);
    }

    /**
     * Onboards a district from a form with the units as an Excel list: parts {@code id}, {@code
     * name}, {@code adminUsername}, {@code adminName}, {@code adminPhone}, {@code adminEmail} and
     * {@code file} (columns 名称, 简称/别名, 类型, 排名分组[, 代码]); bad rows answer 400 {@code
     * tenant.units.rows}.
     */
    @Operation(summary = "开通租户（上传单位表格）")
    @APIResponse(responseCode = "201", description = "已创建")
    @POST
    @Path("/onboarding")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Role.PLATFORM_ADMIN)
    @UploadLimit(
            file = AccountResource.IMPORT_LIMIT,
            code = "upload.too-large",
            detail = "单位表超过 2 MB。")
    public Response onboardWithSheet(List<EntityPart> parts, @Context UriInfo uri)
            throws IOException {
        Map<String, String> fields = new HashMap<>();
        for (EntityPart part : parts) {
            if (!"file".equals(part.getName())) fields.put(part.getName(), Uploads.field(part));
        }
        List<UnitInput> units =
                onboarding.unitsFromSheet(AccountResource.upload(parts, "file", "单位表"));
        OnboardingService.Admin admin =
                new OnboardingService.Admin(
                        fields.get("adminUsername"),
                        fields.get("adminName"),
                        fields.get("adminPhone"),
                        fields.get("adminEmail"));
        return created(
                uri,
                onboarding.onboard(
                        new TenantInput(
                                fields.get("id"), fields.get("name"), units, TenantKind.DISTRICT),
                        admin));
    }

    /** The units an Excel list would create, nothing saved (part {@code file}). */
    @Operation(summary = "预览单位表格")
    @POST
    @Path("/units-sheet")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Role.PLATFORM_ADMIN)
    @UploadLimit(
            file = AccountResource.IMPORT_LIMIT,
            code = "upload.too-large",
            detail = "单位表超过 2 MB。")
    public List<UnitInput> previewUnits(List<EntityPart> parts) throws IOException {
        return onboarding.unitsFromSheet(AccountResource.upload(parts, "file", "单位表"));
    }

    private static Response created(UriInfo uri, OnboardingService.Onboarded done) {
        OnboardingView view = OnboardingView.of(done);
        return Response.created(
                        uri.getBaseUriBuilder().path("tenants").path(view.tenant().id()).build())
                .entity(view)
                .build();
    }

    @Operation(summary = "当前租户")
    @GET
    @Path("/current")
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public TenantView current() {
        return TenantView.of(tenants.mine());
    }

    /**
     * Suspends the tenant (停用): its callers are refused with {@code tenant.suspended} within
     * seconds and its users cannot log in. 404 for an unknown tenant, 409 if already suspended.
     */
    @Operation(summary = "停用租户")
    @POST
    @Path("/{id}/suspend")
    @RolesAllowed(Role.PLATFORM_ADMIN)
    public TenantSuspensionService.Outcome suspend(@PathParam("id") String id) {
        return suspension.suspend(id);
    }

    /**
     * Removes the Keycloak users and API clients of every tenant the deletion tool has deleted
     * since the last run (the application does it every 15 minutes anyway); the list says what
     * went.
     */
    @Operation(summary = "清除已删除租户的登录账号与接口客户端")
    @POST
    @Path("/deleted/directory-purge")
    @RolesAllowed(Role.PLATFORM_ADMIN)
    public List<DeletedTenantDirectory.Purged> purgeDeleted() {
        return deletedDirectory.purge();
    }

    /**
     * Runs a tenant's scheduled job for a slot the cluster missed (every node down at the time) or
     * whose node failed mid-run ({@code takeOver}), once: the slot is claimed in {@code job_run} as
     * a node's timer would claim it, so a timer that fires meanwhile does not run it again. The job
     * does what is due now. 404 for an unknown tenant or job, 400 for a slot not in the job's form
     * or still to come, 409 when the slot is already claimed. On the operators' trail.
     */
    @Operation(summary = "补跑租户的定时任务时段")
    @POST
    @Path("/{id}/jobs/{job}/runs")
    @RolesAllowed(Role.PLATFORM_ADMIN)
    public OncePerCluster.Run runJob(
            @PathParam("id") String id, @PathParam("job") String job, JobRunRequest request) {
        Function<ClusterJob, Function<Tenant, Object>> works =
                j ->
                        switch (j) {
                            case DAILY_REMINDERS -> reminderScheduler::forTenant;
                            case RECEIPT_CHASE -> receiptScheduler::forTenant;
                            case CIRCULAR_DRAFTS -> circularScheduler::forTenant;
                            case CITY_REPORTS -> cityReportScheduler::forTenant;
                            case DELETED_TENANT_DIRECTORY ->
                                    throw new IllegalArgumentException("platform job " + j);
                        };
        return once.runMissed(
                id,
                job,
                request == null ? null : request.slot(),
                request != null && Boolean.TRUE.equals(request.takeOver()),
                works);
    }

    /** Resumes a suspended tenant; re-enables the users the suspension disabled, no others. */
    @Operation(summary = "恢复租户")
    @POST
    @Path("/{id}/resume")
    @RolesAllowed(Role.PLATFORM_ADMIN)
    public TenantSuspensionService.Outcome resume(@PathParam("id") String id) {
        return suspension.resume(id);
    }

    /**
     * The tenant's archive (zip, streamed): JSON and CSV per table, its stored files and a
     * manifest. A POST, not a GET: it is recorded (deletion depends on it) and audited, so a
     * cross-site link must not be able to take one (the cross-site filter guards POSTs).
     */
    @Operation(summary = "导出租户数据（ZIP）")
    @POST
    @Path("/{id}/export")
    @RolesAllowed(Role.PLATFORM_ADMIN)
    // JSON too, so that a caller asking for JSON meets the role check (403), not 406.
    @Produces({"application/zip", MediaType.APPLICATION_JSON, "application/problem+json"})
    @Consumes(MediaType.WILDCARD) // also the tenants page's plain form post
    public Response export(@PathParam("id") String id) {
        exports.require(id); // 404 as problem+json, before the stream starts
        String name =
                "duban-"
                        + id
                        + "-"
                        + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                                .format(Instant.now().atOffset(ZoneOffset.UTC))
                        + ".zip";
        StreamingOutput body = out -> exports.export(id, out);
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    /** The tenant's recorded exports (time, by whom, SHA-256 and size of each archive). */
    @Operation(summary = "租户数据导出记录")
    @GET
    @Path("/{id}/exports")
    @RolesAllowed(Role.PLATFORM_ADMIN)
    public List<TenantExports.Export> exportsOf(@PathParam("id") String id) {
        return exports.exports(id);
    }
}
