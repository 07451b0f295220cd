package io.github.computejava.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.abi.FastlyHttpReq;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.host.backend.Backend;
import io.github.computejava.host.backend.Origin;
import io.github.computejava.host.backend.SendFailure;
import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.ResponseHead;
import io.github.computejava.host.http.UpstreamResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A program that sends a request with {@code send_async} and ends without waiting for it: the sandbox's end
 * releases the exchange, whether its response has arrived, is still to come, or is being streamed.
 */
class UnwaitedSendTest {
    private static final int MIB = 1024 * 1024;

    private volatile Origin script;
    private final HostEngine engine = HostEngine.builder()
            .backend(Backend.builder("origin").build())
            .origin((backend, request, body) -> script.exchange(backend, request, body))
            .build();

    @AfterEach
    void close() {
        engine.close();
    }

    /** Starts {@code send_async} of {@code GET url} to {@code origin} in a fresh sandbox. */
    private Sandbox sendAsyncAndReturn(String url) {
        Sandbox sandbox = LoopbackClient.sandbox(engine, "http://example.com/");
        int[] out = new int[1];
        assertEquals(FastlyStatus.OK, sandbox.httpReq().new_(out));
        int req = out[0];
        assertEquals(FastlyStatus.OK, sandbox.httpReq().uriSet(req, url.getBytes(StandardCharsets.UTF_8)));
        assertEquals(FastlyStatus.OK, sandbox.httpBody().new_(out));
        int body = out[0];
        assertEquals(
                FastlyStatus.OK,
                sandbox.httpReq().sendAsync(req, body, "origin".getBytes(StandardCharsets.UTF_8), out));
        return sandbox;
    }

    /** A response whose body a peer feeds until the body is discarded; {@code ended} counts down when it stops. */
    private static UpstreamResponse streamingForever(CountDownLatch ended) {
        BodyBuffer incoming = BodyBuffer.incoming(-1);
        Thread peer = new Thread(() -> {
            byte[] chunk = new byte[64 * 1024];
            try {
                while (true) {
                    incoming.produce(chunk, 0, chunk.length);
                }
            } catch (IllegalStateException | IOException discarded) {
                ended.countDown();
            }
        });
        peer.setDaemon(true);
        peer.start();
        HeaderList h = new HeaderList();
        h.append("Cache-Control", "no-store");
        return new UpstreamResponse(new ResponseHead(200, h), BodyBuffer.readingFrom(incoming));
    }

    @Test
    void aResponseThatArrivedIsDiscardedWhenTheSandboxEnds() throws Exception {
        CountDownLatch answered = new CountDownLatch(1);
        CountDownLatch peerStopped = new CountDownLatch(1);
        script = (backend, request, body) -> {
            answered.countDown();
            return streamingForever(peerStopped);
        };
        Sandbox sandbox = sendAsyncAndReturn("http://example.com/big");
        assertTrue(answered.await(5, TimeUnit.SECONDS));
        Thread.sleep(100); // let the peer fill the body up to its backpressure limit

        sandbox.finish();

        assertTrue(
                peerStopped.await(5, TimeUnit.SECONDS),
                "the peer is stopped instead of blocking forever on a full body");
    }

    @Test
    void anExchangeStillInFlightIsAbortedWhenTheSandboxEnds() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        script = (backend, request, body) -> {
            started.countDown();
            try {
                new CountDownLatch(1).await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw new SendFailure(FastlyHttpReq.SEND_ERROR_TAG_INTERNAL_ERROR, "aborted", e);
            }
            throw new SendFailure(FastlyHttpReq.SEND_ERROR_TAG_HTTP_RESPONSE_TIMEOUT, "no answer");
        };
        Sandbox sandbox = sendAsyncAndReturn("http://example.com/slow");
        assertTrue(started.await(5, TimeUnit.SECONDS));

        sandbox.finish();

        assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the exchange waiting for its response is aborted");
    }

    @Test
    void aResponseArrivingAfterTheSandboxEndedIsDiscarded() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch peerStopped = new CountDownLatch(1);
        AtomicReference<Boolean> sawInterrupt = new AtomicReference<>(false);
        script = (backend, request, body) -> {
            started.countDown();
            // an origin that does not notice the abort and answers anyway
            while (true) {
                try {
                    release.await();
                    break;
                } catch (InterruptedException e) {
                    sawInterrupt.set(true);
                }
            }
            return streamingForever(peerStopped);
        };
        Sandbox sandbox = sendAsyncAndReturn("http://example.com/late");
        assertTrue(started.await(5, TimeUnit.SECONDS));

        sandbox.finish();
        release.countDown();

        assertTrue(peerStopped.await(5, TimeUnit.SECONDS), "the late response's body is discarded");
        assertTrue(sawInterrupt.get(), "the exchange was asked to abort");
    }

    @Test
    void theAsyncThreadIsNotInterruptedAfterItsSendCompleted() throws Exception {
        CountDownLatch answered = new CountDownLatch(1);
        script = (backend, request, body) -> {
            answered.countDown();
            HeaderList h = new HeaderList();
            h.append("Cache-Control", "no-store");
            return new UpstreamResponse(new ResponseHead(200, h), BodyBuffer.of(new byte[] {1}));
        };
        Sandbox sandbox = sendAsyncAndReturn("http://example.com/done");
        assertTrue(answered.await(5, TimeUnit.SECONDS));
        Thread.sleep(50);
        sandbox.finish();

        // the next task on the engine's threads runs without a stray interrupt
        AtomicReference<Boolean> interruptedLater = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        engine.execute(() -> {
            interruptedLater.set(Thread.currentThread().isInterrupted());
            ran.countDown();
        });
        assertTrue(ran.await(5, TimeUnit.SECONDS));
        assertEquals(false, interruptedLater.get());
    }
}
