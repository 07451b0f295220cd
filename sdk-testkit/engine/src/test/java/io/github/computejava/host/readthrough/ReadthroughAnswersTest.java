package io.github.computejava.host.readthrough;

import static io.github.computejava.host.readthrough.Harness.reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.computejava.fsthttp.CacheOptions;
import io.github.computejava.fsthttp.Response;
import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.http.RequestHead;
import io.github.computejava.host.http.ResponseHead;
import io.github.computejava.host.http.UpstreamResponse;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Conditional and range requests through the readthrough cache, on the one-call send and on the HTTP cache API
 * (programs with hooks): what the client gets and what reaches the origin.
 */
class ReadthroughAnswersTest {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz";
    private static final String LM = "Sun, 01 Mar 2026 10:00:00 GMT";
    private final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    private void originServesTheAlphabet() {
        h.origin((r, b) -> reply(
                200,
                ALPHABET,
                "Cache-Control",
                "max-age=60",
                "ETag",
                "\"abc\"",
                "Last-Modified",
                LM,
                "Content-Length",
                "26"));
    }

    @Test
    void aRangeRequestThatMissesFetchesAndStoresTheWholeObjectAndGetsItsSlice() {
        originServesTheAlphabet();
        Harness.Reply miss = h.get("http://example.com/a", "Range", "bytes=2-4");
        assertEquals(206, miss.status);
        assertEquals("cde", miss.body);
        assertEquals("bytes 2-4/26", miss.header("Content-Range"));
        assertEquals("MISS", miss.header("X-Cache"));
        RequestHead atOrigin = h.lastOriginRequest();
        assertNull(atOrigin.headers().first("Range"), "the origin is asked for the whole object");
        h.settle();

        Harness.Reply whole = h.get("http://example.com/a");
        assertEquals(200, whole.status);
        assertEquals(ALPHABET, whole.body, "the whole object was stored");
        assertEquals("HIT", whole.header("X-Cache"));
        Harness.Reply suffix = h.get("http://example.com/a", "Range", "bytes=-3");
        assertEquals(206, suffix.status);
        assertEquals("xyz", suffix.body);
        assertEquals(416, h.get("http://example.com/a", "Range", "bytes=30-").status);
        assertEquals(ALPHABET, h.get("http://example.com/a", "Range", "bytes=0-1,3-4").body, "several ranges");
        assertEquals(1, h.originCount());
    }

    @Test
    void aRangeOfABodyWhoseLengthIsNotYetKnownIsServedWhole() {
        // the origin's body (no Content-Length) is held back until the program has its response head, so the cache
        // decides while the length is still unknown
        CountDownLatch headSeen = new CountDownLatch(1);
        InputStream held = new FilterInputStream(new ByteArrayInputStream(ALPHABET.getBytes(StandardCharsets.UTF_8))) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    if (!headSeen.await(10, TimeUnit.SECONDS)) {
                        throw new IOException("the program never got its response head");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                return super.read(b, off, len);
            }
        };
        h.origin((r, b) -> new UpstreamResponse(
                new ResponseHead(200, Headers.of("Cache-Control", "max-age=60")), BodyBuffer.fromStream(held, -1)));
        h.handler((request, w) -> {
            try (Response r = request.send("origin")) {
                headSeen.countDown();
                w.headers().setAll(r.headers());
                w.status(r.status());
                r.body().transferTo(w.body());
            }
        });
        Harness.Reply miss = h.get("http://example.com/a", "Range", "bytes=2-4");
        assertEquals(200, miss.status, "no Content-Length: the length is unknown while the miss streams");
        assertEquals(ALPHABET, miss.body);
        h.settle();
        Harness.Reply hit = h.get("http://example.com/a", "Range", "bytes=2-4");
        assertEquals(206, hit.status, "once stored, its length is known");
        assertEquals("cde", hit.body);
    }

    @Test
    void aConditionalRequestThatMissesReachesTheOriginUnconditionallyAndGetsA304() {
        originServesTheAlphabet();
        Harness.Reply miss = h.get("http://example.com/a", "If-None-Match", "\"abc\"");
        assertEquals(304, miss.status);
        assertEquals("", miss.body);
        assertEquals("\"abc\"", miss.header("ETag"));
        assertNull(h.lastOriginRequest().headers().first("If-None-Match"), "the cache fetches the whole object");
        h.settle();
        assertEquals(ALPHABET, h.get("http://example.com/a").body);
        assertEquals(304, h.get("http://example.com/a", "If-Modified-Since", LM).status);
        assertEquals(
                200,
                h.get("http://example.com/a", "If-None-Match", "\"other\"", "If-Modified-Since", LM).status,
                "If-None-Match wins over If-Modified-Since");
        assertEquals(304, h.request("HEAD", "http://example.com/a", "If-None-Match", "W/\"abc\"").status);
        assertEquals(1, h.originCount());
    }

    @Test
    void aPassedRequestTakesItsConditionalAndRangeHeadersToTheOrigin() {
        h.origin((r, b) -> r.headers().first("Range") != null
                ? reply(206, "bc", "Content-Range", "bytes 1-2/26")
                : reply(304, ""));
        h.cacheOptions(CacheOptions.PASS);
        Harness.Reply ranged = h.get("http://example.com/a", "Range", "bytes=1-2");
        assertEquals(206, ranged.status);
        assertEquals("bytes=1-2", h.lastOriginRequest().headers().first("Range"));
        Harness.Reply conditional = h.get("http://example.com/a", "If-None-Match", "\"abc\"");
        assertEquals(304, conditional.status);
        assertEquals("\"abc\"", h.lastOriginRequest().headers().first("If-None-Match"));
    }

    @Test
    void aRevalidatedObjectAnswersTheClientsConditionalWithItsStoredValidators() {
        h.origin((r, b) -> r.headers().first("If-None-Match") != null
                ? reply(304, "", "Cache-Control", "max-age=60", "ETag", "\"new\"", "Last-Modified", "yesterday")
                : reply(200, ALPHABET, "Cache-Control", "max-age=10", "ETag", "\"abc\"", "Last-Modified", LM));
        h.get("http://example.com/a");
        h.settle();
        h.advanceSeconds(11);
        Harness.Reply revalidated = h.get("http://example.com/a", "If-Modified-Since", LM);
        assertEquals(304, revalidated.status, "the stored Last-Modified, kept through the 304, is not newer");
        assertEquals("\"abc\"", revalidated.header("ETag"), "the stored ETag stays as first stored");
        assertEquals("\"abc\"", h.lastOriginRequest().headers().first("If-None-Match"), "the cache's own validator");
        h.advanceSeconds(59);
        assertEquals("HIT", h.get("http://example.com/a").header("X-Cache"), "fresh for the 304's 60 s");
        assertEquals(2, h.originCount());
    }

    @Test
    void theHttpCacheApiAnswersRangeAndConditionalRequestsAsTheOneCallSendDoes() {
        originServesTheAlphabet();
        h.cacheOptions(CacheOptions.builder()
                .afterSend(c -> c.ttl(Duration.ofSeconds(120)))
                .build());
        Harness.Reply miss = h.get("http://example.com/a", "Range", "bytes=23-");
        assertEquals(206, miss.status);
        assertEquals("xyz", miss.body);
        assertNull(h.lastOriginRequest().headers().first("Range"));
        h.settle();
        Harness.Reply hit = h.get("http://example.com/a", "Range", "bytes=0-0");
        assertEquals(206, hit.status);
        assertEquals("a", hit.body);
        assertEquals("HIT", hit.header("X-Cache"));
        assertEquals(304, h.get("http://example.com/a", "If-None-Match", "\"abc\"").status);
        assertEquals(1, h.originCount());
    }

    @Test
    void throughTheHttpCacheApiA304AlsoKeepsTheStoredHeaders() {
        h.origin((r, b) -> r.headers().first("If-None-Match") != null
                ? reply(304, "", "Cache-Control", "max-age=60", "X-Custom", "from the 304", "Age", "5")
                : reply(200, ALPHABET, "Cache-Control", "max-age=10", "ETag", "\"abc\"", "X-Custom", "stored"));
        h.cacheOptions(CacheOptions.builder().afterSend(c -> {}).build());
        h.get("http://example.com/a");
        h.settle();
        h.advanceSeconds(11);
        Harness.Reply revalidated = h.get("http://example.com/a");
        assertEquals(ALPHABET, revalidated.body);
        assertEquals("stored", revalidated.header("X-Custom"));
        assertEquals("max-age=10", revalidated.header("Cache-Control"));
        h.advanceSeconds(54);
        Harness.Reply hit = h.get("http://example.com/a");
        assertEquals("HIT", hit.header("X-Cache"), "fresh for the 304's 60 s, from its Age of 5");
        assertEquals("59", hit.header("Age"));
        h.advanceSeconds(1);
        h.get("http://example.com/a");
        assertEquals(3, h.originCount());
    }

    @Test
    void surrogateControlMaxAgeMakesANoStoreResponseCacheable() {
        h.origin((r, b) -> reply(200, "kept", "Cache-Control", "no-store", "Surrogate-Control", "max-age=60"));
        h.get("http://example.com/a");
        h.settle();
        assertEquals("HIT", h.get("http://example.com/a").header("X-Cache"));
        h.origin((r, b) -> reply(200, "passed", "Cache-Control", "no-store", "Surrogate-Control", "MaX-aGe=60"));
        h.get("http://example.com/b");
        h.settle();
        assertEquals("MISS", h.get("http://example.com/b").header("X-Cache"), "Surrogate-Control is case-sensitive");
    }
}
