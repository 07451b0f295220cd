package io.github.computejava.fsthttp;

import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.FramingHeadersMode;
import io.github.computejava.abi.Hostcalls;
import io.github.computejava.internal.Statuses;
import io.github.computejava.internal.Text;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The response to the client, written by the {@link Handler}.
 *
 * <p>Set the status and headers, then write the body. Small bodies are buffered and sent whole, with a
 * {@code Content-Length}; once more than {@value #BUFFER_SIZE} bytes are written, or on {@link #flush()}, the
 * head goes out and the body streams to the client as it is written. From then on the status and headers can
 * no longer change. {@link Compute#serve} closes the writer when the handler returns.
 */
public final class ResponseWriter implements AutoCloseable {
    /** Bytes buffered before the response starts streaming. */
    public static final int BUFFER_SIZE = 8192;

    private final Hostcalls calls;
    private final Headers headers = new Headers();
    private final Output output = new Output();
    private int status = 200;
    private byte[] buffer;
    private int buffered;
    private int streamingBody = FastlyStatus.INVALID_HANDLE;
    private boolean committed;
    private boolean closed;
    private boolean manualFraming;

    ResponseWriter(Hostcalls calls) {
        this.calls = calls;
    }

    /**
     * The response headers; change them before the response is committed.
     *
     * @return the live headers
     */
    public Headers headers() {
        return headers;
    }

    /**
     * The status code that will be (or was) sent.
     *
     * @return the status, 200 unless set
     */
    public int status() {
        return status;
    }

    /**
     * Sets the status code.
     *
     * @param status an HTTP status from 100 to 999
     * @return this writer
     * @throws InvalidStatusException if {@code status} is outside 100..999
     * @throws IllegalStateException if the response is already committed
     */
    public ResponseWriter status(int status) {
        checkStatus(status);
        checkNotCommitted("status");
        this.status = status;
        return this;
    }

    /**
     * Sets the status and sends the head to the client at once, as Go's {@code WriteHeader} does; the body
     * then streams.
     *
     * <p>The host sends no informational head (1xx) but {@code 103 Early Hints}, and that one through {@link
     * #sendEarlyHints}: another 1xx is refused ({@code inval}) and reaches nobody. The writer is then spent, and
     * the client gets the host's answer for a program that sent no response.
     *
     * @param status an HTTP status from 100 to 999
     * @throws InvalidStatusException if {@code status} is outside 100..999
     * @throws IllegalStateException if the response is already committed
     * @throws io.github.computejava.HostcallException if the host refuses the head, as it does an informational
     *     status other than 103
     */
    public void writeHeader(int status) {
        status(status);
        commitStreaming();
    }

    /**
     * Whether the head has gone to the client.
     *
     * @return true once committed
     */
    public boolean committed() {
        return committed;
    }

    /**
     * The body as a stream. Writes are buffered as described above; {@code close()} on the stream closes this
     * writer.
     *
     * @return the body stream
     */
    public OutputStream body() {
        return output;
    }

    /**
     * Writes bytes to the body.
     *
     * @param bytes the bytes
     * @return this writer
     * @throws IllegalStateException if the writer is closed
     * @throws NullPointerException if {@code bytes} is null
     */
    public ResponseWriter write(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        write(bytes, 0, bytes.length);
        return this;
    }

    /**
     * Writes UTF-8 text to the body.
     *
     * @param text the text
     * @return this writer
     * @throws IllegalStateException if the writer is closed
     * @throws NullPointerException if {@code text} is null
     */
    public ResponseWriter write(String text) {
        return write(Text.utf8(Objects.requireNonNull(text, "text")));
    }

    /**
     * Sends the head if not yet sent, and every buffered byte.
     *
     * @throws IllegalStateException if the writer is closed
     */
    public void flush() {
        checkOpen();
        commitStreaming();
        flushBuffer();
    }

    /**
     * Appends a backend response's body to this body without copying it through the program.
     *
     * @param response the response whose body to append; it is closed afterwards
     * @throws IllegalStateException if the writer is closed or the response body was already read
     * @throws NullPointerException if {@code response} is null
     */
    public void append(Response response) {
        Objects.requireNonNull(response, "response");
        checkOpen();
        commitStreaming();
        flushBuffer();
        int src = response.takeBodyHandle();
        Statuses.check(calls.httpBody().append(streamingBody, src), "fastly_http_body.append");
        response.close();
    }

    /**
     * Sends a backend response to the client as it is: its status, headers (with any changes made through
     * {@link Response#headers()}) and body, without copying the body through the program. The writer is then
     * closed.
     *
     * @param response the response to send
     * @throws IllegalStateException if this response is already committed or the body was already read
     * @throws NullPointerException if {@code response} is null
     */
    public void send(Response response) {
        Objects.requireNonNull(response, "response");
        checkNotCommitted("send");
        int[] handles = response.takeHandles();
        committed = true;
        closed = true;
        Statuses.check(calls.httpResp().sendDownstream(handles[0], handles[1], 0), "fastly_http_resp.send_downstream");
    }

    /**
     * Adds a {@code Set-Cookie} header for the cookie.
     *
     * @param cookie the cookie
     * @return this writer
     * @throws IllegalStateException if the response is already committed
     * @throws NullPointerException if {@code cookie} is null
     */
    public ResponseWriter setCookie(Cookie cookie) {
        Objects.requireNonNull(cookie, "cookie");
        checkNotCommitted("setCookie");
        headers.add("Set-Cookie", cookie.toSetCookie());
        return this;
    }

    /**
     * Sets the framing mode: by default the host frames the body and drops the program's {@code
     * Content-Length} and {@code Transfer-Encoding}; with manual framing it sends the ones the program set (and
     * frames automatically if they do not describe the body).
     *
     * @param manual true for manual framing
     * @return this writer
     * @throws IllegalStateException if the response is already committed
     */
    public ResponseWriter manualFraming(boolean manual) {
        checkNotCommitted("manualFraming");
        this.manualFraming = manual;
        return this;
    }

    /**
     * Answers with a plain-text error, as Go's {@code fsthttp.Error}: the status, {@code Content-Type:
     * text/plain; charset=utf-8}, {@code X-Content-Type-Options: nosniff} and the message with a newline. Other
     * headers already set are kept.
     *
     * @param status the status, 100..999
     * @param message the message
     * @throws InvalidStatusException if {@code status} is outside 100..999
     * @throws IllegalStateException if the response is already committed
     * @throws NullPointerException if {@code message} is null
     */
    public void error(int status, String message) {
        Objects.requireNonNull(message, "message");
        status(status);
        buffered = 0;
        headers.set("Content-Type", "text/plain; charset=utf-8");
        headers.set("X-Content-Type-Options", "nosniff");
        write(message + "\n");
        close();
    }

    /**
     * Answers {@code 404 Not Found} with a plain-text body.
     *
     * @throws IllegalStateException if the response is already committed
     */
    public void notFound() {
        error(404, "Not Found");
    }

    /**
     * Answers with a redirect to {@code location} and an empty body.
     *
     * @param location the URL to go to
     * @param status a 3xx status, such as 301, 302, 303, 307 or 308
     * @throws IllegalArgumentException if {@code status} is not 3xx or {@code location} holds CR, LF or NUL
     * @throws IllegalStateException if the response is already committed
     * @throws NullPointerException if {@code location} is null
     */
    public void redirect(String location, int status) {
        Objects.requireNonNull(location, "location");
        if (status < 300 || status > 399) {
            throw new IllegalArgumentException("status: a redirect is 3xx, got " + status);
        }
        status(status);
        headers.set("Location", location);
        buffered = 0;
        close();
    }

    /**
     * Trailer fields for the end of the body, or null when none were added; set only by {@link #addTrailer}, so a
     * program that adds none does not link the code that sends them.
     */
    private Trailers trailers;

    /**
     * Adds a trailer field, sent after the body's last byte (HTTP/1.1 chunked trailers, as Go's {@code
     * ResponseWriter} trailers): a response with trailers streams, whatever its size. Trailers may be added until
     * the writer is closed, so a checksum of what was written can go last.
     *
     * <pre>{@code
     * w.write(page);
     * w.addTrailer("Server-Timing", "render;dur=" + millis);
     * }</pre>
     *
     * @param name the field name, an HTTP token
     * @param value the field value
     * @return this writer
     * @throws IllegalArgumentException if the name is not a token or the value holds CR, LF or NUL
     * @throws IllegalStateException if the writer is closed
     * @throws NullPointerException if an argument is null
     */
    public ResponseWriter addTrailer(String name, String value) {
        checkOpen();
        if (trailers == null) {
            trailers = new TrailerFields();
        }
        trailers.add(name, value);
        return this;
    }

    /**
     * Sends a {@code 103 Early Hints} response to the client now, ahead of the final one, so that it can start
     * fetching what the page will need while the program still works on it (as Go's {@code WriteHeader(103)}):
     *
     * <pre>{@code
     * w.sendEarlyHints(new Headers().add("Link", "</style.css>; rel=preload; as=style"));
     * try (Response page = request.send("origin")) { w.send(page); }
     * }</pre>
     *
     * <p>It may be sent several times; each goes out as given, without framing headers. The writer's own status
     * and headers are untouched. A client over HTTP/1.0 does not get them.
     *
     * @param hints the header fields of the 103 response, typically {@code Link} preloads
     * @return this writer
     * @throws IllegalStateException if the response head was already sent
     * @throws UnsupportedOperationException if the host does not send early hints
     * @throws NullPointerException if {@code hints} is null
     */
    public ResponseWriter sendEarlyHints(Headers hints) {
        Objects.requireNonNull(hints, "hints");
        checkNotCommitted("sendEarlyHints");
        java.util.List<String[]> fields = new java.util.ArrayList<>();
        for (String name : hints.names()) {
            for (String value : hints.values(name)) {
                fields.add(new String[] {name, value});
            }
        }
        io.github.computejava.internal.guest.HttpRespGuest.sendEarlyHints(fields);
        return this;
    }

    /**
     * Finishes the response: sends it whole if nothing was sent yet, or ends the stream. Closing twice is
     * harmless.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (trailers != null && !committed) {
            // trailers follow a chunked body: the response streams instead of going whole
            commitStreaming();
        }
        if (!committed) {
            closed = true;
            committed = true;
            int resp = newResponse();
            int[] body = new int[1];
            Statuses.check(calls.httpBody().new_(body), "fastly_http_body.new");
            if (buffered > 0) {
                BodyOutput.writeAll(calls, body[0], buffer, 0, buffered);
                buffered = 0;
            }
            Statuses.check(calls.httpResp().sendDownstream(resp, body[0], 0), "fastly_http_resp.send_downstream");
            return;
        }
        flushBuffer();
        closed = true;
        if (trailers != null) {
            trailers.appendTo(streamingBody);
        }
        Statuses.check(calls.httpBody().close(streamingBody), "fastly_http_body.close");
    }

    /**
     * Ends the response after a failure: a 500 if nothing was sent, otherwise the stream is abandoned so the
     * client sees an incomplete body rather than a truncated success.
     */
    void fail() {
        if (closed) {
            return;
        }
        if (!committed) {
            buffered = 0;
            headers.clear();
            headers.set("content-type", "text/plain; charset=utf-8");
            status = 500;
            write(Text.utf8("Internal Server Error\n"));
            close();
            return;
        }
        closed = true;
        calls.httpBody().abandon(streamingBody);
    }

    private void write(byte[] b, int off, int len) {
        checkOpen();
        if (committed) {
            if (buffered + len <= BUFFER_SIZE) {
                copyToBuffer(b, off, len);
                return;
            }
            flushBuffer();
            BodyOutput.writeAll(calls, streamingBody, b, off, len);
            return;
        }
        if (buffered + len <= BUFFER_SIZE) {
            copyToBuffer(b, off, len);
            return;
        }
        commitStreaming();
        flushBuffer();
        BodyOutput.writeAll(calls, streamingBody, b, off, len);
    }

    private void copyToBuffer(byte[] b, int off, int len) {
        if (buffer == null) {
            buffer = new byte[BUFFER_SIZE];
        }
        System.arraycopy(b, off, buffer, buffered, len);
        buffered += len;
    }

    private void flushBuffer() {
        if (buffered > 0) {
            BodyOutput.writeAll(calls, streamingBody, buffer, 0, buffered);
            buffered = 0;
        }
    }

    private void commitStreaming() {
        if (committed) {
            return;
        }
        committed = true;
        int resp = newResponse();
        int[] body = new int[1];
        Statuses.check(calls.httpBody().new_(body), "fastly_http_body.new");
        streamingBody = body[0];
        Statuses.check(calls.httpResp().sendDownstream(resp, streamingBody, 1), "fastly_http_resp.send_downstream");
    }

    private int newResponse() {
        int[] out = new int[1];
        Statuses.check(calls.httpResp().new_(out), "fastly_http_resp.new");
        int resp = out[0];
        int s = calls.httpResp().statusSet(resp, status);
        if (s == FastlyStatus.HTTPINVALIDSTATUS || s == FastlyStatus.INVAL) {
            throw new InvalidStatusException(status);
        }
        Statuses.check(s, "fastly_http_resp.status_set");
        HostHeaders.writeResponse(calls, resp, headers);
        if (manualFraming) {
            Statuses.check(
                    calls.httpResp().framingHeadersModeSet(resp, FramingHeadersMode.MANUALLY_FROM_HEADERS),
                    "fastly_http_resp.framing_headers_mode_set");
        }
        return resp;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("response writer is closed");
        }
    }

    private void checkNotCommitted(String what) {
        checkOpen();
        if (committed) {
            throw new IllegalStateException(what + ": the response head was already sent to the client");
        }
    }

    static void checkStatus(int status) {
        if (status < 100 || status > 999) {
            throw new InvalidStatusException(status);
        }
    }

    /** The body stream view of this writer. */
    private final class Output extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            ResponseWriter.this.write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            ResponseWriter.this.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            if (!closed) {
                ResponseWriter.this.flush();
            }
        }

        @Override
        public void close() throws IOException {
            ResponseWriter.this.close();
        }
    }
}
