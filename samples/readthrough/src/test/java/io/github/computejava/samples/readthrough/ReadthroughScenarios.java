package io.github.computejava.samples.readthrough;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.fsthttp.SendErrorKind;
import io.github.computejava.host.view.CacheEntry;
import io.github.computejava.host.view.RequestTrace;
import io.github.computejava.testkit.MockResponse;
import io.github.computejava.testkit.RecordedRequest;
import io.github.computejava.testkit.Responder;
import io.github.computejava.testkit.StreamedBody;
import io.github.computejava.testkit.StreamingResponse;
import io.github.computejava.testkit.TestHost;
import io.github.computejava.testkit.TestResponse;
import io.github.computejava.testkit.VirtualClock;
import java.time.Duration;
import java.time.Instant;
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
 * The sample's behaviours as stories through the testkit's {@link TestHost}, run through each door by a subclass:
 * {@link MainTest} (the program in-process) and {@link MainIT} (the built main.wasm on the local server). The
 * origin behind {@link Main#BACKEND} is scripted per story.
 */
abstract class ReadthroughScenarios {
    /** The longest any step waits for another thread; a correct run never comes near it. */
    private static final Duration WAIT = Duration.ofSeconds(30);

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
        host = open(TestHost.builder()
                .clock(new VirtualClock(Instant.parse("2026-03-01T12:00:00Z")))
                .requestHistory(20));
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
        if (!host.awaitBackgroundWork(Duration.ofSeconds(10))) {
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
    void theEngineViewShowsWhatTheCacheDidWithEachSendAndWhatItHolds() throws Exception {
        origin(r -> answer(
                200,
                "v" + version.get(),
                "Cache-Control",
                r.path().startsWith("/private") ? "private" : "max-age=60",
                "Surrogate-Key",
                "page"));
        get("/page");
        settle();
        get("/page");
        get("/pass/page");
        get("/private");
        get("/private");

        List<String> outcomes = new ArrayList<>();
        for (RequestTrace r : host.engine().view().requests()) {
            assertEquals(200, r.status());
            outcomes.add(r.url().replaceFirst("^https?://[^/]+", "") + " "
                    + r.backendRequests().get(0).cacheOutcome().orElseThrow().label());
        }
        assertEquals(
                List.of("/private hit-for-pass", "/private MISS", "/pass/page PASS", "/page HIT", "/page MISS"),
                outcomes);
        Map<String, CacheEntry> cached = new TreeMap<>();
        for (CacheEntry e : host.engine().view().cacheObjects()) {
            cached.put(e.label().replaceFirst("^https?://[^/]+", ""), e);
        }
        assertEquals(List.of("/page", "/private"), List.copyOf(cached.keySet()));
        assertEquals(Duration.ofSeconds(60), cached.get("/page").ttl());
        assertEquals(List.of("page"), cached.get("/page").surrogateKeys());
        assertEquals(1, cached.get("/page").hits());
        assertTrue(cached.get("/private").hitForPass());
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

    // ---- request collapsing and streaming

    @Test
    void aHundredConcurrentRequestsForOneUrlMakeOneOriginRequest() throws Exception {
        int clients = 100;
        byte[] page = bytes(100_000, 7); // more than the local server sends in one piece
        CountDownLatch atOrigin = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        origin(r -> {
            atOrigin.countDown();
            await(release, "the test to release the origin");
            return MockResponse.builder()
                    .header("Cache-Control", "max-age=60")
                    .body(page)
                    .build();
        });
        List<CompletableFuture<TestResponse>> sent = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            sent.add(host.get("/popular").sendAsync());
        }
        await(atOrigin, "the first request to reach the origin");
        assertTrue(host.awaitWaitingLookups(clients - 1, WAIT), "the other requests wait for the one at the origin");
        release.countDown();
        Map<String, Integer> xCache = new TreeMap<>();
        for (CompletableFuture<TestResponse> f : sent) {
            TestResponse r = f.get(WAIT.getSeconds(), TimeUnit.SECONDS);
            assertEquals(200, r.status());
            assertArrayEquals(page, r.body(), "every client gets the whole body");
            xCache.merge(header(r, "X-Cache"), 1, Integer::sum);
        }
        assertEquals(1, originCount());
        assertEquals(Map.of("HIT", clients - 1, "MISS", 1), xCache);
    }

    @Test
    void aSecondClientReadsAMissWhileTheOriginIsStillSendingIt() throws Exception {
        byte[] first = bytes(70_000, 1);
        byte[] rest = bytes(50_000, 2);
        StreamedBody slow = StreamedBody.create();
        origin(r -> MockResponse.builder()
                .header("Cache-Control", "max-age=60")
                .body(slow)
                .build());
        CompletableFuture<StreamingResponse> firstClient =
                CompletableFuture.supplyAsync(() -> host.get("/video").sendStreaming());
        assertTrue(slow.awaitSent(WAIT), "the first request reaches the origin");
        slow.write(first);
        try (StreamingResponse a = firstClient.get(WAIT.getSeconds(), TimeUnit.SECONDS)) {
            assertEquals("MISS", header(a, "X-Cache"));
            assertArrayEquals(first, a.body().readNBytes(first.length), "the first client streams the miss");
            try (StreamingResponse b = host.get("/video").sendStreaming()) {
                assertEquals("HIT", header(b, "X-Cache"));
                assertArrayEquals(
                        first, b.body().readNBytes(first.length), "the second client reads what has arrived so far");
                assertEquals(1, originCount(), "while the origin is still sending");
                slow.write(rest).end();
                assertArrayEquals(rest, a.body().readAllBytes());
                assertArrayEquals(rest, b.body().readAllBytes());
            }
        }
        settle();
        TestResponse later = get("/video");
        assertEquals(first.length + rest.length, later.body().length);
        assertEquals(1, originCount());
    }

    // ---- revalidation and stale responses

    @Test
    void aStaleResponseIsRevalidatedAndA304RefreshesTheStoredObject() throws Exception {
        String lastModified = "Sun, 01 Mar 2026 11:00:00 GMT";
        origin(r -> r.header("If-None-Match").isPresent()
                ? answer(304, "", "ETag", "\"v1\"", "Cache-Control", "max-age=100", "X-Revalidated", "yes")
                : answer(
                        200,
                        "body v1",
                        "ETag",
                        "\"v1\"",
                        "Last-Modified",
                        lastModified,
                        "Cache-Control",
                        "max-age=10"));
        assertEquals("body v1", get("/doc").bodyText());
        settle();
        advance(Duration.ofSeconds(11));

        TestResponse revalidated = get("/doc");
        assertEquals(200, revalidated.status());
        assertEquals("body v1", revalidated.bodyText(), "the stored body, refreshed");
        // as on Fastly, the 304 gives the freshness; the stored headers stay as first stored
        assertNull(header(revalidated, "X-Revalidated"));
        RecordedRequest conditional = host.backend(Main.BACKEND).lastRequest();
        assertEquals("\"v1\"", conditional.header("If-None-Match").orElse(null));
        assertEquals(lastModified, conditional.header("If-Modified-Since").orElse(null));

        advance(Duration.ofSeconds(99));
        TestResponse hit = get("/doc");
        assertEquals("HIT", header(hit, "X-Cache"), "fresh for the 304's 100 s");
        assertEquals("99", header(hit, "Age"));
        assertEquals("max-age=10", header(hit, "Cache-Control"), "the Cache-Control first stored");
        assertEquals("body v1", hit.bodyText());
        assertEquals(2, originCount());
    }

    @Test
    void staleIfErrorServesTheStaleResponseWhileTheOriginFailsWithinItsWindowOnly() throws Exception {
        origin(r -> answer(200, "v1", "Cache-Control", "max-age=10, stale-if-error=60"));
        get("/news");
        settle();
        advance(Duration.ofSeconds(20));

        host.backend(Main.BACKEND).fail(SendErrorKind.CONNECTION_REFUSED);
        TestResponse refused = get("/news");
        assertEquals(200, refused.status());
        assertEquals("v1", refused.bodyText(), "stale stands in for an unreachable origin");
        assertEquals("HIT", header(refused, "X-Cache"));
        assertEquals("1", header(refused, "X-Cache-Hits"), "a stale answer counts as a hit");
        origin(r -> answer(503, "down"));
        TestResponse unavailable = get("/news");
        assertEquals(200, unavailable.status());
        assertEquals("v1", unavailable.bodyText(), "stale stands in for a 5xx");
        assertEquals("2", header(unavailable, "X-Cache-Hits"));

        advance(Duration.ofSeconds(55)); // 75 s old: past max-age plus stale-if-error
        TestResponse late = get("/news");
        assertEquals(503, late.status());
        assertEquals("down", late.bodyText());
        host.backend(Main.BACKEND).fail(SendErrorKind.CONNECTION_REFUSED);
        TestResponse lateRefused = get("/news");
        assertEquals(502, lateRefused.status());
        assertEquals("origin unavailable: CONNECTION_REFUSED\n", lateRefused.bodyText());
        assertEquals(5, originCount());
    }

    // ---- what is stored, and how

    @Test
    void varyKeepsOneVariantPerRequestHeaderValue() throws Exception {
        origin(r -> answer(
                200,
                "lang=" + r.header("Accept-Language").orElse("none") + " v" + version.get(),
                "Cache-Control",
                "max-age=60",
                "Vary",
                "Accept-Language"));
        assertEquals("lang=en v1", getWith("/greeting", "Accept-Language", "en").bodyText());
        assertEquals("lang=fr v1", getWith("/greeting", "Accept-Language", "fr").bodyText());
        settle();
        version.set(2);
        TestResponse en = getWith("/greeting", "Accept-Language", "en");
        assertEquals("lang=en v1", en.bodyText());
        assertEquals("HIT", header(en, "X-Cache"));
        assertEquals("Accept-Language", header(en, "Vary"));
        TestResponse fr = getWith("/greeting", "Accept-Language", "fr");
        assertEquals("lang=fr v1", fr.bodyText());
        assertEquals("HIT", header(fr, "X-Cache"));
        TestResponse none = get("/greeting");
        assertEquals("lang=none v2", none.bodyText(), "a third variant");
        assertEquals("MISS", header(none, "X-Cache"));
        assertEquals(3, originCount());
    }

    @Test
    void aResponseSettingACookieIsPassedAndLaterRequestsAreNotCollapsed() throws Exception {
        uncacheableResponsesGoToTheOriginEveryTime("Set-Cookie", "session=abc; HttpOnly");
    }

    @Test
    void aNoStoreResponseIsPassedAndLaterRequestsAreNotCollapsed() throws Exception {
        uncacheableResponsesGoToTheOriginEveryTime("Cache-Control", "no-store");
    }

    @Test
    void aPrivateResponseIsPassedAndLaterRequestsAreNotCollapsed() throws Exception {
        uncacheableResponsesGoToTheOriginEveryTime("Cache-Control", "private");
    }

    private void uncacheableResponsesGoToTheOriginEveryTime(String name, String value) throws Exception {
        host.backend(Main.BACKEND).enqueue(answer(200, "first", "Cache-Control", "max-age=600", name, value));
        TestResponse first = get("/account");
        assertEquals("first", first.bodyText());
        assertTrue(first.headers().values(name).contains(value), "the client gets the origin's " + name);
        settle();
        advance(Duration.ofSeconds(60));
        // hit-for-pass: each request goes to the origin at once, none waits for another
        TestResponse[] later = reachTheOriginTogether("/account", 4, name, value);
        for (TestResponse r : later) {
            assertEquals("together", r.bodyText());
            assertEquals("MISS", header(r, "X-Cache"));
        }
        assertEquals(5, originCount());
    }

    @Test
    void passPathsAreNeitherLookedUpNorStoredNorCollapsed() throws Exception {
        origin(r -> answer(200, "v" + version.incrementAndGet(), "Cache-Control", "max-age=600"));
        assertEquals("v2", get("/pass/quote").bodyText());
        TestResponse second = get("/pass/quote");
        assertEquals("v3", second.bodyText());
        assertEquals("MISS", header(second, "X-Cache"));
        assertTrue(host.backend(Main.BACKEND).lastRequest().cacheOptions().pass(), "the request was sent with pass");
        for (TestResponse r : reachTheOriginTogether("/pass/quote", 4, "Cache-Control", "max-age=600")) {
            assertEquals("together", r.bodyText());
        }
        assertEquals(6, originCount());
    }

    /**
     * Sends {@code clients} concurrent requests whose origin answers only once all of them have reached it: a
     * request that waited for another would never arrive, and the origin's latch would time out.
     */
    private TestResponse[] reachTheOriginTogether(String path, int clients, String name, String value)
            throws Exception {
        CountDownLatch arrived = new CountDownLatch(clients);
        origin(r -> {
            arrived.countDown();
            await(arrived, "all " + clients + " requests to reach the origin together");
            return answer(200, "together", "Cache-Control", "max-age=600", name, value);
        });
        List<CompletableFuture<TestResponse>> sent = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            sent.add(host.get(path).sendAsync());
        }
        TestResponse[] out = new TestResponse[clients];
        for (int i = 0; i < clients; i++) {
            out[i] = sent.get(i).get(WAIT.getSeconds(), TimeUnit.SECONDS);
        }
        return out;
    }

    @Test
    void aHeadRequestFillsTheCacheWithTheWholeResponseAndAnswersWithItsLength() throws Exception {
        origin(r -> answer(200, "twelve bytes", "Cache-Control", "max-age=60"));
        TestResponse miss = host.request("HEAD", "/headed").send();
        assertEquals(200, miss.status());
        assertEquals("MISS", header(miss, "X-Cache"));
        assertEquals("12", header(miss, "Content-Length"), "a HEAD answer has the length a GET would get");
        assertEquals(0, miss.body().length);
        assertEquals("GET", host.backend(Main.BACKEND).requests().get(0).method(), "the fill fetches the body");
        settle();
        TestResponse hit = host.request("HEAD", "/headed").send();
        assertEquals("HIT", header(hit, "X-Cache"));
        assertEquals("12", header(hit, "Content-Length"));
        assertEquals(0, hit.body().length);
        TestResponse get = get("/headed");
        assertEquals("HIT", header(get, "X-Cache"));
        assertEquals("twelve bytes", get.bodyText());
        assertEquals(1, originCount());
    }

    @Test
    void xCacheHitsCountsTheHitsOfTheStoredObject() throws Exception {
        origin(r -> answer(200, "counted", "Cache-Control", "max-age=60"));
        TestResponse miss = get("/counted");
        assertEquals("MISS", header(miss, "X-Cache"));
        assertEquals("0", header(miss, "X-Cache-Hits"));
        settle();
        for (int i = 1; i <= 3; i++) {
            TestResponse hit = get("/counted");
            assertEquals("HIT", header(hit, "X-Cache"));
            assertEquals(Integer.toString(i), header(hit, "X-Cache-Hits"));
        }
        assertEquals(1, originCount());
    }

    @Test
    void surrogateHeadersDecideAndReachOnlyClientsThatDebugOrAreFastly() throws Exception {
        origin(r -> answer(
                200,
                "front page",
                "Cache-Control",
                "max-age=10",
                "Surrogate-Control",
                "max-age=300",
                "Surrogate-Key",
                "news front"));
        TestResponse debugMiss = getWith("/front", "Fastly-Debug", "1");
        assertEquals("MISS", header(debugMiss, "X-Cache"));
        assertEquals("max-age=300", header(debugMiss, "Surrogate-Control"));
        assertEquals("news front", header(debugMiss, "Surrogate-Key"));
        settle();
        advance(Duration.ofSeconds(100));

        TestResponse plain = get("/front");
        assertEquals("HIT", header(plain, "X-Cache"), "Surrogate-Control's max-age wins over Cache-Control's");
        assertNull(header(plain, "Surrogate-Control"));
        assertNull(header(plain, "Surrogate-Key"));
        assertEquals("max-age=10", header(plain, "Cache-Control"), "Cache-Control is the client's");
        TestResponse shield = getWith("/front", "Fastly-FF", "cache-node-1");
        assertEquals("HIT", header(shield, "X-Cache"));
        assertEquals("max-age=300", header(shield, "Surrogate-Control"));
        assertEquals("news front", header(shield, "Surrogate-Key"));
        TestResponse debugHit = getWith("/front", "Fastly-Debug", "1");
        assertEquals("news front", header(debugHit, "Surrogate-Key"));
        assertEquals(1, originCount());
    }

    // ---- purges

    @Test
    void aSoftPurgeServesStaleWhileOneRequestRevalidatesAHardPurgeDoesNot() throws Exception {
        origin(r -> answer(
                200,
                "v" + version.get(),
                "Cache-Control",
                "max-age=600, stale-while-revalidate=60",
                "Surrogate-Key",
                "catalog"));
        get("/catalog");
        settle();
        version.set(2);
        assertEquals("soft-purged\n", post("/soft-purge/catalog").bodyText());
        TestResponse stale = get("/catalog");
        assertEquals("v1", stale.bodyText(), "soft-purged: served stale while revalidated");
        assertEquals("HIT", header(stale, "X-Cache"));
        settle();
        assertEquals(2, originCount(), "one revalidation");
        assertEquals("v2", get("/catalog").bodyText());

        version.set(3);
        assertEquals("purged\n", post("/purge/catalog").bodyText());
        TestResponse afterHard = get("/catalog");
        assertEquals("v3", afterHard.bodyText(), "hard-purged: nothing stale to serve");
        assertEquals("MISS", header(afterHard, "X-Cache"));
        assertEquals(3, originCount());
    }

    // ---- helpers for the scenarios above

    private TestResponse getWith(String path, String name, String value) {
        return host.get(path).header(name, value).send();
    }

    private static String header(StreamingResponse r, String name) {
        return r.header(name).orElse(null);
    }

    /** Distinct bytes: a body mixed up with another, or cut, differs. */
    private static byte[] bytes(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed * 31 + i * 7 + (i >> 8));
        }
        return b;
    }

    private static void await(CountDownLatch latch, String what) throws InterruptedException {
        if (!latch.await(WAIT.getSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("timed out waiting for " + what);
        }
    }
}
