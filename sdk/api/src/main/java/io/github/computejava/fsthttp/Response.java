package io.github.computejava.fsthttp;

import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.Hostcalls;
import io.github.computejava.internal.BodyInput;
import io.github.computejava.internal.Host;
import io.github.computejava.internal.Statuses;
import io.github.computejava.internal.Text;
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
 * <p>Close it when done; reading the body to its end also releases it.
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

    @Override
    public String toString() {
        return "Response{status=" + (closed ? "?" : String.valueOf(status())) + ", backend=" + backend + "}";
    }
}
