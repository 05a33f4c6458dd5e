package cn.duban.evaluation.appeal.web;

import cn.duban.evaluation.Period;
import cn.duban.evaluation.PeriodClosing;
import cn.duban.evaluation.ScoreSnapshot;
import cn.duban.evaluation.appeal.Appeal;
import cn.duban.evaluation.appeal.AppealService;
import cn.duban.evaluation.web.ScorePage;
import cn.duban.ledger.EvidenceFile;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.web.Messages;
import cn.duban.web.Uploads;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import org.primefaces.model.file.UploadedFile;

/**
 * The appeal part of 我的得分: the published version shown, what the unit may appeal now (a 申诉 button
 * on each), the filing form, and the unit's appeals of the period with their outcome.
 */
@Named
@ViewScoped
public class AppealFiling implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject AppealService appeals;

    @Inject PeriodClosing closing;

    @Inject ScorePage scorePage;

    private String period;
    private Integer version;
    private boolean afterAppeal;
    private List<AppealService.Target> targets = List.of();
    private List<Appeal> mine = List.of();
    private AppealService.Target selected;
    private String reason;
    private transient UploadedFile file;

    /** After the score page's own load (it settles the period). */
    public void load() {
        if (period != null || scorePage.getPeriod() == null) return;
        period = scorePage.getPeriod();
        Period p = Period.parse(period);
        // The words are the page's (in its language), from the version and its reason.
        closing.snapshots(p.year()).stream()
                .filter(s -> s.getPeriodKey().equals(period))
                .max(Comparator.comparingInt(ScoreSnapshot::getVersion))
                .filter(s -> s.getVersion() > 1)
                .ifPresent(
                        s -> {
                            version = s.getVersion();
                            afterAppeal = s.getReason() != null && s.getReason().startsWith("申诉采纳");
                        });
        refresh();
    }

    private void refresh() {
        boolean ownUnit =
                Caller.current().map(Caller::isUnitPerson).orElse(false)
                        && scorePage.getUnit() == null;
        if (!ownUnit) return;
        try {
            targets = appeals.targets(Period.parse(period));
            mine = appeals.list(period, null, null);
        } catch (DubanException e) {
            targets = List.of();
        }
    }

    public void choose(AppealService.Target target) {
        selected = target;
        reason = null;
    }

    public void cancel() {
        selected = null;
        reason = null;
    }

    public void file() {
        if (selected == null) return;
        byte[] content =
                file == null || file.getSize() == 0
                        ? null
                        : Uploads.content(
                                file,
                                EvidenceFile.MAX_BYTES,
                                EvidenceFile.EXTENSIONS.toArray(String[]::new));
        List<AppealService.Upload> files =
                content == null
                        ? List.of()
                        : List.of(new AppealService.Upload(file.getFileName(), content));
        Appeal a =
                appeals.file(
                        new AppealService.Filing(
                                selected.period(),
                                selected.kind(),
                                selected.indicator(),
                                selected.taskId(),
                                selected.adjustmentId(),
                                reason),
                        files);
        Messages.info("appeal.filed", a.getTargetLabel());
        selected = null;
        reason = null;
        file = null;
        refresh();
    }

    /** The published version shown, when it is a correction (2 or later), else null. */
    public Integer getVersion() {
        return version;
    }

    public boolean isAfterAppeal() {
        return afterAppeal;
    }

    public List<AppealService.Target> getTargets() {
        return targets;
    }

    public List<Appeal> getMine() {
        return mine;
    }

    public AppealService.Target getSelected() {
        return selected;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }
}
