package io.github.computejava.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.fsthttp.Compute;
import io.github.computejava.fsthttp.Handler;
import io.github.computejava.fsthttp.ServeManyOptions;
import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.RequestHead;
import io.github.computejava.internal.Host;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code Compute.serveMany} on the JVM: one program run serving several client requests that the engine's
 * {@link DownstreamSource} hands to the same sandbox, as the local server hands them to a waiting instance.
 */
class ServeManyTest {
    /** A clock that moves only when the test moves it. */
    private static final class ManualClock implements InstantSource {
        private volatile Instant now = Instant.parse("2025-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    /** Client requests queued for one sandbox, with what each client got and the timeouts asked for. */
    private static final class Queue implements DownstreamSource {
        final Deque<DownstreamExchange> waiting = new ArrayDeque<>();
        final List<String> answers = new ArrayList<>();
        final List<Duration> timeouts = new ArrayList<>();

        DownstreamRequest add(String path) {
            DownstreamRequest r = request(path);
            waiting.add(new DownstreamExchange(r, responder()));
            return r;
        }

        DownstreamResponder responder() {
            return (head, body, streaming) -> {
                try {
                    answers.add(head.status() + " " + new String(body.readAll(), StandardCharsets.UTF_8));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
        }

        @Override
        public CompletableFuture<Optional<DownstreamExchange>> next(Duration timeout) {
            timeouts.add(timeout);
            return CompletableFuture.completedFuture(Optional.ofNullable(waiting.poll()));
        }

        @Override
        public void giveBack(DownstreamExchange exchange) {
            waiting.addFirst(exchange);
        }
    }

    private static DownstreamRequest request(String path) {
        return LoopbackClient.request(new RequestHead("GET", "http://example.com" + path, new HeaderList()));
    }

    /** Runs serveMany in one sandbox whose first request is {@code /0}; the others come from the queue. */
    private static void run(HostEngine engine, Queue queue, Handler handler, ServeManyOptions options) {
        Sandbox sandbox = engine.newSandbox(request("/0"), queue.responder());
        Host.attach(sandbox);
        try {
            Compute.serveMany(handler, options);
        } finally {
            Host.attach(null);
            sandbox.finish();
        }
    }

    /** Counts the requests of one run, as a program's static field counts those of one instance. */
    private static Handler counting(AtomicInteger count) {
        return (request, w) -> w.write(request.path() + " n=" + count.incrementAndGet());
    }

    @Test
    void oneRunServesQueuedRequestsUntilMaxRequests() {
        Queue queue = new Queue();
        for (int i = 1; i <= 4; i++) {
            queue.add("/" + i);
        }
        HostEngine engine = HostEngine.builder().downstreamSource(queue).build();
        AtomicInteger count = new AtomicInteger();
        run(
                engine,
                queue,
                counting(count),
                ServeManyOptions.builder().maxRequests(3).build());
        assertEquals(List.of("200 /0 n=1", "200 /1 n=2", "200 /2 n=3"), queue.answers);
        assertEquals(2, queue.waiting.size(), "the requests past the limit stay for other instances");
        assertEquals(2, queue.timeouts.size(), "no next_request once the limit is reached");
    }

    @Test
    void withoutLimitsTheRunEndsWhenNoRequestComes() {
        Queue queue = new Queue();
        queue.add("/1");
        queue.add("/2");
        HostEngine engine = HostEngine.builder().downstreamSource(queue).build();
        AtomicInteger count = new AtomicInteger();
        run(engine, queue, counting(count), ServeManyOptions.DEFAULT);
        assertEquals(List.of("200 /0 n=1", "200 /1 n=2", "200 /2 n=3"), queue.answers);
        assertEquals(3, queue.timeouts.size());
        assertEquals(HttpDownstreamHost.NEXT_REQUEST_TIMEOUT, queue.timeouts.get(0), "the host's default wait");
    }

    @Test
    void theHostCapsFurtherRequestsPerInstance() {
        Queue queue = new Queue();
        for (int i = 1; i <= HttpDownstreamHost.NEXT_REQUEST_LIMIT + 2; i++) {
            queue.add("/" + i);
        }
        HostEngine engine = HostEngine.builder().downstreamSource(queue).build();
        AtomicInteger count = new AtomicInteger();
        run(engine, queue, counting(count), ServeManyOptions.DEFAULT);
        assertEquals(HttpDownstreamHost.NEXT_REQUEST_LIMIT + 1, queue.answers.size());
        assertEquals(2, queue.waiting.size());
    }

    @Test
    void nextTimeoutIsWhatTheInstanceWaits() {
        Queue queue = new Queue();
        queue.add("/1");
        HostEngine engine = HostEngine.builder().downstreamSource(queue).build();
        run(
                engine,
                queue,
                counting(new AtomicInteger()),
                ServeManyOptions.builder().nextTimeout(Duration.ofMillis(1500)).build());
        assertEquals(List.of(Duration.ofMillis(1500), Duration.ofMillis(1500)), queue.timeouts);
    }

    @Test
    void maxLifetimeEndsTheRunAndShortensTheWait() {
        Queue queue = new Queue();
        for (int i = 1; i <= 4; i++) {
            queue.add("/" + i);
        }
        ManualClock clock = new ManualClock();
        HostEngine engine =
                HostEngine.builder().downstreamSource(queue).clock(clock).build();
        AtomicInteger count = new AtomicInteger();
        Handler slow = (request, w) -> {
            clock.advance(Duration.ofSeconds(10));
            w.write(request.path() + " n=" + count.incrementAndGet());
        };
        run(
                engine,
                queue,
                slow,
                ServeManyOptions.builder()
                        .maxLifetime(Duration.ofSeconds(25))
                        .nextTimeout(Duration.ofSeconds(8))
                        .build());
        // 10 s after the start 15 s remain (the 8 s timeout is shorter); after 20 s only 5 s; after 30 s none
        assertEquals(List.of("200 /0 n=1", "200 /1 n=2", "200 /2 n=3"), queue.answers);
        assertEquals(List.of(Duration.ofSeconds(8), Duration.ofSeconds(5)), queue.timeouts);
    }

    @Test
    void aFailingRequestGetsA500AndTheNextIsStillServed() {
        Queue queue = new Queue();
        queue.add("/1");
        HostEngine engine = HostEngine.builder().downstreamSource(queue).build();
        AtomicInteger count = new AtomicInteger();
        run(
                engine,
                queue,
                (request, w) -> {
                    if (count.incrementAndGet() == 1) {
                        throw new IllegalStateException("first request fails");
                    }
                    w.write("n=" + count.get());
                },
                ServeManyOptions.DEFAULT);
        assertEquals(2, queue.answers.size());
        assertTrue(queue.answers.get(0).startsWith("500"), queue.answers.get(0));
        assertEquals("200 n=2", queue.answers.get(1));
    }

    @Test
    void optionsRejectNonsense() {
        ServeManyOptions.Builder b = ServeManyOptions.builder();
        assertThrows(IllegalArgumentException.class, () -> b.maxRequests(0));
        assertThrows(IllegalArgumentException.class, () -> b.nextTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> b.maxLifetime(Duration.ofSeconds(-1)));
        assertThrows(NullPointerException.class, () -> b.nextTimeout(null));
        assertThrows(NullPointerException.class, () -> Compute.serveMany((r, w) -> {}, null));
        assertEquals(3, b.maxRequests(3).build().maxRequests().getAsInt());
        assertTrue(ServeManyOptions.DEFAULT.maxRequests().isEmpty());
    }
}
