package cn.duban.plan;

import cn.duban.audit.AuditService;
import cn.duban.plan.parse.ColumnMeaning;
import cn.duban.plan.parse.Deadline;
import cn.duban.plan.parse.DeadlineKind;
import cn.duban.plan.parse.DeadlineParser;
import cn.duban.plan.parse.ParseOptions;
import cn.duban.plan.parse.ParsedPlan;
import cn.duban.plan.parse.PlanLevel;
import cn.duban.plan.parse.PlanParseException;
import cn.duban.plan.parse.PlanParser;
import cn.duban.plan.parse.TableColumns;
import cn.duban.plan.parse.UnitRole;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Sha256;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
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
 * Imports work-point documents as plan templates: preview (parse and resolve units, nothing saved),
 * save (validated, all or nothing), and the plan's next-year copy.
 */
@Stateless
public class PlanService {

    private static final PlanParser PARSER = new PlanParser();
    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final int MAX_TITLE = 1000;

    /** Tables of one document whose columns a request may choose or remember. */
    static final int MAX_TABLES = 20;

    @PersistenceContext EntityManager em;

    @EJB UnitService units;

    @EJB AuditService audit;

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
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        if (chosen != null && chosen.size() > MAX_TABLES) {
            throw DubanException.badRequest(
                    "plan.import.columns-too-many", "最多为 " + MAX_TABLES + " 个表格指定列含义。");
        }
        ParsedPlan parsed =
                checked(
                        () ->
                                PARSER.parse(
                                        DocumentReader.checkLength(text),
                                        new ParseOptions(
                                                year,
                                                level,
                                                chosen,
                                                automatic ? null : this::rememberedReading)));
        UnitDirectory directory = directory();
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
        UUID owner = parsed.level() == PlanLevel.TOWN ? ownerOf(parsed.issuer(), directory) : null;
        UUID duplicate =
                findBySource(Sha256.hex(text), parsed.year()).map(Plan::getId).orElse(null);
        if (duplicate != null) warnings.add("该文件已导入过（同一年度、相同原文）。");
        return new PlanDocument(
                null,
                parsed.title(),
                parsed.issuer(),
                parsed.level(),
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

    /** The reading this tenant remembered for a header key, or null. */
    private List<ColumnMeaning> rememberedReading(String key) {
        return readingOf(key).map(ColumnReading::getMeanings).orElse(null);
    }

    private Optional<ColumnReading> readingOf(String key) {
        return em.createQuery(
                        "select r from ColumnReading r where r.headerKey = :key",
                        ColumnReading.class)
                .setParameter("key", key)
                .getResultStream()
                .findFirst();
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
     * Remembers the readings the user chose (source CHOSEN) for the next import of the same header;
     * a table read automatically (the user went back to the automatic reading) forgets its
     * header's. Checked like a preview's choices, before anything is written.
     */
    private void rememberColumns(List<PlanDocument.Columns> tables, String username) {
        if (tables.size() > MAX_TABLES) {
            throw DubanException.badRequest(
                    "plan.import.columns-too-many", "最多为 " + MAX_TABLES + " 个表格记住列含义。");
        }
        Map<String, List<ColumnMeaning>> chosen = new java.util.LinkedHashMap<>();
        Set<String> automatic = new LinkedHashSet<>();
        for (PlanDocument.Columns t : tables) {
            if (t == null || t.key() == null || t.key().length() > TableColumns.MAX_KEY) {
                throw DubanException.badRequest(
                        "plan.import.columns-unknown-table", "表头缺失或过长（key）。");
            }
            if ("AUTOMATIC".equals(t.source())) automatic.add(t.key());
            if (!"CHOSEN".equals(t.source())) continue;
            List<String> names = t.meanings() == null ? List.of() : t.meanings();
            int width = TableColumns.columnCount(t.key());
            if (names.size() != width) {
                throw DubanException.badRequest(
                        "plan.import.columns-index",
                        "表头有 " + width + " 列，列含义有 " + names.size() + " 个。");
            }
            List<TableColumns.Choice> choices = new ArrayList<>();
            for (int i = 0; i < width; i++) choices.add(new TableColumns.Choice(i, names.get(i)));
            chosen.put(t.key(), checked(() -> TableColumns.check(width, null, choices)));
        }
        for (Map.Entry<String, List<ColumnMeaning>> e : chosen.entrySet()) {
            Optional<ColumnReading> known = readingOf(e.getKey());
            if (known.isPresent()) known.get().choose(e.getValue(), username);
            else em.persist(new ColumnReading(e.getKey(), e.getValue(), username));
        }
        for (String key : automatic) readingOf(key).ifPresent(em::remove);
    }

    /**
     * Saves a plan from its verbatim source text and, optionally, the structure the user checked
     * and edited in the preview (otherwise the parsed one). Unit names the user mapped to a unit
     * are remembered as that unit's aliases.
     */
    public Plan save(String sourceText, String sourceName, PlanDocument edited) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN);
        if (sourceText == null || sourceText.isBlank()) {
            throw DubanException.badRequest("plan.source-missing", "缺少文件原文（sourceText）。");
        }
        checked(() -> DocumentReader.checkLength(sourceText));
        PlanDocument doc = edited != null ? edited : preview(sourceText, sourceName, null, null);
        validate(doc);
        if (edited != null) rememberColumns(edited.tables(), caller.username());
        String hash = Sha256.hex(sourceText);
        Optional<Plan> existing = findBySource(hash, doc.year());
        if (existing.isPresent()) {
            throw DubanException.conflict(
                    "plan.duplicate", "该文件已导入为计划《" + existing.get().getTitle() + "》，不能重复导入。");
        }
        Plan plan = new Plan(sourceText, hash, blankToNull(sourceName), null, caller.username());
        fill(plan, doc);
        em.persist(plan);
        persistPoints(plan, doc);
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
                blankToNull(sourceName),
                "sourceSha256",
                hash,
                "points",
                doc.allPoints().size(),
                "edited",
                edited != null);
        return plan;
    }

    /**
     * Next year's plan from this year's template: same structure, deadline rules re-applied to the
     * new year.
     */
    public Plan nextYear(UUID planId) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN);
        Plan source = get(planId);
        int year = source.getYear() + 1;
        PlanDocument doc = document(source);
        if (findBySource(source.getSourceSha256(), year).isPresent()) {
            throw DubanException.conflict("plan.duplicate", "该计划已有 " + year + " 年度版本。");
        }
        String title = doc.title().replace(String.valueOf(source.getYear()), String.valueOf(year));
        List<PlanDocument.Section> sections =
                doc.sections().stream()
                        .map(
                                s ->
                                        new PlanDocument.Section(
                                                null,
                                                s.number(),
                                                s.title(),
                                                shift(s.points(), year)))
                        .toList();
        PlanDocument next =
                new PlanDocument(
                        null,
                        title,
                        doc.issuer(),
                        doc.level(),
                        year,
                        null,
                        null,
                        doc.ownerUnitId(),
                        doc.sourceName(),
                        source.getId(),
                        sections,
                        List.of(),
                        List.of(),
                        null,
                        null,
                        null,
                        null);
        Plan plan =
                new Plan(
                        source.getSourceText(),
                        source.getSourceSha256(),
                        source.getSourceName(),
                        source.getId(),
                        caller.username());
        fill(plan, next);
        em.persist(plan);
        persistPoints(plan, next);
        audit.record(
                "plan.next-year",
                "plan",
                plan.getId(),
                "title",
                plan.getTitle(),
                "year",
                year,
                "from",
                source.getId());
        return plan;
    }

    public List<Plan> list(Integer year, PlanLevel level) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER);
        return em.createQuery(
                        "select p from Plan p where (:year is null or p.year = :year) "
                                + "and (:level is null or p.level = :level) order by p.year desc, p.level, p.createdAt desc",
                        Plan.class)
                .setParameter("year", year)
                .setParameter("level", level)
                .getResultList();
    }

    public Plan get(UUID id) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER);
        Plan plan = em.find(Plan.class, id);
        if (plan == null) throw DubanException.notFound("plan.not-found", "计划不存在。");
        return plan;
    }

    public void delete(UUID id, Integer expectedVersion) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        Plan plan = get(id);
        plan.requireVersion(expectedVersion, "plan.stale", "计划已被他人修改，请刷新后重试。");
        Long derived =
                em.createQuery("select count(p) from Plan p where p.derivedFrom = :id", Long.class)
                        .setParameter("id", id)
                        .getSingleResult();
        if (derived > 0) {
            throw DubanException.conflict("plan.in-use", "该计划已派生出下一年度计划，不能删除。");
        }
        Long published =
                em.createQuery("select count(t) from Task t where t.planId = :id", Long.class)
                        .setParameter("id", id)
                        .getSingleResult();
        if (published > 0) {
            throw DubanException.conflict("plan.published", "该计划已下达 " + published + " 项任务，不能删除。");
        }
        audit.record(
                "plan.deleted",
                "plan",
                plan.getId(),
                "title",
                plan.getTitle(),
                "year",
                plan.getYear());
        em.remove(plan);
    }

    /** A saved plan as a document tree with ids. */
    public PlanDocument document(UUID id) {
        return document(get(id));
    }

    /** The plan (managed, or just saved) as a document tree with ids. */
    public PlanDocument document(Plan plan) {
        List<PlanPoint> points = points(plan.getId());
        Map<UUID, List<PlanPoint>> childrenOf = new HashMap<>();
        Map<UUID, List<PlanPoint>> topOf = new HashMap<>();
        for (PlanPoint p : points) {
            if (p.getParent() == null)
                topOf.computeIfAbsent(p.getSection().getId(), k -> new ArrayList<>()).add(p);
            else childrenOf.computeIfAbsent(p.getParent().getId(), k -> new ArrayList<>()).add(p);
        }
        List<PlanDocument.Section> sections =
                plan.getSections().stream()
                        .map(
                                s ->
                                        new PlanDocument.Section(
                                                s.getId(),
                                                s.getNumber(),
                                                s.getTitle(),
                                                tree(
                                                        topOf.getOrDefault(s.getId(), List.of()),
                                                        childrenOf)))
                        .toList();
        List<String> unresolved =
                points.stream()
                        .flatMap(p -> p.getUnits().stream())
                        .filter(u -> u.getUnitId() == null && !u.isCollective())
                        .map(PointUnit::getName)
                        .distinct()
                        .toList();
        return new PlanDocument(
                plan.getId(),
                plan.getTitle(),
                plan.getIssuer(),
                plan.getLevel(),
                plan.getYear(),
                plan.getDocNumber(),
                plan.getIssuedOn(),
                plan.getOwnerUnitId(),
                plan.getSourceName(),
                plan.getDerivedFrom(),
                sections,
                unresolved,
                List.of(),
                null,
                plan.getVersion(),
                null,
                null);
    }

    /** All points of a plan in document order, with their units. */
    public List<PlanPoint> points(UUID planId) {
        return em.createQuery(
                        "select distinct p from PlanPoint p left join fetch p.units join fetch p.section "
                                + "where p.plan.id = :plan order by p.position",
                        PlanPoint.class)
                .setParameter("plan", planId)
                .getResultList();
    }

    // ---- parsing and building

    /** The text of an uploaded file (txt, md, docx, xlsx), or a 4xx problem saying why not. */
    public String extractText(String fileName, byte[] content) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        return checked(() -> DocumentReader.read(fileName, content));
    }

    private static <T> T checked(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (PlanParseException e) {
            throw ImportProblems.of(e);
        }
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

    private List<PlanDocument.Point> shift(List<PlanDocument.Point> points, int year) {
        List<PlanDocument.Point> out = new ArrayList<>();
        for (PlanDocument.Point p : points) {
            Deadline d = DeadlineParser.parse(p.deadline().text(), year);
            out.add(
                    new PlanDocument.Point(
                            null,
                            p.number(),
                            p.title(),
                            p.text(),
                            p.units(),
                            new PlanDocument.Deadline(
                                    d.text(), d.date(), d.kind().name(), d.frequency()),
                            DeadlineParser.milestones(p.text(), year).stream()
                                    .map(m -> new PlanDocument.Milestone(m.text(), m.date()))
                                    .toList(),
                            shift(p.children(), year),
                            p.leaders()));
        }
        return out;
    }

    private List<PlanDocument.Point> tree(
            List<PlanPoint> level, Map<UUID, List<PlanPoint>> childrenOf) {
        return level.stream()
                .map(
                        p ->
                                new PlanDocument.Point(
                                        p.getId(),
                                        p.getNumber(),
                                        p.getTitle(),
                                        p.getText(),
                                        p.getUnits().stream()
                                                .map(
                                                        u ->
                                                                new PlanDocument.UnitRef(
                                                                        u.getName(),
                                                                        u.isCollective(),
                                                                        u.getUnitId(),
                                                                        u.getRole().name()))
                                                .toList(),
                                        new PlanDocument.Deadline(
                                                p.getDeadlineText(),
                                                p.getDeadlineDate(),
                                                p.getDeadlineKind().name(),
                                                p.getDeadlineFrequency()),
                                        List.of(
                                                JSONB.fromJson(
                                                        p.getMilestonesJson(),
                                                        PlanDocument.Milestone[].class)),
                                        tree(
                                                childrenOf.getOrDefault(p.getId(), List.of()),
                                                childrenOf),
                                        List.of(
                                                JSONB.fromJson(
                                                        p.getLeadersJson(), String[].class))))
                .toList();
    }

    private void fill(Plan plan, PlanDocument doc) {
        plan.setTitle(doc.title().strip());
        plan.setIssuer(blankToNull(doc.issuer()));
        plan.setLevel(doc.level());
        plan.setYear(doc.year());
        plan.setDocNumber(blankToNull(doc.docNumber()));
        plan.setIssuedOn(doc.issuedOn());
        if (doc.ownerUnitId() != null) units.get(doc.ownerUnitId());
        plan.setOwnerUnitId(doc.ownerUnitId());
    }

    private void persistPoints(Plan plan, PlanDocument doc) {
        int[] position = {0};
        for (PlanDocument.Section s : doc.sections()) {
            PlanSection section =
                    plan.addSection(nullToEmpty(s.number()), nullToEmpty(s.title()).strip());
            em.persist(section);
            persistPoints(plan, section, null, s.points(), doc.year(), position);
        }
    }

    private void persistPoints(
            Plan plan,
            PlanSection section,
            PlanPoint parent,
            List<PlanDocument.Point> points,
            int year,
            int[] position) {
        for (PlanDocument.Point p : points == null ? List.<PlanDocument.Point>of() : points) {
            String text = p.text() == null || p.text().isBlank() ? p.title() : p.text();
            PlanPoint point =
                    new PlanPoint(
                            plan,
                            section,
                            parent,
                            position[0]++,
                            nullToEmpty(p.number()),
                            p.title().strip(),
                            text.strip());
            PlanDocument.Deadline d = p.deadline();
            if (d == null || d.date() == null) {
                Deadline parsed = DeadlineParser.parse(d == null ? null : d.text(), year);
                point.setDeadline(parsed.text(), parsed.date(), parsed.kind(), parsed.frequency());
            } else {
                point.setDeadline(
                        blankToNull(d.text()),
                        d.date(),
                        DeadlineKind.valueOf(d.kind()),
                        blankToNull(d.frequency()));
            }
            point.setMilestonesJson(
                    JSONB.toJson(p.milestones() == null ? List.of() : p.milestones()));
            point.setLeadersJson(JSONB.toJson(leaders(p.leaders())));
            for (PlanDocument.UnitRef u :
                    p.units() == null ? List.<PlanDocument.UnitRef>of() : p.units()) {
                point.addUnit(
                        u.name().strip(),
                        u.collective(),
                        u.collective() ? null : u.unitId(),
                        UnitRole.valueOf(u.role()));
            }
            em.persist(point);
            persistPoints(plan, section, point, p.children(), year, position);
        }
    }

    /** People of one point's 责任领导 column, and the length of one name. */
    static final int MAX_LEADERS = 20;

    static final int MAX_LEADER_NAME = 50;

    /** Leaders as stored: trimmed, without blanks and repeats. */
    static List<String> leaders(List<String> names) {
        if (names == null) return List.of();
        return names.stream()
                .filter(n -> n != null && !n.isBlank())
                .map(String::strip)
                .distinct()
                .toList();
    }

    /** Rejects an edited document the ledger could not work with, before anything is written. */
    private void validate(PlanDocument doc) {
        List<String> problems = new ArrayList<>();
        if (doc.title() == null || doc.title().isBlank()) problems.add("计划标题不能为空");
        if (doc.level() == null) problems.add("请选择计划层级（市/区/街镇）");
        if (doc.year() < 2000 || doc.year() > 2100) problems.add("年度无效：" + doc.year());
        if (doc.sections() == null || doc.allPoints().isEmpty()) problems.add("计划中没有任何工作要点");
        Set<UUID> known = new java.util.HashSet<>();
        for (Unit u : units.list()) known.add(u.getId());
        if (doc.ownerUnitId() != null && !known.contains(doc.ownerUnitId()))
            problems.add("发文单位不存在");
        int n = 0;
        for (PlanDocument.Point p : doc.allPoints()) {
            n++;
            String where = "第 " + n + " 条要点（" + (p.number() == null ? "" : p.number()) + "）";
            if (p.title() == null || p.title().isBlank()) problems.add(where + "标题不能为空");
            else if (p.title().length() > MAX_TITLE) problems.add(where + "标题过长");
            if (p.deadline() != null
                    && p.deadline().kind() != null
                    && !isEnum(DeadlineKind.class, p.deadline().kind())) {
                problems.add(where + "完成时限类型无效：" + p.deadline().kind());
            }
            if (p.deadline() != null
                    && p.deadline().date() != null
                    && p.deadline().kind() == null) {
                problems.add(where + "缺少完成时限类型");
            }
            for (PlanDocument.UnitRef u :
                    p.units() == null ? List.<PlanDocument.UnitRef>of() : p.units()) {
                if (u.name() == null || u.name().isBlank()) problems.add(where + "责任单位名称不能为空");
                if (u.role() == null || !isEnum(UnitRole.class, u.role()))
                    problems.add(where + "责任单位角色无效");
                if (u.unitId() != null && !known.contains(u.unitId()))
                    problems.add(where + "责任单位不存在：" + u.name());
            }
            List<String> leaders = leaders(p.leaders());
            if (leaders.size() > MAX_LEADERS)
                problems.add(where + "责任领导过多（最多 " + MAX_LEADERS + " 人）");
            if (leaders.stream().anyMatch(l -> l.length() > MAX_LEADER_NAME))
                problems.add(where + "责任领导姓名过长（最多 " + MAX_LEADER_NAME + " 个字符）");
        }
        if (!problems.isEmpty()) {
            throw DubanException.badRequest(
                    "plan.invalid",
                    "计划内容有误："
                            + String.join("；", problems.subList(0, Math.min(problems.size(), 10)))
                            + (problems.size() > 10 ? " 等 " + problems.size() + " 处" : "")
                            + "。");
        }
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

    private UnitDirectory directory() {
        return new UnitDirectory(
                units.list().stream()
                        .map(u -> new UnitDirectory.Entry(u.getId(), u.getName(), u.getAliases()))
                        .toList());
    }

    private static UUID ownerOf(String issuer, UnitDirectory directory) {
        return issuer == null ? null : directory.resolve(issuer).orElse(null);
    }

    private Optional<Plan> findBySource(String hash, int year) {
        return em.createQuery(
                        "select p from Plan p where p.sourceSha256 = :h and p.year = :y",
                        Plan.class)
                .setParameter("h", hash)
                .setParameter("y", year)
                .getResultStream()
                .findFirst();
    }

    private static <E extends Enum<E>> boolean isEnum(Class<E> type, String value) {
        try {
            Enum.valueOf(type, value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
