package cn.duban.ledger;

import cn.duban.audit.AuditService;
import cn.duban.ledger.evidence.EvidenceContents;
import cn.duban.ledger.evidence.StoredFile;
import cn.duban.plan.parse.UnitRole;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * Contributions (配合情况) of co-operating units to their point's lead unit (牵头单位), issue 19 item 4.
 *
 * <p>Who sees what: a co-unit's users write and send their own task's contribution and see the
 * point's lead unit, nothing of the other co-units; the lead unit's users see every contribution of
 * their point once sent; the district office and leaders see all. Another unit's or tenant's task
 * is "not found"; asking for the point's contributions on a co-unit's own task is refused (403).
 * The lead unit acknowledges a sent contribution (确认收到); the co-unit can change it no more.
 */
@Stateless
public class ContributionService {

    public static final int MAX_TEXT = ProgressReportService.MAX_TEXT;
    public static final int MAX_FILES = ProgressReportService.MAX_FILES;
    public static final int MAX_FILE_BYTES = EvidenceFile.MAX_BYTES;

    @PersistenceContext EntityManager em;

    @EJB TaskQueries tasks;

    @EJB ReceiptService receipts;

    @EJB AuditService audit;

    @EJB InboxService inbox;

    @EJB ProgressReportQueries reports;

    @EJB EvidenceContents contents;

    /** The co-unit's own contribution (an empty draft while none was written). */
    public ContributionView mine(UUID taskId) {
        Task task = UnitTasks.seen(em, tasks, taskId);
        cooperating(task);
        return view(task, find(task), lead(task));
    }

    public ContributionView save(UUID taskId, String text, Integer percent, Integer version) {
        Caller caller = UnitTasks.unitCaller();
        Task task = writable(taskId, caller);
        String t = text == null ? "" : text.strip();
        if (t.length() > MAX_TEXT)
            throw DubanException.badRequest(
                    "contribution.text-too-long", "配合情况过长（最多" + MAX_TEXT + "字）。");
        int p = percent == null ? 0 : percent;
        if (p < 0 || p > 100)
            throw DubanException.badRequest("contribution.percent-invalid", "完成进度应在 0 到 100 之间。");
        Contribution c = find(task);
        if (c == null) {
            c = new Contribution(task, caller.username());
            em.persist(c);
        } else {
            unchangeable(c);
            c.requireVersion(version, "contribution.stale", "配合情况已在别处修改，请刷新后重试。");
        }
        c.edit(t, p, caller.username());
        audit.record("contribution.edited", "task", task.getId(), "percent", p);
        em.flush(); // the answer carries the new version
        return view(task, c, lead(task));
    }

    /** Sends the contribution to the lead unit, which gets an inbox message. */
    public ContributionView send(UUID taskId) {
        Caller caller = UnitTasks.unitCaller();
        Task task = writable(taskId, caller);
        Contribution c = find(task);
        if (c == null || c.getText().isBlank())
            throw DubanException.badRequest("contribution.text-missing", "请填写配合情况后再报送。");
        unchangeable(c);
        if (c.getState() == Contribution.State.SENT)
            throw DubanException.conflict("contribution.already-sent", "配合情况已报送牵头单位，修改后可再次报送。");
        c.send(UnitTasks.now(), caller.username(), caller.displayName());
        Task lead = lead(task);
        boolean late = ContributionView.late(c.getFirstSentAt(), task.getDeadline(), null);
        audit.record(
                "contribution.sent",
                "task",
                task.getId(),
                "lead",
                lead == null ? null : lead.getId(),
                "percent",
                c.getPercent(),
                "evidence",
                files(c.getId()).size(),
                "onTime",
                !late);
        if (lead != null) {
            inbox.toUnit(
                    lead.getUnit(),
                    InboxMessage.Kind.CONTRIBUTION,
                    lead.getId(),
                    task.getUnit().getName() + "报送配合情况：" + LedgerText.abbreviate(task.getTitle()),
                    "完成进度 " + c.getPercent() + "%。" + LedgerText.abbreviate(c.getText()));
        }
        em.flush();
        return view(task, c, lead(task));
    }

    public ContributionView.File addEvidence(UUID taskId, String fileName, byte[] content) {
        Caller caller = UnitTasks.unitCaller();
        Task task = writable(taskId, caller);
        EvidenceFile file = EvidenceFile.of(fileName, content);
        return attach(task, caller, contents.store(file), "contribution.evidence-uploaded");
    }

    /**
     * Attaches a file the co-unit has already given, by its SHA-256 (选择已有佐证): a new row that refers
     * to the stored bytes. Any hash the unit has not given is "not found".
     */
    public ContributionView.File reuseEvidence(UUID taskId, String sha256) {
        Caller caller = UnitTasks.unitCaller();
        Task task = writable(taskId, caller);
        StoredFile file =
                reports.givenBy(task.getUnit().getId(), sha256)
                        .orElseThrow(() -> DubanException.notFound("evidence.not-found", "文件不存在。"));
        return attach(task, caller, file, "contribution.evidence-reused");
    }

    private ContributionView.File attach(Task task, Caller caller, StoredFile file, String action) {
        Contribution c = find(task);
        if (c == null) {
            c = new Contribution(task, caller.username());
            em.persist(c);
            em.flush(); // the file's foreign key
        }
        unchangeable(c);
        long count =
                em.createQuery(
                                "select count(e) from ContributionEvidence e where e.contributionId = :c",
                                Long.class)
                        .setParameter("c", c.getId())
                        .getSingleResult();
        if (count >= MAX_FILES)
            throw DubanException.conflict("evidence.too-many", "每份报送最多附 " + MAX_FILES + " 个文件。");
        ContributionEvidence e = new ContributionEvidence(c.getId(), file, caller.username());
        em.persist(e);
        c.edit(c.getText(), c.getPercent(), caller.username()); // a changed contribution is resent
        audit.record(
                action,
                "task",
                task.getId(),
                "file",
                file.fileName(),
                "size",
                file.size(),
                "sha256",
                file.sha256());
        return ContributionView.File.of(e);
    }

    public void removeEvidence(UUID taskId, UUID evidenceId) {
        Caller caller = UnitTasks.unitCaller();
        Task task = writable(taskId, caller);
        Contribution c = find(task);
        ContributionEvidence e =
                evidenceId == null ? null : em.find(ContributionEvidence.class, evidenceId);
        if (c == null || e == null || !e.getContributionId().equals(c.getId()))
            throw DubanException.notFound("evidence.not-found", "文件不存在。");
        unchangeable(c);
        audit.record(
                "contribution.evidence-removed",
                "task",
                task.getId(),
                "file",
                e.getFile().fileName());
        em.remove(e);
        c.edit(c.getText(), c.getPercent(), caller.username());
    }

    /**
     * The lead unit confirms it has a sent contribution (确认收到): its reporters, head or admin, on
     * their point's lead task; the co-unit is told in its inbox. Asked again, it answers the first
     * acknowledgement. The co-unit itself is refused (403); another unit's or tenant's
     * contribution, or one never sent, is "not found".
     */
    public ContributionView acknowledge(UUID contributionId) {
        Caller caller = UnitTasks.unitCaller();
        Contribution c =
                contributionId == null ? null : em.find(Contribution.class, contributionId);
        Task task = c == null ? null : c.getTask();
        Task lead = task == null ? null : lead(task);
        if (task != null && UnitTasks.ofUnit(caller, task))
            throw new DubanException(403, "contribution.lead-acknowledges", "只有牵头单位能确认收到配合情况。");
        if (c == null
                || c.getFirstSentAt() == null
                || lead == null
                || !UnitTasks.ofUnit(caller, lead))
            throw DubanException.notFound("contribution.not-found", "配合情况不存在。");
        if (c.getState() == Contribution.State.ACKNOWLEDGED) return view(task, c, lead);
        if (c.getState() != Contribution.State.SENT)
            throw DubanException.conflict("contribution.not-sent", "配合单位正在修改该配合情况，待再次报送后才能确认收到。");
        c.acknowledge(UnitTasks.now(), caller.username(), caller.displayName());
        audit.record(
                "contribution.acknowledged",
                "task",
                task.getId(),
                "lead",
                lead.getId(),
                "by",
                caller.displayName());
        inbox.toUnit(
                task.getUnit(),
                InboxMessage.Kind.CONTRIBUTION,
                task.getId(),
                lead.getUnit().getName() + "已确认收到配合情况：" + LedgerText.abbreviate(task.getTitle()),
                lead.getUnit().getName()
                        + caller.displayName()
                        + "已确认收到贵单位报送的配合情况（完成进度 "
                        + c.getPercent()
                        + "%），配合情况不能再修改。");
        em.flush(); // the answer carries the new version
        return view(task, c, lead);
    }

    /**
     * The point's contributions sent so far, for the lead unit's task (or, for the district and
     * leaders, any task of the point).
     */
    public List<ContributionView> ofPoint(UUID taskId) {
        Caller caller = UnitTasks.tenantCaller();
        Task task = UnitTasks.seen(em, tasks, taskId);
        if (!UnitTasks.districtWide(caller) && task.getRole() != UnitRole.LEAD)
            throw new DubanException(403, "contribution.lead-only", "只有牵头单位能查看本要点各配合单位的配合情况。");
        Task lead = lead(task); // one for the whole point
        return em
                .createQuery(
                        "select c from Contribution c join fetch c.task t join fetch t.unit "
                                + "where t.point = :p and c.firstSentAt is not null "
                                + "order by c.firstSentAt, c.id",
                        Contribution.class)
                .setParameter("p", task.getPoint())
                .getResultList()
                .stream()
                .map(c -> view(c.getTask(), c, lead))
                .toList();
    }

    /**
     * An evidence file of a contribution: for its co-unit, the lead unit of its point (once sent),
     * the district office and leaders.
     */
    public ContributionEvidence download(UUID taskId, UUID evidenceId) {
        Caller caller = UnitTasks.tenantCaller();
        ContributionEvidence e =
                evidenceId == null ? null : em.find(ContributionEvidence.class, evidenceId);
        Contribution c = e == null ? null : em.find(Contribution.class, e.getContributionId());
        if (c == null || !c.getTask().getId().equals(taskId) || !maySee(caller, c))
            throw DubanException.notFound("evidence.not-found", "文件不存在。");
        return e;
    }

    private boolean maySee(Caller caller, Contribution c) {
        if (UnitTasks.districtWide(caller) || UnitTasks.ofUnit(caller, c.getTask())) return true;
        Task lead = lead(c.getTask());
        return c.getFirstSentAt() != null && lead != null && UnitTasks.ofUnit(caller, lead);
    }

    /** A co-unit's own open task, not sent back as mis-assigned. */
    private Task writable(UUID taskId, Caller caller) {
        Task task = UnitTasks.unitTask(em, taskId, caller);
        cooperating(task);
        if (!task.getStatus().open())
            throw DubanException.conflict("task.closed", "任务已办结或已取消，不能再报送。");
        receipts.onReport(task, caller);
        return task;
    }

    /** An acknowledged contribution is the lead unit's record: the co-unit changes it no more. */
    private static void unchangeable(Contribution c) {
        if (c.getState() == Contribution.State.ACKNOWLEDGED)
            throw DubanException.conflict("contribution.acknowledged", "牵头单位已确认收到该配合情况，不能再修改或报送。");
    }

    private static void cooperating(Task task) {
        if (task.getRole() != UnitRole.COOPERATING)
            throw DubanException.conflict(
                    "contribution.not-cooperating", "贵单位是该要点的牵头单位，请直接向区府办报送进展。");
    }

    private Contribution find(Task task) {
        return em.createQuery("select c from Contribution c where c.task = :t", Contribution.class)
                .setParameter("t", task)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    /** The point's lead task (the first published, if a point has several); null without one. */
    Task lead(Task task) {
        return em.createQuery(
                        "select t from Task t join fetch t.unit where t.point = :p and t.role = :lead "
                                + "and t.status <> :cancelled order by t.publishedAt, t.id",
                        Task.class)
                .setParameter("p", task.getPoint())
                .setParameter("lead", UnitRole.LEAD)
                .setParameter("cancelled", TaskStatus.CANCELLED)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private List<ContributionView.File> files(UUID contributionId) {
        return em.createQuery(
                        ContributionView.File.SELECT
                                + "where e.contributionId = :c order by e.uploadedAt, e.id",
                        ContributionView.File.class)
                .setParameter("c", contributionId)
                .getResultList();
    }

    private ContributionView view(Task task, Contribution c, Task lead) {
        return new ContributionView(
                c == null ? null : c.getId(),
                task.getId(),
                task.getUnit().getName(),
                task.getDeadline(),
                lead == null ? null : lead.getId(),
                lead == null ? null : lead.getUnit().getName(),
                c == null ? Contribution.State.DRAFT.name() : c.getState().name(),
                c == null ? "" : c.getText(),
                c == null ? 0 : c.getPercent(),
                c == null ? null : c.getFirstSentAt(),
                c == null ? null : c.getSentAt(),
                c == null ? null : c.getSentBy(),
                c == null ? null : c.getSentByName(),
                c == null ? null : c.getAcknowledgedAt(),
                c == null ? null : c.getAcknowledgedBy(),
                c == null ? null : c.getAcknowledgedByName(),
                ContributionView.late(
                        c == null ? null : c.getFirstSentAt(),
                        task.getDeadline(),
                        LedgerClock.today()),
                c == null ? 0 : c.getVersion(),
                c == null ? List.of() : files(c.getId()));
    }

    /**
     * A co-operating unit of a point and what it has sent the lead unit (nothing: percent null).
     */
    public record CoUnit(String unitName, Integer percent, boolean late) {
        public boolean sent() {
            return percent != null;
        }
    }

    /**
     * The co-operating units of the points, with what each has sent (for the district's review
     * list): one query for all the points, co-units in unit order.
     */
    public java.util.Map<UUID, List<CoUnit>> coUnitsOf(java.util.Collection<UUID> pointIds) {
        Caller caller = UnitTasks.tenantCaller();
        if (!UnitTasks.districtWide(caller)) throw DubanException.forbidden("当前用户没有执行此操作的权限。");
        java.util.Map<UUID, List<CoUnit>> out = new java.util.HashMap<>();
        if (pointIds.isEmpty()) return out;
        java.time.LocalDate today = LedgerClock.today();
        List<Object[]> rows =
                em.createQuery(
                                "select t.point.id, u.name, t.deadline, c.percent, c.firstSentAt "
                                        + "from Task t join t.unit u left join Contribution c on c.task = t "
                                        + "where t.point.id in :points and t.role = :co and t.status <> :cancelled "
                                        + "order by u.code",
                                Object[].class)
                        .setParameter("points", pointIds)
                        .setParameter("co", UnitRole.COOPERATING)
                        .setParameter("cancelled", TaskStatus.CANCELLED)
                        .getResultList();
        for (Object[] r : rows) {
            java.time.Instant sent = (java.time.Instant) r[4];
            out.computeIfAbsent((UUID) r[0], k -> new java.util.ArrayList<>())
                    .add(
                            new CoUnit(
                                    (String) r[1],
                                    sent == null ? null : (Integer) r[3],
                                    ContributionView.late(
                                            sent, (java.time.LocalDate) r[2], today)));
        }
        return out;
    }
}
