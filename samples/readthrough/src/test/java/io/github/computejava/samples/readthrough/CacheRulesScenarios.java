package io.github.computejava.samples.readthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.computejava.testkit.MockResponse;
import io.github.computejava.testkit.RecordedRequest;
import io.github.computejava.testkit.TestHost;
import io.github.computejava.testkit.TestRequest;
import io.github.computejava.testkit.TestResponse;
import io.github.computejava.testkit.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fastly's readthrough rules that docs/caching.md lists, as stories through the sample's default path (the origin's
 * headers decide), run through each door by a subclass: {@link CacheRulesTest} (the program in-process) and
 * {@link CacheRulesIT} (the built main.wasm on the local server). Conditional and range requests answered from the
 * cache, a revalidating 304, and the way Fastly reads caching headers.
 */
abstract class CacheRulesScenarios {
    private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
    private static final String NOW_DATE = "Sun, 01 Mar 2026 12:00:00 GMT";
    private static final String LAST_MODIFIED = "Sun, 01 Mar 2026 10:00:00 GMT";
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz";

    private TestHost host;

    /**
     * A host running the sample through this subclass's door.
     *
     * @param builder a builder with the stories' clock
     */
    abstract TestHost open(TestHost.Builder builder);

    @BeforeEach
    void start() {
        host = open(TestHost.builder().clock(new VirtualClock(START)));
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private void origin(MockResponse response) {
        host.backend(Main.BACKEND).respond(response);
    }

    private int originCount() {
        return host.backend(Main.BACKEND).requestCount();
    }

    private RecordedRequest lastAtOrigin() {
        return host.backend(Main.BACKEND).lastRequest();
    }

    private TestResponse get(String path, String... headers) {
        TestRequest request = host.get(path);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.send();
    }

    private void settle() throws InterruptedException {
        if (!host.engine().readthrough().awaitBackgroundWork(Duration.ofSeconds(10))) {
            throw new AssertionError("background work did not finish");
        }
    }

    private void advance(long seconds) {
        host.clock().advance(Duration.ofSeconds(seconds));
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

    private void originServesTheAlphabet() {
        origin(answer(
                200,
                ALPHABET,
                "Cache-Control",
                "max-age=600",
                "Content-Type",
                "text/plain",
                "ETag",
                "\"abc\"",
                "Last-Modified",
                LAST_MODIFIED));
    }

    // ---- conditional requests answered from the cache (RFC 9110 sections 13.1.1 to 13.2.2)

    @Test
    void ifNoneMatchIsAnsweredWithA304FromTheCache() throws Exception {
        originServesTheAlphabet();
        TestResponse miss = get("/doc", "If-None-Match", "\"abc\"");
        assertEquals(304, miss.status(), "a miss is fetched whole, then answered");
        assertEquals("", miss.bodyText());
        assertNull(lastAtOrigin().header("If-None-Match").orElse(null), "the origin got no conditional header");
        settle();

        TestResponse hit = get("/doc", "If-None-Match", "\"other\", W/\"abc\"");
        assertEquals(304, hit.status(), "a list of tags, compared weakly");
        assertEquals("HIT", header(hit, "X-Cache"));
        assertEquals("\"abc\"", header(hit, "ETag"));
        assertEquals("max-age=600", header(hit, "Cache-Control"));
        assertNull(header(hit, "Content-Type"), "a 304 carries only what RFC 9110 section 15.4.5 lists");
        assertEquals(304, get("/doc", "If-None-Match", "abc").status(), "an unquoted tag");
        assertEquals(304, get("/doc", "If-None-Match", "*").status());
        assertEquals(ALPHABET, get("/doc", "If-None-Match", "\"ABC\"").bodyText(), "tags are case-sensitive");
        assertEquals(
                304,
                host.request("HEAD", "/doc")
                        .header("If-None-Match", "\"abc\"")
                        .send()
                        .status());
        assertEquals(1, originCount());
    }

    @Test
    void ifModifiedSinceIsComparedWithTheStoredLastModifiedAndLosesToIfNoneMatch() throws Exception {
        originServesTheAlphabet();
        get("/doc");
        settle();
        assertEquals(304, get("/doc", "If-Modified-Since", LAST_MODIFIED).status());
        assertEquals(304, get("/doc", "If-Modified-Since", NOW_DATE).status());
        assertEquals(
                ALPHABET,
                get("/doc", "If-Modified-Since", "Sun, 01 Mar 2026 09:59:59 GMT")
                        .bodyText());
        TestResponse noneMatchWins = get("/doc", "If-None-Match", "\"other\"", "If-Modified-Since", NOW_DATE);
        assertEquals(200, noneMatchWins.status(), "If-None-Match is evaluated, If-Modified-Since ignored");
        assertEquals(ALPHABET, noneMatchWins.bodyText());
        assertEquals(1, originCount());
    }

    @Test
    void aStaleObjectRevalidatedByA304AnswersTheClientsIfModifiedSince() throws Exception {
        host.backend(Main.BACKEND)
                .respond(r -> r.header("If-None-Match").isPresent()
                        ? answer(304, "", "Cache-Control", "max-age=60", "Last-Modified", NOW_DATE)
                        : answer(
                                200,
                                ALPHABET,
                                "Cache-Control",
                                "max-age=10",
                                "ETag",
                                "\"abc\"",
                                "Last-Modified",
                                LAST_MODIFIED));
        get("/doc");
        settle();
        advance(11);
        TestResponse revalidated = get("/doc", "If-Modified-Since", LAST_MODIFIED);
        assertEquals(304, revalidated.status(), "compared with the Last-Modified first stored");
        assertEquals("\"abc\"", lastAtOrigin().header("If-None-Match").orElse(null), "the cache's own validator");
        assertEquals(LAST_MODIFIED, lastAtOrigin().header("If-Modified-Since").orElse(null));
        assertEquals(2, originCount());
    }

    // ---- range requests answered from the cache (RFC 9110 section 14)

    @Test
    void aRangeRequestIsAnsweredWithTheSliceOfTheWholeStoredObject() throws Exception {
        originServesTheAlphabet();
        TestResponse miss = get("/file", "Range", "bytes=0-4");
        assertEquals(206, miss.status());
        assertEquals("abcde", miss.bodyText());
        assertEquals("bytes 0-4/26", header(miss, "Content-Range"));
        assertEquals("5", header(miss, "Content-Length"));
        assertNull(lastAtOrigin().header("Range").orElse(null), "the origin is asked for the whole object");
        settle();

        assertEquals(ALPHABET, get("/file").bodyText(), "the whole object was stored");
        TestResponse open = get("/file", "Range", "bytes=20-");
        assertEquals(206, open.status());
        assertEquals("uvwxyz", open.bodyText());
        assertEquals("bytes 20-25/26", header(open, "Content-Range"));
        assertEquals("text/plain", header(open, "Content-Type"), "a 206 carries the stored headers");
        TestResponse suffix = get("/file", "Range", "bytes=-3");
        assertEquals("xyz", suffix.bodyText());
        assertEquals("bytes 23-25/26", header(suffix, "Content-Range"));
        assertEquals("HIT", header(suffix, "X-Cache"));
        assertEquals("vwxyz", get("/file", "Range", "bytes=21-99").bodyText(), "the last position is clamped");
        assertEquals(1, originCount());
    }

    @Test
    void anUnsatisfiableRangeIsA416AndSeveralRangesGetTheWholeObject() throws Exception {
        originServesTheAlphabet();
        get("/file");
        settle();
        TestResponse beyond = get("/file", "Range", "bytes=26-");
        assertEquals(416, beyond.status());
        assertEquals("bytes */26", header(beyond, "Content-Range"));
        assertEquals("", beyond.bodyText());
        TestResponse several = get("/file", "Range", "bytes=0-1,4-5");
        assertEquals(200, several.status(), "Fastly serves a request for several ranges whole");
        assertEquals(ALPHABET, several.bodyText());
        assertEquals(
                ALPHABET,
                get("/file", "Range", "bytes=0-1", "If-Range", "\"old\"").bodyText(),
                "If-Range");
        assertEquals(
                "ab", get("/file", "Range", "bytes=0-1", "If-Range", "\"abc\"").bodyText());
        assertEquals(1, originCount());
    }

    @Test
    void aProgramWithCacheHooksGetsTheSameAnswersThroughFastlysHttpCacheApi() throws Exception {
        originServesTheAlphabet();
        TestResponse miss = get("/hooks/file", "Range", "bytes=-2");
        assertEquals(206, miss.status());
        assertEquals("yz", miss.bodyText());
        assertEquals("after-send", header(miss, "X-Stored-By"), "stored through the after-send hook");
        assertNull(lastAtOrigin().header("Range").orElse(null));
        settle();
        TestResponse hit = get("/hooks/file", "Range", "bytes=1-2");
        assertEquals("bc", hit.bodyText());
        assertEquals("HIT", header(hit, "X-Cache"));
        assertEquals(304, get("/hooks/file", "If-None-Match", "\"abc\"").status());
        assertEquals(416, get("/hooks/file", "Range", "bytes=99-").status());
        assertEquals(1, originCount());
    }

    // ---- a 304 from the origin

    @Test
    void a304RefreshesTheFreshnessButKeepsTheStoredHeaders() throws Exception {
        host.backend(Main.BACKEND)
                .respond(r -> r.header("If-None-Match").isPresent()
                        ? answer(
                                304,
                                "",
                                "Cache-Control",
                                "max-age=100",
                                "ETag",
                                "\"v2\"",
                                "Content-Type",
                                "text/html",
                                "Content-MD5",
                                "Q2hlY2sgSW50ZWdyaXR5IQ==",
                                "Expires",
                                "Sun, 01 Mar 2026 14:00:00 GMT",
                                "X-Custom",
                                "from the 304",
                                "Age",
                                "30")
                        : answer(
                                200,
                                "stored body",
                                "Cache-Control",
                                "max-age=10",
                                "ETag",
                                "\"v1\"",
                                "Content-Type",
                                "text/plain",
                                "Content-MD5",
                                "c3RvcmVkIGJvZHk=",
                                "Expires",
                                "Sun, 01 Mar 2026 13:00:00 GMT",
                                "X-Custom",
                                "first stored"));
        get("/page");
        settle();
        advance(11);
        TestResponse revalidated = get("/page");
        assertEquals(200, revalidated.status());
        assertEquals("stored body", revalidated.bodyText());
        assertEquals("30", header(revalidated, "Age"), "Age restarts at the 304's Age");
        assertEquals("\"v1\"", header(revalidated, "ETag"));
        assertEquals("c3RvcmVkIGJvZHk=", header(revalidated, "Content-MD5"));
        assertEquals("max-age=10", header(revalidated, "Cache-Control"));
        assertEquals("text/plain", header(revalidated, "Content-Type"));
        assertEquals("Sun, 01 Mar 2026 13:00:00 GMT", header(revalidated, "Expires"));
        assertEquals("first stored", header(revalidated, "X-Custom"));

        advance(69);
        TestResponse hit = get("/page");
        assertEquals("HIT", header(hit, "X-Cache"), "fresh for the 304's max-age, from the 304's Age");
        assertEquals("99", header(hit, "Age"));
        assertEquals("first stored", header(hit, "X-Custom"));
        advance(1);
        get("/page");
        assertEquals(3, originCount(), "stale again at the 304's max-age");
    }

    @Test
    void a304WithoutAgeRestartsTheAgeAtZero() throws Exception {
        host.backend(Main.BACKEND)
                .respond(r -> r.header("If-None-Match").isPresent()
                        ? answer(304, "", "Cache-Control", "max-age=50")
                        : answer(200, "body", "Cache-Control", "max-age=10", "ETag", "\"v1\"", "Age", "5"));
        get("/page");
        settle();
        advance(6);
        TestResponse revalidated = get("/page");
        assertEquals("0", header(revalidated, "Age"));
        advance(49);
        assertEquals("HIT", header(get("/page"), "X-Cache"));
        assertEquals(2, originCount());
    }

    // ---- how Fastly reads caching headers

    private void assertFreshFor(String path, long seconds) throws Exception {
        get(path);
        settle();
        advance(seconds - 1);
        assertEquals("HIT", header(get(path), "X-Cache"), path + " is fresh at " + (seconds - 1) + " s");
        int before = originCount();
        advance(1);
        get(path);
        assertEquals(before + 1, originCount(), path + " is stale at " + seconds + " s");
    }

    @Test
    void maxAgeCountsItsLeadingDigitsAndIgnoresAQuotedValue() throws Exception {
        for (String value : new String[] {"max-age=60a", "max-age=60.5", "max-age=60.0"}) {
            origin(answer(200, "x", "Cache-Control", value));
            assertFreshFor("/" + value, 60);
        }
        origin(answer(200, "x", "Cache-Control", "max-age=\"60\""));
        assertFreshFor("/quoted", 120); // ignored: Fastly's default TTL (2 min) applies
    }

    @Test
    void surrogateControlIsCaseSensitiveAndItsMaxAgeOutweighsNoStore() throws Exception {
        origin(answer(200, "x", "Surrogate-Control", "MaX-aGe=600", "Cache-Control", "max-age=30"));
        assertFreshFor("/mixed-case", 30);
        origin(answer(200, "x", "Surrogate-Control", "max-age=300", "Cache-Control", "no-store"));
        assertFreshFor("/no-store", 300);
        origin(answer(200, "x", "Cache-Control", "no-store"));
        get("/plain-no-store");
        settle();
        assertEquals("MISS", header(get("/plain-no-store"), "X-Cache"));
    }

    @Test
    void ageCountsItsLeadingDigitsAndANegativeAgeIsStale() throws Exception {
        origin(answer(200, "x", "Cache-Control", "max-age=7260", "Age", "7200.0"));
        assertFreshFor("/decimal", 60);
        origin(answer(200, "x", "Cache-Control", "max-age=7260", "Age", "7200;foo=bar"));
        get("/parameter");
        settle();
        advance(10);
        assertEquals("7210", header(get("/parameter"), "Age"));
        origin(answer(200, "x", "Cache-Control", "max-age=600", "Age", "-5"));
        get("/negative");
        settle();
        get("/negative");
        assertEquals(
                2,
                host.backend(Main.BACKEND).requests().stream()
                        .filter(r -> r.path().equals("/negative"))
                        .count());
    }

    @Test
    void expiresIsReadLenientlyAndItsFreshnessStartsAtAgeZero() throws Exception {
        origin(answer(200, "x", "Date", "Sun, 01 Mar 2026 9:00:00 GMT", "Expires", "Sun, 01 Mar 2026 9:10:00 GMT"));
        assertFreshFor("/one-digit-hour", 600);
        origin(answer(200, "x", "Date", NOW_DATE, "Expires", "Sun,  01 Mar 2026  12:10:00   GMT"));
        assertFreshFor("/extra-spaces", 600);
        origin(MockResponse.builder()
                .body("x")
                .header("Date", NOW_DATE)
                .header("Expires", "Sun, 01 Mar 2026 12:10:00 GMT")
                .header("Expires", "Sun, 01 Mar 2026 12:10:00 GMT")
                .build());
        assertFreshFor("/repeated", 600);
        // Fastly's documentation of Age: Expires-based freshness starts at age 0 whatever the origin's Age says
        origin(answer(200, "x", "Date", NOW_DATE, "Expires", "Sun, 01 Mar 2026 12:10:00 GMT", "Age", "500"));
        get("/aged");
        settle();
        advance(10);
        TestResponse hit = get("/aged");
        assertEquals("HIT", header(hit, "X-Cache"));
        assertEquals("10", header(hit, "Age"));
    }

    @Test
    void varyValuesAreComparedExactly() throws Exception {
        host.backend(Main.BACKEND)
                .respond(r -> answer(
                        200,
                        "for " + r.header("Accept-Language").orElse("-"),
                        "Cache-Control",
                        "max-age=60",
                        "Vary",
                        "Accept-Language"));
        assertEquals("for en-US", get("/greeting", "Accept-Language", "en-US").bodyText());
        settle();
        assertEquals("for en-us", get("/greeting", "Accept-Language", "en-us").bodyText(), "no case folding");
        settle();
        TestResponse again = get("/greeting", "Accept-Language", "en-US");
        assertEquals("for en-US", again.bodyText());
        assertEquals("HIT", header(again, "X-Cache"));
        assertEquals(2, originCount());
    }
}
