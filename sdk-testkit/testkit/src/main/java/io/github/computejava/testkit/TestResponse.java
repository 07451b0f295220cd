package io.github.computejava.testkit;

import io.github.computejava.fsthttp.Headers;
import io.github.computejava.host.ResourceUsage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The response the program sent for a {@link TestRequest}, as a client receives it: status, headers (with the
 * framing headers the host adds), the whole body, and what the program threw, if anything.
 */
public final class TestResponse extends HttpMessage {
    private final String request;
    private final boolean responded;
    private final int status;
    private final boolean streamed;
    private final boolean complete;
    private final List<Throwable> uncaught;
    private CompletableFuture<ResourceUsage> usage =
            CompletableFuture.failedFuture(new IllegalStateException("no usage was recorded for this response"));

    TestResponse(
            String request,
            boolean responded,
            int status,
            Headers headers,
            byte[] body,
            boolean streamed,
            boolean complete,
            List<Throwable> uncaught) {
        super(headers, body);
        this.request = request;
        this.responded = responded;
        this.status = status;
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
     * What the execution that answered used of Fastly's limits: backend requests and dictionary lookups through
     * both doors, CPU time and memory when the local server ran {@code main.wasm}, and what the host refused
     * because of a limit ({@code ExecutionLimits}). On the Wasm door this waits (up to a minute) for the instance
     * to end, which can be after its response.
     *
     * @return the usage
     * @throws IllegalStateException if the instance did not end within a minute
     */
    public ResourceUsage usage() {
        try {
            return usage.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the instance to end", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("no usage for " + request + ": " + e, e);
        }
    }

    void usage(CompletableFuture<ResourceUsage> usage) {
        this.usage = usage;
    }

    private List<Headers> earlyHints = List.of();

    /**
     * The {@code 103 Early Hints} responses the client received before this one, in order ({@code
     * ResponseWriter.sendEarlyHints}), each as its header fields.
     *
     * @return the hints, empty when none came
     */
    public List<Headers> earlyHints() {
        return earlyHints;
    }

    void earlyHints(List<Headers> hints) {
        this.earlyHints = List.copyOf(hints);
    }

    private Headers trailers = new Headers();

    /**
     * The trailer fields that came after the body ({@code ResponseWriter.addTrailer}).
     *
     * @return the trailers, empty when none came
     */
    public Headers trailers() {
        return trailers.copy();
    }

    void trailers(Headers trailers) {
        this.trailers = trailers.copy();
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
        return "TestResponse{" + request + " -> " + status + ", " + bodyLength() + " body bytes}";
    }
}
