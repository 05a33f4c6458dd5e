package cn.duban.plan;

import cn.duban.audit.AuditService;
import cn.duban.plan.parse.Deadline;
import cn.duban.plan.parse.ParseOptions;
import cn.duban.plan.parse.ParsedPlan;
import cn.duban.plan.parse.PlanLevel;
import cn.duban.plan.parse.PlanParser;
import cn.duban.plan.parse.TableColumns;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.platform.Sha256;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitScopes;
import cn.duban.tenant.UnitService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Imports a work-point document as a plan template: the text of an upload, a preview (parsed, units
 * resolved, nothing saved; tables read as chosen or as the tenant remembered), and saving it all or
 * nothing. Remembered column readings ({@link ColumnReadings}) and writing a plan ({@link
 * PlanWriter}) are package-private helpers in the same transaction.
 */
@Stateless
public class PlanImport {

    private static final PlanParser PARSER = new PlanParser();

    /** Tables of one document whose columns a request may choose or remember. */
    static final int MAX_TABLES = 20;

    @PersistenceContext EntityManager em;

    @EJB UnitService units;

    @EJB AuditService audit;

    @EJB UnitScopes scopes;

    /** The text of an uploaded file (txt, md, docx, xlsx), or a 4xx problem saying why not. */
    public String extractText(String fileName, byte[] content) {
        scopes.supervisingTown();
        return ImportProblems.checked(() -> DocumentReader.read(fileName, content));
    }

    /** Parses a document and resolves its units against the tenant; saves nothing. */
    public PlanDocument preview(String text, String sourceName, Integer year, PlanLevel level) {
        return preview(text, sourceName, year, level, Map.of(), false);
    }

    /**
     * Parses a document reading its tables' columns as chosen (by header key; columns not named
     * keep the automatic reading), else as the tenant remembered for the header (unless {@code
     * automatic}), else by the header words; saves nothing.
     */
    public PlanDocument preview(
            String text,
            String sourceName,
            Integer year,
            PlanLevel level,
            Map<String, List<TableColumns.Choice>> chosen,
            boolean automatic) {
        Optional<Unit> town = scopes.supervisingTown();
        if (chosen != null && chosen.size() > MAX_TABLES) {
            throw DubanException.badRequest(
                    "plan.import.columns-too-many", "最多为 " + MAX_TABLES + " 个表格指定列含义。");
        }
        ParsedPlan parsed =
                ImportProblems.checked(
                        () ->
                                PARSER.parse(
                                        DocumentReader.checkLength(text),
                                        new ParseOptions(
                                                year,
                                                level,
                                                chosen,
                                                automatic
                                                        ? null
                                                        : new ColumnReadings(em)::remembered)));
        UnitDirectory directory = directory(town);
        List<String> unresolved = new ArrayList<>();
        List<PlanDocument.Section> sections =
                parsed.sections().stream()
                        .map(
                                s ->
                                        new PlanDocument.Section(
                                                null,
                                                s.number(),
                                                s.title(),
                                                points(s.points(), directory, unresolved)))
                        .toList();
        List<String> warnings = new ArrayList<>(parsed.warnings());
        Set<String> distinct = new LinkedHashSet<>(unresolved);
        if (!distinct.isEmpty()) {
            warnings.add(
                    "有 "
                            + distinct.size()
                            + " 个责任单位名称未匹配到本区单位："
                            + String.join("、", distinct)
                            + "。请在保存前指定对应单位或新建单位。");
        }
        // A town's own plan is its own, whoever the document names as issuer.
        UUID owner =
                town.isPresent()
                        ? town.get().getId()
                        : parsed.level() == PlanLevel.TOWN
                                ? ownerOf(parsed.issuer(), directory)
                                : null;
        UUID duplicate =
                writer(town)
                        .findBySource(Sha256.hex(text), parsed.year())
                        .map(Plan::getId)
                        .orElse(null);
        if (duplicate != null) warnings.add("该文件已导入过（同一年度、相同原文）。");
        return new PlanDocument(
                null,
                parsed.title(),
                parsed.issuer(),
                town.isPresent() ? PlanLevel.TOWN : parsed.level(),
                parsed.year(),
                parsed.docNumber(),
                parsed.issuedOn(),
                owner,
                sourceName,
                null,
                sections,
                List.copyOf(distinct),
                warnings,
                duplicate,
                null,
                null,
                parsed.tables().stream()
                        .map(
                                t ->
                                        new PlanDocument.Columns(
                                                t.key(),
                                                t.header(),
                                                t.meanings().stream().map(Enum::name).toList(),
                                                t.source().name()))
                        .toList());
    }

    /** The column readings this tenant remembered, by header. */
    public List<ColumnReading> columnReadings() {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        return em.createQuery(
                        "select r from ColumnReading r order by r.headerKey", ColumnReading.class)
                .getResultList();
    }

    /** Forgets a remembered reading: the next import of its header is read automatically. */
    public void forgetColumnReading(UUID id) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        ColumnReading r = em.find(ColumnReading.class, id);
        if (r == null) throw DubanException.notFound("plan.columns.not-found", "列含义记录不存在。");
        em.remove(r);
    }

    /**
     * Saves a plan from its verbatim source text and, optionally, the structure the user checked
     * and edited in the preview (otherwise the parsed one). Unit names the user mapped to a unit
     * are remembered as that unit's aliases.
     */
    public Plan save(String sourceText, String sourceName, PlanDocument edited) {
        Optional<Unit> town = scopes.supervisingTown();
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN, Role.UNIT_ADMIN);
        if (sourceText == null || sourceText.isBlank()) {
            throw DubanException.badRequest("plan.source-missing", "缺少文件原文（sourceText）。");
        }
        ImportProblems.checked(() -> DocumentReader.checkLength(sourceText));
        PlanDocument doc = edited != null ? edited : preview(sourceText, sourceName, null, null);
        PlanWriter writer = writer(town);
        writer.validate(doc);
        Map<String, String> readings =
                edited != null && town.isEmpty()
                        ? new ColumnReadings(em).remember(edited.tables(), caller.username())
                        : Map.of();
        String hash = Sha256.hex(sourceText);
        Optional<Plan> existing = writer.findBySource(hash, doc.year());
        if (existing.isPresent()) {
            throw DubanException.conflict(
                    "plan.duplicate", "该文件已导入为计划《" + existing.get().getTitle() + "》，不能重复导入。");
        }
        Plan plan =
                new Plan(
                        sourceText,
                        hash,
                        PlanWriter.blankToNull(sourceName),
                        null,
                        caller.username());
        writer.fill(plan, doc);
        if (town.isPresent()) {
            // A town's 单位管理员 imports the town's own plan: the town supervises its tasks.
            plan.setLevel(PlanLevel.TOWN);
            plan.setOwnerUnitId(town.get().getId());
            plan.setSupervisorUnitId(town.get().getId());
        }
        em.persist(plan);
        writer.persistPoints(plan, doc);
        rememberMappings(doc);
        // Saving a plan decides every task that follows from it: it belongs in the trail.
        audit.record(
                "plan.imported",
                "plan",
                plan.getId(),
                "title",
                plan.getTitle(),
                "year",
                plan.getYear(),
                "level",
                plan.getLevel().name(),
                "sourceName",
                PlanWriter.blankToNull(sourceName),
                "sourceSha256",
                hash,
                "points",
                doc.allPoints().size(),
                "edited",
                edited != null,
                "supervisor",
                plan.getSupervisorUnitId(),
                // Column readings remembered or forgotten with this plan, by header.
                "columnReadings",
                readings);
        return plan;
    }

    private static List<PlanDocument.Point> points(
            List<cn.duban.plan.parse.Point> parsed,
            UnitDirectory directory,
            List<String> unresolved) {
        List<PlanDocument.Point> out = new ArrayList<>(parsed.size());
        for (cn.duban.plan.parse.Point p : parsed) {
            List<PlanDocument.UnitRef> refs = new ArrayList<>();
            for (cn.duban.plan.parse.UnitRef u : p.units()) {
                UUID id = u.collective() ? null : directory.resolve(u.name()).orElse(null);
                if (!u.collective() && id == null) unresolved.add(u.name());
                refs.add(new PlanDocument.UnitRef(u.name(), u.collective(), id, u.role().name()));
            }
            Deadline d = p.deadline();
            out.add(
                    new PlanDocument.Point(
                            null,
                            p.number(),
                            p.title(),
                            p.text(),
                            refs,
                            new PlanDocument.Deadline(
                                    d.text(), d.date(), d.kind().name(), d.frequency()),
                            p.milestones().stream()
                                    .map(m -> new PlanDocument.Milestone(m.text(), m.date()))
                                    .toList(),
                            points(p.children(), directory, unresolved),
                            p.leaders()));
        }
        return out;
    }

    /**
     * A name the user mapped to a unit becomes one of the unit's aliases, so the next import
     * resolves it.
     */
    private void rememberMappings(PlanDocument doc) {
        Map<UUID, Set<String>> learned = new HashMap<>();
        for (PlanDocument.Point p : doc.allPoints()) {
            for (PlanDocument.UnitRef u :
                    p.units() == null ? List.<PlanDocument.UnitRef>of() : p.units()) {
                if (u.unitId() != null && !u.collective())
                    learned.computeIfAbsent(u.unitId(), k -> new LinkedHashSet<>())
                            .add(u.name().strip());
            }
        }
        learned.forEach(
                (id, names) -> {
                    Unit unit = units.get(id);
                    List<String> aliases = new ArrayList<>(unit.getAliases());
                    boolean changed = false;
                    for (String name : names) {
                        if (!unit.answersTo(name)
                                && UnitDirectory.key(name).equals(UnitDirectory.key(unit.getName()))
                                        == false) {
                            aliases.add(name);
                            changed = true;
                        }
                    }
                    if (changed) unit.setAliases(aliases);
                });
    }

    private PlanWriter writer(Optional<Unit> town) {
        return new PlanWriter(em, units, town.map(Unit::getId).orElse(null), candidates(town));
    }

    /**
     * The units a plan may name: district-level units (by kind) for the district office's plans, as
     * a town's 党政办 is no unit of a district plan and every town has one; the town and its 下级单位 for
     * the town's own plan.
     */
    private List<Unit> candidates(Optional<Unit> town) {
        if (town.isEmpty())
            return units.list().stream().filter(u -> u.getKind().districtLevel()).toList();
        return scopes.subtreeUnits(town.get().getId());
    }

    private UnitDirectory directory(Optional<Unit> town) {
        return new UnitDirectory(
                candidates(town).stream()
                        .map(u -> new UnitDirectory.Entry(u.getId(), u.getName(), u.getAliases()))
                        .toList());
    }

    private static UUID ownerOf(String issuer, UnitDirectory directory) {
        return issuer == null ? null : directory.resolve(issuer).orElse(null);
    }
}
