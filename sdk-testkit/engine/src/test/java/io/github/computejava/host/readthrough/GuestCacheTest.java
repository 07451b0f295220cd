package io.github.computejava.host.readthrough;

import static io.github.computejava.host.readthrough.Harness.reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.computejava.abi.FastlyHttpReq;
import io.github.computejava.fsthttp.CacheOptions;
import io.github.computejava.fsthttp.CandidateResponse;
import io.github.computejava.host.backend.SendFailure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The program-driven flow: CacheOptions hooks over fastly_http_cache, on the same cache as send_v2. */
class GuestCacheTest {
    private final Harness h = new Harness();
    private final AtomicInteger version = new AtomicInteger(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void beforeSendRunsOnlyWhenTheRequestGoesToTheBackend() {
        AtomicInteger calls = new AtomicInteger();
        h.cacheOptions(CacheOptions.builder()
                .beforeSend(r -> {
                    calls.incrementAndGet();
                    r.headers().set("Authorization", "expensive token");
                })
                .build());
        Harness.Reply miss = h.get("http://example.com/a");
        assertEquals("hello", miss.body);
        assertEquals("MISS", miss.header("X-Cache"));
        assertEquals("expensive token", h.lastOriginRequest().headers().first("Authorization"));
        h.settle();
        Harness.Reply hit = h.get("http://example.com/a");
        assertEquals("HIT", hit.header("X-Cache"));
        assertEquals("1", hit.header("X-Cache-Hits"));
        assertEquals("hello", hit.body);
        assertEquals(1, calls.get());
        assertEquals(1, h.originCount());
    }

    @Test
    void beforeSendMayRewriteTheRequest() {
        h.cacheOptions(CacheOptions.builder()
                .beforeSend(r -> r.url("http://example.com/rewritten").headers().remove("X-Drop"))
                .build());
        h.get("http://example.com/a", "X-Drop", "1", "X-Keep", "2");
        assertEquals("http://example.com/rewritten", h.lastOriginRequest().uri());
        assertNull(h.lastOriginRequest().headers().first("X-Drop"));
        assertEquals("2", h.lastOriginRequest().headers().first("X-Keep"));
    }

    @Test
    void theCandidateShowsWhatTheHeadersSay() {
        AtomicReference<String> seen = new AtomicReference<>();
        h.origin((r, b) -> reply(
                200,
                "x",
                "Cache-Control",
                "max-age=60, stale-while-revalidate=7, stale-if-error=9",
                "Age",
                "5",
                "Vary",
                "Accept-Encoding",
                "Surrogate-Key",
                "a b"));
        h.cacheOptions(CacheOptions.builder()
                .afterSend(c -> seen.set(
                        c.status() + " " + c.isCacheable() + " ttl=" + c.ttl().getSeconds()
                                + " age=" + c.age().getSeconds() + " left="
                                + c.remainingTtl().getSeconds() + " swr="
                                + c.staleWhileRevalidate().getSeconds() + " sie="
                                + c.staleIfError().getSeconds()
                                + " vary=" + c.vary() + " keys=" + c.surrogateKeys() + " stale=" + c.isStale()
                                + " sensitive=" + c.sensitive() + " sieAvailable=" + c.staleIfErrorAvailable()))
                .build());
        h.get("http://example.com/a");
        assertEquals(
                "200 true ttl=60 age=5 left=55 swr=7 sie=9 vary=[accept-encoding] keys=[a, b] stale=false"
                        + " sensitive=false sieAvailable=false",
                seen.get());
    }

    @Test
    void theRequestsOverridesAreTheCandidatesStartingPoint() {
        AtomicReference<String> seen = new AtomicReference<>();
        h.cacheOptions(CacheOptions.builder()
                .ttl(Duration.ofSeconds(30))
                .staleWhileRevalidate(Duration.ofSeconds(3))
                .staleIfError(Duration.ofSeconds(4))
                .surrogateKey("extra")
                .pci(true)
                .afterSend(c -> seen.set(
                        c.ttl().getSeconds() + " " + c.staleWhileRevalidate().getSeconds() + " "
                                + c.staleIfError().getSeconds() + " " + c.surrogateKeys() + " " + c.sensitive()))
                .build());
        h.get("http://example.com/a");
        assertEquals("30 3 4 [extra] true", seen.get());
    }

    @Test
    void theRequestsTtlOverrideCountsFromArrivalInTheHookFlowToo() {
        h.origin((r, b) -> reply(200, "x", "Cache-Control", "max-age=3600", "Age", "100"));
        AtomicReference<String> seen = new AtomicReference<>();
        h.cacheOptions(CacheOptions.builder()
                .ttl(Duration.ofSeconds(30))
                .afterSend(c -> seen.set("ttl=" + c.ttl().getSeconds() + " left="
                        + c.remainingTtl().getSeconds()))
                .build());
        assertEquals("MISS", h.get("http://example.com/a").header("X-Cache"));
        assertEquals("ttl=130 left=30", seen.get());
        h.settle();
        h.advanceSeconds(29);
        Harness.Reply hit = h.get("http://example.com/a");
        assertEquals("HIT", hit.header("X-Cache"));
        assertEquals("129", hit.header("Age"));
        h.advanceSeconds(1);
        assertEquals("MISS", h.get("http://example.com/a").header("X-Cache"));
        assertEquals(2, h.originCount());
    }

    @Test
    void afterSendSetsTheTtl() {
        h.cacheOptions(CacheOptions.builder()
                .afterSend(c -> c.ttl(Duration.ofSeconds(5)))
                .build());
        h.get("http://example.com/a");
        h.settle();
        h.advanceSeconds(4);
        assertEquals("HIT", h.get("http://example.com/a").header("X-Cache"));
        h.advanceSeconds(1);
        assertEquals("MISS", h.get("http://example.com/a").header("X-Cache"));
    }

    @Test
    void aTtlOverrideStillLeavesAPrivateResponseUnstoredUnlessTheHookSaysOtherwise() {
        h.origin((r, b) -> reply(200, "mine", "Cache-Control", "private"));
        AtomicReference<Boolean> cacheable = new AtomicReference<>();
        h.cacheOptions(CacheOptions.builder()
                .ttl(Duration.ofSeconds(30))
                .afterSend(c -> cacheable.set(c.isCacheable()))
                .build());
        h.get("http://example.com/a");
        h.get("http://example.com/a");
        assertFalse(cacheable.get());
        assertEquals(2, h.originCount());

        h.cacheOptions(CacheOptions.builder()
                .ttl(Duration.ofSeconds(30))
                .afterSend(CandidateResponse::setCacheable)
                .build());
        h.get("http://example.com/b");
        h.settle();
        assertEquals("HIT", h.get("http://example.com/b").header("X-Cache"));
        assertEquals(3, h.originCount());
    }

    @Test
    void setUncacheableRecordsHitForPass() {
        AtomicInteger hooks = new AtomicInteger();
        h.cacheOptions(CacheOptions.builder()
                .afterSend(c -> {
                    hooks.incrementAndGet();
                    c.setUncacheable(true);
                })
                .build());
        assertEquals("MISS", h.get("http://example.com/a").header("X-Cache"));
        assertEquals("MISS", h.get("http://example.com/a").header("X-Cache"));
        assertEquals(2, h.originCount());
        assertEquals(1, hooks.get(), "the second request passed: no candidate, no hook");
    }

    @Test
    void setUncacheableWithoutRecordingLetsTheNextRequestTryAgain() {
        AtomicInteger hooks = new AtomicInteger();
        h.cacheOptions(CacheOptions.builder()
                .afterSend(c -> {
                    hooks.incrementAndGet();
                    c.setUncacheable(false);
                })
                .build());
        h.get("http://example.com/a");
        h.get("http://example.com/a");
        assertEquals(2, hooks.get());
    }

    @Test
    void theHookMayChangeHeadersStatusAndBody() {
        h.origin((r, b) -> reply(200, "hello", "Cache-Control", "max-age=60", "Set-Cookie", "a=b"));
        h.cacheOptions(CacheOptions.builder()
                .afterSend(c -> {
                    c.headers().remove("Set-Cookie");
                    c.headers().set("X-Stored", "yes");
                    c.status(203);
                    c.setCacheable();
                    c.bodyTransform((in, out) -> out.write(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                            .toUpperCase(Locale.ROOT)
                            .getBytes(StandardCharsets.UTF_8)));
                })
                .build());
        Harness.Reply miss = h.get("http://example.com/a");
        assertEquals(203, miss.status);
        assertEquals("HELLO", miss.body);
        assertNull(miss.header("Set-Cookie"));
        h.settle();
        Harness.Reply hit = h.get("http://example.com/a");
        assertEquals("HIT", hit.header("X-Cache"));
        assertEquals(203, hit.status);
        assertEquals("HELLO", hit.body);
        assertEquals("yes", hit.header("X-Stored"));
    }

    @Test
    void aTransformAppliesToAnUnstoredResponseToo() {
        h.cacheOptions(CacheOptions.builder()
                .afterSend(c -> c.setUncacheable(false).bodyTransform((in, out) -> out.write("replaced".getBytes())))
                .build());
        assertEquals("replaced", h.get("http://example.com/a").body);
    }

    @Test
    void surrogateKeysSetByTheHookArePurgeable() {
        h.origin((r, b) -> reply(200, "v" + version.get(), "Cache-Control", "max-age=600"));
        h.cacheOptions(CacheOptions.builder()
                .afterSend(c -> c.surrogateKeys(List.of("product-7", "all")))
                .build());
        h.get("http://example.com/a");
        h.settle();
        version.set(2);
        h.engine.readthrough().purgeSurrogateKey("product-7", false);
        assertEquals("v2", h.get("http://example.com/a").body);
    }

    @Test
    void varySetByTheHookKeepsVariants() {
        h.origin((r, b) -> reply(200, "for " + r.headers().first("X-Tier"), "Cache-Control", "max-age=600"));
        h.cacheOptions(
                CacheOptions.builder().afterSend(c -> c.vary(List.of("X-Tier"))).build());
        assertEquals("for gold", h.get("http://example.com/a", "X-Tier", "gold").body);
        assertEquals("for free", h.get("http://example.com/a", "X-Tier", "free").body);
        h.settle();
        assertEquals("for gold", h.get("http://example.com/a", "X-Tier", "gold").body);
        assertEquals(2, h.originCount());
    }

    @Test
    void bothFlowsShareTheCache() {
        h.cacheOptions(CacheOptions.builder()
                .afterSend(c -> c.ttl(Duration.ofSeconds(100)))
                .build());
        h.origin((r, b) -> reply(200, "from the hook flow", "Cache-Control", "max-age=1"));
        h.get("http://example.com/a");
        h.settle();
        h.advanceSeconds(50);
        h.cacheOptions(CacheOptions.DEFAULT);
        Harness.Reply hostFlow = h.get("http://example.com/a");
        assertEquals("HIT", hostFlow.header("X-Cache"));
        assertEquals("from the hook flow", hostFlow.body);

        h.get("http://example.com/b");
        h.settle();
        h.cacheOptions(CacheOptions.builder().beforeSend(r -> {}).build());
        assertEquals("HIT", h.get("http://example.com/b").header("X-Cache"));
        assertEquals(2, h.originCount());
    }

    @Test
    void aRevalidating304KeepsTheStoredBody() {
        AtomicReference<String> candidate = new AtomicReference<>();
        h.origin((r, b) -> "\"e\"".equals(r.headers().first("If-None-Match"))
                ? reply(304, "", "Cache-Control", "max-age=30", "ETag", "\"e\"")
                : reply(200, "stored body", "Cache-Control", "max-age=10", "ETag", "\"e\""));
        h.cacheOptions(CacheOptions.builder()
                .afterSend(c -> candidate.set(
                        c.status() + " stale=" + c.isStale() + " ttl=" + c.ttl().getSeconds()))
                .build());
        h.get("http://example.com/a");
        h.settle();
        h.advanceSeconds(11);
        Harness.Reply r = h.get("http://example.com/a");
        assertEquals(200, r.status);
        assertEquals("stored body", r.body);
        assertEquals("200 stale=true ttl=30", candidate.get());
        h.advanceSeconds(29);
        assertEquals("HIT", h.get("http://example.com/a").header("X-Cache"));
        assertEquals(2, h.originCount());
    }

    @Test
    void staleWhileRevalidateRevalidatesAfterTheResponseIsSent() {
        AtomicInteger hooks = new AtomicInteger();
        h.origin((r, b) -> reply(200, "v" + version.get(), "Cache-Control", "max-age=10, stale-while-revalidate=60"));
        h.cacheOptions(
                CacheOptions.builder().afterSend(c -> hooks.incrementAndGet()).build());
        h.get("http://example.com/a");
        h.settle();
        version.set(2);
        h.advanceSeconds(20);
        Harness.Reply stale = h.get("http://example.com/a");
        assertEquals("v1", stale.body);
        assertEquals("HIT", stale.header("X-Cache"));
        assertEquals(2, h.originCount(), "the revalidation ran once the handler had answered");
        assertEquals(2, hooks.get());
        h.settle();
        assertEquals("v2", h.get("http://example.com/a").body);
    }

    @Test
    void staleIfErrorStandsInWhenTheBackendFails() {
        h.cacheOptions(
                CacheOptions.builder().staleIfError(Duration.ofSeconds(120)).build());
        h.origin((r, b) -> reply(200, "good", "Cache-Control", "max-age=10"));
        h.get("http://example.com/a");
        h.settle();
        h.advanceSeconds(60);
        h.origin((r, b) -> {
            throw new SendFailure(FastlyHttpReq.SEND_ERROR_TAG_CONNECTION_REFUSED, "down");
        });
        Harness.Reply r = h.get("http://example.com/a");
        assertEquals("good", r.body);
        assertEquals("HIT", r.header("X-Cache"));

        h.origin((r2, b) -> reply(502, "bad gateway"));
        assertEquals("good", h.get("http://example.com/a").body, "a 5xx the hook leaves unstored");
    }

    @Test
    void aFailingAfterSendHookFallsBackToStaleIfErrorOrFails() {
        AtomicInteger hookCalls = new AtomicInteger();
        List<Boolean> staleAvailable = new java.util.ArrayList<>();
        h.cacheOptions(CacheOptions.builder()
                .staleIfError(Duration.ofSeconds(120))
                .afterSend(c -> {
                    if (hookCalls.incrementAndGet() > 1) {
                        staleAvailable.add(c.staleIfErrorAvailable());
                        throw new IllegalStateException("reject");
                    }
                })
                .build());
        h.origin((r, b) -> reply(200, "v" + version.get(), "Cache-Control", "max-age=10"));
        h.get("http://example.com/a");
        h.settle();
        version.set(2);
        h.advanceSeconds(20);
        assertEquals("v1", h.get("http://example.com/a").body);

        assertEquals(500, h.get("http://example.com/other").status, "no stale response to fall back on");
        assertEquals(List.of(true, false), staleAvailable);
    }

    @Test
    void theProgramsKeyAppliesInTheHookFlow() {
        byte[] key = new byte[32];
        key[31] = 9;
        h.cacheOptions(
                CacheOptions.builder().overrideKey(key).beforeSend(r -> {}).build());
        h.origin((r, b) -> reply(200, r.uri(), "Cache-Control", "max-age=60"));
        h.get("http://example.com/first");
        h.settle();
        assertEquals("http://example.com/first", h.get("http://example.com/second").body);
        h.cacheOptions(CacheOptions.builder().overrideKey(key).build());
        assertEquals("http://example.com/first", h.get("http://example.com/third").body);
        assertEquals(1, h.originCount());
    }

    @Test
    void requestsThatAreNotLookedUpSkipTheHooks() {
        AtomicInteger hooks = new AtomicInteger();
        h.cacheOptions(CacheOptions.builder()
                .beforeSend(r -> hooks.incrementAndGet())
                .afterSend(c -> hooks.incrementAndGet())
                .build());
        h.request("POST", "http://example.com/a");
        h.cacheOptions(CacheOptions.builder()
                .pass(true)
                .afterSend(c -> hooks.incrementAndGet())
                .build());
        h.get("http://example.com/a");
        assertEquals(0, hooks.get());
        assertEquals(2, h.originCount());
    }
}
