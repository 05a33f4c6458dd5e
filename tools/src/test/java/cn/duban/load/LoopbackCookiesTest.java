package cn.duban.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoopbackCookiesTest {

    private static final URI LOGIN =
            URI.create("http://localhost:29180/realms/duban/protocol/openid-connect/auth?x=1");
    private static final URI AUTHENTICATE =
            URI.create("http://localhost:29180/realms/duban/login-actions/authenticate?y=2");

    /** Keycloak's cookies as it sets them on its login page (the cluster run's 400). */
    @Test
    void keycloaksSecureVersionOneCookiesGoBackOverHttpToLocalhost() {
        LoopbackCookies jar = new LoopbackCookies();
        jar.keep(
                LOGIN,
                List.of(
                        "AUTH_SESSION_ID=\"YWJj.node\"; Version=1; Path=/realms/duban/; SameSite=None; Secure; HttpOnly",
                        "KC_RESTART=eyJhbGciOi; Version=1; Path=/realms/duban/; HttpOnly; Secure"));

        assertEquals(
                "AUTH_SESSION_ID=\"YWJj.node\"; KC_RESTART=eyJhbGciOi",
                sorted(jar.header(AUTHENTICATE)));
        assertNull(jar.header(URI.create("http://localhost:29180/admin/")));
    }

    @Test
    void secureCookiesStayOffPlainHttpToOtherHosts() {
        LoopbackCookies jar = new LoopbackCookies();
        URI remote = URI.create("http://example.org/app/");
        jar.keep(remote, List.of("A=1; Secure", "B=2"));

        assertEquals("B=2", jar.header(remote));
        // A Secure cookie set over plain http to another host is not kept at all.
        assertEquals("B=2", jar.header(URI.create("https://example.org/app/")));
    }

    @Test
    void cookiesBelongToTheHostNotThePort() {
        LoopbackCookies jar = new LoopbackCookies();
        jar.keep(
                URI.create("http://localhost:27080/app/index.xhtml"),
                List.of("SERVERID=node-b; path=/; HttpOnly"));

        assertEquals("SERVERID=node-b", jar.header(URI.create("http://localhost:30080/app/x")));
        assertNull(jar.header(URI.create("http://127.0.0.1:27080/app/x")));
        assertEquals("node-b", jar.value("SERVERID"));
    }

    @Test
    void maxAgeZeroOrAPastExpiryDeletes() {
        LoopbackCookies jar = new LoopbackCookies();
        URI app = URI.create("http://localhost:27080/");
        jar.keep(app, List.of("A=1; Path=/", "B=2; Path=/", "C=3; Path=/"));
        jar.keep(
                app,
                List.of(
                        "A=; Max-Age=0; Path=/",
                        "B=; Expires=Thu, 01-Jan-1970 00:00:10 GMT; Path=/",
                        "C=4; Expires=Fri, 01 Jan 2100 00:00:00 GMT; Path=/"));

        assertEquals("C=4", jar.header(app));
    }

    @Test
    void pathsMatchAtSlashesAndDefaultToTheRequestsDirectory() {
        assertEquals("/realms/duban", LoopbackCookies.defaultPath("/realms/duban/login"));
        assertEquals("/", LoopbackCookies.defaultPath("/app"));
        assertEquals(true, LoopbackCookies.pathMatches("/realms/duban/x", "/realms/duban"));
        assertEquals(true, LoopbackCookies.pathMatches("/realms/duban/x", "/realms/duban/"));
        assertEquals(false, LoopbackCookies.pathMatches("/realms/dubanother", "/realms/duban"));
    }

    private static String sorted(String header) {
        return String.join("; ", java.util.Arrays.stream(header.split("; ")).sorted().toList());
    }
}
