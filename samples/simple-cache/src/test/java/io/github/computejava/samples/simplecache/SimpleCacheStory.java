package io.github.computejava.samples.simplecache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.testkit.MockResponse;
import io.github.computejava.testkit.RecordedRequest;
import io.github.computejava.testkit.TestBackend;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sample's stories through the testkit's {@link TestHost}, run through each door by a subclass: {@link
 * MainTest} (the program in-process) and {@link MainIT} (the built main.wasm on the local server). Every
 * page build is a request to the scripted origin, so the tests count builds from outside the program.
 */
abstract class SimpleCacheStory {
    /** The longest any step waits for another thread; a correct run never comes near it. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private TestHost host;
    private final AtomicInteger version = new AtomicInteger(1);

    /** A host running the sample through this subclass's door. */
    abstract TestHost open();

    @BeforeEach
    void start() {
        host = open();
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private TestBackend origin() {
        return host.backend(Main.BACKEND);
    }

    private TestResponse get(String path) {
        return host.get(path).send();
    }

    /** The origin's content for a path. */
    private static String content(String path, int version) {
        return "<h1>" + path + "</h1><p>version " + version + "</p>\n";
    }

    /** The page the sample builds around the origin's content. */
    private static String page(String title, String content) {
        return "<!doctype html><title>" + title + "</title>\n" + content;
    }

    @Test
    void eachPathIsBuiltFromTheOriginOnceAMinute() {
        origin().respond(r -> MockResponse.ok(content(r.path(), version.get())));
        TestResponse first = get("/a");
        assertEquals(200, first.status());
        assertEquals("text/html; charset=utf-8", first.header("content-type").orElse(null));
        assertEquals(page("/a", content("/a", 1)), first.bodyText());
        RecordedRequest fetch = origin().lastRequest();
        assertEquals("https://http-me.glitch.me/a", fetch.url());
        assertTrue(fetch.cacheOptions().pass(), "the content is fetched past the readthrough cache");

        version.set(2);
        host.clock().advance(Duration.ofSeconds(59));
        assertEquals(page("/a", content("/a", 1)), get("/a").bodyText(), "served from the cache");
        assertEquals(1, origin().requestCount());

        assertEquals(page("/b", content("/b", 2)), get("/b?x=%3Cy%3E").bodyText());
        assertEquals(2, origin().requestCount());

        host.clock().advance(Duration.ofSeconds(1));
        assertEquals(page("/a", content("/a", 2)), get("/a").bodyText(), "built again after 60 s");
        assertEquals(3, origin().requestCount());
    }

    @Test
    void aBurstOfFirstRequestsBuildsThePageOnce() throws Exception {
        int clients = 16;
        CountDownLatch atOrigin = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        origin().respond(r -> {
            atOrigin.countDown();
            await(release, "the test to release the origin");
            return MockResponse.ok(content(r.path(), version.get()));
        });
        List<CompletableFuture<TestResponse>> burst = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            burst.add(host.get("/news").sendAsync());
        }
        await(atOrigin, "the first request to reach the origin");
        assertTrue(host.awaitWaitingLookups(clients - 1, WAIT), "the others wait for the one building the page");
        release.countDown();
        for (CompletableFuture<TestResponse> f : burst) {
            TestResponse r = f.get(WAIT.getSeconds(), TimeUnit.SECONDS);
            assertEquals(200, r.status());
            assertEquals(page("/news", content("/news", 1)), r.bodyText());
        }
        assertEquals(1, origin().requestCount(), "one build for the burst");

        version.set(2);
        host.clock().advance(Duration.ofSeconds(60));
        assertEquals(page("/news", content("/news", 2)), get("/news").bodyText());
        assertEquals(2, origin().requestCount(), "a second build a minute later");
    }

    @Test
    void manyConcurrentRequestsOverManyPathsBuildEachPageOnceAndMixNothing() throws Exception {
        int paths = 20;
        int perPath = 5;
        CountDownLatch allAtOrigin = new CountDownLatch(paths);
        CountDownLatch release = new CountDownLatch(1);
        origin().respond(r -> {
            allAtOrigin.countDown();
            await(release, "the test to release the origin");
            return MockResponse.ok(longContent(r.path()));
        });
        List<String> sentPaths = new ArrayList<>();
        List<CompletableFuture<TestResponse>> sent = new ArrayList<>();
        for (int round = 0; round < perPath; round++) {
            for (int p = 0; p < paths; p++) {
                String path = "/page-" + p;
                sentPaths.add(path);
                sent.add(host.get(path).sendAsync());
            }
        }
        await(allAtOrigin, "one request per path to reach the origin");
        assertTrue(
                host.awaitWaitingLookups(paths * (perPath - 1), WAIT),
                "every other request waits for the one building its path's page");
        release.countDown();
        for (int i = 0; i < sent.size(); i++) {
            String path = sentPaths.get(i);
            TestResponse r = sent.get(i).get(WAIT.getSeconds(), TimeUnit.SECONDS);
            assertEquals(200, r.status(), path);
            assertEquals(page(path, longContent(path)), r.bodyText(), "the page of " + path + ", whole");
        }
        Map<String, Integer> builds = new TreeMap<>();
        for (RecordedRequest r : origin().requests()) {
            builds.merge(r.path(), 1, Integer::sum);
        }
        assertEquals(paths, builds.size());
        builds.forEach((path, n) -> assertEquals(1, n, "builds of " + path));
    }

    @Test
    void whenTheRequestBuildingAPageFailsAWaitingRequestBuildsIt() throws Exception {
        int waiters = 8;
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch atOrigin = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        origin().respond(r -> {
            if (calls.incrementAndGet() == 1) {
                atOrigin.countDown();
                await(release, "the test to release the origin");
                return MockResponse.of(503, "overloaded");
            }
            return MockResponse.ok(content(r.path(), calls.get()));
        });
        CompletableFuture<TestResponse> holder = host.get("/flaky").sendAsync();
        await(atOrigin, "the first request to reach the origin");
        List<CompletableFuture<TestResponse>> waiting = new ArrayList<>();
        for (int i = 0; i < waiters; i++) {
            waiting.add(host.get("/flaky").sendAsync());
        }
        assertTrue(host.awaitWaitingLookups(waiters, WAIT), "the others wait for the request building the page");
        release.countDown();

        TestResponse failed = holder.get(WAIT.getSeconds(), TimeUnit.SECONDS);
        assertEquals(502, failed.status());
        assertEquals("the origin answered 503 for /flaky\n", failed.bodyText());
        for (CompletableFuture<TestResponse> f : waiting) {
            TestResponse r = f.get(WAIT.getSeconds(), TimeUnit.SECONDS);
            assertEquals(200, r.status());
            assertEquals(page("/flaky", content("/flaky", 2)), r.bodyText());
        }
        assertEquals(2, origin().requestCount(), "the failed build and one waiter's");
    }

    /** Content long enough to be stored and read in several pieces, different for every path. */
    private static String longContent(String path) {
        StringBuilder sb = new StringBuilder();
        for (int line = 0; sb.length() < 30_000; line++) {
            sb.append("<p>").append(path).append(" line ").append(line).append("</p>\n");
        }
        return sb.toString();
    }

    private static void await(CountDownLatch latch, String what) throws InterruptedException {
        if (!latch.await(WAIT.getSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("timed out waiting for " + what);
        }
    }
}
