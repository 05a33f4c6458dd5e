package cn.duban.ledger.pack;

import cn.duban.audit.AuditService;
import cn.duban.ledger.LedgerClock;
import cn.duban.ledger.TaskFilter;
import cn.duban.ledger.TaskQueries;
import cn.duban.ledger.TaskStatus;
import cn.duban.ledger.TaskView;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Printing;
import cn.duban.platform.Sha256;
import cn.duban.platform.ZipOutput;
import cn.duban.printing.EvidencePackIndex;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The evidence pack for the annual review (佐证材料包): one year's tasks, or one unit's or one plan's of
 * that year, as a ZIP with a folder per task (its reports and reviews as text, every evidence file
 * of its reports and of its contribution) and the index {@code 目录.pdf} at the root.
 *
 * <p>Who gets what is the ledger's rule ({@link TaskQueries}): the district office and leaders any
 * unit's tasks, a unit's people their own unit's only (another unit's id is "not found", as is
 * another tenant's plan or unit). {@link #prepare} checks all of that, counts and audits in one
 * short transaction before anything is streamed, so a bad request is a problem+json answer; {@link
 * #write} then streams without a transaction of its own: a few tasks' rows, then each file, are
 * read in short transactions of their own ({@link PackReader}), so neither memory nor a database
 * connection grows with the pack or waits on a slow client.
 */
@Stateless
public class EvidencePackService {

    private static final Logger LOG = Logger.getLogger(EvidencePackService.class.getName());

    /** Tasks whose rows are read together. */
    static final int CHUNK = 100;

    /** The index's name at the root of the pack. */
    public static final String INDEX = "目录.pdf";

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    @PersistenceContext EntityManager em;

    @EJB TaskQueries tasks;

    @EJB UnitService units;

    @EJB PackReader reader;

    @EJB AuditService audit;

    @EJB Printing printing;

    /** What a pack holds, checked and counted; the tasks in ledger order. */
    public record EvidencePack(
            UUID id,
            int year,
            UUID planId,
            String planTitle,
            UUID unitId,
            String unitName,
            List<PackTask> tasks,
            long files,
            long bytes) {

        /** 全区, 单位：长寿路街道, 计划：…, or both. */
        public String scope() {
            List<String> parts = new ArrayList<>();
            if (unitName != null) parts.add("单位：" + unitName);
            if (planTitle != null) parts.add("计划：" + planTitle);
            return parts.isEmpty() ? "全区" : String.join("；", parts);
        }

        /** The download's name, e.g. 佐证材料包-2026-长寿路街道.zip. */
        public String fileName() {
            String who = unitName != null ? unitName : "全区";
            String plan = planTitle != null ? "-" + PackNames.planFolder(planTitle) : "";
            return PackNames.segment("佐证材料包-" + year + "-" + who + plan, 120, "佐证材料包") + ".zip";
        }
    }

    /** What was written, for the log and the benchmark. */
    public record Written(int tasks, int files, long evidenceBytes, long zipBytes, long millis) {}

    /**
     * The plan years with tasks the caller may pack, newest first: the district's, or a unit's
     * person's own unit's.
     */
    public List<Integer> years() {
        Caller caller = Caller.requireDistrictPerson();
        boolean all = caller.isDistrictWide();
        var q =
                em.createQuery(
                        "select distinct pl.year from Task t join t.point p join p.plan pl "
                                + "where t.status <> :cancelled "
                                + (all ? "" : "and t.unit.code = :unit ")
                                + "order by pl.year desc",
                        Integer.class);
        q.setParameter("cancelled", TaskStatus.CANCELLED);
        if (!all) q.setParameter("unit", caller.unitCode());
        return q.getResultList();
    }

    /**
     * Checks and counts the pack of {@code year} (may be left out when a plan is given: the plan's
     * year), narrowed to a unit and/or a plan, and records the download in the audit trail.
     *
     * @throws DubanException 400 {@code pack.year-missing}, {@code pack.year-invalid}, {@code
     *     pack.plan-year}; 404 {@code plan.not-found}, {@code unit.not-found}, {@code pack.empty}
     */
    public EvidencePack prepare(Integer year, UUID unitId, UUID planId) {
        Caller caller = Caller.requireDistrictPerson();
        Object[] plan = null;
        if (planId != null) {
            plan =
                    em.createQuery(
                                    "select p.year, p.title, p.tenantId from Plan p where p.id = :id",
                                    Object[].class)
                            .setParameter("id", planId)
                            .getResultStream()
                            .filter(p -> caller.tenantId().equals(p[2]))
                            .findFirst()
                            .orElseThrow(() -> DubanException.notFound("plan.not-found", "计划不存在。"));
        }
        if (year == null) {
            if (plan == null)
                throw DubanException.badRequest("pack.year-missing", "请指定年度（year），如 2026。");
            year = (Integer) plan[0];
        }
        if (year < 2000 || year > 2100)
            throw DubanException.badRequest("pack.year-invalid", "年度应在 2000 至 2100 之间：" + year);
        if (plan != null && (Integer) plan[0] != year.intValue())
            throw DubanException.badRequest(
                    "pack.plan-year", "计划“" + plan[1] + "”属于 " + plan[0] + " 年，不是 " + year + " 年。");
        Unit unit = null;
        if (caller.isDistrictWide()) {
            if (unitId != null) unit = units.get(unitId);
        } else {
            unit = units.myUnit();
            // Another unit's id is not found, as everywhere a unit's person names one.
            if (unitId != null && !unitId.equals(unit.getId()))
                throw DubanException.notFound("unit.not-found", "单位不存在。");
        }
        List<UUID> planIds =
                planId != null
                        ? List.of(planId)
                        : em.createQuery(
                                        "select p.id from Plan p where p.year = :y order by p.title, p.id",
                                        UUID.class)
                                .setParameter("y", year)
                                .getResultList();
        List<PackTask> list = new ArrayList<>();
        for (UUID p : planIds) collect(p, unit == null ? null : unit.getId(), list);
        String planTitle = plan == null ? null : (String) plan[1];
        String unitName = unit == null ? null : unit.getName();
        if (list.isEmpty()) {
            throw DubanException.notFound(
                    "pack.empty",
                    year
                            + " 年"
                            + (unitName != null ? unitName : "")
                            + (planTitle != null ? "在计划“" + planTitle + "”中" : "")
                            + "没有任务，无佐证材料可下载。");
        }
        long files = 0, bytes = 0;
        List<UUID> ids = list.stream().map(PackTask::id).toList();
        for (int i = 0; i < ids.size(); i += TaskFilter.MAX_LIMIT) {
            long[] c = reader.count(ids.subList(i, Math.min(ids.size(), i + TaskFilter.MAX_LIMIT)));
            files += c[0];
            bytes += c[1];
        }
        EvidencePack pack =
                new EvidencePack(
                        UUID.randomUUID(),
                        year,
                        planId,
                        planTitle,
                        unit == null ? null : unit.getId(),
                        unitName,
                        List.copyOf(list),
                        files,
                        bytes);
        audit.record(
                "evidence.pack-downloaded",
                "evidence-pack",
                pack.id(),
                "year",
                year,
                "unit",
                unit == null ? null : unit.getId().toString(),
                "planTitle",
                planTitle,
                "tasks",
                list.size(),
                "files",
                files,
                "size",
                PackText.size(bytes));
        return pack;
    }

    /** The plan's tasks the caller may see, as the ledger lists them, without cancelled ones. */
    private void collect(UUID planId, UUID unitId, List<PackTask> into) {
        TaskFilter filter =
                new TaskFilter(
                        planId,
                        null,
                        unitId,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        0,
                        TaskFilter.MAX_LIMIT,
                        null);
        for (int offset = 0; ; offset += TaskFilter.MAX_LIMIT) {
            List<TaskView> page = tasks.list(filter.page(offset, TaskFilter.MAX_LIMIT));
            page.stream().filter(PackTask::counted).map(PackTask::of).forEach(into::add);
            if (page.size() < TaskFilter.MAX_LIMIT) return;
        }
    }

    /**
     * Streams the pack to {@code target} (left open). Evidence files are stored as they are (they
     * are compressed formats already), with their CRC and their SHA-256 computed from the bytes
     * sent; the summaries and the index are deflated.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Written write(EvidencePack pack, OutputStream target) {
        Caller caller = Caller.requireDistrictPerson();
        long start = System.nanoTime();
        ZipOutput.Counting counted = new ZipOutput.Counting(target);
        ZipOutputStream zip = new ZipOutputStream(counted, StandardCharsets.UTF_8);
        PackNames names = new PackNames();
        String indexPath = names.file("", INDEX);
        Map<String, String> planFolders = new HashMap<>();
        List<EvidencePackIndex.Task> index = new ArrayList<>(pack.tasks().size());
        int fileCount = 0;
        long evidenceBytes = 0;
        try {
            for (int i = 0; i < pack.tasks().size(); i += CHUNK) {
                List<PackTask> chunk =
                        pack.tasks().subList(i, Math.min(pack.tasks().size(), i + CHUNK));
                PackReader.Chunk rows = reader.read(chunk.stream().map(PackTask::id).toList());
                Map<UUID, List<PackReport>> reportsOf = new LinkedHashMap<>();
                rows.reports()
                        .forEach(
                                r ->
                                        reportsOf
                                                .computeIfAbsent(r.taskId(), k -> new ArrayList<>())
                                                .add(r));
                Map<UUID, PackContribution> contributionOf = new HashMap<>();
                rows.contributions().forEach(c -> contributionOf.put(c.taskId(), c));
                Map<UUID, List<PackFile>> filesOf = new HashMap<>();
                rows.files()
                        .forEach(
                                f ->
                                        filesOf.computeIfAbsent(f.ownerId(), k -> new ArrayList<>())
                                                .add(f));
                for (PackTask t : chunk) {
                    String planFolder =
                            planFolders.computeIfAbsent(
                                    t.planTitle(),
                                    title -> names.folder("", PackNames.planFolder(title)));
                    String folder =
                            names.folder(
                                    planFolder,
                                    PackNames.taskFolder(t.pointNumber(), t.title(), t.unitName()));
                    String summaryPath = names.file(folder, PackText.FILE_NAME);
                    List<PackText.ReportPart> reportParts = new ArrayList<>();
                    int n = 0;
                    for (PackReport r : reportsOf.getOrDefault(t.id(), List.of())) {
                        n++;
                        String day =
                                r.submittedAt() == null
                                        ? ""
                                        : "（" + LedgerClock.dateOf(r.submittedAt()) + "）";
                        String reportFolder = names.folder(folder, "第" + n + "次报送" + day);
                        reportParts.add(
                                new PackText.ReportPart(
                                        r,
                                        reportFolder,
                                        place(names, reportFolder, filesOf.get(r.id()))));
                    }
                    PackContribution c = contributionOf.get(t.id());
                    PackText.ContributionPart contributionPart = null;
                    if (c != null) {
                        String cFolder = names.folder(folder, "配合情况");
                        contributionPart =
                                new PackText.ContributionPart(
                                        c, cFolder, place(names, cFolder, filesOf.get(c.id())));
                    }
                    deflated(
                            zip,
                            summaryPath,
                            PackText.summary(t, reportParts, contributionPart)
                                    .getBytes(StandardCharsets.UTF_8));
                    List<EvidencePackIndex.File> indexed = new ArrayList<>();
                    List<PackText.Placed> placed = new ArrayList<>();
                    reportParts.forEach(p -> placed.addAll(p.files()));
                    if (contributionPart != null) placed.addAll(contributionPart.files());
                    for (PackText.Placed p : placed) {
                        byte[] bytes = reader.content(p.file());
                        if (bytes == null) continue; // deleted since the list was read
                        String sha = stored(zip, p.path(), bytes, p.file().uploadedAt());
                        String name = p.path().substring(p.path().lastIndexOf('/') + 1);
                        if (!sha.equalsIgnoreCase(p.file().sha256().strip())) {
                            LOG.warning(
                                    () ->
                                            "Evidence "
                                                    + p.file().id()
                                                    + " no longer matches its recorded SHA-256");
                            name += "（与入库时的校验值 " + p.file().sha256().strip() + " 不符）";
                        }
                        indexed.add(new EvidencePackIndex.File(name, bytes.length, sha, p.path()));
                        fileCount++;
                        evidenceBytes += bytes.length;
                    }
                    index.add(
                            new EvidencePackIndex.Task(
                                    PackNames.numbered(t.pointNumber(), t.title()),
                                    t.unitName(),
                                    t.status(),
                                    t.progress() + "%",
                                    folder,
                                    indexed));
                }
            }
            zip.putNextEntry(entry(indexPath, Instant.now()));
            printing.renderer()
                    .evidencePackIndex(
                            new EvidencePackIndex(
                                    pack.year() + "年度佐证材料目录",
                                    pack.scope(),
                                    LocalDateTime.now(LedgerClock.ZONE).format(SHOWN),
                                    index),
                            new ZipOutput.Unclosable(zip));
            zip.closeEntry();
            zip.finish();
            zip.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Written w =
                new Written(
                        index.size(),
                        fileCount,
                        evidenceBytes,
                        counted.count(),
                        (System.nanoTime() - start) / 1_000_000);
        LOG.info(
                () ->
                        "Evidence pack "
                                + pack.id()
                                + " of "
                                + caller.tenantId()
                                + " ("
                                + pack.year()
                                + ", "
                                + pack.scope()
                                + ") for "
                                + caller.username()
                                + ": "
                                + w);
        return w;
    }

    private static List<PackText.Placed> place(
            PackNames names, String folder, List<PackFile> files) {
        if (files == null) return List.of();
        return files.stream()
                .map(f -> new PackText.Placed(f, names.file(folder, f.name())))
                .toList();
    }

    private static void deflated(ZipOutputStream zip, String path, byte[] bytes)
            throws IOException {
        zip.putNextEntry(entry(path, Instant.now()));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** Writes an evidence file uncompressed and answers the SHA-256 of what was written. */
    private static String stored(ZipOutputStream zip, String path, byte[] bytes, Instant at)
            throws IOException {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        ZipEntry e = entry(path, at == null ? Instant.now() : at);
        e.setMethod(ZipEntry.STORED);
        e.setSize(bytes.length);
        e.setCompressedSize(bytes.length);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
        return Sha256.hex(bytes);
    }

    /** An entry dated in Beijing time, as the office's PCs show it. */
    private static ZipEntry entry(String path, Instant at) {
        ZipEntry e = new ZipEntry(path);
        e.setTimeLocal(LocalDateTime.ofInstant(at, LedgerClock.ZONE));
        return e;
    }
}
