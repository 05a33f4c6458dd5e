package cn.duban.audit.web;

import cn.duban.audit.AuditChain;
import cn.duban.audit.AuditEntry;
import cn.duban.audit.AuditJournal;
import cn.duban.audit.AuditService;
import cn.duban.platform.Role;
import cn.duban.tenant.TenantService;
import cn.duban.web.ApiTags;
import cn.duban.web.Formats;
import cn.duban.web.Requests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The audit trail: entries, a check of the whole keyed chain that says where it breaks, and its
 * head for export; for people, the entries as sentences with filters and paging, and a CSV export
 * of what is filtered.
 */
@Tag(name = ApiTags.AUDIT)
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final int MAX_EXPORT = 100_000;
    private static final DateTimeFormatter CSV_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject AuditService audit;

    @Inject AuditJournal journal;

    @Inject TenantService tenants;

    public record EntriesPage(long total, int offset, List<AuditSentences.Row> items) {}

    @Operation(summary = "审计日志条目（按对象筛选，JSON）")
    @GET
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.LEADER})
    public List<AuditEntry> list(
            @QueryParam("entity") String entity,
            @QueryParam("before") Long before,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return audit.list(Requests.uuid(entity, "entity"), before, limit);
    }

    /**
     * The entries as sentences (谁 在何时 对什么 做了什么) with links, newest first, filtered by days in the
     * tenant's zone ({@code from}/{@code to}, inclusive), actor, unit and action (a code or a
     * family such as {@code report.}).
     */
    @Operation(summary = "审计日志（可读语句，可按日期、操作人、单位、动作筛选）")
    @GET
    @Path("/entries")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public EntriesPage entries(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("actor") String actor,
            @QueryParam("unit") String unit,
            @QueryParam("action") String action,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit,
            @QueryParam("lang") String lang) {
        AuditJournal.Slice slice =
                journal.search(filter(from, to, actor, unit, action), offset, limit);
        Locale locale = locale(lang);
        return new EntriesPage(slice.total(), Math.max(0, offset), rows(slice.entries(), locale));
    }

    /** What {@code /entries} shows with the same filters, as CSV (UTF-8 with BOM, for Excel). */
    @Operation(summary = "导出审计日志（CSV）")
    @GET
    @Path("/export.csv")
    @Produces("text/csv; charset=UTF-8")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public Response export(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("actor") String actor,
            @QueryParam("unit") String unit,
            @QueryParam("action") String action,
            @QueryParam("lang") String lang) {
        AuditJournal.Filter filter = filter(from, to, actor, unit, action);
        Locale locale = locale(lang);
        ResourceBundle bundle = AuditSentences.bundle(locale);
        ZoneId zone = zone();
        // The first page is read here, so a bad filter is a problem+json and not a broken file.
        AuditJournal.Slice first = journal.search(filter, 0, AuditJournal.MAX_LIMIT);
        StreamingOutput body =
                out -> {
                    Writer w =
                            new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                    w.write('\uFEFF');
                    line(
                            w,
                            "#",
                            AuditSentences.text(bundle, "audit.at"),
                            AuditSentences.text(bundle, "audit.actor"),
                            AuditSentences.text(bundle, "audit.action"),
                            AuditSentences.text(bundle, "audit.what"),
                            AuditSentences.text(bundle, "audit.objects"),
                            AuditSentences.text(bundle, "audit.mac"),
                            AuditSentences.text(bundle, "audit.detail"));
                    AuditJournal.Slice slice = first;
                    int written = 0;
                    while (!slice.entries().isEmpty() && written < MAX_EXPORT) {
                        List<AuditSentences.Row> rows = rows(slice.entries(), locale);
                        for (int i = 0; i < rows.size(); i++) {
                            AuditSentences.Row r = rows.get(i);
                            line(
                                    w,
                                    String.valueOf(r.seq()),
                                    CSV_TIME.format(r.at().atZone(zone)),
                                    r.actor(),
                                    r.action(),
                                    r.sentence(),
                                    r.links().stream()
                                            .map(AuditSentences.Link::label)
                                            .collect(Collectors.joining(" / ")),
                                    r.hash(),
                                    slice.entries().get(i).getDetail());
                        }
                        written += rows.size();
                        if (slice.entries().size() < AuditJournal.MAX_LIMIT) break;
                        slice = journal.search(filter, written, AuditJournal.MAX_LIMIT);
                    }
                    w.flush();
                };
        return Response.ok(body)
                .header(
                        "Content-Disposition",
                        Requests.disposition(false, "audit-" + LocalDate.now(zone) + ".csv"))
                .build();
    }

    /** One entry as stored: the raw JSON behind a sentence. */
    @Operation(summary = "查看一条审计日志")
    @GET
    @Path("/{seq: [0-9]+}")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public AuditEntry entry(@PathParam("seq") long seq) {
        return journal.entry(seq);
    }

    /**
     * Recomputes the chain. With an anchor ({@code seq} and the MAC or its first 16 hex digits, as
     * printed in a circular's footer or exported from {@code /head}) it also says whether the chain
     * still contains that entry unchanged; a chain that does not is reported broken.
     */
    @Operation(summary = "校验审计日志哈希链")
    @GET
    @Path("/verify")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.LEADER})
    public AuditChain.Verification verify(
            @QueryParam("seq") String seq, @QueryParam("hash") String hash) {
        return audit.verify(AuditChain.Anchor.parse(seq, hash));
    }

    /**
     * The tenant's chain head (seq, MAC, time) to keep outside Duban: an anchor for later checks.
     */
    @Operation(summary = "审计日志链头（最新序号与哈希）")
    @GET
    @Path("/head")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public AuditChain.Head head() {
        return audit.head();
    }

    private List<AuditSentences.Row> rows(List<AuditEntry> entries, Locale locale) {
        AuditSentences.Ids ids = AuditSentences.ids(entries);
        AuditJournal.Subjects names =
                journal.subjects(ids.tasks(), ids.plans(), ids.units(), ids.circulars());
        ResourceBundle bundle = AuditSentences.bundle(locale);
        return entries.stream().map(e -> AuditSentences.row(e, names, bundle, locale)).toList();
    }

    private AuditJournal.Filter filter(
            String from, String to, String actor, String unit, String action) {
        ZoneId zone = zone();
        LocalDate f = Requests.date(blank(from), "from");
        LocalDate t = Requests.date(blank(to), "to");
        return new AuditJournal.Filter(
                f == null ? null : f.atStartOfDay(zone).toInstant(),
                t == null ? null : t.plusDays(1).atStartOfDay(zone).toInstant(),
                blank(actor),
                Requests.uuid(blank(unit), "unit"),
                blank(action));
    }

    private ZoneId zone() {
        try {
            return ZoneId.of(tenants.mine().getTimeZone());
        } catch (DateTimeException | NullPointerException e) {
            return Formats.DEFAULT_ZONE;
        }
    }

    private static Locale locale(String lang) {
        return "en".equalsIgnoreCase(lang) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * One CSV line, every field quoted; a field that a spreadsheet would run as a formula gets a
     * leading apostrophe.
     */
    static void line(Writer w, String... fields) throws java.io.IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) w.write(',');
            String f = fields[i] == null ? "" : fields[i];
            if (!f.isEmpty() && "=+-@\t\r".indexOf(f.charAt(0)) >= 0) f = "'" + f;
            w.write('"');
            w.write(f.replace("\"", "\"\""));
            w.write('"');
        }
        w.write("\r\n");
    }
}
