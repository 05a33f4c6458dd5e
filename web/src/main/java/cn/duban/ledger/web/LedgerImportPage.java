package cn.duban.ledger.web;

import cn.duban.ledger.LedgerSheetService;
import cn.duban.platform.DubanException;
import cn.duban.web.Messages;
import cn.duban.web.Uploads;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.event.FileUploadEvent;

/**
 * Upload of a filled ledger; row errors are listed and nothing is applied until all rows are right.
 */
@Named
@ViewScoped
public class LedgerImportPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** As the API's import (TaskResource) and the page's p:validateFile. */
    static final long MAX_BYTES = 10 * 1024 * 1024;

    @Inject LedgerSheetService sheets;

    private List<?> errors = List.of();

    public void upload(FileUploadEvent event) {
        try {
            byte[] content = Uploads.content(event.getFile(), MAX_BYTES, "xlsx");
            LedgerSheetService.Imported done = sheets.importFilled(content);
            errors = List.of();
            Messages.info("ledger.imported", done.reports());
        } catch (DubanException e) {
            errors = Messages.errors(e);
            Messages.error(e);
        }
    }

    public List<?> getErrors() {
        return errors;
    }
}
