package cn.duban.ledger.web;

import cn.duban.ledger.LedgerClock;
import cn.duban.ledger.colour.ColourRuleService;
import cn.duban.ledger.colour.ColourRuleVersion;
import cn.duban.ledger.colour.ColourRulesColumn;
import cn.duban.ledger.colour.ColourSweep;
import cn.duban.ledger.colour.TaskColours;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.web.ApiTags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Colours by rules (亮灯): the tenant's rules, read by everyone of the district and saved by its
 * office in versions; the open tasks' colours for the leaders; the daily run on demand.
 */
@Tag(name = ApiTags.LEDGER)
@Path("colours")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ColourResource {

    @Inject ColourRuleService colours;

    @Inject ColourSweep sweep;

    @Inject TaskColours taskColours;

    /** The rules that apply: version 0 is the default, before the office saved any. */
    public record Rules(int version, Map<String, Object> rules) {
        static Rules of(ColourRuleService.Current c) {
            return new Rules(c.version(), c.rules().values());
        }
    }

    public record Version(
            int version, Map<String, Object> rules, String note, String savedBy, Instant savedAt) {
        static Version of(ColourRuleVersion v) {
            return new Version(
                    v.getVersion(),
                    v.getRules().values(),
                    v.getNote(),
                    v.getSavedBy(),
                    v.getSavedAt());
        }
    }

    @Operation(summary = "查看亮灯规则", description = "各项任务红黄绿（蓝）灯的判定规则，现行版本。")
    @GET
    @Path("rules")
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public Rules current() {
        return Rules.of(colours.current());
    }

    @Operation(
            summary = "保存亮灯规则（新版本）",
            description =
                    "请求体 {\"version\": 现行版本号, \"note\": \"修改说明\", \"rules\": {规则名: 值}}；"
                            + "未给出的规则沿用现行值。版本已变返回 409 colour.stale。")
    @PUT
    @Path("rules")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public Rules save(JsonObject input) {
        if (input == null) throw DubanException.badRequest("request.empty", "请求内容为空。");
        if (!(input.get("version") instanceof JsonNumber version) || !version.isIntegral())
            throw DubanException.badRequest("colour.version-missing", "请给出所修改的现行版本号 version。");
        if (!(input.get("rules") instanceof JsonObject rules))
            throw DubanException.badRequest("colour.rules-missing", "请在 rules 中给出要修改的规则。");
        JsonValue note = input.get("note");
        if (note != null && note != JsonValue.NULL && !(note instanceof JsonString))
            throw DubanException.badRequest("colour.note-invalid", "修改说明 note 应为文字。");
        return Rules.of(
                colours.save(
                        ColourRulesColumn.plain(rules),
                        version.intValue(),
                        note instanceof JsonString s ? s.getString() : null));
    }

    @Operation(summary = "亮灯规则的历史版本", description = "新的在前，至多 100 个。")
    @GET
    @Path("rules/history")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.LEADER})
    public List<Version> history() {
        return colours.history().stream().map(Version::of).toList();
    }

    /**
     * Runs today's colour run now (the timer does it every morning before the reminders): marks the
     * tasks red today, clears those that have caught up, and counts the open tasks' colours.
     */
    @Operation(summary = "立即运行每日亮灯", description = "记录今日亮红灯的任务，清除已赶上进度的记录，并统计在办任务的颜色。")
    @POST
    @Path("run")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public ColourSweep.Run run() {
        return sweep.sweep(LedgerClock.today());
    }

    @Operation(summary = "在办任务亮灯情况", description = "全区及各单位在办任务的红、黄、绿灯数，红灯多的单位在前。")
    @GET
    @Path("overview")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.LEADER})
    public TaskColours.Overview overview() {
        return taskColours.overview();
    }
}
