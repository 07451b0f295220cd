package io.github.computejava.fsthttp;

import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.Hostcalls;
import io.github.computejava.internal.BodyInput;
import io.github.computejava.internal.Host;
import io.github.computejava.internal.Statuses;
import io.github.computejava.internal.Text;
import io.github.computejava.internal.guest.HttpBodyGuest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A response from a backend (or from the readthrough cache): status, headers and a body streamed from the
 * host. A 4xx or 5xx is a normal response, not an exception.
 *
 * <p>Close it when done: that releases the body on the host. Reading the body to its end does not release it,
 * so the backend's {@link #trailers()} stay readable until the response is closed.
 */
public final class Response implements AutoCloseable {
    private final Hostcalls calls;
    private final int handle;
    private final String backend;
    private BodyInput body;
    private int status = -1;
    private Headers headers;
    private boolean closed;
    private boolean handedOver;

    Response(Hostcalls calls, int handle, int bodyHandle, String backend) {
        this.calls = calls;
        this.handle = handle;
        this.backend = backend;
        this.body = BodyInput.of(calls, bodyHandle);
    }

    /** A response whose handles the host handed over (a pending request's), on the running program's host. */
    static Response ofHandles(int handle, int bodyHandle, String backend) {
        return new Response(Host.calls(), handle, bodyHandle, backend);
    }

    /**
     * The HTTP status code.
     *
     * @return the status, such as 200
     * @throws IllegalStateException if the response is closed
     */
    public int status() {
        checkOpen();
        if (status < 0) {
            int[] out = new int[1];
            Statuses.check(calls.httpResp().statusGet(handle, out), "fastly_http_resp.status_get");
            status = out[0] & 0xFFFF;
        }
        return status;
    }

    /**
     * The header fields. Changing them changes only this object's view (and what {@link
     * ResponseWriter#send(Response)} sends on).
     *
     * @return the live headers
     * @throws IllegalStateException if the response is closed
     */
    public Headers headers() {
        checkOpen();
        if (headers == null) {
            headers = HostHeaders.readResponse(calls, handle);
        }
        return headers;
    }

    /**
     * The body, read from the host in chunks as the stream is read.
     *
     * @return the body stream
     * @throws IllegalStateException if the response is closed or its body was handed on
     */
    public InputStream body() {
        checkOpen();
        return body;
    }

    /**
     * Reads the whole body as UTF-8 text.
     *
     * @return the body text
     * @throws IllegalStateException if the response is closed
     * @throws UncheckedIOException if reading fails
     */
    public String bodyText() {
        try {
            byte[] bytes = body().readAllBytes();
            return Text.utf8(bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The trailer fields the backend sent after the body's last byte (HTTP/1.1 chunked trailers or HTTP/2
     * trailing headers), as Fastly's {@code trailer_names_get} and {@code trailer_values_get} report them (Go's
     * {@code Response.Trailers}).
     *
     * <p>The host knows them once the body was read to its end, so read it first ({@link #bodyText()}, or {@link
     * #body()} until it returns -1): before that the host answers {@code again}, which Go reports as {@code
     * ErrTrailersNotReady} and this as an {@link IllegalStateException}. The fields are then readable until the
     * response is closed. Each call reads
     * them from the host again, into a new object.
     *
     * @return the trailer fields, empty when the backend sent none
     * @throws IllegalStateException if the body has not been read to its end yet, or the response or its body
     *     was closed or handed on (the trailers went with the body)
     */
    public Headers trailers() {
        checkOpen();
        if (!body.open()) {
            throw new IllegalStateException("the response body was closed or handed on, and its trailers with it");
        }
        Headers fields = new Headers();
        if (!HttpBodyGuest.readTrailers(body.handle(), fields::addTrusted)) {
            throw new IllegalStateException(
                    "the trailers are known once the body was read to its end: read body() until -1, or call"
                            + " bodyText(), first");
        }
        return fields;
    }

    /**
     * The cookies of the {@code Set-Cookie} headers, in order (values that do not parse are skipped).
     *
     * @return the cookies
     * @throws IllegalStateException if the response is closed
     */
    public List<Cookie> cookies() {
        List<Cookie> cookies = new ArrayList<>();
        for (String header : headers().values("Set-Cookie")) {
            Cookie.parseSetCookie(header).ifPresent(cookies::add);
        }
        return cookies;
    }

    /**
     * The backend that produced this response.
     *
     * @return the backend name, or empty for a response built by the program
     */
    public Optional<String> backend() {
        return Optional.ofNullable(backend);
    }

    /**
     * Hands the response and body handles to the host (for sending downstream), after writing back any header
     * changes made through {@link #headers()}; this object is then closed.
     */
    int[] takeHandles() {
        checkOpen();
        if (headers != null) {
            Headers original = HostHeaders.readResponse(calls, handle);
            for (String name : original.names()) {
                if (!headers.contains(name)) {
                    Statuses.check(
                            calls.httpResp().headerRemove(handle, Text.latin1(name)), "fastly_http_resp.header_remove");
                }
            }
            HostHeaders.writeResponse(calls, handle, headers);
        }
        if (!body.open()) {
            throw new IllegalStateException("the response body was already read or closed");
        }
        handedOver = true;
        closed = true;
        return new int[] {handle, body.takeHandle()};
    }

    /** The body handle, for appending it to another body; this response is then closed. */
    int takeBodyHandle() {
        return takeHandles()[1];
    }

    int handle() {
        return handle;
    }

    /** Releases the body and the response on the host. Closing twice is harmless. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!handedOver) {
            body.close();
            int s = calls.httpResp().close(handle);
            if (s != FastlyStatus.OK && s != FastlyStatus.BADF) {
                throw Statuses.toException(s, "fastly_http_resp.close");
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("response is closed");
        }
    }

    // ---- cache facts

    /** What the HTTP cache API told of this response, when it came from the cache through it; else null. */
    private CacheFacts cacheFacts;

    /** Keeps what the HTTP cache API told of this response (a stored response {@link GuestCache} returned). */
    void cacheFacts(CacheFacts facts) {
        this.cacheFacts = facts;
    }

    /**
     * Whether the response came from the cache rather than fresh from the backend (as Go's {@code
     * Response.FromCache}). A response the host's readthrough cache answered says so with its {@code X-Cache: HIT}
     * header, which this reads; one the program's HTTP cache API flow returned (see {@link
     * CacheOptions.Builder#cacheFacts}) says so with the cache's own answer.
     *
     * @return true for a stored response, a stale one included
     * @throws IllegalStateException if the response is closed
     */
    public boolean fromCache() {
        if (cacheFacts != null) {
            return true;
        }
        return "HIT".equals(headers().get("X-Cache").orElse(null));
    }

    /**
     * How much longer the stored response stays fresh: its max-age less its age, zero once it is stale (Go's
     * {@code Response.TTL}).
     *
     * <p>This and the other cache facts ({@link #age()}, {@link #staleWhileRevalidate()}, {@link #staleIfError()},
     * {@link #vary()}, {@link #surrogateKeys()}, {@link #maskedError()}) come from Fastly's HTTP cache API, so they
     * are known when the request was sent through it with {@link CacheOptions.Builder#cacheFacts(boolean)}. The
     * host's one-call send reports none (the ABI has no call to ask it), and a response fresh from the backend has
     * none either.
     *
     * @return the remaining freshness, or empty when the facts are not known
     */
    public Optional<java.time.Duration> ttl() {
        return cacheFacts == null ? Optional.empty() : cacheFacts.ttl();
    }

    /**
     * The stored response's age: how long ago the backend produced it, its own {@code Age} included (Go's {@code
     * Response.Age}). Known as {@link #ttl()} says.
     *
     * @return the age, or empty when the facts are not known
     */
    public Optional<java.time.Duration> age() {
        return cacheFacts == null ? Optional.empty() : cacheFacts.age();
    }

    /**
     * How long past its freshness the stored response may be served while it is revalidated. Known as {@link
     * #ttl()} says.
     *
     * @return the stale-while-revalidate period, or empty when the facts are not known
     */
    public Optional<java.time.Duration> staleWhileRevalidate() {
        return cacheFacts == null ? Optional.empty() : cacheFacts.staleWhileRevalidate();
    }

    /**
     * How long past its freshness the stored response may stand in for a failing backend. Known as {@link #ttl()}
     * says.
     *
     * @return the stale-if-error period, or empty when the facts are not known
     */
    public Optional<java.time.Duration> staleIfError() {
        return cacheFacts == null ? Optional.empty() : cacheFacts.staleIfError();
    }

    /**
     * The request header names the stored response varies on, lower case (Go's {@code Response.Vary}). Known as
     * {@link #ttl()} says.
     *
     * @return the names, empty when it varies on nothing or the facts are not known
     */
    public List<String> vary() {
        return cacheFacts == null ? java.util.Collections.emptyList() : cacheFacts.vary();
    }

    /**
     * The surrogate keys the response is stored under (Go's {@code Response.SurrogateKeys}). Known as {@link
     * #ttl()} says.
     *
     * @return the keys, empty when there are none or the facts are not known
     */
    public List<String> surrogateKeys() {
        return cacheFacts == null ? java.util.Collections.emptyList() : cacheFacts.surrogateKeys();
    }

    /**
     * The backend's failure that this stored response stands in for, when stale-if-error served it: the {@link
     * SendErrorException} of a send that failed, the exception of an after-send hook, or a {@link
     * io.github.computejava.ComputeException} naming the 5xx status the backend answered. Known as {@link #ttl()}
     * says.
     *
     * @return the masked failure, or empty when none was masked
     */
    public Optional<RuntimeException> maskedError() {
        return cacheFacts == null ? Optional.empty() : cacheFacts.maskedError();
    }

    @Override
    public String toString() {
        return "Response{status=" + (closed ? "?" : String.valueOf(status())) + ", backend=" + backend + "}";
    }
}
