package io.github.computejava.testkit;

import io.github.computejava.fsthttp.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * A response a client is still receiving: its status and headers have arrived, its body is read as the program
 * (and whatever the program relays) produces it. Made by {@link TestRequest#sendStreaming()}, for tests of
 * streaming: a client reading bytes a slow origin is still delivering.
 *
 * <pre>{@code
 * try (StreamingResponse r = host.get("/video").sendStreaming()) {
 *     byte[] first = r.body().readNBytes(1024); // while the origin is still sending the rest
 * }
 * }</pre>
 *
 * <p>The headers are those the program sent (through the Wasm door, those the local server sent over HTTP).
 * Close it when done: closing drops the rest of the body.
 */
public final class StreamingResponse implements AutoCloseable {
    private final String requestLine;
    private final int status;
    private final Headers headers;
    private final InputStream body;
    private boolean closed;

    StreamingResponse(String requestLine, int status, Headers headers, InputStream body) {
        this.requestLine = requestLine;
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /**
     * The status code.
     *
     * @return the status
     */
    public int status() {
        return status;
    }

    /**
     * The header fields.
     *
     * @return a copy of the headers
     */
    public Headers headers() {
        return headers.copy();
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, in any case
     * @return the value, or empty when absent
     * @throws NullPointerException if {@code name} is null
     */
    public Optional<String> header(String name) {
        return headers.get(Objects.requireNonNull(name, "name"));
    }

    /**
     * The body as it arrives: reads block until bytes come, and end at the end of the body; a body the program
     * (or the origin it relays) abandons ends with an {@link IOException}.
     *
     * @return the body stream
     * @throws IllegalStateException if this response is closed
     */
    public synchronized InputStream body() {
        if (closed) {
            throw new IllegalStateException("this response is closed");
        }
        return body;
    }

    /** Drops the rest of the body. Closing twice is harmless. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            body.close();
        } catch (IOException ignored) {
            // the body is dropped either way
        }
    }

    @Override
    public String toString() {
        return requestLine + " -> " + status + " (streaming)";
    }
}
