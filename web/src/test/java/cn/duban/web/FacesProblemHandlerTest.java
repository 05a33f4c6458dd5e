package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.platform.DubanException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.el.ELException;
import jakarta.faces.FacesException;
import jakarta.faces.application.Application;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseStream;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.lifecycle.Lifecycle;
import jakarta.faces.render.RenderKit;
import jakarta.persistence.OptimisticLockException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The pages show a domain error the way ProblemMapper answers the API: its Chinese detail as an
 * error message on the same page (rendered again, by ajax or by a full post alike), however deep
 * the container wrapped it; anything else goes on to the default handling.
 */
class FacesProblemHandlerTest {

    private final Context fc = new Context();

    @AfterEach
    void release() {
        fc.release();
    }

    @Test
    void aDomainErrorOfAnActionIsAMessageOnThePage() {
        Queue queue = new Queue();
        fc.phase = PhaseId.INVOKE_APPLICATION;
        queue.add(
                fc,
                new FacesException(
                        new ELException(new DubanException(409, "plan.locked", "计划已发布，不能删除。"))));
        new FacesProblemHandler(queue).handle();

        assertThat(fc.messages).extracting(FacesMessage::getSummary).containsExactly("计划已发布，不能删除。");
        assertThat(fc.messages.get(0).getSeverity()).isEqualTo(FacesMessage.SEVERITY_ERROR);
        assertThat(fc.validationFailed).isTrue();
        assertThat(fc.renderResponse).as("the same view is rendered again").isTrue();
        assertThat(queue.events).as("handled, so no error page").isEmpty();
        assertThat(queue.handledByDefault).isTrue();
    }

    @Test
    void staleVersionsAndRefusedRolesReadAsTheApiSaysThem() {
        Queue queue = new Queue();
        fc.phase = PhaseId.INVOKE_APPLICATION;
        queue.add(fc, new EJBException(new OptimisticLockException()));
        queue.add(fc, new FacesException(new EJBAccessException("denied")));
        new FacesProblemHandler(queue).handle();

        assertThat(fc.messages)
                .extracting(FacesMessage::getSummary)
                .containsExactly("数据已被他人修改，请刷新后重试。", "当前用户没有执行此操作的权限。");
        assertThat(queue.events).isEmpty();
    }

    @Test
    void otherFailuresAndFailuresWhileWritingThePageGoToTheDefault() {
        Queue queue = new Queue();
        fc.phase = PhaseId.INVOKE_APPLICATION;
        queue.add(fc, new FacesException(new IllegalStateException("bug")));
        new FacesProblemHandler(queue).handle();
        assertThat(fc.messages).isEmpty();
        assertThat(queue.events).hasSize(1);

        Queue rendering = new Queue();
        fc.phase = PhaseId.RENDER_RESPONSE;
        rendering.add(fc, new DubanException(404, "task.not-found", "任务不存在。"));
        new FacesProblemHandler(rendering).handle();
        assertThat(fc.messages).isEmpty();
        assertThat(rendering.events).hasSize(1);
    }

    /** The default handler: holds the queued events, notes that it was asked to handle them. */
    static class Queue extends ExceptionHandler {
        final List<ExceptionQueuedEvent> events = new ArrayList<>();
        boolean handledByDefault;

        void add(FacesContext fc, Throwable t) {
            events.add(new ExceptionQueuedEvent(fc, new ExceptionQueuedEventContext(fc, t)));
        }

        @Override
        public void handle() {
            handledByDefault = true;
        }

        @Override
        public ExceptionQueuedEvent getHandledExceptionQueuedEvent() {
            return null;
        }

        @Override
        public Iterable<ExceptionQueuedEvent> getUnhandledExceptionQueuedEvents() {
            return events;
        }

        @Override
        public Iterable<ExceptionQueuedEvent> getHandledExceptionQueuedEvents() {
            return List.of();
        }

        @Override
        public Throwable getRootCause(Throwable t) {
            return t;
        }

        @Override
        public boolean isListenerForSource(Object source) {
            return true;
        }

        @Override
        public void processEvent(SystemEvent event) {}
    }

    /** Just enough of a FacesContext: the phase, messages, validation and render flags. */
    static class Context extends FacesContext {
        PhaseId phase;
        final List<FacesMessage> messages = new ArrayList<>();
        boolean validationFailed, renderResponse;

        Context() {
            setCurrentInstance(this);
        }

        @Override
        public PhaseId getCurrentPhaseId() {
            return phase;
        }

        @Override
        public void addMessage(String clientId, FacesMessage message) {
            messages.add(message);
        }

        @Override
        public void validationFailed() {
            validationFailed = true;
        }

        @Override
        public void renderResponse() {
            renderResponse = true;
        }

        @Override
        public void release() {
            setCurrentInstance(null);
        }

        @Override
        public Application getApplication() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterator<String> getClientIdsWithMessages() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Lifecycle getLifecycle() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ExternalContext getExternalContext() {
            throw new UnsupportedOperationException();
        }

        @Override
        public FacesMessage.Severity getMaximumSeverity() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterator<FacesMessage> getMessages() {
            return messages.iterator();
        }

        @Override
        public Iterator<FacesMessage> getMessages(String clientId) {
            return messages.iterator();
        }

        @Override
        public RenderKit getRenderKit() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getRenderResponse() {
            return renderResponse;
        }

        @Override
        public boolean getResponseComplete() {
            return false;
        }

        @Override
        public ResponseStream getResponseStream() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setResponseStream(ResponseStream responseStream) {}

        @Override
        public ResponseWriter getResponseWriter() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setResponseWriter(ResponseWriter responseWriter) {}

        @Override
        public UIViewRoot getViewRoot() {
            return null;
        }

        @Override
        public void setViewRoot(UIViewRoot root) {}

        @Override
        public void responseComplete() {}
    }
}
