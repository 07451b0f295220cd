package io.github.computejava.testkit;

import io.github.computejava.host.http.BodyBuffer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A response body a scripted backend sends while the test writes it: a slow origin, whose bytes reach the
 * program (and the cache, and other clients) as the test delivers them. Answer one request with it through
 * {@link MockResponse.Builder#body(StreamedBody)}; it is sent without a {@code Content-Length}.
 *
 * <pre>{@code
 * StreamedBody slow = StreamedBody.create();
 * host.backend("origin").respond(MockResponse.builder().body(slow).build());
 * CompletableFuture<TestResponse> first = host.get("/video").sendAsync();
 * slow.awaitSent(Duration.ofSeconds(10));
 * slow.write("the first part");
 * ... // other clients read the first part meanwhile
 * slow.write("the rest").end();
 * }</pre>
 *
 * <p>Bytes written before a request takes the body wait for it. A streamed body answers at most one request.
 */
public final class StreamedBody {
    private final Object lock = new Object();
    private final List<byte[]> early = new ArrayList<>();
    private BodyBuffer target;
    private boolean ended;
    private boolean failed;

    private StreamedBody() {}

    /**
     * A new body, nothing written yet.
     *
     * @return the body
     */
    public static StreamedBody create() {
        return new StreamedBody();
    }

    /**
     * Sends bytes, waiting while the reader lags more than a few MiB behind.
     *
     * @param bytes the bytes (copied)
     * @return this body
     * @throws IllegalStateException if the body has ended or failed, or its reader dropped it
     * @throws NullPointerException if {@code bytes} is null
     * @throws UncheckedIOException if interrupted while waiting for the reader
     */
    public StreamedBody write(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        BodyBuffer to;
        synchronized (lock) {
            checkOpen();
            if (target == null) {
                early.add(bytes.clone());
                return this;
            }
            to = target;
        }
        try {
            to.produce(bytes, 0, bytes.length);
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * Sends UTF-8 text.
     *
     * @param text the text
     * @return this body
     * @throws IllegalStateException if the body has ended or failed, or its reader dropped it
     * @throws NullPointerException if {@code text} is null
     * @throws UncheckedIOException if interrupted while waiting for the reader
     */
    public StreamedBody write(String text) {
        return write(Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Ends the body: its reader sees the end after the bytes written. Ending twice is harmless.
     *
     * @throws IllegalStateException if the body failed
     */
    public void end() {
        synchronized (lock) {
            if (failed) {
                throw new IllegalStateException("the body already failed");
            }
            ended = true;
            if (target != null) {
                target.close();
            }
            lock.notifyAll();
        }
    }

    /**
     * Breaks the body off, as an origin whose connection drops mid-body: its reader gets an error after the bytes
     * written. Failing twice is harmless.
     *
     * @throws IllegalStateException if the body already ended
     */
    public void fail() {
        synchronized (lock) {
            if (ended) {
                throw new IllegalStateException("the body already ended");
            }
            failed = true;
            if (target != null) {
                target.abandon();
            }
            lock.notifyAll();
        }
    }

    /**
     * Waits until a request has been answered with this body: the backend was reached and the response head is
     * on its way to the program.
     *
     * @param timeout the longest wait
     * @return true once sent, false if the timeout passed first
     * @throws InterruptedException if interrupted while waiting
     * @throws NullPointerException if {@code timeout} is null
     */
    public boolean awaitSent(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (target == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** Takes this body for a response: the host's body, with what was written so far. */
    BodyBuffer attach() {
        synchronized (lock) {
            if (target != null) {
                throw new IllegalStateException("a streamed body answers one request; script a new one for each");
            }
            BodyBuffer b = BodyBuffer.incoming(-1);
            for (byte[] chunk : early) {
                try {
                    b.produce(chunk, 0, chunk.length);
                } catch (IOException e) {
                    throw new IllegalStateException("cannot queue the body's first bytes", e);
                }
            }
            early.clear();
            if (ended) {
                b.close();
            } else if (failed) {
                b.abandon();
            }
            target = b;
            lock.notifyAll();
            return b;
        }
    }

    private void checkOpen() {
        if (ended) {
            throw new IllegalStateException("the body already ended");
        }
        if (failed) {
            throw new IllegalStateException("the body already failed");
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "StreamedBody{" + (target != null ? "sent" : "not sent") + (ended ? ", ended" : "")
                    + (failed ? ", failed" : "") + "}";
        }
    }
}
