package io.github.computejava.samples.readthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.computejava.testkit.MockResponse;
import io.github.computejava.testkit.Responder;
import io.github.computejava.testkit.TestHost;
import io.github.computejava.testkit.TestResponse;
import io.github.computejava.testkit.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sample's behaviours as stories through the testkit's {@link TestHost}, run through each door by a subclass:
 * {@link MainTest} (the program in-process) and {@link MainIT} (the built main.wasm on the local server). The
 * origin behind {@link Main#BACKEND} is scripted per story.
 */
abstract class ReadthroughScenarios {
    private TestHost host;
    private final AtomicInteger version = new AtomicInteger(1);

    /**
     * A host running the sample through this subclass's door.
     *
     * @param builder a builder with the stories' clock
     */
    abstract TestHost open(TestHost.Builder builder);

    @BeforeEach
    void start() {
        host = open(TestHost.builder().clock(new VirtualClock(Instant.parse("2026-03-01T12:00:00Z"))));
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private void origin(Responder script) {
        host.backend(Main.BACKEND).respond(script);
    }

    private int originCount() {
        return host.backend(Main.BACKEND).requestCount();
    }

    private TestResponse get(String path) {
        return host.get(path).send();
    }

    private TestResponse post(String path) {
        return host.request("POST", path).send();
    }

    /** Waits for the engine's background work (body copies, revalidations). */
    private void settle() throws InterruptedException {
        if (!host.engine().readthrough().awaitBackgroundWork(Duration.ofSeconds(10))) {
            throw new AssertionError("background work did not finish");
        }
    }

    private void advance(Duration d) {
        host.clock().advance(d);
    }

    private static String header(TestResponse r, String name) {
        return r.header(name).orElse(null);
    }

    private static MockResponse answer(int status, String body, String... headers) {
        MockResponse.Builder b = MockResponse.builder().status(status).body(body);
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b.build();
    }

    @Test
    void theOriginsHeadersDecideByDefault() throws Exception {
        origin(r -> answer(200, "v" + version.get(), "Cache-Control", "max-age=60", "Surrogate-Key", "page"));
        TestResponse miss = get("/page");
        assertEquals("v1", miss.bodyText());
        assertEquals("MISS", header(miss, "X-Cache"));
        assertNull(header(miss, "Surrogate-Key"), "clients do not see surrogate keys");
        settle();
        advance(Duration.ofSeconds(59));
        TestResponse hit = get("/page");
        assertEquals("HIT", header(hit, "X-Cache"));
        assertEquals("59", header(hit, "Age"));
        version.set(2);
        advance(Duration.ofSeconds(1));
        assertEquals("v2", get("/page").bodyText());
        assertEquals(2, originCount());
    }

    @Test
    void ttlPathsAreCachedThirtySecondsWhateverTheOriginSays() throws Exception {
        origin(r -> answer(200, "v" + version.get(), "Cache-Control", "max-age=86400"));
        get("/ttl/a");
        settle();
        version.set(2);
        advance(Duration.ofSeconds(29));
        assertEquals("v1", get("/ttl/a").bodyText());
        advance(Duration.ofSeconds(1));
        assertEquals("v2", get("/ttl/a").bodyText());
    }

    @Test
    void aTtlOverrideLeavesAPrivateResponseUncached() throws Exception {
        origin(r -> answer(200, "v" + version.incrementAndGet(), "Cache-Control", "private"));
        assertEquals("v2", get("/ttl/cart").bodyText());
        assertEquals("v3", get("/ttl/cart").bodyText());
        assertEquals("MISS", header(get("/ttl/cart"), "X-Cache"));
    }

    @Test
    void swrPathsServeStaleWhileOneRequestRevalidates() throws Exception {
        origin(r -> answer(200, "v" + version.get(), "Cache-Control", "max-age=10"));
        get("/swr/news");
        settle();
        version.set(2);
        advance(Duration.ofSeconds(40));
        TestResponse stale = get("/swr/news");
        assertEquals("v1", stale.bodyText());
        assertEquals("HIT", header(stale, "X-Cache"));
        settle();
        assertEquals(2, originCount(), "one background revalidation");
        assertEquals("v2", get("/swr/news").bodyText());
        advance(Duration.ofSeconds(75));
        version.set(3);
        assertEquals("v3", get("/swr/news").bodyText(), "past the stale period the client waits for the origin");
    }

    @Test
    void hooksRunOnlyOnMissesAndDecideHowTheResponseIsStored() throws Exception {
        origin(r -> answer(
                200,
                "v" + version.get() + " token=" + r.header("X-Origin-Token").orElse(null),
                "Cache-Control",
                "max-age=5"));
        TestResponse miss = get("/hooks/profile");
        assertEquals("v1 token=only-on-miss", miss.bodyText());
        assertEquals("after-send", header(miss, "X-Stored-By"));
        settle();
        advance(Duration.ofSeconds(100));
        TestResponse hit = get("/hooks/profile");
        assertEquals("HIT", header(hit, "X-Cache"), "stored 120 s by the after-send hook, not the origin's 5");
        assertEquals("after-send", header(hit, "X-Stored-By"));
        assertEquals(1, originCount());

        version.set(2);
        assertEquals("purged\n", post("/purge/hooked").bodyText());
        assertEquals("v2 token=only-on-miss", get("/hooks/profile").bodyText());
        assertEquals(2, originCount());
    }

    @Test
    void aPurgeReachesOnlyItsKey() throws Exception {
        origin(r -> answer(
                200,
                "v" + version.get(),
                "Cache-Control",
                "max-age=600",
                "Surrogate-Key",
                r.url().contains("/a") ? "key-a" : "key-b"));
        get("/a");
        get("/b");
        settle();
        version.set(2);
        post("/purge/key-a");
        assertEquals("v2", get("/a").bodyText());
        assertEquals("v1", get("/b").bodyText());
    }
}
