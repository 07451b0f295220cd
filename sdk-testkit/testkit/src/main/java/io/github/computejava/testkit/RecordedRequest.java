package io.github.computejava.testkit;

import io.github.computejava.fsthttp.CacheOptions;
import io.github.computejava.fsthttp.Headers;
import java.time.Instant;
import java.util.Optional;

/**
 * A request that reached a backend: what the origin saw, after the host applied the backend's settings
 * (such as its override host). A request the cache answered never becomes a recorded request.
 */
public final class RecordedRequest extends HttpMessage {
    private final String backend;
    private final String method;
    private final String url;
    private final CacheOptions cacheOptions;
    private final Instant instant;
    private final int sequence;

    RecordedRequest(
            String backend,
            String method,
            String url,
            Headers headers,
            byte[] body,
            CacheOptions cacheOptions,
            Instant instant,
            int sequence) {
        super(headers, body);
        this.backend = backend;
        this.method = method;
        this.url = url;
        this.cacheOptions = cacheOptions;
        this.instant = instant;
        this.sequence = sequence;
    }

    private String clientCertificate;

    /**
     * The client certificate the backend was given in the TLS handshake (a dynamic backend registered with {@code
     * BackendOptions.clientCertificate}).
     *
     * @return the certificate, PEM, or empty when none was presented
     */
    public java.util.Optional<String> clientCertificate() {
        return java.util.Optional.ofNullable(clientCertificate);
    }

    void clientCertificate(String pem) {
        this.clientCertificate = pem;
    }

    /**
     * The backend the request went to.
     *
     * @return the backend name
     */
    public String backend() {
        return backend;
    }

    /**
     * The HTTP method.
     *
     * @return the method
     */
    public String method() {
        return method;
    }

    /**
     * The URL the program sent.
     *
     * @return the full URL
     */
    public String url() {
        return url;
    }

    /**
     * The path of the URL, without the query.
     *
     * @return the path, {@code /} when the URL has none
     */
    public String path() {
        int start = Urls.pathStart(url);
        int end = start;
        while (end < url.length() && url.charAt(end) != '?' && url.charAt(end) != '#') {
            end++;
        }
        String path = url.substring(start, end);
        return path.isEmpty() ? "/" : path;
    }

    /**
     * The query of the URL, without the {@code ?}.
     *
     * @return the query, or empty when there is none
     */
    public Optional<String> query() {
        int q = url.indexOf('?', Urls.pathStart(url));
        if (q < 0) {
            return Optional.empty();
        }
        int hash = url.indexOf('#', q);
        return Optional.of(hash < 0 ? url.substring(q + 1) : url.substring(q + 1, hash));
    }

    /**
     * The readthrough cache overrides the program set on this request ({@code cache_override}), in the SDK's
     * terms.
     *
     * @return the options; {@link CacheOptions#DEFAULT} when the program set none
     */
    public CacheOptions cacheOptions() {
        return cacheOptions;
    }

    /**
     * When the request reached the origin, on the virtual clock.
     *
     * @return the instant
     */
    public Instant instant() {
        return instant;
    }

    /**
     * Its place among all requests that reached any backend of the host, from 1.
     *
     * @return the sequence number
     */
    public int sequence() {
        return sequence;
    }

    /**
     * Fluent assertions on this request.
     *
     * @return the assertions
     */
    public RequestAssert assertThat() {
        return new RequestAssert(this);
    }

    @Override
    public String toString() {
        return method + " " + url + " -> " + backend;
    }
}
