package cn.duban.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.time.LocalDate;

/**
 * Dates typed or picked in the UI ({@code converter="duban.date"}): every form {@link
 * Formats#parseDate} reads, written back as 2026-11-29; a text that is no date gets a clear message
 * naming the field.
 */
@FacesConverter("duban.date")
public class DateConverter implements Converter<LocalDate> {

    @Override
    public LocalDate getAsObject(FacesContext context, UIComponent component, String value) {
        try {
            return Formats.parseDate(value);
        } catch (IllegalArgumentException e) {
            String text = Messages.text("date.invalid", value.strip());
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, LocalDate value) {
        return Formats.date(value);
    }
}
