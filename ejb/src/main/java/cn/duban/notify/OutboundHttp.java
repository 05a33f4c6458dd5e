package cn.duban.notify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The one way Duban POSTs to a webhook or gateway: the URL checked by {@link OutboundGuard} just
 * before, https with the JDK's CAs plus the operator's bundle, redirects never followed (a 3xx is a
 * failure), connect timeout 5 s, request timeout 10 s.
 */
public final class OutboundHttp {

    static final Duration CONNECT = Duration.ofSeconds(5);
    static final Duration REQUEST = Duration.ofSeconds(10);

    private record Cached(String pem, HttpClient client) {}

    private static final AtomicReference<Cached> CLIENT = new AtomicReference<>();

    private OutboundHttp() {}

    /** POSTs JSON; the outcome as a {@link SendResult}, never an exception. */
    public static SendResult postJson(
            String url,
            String json,
            Map<String, String> headers,
            List<AllowEntry> allow,
            String caPem) {
        URI uri;
        try {
            uri = OutboundGuard.check(url, allow, OutboundGuard.DNS);
        } catch (OutboundGuard.Refused e) {
            return SendResult.fail(null, e.code() + ": " + e.getMessage());
        }
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri)
                        .timeout(REQUEST)
                        .header("Content-Type", "application/json; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client(caPem).send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return SendResult.retry(null, "timeout: " + e.getMessage());
        } catch (IOException e) {
            return SendResult.retry(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.retry(null, "interrupted");
        }
        int status = response.statusCode();
        if (status >= 300 && status < 400)
            return SendResult.fail(status, "redirect not followed: " + status);
        if (status == 408 || status == 429 || status >= 500)
            return SendResult.retry(status, "HTTP " + status);
        if (status >= 400) return SendResult.fail(status, "HTTP " + status + " " + head(response));
        // The robots answer 200 with {"errcode": n, "errmsg": …}; 0 is success.
        String body = response.body() == null ? "" : response.body();
        int errcode = errcode(body);
        if (errcode != 0)
            return SendResult.retry(status, "errcode " + errcode + " " + head(response));
        return SendResult.ok(status);
    }

    private static String head(HttpResponse<String> r) {
        String b = r.body() == null ? "" : r.body();
        return b.length() > 200 ? b.substring(0, 200) : b;
    }

    static int errcode(String body) {
        if (body.isBlank() || body.charAt(0) != '{') return 0;
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(body))) {
            var o = reader.readObject();
            return o.containsKey("errcode") ? o.getInt("errcode", 0) : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** A client per CA bundle (rebuilt when the operator changes it). */
    static HttpClient client(String caPem) {
        String pem = caPem == null ? "" : caPem;
        Cached c = CLIENT.get();
        if (c != null && c.pem().equals(pem)) return c.client();
        HttpClient client =
                HttpClient.newBuilder()
                        .connectTimeout(CONNECT)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .proxy(HttpClient.Builder.NO_PROXY)
                        .sslContext(sslContext(pem))
                        .build();
        CLIENT.set(new Cached(pem, client));
        return client;
    }

    /** The certificates of a PEM bundle; none in it, or one that does not parse, is an error. */
    public static List<X509Certificate> parse(String pem) {
        try {
            Collection<? extends Certificate> all =
                    CertificateFactory.getInstance("X.509")
                            .generateCertificates(
                                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)));
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate cert : all) out.add((X509Certificate) cert);
            if (out.isEmpty()) throw new IllegalArgumentException("no certificate in the bundle");
            return out;
        } catch (CertificateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static SSLContext sslContext(String pem) {
        try {
            TrustManagerFactory jdk =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            jdk.init((KeyStore) null);
            X509TrustManager defaults = x509(jdk.getTrustManagers());
            X509TrustManager extra = null;
            if (!pem.isBlank()) {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                int i = 0;
                for (X509Certificate cert : parse(pem)) store.setCertificateEntry("ca" + i++, cert);
                TrustManagerFactory own =
                        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                own.init(store);
                extra = x509(own.getTrustManagers());
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new EitherTrust(defaults, extra)}, null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509TrustManager x509(TrustManager[] managers) {
        for (TrustManager m : managers) if (m instanceof X509TrustManager x) return x;
        throw new IllegalStateException("no X509TrustManager");
    }

    /** Trusts a server either the JDK's CAs or the operator's bundle trust. */
    private record EitherTrust(X509TrustManager jdk, X509TrustManager own)
            implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType)
                throws CertificateException {
            jdk.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType)
                throws CertificateException {
            try {
                jdk.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                if (own == null) throw e;
                own.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            X509Certificate[] a = jdk.getAcceptedIssuers();
            if (own == null) return a;
            X509Certificate[] b = own.getAcceptedIssuers();
            X509Certificate[] all = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            return all;
        }
    }
}
