package cn.duban.web;

import cn.duban.platform.DubanException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/** Faces messages from the UI bundle and from domain errors. */
public final class Messages {

    private Messages() {}

    public static String text(String key, Object... args) {
        FacesContext fc = FacesContext.getCurrentInstance();
        ResourceBundle bundle = fc.getApplication().getResourceBundle(fc, "msg");
        return MessageFormat.format(bundle.getString(key), Formats.messageArgs(args));
    }

    public static void info(String key, Object... args) {
        FacesContext.getCurrentInstance()
                .addMessage(
                        null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, args), null));
    }

    /** An info message that survives the redirect after a successful action. */
    public static void flash(String key, Object... args) {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        info(key, args);
    }

    /** Shows a domain error's Chinese detail; the transaction has already been rolled back. */
    public static void error(DubanException e) {
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.detail(), null));
        FacesContext.getCurrentInstance().validationFailed();
    }
}
