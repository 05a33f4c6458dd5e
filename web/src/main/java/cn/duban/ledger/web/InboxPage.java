package cn.duban.ledger.web;

import cn.duban.ledger.InboxMessage;
import cn.duban.ledger.InboxService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The caller's inbox: reminders, review results, escalations. */
@Named
@ViewScoped
public class InboxPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject InboxService inbox;

    private boolean unreadOnly;
    private List<InboxMessage> messages;
    private Set<UUID> read;

    public List<InboxMessage> getMessages() {
        if (messages == null) {
            messages = inbox.mine(unreadOnly, 200);
            read = inbox.readByMe(messages.stream().map(InboxMessage::getId).toList());
        }
        return messages;
    }

    /** Whether the caller has opened or marked this message read (each person for themselves). */
    public boolean read(InboxMessage m) {
        getMessages();
        return read.contains(m.getId());
    }

    public void read(UUID id) {
        inbox.markRead(id);
        messages = null;
    }

    public void toggle() {
        messages = null;
    }

    public boolean isUnreadOnly() {
        return unreadOnly;
    }

    public void setUnreadOnly(boolean unreadOnly) {
        this.unreadOnly = unreadOnly;
    }
}
