package io.github.computejava.host.readthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.host.http.CacheOverride;
import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.RequestHead;
import io.github.computejava.host.http.ResponseHead;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachePolicyTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final CachePolicy POLICY = CachePolicy.fastly();
    private static final CacheOverride TTL_30 = new CacheOverride(CacheOverride.TTL, 30, 0, null);

    private static CachePolicy.Decision evaluate(int status, CacheOverride override, String... headers) {
        return POLICY.evaluate(new ResponseHead(status, Headers.of(headers)), NOW, override);
    }

    @Test
    void onlyGetAndHeadAreLookedUp() {
        assertTrue(CachePolicy.isRequestCacheable("GET"));
        assertTrue(CachePolicy.isRequestCacheable("HEAD"));
        for (String m : List.of("POST", "PUT", "DELETE", "PURGE", "OPTIONS", "get")) {
            assertFalse(CachePolicy.isRequestCacheable(m), m);
        }
    }

    @Test
    void fastlysCacheableStatusesAreStored() {
        for (int status : List.of(200, 203, 300, 301, 302, 404, 410)) {
            assertEquals(
                    StorageAction.INSERT, evaluate(status, CacheOverride.NONE).action(), "status " + status);
        }
    }

    @Test
    void otherStatusesAreNotStoredButNotRecordedEither() {
        for (int status : List.of(201, 204, 206, 303, 307, 308, 400, 403, 500, 502, 503, 504)) {
            CachePolicy.Decision d = evaluate(status, CacheOverride.NONE, "Cache-Control", "max-age=60");
            assertEquals(StorageAction.DO_NOT_STORE, d.action(), "status " + status);
            assertEquals("status " + status + " is not cacheable", d.reason());
        }
    }

    @Test
    void aTtlOverrideDoesNotMakeAnUncacheableStatusCacheable() {
        assertEquals(StorageAction.DO_NOT_STORE, evaluate(500, TTL_30).action());
    }

    @Test
    void privateNoStoreAndCookiesAreRecordedAsUncacheable() {
        assertEquals(
                "Cache-Control: private",
                evaluate(200, CacheOverride.NONE, "Cache-Control", "private, max-age=60")
                        .reason());
        assertEquals(
                "Cache-Control: no-store",
                evaluate(200, CacheOverride.NONE, "Cache-Control", "no-store").reason());
        assertEquals(
                "Surrogate-Control: no-store",
                evaluate(200, CacheOverride.NONE, "Surrogate-Control", "no-store")
                        .reason());
        assertEquals(
                "the response sets a cookie (Set-Cookie)",
                evaluate(200, CacheOverride.NONE, "Set-Cookie", "a=b").reason());
        assertEquals(
                "Vary: *",
                evaluate(200, CacheOverride.NONE, "Vary", "Accept, *").reason());
        for (String[] h : new String[][] {
            {"Cache-Control", "private"}, {"Cache-Control", "no-store"}, {"Set-Cookie", "a=b"}, {"Vary", "*"}
        }) {
            assertEquals(
                    StorageAction.RECORD_UNCACHEABLE,
                    evaluate(200, CacheOverride.NONE, h).action());
        }
    }

    @Test
    void theSeedsCaveatATtlOverrideLeavesAPrivateResponseUncached() {
        CachePolicy.Decision d = evaluate(200, TTL_30, "Cache-Control", "private");
        assertEquals(StorageAction.RECORD_UNCACHEABLE, d.action());
        assertEquals(Freshness.Source.DEFAULT, d.freshness().source());
    }

    @Test
    void noCacheIsIgnoredAsFastlyDoes() {
        CachePolicy.Decision d = evaluate(200, CacheOverride.NONE, "Cache-Control", "no-cache, max-age=50");
        assertEquals(StorageAction.INSERT, d.action());
        assertEquals(50, d.freshness().lifetimeSeconds());
    }

    @Test
    void theSeedsExampleSMaxageIsUsedByTheCache() {
        CachePolicy.Decision d = evaluate(200, CacheOverride.NONE, "Cache-Control", "s-maxage=300, max-age=0");
        assertEquals(300, d.freshness().lifetimeSeconds());
    }

    @Test
    void aTtlOverrideReplacesTheLifetimeOfACacheableResponse() {
        CachePolicy.Decision d = evaluate(200, TTL_30, "Cache-Control", "max-age=86400", "Age", "10");
        assertEquals(StorageAction.INSERT, d.action());
        assertEquals(40, d.freshness().lifetimeSeconds(), "the TTL is not reduced by Age");
        assertEquals(30, d.freshness().remainingSeconds());
    }

    @Test
    void aSwrOverrideReplacesTheHeaders() {
        CacheOverride swr = new CacheOverride(CacheOverride.STALE_WHILE_REVALIDATE, 0, 45, null);
        CachePolicy.Decision d = evaluate(200, swr, "Cache-Control", "max-age=10, stale-while-revalidate=5");
        assertEquals(45, d.freshness().staleWhileRevalidateSeconds());
        assertEquals(10, d.freshness().lifetimeSeconds());
    }

    @Test
    void pciMarksTheObjectSensitive() {
        assertTrue(
                evaluate(200, new CacheOverride(CacheOverride.PCI, 0, 0, null)).sensitive());
        assertFalse(evaluate(200, CacheOverride.NONE).sensitive());
    }

    @Test
    void surrogateKeysComeFromTheHeaderAndTheOverrideAndBadOnesAreDropped() {
        CacheOverride sk = new CacheOverride(0, 0, 0, "extra  a");
        CachePolicy.Decision d =
                evaluate(200, sk, "Surrogate-Key", "a b\u00e9c  c", "Surrogate-Key", "d " + "x".repeat(1025));
        assertEquals("a c d extra", d.surrogateKeys());
    }

    @Test
    void varyNamesAreLowerCaseDistinctAndInOrder() {
        CachePolicy.Decision d = evaluate(200, CacheOverride.NONE, "Vary", "Accept-Encoding, accept", "Vary", "X-A,");
        assertEquals(List.of("accept-encoding", "accept", "x-a"), d.varyNames());
    }

    @Test
    void hitForPassLastsTheLifetimeButAtLeastTwoMinutes() {
        assertEquals(
                120,
                evaluate(200, CacheOverride.NONE, "Cache-Control", "private, max-age=5")
                        .hitForPassSeconds());
        assertEquals(
                600,
                evaluate(200, CacheOverride.NONE, "Cache-Control", "private, max-age=600")
                        .hitForPassSeconds());
    }

    @Test
    void theBackendRequestDropsTheClientsConditionsAndAddsTheCachesOwn() {
        RequestHead client = new RequestHead(
                "GET",
                "http://example.com/a",
                Headers.of(
                        "If-None-Match", "\"client\"",
                        "Range", "bytes=0-1",
                        "If-Modified-Since", "Sun, 01 Mar 2026 00:00:00 GMT",
                        "fastly-xqd-cache-key", "00".repeat(32),
                        "Accept", "text/html"));
        RequestHead fill = CachePolicy.backendRequest(client, null);
        assertNull(fill.headers().first("If-None-Match"));
        assertNull(fill.headers().first("Range"));
        assertNull(fill.headers().first("If-Modified-Since"));
        assertNull(fill.headers().first("fastly-xqd-cache-key"));
        assertEquals("text/html", fill.headers().first("Accept"));
        assertEquals("\"client\"", client.headers().first("If-None-Match"), "the client's request is not changed");

        HeaderList stale = Headers.of("ETag", "\"v1\"", "Last-Modified", "Sat, 28 Feb 2026 00:00:00 GMT");
        RequestHead revalidate = CachePolicy.backendRequest(client, stale);
        assertEquals("\"v1\"", revalidate.headers().first("If-None-Match"));
        assertEquals("Sat, 28 Feb 2026 00:00:00 GMT", revalidate.headers().first("If-Modified-Since"));
        assertTrue(CachePolicy.hasValidator(stale));
        assertFalse(CachePolicy.hasValidator(Headers.of("Content-Type", "text/plain")));
    }

    @Test
    void a304RefreshesFreshnessFromItsOwnHeadersAndKeepsTheStoredResponse() {
        ResponseHead stored = new ResponseHead(
                200,
                Headers.of(
                        "Content-Type", "text/plain",
                        "Cache-Control", "max-age=10",
                        "ETag", "\"v1\"",
                        "Surrogate-Key", "page",
                        "Vary", "Accept-Language"));
        ResponseHead notModified = new ResponseHead(
                304,
                Headers.of(
                        "Cache-Control", "max-age=99, stale-while-revalidate=7",
                        "ETag", "\"v2\"",
                        "Surrogate-Key", "other",
                        "Age", "4"));
        CachePolicy.Decision d = CachePolicy.fastly().revalidated(stored, notModified, NOW, CacheOverride.NONE);
        assertEquals(StorageAction.INSERT, d.action());
        assertEquals(99, d.freshness().lifetimeSeconds(), "the 304's max-age");
        assertEquals(4, d.freshness().initialAgeSeconds(), "the 304's Age");
        assertEquals(7, d.freshness().staleWhileRevalidateSeconds());
        assertEquals("page", d.surrogateKeys(), "the stored response's keys");
        assertEquals(List.of("accept-language"), d.varyNames());
        assertEquals("max-age=10", stored.headers().first("Cache-Control"), "the stored head is not changed");

        CachePolicy.Decision noAge = CachePolicy.fastly()
                .revalidated(
                        stored,
                        new ResponseHead(304, Headers.of("Cache-Control", "max-age=5")),
                        NOW,
                        CacheOverride.NONE);
        assertEquals(0, noAge.freshness().initialAgeSeconds(), "without Age the age restarts at 0");
        CachePolicy.Decision overridden = CachePolicy.fastly()
                .revalidated(stored, notModified, NOW, new CacheOverride(CacheOverride.TTL, 30, 0, null));
        assertEquals(30, overridden.freshness().remainingSeconds(), "a TTL override still applies");
    }

    @Test
    void clientsDoNotSeeSurrogateHeadersUnlessTheyDebug() {
        HeaderList response = Headers.of("Surrogate-Key", "a", "Surrogate-Control", "max-age=9", "X", "y");
        CachePolicy.prepareForClient(response, new HeaderList(), true, 3, 12);
        assertNull(response.first("Surrogate-Key"));
        assertNull(response.first("Surrogate-Control"));
        assertEquals("HIT", response.first("X-Cache"));
        assertEquals("3", response.first("X-Cache-Hits"));
        assertEquals("12", response.first("Age"));
        assertEquals("y", response.first("X"));

        for (String debug : List.of("Fastly-FF", "Fastly-Debug")) {
            HeaderList kept = Headers.of("Surrogate-Key", "a", "Surrogate-Control", "max-age=9", "Age", "7");
            CachePolicy.prepareForClient(kept, Headers.of(debug, "1"), false, 5, -1);
            assertEquals("a", kept.first("Surrogate-Key"));
            assertEquals("max-age=9", kept.first("Surrogate-Control"));
            assertEquals("MISS", kept.first("X-Cache"));
            assertEquals("0", kept.first("X-Cache-Hits"));
            assertEquals("7", kept.first("Age"));
        }
    }
}
