package cn.duban.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;

/** The UI language of a session: Chinese first, English on request. */
@Named
@SessionScoped
public class LocaleBean implements Serializable {

    private Locale locale = Locale.SIMPLIFIED_CHINESE;

    public Locale getLocale() {
        return locale;
    }

    public boolean isChinese() {
        return Locale.SIMPLIFIED_CHINESE.equals(locale);
    }

    public void toggle() {
        locale = isChinese() ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }
}
