package io.github.computejava.host.readthrough;

import static io.github.computejava.host.readthrough.Harness.reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.computejava.abi.FastlyHttpReq;
import io.github.computejava.fsthttp.CacheOptions;
import io.github.computejava.host.HostEngine;
import io.github.computejava.host.backend.SendFailure;
import io.github.computejava.host.cache.CacheNamespace;
import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.RequestHead;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The host's readthrough cache behind {@code Request.send}, with a virtual clock. */
class ReadthroughSendTest {
    private final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aMissIsFetchedAndStoredThenServedAsAHit() {
        h.origin((r, b) -> reply(200, "hello", "Cache-Control", "max-age=60", "Content-Type", "text/plain"));
        Harness.Reply miss = h.get("http://example.com/a");
        assertEquals(200, miss.status);
        assertEquals("hello", miss.body);
        assertEquals("MISS", miss.header("X-Cache"));
        assertEquals("0", miss.header("X-Cache-Hits"));
        assertEquals("0", miss.header("Age"));
        h.settle();

        h.advanceSeconds(25);
        Harness.Reply hit = h.get("http://example.com/a");
        assertEquals("hello", hit.body);
        assertEquals("HIT", hit.header("X-Cache"));
        assertEquals("1", hit.header("X-Cache-Hits"));
        assertEquals("25", hit.header("Age"));
        assertEquals("text/plain", hit.header("Content-Type"));
        assertEquals("2", h.get("http://example.com/a").header("X-Cache-Hits"));
        assertEquals(1, h.originCount());
    }

    @Test
    void aResponseExpiresAtItsMaxAge() {
        h.get("http://example.com/a");
        h.settle();
        h.advanceSeconds(59);
        assertEquals("HIT", h.get("http://example.com/a").header("X-Cache"));
        h.advanceSeconds(1);
        assertEquals("MISS", h.get("http://example.com/a").header("X-Cache"));
        assertEquals(2, h.originCount());
    }

    @Test
    void theKeyIsTheUrlAndHost() {
        h.get("http://example.com/a");
        h.get("http://example.com/a?q");
        h.get("http://example.com/a", "Host", "other.test");
        h.settle();
        assertEquals(3, h.originCount());
        assertEquals("HIT", h.get("http://example.com/a?q").header("X-Cache"));
        assertEquals("HIT", h.get("http://example.com/a", "Host", "other.test").header("X-Cache"));
    }

    @Test
    void surrogateControlDecidesAndIsHiddenFromClients() {
        h.origin((r, b) -> reply(
                200, "x", "Surrogate-Control", "max-age=300", "Cache-Control", "max-age=0", "Surrogate-Key", "k1 k2"));
        Harness.Reply miss = h.get("http://example.com/a");
        assertNull(miss.header("Surrogate-Control"));
        assertNull(miss.header("Surrogate-Key"));
        assertEquals("max-age=0", miss.header("Cache-Control"));
        h.settle();
        h.advanceSeconds(299);
        Harness.Reply debug = h.get("http://example.com/a", "Fastly-Debug", "1");
        assertEquals("HIT", debug.header("X-Cache"));
        assertEquals("max-age=300", debug.header("Surrogate-Control"));
        assertEquals("k1 k2", debug.header("Surrogate-Key"));
        h.advanceSeconds(1);
        assertEquals("MISS", h.get("http://example.com/a").header("X-Cache"));
    }

    @Test
    void theSeedsSMaxageIsTheCachesAndMaxAgeTheBrowsers() {
        h.origin((r, b) -> reply(200, "x", "Cache-Control", "s-maxage=300, max-age=0"));
        h.get("http://example.com/a");
        h.settle();
        h.advanceSeconds(299);
        assertEquals("HIT", h.get("http://example.com/a").header("X-Cache"));
        assertEquals(1, h.originCount());
    }

    @Test
    void theDefaultTtlIsTwoMinutes() {
        h.origin((r, b) -> reply(404, "not here"));
        h.get("http://example.com/a");
        h.settle();
        h.advanceSeconds(119);
        Harness.Reply hit = h.get("http://example.com/a");
        assertEquals(404, hit.status);
        assertEquals("HIT", hit.header("X-Cache"));
        h.advanceSeconds(1);
        assertEquals("MISS", h.get("http://example.com/a").header("X-Cache"));
    }

    @Test
    void theDefaultTtlIsConfigurable() {
        try (Harness short2 = new Harness(HostEngine.builder().readthroughDefaultTtl(Duration.ofSeconds(30)))) {
            short2.origin((r, b) -> reply(200, "x"));
            short2.get("http://example.com/a");
            short2.settle();
            short2.advanceSeconds(29);
            assertEquals("HIT", short2.get("http://example.com/a").header("X-Cache"));
            short2.advanceSeconds(1);
            assertEquals("MISS", short2.get("http://example.com/a").header("X-Cache"));
        }
    }

    @Test
    void ageFromTheOriginShortensTheTtl() {
        h.origin((r, b) -> reply(200, "x", "Cache-Control", "max-age=100", "Age", "90"));
        Harness.Reply miss = h.get("http://example.com/a");
        assertEquals("90", miss.header("Age"));
        h.settle();
        h.advanceSeconds(9);
        Harness.Reply hit = h.get("http://example.com/a");
        assertEquals("HIT", hit.header("X-Cache"));
        assertEquals("99", hit.header("Age"));
        h.advanceSeconds(1);
        assertEquals("MISS", h.get("http://example.com/a").header("X-Cache"));
    }

    @Test
    void expiresCountsFromTheOriginsDate() {
        h.origin((r, b) ->
                reply(200, "x", "Date", "Sun, 01 Mar 2026 12:00:00 GMT", "Expires", "Sun, 01 Mar 2026 12:00:30 GMT"));
        h.get("http://example.com/a");
        h.settle();
        h.advanceSeconds(29);
        assertEquals("HIT", h.get("http://example.com/a").header("X-Cache"));
        h.advanceSeconds(1);
        assertEquals("MISS", h.get("http://example.com/a").header("X-Cache"));
    }

    @Test
    void aTtlOverrideReplacesTheOriginsLifetime() {
        h.cacheOptions(CacheOptions.builder().ttl(Duration.ofSeconds(30)).build());
        h.origin((r, b) -> reply(200, "x", "Cache-Control", "max-age=86400"));
        h.get("http://example.com/a");
        h.settle();
        h.advanceSeconds(29);
        assertEquals("HIT", h.get("http://example.com/a").header("X-Cache"));
        h.advanceSeconds(1);
        assertEquals("MISS", h.get("http://example.com/a").header("X-Cache"));
    }

    @Test
    void aTtlOverrideIsNotShortenedByTheOriginsAge() {
        // behind a CDN or a shield the origin's answer is already old; an explicit TTL counts from its arrival
        h.cacheOptions(CacheOptions.builder().ttl(Duration.ofSeconds(30)).build());
        h.origin((r, b) -> reply(200, "x", "Cache-Control", "max-age=3600", "Age", "100"));
        Harness.Reply miss = h.get("http://example.com/a");
        assertEquals("MISS", miss.header("X-Cache"));
        assertEquals("100", miss.header("Age"));
        h.settle();
        h.advanceSeconds(10);
        Harness.Reply hit = h.get("http://example.com/a");
        assertEquals("HIT", hit.header("X-Cache"));
        assertEquals("110", hit.header("Age"), "the age keeps counting from the origin's");
        assertEquals(1, h.originCount());
        h.advanceSeconds(19);
        assertEquals("HIT", h.get("http://example.com/a").header("X-Cache"));
        h.advanceSeconds(1);
        assertEquals("MISS", h.get("http://example.com/a").header("X-Cache"), "stale 30 s after arrival");
        assertEquals(2, h.originCount());
    }

    @Test
    void theSeedsCaveatATtlOverrideDoesNotCacheAPrivateResponse() {
        h.cacheOptions(CacheOptions.builder().ttl(Duration.ofSeconds(30)).build());
        h.origin((r, b) -> reply(200, "mine", "Cache-Control", "private"));
        for (int i = 0; i < 3; i++) {
            Harness.Reply r = h.get("http://example.com/cart");
            assertEquals("mine", r.body);
            assertEquals("MISS", r.header("X-Cache"));
        }
        assertEquals(3, h.originCount());
    }

    @Test
    void uncacheableResponsesGoToTheOriginEveryTime() {
        String[][] cases = {
            {"Set-Cookie", "session=1"},
            {"Cache-Control", "no-store"},
            {"Surrogate-Control", "no-store"},
            {"Vary", "*"},
        };
        int expected = 0;
        for (String[] header : cases) {
            h.origin((r, b) -> reply(200, "x", "Cache-Control", "max-age=60", header[0], header[1]));
            String url = "http://example.com/" + header[0];
            h.get(url);
            h.get(url);
            expected += 2;
            assertEquals(expected, h.originCount(), header[0] + ": " + header[1]);
        }
    }

    @Test
    void uncacheableStatusesAreNotStored() {
        h.origin((r, b) -> reply(500, "oops", "Cache-Control", "max-age=60"));
        assertEquals(500, h.get("http://example.com/a").status);
        assertEquals(500, h.get("http://example.com/a").status);
        assertEquals(2, h.originCount());
    }

    @Test
    void onlyGetAndHeadAreCached() {
        h.request("POST", "http://example.com/a");
        h.request("POST", "http://example.com/a");
        h.request("PUT", "http://example.com/a");
        assertEquals(3, h.originCount());
        assertEquals("POST", h.originRequests.get(0).method());
    }

    @Test
    void passGoesToTheOriginAndStoresNothing() {
        h.cacheOptions(CacheOptions.PASS);
        h.get("http://example.com/a");
        h.get("http://example.com/a");
        assertEquals(2, h.originCount());
        h.cacheOptions(CacheOptions.DEFAULT);
        h.get("http://example.com/a");
        h.settle();
        assertEquals(3, h.originCount());
        assertEquals("HIT", h.get("http://example.com/a").header("X-Cache"));
    }

    @Test
    void aHeadMissFillsTheCacheWithAGet() {
        Harness.Reply head = h.request("HEAD", "http://example.com/a");
        assertEquals("", head.body);
        assertEquals("GET", h.lastOriginRequest().method());
        h.settle();
        Harness.Reply get = h.get("http://example.com/a");
        assertEquals("HIT", get.header("X-Cache"));
        assertEquals("hello", get.body);
        assertEquals("", h.request("HEAD", "http://example.com/a").body);
        assertEquals(1, h.originCount());
    }

    @Test
    void theClientsConditionalHeadersDoNotReachTheOriginOnAMiss() {
        h.get("http://example.com/a", "If-None-Match", "\"x\"", "Range", "bytes=0-1");
        assertNull(h.lastOriginRequest().headers().first("If-None-Match"));
        assertNull(h.lastOriginRequest().headers().first("Range"));
    }

    @Test
    void varyKeepsOneVariantPerHeaderValue() {
        h.origin((r, b) -> reply(
                200,
                "lang=" + r.headers().first("Accept-Language"),
                "Cache-Control",
                "max-age=60",
                "Vary",
                "Accept-Language"));
        assertEquals("lang=fr", h.get("http://example.com/a", "Accept-Language", "fr").body);
        assertEquals("lang=de", h.get("http://example.com/a", "Accept-Language", "de").body);
        h.settle();
        Harness.Reply fr = h.get("http://example.com/a", "Accept-Language", "fr");
        assertEquals("HIT", fr.header("X-Cache"));
        assertEquals("lang=fr", fr.body);
        assertEquals("lang=de", h.get("http://example.com/a", "Accept-Language", "de").body);
        assertEquals(2, h.originCount());
    }

    @Test
    void atMostEightVaryRulesPerObjectTheNinthIsPassedOnUnstored() {
        AtomicInteger n = new AtomicInteger();
        h.origin((r, b) -> reply(200, "x", "Cache-Control", "max-age=60", "Vary", "X-V" + n.incrementAndGet()));
        for (int i = 1; i <= 9; i++) {
            assertEquals("MISS", get(i).header("X-Cache"), "request " + i);
            h.settle();
        }
        assertEquals(
                8,
                h.engine.cacheStore().objects(CacheNamespace.READTHROUGH, KEY_A).size());
        assertEquals("HIT", get(8).header("X-Cache"), "the eighth rule's variant is stored");
        assertEquals("MISS", get(9).header("X-Cache"), "the ninth rule's was not");
        assertEquals(10, h.originCount());
    }

    private static final byte[] KEY_A =
            ReadthroughCache.key(new RequestHead("GET", "http://example.com/a", new HeaderList()));

    /** A request whose X-V1..X-V9 headers all differ from those of request {@code i}'s predecessors. */
    private Harness.Reply get(int i) {
        String[] headers = new String[18];
        for (int k = 0; k < 9; k++) {
            headers[2 * k] = "X-V" + (k + 1);
            headers[2 * k + 1] = Integer.toString(i);
        }
        return h.get("http://example.com/a", headers);
    }

    @Test
    void theProgramsKeyReplacesUrlAndHost() {
        byte[] key = new byte[32];
        key[0] = 7;
        h.cacheOptions(CacheOptions.builder().overrideKey(key).build());
        h.origin((r, b) -> reply(200, r.uri(), "Cache-Control", "max-age=60"));
        assertEquals("http://example.com/a", h.get("http://example.com/a").body);
        assertNull(h.lastOriginRequest().headers().first("fastly-xqd-cache-key"));
        h.settle();
        Harness.Reply shared = h.get("http://example.com/b");
        assertEquals("HIT", shared.header("X-Cache"));
        assertEquals("http://example.com/a", shared.body);
    }

    @Test
    void aFailedSendWithoutStaleContentIsAnError() {
        h.origin((r, b) -> {
            throw new SendFailure(FastlyHttpReq.SEND_ERROR_TAG_CONNECTION_REFUSED, "refused");
        });
        Harness.Reply r = h.get("http://example.com/a");
        assertEquals(500, r.status, "the handler's uncaught send error becomes a 500");
        h.origin((r2, b) -> reply(200, "back"));
        assertEquals("back", h.get("http://example.com/a").body);
    }
}
