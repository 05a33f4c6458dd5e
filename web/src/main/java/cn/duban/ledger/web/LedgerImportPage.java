package cn.duban.ledger.web;

import cn.duban.ledger.LedgerSheetService;
import cn.duban.platform.DubanException;
import cn.duban.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.event.FileUploadEvent;

/** Upload of a filled ledger; row errors are listed and nothing is applied until all rows are right. */
@Named
@ViewScoped
public class LedgerImportPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient LedgerSheetService sheets;

    private List<?> errors = List.of();

    public void upload(FileUploadEvent event) {
        try {
            LedgerSheetService.Imported done = sheets.importFilled(event.getFile().getContent());
            errors = List.of();
            Messages.info("ledger.imported", done.reports());
        } catch (DubanException e) {
            errors = e.errors() == null ? List.of() : e.errors();
            Messages.error(e);
        }
    }

    public List<?> getErrors() {
        return errors;
    }
}
