package io.github.computejava.samples.corecache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.fsthttp.SendErrorKind;
import io.github.computejava.testkit.MockResponse;
import io.github.computejava.testkit.RecordedRequest;
import io.github.computejava.testkit.TestHost;
import io.github.computejava.testkit.TestResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sample's story through the testkit's {@link TestHost}, run through a door by a subclass: {@link MainTest}
 * (the program in-process) and {@link MainIT} (the built main.wasm on the local server).
 */
abstract class CoreCacheStory {
    /** The longest any step waits for another thread; a correct run never comes near it. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private TestHost host;
    private volatile String originContent = "version 1";

    /** A host running the sample through this subclass's door. */
    abstract TestHost open();

    @BeforeEach
    void start() {
        host = open();
        host.backend("origin").respond(r -> MockResponse.ok(originContent));
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private TestResponse get(String path) {
        return host.get(path).send();
    }

    private List<String> originRequests() {
        return host.backend("origin").requests().stream()
                .map(RecordedRequest::url)
                .collect(Collectors.toList());
    }

    private static String header(TestResponse r, String name) {
        return r.header(name).orElse(null);
    }

    @Test
    void missThenHitThenStaleWhileOneRequestRevalidates() {
        TestResponse miss = get("/item");
        assertEquals("MISS", header(miss, "x-cache"), miss.status() + " " + miss.headers() + " " + miss.bodyText());
        assertEquals("version 1", miss.bodyText());
        assertEquals(List.of("https://http-me.glitch.me/item"), originRequests());

        host.clock().advance(Duration.ofSeconds(30));
        TestResponse hit = get("/item");
        assertEquals("HIT", header(hit, "x-cache"));
        assertEquals("1", header(hit, "x-cache-hits"));
        assertEquals("30", header(hit, "age"));
        assertEquals("version 1", hit.bodyText());
        assertEquals(1, originRequests().size());

        // past the TTL, within stale-while-revalidate: served stale, revalidated, unchanged -> metadata update
        host.clock().advance(Duration.ofSeconds(60));
        TestResponse stale = get("/item");
        assertEquals("STALE", header(stale, "x-cache"));
        assertEquals("version 1", stale.bodyText());
        assertEquals(2, originRequests().size());
        TestResponse refreshed = get("/item");
        assertEquals("HIT", header(refreshed, "x-cache"));
        assertEquals("0", header(refreshed, "age"));
        assertEquals("3", header(refreshed, "x-cache-hits"), "an update keeps the hit count");

        // the origin changes: the revalidating request replaces the object
        originContent = "version 2";
        host.clock().advance(Duration.ofSeconds(61));
        assertEquals("version 1", get("/item").bodyText());
        TestResponse replaced = get("/item");
        assertEquals("HIT", header(replaced, "x-cache"));
        assertEquals("version 2", replaced.bodyText());
        assertEquals("1", header(replaced, "x-cache-hits"), "a new object counts from zero");
        assertEquals(3, originRequests().size());
    }

    @Test
    void whenTheRequestObligedToInsertFailsAWaitingRequestTakesTheObligation() throws Exception {
        int waiters = 8;
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch atOrigin = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        host.backend("origin").respond(r -> {
            if (calls.incrementAndGet() == 1) {
                atOrigin.countDown();
                await(release, "the test to release the origin");
                // the obliged request's send fails: its handler throws and its transaction ends unmet
                return MockResponse.failure(SendErrorKind.CONNECTION_REFUSED);
            }
            return MockResponse.ok("built by request " + calls.get());
        });
        CompletableFuture<TestResponse> holder = host.get("/item").sendAsync();
        await(atOrigin, "the first request to reach the origin");
        List<CompletableFuture<TestResponse>> waiting = new ArrayList<>();
        for (int i = 0; i < waiters; i++) {
            waiting.add(host.get("/item").sendAsync());
        }
        assertTrue(host.awaitWaitingLookups(waiters, WAIT), "the others wait for the obliged request");
        release.countDown();

        assertEquals(500, holder.get(WAIT.getSeconds(), TimeUnit.SECONDS).status());
        Map<String, Integer> xCache = new TreeMap<>();
        for (CompletableFuture<TestResponse> f : waiting) {
            TestResponse r = f.get(WAIT.getSeconds(), TimeUnit.SECONDS);
            assertEquals(200, r.status());
            assertEquals("built by request 2", r.bodyText());
            xCache.merge(header(r, "x-cache"), 1, Integer::sum);
        }
        assertEquals(Map.of("MISS", 1, "HIT", waiters - 1), xCache, "one waiter inserted, the rest read its object");
        assertEquals(2, originRequests().size(), "the failed attempt and one waiter's");
    }

    @Test
    void concurrentRequestsOverManyKeysInsertEachObjectOnceAndMixNothing() throws Exception {
        int keys = 16;
        int perKey = 4;
        CountDownLatch allAtOrigin = new CountDownLatch(keys);
        CountDownLatch release = new CountDownLatch(1);
        host.backend("origin").respond(r -> {
            allAtOrigin.countDown();
            await(release, "the test to release the origin");
            return MockResponse.ok(longContent(r.path()));
        });
        List<String> paths = new ArrayList<>();
        List<CompletableFuture<TestResponse>> sent = new ArrayList<>();
        for (int round = 0; round < perKey; round++) {
            for (int k = 0; k < keys; k++) {
                String path = "/item-" + k;
                paths.add(path);
                sent.add(host.get(path).sendAsync());
            }
        }
        await(allAtOrigin, "one request per key to reach the origin");
        assertTrue(
                host.awaitWaitingLookups(keys * (perKey - 1), WAIT),
                "every other request waits for the one inserting its key's object");
        release.countDown();
        for (int i = 0; i < sent.size(); i++) {
            TestResponse r = sent.get(i).get(WAIT.getSeconds(), TimeUnit.SECONDS);
            assertEquals(200, r.status(), paths.get(i));
            assertEquals(longContent(paths.get(i)), r.bodyText(), "the object of " + paths.get(i) + ", whole");
        }
        Map<String, Integer> inserts = new TreeMap<>();
        for (RecordedRequest r : host.backend("origin").requests()) {
            inserts.merge(r.path(), 1, Integer::sum);
        }
        assertEquals(keys, inserts.size());
        inserts.forEach((path, n) -> assertEquals(1, n, "origin requests for " + path));
    }

    /** Content long enough to be stored and streamed in several pieces, different for every path. */
    private static String longContent(String path) {
        StringBuilder sb = new StringBuilder();
        for (int line = 0; sb.length() < 30_000; line++) {
            sb.append(path).append(" line ").append(line).append('\n');
        }
        return sb.toString();
    }

    private static void await(CountDownLatch latch, String what) throws InterruptedException {
        if (!latch.await(WAIT.getSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("timed out waiting for " + what);
        }
    }
}
