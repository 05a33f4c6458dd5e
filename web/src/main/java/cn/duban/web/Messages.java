package cn.duban.web;

import cn.duban.platform.DubanException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/** Faces messages from the UI bundle and from domain errors. */
public final class Messages {

    private Messages() {}

    public static String text(String key, Object... args) {
        FacesContext fc = FacesContext.getCurrentInstance();
        ResourceBundle bundle = fc.getApplication().getResourceBundle(fc, "msg");
        return MessageFormat.format(bundle.getString(key), Formats.messageArgs(args));
    }

    /** The bundle's text for {@code key}, or {@code fallback} when the bundle has no such key. */
    public static String textOr(String key, String fallback) {
        FacesContext fc = FacesContext.getCurrentInstance();
        ResourceBundle bundle = fc.getApplication().getResourceBundle(fc, "msg");
        return bundle.containsKey(key) ? bundle.getString(key) : fallback;
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

    /**
     * Shows a domain error in the page's language (its specific Chinese detail, or the generic
     * sentence of its code on an English page); the transaction has already been rolled back.
     */
    public static void error(DubanException e) {
        error(e, FormatBean.localeOfPage());
    }

    static void error(DubanException e, Locale page) {
        FacesContext.getCurrentInstance()
                .addMessage(
                        null,
                        new FacesMessage(
                                FacesMessage.SEVERITY_ERROR, ProblemTexts.detail(e, page), null));
        FacesContext.getCurrentInstance().validationFailed();
    }

    /** An error already in the page's language (a form's own check); the form stays as typed. */
    public static void errorText(String text) {
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        FacesContext.getCurrentInstance().validationFailed();
    }

    /** A domain error's sentence in the page's language (see {@link ProblemTexts}). */
    public static String detail(DubanException e) {
        return ProblemTexts.detail(e, FormatBean.localeOfPage());
    }

    /**
     * The problems a domain error lists (rows of a sheet, fields of a form) in the page's language;
     * empty when it lists none.
     */
    public static List<?> errors(DubanException e) {
        return e.errors() == null
                ? List.of()
                : ProblemTexts.errors(e.errors(), FormatBean.localeOfPage());
    }
}
