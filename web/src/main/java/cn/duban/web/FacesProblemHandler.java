package cn.duban.web;

import cn.duban.platform.DubanException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;
import java.util.Iterator;

/**
 * The pages' {@link ProblemMapper}: a domain error (a {@link DubanException}, a stale version, a
 * refused role) that escapes an action, a listener or a view action shows as its message on the
 * same page (the Chinese detail, or the code's English sentence on an English page: {@link
 * Messages#error}), by ajax or by a full post alike, instead of an error page, so page beans need
 * no {@code catch (DubanException e)} of their own. The transaction has already been rolled back.
 * Errors while the page is being written (render response) and anything else go on to the default
 * handling.
 */
public class FacesProblemHandler extends ExceptionHandlerWrapper {

    /** Registered in faces-config.xml. */
    public static class Factory extends ExceptionHandlerFactory {
        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new FacesProblemHandler(getWrapped().getExceptionHandler());
        }
    }

    public FacesProblemHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext fc = FacesContext.getCurrentInstance();
        if (fc != null && fc.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                DubanException e = domainError(events.next().getContext().getException());
                if (e == null) continue;
                events.remove();
                Messages.error(e);
                fc.renderResponse();
            }
        }
        getWrapped().handle();
    }

    /** The first domain error in the chain of causes, as ProblemMapper reads it; or null. */
    static DubanException domainError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            DubanException e = ProblemMapper.domainError(t);
            if (e != null) return e;
        }
        return null;
    }
}
