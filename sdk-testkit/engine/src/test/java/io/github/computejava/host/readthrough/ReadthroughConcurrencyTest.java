package io.github.computejava.host.readthrough;

import static io.github.computejava.host.readthrough.Harness.reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.abi.FastlyHttpReq;
import io.github.computejava.host.backend.Backend;
import io.github.computejava.host.backend.SendFailure;
import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.http.CacheOverride;
import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.RequestHead;
import io.github.computejava.host.http.ResponseHead;
import io.github.computejava.host.http.UpstreamResponse;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Request collapsing, streaming misses and hit-for-pass with real threads. */
class ReadthroughConcurrencyTest {
    private static final String BODY = "0123456789".repeat(10_000);

    private final Harness h = new Harness();
    private final ExecutorService clients = Executors.newFixedThreadPool(100);

    @AfterEach
    void close() {
        clients.shutdownNow();
        h.close();
    }

    @Test
    void oneHundredConcurrentMissesMakeOneOriginRequestAndAllGetTheWholeBody() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        h.origin((r, b) -> {
            await(go);
            return reply(200, BODY, "Cache-Control", "max-age=60");
        });
        List<Future<Harness.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            replies.add(clients.submit(() -> h.get("http://example.com/popular")));
        }
        assertTrue(
                h.engine.cacheStore().awaitWaitingLookups(99, Duration.ofSeconds(30)),
                "the other 99 clients wait behind the first one's fetch");
        go.countDown();
        int misses = 0;
        for (Future<Harness.Reply> f : replies) {
            Harness.Reply r = f.get(30, TimeUnit.SECONDS);
            assertEquals(200, r.status);
            assertEquals(BODY, r.body);
            misses += "MISS".equals(r.header("X-Cache")) ? 1 : 0;
        }
        assertEquals(1, h.originCount());
        assertEquals(1, misses, "one client fetched, the others were collapsed onto it");
    }

    @Test
    void aFailedFillHandsTheObligationToAWaiter() throws Exception {
        CountDownLatch firstArrived = new CountDownLatch(1);
        CountDownLatch fail = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        h.origin((r, b) -> {
            if (calls.incrementAndGet() == 1) {
                firstArrived.countDown();
                await(fail);
                throw new SendFailure(FastlyHttpReq.SEND_ERROR_TAG_CONNECTION_TERMINATED, "origin went away");
            }
            return reply(200, "second try", "Cache-Control", "max-age=60");
        });
        Future<Harness.Reply> first = clients.submit(() -> h.get("http://example.com/a"));
        assertTrue(firstArrived.await(10, TimeUnit.SECONDS));
        List<Future<Harness.Reply>> waiters = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            waiters.add(clients.submit(() -> h.get("http://example.com/a")));
        }
        assertTrue(
                h.engine.cacheStore().awaitWaitingLookups(10, Duration.ofSeconds(10)),
                "the waiters wait for the first fetch");
        assertEquals(1, h.originCount());
        fail.countDown();
        assertEquals(500, first.get(10, TimeUnit.SECONDS).status);
        for (Future<Harness.Reply> w : waiters) {
            assertEquals("second try", w.get(10, TimeUnit.SECONDS).body);
        }
        assertEquals(2, h.originCount(), "one waiter took the obligation over; the rest were collapsed onto it");
    }

    @Test
    void aSlowOriginDoesNotHoldUpHitsOnOtherObjects() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch slowArrived = new CountDownLatch(1);
        h.origin((r, b) -> {
            if (r.uri().endsWith("/slow")) {
                slowArrived.countDown();
                await(release);
            }
            return reply(200, r.uri(), "Cache-Control", "max-age=60");
        });
        h.get("http://example.com/fast");
        h.settle();
        Future<Harness.Reply> slow = clients.submit(() -> h.get("http://example.com/slow"));
        assertTrue(slowArrived.await(10, TimeUnit.SECONDS), "the slow fetch holds its object's obligation");
        Future<Harness.Reply> hit = clients.submit(() -> h.get("http://example.com/fast"));
        Future<Harness.Reply> otherMiss = clients.submit(() -> h.get("http://example.com/other"));
        assertEquals("HIT", hit.get(5, TimeUnit.SECONDS).header("X-Cache"));
        assertEquals("http://example.com/other", otherMiss.get(5, TimeUnit.SECONDS).body);
        assertTrue(!slow.isDone());
        release.countDown();
        assertEquals("http://example.com/slow", slow.get(5, TimeUnit.SECONDS).body);
    }

    @Test
    void hitForPassRequestsAreNotCollapsed() throws Exception {
        h.origin((r, b) -> reply(200, "private", "Cache-Control", "private"));
        h.get("http://example.com/me");
        int n = 8;
        CyclicBarrier together = new CyclicBarrier(n);
        h.origin((r, b) -> {
            try {
                together.await(10, TimeUnit.SECONDS); // only passes if all n are at the origin at once
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new SendFailure(FastlyHttpReq.SEND_ERROR_TAG_INTERNAL_ERROR, "requests were serialized: " + e);
            }
            return reply(200, "private", "Cache-Control", "private");
        });
        List<Future<Harness.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            replies.add(clients.submit(() -> h.get("http://example.com/me")));
        }
        for (Future<Harness.Reply> f : replies) {
            assertEquals("private", f.get(20, TimeUnit.SECONDS).body);
        }
        assertEquals(n + 1, h.originCount());
    }

    @Test
    void uncacheableResponsesWithoutHitForPassWakeOneWaiterAtATime() throws Exception {
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        AtomicInteger fetches = new AtomicInteger();
        h.origin((r, b) -> {
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            try {
                // each fetch answers only once every client not yet served waits behind it: woken all at once,
                // they would fetch side by side and this wait would time out
                int behind = 5 - fetches.incrementAndGet();
                if (!h.engine.cacheStore().awaitWaitingLookups(behind, Duration.ofSeconds(10))) {
                    throw new SendFailure(
                            FastlyHttpReq.SEND_ERROR_TAG_INTERNAL_ERROR, "the other clients did not wait in turn");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                concurrent.decrementAndGet();
            }
            return reply(503, "busy");
        });
        List<Future<Harness.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            replies.add(clients.submit(() -> h.get("http://example.com/busy")));
        }
        for (Future<Harness.Reply> f : replies) {
            assertEquals(503, f.get(10, TimeUnit.SECONDS).status);
        }
        assertEquals(5, h.originCount());
        assertEquals(1, maxConcurrent.get(), "each waiter fetched in turn");
    }

    @Test
    void aStreamingMissIsReadWhileItIsWrittenByEveryClient() throws Exception {
        PipedOutputStream originWrites = new PipedOutputStream();
        PipedInputStream originBody = new PipedInputStream(originWrites, 1 << 16);
        h.origin((r, b) -> new UpstreamResponse(
                new ResponseHead(200, headers("Cache-Control", "max-age=60")), BodyBuffer.fromStream(originBody, -1)));
        ReadthroughCache cache = h.engine.readthrough();
        Backend origin = h.engine.backend("origin");
        RequestHead get = new RequestHead("GET", "http://example.com/stream", new HeaderList());

        UpstreamResponse first = cache.send(origin, get, BodyBuffer.of(new byte[0]), CacheOverride.NONE);
        assertEquals("MISS", first.head().headers().first("X-Cache"));
        originWrites.write("part one;".getBytes(StandardCharsets.UTF_8));
        originWrites.flush();
        assertEquals("part one;", read(first.body(), 9), "the client reads before the origin is done");

        UpstreamResponse second = cache.send(origin, get.copy(), BodyBuffer.of(new byte[0]), CacheOverride.NONE);
        assertEquals("HIT", second.head().headers().first("X-Cache"));
        assertEquals("part one;", read(second.body(), 9), "a later client reads the same stream");

        originWrites.write("part two".getBytes(StandardCharsets.UTF_8));
        originWrites.close();
        assertEquals("part two", new String(first.body().readAll(), StandardCharsets.UTF_8));
        assertEquals("part two", new String(second.body().readAll(), StandardCharsets.UTF_8));
        assertEquals(1, h.originCount());
        h.settle();
        assertEquals("part one;part two", h.get("http://example.com/stream").body);
    }

    @Test
    void anAbortedOriginBodyFailsItsReadersAndIsNotKept() throws Exception {
        PipedOutputStream originWrites = new PipedOutputStream();
        PipedInputStream originBody = new PipedInputStream(originWrites, 1 << 16);
        h.origin((r, b) -> new UpstreamResponse(
                new ResponseHead(200, headers("Cache-Control", "max-age=60", "Content-Length", "100")),
                BodyBuffer.fromStream(originBody, 100)));
        ReadthroughCache cache = h.engine.readthrough();
        UpstreamResponse first = cache.send(
                h.engine.backend("origin"),
                new RequestHead("GET", "http://example.com/cut", new HeaderList()),
                BodyBuffer.of(new byte[0]),
                CacheOverride.NONE);
        originWrites.write("only ten b".getBytes(StandardCharsets.UTF_8));
        originWrites.close();
        try {
            first.body().readAll();
            throw new AssertionError("a short body must fail its reader");
        } catch (IOException expected) {
            // the object was abandoned
        }
        h.settle();
        h.origin((r, b) -> reply(200, "whole", "Cache-Control", "max-age=60"));
        assertEquals("whole", h.get("http://example.com/cut").body);
    }

    private static HeaderList headers(String... nv) {
        HeaderList l = new HeaderList();
        for (int i = 0; i < nv.length; i += 2) {
            l.append(nv[i], nv[i + 1]);
        }
        return l;
    }

    private static String read(BodyBuffer body, int n) throws IOException {
        byte[] buf = new byte[n];
        int at = 0;
        while (at < n) {
            int r = body.read(buf, at, n - at);
            if (r < 0) {
                break;
            }
            at += r;
        }
        return new String(buf, 0, at, StandardCharsets.UTF_8);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
