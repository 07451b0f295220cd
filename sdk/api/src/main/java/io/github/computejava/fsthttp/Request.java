package io.github.computejava.fsthttp;

import io.github.computejava.geo.Geo;
import io.github.computejava.internal.BodyInput;
import io.github.computejava.internal.Text;
import io.github.computejava.internal.guest.HttpBodyGuest;
import io.github.computejava.internal.guest.HttpDownstreamGuest;
import io.github.computejava.internal.guest.HttpReqGuest;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP request: the one a client sent (handed to the {@link Handler}), or one the program builds to send
 * to a backend.
 *
 * <p>A request is a mutable message, like Go's {@code fsthttp.Request}: change its method, URL, headers and
 * {@link CacheOptions}, then {@link #send(String) send} it to a named backend. The client's body is streamed
 * from the host as it is read; a request forwarded without reading its body passes it on untouched.
 */
public final class Request {
    private static final byte[] NO_BYTES = new byte[0];
    private static final String HEX_DIGITS = "0123456789ABCDEF";

    /** The request header carrying a cache key override to the host, as 64 hex digits. */
    static final String CACHE_KEY_HEADER = "fastly-xqd-cache-key";

    private final int downstreamHandle;
    private String method;
    private String url;
    private Headers headers;
    private CacheOptions cacheOptions = CacheOptions.DEFAULT;
    private BodyInput hostBody;
    private byte[] bytesBody;
    // a body from an InputStream that is not the host's, streamed to the backend when sent
    private InputStream streamBody;
    private CacheFlow streamSend;
    private boolean manualFraming;
    private boolean decompressGzip;
    /** For a backend request of the hooks' cache flow: the host request handle it was written into. */
    int suggestedHandle;

    private Request(int downstreamHandle, int bodyHandle) {
        this.downstreamHandle = downstreamHandle;
        this.hostBody = BodyInput.of(bodyHandle);
    }

    private Request(String method, String url) {
        this.downstreamHandle = HttpReqGuest.INVALID_HANDLE;
        this.method = method;
        this.url = url;
        this.headers = new Headers();
    }

    /** The client's request, from the handles the host gave the program. */
    static Request downstream(int req, int body) {
        return new Request(req, body);
    }

    /**
     * A new request to send to a backend.
     *
     * @param method the HTTP method, such as {@code GET}
     * @param url an absolute URL, such as {@code https://example.com/path}
     * @return a request with no headers and an empty body
     * @throws IllegalArgumentException if the method is not an HTTP token or the URL is empty
     * @throws NullPointerException if an argument is null
     */
    public static Request of(String method, String url) {
        return new Request(checkMethod(method), checkUrl(url));
    }

    /**
     * A new {@code GET} request.
     *
     * @param url an absolute URL
     * @return the request
     * @throws IllegalArgumentException if the URL is empty
     * @throws NullPointerException if {@code url} is null
     */
    public static Request get(String url) {
        return of("GET", url);
    }

    /**
     * A new {@code POST} request; give it a body with {@link #body(byte[])} or {@link #body(String)}.
     *
     * @param url an absolute URL
     * @return the request
     * @throws IllegalArgumentException if the URL is empty
     * @throws NullPointerException if {@code url} is null
     */
    public static Request post(String url) {
        return of("POST", url);
    }

    /**
     * A new {@code PUT} request.
     *
     * @param url an absolute URL
     * @return the request
     * @throws IllegalArgumentException if the URL is empty
     * @throws NullPointerException if {@code url} is null
     */
    public static Request put(String url) {
        return of("PUT", url);
    }

    /**
     * A new {@code DELETE} request.
     *
     * @param url an absolute URL
     * @return the request
     * @throws IllegalArgumentException if the URL is empty
     * @throws NullPointerException if {@code url} is null
     */
    public static Request delete(String url) {
        return of("DELETE", url);
    }

    /**
     * The URL as a value, to read its parts and query parameters and make a changed one for {@link #url(Url)}.
     *
     * @return the URL's value
     */
    public Url parsedUrl() {
        return Url.parse(url());
    }

    /**
     * Sets the URL from a value, such as one {@link #parsedUrl()} gave and a change made.
     *
     * <pre>{@code
     * request.url(request.parsedUrl().path("/v2/items").queryParam("limit", "10"));
     * }</pre>
     *
     * @param url the URL
     * @return this request
     * @throws IllegalArgumentException if the URL's text is empty or holds spaces or control characters
     * @throws NullPointerException if {@code url} is null
     */
    public Request url(Url url) {
        return url(Objects.requireNonNull(url, "url").toString());
    }

    /**
     * The decoded value of the URL's first query parameter with this name, as {@link Url#queryParam(String)}.
     *
     * @param name the parameter's name
     * @return the value, or empty when the query has no such parameter
     * @throws NullPointerException if {@code name} is null
     */
    public Optional<String> queryParam(String name) {
        return parsedUrl().queryParam(name);
    }

    /**
     * Overrides the TTL of a cacheable response to this request, keeping the other {@link #cacheOptions()}: the
     * one-line form of {@code cacheOptions(cacheOptions().toBuilder().ttl(ttl).build())}.
     *
     * @param ttl the TTL, from zero up to 2^32-1 seconds
     * @return this request
     * @throws IllegalArgumentException if {@code ttl} is negative or too large
     * @throws NullPointerException if {@code ttl} is null
     */
    public Request cacheTtl(java.time.Duration ttl) {
        return cacheOptions(cacheOptions.toBuilder().ttl(ttl).build());
    }

    /**
     * The HTTP method.
     *
     * @return the method, such as {@code GET}
     */
    public String method() {
        if (method == null) {
            String m = HttpReqGuest.method(downstreamHandle);
            method = m == null ? "GET" : m;
        }
        return method;
    }

    /**
     * Sets the HTTP method.
     *
     * @param method the method, an HTTP token
     * @return this request
     * @throws IllegalArgumentException if {@code method} is not an HTTP token
     * @throws NullPointerException if {@code method} is null
     */
    public Request method(String method) {
        this.method = checkMethod(method);
        return this;
    }

    /**
     * The full URL, such as {@code https://example.com/path?q=1}.
     *
     * @return the URL
     */
    public String url() {
        if (url == null) {
            String u = HttpReqGuest.uri(downstreamHandle);
            url = u == null ? "/" : u;
        }
        return url;
    }

    /**
     * Sets the URL.
     *
     * @param url an absolute URL
     * @return this request
     * @throws IllegalArgumentException if {@code url} is empty or holds spaces or control characters
     * @throws NullPointerException if {@code url} is null
     */
    public Request url(String url) {
        this.url = checkUrl(url);
        return this;
    }

    /**
     * The path of the URL, without the query: {@code /a/b} for {@code https://h/a/b?x}.
     *
     * @return the path, {@code /} when the URL has none
     */
    public String path() {
        String u = url();
        int start = pathStart(u);
        int end = u.indexOf('?', start);
        int hash = u.indexOf('#', start);
        if (end < 0 || hash >= 0 && hash < end) {
            end = hash;
        }
        String path = end < 0 ? u.substring(start) : u.substring(start, end);
        return path.isEmpty() ? "/" : path;
    }

    /**
     * The query of the URL, without the {@code ?}.
     *
     * @return the query, or empty when the URL has none
     */
    public Optional<String> query() {
        String u = url();
        int q = u.indexOf('?', pathStart(u));
        if (q < 0) {
            return Optional.empty();
        }
        int hash = u.indexOf('#', q);
        return Optional.of(hash < 0 ? u.substring(q + 1) : u.substring(q + 1, hash));
    }

    /**
     * The host of the URL, such as {@code example.com} or {@code example.com:8080}.
     *
     * @return the host, or empty for a URL without one
     */
    public Optional<String> host() {
        String u = url();
        int scheme = u.indexOf("://");
        if (scheme < 0) {
            return Optional.empty();
        }
        int start = scheme + 3;
        int end = pathStart(u);
        return end > start ? Optional.of(u.substring(start, end)) : Optional.empty();
    }

    /**
     * The header fields; changes to them apply to this request.
     *
     * @return the live headers
     */
    public Headers headers() {
        if (headers == null) {
            headers = HostHeaders.readRequest(downstreamHandle);
        }
        return headers;
    }

    /**
     * The readthrough cache overrides for {@link #send(String)}.
     *
     * @return the options, {@link CacheOptions#DEFAULT} unless set
     */
    public CacheOptions cacheOptions() {
        return cacheOptions;
    }

    /**
     * Sets the readthrough cache overrides used when this request is sent.
     *
     * @param options the overrides
     * @return this request
     * @throws NullPointerException if {@code options} is null
     */
    public Request cacheOptions(CacheOptions options) {
        this.cacheOptions = Objects.requireNonNull(options, "options");
        return this;
    }

    /**
     * The body, streamed from the host as it is read. A request built with {@link #of} has the body given to
     * {@link #body(byte[])}, or none.
     *
     * @return the body stream
     */
    public InputStream body() {
        if (hostBody != null) {
            return hostBody;
        }
        if (streamBody != null) {
            return streamBody;
        }
        return new java.io.ByteArrayInputStream(bytesBody == null ? NO_BYTES : bytesBody);
    }

    /**
     * Replaces the body.
     *
     * @param bytes the new body, used as is (not copied)
     * @return this request
     * @throws NullPointerException if {@code bytes} is null
     */
    public Request body(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        discardHostBody();
        this.bytesBody = bytes;
        return this;
    }

    /**
     * Replaces the body with a stream, read when the request is sent. A body the host holds (a backend {@link
     * Response#body()}, the client's {@link #body()}) is passed on without copying it through the program; any
     * other stream is streamed to the backend as it is read, in bounded memory (with {@link
     * CacheOptions.Builder#beforeSend before/after-send hooks} it is read into memory first).
     *
     * <pre>{@code
     * try (Response upstream = Request.get("https://a.example/big").send("a")) {
     *     Request.of("PUT", "https://b.example/copy").body(upstream.body()).send("b");
     * }
     * }</pre>
     *
     * @param in the new body; this request owns it from now on
     * @return this request
     * @throws NullPointerException if {@code in} is null
     */
    public Request body(InputStream in) {
        Objects.requireNonNull(in, "in");
        if (in == hostBody || in == streamBody) {
            return this;
        }
        discardHostBody();
        if (in instanceof BodyInput && ((BodyInput) in).open()) {
            hostBody = (BodyInput) in;
            bytesBody = null;
        } else {
            streamBody = in;
            streamSend = StreamedSend.FLOW;
            bytesBody = NO_BYTES;
        }
        return this;
    }

    /**
     * Replaces the body with UTF-8 text.
     *
     * @param text the new body
     * @return this request
     * @throws NullPointerException if {@code text} is null
     */
    public Request body(String text) {
        return body(Text.utf8(Objects.requireNonNull(text, "text")));
    }

    /**
     * The client's IP address, for the request the client sent.
     *
     * @return the address in text form ({@code 192.0.2.1} or {@code 2001:db8::1}), or empty for a request
     *     the program built
     */
    public Optional<String> clientAddress() {
        if (downstreamHandle == HttpReqGuest.INVALID_HANDLE) {
            return Optional.empty();
        }
        return Optional.ofNullable(HttpDownstreamGuest.clientAddress(downstreamHandle));
    }

    /**
     * The geolocation of the client's IP address, for the request the client sent.
     *
     * @return the geolocation, or empty for a request the program built or when the host knows nothing of the
     *     address
     * @throws io.github.computejava.ComputeException if the host answers with data that is not a JSON object
     * @throws io.github.computejava.HostcallException if the host fails the lookup
     */
    public Optional<Geo> clientGeo() {
        return clientAddress().flatMap(Geo::lookup);
    }

    /**
     * What the host knows of the client request and its connection: request id, HTTP version, server address,
     * TLS details, client certificate, fingerprints, the DDoS and Fastly-Key flags, the original header names.
     *
     * @return the client's information, or empty for a request the program built
     */
    public Optional<ClientInfo> clientInfo() {
        return downstreamHandle == HttpReqGuest.INVALID_HANDLE
                ? Optional.empty()
                : Optional.of(new ClientInfo(downstreamHandle));
    }

    /**
     * Sends this request to a backend and waits for the response head. The readthrough cache answers when it
     * can, following {@link #cacheOptions()}.
     *
     * <p>The body goes with the request: the client's body is passed on without copying, from wherever reading
     * it stopped (to forward a body you have read, set it again with {@link #body(byte[])}). After sending, the
     * body is consumed; the request's method, URL and headers stay usable.
     *
     * @param backend a backend name defined for the service
     * @return the response; close it (or read its body to the end) when done
     * @throws BackendNotFoundException if the service has no such backend
     * @throws SendErrorException if the request fails before a response arrives
     * @throws NullPointerException if {@code backend} is null
     * @throws IllegalArgumentException if {@code backend} is empty
     */
    public Response send(String backend) {
        Objects.requireNonNull(backend, "backend");
        if (backend.isEmpty()) {
            throw new IllegalArgumentException("backend: must not be empty");
        }
        CacheFlow flow = cacheOptions.flow();
        if (flow == null) {
            flow = streamSend;
        }
        if (flow != null) {
            return flow.send(this, backend);
        }
        return sendHandle(newHostRequest(), backend);
    }

    /**
     * Sends this request to a backend without waiting for the response: the host sends it while the program
     * goes on, through the readthrough cache as {@link #send(String)} does (concurrent misses for one object
     * collapse into one backend request). Send several, then wait for them with {@link PendingRequest#awaitAll}
     * or {@link PendingRequest#select}: the program waits as long as the slowest, not the sum.
     *
     * <p>With {@link CacheOptions.Builder#beforeSend before/after-send hooks} the program drives the cache: the
     * lookup and the before-send hook run in this method (a hit is answered at once), the after-send hook and
     * the storing when the response is taken. A body from
     * {@link #body(InputStream)} that the host does not hold is written to the host before this method returns.
     *
     * @param backend a backend name defined for the service
     * @return the pending request; take its response with {@link PendingRequest#await()}
     * @throws BackendNotFoundException if the service has no such backend
     * @throws NullPointerException if {@code backend} is null
     * @throws IllegalArgumentException if {@code backend} is empty
     */
    public PendingRequest sendAsync(String backend) {
        checkBackend(backend);
        CacheFlow flow = cacheOptions.flow();
        if (flow != null) {
            return flow.sendAsync(this, backend);
        }
        if (streamBody != null) {
            StreamingBody body = sendAsyncStreaming(backend);
            return body.pending();
        }
        return sendHandleAsync(newHostRequest(), backend);
    }

    /** Sends a request handle with this request's body, without waiting. */
    PendingRequest sendHandleAsync(int req, String backend) {
        int body = takeBodyHandle();
        HttpReqGuest.Outcome o = HttpReqGuest.sendAsync(req, body, Text.latin1(backend), false);
        if (!o.ok()) {
            throw SendErrorDetail.toException(o, backend);
        }
        return new PendingRequest(o.pending(), backend);
    }

    /**
     * Sends this request to a backend, as {@link #sendAsync(String)} does with its name.
     *
     * @param backend a backend, such as one from {@link Backend#register}
     * @return the pending request
     * @throws BackendNotFoundException if the service has no such backend
     * @throws NullPointerException if {@code backend} is null
     */
    public PendingRequest sendAsync(Backend backend) {
        return sendAsync(Objects.requireNonNull(backend, "backend").name());
    }

    /**
     * Sends this request to a backend with a body the program keeps writing: the backend receives each chunk as
     * it is written, so an upload of any size is proxied in bounded memory. The body this request had (bytes,
     * or a stream from {@link #body(InputStream)}) goes first; then write to the returned stream, {@link
     * StreamingBody#close() close} it, and take the response from {@link StreamingBody#pending()}. The request
     * goes through the readthrough cache as {@link #send(String)} does.
     *
     * @param backend a backend name defined for the service
     * @return the body stream, open for writing
     * @throws BackendNotFoundException if the service has no such backend
     * @throws UnsupportedOperationException if the request has before/after-send hooks (they need the whole
     *     request before it is sent)
     * @throws java.io.UncheckedIOException if reading a body from {@link #body(InputStream)} fails
     * @throws NullPointerException if {@code backend} is null
     * @throws IllegalArgumentException if {@code backend} is empty
     */
    public StreamingBody sendAsyncStreaming(String backend) {
        checkBackend(backend);
        if (cacheOptions.flow() != null) {
            throw new UnsupportedOperationException(
                    "before/after-send hooks need the whole request: use send or sendAsync for requests with hooks");
        }
        int req = newHostRequest();
        InputStream source = streamBody;
        streamBody = null;
        streamSend = null;
        int body = HttpBodyGuest.create();
        if (hostBody != null && hostBody.open()) {
            HttpBodyGuest.append(body, hostBody.takeHandle());
            hostBody = null;
        } else if (bytesBody != null && bytesBody.length > 0) {
            HttpBodyGuest.writeAll(body, bytesBody, 0, bytesBody.length);
        }
        bytesBody = NO_BYTES;
        HttpReqGuest.Outcome o = HttpReqGuest.sendAsync(req, body, Text.latin1(backend), true);
        if (!o.ok()) {
            HttpBodyGuest.close(body);
            throw SendErrorDetail.toException(o, backend);
        }
        StreamingBody stream = new StreamingBody(body, new PendingRequest(o.pending(), backend));
        if (source != null) {
            try (InputStream in = source) {
                in.transferTo(stream);
            } catch (java.io.IOException e) {
                stream.abandon();
                throw new java.io.UncheckedIOException(e);
            }
            stream.close();
        }
        return stream;
    }

    /**
     * Sends this request with a streaming body, as {@link #sendAsyncStreaming(String)} does with its name.
     *
     * @param backend a backend
     * @return the body stream, open for writing
     * @throws BackendNotFoundException if the service has no such backend
     * @throws NullPointerException if {@code backend} is null
     */
    public StreamingBody sendAsyncStreaming(Backend backend) {
        return sendAsyncStreaming(Objects.requireNonNull(backend, "backend").name());
    }

    private static void checkBackend(String backend) {
        Objects.requireNonNull(backend, "backend");
        if (backend.isEmpty()) {
            throw new IllegalArgumentException("backend: must not be empty");
        }
    }

    /** Sends a request handle with this request's body; the host's readthrough cache answers when it can. */
    Response sendHandle(int req, String backend) {
        int body = takeBodyHandle();
        HttpReqGuest.Outcome o = HttpReqGuest.send(req, body, Text.latin1(backend));
        if (!o.ok()) {
            throw SendErrorDetail.toException(o, backend);
        }
        return new Response(o.response(), o.body(), backend);
    }

    /** Moves this request's body to {@code other}, leaving this one without. */
    void moveBodyTo(Request other) {
        other.discardHostBody();
        other.hostBody = hostBody;
        other.bytesBody = bytesBody;
        other.streamBody = streamBody;
        other.streamSend = streamSend;
        hostBody = null;
        bytesBody = NO_BYTES;
        streamBody = null;
        streamSend = null;
    }

    /**
     * Sends this request to a backend, as {@link #send(String)} does with its name.
     *
     * @param backend a backend, such as one from {@link Backend#register}
     * @return the response; close it (or read its body to the end) when done
     * @throws BackendNotFoundException if the service has no such backend
     * @throws SendErrorException if the request fails before a response arrives
     * @throws NullPointerException if {@code backend} is null
     */
    public Response send(Backend backend) {
        return send(Objects.requireNonNull(backend, "backend").name());
    }

    /**
     * The cookies of the {@code Cookie} headers, in order (invalid pairs are skipped).
     *
     * @return the cookies, names and values only
     */
    public List<Cookie> cookies() {
        List<Cookie> all = new ArrayList<>();
        for (String header : headers().values("Cookie")) {
            all.addAll(Cookie.parseCookieHeader(header));
        }
        return all;
    }

    /**
     * The first cookie with this name.
     *
     * @param name the cookie name
     * @return the cookie, or empty
     * @throws NullPointerException if {@code name} is null
     */
    public Optional<Cookie> cookie(String name) {
        Objects.requireNonNull(name, "name");
        for (Cookie c : cookies()) {
            if (c.name().equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * Adds a cookie's name and value to the {@code Cookie} header (its attributes do not travel in requests).
     *
     * @param cookie the cookie
     * @return this request
     * @throws NullPointerException if {@code cookie} is null
     */
    public Request addCookie(Cookie cookie) {
        Objects.requireNonNull(cookie, "cookie");
        String pair = cookie.name() + "=" + cookie.value();
        Optional<String> existing = headers().get("Cookie");
        headers()
                .set("Cookie", existing.isPresent() && !existing.get().isEmpty() ? existing.get() + "; " + pair : pair);
        return this;
    }

    /**
     * A new request with this one's method, URL, headers, cache options, framing mode and decompression
     * setting, and an empty body.
     * Changes to either do not affect the other.
     *
     * @return the copy
     */
    public Request copy() {
        Request copy = new Request(method(), url());
        copy.headers = headers().copy();
        copy.cacheOptions = cacheOptions;
        copy.manualFraming = manualFraming;
        copy.decompressGzip = decompressGzip;
        return copy;
    }

    /**
     * A copy as {@link #copy()}, with the body too. The unread rest of a streamed body is read into memory
     * first, and this request keeps those bytes as its body.
     *
     * @return the copy
     * @throws java.io.UncheckedIOException if reading the body fails
     */
    public Request copyWithBody() {
        if (hostBody != null || streamBody != null) {
            byte[] bytes;
            try {
                if (streamBody != null) {
                    bytes = streamBody.readAllBytes();
                    streamBody.close();
                } else {
                    bytes = hostBody.open() ? hostBody.readAllBytes() : NO_BYTES;
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            discardHostBody();
            bytesBody = bytes;
        }
        Request copy = copy();
        copy.bytesBody = bytesBody == null ? NO_BYTES : bytesBody;
        return copy;
    }

    /**
     * Whether the host takes {@code Content-Length}/{@code Transfer-Encoding} from this request's headers.
     *
     * @return true for manual framing
     */
    public boolean manualFraming() {
        return manualFraming;
    }

    /**
     * Sets the framing mode for sending: by default the host frames the body and drops the program's {@code
     * Content-Length} and {@code Transfer-Encoding}; with manual framing it sends the ones the program set (and
     * frames automatically if they do not describe the body).
     *
     * @param manual true for manual framing
     * @return this request
     */
    public Request manualFraming(boolean manual) {
        this.manualFraming = manual;
        return this;
    }

    /**
     * Whether a gzip-encoded backend response to this request reaches the program decompressed.
     *
     * @return true when set with {@link #decompressGzip(boolean)}
     */
    public boolean decompressGzip() {
        return decompressGzip;
    }

    /**
     * Asks the host to decompress the backend's response when it is gzip-encoded ({@code Content-Encoding:
     * gzip}), as Go's {@code DecompressResponseOptions{Gzip: true}}: the program then reads the decompressed
     * body, and the response has no {@code Content-Encoding} nor {@code Content-Length}. Other responses are
     * untouched.
     *
     * <pre>{@code
     * Response r = Request.get("https://api.example.com/data").decompressGzip(true).send("api");
     * }</pre>
     *
     * @param gzip true to decompress gzip responses
     * @return this request
     */
    public Request decompressGzip(boolean gzip) {
        this.decompressGzip = gzip;
        return this;
    }

    int newHostRequest() {
        int req = HttpReqGuest.create(method(), url());
        HostHeaders.writeRequest(req, headers());
        if (manualFraming || decompressGzip) {
            HttpReqGuest.sendModes(req, manualFraming, decompressGzip);
        }
        CacheOptions o = cacheOptions;
        if (!o.isDefault()) {
            int tag = 0;
            int ttl = 0;
            int swr = 0;
            if (o.pass()) {
                tag |= HttpReqGuest.CacheOverride.PASS;
            }
            if (o.ttl().isPresent()) {
                tag |= HttpReqGuest.CacheOverride.TTL;
                ttl = (int) o.ttl().get().getSeconds();
            }
            if (o.staleWhileRevalidate().isPresent()) {
                tag |= HttpReqGuest.CacheOverride.STALE_WHILE_REVALIDATE;
                swr = (int) o.staleWhileRevalidate().get().getSeconds();
            }
            if (o.pci()) {
                tag |= HttpReqGuest.CacheOverride.PCI;
            }
            byte[] sk =
                    o.surrogateKey().isPresent() ? Text.latin1(o.surrogateKey().get()) : NO_BYTES;
            HttpReqGuest.cacheOverride(req, tag, ttl, swr, sk);
        }
        byte[] key = o.overrideKeyBytes();
        if (key != null) {
            HttpReqGuest.insertHeader(req, CACHE_KEY_HEADER, hex(key));
        }
        return req;
    }

    /** Upper-case hex, as the host reads a key override from {@link #CACHE_KEY_HEADER}. */
    static String hex(byte[] key) {
        char[] out = new char[key.length * 2];
        for (int i = 0; i < key.length; i++) {
            out[2 * i] = HEX_DIGITS.charAt((key[i] >> 4) & 0xF);
            out[2 * i + 1] = HEX_DIGITS.charAt(key[i] & 0xF);
        }
        return new String(out);
    }

    /** For the hooks' cache flow, which sends a whole body: reads a stream body into memory. */
    void readStreamBody() {
        if (streamBody != null) {
            try (InputStream in = streamBody) {
                bytesBody = in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            streamBody = null;
            streamSend = null;
        }
    }

    int takeBodyHandle() {
        if (hostBody != null && hostBody.open()) {
            int handle = hostBody.takeHandle();
            hostBody = null;
            bytesBody = NO_BYTES;
            return handle;
        }
        int handle = HttpBodyGuest.create();
        byte[] bytes = bytesBody == null ? NO_BYTES : bytesBody;
        HttpBodyGuest.writeAll(handle, bytes, 0, bytes.length);
        return handle;
    }

    private void discardHostBody() {
        if (hostBody != null) {
            hostBody.close();
            hostBody = null;
        }
        streamBody = null;
        streamSend = null;
    }

    private static int pathStart(String u) {
        int scheme = u.indexOf("://");
        if (scheme < 0) {
            return 0;
        }
        int i = scheme + 3;
        while (i < u.length() && "/?#".indexOf(u.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    private static String checkMethod(String method) {
        Objects.requireNonNull(method, "method");
        if (method.isEmpty()) {
            throw new IllegalArgumentException("method: must not be empty");
        }
        for (int i = 0; i < method.length(); i++) {
            if (!Text.isTokenChar(method.charAt(i))) {
                throw new IllegalArgumentException("method: '" + method + "' is not a valid HTTP method");
            }
        }
        return method;
    }

    private static String checkUrl(String url) {
        Objects.requireNonNull(url, "url");
        if (url.isEmpty()) {
            throw new IllegalArgumentException("url: must not be empty");
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c == 0x7F) {
                throw new IllegalArgumentException("url: must not contain spaces or control characters");
            }
        }
        return url;
    }

    @Override
    public String toString() {
        return method() + " " + url();
    }
}
