package io.github.computejava.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.abi.CacheLookupState;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.HttpCacheLookupOptions;
import io.github.computejava.abi.HttpCacheWriteOptions;
import io.github.computejava.host.backend.Backend;
import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.ResponseHead;
import io.github.computejava.host.http.UpstreamResponse;
import io.github.computejava.host.readthrough.CacheKeys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fastly_http_cache hostcalls as a guest calls them: states, obligations, and statuses for mistakes. */
class HttpCacheHostTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T12:00:00Z"));
    private final HostEngine engine = HostEngine.builder()
            .clock(now::get)
            .backend(Backend.builder("origin").build())
            .origin((backend, request, body) -> {
                HeaderList h = new HeaderList();
                h.append("Cache-Control", "max-age=60, stale-if-error=30");
                h.append("Vary", "Accept");
                h.append("Surrogate-Key", "k1 k2");
                h.append("ETag", "\"e\"");
                return new UpstreamResponse(new ResponseHead(200, h), BodyBuffer.of("body".getBytes()));
            })
            .build();
    private final Sandbox guest = sandbox();

    @AfterEach
    void close() {
        guest.finish();
        engine.close();
    }

    private Sandbox sandbox() {
        return LoopbackClient.sandbox(engine, "http://example.com/");
    }

    private static int request(Sandbox s, String method, String uri) {
        int[] req = new int[1];
        assertEquals(FastlyStatus.OK, s.httpReq().new_(req));
        assertEquals(FastlyStatus.OK, s.httpReq().methodSet(req[0], method.getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(FastlyStatus.OK, s.httpReq().uriSet(req[0], uri.getBytes(StandardCharsets.ISO_8859_1)));
        return req[0];
    }

    private static int lookup(Sandbox s, int req) {
        int[] h = new int[1];
        assertEquals(FastlyStatus.OK, s.httpCache().transactionLookup(req, 0, new HttpCacheLookupOptions(), h));
        return h[0];
    }

    private static int state(Sandbox s, int handle) {
        int[] st = new int[1];
        assertEquals(FastlyStatus.OK, s.httpCache().getState(handle, st));
        return st[0];
    }

    /** Fills the cache for http://example.com/a through the guest API, as a program would. */
    private void fill(Sandbox s) throws Exception {
        int handle = lookup(s, request(s, "GET", "http://example.com/a"));
        assertEquals(CacheLookupState.MUST_INSERT_OR_UPDATE, state(s, handle));
        int[] backendReq = new int[1];
        assertEquals(FastlyStatus.OK, s.httpCache().getSuggestedBackendRequest(handle, backendReq));
        int[] body = new int[1];
        s.httpBody().new_(body);
        byte[] detail = new byte[20];
        int[] resp = new int[1];
        int[] respBody = new int[1];
        assertEquals(
                FastlyStatus.OK,
                s.httpReq().sendV2(backendReq[0], body[0], "origin".getBytes(), detail, resp, respBody));
        int[] action = new int[1];
        int[] prepared = new int[1];
        assertEquals(FastlyStatus.OK, s.httpCache().prepareResponseForStorage(handle, resp[0], action, prepared));
        assertEquals(0, action[0], "insert");
        HttpCacheWriteOptions o = new HttpCacheWriteOptions();
        o.maxAgeNs = 60_000_000_000L;
        o.staleIfErrorNs = 30_000_000_000L;
        o.varyRule = "accept".getBytes();
        o.varyRuleLen = o.varyRule.length;
        int mask = HttpCacheWriteOptions.STALE_IF_ERROR_NS | HttpCacheWriteOptions.VARY_RULE;
        int[] writeBody = new int[1];
        int[] fresh = new int[1];
        assertEquals(
                FastlyStatus.OK,
                s.httpCache().transactionInsertAndStreamBack(handle, prepared[0], mask, o, writeBody, fresh));
        assertEquals(FastlyStatus.BADF, s.httpCache().transactionAbandon(handle), "the obligation was met");
        // the inserted response stays usable (Fastly's JS SDK edits it afterwards); the stored copy is not edited
        assertEquals(
                FastlyStatus.OK, s.httpResp().headerInsert(prepared[0], "X-Edited-After".getBytes(), "yes".getBytes()));
        assertEquals(FastlyStatus.OK, s.httpBody().append(writeBody[0], respBody[0]));
        assertEquals(FastlyStatus.OK, s.httpBody().close(writeBody[0]));
        int[] found = new int[1];
        int[] foundBody = new int[1];
        assertEquals(FastlyStatus.OK, s.httpCache().getFoundResponse(fresh[0], 1, found, foundBody));
        byte[] buf = new byte[16];
        int[] n = new int[1];
        assertEquals(
                FastlyStatus.NONE,
                s.httpResp().headerValueGet(found[0], "X-Edited-After".getBytes(), buf, buf.length, n),
                "the stored copy has the head as inserted");
        assertEquals(FastlyStatus.OK, s.httpBody().read(foundBody[0], buf, 0, buf.length, n));
        assertEquals("body", new String(buf, 0, n[0], StandardCharsets.UTF_8));
        assertEquals(FastlyStatus.OK, s.httpCache().close(fresh[0]));
        assertEquals(FastlyStatus.OK, s.httpCache().close(handle));
        assertTrue(engine.readthrough().awaitBackgroundWork(java.time.Duration.ofSeconds(5)));
    }

    @Test
    void aFilledObjectIsFoundWithItsMetadata() throws Exception {
        fill(guest);
        Sandbox next = sandbox();
        int handle = lookup(next, request(next, "GET", "http://example.com/a"));
        assertEquals(CacheLookupState.FOUND | CacheLookupState.USABLE, state(next, handle));
        long[] v = new long[1];
        assertEquals(FastlyStatus.OK, next.httpCache().getMaxAgeNs(handle, v));
        assertEquals(60_000_000_000L, v[0]);
        assertEquals(FastlyStatus.OK, next.httpCache().getStaleIfErrorNs(handle, v));
        assertEquals(30_000_000_000L, v[0]);
        assertEquals(FastlyStatus.OK, next.httpCache().getLength(handle, v));
        assertEquals(4, v[0]);
        assertEquals(FastlyStatus.OK, next.httpCache().getHits(handle, v));
        assertEquals(1, v[0]);
        byte[] buf = new byte[2];
        int[] n = new int[1];
        assertEquals(FastlyStatus.BUFLEN, next.httpCache().getVaryRule(handle, buf, buf.length, n));
        assertEquals(6, n[0]);
        buf = new byte[6];
        assertEquals(FastlyStatus.OK, next.httpCache().getVaryRule(handle, buf, buf.length, n));
        assertEquals("accept", new String(buf, StandardCharsets.ISO_8859_1));
        next.finish();
    }

    @Test
    void suggestionsComeFromTheResponseHeadersAndAskForBiggerBuffers() throws Exception {
        int handle = lookup(guest, request(guest, "GET", "http://example.com/s"));
        int[] resp = new int[1];
        guest.httpResp().new_(resp);
        guest.httpResp()
                .headerInsert(resp[0], "Cache-Control".getBytes(), "max-age=90, stale-while-revalidate=5".getBytes());
        guest.httpResp().headerInsert(resp[0], "Surrogate-Key".getBytes(), "alpha beta".getBytes());
        guest.httpResp().headerInsert(resp[0], "Age".getBytes(), "10".getBytes());
        HttpCacheWriteOptions in = new HttpCacheWriteOptions();
        in.varyRule = new byte[4];
        in.varyRuleLen = 4;
        in.surrogateKeys = new byte[4];
        in.surrogateKeysLen = 4;
        HttpCacheWriteOptions out = new HttpCacheWriteOptions();
        int[] maskOut = new int[1];
        assertEquals(
                FastlyStatus.BUFLEN,
                guest.httpCache()
                        .getSuggestedCacheOptions(handle, resp[0], HttpCacheWriteOptions.ALL, in, maskOut, out));
        assertEquals(10, out.surrogateKeysLen);
        in.surrogateKeys = new byte[10];
        in.surrogateKeysLen = 10;
        assertEquals(
                FastlyStatus.OK,
                guest.httpCache()
                        .getSuggestedCacheOptions(handle, resp[0], HttpCacheWriteOptions.ALL, in, maskOut, out));
        assertEquals(90_000_000_000L, out.maxAgeNs);
        assertEquals(10_000_000_000L, out.initialAgeNs);
        assertEquals(5_000_000_000L, out.staleWhileRevalidateNs);
        assertEquals("alpha beta", new String(out.surrogateKeys, 0, out.surrogateKeysLen, StandardCharsets.ISO_8859_1));
        assertEquals(0, out.varyRuleLen);
        assertTrue((maskOut[0] & HttpCacheWriteOptions.SURROGATE_KEYS) != 0);
    }

    @Test
    void aGuestThatClosesItsHandleHandsTheObligationToTheNextLookup() {
        int first = lookup(guest, request(guest, "GET", "http://example.com/o"));
        assertEquals(CacheLookupState.MUST_INSERT_OR_UPDATE, state(guest, first));
        assertEquals(FastlyStatus.OK, guest.httpCache().transactionAbandon(first));
        int second = lookup(guest, request(guest, "GET", "http://example.com/o"));
        assertEquals(CacheLookupState.MUST_INSERT_OR_UPDATE, state(guest, second));
        assertEquals(FastlyStatus.OK, guest.httpCache().close(second));
        assertEquals(
                CacheLookupState.MUST_INSERT_OR_UPDATE,
                state(guest, lookup(guest, request(guest, "GET", "http://example.com/o"))));
    }

    @Test
    void aRecordedUncacheableResourceHasNoObligationAndNoResponse() {
        int handle = lookup(guest, request(guest, "GET", "http://example.com/p"));
        HttpCacheWriteOptions o = new HttpCacheWriteOptions();
        o.maxAgeNs = 120_000_000_000L;
        assertEquals(FastlyStatus.OK, guest.httpCache().transactionRecordNotCacheable(handle, 0, o));
        int again = lookup(guest, request(guest, "GET", "http://example.com/p"));
        assertEquals(0, state(guest, again));
        int[] resp = new int[1];
        int[] body = new int[1];
        assertEquals(FastlyStatus.NONE, guest.httpCache().getFoundResponse(again, 0, resp, body));
        assertEquals(FastlyStatus.BADF, guest.httpCache().transactionChooseStale(again));
    }

    @Test
    void staleIfErrorIsOfferedAndChosen() throws Exception {
        fill(guest);
        now.updateAndGet(t -> t.plusSeconds(70)); // stale, within its 30 s stale-if-error
        Sandbox next = sandbox();
        int handle = lookup(next, request(next, "GET", "http://example.com/a"));
        assertEquals(
                CacheLookupState.FOUND
                        | CacheLookupState.STALE
                        | CacheLookupState.MUST_INSERT_OR_UPDATE
                        | CacheLookupState.USABLE_IF_ERROR,
                state(next, handle),
                "found, not usable: there is no response to use unless the backend fails");
        int[] resp = new int[1];
        int[] body = new int[1];
        assertEquals(FastlyStatus.NONE, next.httpCache().getFoundResponse(handle, 0, resp, body), "not usable yet");
        int[] backendReq = new int[1];
        assertEquals(FastlyStatus.OK, next.httpCache().getSuggestedBackendRequest(handle, backendReq));
        byte[] buf = new byte[16];
        int[] n = new int[1];
        long[] cursor = new long[1];
        assertEquals(
                FastlyStatus.OK,
                next.httpReq()
                        .headerValuesGet(backendReq[0], "If-None-Match".getBytes(), buf, buf.length, 0, cursor, n));
        assertEquals("\"e\"\0", new String(buf, 0, n[0], StandardCharsets.ISO_8859_1), "a revalidation request");
        assertEquals(FastlyStatus.OK, next.httpCache().transactionChooseStale(handle));
        assertEquals(
                CacheLookupState.FOUND
                        | CacheLookupState.USABLE
                        | CacheLookupState.STALE
                        | CacheLookupState.USABLE_IF_ERROR,
                state(next, handle));
        assertEquals(FastlyStatus.OK, next.httpCache().getFoundResponse(handle, 0, resp, body));
        int[] age = new int[1];
        assertEquals(
                FastlyStatus.OK,
                next.httpResp().headerValuesGet(resp[0], "Age".getBytes(), buf, buf.length, 0, cursor, age));
        assertEquals("70\0", new String(buf, 0, age[0], StandardCharsets.ISO_8859_1));
        next.finish();
    }

    @Test
    void anExpiredObjectOfferedForRevalidationIsFoundButNotUsable() throws Exception {
        fill(guest);
        now.updateAndGet(t -> t.plusSeconds(100)); // past max-age and its stale-if-error
        Sandbox next = sandbox();
        int handle = lookup(next, request(next, "GET", "http://example.com/a"));
        int state = state(next, handle);
        assertEquals(CacheLookupState.FOUND | CacheLookupState.STALE | CacheLookupState.MUST_INSERT_OR_UPDATE, state);
        assertEquals(0, state & CacheLookupState.USABLE, "found, as the witx says of any stored object; not usable");
        int[] resp = new int[1];
        int[] body = new int[1];
        assertEquals(FastlyStatus.NONE, next.httpCache().getFoundResponse(handle, 0, resp, body));
        int[] backendReq = new int[1];
        assertEquals(FastlyStatus.OK, next.httpCache().getSuggestedBackendRequest(handle, backendReq));
        byte[] buf = new byte[16];
        int[] n = new int[1];
        long[] cursor = new long[1];
        assertEquals(
                FastlyStatus.OK,
                next.httpReq()
                        .headerValuesGet(backendReq[0], "If-None-Match".getBytes(), buf, buf.length, 0, cursor, n));
        assertEquals("\"e\"\0", new String(buf, 0, n[0], StandardCharsets.ISO_8859_1), "still offered to revalidate");
        next.finish();
    }

    @Test
    void guestMistakesAreStatuses() {
        int req = request(guest, "GET", "http://example.com/m");
        int[] out = new int[1];
        HttpCacheLookupOptions o = new HttpCacheLookupOptions();
        assertEquals(FastlyStatus.BADF, guest.httpCache().transactionLookup(9999, 0, o, out));
        assertEquals(FastlyStatus.INVAL, guest.httpCache().transactionLookup(req, 1 << 9, o, out), "unknown mask bit");
        o.overrideKey = new byte[5];
        assertEquals(
                FastlyStatus.INVAL,
                guest.httpCache().transactionLookup(req, HttpCacheLookupOptions.OVERRIDE_KEY, o, out),
                "keys are 32 bytes");
        assertEquals(FastlyStatus.BADF, guest.httpCache().getState(req, out), "a request is not a cache handle");
        int handle = lookup(guest, req);
        long[] v = new long[1];
        assertEquals(FastlyStatus.NONE, guest.httpCache().getMaxAgeNs(handle, v), "nothing found");
        assertEquals(
                FastlyStatus.BADF, guest.httpCache().transactionUpdate(handle, 9999, 0, new HttpCacheWriteOptions()));
        int[] resp = new int[1];
        guest.httpResp().new_(resp);
        HttpCacheWriteOptions bad = new HttpCacheWriteOptions();
        bad.varyRule = "bad:name".getBytes();
        bad.varyRuleLen = bad.varyRule.length;
        assertEquals(
                FastlyStatus.INVAL,
                guest.httpCache().transactionInsert(handle, resp[0], HttpCacheWriteOptions.VARY_RULE, bad, out));
        bad.maxAgeNs = -1;
        assertEquals(FastlyStatus.INVAL, guest.httpCache().transactionInsert(handle, resp[0], 0, bad, out));
        assertEquals(
                FastlyStatus.BADF,
                guest.httpCache().transactionUpdate(handle, resp[0], 0, new HttpCacheWriteOptions()),
                "nothing to update");
        assertEquals(FastlyStatus.OK, guest.httpCache().close(handle));
        assertEquals(FastlyStatus.BADF, guest.httpCache().close(handle));
    }

    @Test
    void requestsAndKeys() {
        int get = request(guest, "GET", "http://example.com/k?x");
        int post = request(guest, "POST", "http://example.com/k?x");
        int[] out = new int[1];
        assertEquals(FastlyStatus.OK, guest.httpCache().isRequestCacheable(get, out));
        assertEquals(1, out[0]);
        assertEquals(FastlyStatus.OK, guest.httpCache().isRequestCacheable(post, out));
        assertEquals(0, out[0]);
        byte[] key = new byte[32];
        assertEquals(FastlyStatus.OK, guest.httpCache().getSuggestedCacheKey(get, key, key.length, out));
        assertEquals(32, out[0]);
        assertArrayEquals(CacheKeys.defaultKey("http://example.com/k?x", null), key);
        assertEquals(FastlyStatus.BUFLEN, guest.httpCache().getSuggestedCacheKey(get, new byte[8], 8, out));
        assertEquals(32, out[0]);
    }
}
