package cn.duban.ledger.web;

import cn.duban.ledger.escalation.EscalationDecisions;
import cn.duban.ledger.escalation.EscalationQueries;
import cn.duban.ledger.escalation.EscalationState;
import cn.duban.ledger.escalation.EscalationSweep;
import cn.duban.ledger.escalation.EscalationView;
import cn.duban.ledger.escalation.LadderRuleService;
import cn.duban.ledger.escalation.LadderRulesColumn;
import cn.duban.ledger.escalation.Step;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.web.ApiTags;
import cn.duban.web.Requests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The escalation ladder (督办升级): its rules, the daily run on demand, the rungs proposed, sent and
 * answered, the approvers' decisions, the unit head's signature on a 督办单, the 约谈 record, and a 督办单
 * as PDF. A task's rungs are under {@code /tasks/{id}/escalations}.
 */
@Tag(name = ApiTags.LEDGER)
@Path("escalations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EscalationResource {

    @Inject LadderRuleService ladder;

    @Inject EscalationSweep sweep;

    @Inject EscalationQueries queries;

    @Inject EscalationDecisions decisions;

    /** The ladder that applies: version 0 is the default, before the office saved any. */
    public record Rules(int version, JsonObject rules) {
        static Rules of(LadderRuleService.Current c) {
            return new Rules(c.version(), LadderRulesColumn.toJson(c.rules()));
        }
    }

    public record Decision(Integer version, String reason) {}

    public record Talk(String on, String with, String record) {}

    public record BatchInput(UUID unit, String step) {}

    @Operation(summary = "查看督办升级规则", description = "提醒、督办单、点名通报、约谈四级：是否启用、逾期多少天触发、由谁审批。")
    @GET
    @Path("rules")
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public Rules rules() {
        return Rules.of(ladder.current());
    }

    @Operation(
            summary = "保存督办升级规则",
            description =
                    "请求体 {\"version\": 现行版本号, \"rules\": {\"rungs\": [{\"step\": \"NOTICE\", \"enabled\": true, "
                            + "\"afterDays\": 7, \"approval\": \"DISTRICT_ADMIN\"}], \"noticePrefix\": \"普府办督\", "
                            + "\"issuingOffice\": \"…\", \"replyDays\": 5}}；未给出的沿用现行值。版本已变返回 409 ladder.stale。")
    @PUT
    @Path("rules")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public Rules save(JsonObject input) {
        if (input == null) throw DubanException.badRequest("request.empty", "请求内容为空。");
        if (!(input.get("version") instanceof JsonNumber version) || !version.isIntegral())
            throw DubanException.badRequest("ladder.version-missing", "请给出所修改的现行版本号 version。");
        if (!(input.get("rules") instanceof JsonObject rules))
            throw DubanException.badRequest("ladder.rules-missing", "请在 rules 中给出要修改的规则。");
        return Rules.of(ladder.save(rules, version.intValue()));
    }

    @Operation(
            summary = "立即运行每日督办升级",
            description = "逾期任务按规则各升一级：无需审批的即时发出，其余待审批；已报送、已办结或时限已调整的任务撤下待审批的督办。")
    @POST
    @Path("run")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public EscalationSweep.Run run() {
        return sweep.run();
    }

    @Operation(summary = "督办记录", description = "可按状态、级别、单位筛选，新的在前。")
    @GET
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.LEADER})
    public List<EscalationView> list(
            @QueryParam("state") String state,
            @QueryParam("step") String step,
            @QueryParam("unit") UUID unit,
            @QueryParam("limit") @DefaultValue("200") int limit) {
        return queries.list(
                Requests.enumValue(EscalationState.class, state, "state"),
                Requests.enumValue(Step.class, step, "step"),
                unit,
                limit);
    }

    @Operation(summary = "待我审批的督办", description = "按本人角色（区府办或领导）应审批的各级督办，逾期久的在前。")
    @GET
    @Path("awaiting")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.LEADER})
    public List<EscalationView> awaiting() {
        return queries.awaitingMe();
    }

    @Operation(summary = "待我审批的督办（按单位汇总）", description = "每个单位每一级待本人审批的数量及最长逾期天数，供批量发出。")
    @GET
    @Path("awaiting/by-unit")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.LEADER})
    public List<EscalationQueries.Awaiting> awaitingByUnit() {
        return queries.awaitingByUnit();
    }

    @Operation(
            summary = "批量发出一个单位的一级督办",
            description =
                    "请求体 {\"unit\": 单位ID, \"step\": \"NOTICE\"}：该单位这一级待本人审批的督办全部发出（每次最多 100 项，逾期久的在前）；"
                            + "任务已报送、已办结或时限已调整的不发出（skipped）。没有可发出的返回 404。")
    @POST
    @Path("batch")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.LEADER})
    public EscalationDecisions.Batch batch(BatchInput input) {
        if (input == null || input.unit() == null || input.step() == null)
            throw DubanException.badRequest("escalation.batch-input", "请给出单位 unit 和督办级别 step。");
        return decisions.issueAll(
                input.unit(), Requests.enumValue(Step.class, input.step(), "step"));
    }

    @Operation(summary = "各级督办数量", description = "按级别和状态统计，供领导查看。")
    @GET
    @Path("counts")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.LEADER})
    public Map<Step, Map<EscalationState, Long>> counts() {
        return queries.counts();
    }

    @Operation(summary = "本单位待签收的督办单")
    @GET
    @Path("to-sign")
    @RolesAllowed({Role.UNIT_REPORTER, Role.UNIT_HEAD, Role.UNIT_ADMIN})
    public List<EscalationView> toSign() {
        return queries.toSign();
    }

    @Operation(summary = "同意发出督办", description = "请求体 {\"version\": 版本号}。任务已报送、已办结或时限已调整时返回 409。")
    @POST
    @Path("{id}/issue")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.LEADER})
    public EscalationView issue(@PathParam("id") UUID id, Decision input) {
        decisions.issue(id, input == null ? null : input.version());
        return queries.view(id);
    }

    @Operation(
            summary = "不予督办（撤回）",
            description = "请求体 {\"version\": 版本号, \"reason\": \"理由\"}，理由必填。")
    @POST
    @Path("{id}/withdraw")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.LEADER})
    public EscalationView withdraw(@PathParam("id") UUID id, Decision input) {
        decisions.withdraw(
                id, input == null ? null : input.reason(), input == null ? null : input.version());
        return queries.view(id);
    }

    @Operation(summary = "签收督办单", description = "由责任单位负责人签收。")
    @POST
    @Path("{id}/acknowledgement")
    @RolesAllowed(Role.UNIT_HEAD)
    public Response acknowledge(@PathParam("id") UUID id) {
        decisions.acknowledge(id);
        return Response.noContent().build();
    }

    @Operation(
            summary = "记录约谈情况",
            description = "请求体 {\"on\": \"2026-12-01\", \"with\": \"约谈对象\", \"record\": \"约谈记录\"}。")
    @POST
    @Path("{id}/talk")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public EscalationView talk(@PathParam("id") UUID id, Talk input) {
        if (input == null) throw DubanException.badRequest("request.empty", "请求内容为空。");
        LocalDate on = input.on() == null ? null : Requests.date(input.on(), "on");
        decisions.recordTalk(id, on, input.with(), input.record());
        return queries.view(id);
    }

    @Operation(summary = "督办单（PDF）")
    @GET
    @Path("{id}/notice.pdf")
    @Produces("application/pdf")
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public Response notice(@PathParam("id") UUID id) {
        return Response.ok(queries.noticePdf(id))
                .header("Content-Disposition", Requests.disposition(true, "督办单.pdf"))
                .build();
    }
}
