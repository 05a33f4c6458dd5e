package cn.duban.ledger.web;

import cn.duban.ledger.MatterInput;
import cn.duban.ledger.MatterService;
import cn.duban.ledger.MatterSheet;
import cn.duban.plan.ReferenceKind;
import cn.duban.plan.TaskSource;
import cn.duban.platform.DubanException;
import cn.duban.platform.SheetRows;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitService;
import cn.duban.web.Messages;
import cn.duban.web.Uploads;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.primefaces.event.FileUploadEvent;

/**
 * The district office enters matters (交办事项): one with its source, reference, lead and co-units,
 * deadline and key flag, or a pasted table or an .xlsx (all rows or none; every wrong row listed).
 */
@Named
@ViewScoped
public class MattersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject MatterService matters;

    @Inject UnitService units;

    private TaskSource source = TaskSource.LEADER_INSTRUCTION;
    private String title;
    private String text;
    private ReferenceKind referenceKind;
    private String reference;
    private UUID leadUnitId;
    private List<String> coUnitIds = List.of();
    private LocalDate deadline;
    private boolean keyTask;
    private String pasted;
    private UUID createdTaskId;

    /** One key per filled form: a double click or a resent form creates the matter once. */
    private String formKey = UUID.randomUUID().toString();

    private int createdCount;
    private List<?> errors = List.of();

    public void create() {
        try {
            MatterService.Created c =
                    matters.create(
                            new MatterInput(
                                    source.name(),
                                    title,
                                    text,
                                    referenceKind == null ? null : referenceKind.name(),
                                    reference,
                                    leadUnitId,
                                    coUnitIds.stream().map(UUID::fromString).toList(),
                                    deadline,
                                    keyTask),
                            formKey);
            formKey = UUID.randomUUID().toString();
            createdTaskId = c.taskIds().get(0);
            createdCount = 1;
            title = null;
            text = null;
            reference = null;
            coUnitIds = List.of();
            Messages.info("matters.created");
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public void batch() {
        if (enter(() -> MatterSheet.pasted(pasted))) pasted = null;
    }

    /** An .xlsx with the same columns as the pasted table. */
    public void upload(FileUploadEvent event) {
        enter(
                () ->
                        MatterSheet.workbook(
                                Uploads.content(
                                        event.getFile(), MatterResource.FILE_LIMIT, "xlsx")));
    }

    private interface Table {
        List<SheetRows.Row> read();
    }

    /** A batch, all or none; the rows in error are listed under the form. */
    private boolean enter(Table table) {
        try {
            List<MatterService.Created> c = matters.batch(table.read());
            createdCount = c.size();
            createdTaskId = null;
            errors = List.of();
            Messages.info("matters.batchCreated");
            return true;
        } catch (DubanException e) {
            errors = Messages.errors(e);
            Messages.error(e);
            return false;
        }
    }

    public List<?> getErrors() {
        return errors;
    }

    public List<TaskSource> getSources() {
        return Arrays.stream(TaskSource.values()).filter(TaskSource::matter).toList();
    }

    public ReferenceKind[] getReferenceKinds() {
        return ReferenceKind.values();
    }

    public List<Unit> getUnits() {
        return units.list();
    }

    public TaskSource getSource() {
        return source;
    }

    public void setSource(TaskSource source) {
        this.source = source;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public ReferenceKind getReferenceKind() {
        return referenceKind;
    }

    public void setReferenceKind(ReferenceKind referenceKind) {
        this.referenceKind = referenceKind;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public UUID getLeadUnitId() {
        return leadUnitId;
    }

    public void setLeadUnitId(UUID leadUnitId) {
        this.leadUnitId = leadUnitId;
    }

    /** As the form sends them: ids of the page's own unit list, as text. */
    public List<String> getCoUnitIds() {
        return coUnitIds;
    }

    public void setCoUnitIds(List<String> coUnitIds) {
        this.coUnitIds = coUnitIds == null ? List.of() : coUnitIds;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public void setDeadline(LocalDate deadline) {
        this.deadline = deadline;
    }

    public boolean isKeyTask() {
        return keyTask;
    }

    public void setKeyTask(boolean keyTask) {
        this.keyTask = keyTask;
    }

    public String getPasted() {
        return pasted;
    }

    public void setPasted(String pasted) {
        this.pasted = pasted;
    }

    public UUID getCreatedTaskId() {
        return createdTaskId;
    }

    public int getCreatedCount() {
        return createdCount;
    }
}
