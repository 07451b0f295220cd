package io.github.computejava.testkit;

import io.github.computejava.fsthttp.Headers;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a {@link RecordedRequest} (a request a backend received) and a {@link TestResponse} (a response a client
 * received) have alike: header fields and a body, read the same way.
 */
abstract class HttpMessage {
    private final Headers headers;
    private final byte[] body;

    HttpMessage(Headers headers, byte[] body) {
        this.headers = headers;
        this.body = body;
    }

    /**
     * The header fields as they were received.
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
        return headers.get(name);
    }

    /**
     * The body bytes as they were received.
     *
     * @return a copy of the bytes
     */
    public byte[] body() {
        return body.clone();
    }

    /**
     * The body as UTF-8 text.
     *
     * @return the text
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body's length, without copying it. */
    int bodyLength() {
        return body.length;
    }
}
