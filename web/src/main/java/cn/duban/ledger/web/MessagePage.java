package cn.duban.ledger.web;

import cn.duban.ledger.InboxMessage;
import cn.duban.ledger.InboxService;
import cn.duban.platform.DubanException;
import cn.duban.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.UUID;

/**
 * One message of the caller's inbox, opened: opening it is the person's read receipt (已读), which
 * the district office sees on the task's 催办 record.
 */
@Named
@ViewScoped
public class MessagePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject InboxService inbox;

    private UUID id;
    private InboxMessage message;

    public void load() {
        if (message != null || id == null) return;
        try {
            message = inbox.open(id);
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public UUID getId() {
        return id;
    }

    public void setId(UUID id) {
        this.id = id;
    }

    public InboxMessage getMessage() {
        return message;
    }
}
