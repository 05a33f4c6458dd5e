package cn.duban.ledger.web;

import cn.duban.ledger.ExtensionRequest;
import cn.duban.ledger.ExtensionService;
import cn.duban.ledger.InboxMessage;
import cn.duban.ledger.InboxService;
import cn.duban.ledger.LedgerClock;
import cn.duban.ledger.ReminderService;
import cn.duban.ledger.ReminderSettings;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.web.ApiTags;
import cn.duban.web.Requests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The inbox, reminder settings and runs, and extension decisions. */
@Tag(name = ApiTags.INBOX)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InboxResource {

    @Inject InboxService inbox;

    @Inject ReminderService reminders;

    @Inject ExtensionService extensions;

    public record MessageView(
            UUID id,
            String kind,
            UUID taskId,
            String subject,
            String body,
            Instant createdAt,
            String createdBy,
            boolean read,
            String to,
            UUID circularId) {
        /** {@code read}: whether the caller has opened it (each person reads for themselves). */
        public static MessageView of(InboxMessage m, boolean read) {
            return new MessageView(
                    m.getId(),
                    m.getKind().name(),
                    m.getTaskId(),
                    m.getSubject(),
                    m.getBody(),
                    m.getCreatedAt(),
                    m.getCreatedBy(),
                    read,
                    m.getRole() != null ? m.getRole() : "unit",
                    m.getCircularId());
        }
    }

    /** {@code receiptHours}: working hours to acknowledge a task (签收); null on input: unchanged. */
    public record Settings(
            List<Integer> dueSoonDays,
            int escalateAfterDays,
            boolean emailEnabled,
            Integer receiptHours,
            int version) {
        static Settings of(ReminderSettings s) {
            return new Settings(
                    s.getDueSoonDays(),
                    s.getEscalateAfterDays(),
                    s.isEmailEnabled(),
                    s.getReceiptHours(),
                    s.getVersion());
        }
    }

    public record Decision(Boolean approve, String comment) {}

    @Operation(summary = "我的消息提醒")
    @GET
    @Path("inbox")
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public List<MessageView> inbox(
            @QueryParam("unread") @DefaultValue("false") boolean unread,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        List<InboxMessage> mine = inbox.mine(unread, limit);
        Set<UUID> read = inbox.readByMe(mine.stream().map(InboxMessage::getId).toList());
        return mine.stream().map(m -> MessageView.of(m, read.contains(m.getId()))).toList();
    }

    @Operation(summary = "未读消息数")
    @GET
    @Path("inbox/unread-count")
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public Map<String, Long> unread() {
        return Map.of("unread", inbox.unreadCount());
    }

    @Operation(summary = "打开一条消息", description = "打开即为本人已读（已读回执），区府办可在任务的催办记录中看到。")
    @GET
    @Path("inbox/{id}")
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public MessageView open(@PathParam("id") UUID id) {
        return MessageView.of(inbox.open(id), true);
    }

    @Operation(summary = "标记消息为已读")
    @APIResponse(responseCode = "204", description = "成功，无内容")
    @POST
    @Path("inbox/{id}/read")
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public Response read(@PathParam("id") UUID id) {
        inbox.markRead(id);
        return Response.noContent().build();
    }

    @Operation(summary = "查看提醒设置")
    @GET
    @Path("settings/reminders")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.LEADER})
    public Settings settings() {
        return Settings.of(reminders.settings());
    }

    @Operation(summary = "修改提醒设置", description = "带 If-Match（版本号）时按版本检查：版本已变返回 409 settings.stale。")
    @PUT
    @Path("settings/reminders")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public Settings updateSettings(
            Settings input,
            @Parameter(description = ApiTags.IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        if (input == null) throw DubanException.badRequest("request.empty", "请求内容为空。");
        return Settings.of(
                reminders.updateSettings(
                        input.dueSoonDays(),
                        input.escalateAfterDays(),
                        input.emailEnabled(),
                        input.receiptHours(),
                        Requests.version(ifMatch)));
    }

    /**
     * Runs today's reminders now (the timer does this every morning); notices already sent are not
     * repeated.
     */
    @Operation(summary = "立即运行到期提醒")
    @POST
    @Path("reminders/run")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public ReminderService.Run run() {
        return reminders.daily(LedgerClock.today());
    }

    @Operation(summary = "待审批的延期申请")
    @GET
    @Path("extensions/pending")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.UNIT_ADMIN})
    public List<TaskResource.ExtensionView> pendingExtensions() {
        return extensions.pendingExtensions().stream().map(TaskResource.ExtensionView::of).toList();
    }

    @Operation(summary = "审批延期申请（同意或驳回）")
    @POST
    @Path("extensions/{id}/decision")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.UNIT_ADMIN})
    public TaskResource.ExtensionView decide(@PathParam("id") UUID id, Decision decision) {
        if (decision == null || decision.approve() == null) {
            throw DubanException.badRequest(
                    "extension.decision-missing", "请指定是否同意延期（approve: true/false）。");
        }
        ExtensionRequest e = extensions.decideExtension(id, decision.approve(), decision.comment());
        return TaskResource.ExtensionView.of(e);
    }
}
