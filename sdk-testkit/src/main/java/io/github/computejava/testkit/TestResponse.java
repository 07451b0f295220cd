package io.github.computejava.testkit;

import io.github.computejava.fsthttp.Headers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The response the program sent for a {@link TestRequest}, as a client receives it: status, headers (with the
 * framing headers the host adds), the whole body, and what the program threw, if anything.
 */
public final class TestResponse {
    private final String request;
    private final boolean responded;
    private final int status;
    private final Headers headers;
    private final byte[] body;
    private final boolean streamed;
    private final boolean complete;
    private final List<Throwable> uncaught;

    TestResponse(
            String request,
            boolean responded,
            int status,
            Headers headers,
            byte[] body,
            boolean streamed,
            boolean complete,
            List<Throwable> uncaught) {
        this.request = request;
        this.responded = responded;
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.streamed = streamed;
        this.complete = complete;
        this.uncaught = List.copyOf(uncaught);
    }

    /**
     * The status code.
     *
     * @return the status; when the program sent no response, 200 after a normal end and 500 after a failure (as
     *     Fastly's local tools answer)
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
        return headers.get(name);
    }

    /**
     * The body bytes the client received.
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

    /**
     * Whether the program sent a response itself (the host answers for it otherwise).
     *
     * @return true when the program sent one
     */
    public boolean responded() {
        return responded;
    }

    /**
     * Whether the body was streamed (the head went out before the body was complete).
     *
     * @return true for a streamed response
     */
    public boolean streamed() {
        return streamed;
    }

    /**
     * Whether the body ended normally; false when the program abandoned the stream (after a failure).
     *
     * @return true for a complete body
     */
    public boolean complete() {
        return complete;
    }

    /**
     * What the program threw out of its handler or {@code main}, in order.
     *
     * @return an unmodifiable list, empty when nothing was thrown
     */
    public List<Throwable> uncaught() {
        return uncaught;
    }

    /**
     * Fluent assertions on this response.
     *
     * @return the assertions
     */
    public ResponseAssert assertThat() {
        return new ResponseAssert(this);
    }

    /** The request line this response answers, for messages. */
    String request() {
        return request;
    }

    @Override
    public String toString() {
        return "TestResponse{" + request + " -> " + status + ", " + body.length + " body bytes}";
    }
}
