package cn.duban.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.Collection;
import java.util.Locale;

/** The one place pages format values: {@code #{fmt.list(names)}}; see {@link Formats}. */
@Named("fmt")
@RequestScoped
public class FormatBean {

    public String list(Collection<?> items) {
        return Formats.list(items, locale());
    }

    private static Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces == null || faces.getViewRoot() == null ? Locale.SIMPLIFIED_CHINESE : faces.getViewRoot().getLocale();
    }
}
