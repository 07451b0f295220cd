package io.github.computejava.host.readthrough;

import static io.github.computejava.host.readthrough.Harness.reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.abi.FastlyHttpReq;
import io.github.computejava.fsthttp.CacheOptions;
import io.github.computejava.host.backend.SendFailure;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Revalidation, stale-while-revalidate, stale-if-error and purges, with a virtual clock. */
class ReadthroughStalenessTest {
    private final Harness h = new Harness();
    private final AtomicInteger version = new AtomicInteger(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aStaleResponseWithAnETagIsRevalidatedAndA304RefreshesIt() {
        h.origin((r, b) -> {
            if ("\"v1\"".equals(r.headers().first("If-None-Match"))) {
                return reply(304, "", "Cache-Control", "max-age=20", "ETag", "\"v1\"", "X-Checked", "yes");
            }
            return reply(200, "body v1", "Cache-Control", "max-age=10", "ETag", "\"v1\"");
        });
        h.get("http://example.com/a");
        h.settle();
        h.advanceSeconds(5);
        assertEquals("HIT", h.get("http://example.com/a").header("X-Cache"));
        h.advanceSeconds(5);
        Harness.Reply revalidated = h.get("http://example.com/a");
        assertEquals(200, revalidated.status);
        assertEquals("body v1", revalidated.body);
        // observed on Fastly: the stored headers stay as first stored, only the freshness comes from the 304
        assertNull(revalidated.header("X-Checked"), "the 304's headers are not merged into the stored ones");
        assertEquals("MISS", revalidated.header("X-Cache"));
        assertEquals("\"v1\"", h.lastOriginRequest().headers().first("If-None-Match"));
        assertEquals(2, h.originCount());

        h.advanceSeconds(19);
        Harness.Reply hit = h.get("http://example.com/a");
        assertEquals("HIT", hit.header("X-Cache"));
        assertEquals("body v1", hit.body);
        assertEquals("19", hit.header("Age"));
        assertEquals("2", hit.header("X-Cache-Hits"), "the hit count survives the update");
        h.advanceSeconds(1);
        h.get("http://example.com/a");
        assertEquals(3, h.originCount());
    }

    @Test
    void lastModifiedIsRevalidatedWithIfModifiedSince() {
        String lm = "Sat, 28 Feb 2026 00:00:00 GMT";
        h.origin((r, b) -> lm.equals(r.headers().first("If-Modified-Since"))
                ? reply(304, "", "Cache-Control", "max-age=10")
                : reply(200, "v1", "Cache-Control", "max-age=10", "Last-Modified", lm));
        h.get("http://example.com/a");
        h.settle();
        h.advanceSeconds(11);
        assertEquals("v1", h.get("http://example.com/a").body);
        assertEquals(lm, h.lastOriginRequest().headers().first("If-Modified-Since"));
    }

    @Test
    void aChangedResourceReplacesTheStaleOne() {
        h.origin((r, b) ->
                reply(200, "v" + version.get(), "Cache-Control", "max-age=10", "ETag", "\"v" + version.get() + "\""));
        h.get("http://example.com/a");
        h.settle();
        version.set(2);
        h.advanceSeconds(10);
        assertEquals("v2", h.get("http://example.com/a").body);
        h.settle();
        assertEquals("v2", h.get("http://example.com/a").body);
        assertEquals(2, h.originCount());
    }

    @Test
    void withoutValidatorsTheRequestIsUnconditional() {
        h.origin((r, b) -> reply(200, "x", "Cache-Control", "max-age=10"));
        h.get("http://example.com/a");
        h.settle();
        h.advanceSeconds(11);
        h.get("http://example.com/a");
        assertNull(h.lastOriginRequest().headers().first("If-None-Match"));
        assertNull(h.lastOriginRequest().headers().first("If-Modified-Since"));
    }

    @Test
    void staleWhileRevalidateServesStaleWhileOneBackgroundRequestRevalidates() throws Exception {
        CountDownLatch revalidating = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        h.origin((r, b) -> {
            if (version.get() == 2) {
                revalidating.countDown();
                await(release);
            }
            return reply(200, "v" + version.get(), "Cache-Control", "max-age=10, stale-while-revalidate=30");
        });
        h.get("http://example.com/a");
        h.settle();
        version.set(2);
        h.advanceSeconds(15);
        Harness.Reply stale = h.get("http://example.com/a");
        assertEquals("v1", stale.body);
        assertEquals("HIT", stale.header("X-Cache"));
        assertEquals("15", stale.header("Age"));
        assertTrue(revalidating.await(5, TimeUnit.SECONDS), "a background revalidation started");
        Harness.Reply during = h.get("http://example.com/a");
        assertEquals("v1", during.body, "served stale while the revalidation runs");
        release.countDown();
        h.settle();
        assertEquals(2, h.originCount(), "exactly one background revalidation");
        Harness.Reply fresh = h.get("http://example.com/a");
        assertEquals("v2", fresh.body);
        assertEquals("HIT", fresh.header("X-Cache"));
        assertEquals("0", fresh.header("Age"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void pastStaleWhileRevalidateTheClientWaitsForTheOrigin() {
        h.origin((r, b) -> reply(200, "v" + version.get(), "Cache-Control", "max-age=10, stale-while-revalidate=30"));
        h.get("http://example.com/a");
        h.settle();
        version.set(2);
        h.advanceSeconds(40);
        Harness.Reply r = h.get("http://example.com/a");
        assertEquals("v2", r.body);
        assertEquals("MISS", r.header("X-Cache"));
    }

    @Test
    void aStaleWhileRevalidateOverrideApplies() {
        h.cacheOptions(CacheOptions.builder()
                .staleWhileRevalidate(Duration.ofSeconds(60))
                .build());
        h.origin((r, b) -> reply(200, "v" + version.get(), "Cache-Control", "max-age=10"));
        h.get("http://example.com/a");
        h.settle();
        version.set(2);
        h.advanceSeconds(50);
        assertEquals("v1", h.get("http://example.com/a").body);
        h.settle();
        assertEquals("v2", h.get("http://example.com/a").body);
    }

    @Test
    void staleIfErrorStandsInForAFailingOrigin() {
        h.origin((r, b) -> reply(200, "good", "Cache-Control", "max-age=10, stale-if-error=60"));
        h.get("http://example.com/a");
        h.settle();
        h.advanceSeconds(30);
        h.origin((r, b) -> {
            throw new SendFailure(FastlyHttpReq.SEND_ERROR_TAG_CONNECTION_REFUSED, "down");
        });
        Harness.Reply stale = h.get("http://example.com/a");
        assertEquals(200, stale.status);
        assertEquals("good", stale.body);
        assertEquals("HIT", stale.header("X-Cache"));
        assertEquals("30", stale.header("Age"));

        h.origin((r, b) -> reply(503, "busy"));
        assertEquals("good", h.get("http://example.com/a").body, "a 5xx is an error too");

        h.origin((r, b) -> reply(404, "gone", "Cache-Control", "max-age=10"));
        assertEquals("gone", h.get("http://example.com/a").body, "a 4xx is an answer, not an error");
    }

    @Test
    void pastStaleIfErrorTheFailureReachesTheProgram() {
        h.origin((r, b) -> reply(200, "good", "Cache-Control", "max-age=10, stale-if-error=60"));
        h.get("http://example.com/a");
        h.settle();
        h.advanceSeconds(70);
        h.origin((r, b) -> reply(503, "busy"));
        Harness.Reply r = h.get("http://example.com/a");
        assertEquals(503, r.status);
        assertEquals("busy", r.body);
    }

    @Test
    void aHardSurrogateKeyPurgeRemovesTaggedObjects() {
        h.origin((r, b) -> reply(
                200,
                "v" + version.get(),
                "Cache-Control",
                "max-age=600",
                "Surrogate-Key",
                r.uri().endsWith("a") ? "news a" : "b"));
        h.get("http://example.com/a");
        h.get("http://example.com/b");
        h.settle();
        version.set(2);
        assertEquals(1, h.engine.readthrough().purgeSurrogateKey("news", false));
        assertEquals("v2", h.get("http://example.com/a").body);
        assertEquals("v1", h.get("http://example.com/b").body);
    }

    @Test
    void aSoftPurgeMarksStaleSoStaleWhileRevalidateStillServes() {
        h.origin((r, b) -> reply(
                200,
                "v" + version.get(),
                "Cache-Control",
                "max-age=600, stale-while-revalidate=60",
                "Surrogate-Key",
                "k"));
        h.get("http://example.com/a");
        h.settle();
        version.set(2);
        h.engine.readthrough().purgeSurrogateKey("k", true);
        assertEquals("v1", h.get("http://example.com/a").body);
        h.settle();
        assertEquals("v2", h.get("http://example.com/a").body);
    }

    @Test
    void theSurrogateKeyOverrideTagsTheObject() {
        h.cacheOptions(CacheOptions.builder().surrogateKey("product-1").build());
        h.origin((r, b) -> reply(200, "v" + version.get(), "Cache-Control", "max-age=600"));
        h.get("http://example.com/a");
        h.settle();
        version.set(2);
        h.engine.readthrough().purgeSurrogateKey("product-1", false);
        assertEquals("v2", h.get("http://example.com/a").body);
    }

    @Test
    void purgeByUrlAndPurgeAll() {
        h.origin((r, b) -> reply(200, r.uri() + " v" + version.get(), "Cache-Control", "max-age=600"));
        h.get("http://example.com/a");
        h.get("http://example.com/b");
        h.get("http://example.com/c");
        h.settle();
        version.set(2);
        assertEquals(1, h.engine.readthrough().purgeUrl("http://example.com/a"));
        assertEquals("http://example.com/a v2", h.get("http://example.com/a").body);
        assertEquals("http://example.com/b v1", h.get("http://example.com/b").body);
        h.settle();
        assertEquals(3, h.engine.readthrough().purgeAll());
        assertEquals("http://example.com/b v2", h.get("http://example.com/b").body);
        assertEquals("http://example.com/c v2", h.get("http://example.com/c").body);
    }
}
