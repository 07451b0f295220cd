package io.github.computejava.host.backend;

import io.github.computejava.abi.FastlyHttpReq;
import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.HeaderSection;
import io.github.computejava.host.http.RequestHead;
import io.github.computejava.host.http.ResponseHead;
import io.github.computejava.host.http.UpstreamResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpResponseException;
import org.eclipse.jetty.client.InputStreamRequestContent;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Backend requests over the network with Jetty's HTTP client, as Fastly sends them: to the backend's URL (its path a
 * prefix of the request's), with the backend's override host (else the request's {@code Host}) as {@code Host},
 * the connect, first-byte and between-bytes timeouts of the backend, bodies streamed both ways, nothing added
 * (no {@code User-Agent}, no {@code Accept-Encoding}, no cookies, no redirects followed). Transport failures become
 * {@link SendFailure}s with the matching {@code send_error_detail_tag}.
 */
public final class JettyOrigin implements Origin, AutoCloseable {
    /** Hop-by-hop fields, never forwarded (RFC 9110 section 7.6.1). */
    static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "proxy-authenticate",
            "proxy-authorization");

    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();
    private final ExecutorService pumps = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "compute-origin-body");
        t.setDaemon(true);
        return t;
    });

    /** An origin with no connections yet; clients are made per backend settings on first use. */
    public JettyOrigin() {}

    @Override
    public UpstreamResponse exchange(Backend backend, RequestHead head, BodyBuffer body) throws SendFailure {
        if (backend.url().isEmpty()) {
            throw new SendFailure(
                    FastlyHttpReq.SEND_ERROR_TAG_DESTINATION_NOT_FOUND, "backend " + backend.name() + " has no URL");
        }
        URI base = backend.url().get();
        URI target;
        try {
            target = target(base, head.uri());
        } catch (IllegalArgumentException e) {
            throw new SendFailure(
                    FastlyHttpReq.SEND_ERROR_TAG_HTTP_REQUEST_URI_INVALID, "invalid request URI " + head.uri(), e);
        }
        HttpClient client = client(backend);
        Request request = client.newRequest(target)
                .method(head.method())
                .version(HttpVersion.HTTP_1_1)
                .idleTimeout(backend.betweenBytesTimeout().toMillis(), TimeUnit.MILLISECONDS);
        keepMethodCase(request, head.method());
        String host = hostHeader(backend, head);
        request.headers(h -> {
            h.remove(HttpHeader.HOST);
            h.remove(HttpHeader.ACCEPT_ENCODING);
            h.remove(HttpHeader.USER_AGENT);
            for (String[] f : forwardable(head.headers())) {
                // Expect is the client's and this server's business (it answered 100 Continue itself): a backend
                // sent it would wait to be asked for the body
                if (!f[0].equalsIgnoreCase("host")
                        && !f[0].equalsIgnoreCase("content-length")
                        && !f[0].equalsIgnoreCase("expect")) {
                    h.add(f[0], f[1]);
                }
            }
            h.put(HttpHeader.HOST, host);
        });
        long length = body.knownLength();
        if (length > 0 && length <= 1 << 20 && !body.isStreaming()) {
            try {
                request.body(new BytesRequestContent((String) null, body.readAll()));
            } catch (IOException e) {
                throw new SendFailure(
                        FastlyHttpReq.SEND_ERROR_TAG_INTERNAL_ERROR, "the request body failed: " + e.getMessage(), e);
            }
        } else if (length > 0) {
            // a body of known length (the client's, passed on unchanged) keeps its Content-Length: no chunking
            request.body(new KnownLengthContent(body.asInputStream(), length));
        } else if (length != 0) {
            request.body(new InputStreamRequestContent((String) null, body.asInputStream()));
        }
        InputStreamResponseListener listener = new InputStreamResponseListener();
        request.send(listener);
        Response response;
        try {
            response = listener.get(backend.firstByteTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            request.abort(e);
            throw new SendFailure(
                    FastlyHttpReq.SEND_ERROR_TAG_HTTP_RESPONSE_TIMEOUT,
                    "no response from backend " + backend.name() + " within "
                            + backend.firstByteTimeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            request.abort(e);
            Thread.currentThread().interrupt();
            throw new SendFailure(
                    FastlyHttpReq.SEND_ERROR_TAG_INTERNAL_ERROR, "interrupted while waiting for " + backend.name(), e);
        } catch (ExecutionException e) {
            throw failure(backend, e.getCause());
        }
        ResponseHead responseHead = new ResponseHead(response.getStatus(), new HeaderList());
        responseHead.version(response.getVersion() == HttpVersion.HTTP_1_0 ? 1 : 2);
        for (HttpField f : response.getHeaders()) {
            if (!HOP_BY_HOP.contains(f.getLowerCaseName())) {
                responseHead.headers().append(f.getName(), f.getValue());
            }
        }
        long announced = response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        boolean noBody = head.method().equalsIgnoreCase("HEAD")
                || response.getStatus() == 204
                || response.getStatus() == 304
                || response.getStatus() / 100 == 1;
        BodyBuffer incoming = BodyBuffer.incoming(noBody ? 0 : announced);
        InputStream in = listener.getInputStream();
        pumps.execute(() -> pump(in, incoming, response));
        return new UpstreamResponse(responseHead, BodyBuffer.readingFrom(incoming));
    }

    /** A streamed request body whose length is known, so the request carries Content-Length instead of chunks. */
    private static final class KnownLengthContent extends InputStreamRequestContent {
        private final long length;

        KnownLengthContent(InputStream in, long length) {
            super(null, in, 16 * 1024);
            this.length = length;
        }

        @Override
        public long getLength() {
            return length;
        }
    }

    private static final java.lang.reflect.Field METHOD = methodField();

    private static java.lang.reflect.Field methodField() {
        try {
            java.lang.reflect.Field f = org.eclipse.jetty.client.transport.HttpRequest.class.getDeclaredField("method");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Sends the method as the program set it: methods are case-sensitive (RFC 9110 section 9.1), and Jetty's client
     * upper-cases them, so a program's {@code get} would reach the backend as {@code GET}.
     */
    static void keepMethodCase(Request request, String method) {
        if (method.equals(request.getMethod()) || METHOD == null) {
            return;
        }
        try {
            METHOD.set(request, method);
        } catch (IllegalAccessException | RuntimeException e) {
            // the method goes out upper-cased, as Jetty sends it
        }
    }

    /** A response head beyond the client's own bound, far over the limit the engine applies ({@link HeaderSection}). */
    private static SendFailure headerSectionTooLarge(Backend backend) {
        return new SendFailure(
                FastlyHttpReq.SEND_ERROR_TAG_HTTP_RESPONSE_HEADER_SECTION_TOO_LARGE,
                "backend " + backend.name() + " answered with more than " + 16 * HeaderSection.LIMIT
                        + " bytes of header fields; the limit is " + HeaderSection.LIMIT + " (69 KB)");
    }

    /** Copies the response body, then its trailers, into the incoming body. */
    private static void pump(InputStream in, BodyBuffer body, Response response) {
        byte[] buf = new byte[16 * 1024];
        try (InputStream source = in) {
            int n;
            while ((n = source.read(buf)) >= 0) {
                if (n > 0) {
                    body.produce(buf, 0, n);
                }
            }
            HttpFields trailers = response.getTrailers();
            if (trailers != null) {
                for (HttpField f : trailers) {
                    body.trailers().append(f.getName(), f.getValue());
                }
            }
            body.close();
        } catch (IllegalStateException discarded) {
            response.abort(new IOException("the program discarded the body"));
        } catch (IOException e) {
            body.abandon();
        }
    }

    /** The URL to request: the backend's scheme, host and port, its path as prefix, then the request's path. */
    static URI target(URI base, String requestUri) {
        URI req = URI.create(requestUri);
        String path = req.getRawPath() == null || req.getRawPath().isEmpty() ? "/" : req.getRawPath();
        String prefix = base.getRawPath() == null ? "" : base.getRawPath();
        StringBuilder sb = new StringBuilder();
        sb.append(base.getScheme().toLowerCase(Locale.ROOT)).append("://").append(base.getRawAuthority());
        sb.append(prefix);
        if (sb.charAt(sb.length() - 1) != '/') {
            sb.append('/');
        }
        sb.append(path.startsWith("/") ? path.substring(1) : path);
        if (req.getRawQuery() != null) {
            sb.append('?').append(req.getRawQuery());
        }
        return URI.create(sb.toString());
    }

    /** The {@code Host} header: the override host, else the request's, else its URI's authority, else the backend's. */
    static String hostHeader(Backend backend, RequestHead head) {
        if (backend.overrideHost().isPresent()) {
            return backend.overrideHost().get();
        }
        String host = head.headers().first("host");
        if (host != null) {
            return host;
        }
        try {
            URI u = URI.create(head.uri());
            if (u.getRawAuthority() != null) {
                return u.getRawAuthority();
            }
        } catch (IllegalArgumentException ignored) {
            // fall through to the backend's host
        }
        URI base = backend.url().get();
        return base.getPort() < 0 ? base.getHost() : base.getHost() + ":" + base.getPort();
    }

    /**
     * The length a single, valid {@code Content-Length} field declares.
     *
     * @param headers the header fields
     * @return the length, or -1 when there is no such field, more than one, or one that is not a decimal number
     */
    public static long declaredLength(HeaderList headers) {
        List<String> values = headers.values("Content-Length");
        if (values.size() != 1) {
            return -1;
        }
        String v = values.get(0).trim();
        if (v.isEmpty() || v.length() > 18 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Long.parseLong(v);
    }

    /** The header fields that may travel to the next hop: no hop-by-hop field nor one named by Connection. */
    public static List<String[]> forwardable(HeaderList headers) {
        List<String> named = new ArrayList<>();
        for (String c : headers.values("connection")) {
            for (String token : c.split(",")) {
                named.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        List<String[]> out = new ArrayList<>();
        for (String[] f : headers.fields()) {
            String n = f[0].toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(n) && !named.contains(n)) {
                out.add(f);
            }
        }
        return out;
    }

    private HttpClient client(Backend backend) {
        String key =
                backend.connectTimeout().toMillis() + "|" + backend.certHost().orElse("") + "|" + backend.useSni() + "|"
                        + backend.caCertificates().hashCode() + "|"
                        + backend.clientCertificate().orElse("")
                        + backend.clientKey().map(String::hashCode).orElse(0);
        return clients.computeIfAbsent(key, k -> start(backend));
    }

    private static HttpClient start(Backend backend) {
        SslContextFactory.Client tls = new SslContextFactory.Client();
        if (backend.certHost().isPresent()) {
            String certHost = backend.certHost().get();
            tls.setEndpointIdentificationAlgorithm(null);
            tls.setHostnameVerifier((hostname, session) -> certificateMatches(session, certHost));
        }
        if (!backend.useSni()) {
            tls.setSNIProvider((engine, names) -> List.of());
        }
        if (!backend.caCertificates().isEmpty()) {
            try {
                java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                int i = 0;
                for (X509Certificate ca : backend.caCertificates()) {
                    trust.setCertificateEntry("ca-" + i++, ca);
                }
                tls.setTrustStore(trust);
            } catch (java.security.GeneralSecurityException | IOException e) {
                throw new IllegalStateException("cannot build the trust store of " + backend.name() + ": " + e, e);
            }
        }
        if (backend.clientCertificate().isPresent() && backend.clientKey().isPresent()) {
            try {
                tls.setKeyStore(io.github.computejava.host.ClientCertificates.keyStore(
                        backend.clientCertificate().get(), backend.clientKey().get()));
                tls.setKeyStorePassword(new String(io.github.computejava.host.ClientCertificates.PASSWORD));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("cannot use the client certificate of " + backend.name() + ": " + e, e);
            }
        }
        // response header values reach the cache as the origin sent them, whatever came before on the connection
        // (Jetty's header cache folds case by default; Surrogate-Control names are case-sensitive on Fastly)
        HttpClientTransportOverHTTP transport = new HttpClientTransportOverHTTP();
        transport.setHeaderCacheCaseSensitive(true);
        HttpClient client = new HttpClient(transport);
        client.setSslContextFactory(tls);
        client.setConnectTimeout(backend.connectTimeout().toMillis());
        client.setFollowRedirects(false);
        client.setUserAgentField(null);
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.getContentDecoderFactories().clear();
        client.setMaxRequestHeadersSize(HeaderSection.LIMIT);
        // the engine applies the 69 KB limit to every backend's response (HostEngine); this bounds the memory
        client.setMaxResponseHeadersSize(16 * HeaderSection.LIMIT);
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("compute-origin");
        threads.setDaemon(true);
        client.setExecutor(threads);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the HTTP client: " + e, e);
        }
        return client;
    }

    /** Whether the peer's certificate names {@code host} (DNS subject alternative names, with one wildcard label). */
    static boolean certificateMatches(SSLSession session, String host) {
        try {
            X509Certificate cert = (X509Certificate) session.getPeerCertificates()[0];
            if (cert.getSubjectAlternativeNames() == null) {
                return false;
            }
            for (List<?> san : cert.getSubjectAlternativeNames()) {
                if (Objects.equals(san.get(0), 2) && hostMatches(String.valueOf(san.get(1)), host)) {
                    return true;
                }
            }
            return false;
        } catch (SSLPeerUnverifiedException | java.security.cert.CertificateParsingException e) {
            return false;
        }
    }

    static boolean hostMatches(String pattern, String host) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String h = host.toLowerCase(Locale.ROOT);
        if (p.startsWith("*.")) {
            int dot = h.indexOf('.');
            return dot > 0 && h.substring(dot).equals(p.substring(1));
        }
        return p.equals(h);
    }

    /** The {@code send_error_detail_tag} of a transport failure. */
    static SendFailure failure(Backend backend, Throwable cause) {
        String what = "backend " + backend.name() + " ("
                + backend.url().map(URI::toString).orElse("?") + "): ";
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("Response Header Bytes Too Large")) {
                return headerSectionTooLarge(backend); // beyond the client's own bound (Jetty wraps it)
            }
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof BodyBuffer.BodyAbandonedException) {
                // the request body's source failed (a client's malformed body, say): not the backend's doing
                return new SendFailure(
                        FastlyHttpReq.SEND_ERROR_TAG_INTERNAL_ERROR,
                        "the request body for backend " + backend.name() + " failed before it was sent in full: "
                                + t.getMessage(),
                        cause);
            }
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof UnknownHostException) {
                return new SendFailure(FastlyHttpReq.SEND_ERROR_TAG_DNS_ERROR, what + "unknown host " + message, cause);
            }
            if (t instanceof NoRouteToHostException) {
                return new SendFailure(FastlyHttpReq.SEND_ERROR_TAG_DESTINATION_IP_UNROUTABLE, what + message, cause);
            }
            if (t instanceof ConnectException) {
                return new SendFailure(
                        FastlyHttpReq.SEND_ERROR_TAG_CONNECTION_REFUSED, what + "connection refused", cause);
            }
            if (t instanceof SocketTimeoutException || message.contains("Connect Timeout")) {
                return new SendFailure(
                        FastlyHttpReq.SEND_ERROR_TAG_CONNECTION_TIMEOUT, what + "connect timeout", cause);
            }
            if ((t instanceof SSLHandshakeException || t instanceof SSLPeerUnverifiedException)
                    && hasCertificateProblem(t)) {
                return new SendFailure(FastlyHttpReq.SEND_ERROR_TAG_TLS_CERTIFICATE_ERROR, what + message, cause);
            }
            if (t instanceof SSLException) {
                return new SendFailure(FastlyHttpReq.SEND_ERROR_TAG_TLS_PROTOCOL_ERROR, what + message, cause);
            }
            if (t instanceof TimeoutException) {
                return new SendFailure(FastlyHttpReq.SEND_ERROR_TAG_HTTP_RESPONSE_TIMEOUT, what + message, cause);
            }
            if (t instanceof HttpResponseException || t instanceof org.eclipse.jetty.http.BadMessageException) {
                return new SendFailure(FastlyHttpReq.SEND_ERROR_TAG_HTTP_PROTOCOL_ERROR, what + message, cause);
            }
            if (t instanceof EofException || t instanceof ClosedChannelException) {
                return new SendFailure(
                        FastlyHttpReq.SEND_ERROR_TAG_CONNECTION_TERMINATED, what + "connection closed", cause);
            }
        }
        if (cause instanceof IOException) {
            return new SendFailure(
                    FastlyHttpReq.SEND_ERROR_TAG_CONNECTION_TERMINATED, what + cause.getMessage(), cause);
        }
        return new SendFailure(FastlyHttpReq.SEND_ERROR_TAG_INTERNAL_ERROR, what + cause, cause);
    }

    private static boolean hasCertificateProblem(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
            if (c instanceof CertificateException || m.contains("pkix") || m.contains("host name verification")) {
                return true;
            }
        }
        return String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("certificate");
    }

    @Override
    public void close() {
        for (HttpClient c : clients.values()) {
            try {
                c.stop();
            } catch (Exception ignored) {
                // shutting down anyway
            }
        }
        clients.clear();
        pumps.shutdownNow();
    }
}
