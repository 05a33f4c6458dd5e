package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.platform.DubanException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The answers of the request limits, on stand-ins for the JAX-RS contexts. */
class LimitResponsesTest {

    private final Map<String, Object> properties = new HashMap<>();
    private final MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
    private int status;
    private Object entity;
    private Object mediaType;

    @Test
    void aBodyStoppedAtItsLimitIsAnswered413WhateverTheReaderMadeOfIt() {
        properties.put(
                LimitResponses.REFUSAL, new DubanException(413, "request.too-large", "请求内容过大"));
        status = 400; // JSON-B: "not JSON"
        new LimitResponses().filter(request(), response());
        assertThat(status).isEqualTo(413);
        assertThat(entity)
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> {
                            assertThat(p.code()).isEqualTo("request.too-large");
                            assertThat(p.instance()).isEqualTo("/tasks/x/reports");
                        });
        assertThat(mediaType)
                .isInstanceOfSatisfying(
                        jakarta.ws.rs.core.MediaType.class,
                        m ->
                                assertThat(m.getType() + "/" + m.getSubtype())
                                        .isEqualTo(Problem.MEDIA_TYPE));
        assertThat(headers.getFirst("Connection")).isEqualTo("close");
    }

    @Test
    void aBusyServerSaysWhenToComeBack() {
        status = 503;
        new LimitResponses().filter(request(), response());
        assertThat(headers.getFirst("Retry-After")).isEqualTo("5");
        headers.clear();
        status = 200;
        new LimitResponses().filter(request(), response());
        assertThat(headers).isEmpty();
        assertThat(status).isEqualTo(200);
    }

    private ContainerRequestContext request() {
        UriInfo uri =
                (UriInfo)
                        Proxy.newProxyInstance(
                                getClass().getClassLoader(),
                                new Class<?>[] {UriInfo.class},
                                (proxy, method, args) ->
                                        method.getName().equals("getPath")
                                                ? "/tasks/x/reports"
                                                : null);
        return (ContainerRequestContext)
                Proxy.newProxyInstance(
                        getClass().getClassLoader(),
                        new Class<?>[] {ContainerRequestContext.class},
                        (proxy, method, args) ->
                                switch (method.getName()) {
                                    case "getProperty" -> properties.get((String) args[0]);
                                    case "getUriInfo" -> uri;
                                    // No Accept-Language: the Chinese detail, as before.
                                    case "getHeaderString" -> null;
                                    default ->
                                            throw new UnsupportedOperationException(
                                                    method.getName());
                                });
    }

    private ContainerResponseContext response() {
        return (ContainerResponseContext)
                Proxy.newProxyInstance(
                        getClass().getClassLoader(),
                        new Class<?>[] {ContainerResponseContext.class},
                        (proxy, method, args) ->
                                switch (method.getName()) {
                                    case "getStatus" -> status;
                                    case "setStatus" -> {
                                        status = (Integer) args[0];
                                        yield null;
                                    }
                                    case "getHeaders" -> headers;
                                    case "setEntity" -> {
                                        entity = args[0];
                                        mediaType = args.length > 2 ? args[2] : null;
                                        yield null;
                                    }
                                    default ->
                                            throw new UnsupportedOperationException(
                                                    method.getName());
                                });
    }
}
