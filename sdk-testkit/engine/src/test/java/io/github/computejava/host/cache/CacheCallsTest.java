package io.github.computejava.host.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.computejava.abi.CacheLookupOptions;
import io.github.computejava.abi.CacheReplaceOptions;
import io.github.computejava.abi.CacheWriteOptions;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.host.HostEngine;
import io.github.computejava.host.LoopbackClient;
import io.github.computejava.host.Sandbox;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hostcalls as a guest sees them: statuses, state bits, buffers. */
class CacheCallsTest {
    private final HostEngine engine = HostEngine.builder().build();
    private final Sandbox sandbox = LoopbackClient.sandbox(engine, "http://example.com/");

    @AfterEach
    void close() {
        sandbox.finish();
        engine.close();
    }

    private int insert(String key, CacheWriteOptions options, int mask, String body) {
        int[] out = new int[1];
        int status = sandbox.cacheInsert(key.getBytes(UTF_8), mask, options, out);
        if (status != FastlyStatus.OK) {
            return status;
        }
        byte[] bytes = body.getBytes(UTF_8);
        assertEquals(FastlyStatus.OK, sandbox.bodyWrite(out[0], bytes, 0, bytes.length, 0, new int[1]));
        assertEquals(FastlyStatus.OK, sandbox.bodyClose(out[0]));
        return status;
    }

    private static CacheWriteOptions ttl(Duration d) {
        CacheWriteOptions o = new CacheWriteOptions();
        o.maxAgeNs = d.toNanos();
        return o;
    }

    @Test
    void hitsAndStaleWhileRevalidateAreReportedNotUnsupported() {
        CacheWriteOptions o = ttl(Duration.ofSeconds(10));
        o.staleWhileRevalidateNs = Duration.ofSeconds(7).toNanos();
        assertEquals(FastlyStatus.OK, insert("k", o, CacheWriteOptions.MASK_STALE_WHILE_REVALIDATE_NS, "v"));
        int[] h = new int[1];
        sandbox.cacheLookup("k".getBytes(UTF_8), 0, null, h);
        sandbox.cacheLookup("k".getBytes(UTF_8), 0, null, h);
        long[] out = new long[1];
        assertEquals(FastlyStatus.OK, sandbox.cacheGetHits(h[0], out));
        assertEquals(2, out[0]);
        assertEquals(FastlyStatus.OK, sandbox.cacheGetStaleWhileRevalidateNs(h[0], out));
        assertEquals(Duration.ofSeconds(7).toNanos(), out[0]);
        int[] state = new int[1];
        assertEquals(FastlyStatus.OK, sandbox.cacheGetState(h[0], state));
        assertEquals(CacheCalls.STATE_FOUND | CacheCalls.STATE_USABLE, state[0]);
    }

    @Test
    void aMissHasNoneOfTheGettersAndMustInsertOnlyInATransaction() {
        int[] h = new int[1];
        assertEquals(FastlyStatus.OK, sandbox.cacheLookup("none".getBytes(UTF_8), 0, null, h));
        int[] state = new int[1];
        sandbox.cacheGetState(h[0], state);
        assertEquals(0, state[0]);
        long[] out = new long[1];
        assertEquals(FastlyStatus.NONE, sandbox.cacheGetHits(h[0], out));
        assertEquals(FastlyStatus.NONE, sandbox.cacheGetAgeNs(h[0], out));
        assertEquals(FastlyStatus.NONE, sandbox.cacheGetBody(h[0], 0, new byte[16], new int[1]));
        assertEquals(FastlyStatus.BADF, sandbox.cacheTransactionCancel(h[0]));
        assertEquals(FastlyStatus.OK, sandbox.cacheTransactionLookup("none".getBytes(UTF_8), 0, null, h));
        sandbox.cacheGetState(h[0], state);
        assertEquals(CacheCalls.STATE_MUST_INSERT_OR_UPDATE, state[0]);
        assertEquals(FastlyStatus.BADF, sandbox.cacheTransactionUpdate(h[0], 0, ttl(Duration.ofSeconds(1))));
        assertEquals(FastlyStatus.OK, sandbox.cacheClose(h[0]));
        assertEquals(FastlyStatus.BADF, sandbox.cacheClose(h[0]));
    }

    @Test
    void guestMistakesAreStatuses() {
        int[] h = new int[1];
        assertEquals(FastlyStatus.INVAL, sandbox.cacheLookup(new byte[4097], 0, null, h));
        assertEquals(FastlyStatus.INVAL, sandbox.cacheLookup(new byte[1], 1 << 5, new CacheLookupOptions(), h));
        CacheLookupOptions bad = new CacheLookupOptions();
        bad.requestHeaders = 9999;
        assertEquals(
                FastlyStatus.BADF, sandbox.cacheLookup(new byte[1], CacheLookupOptions.MASK_REQUEST_HEADERS, bad, h));
        assertEquals(
                FastlyStatus.UNSUPPORTED,
                sandbox.cacheLookup(new byte[1], CacheLookupOptions.MASK_SERVICE_ID, new CacheLookupOptions(), h));
        CacheWriteOptions o = ttl(Duration.ofSeconds(1));
        o.surrogateKeys = "ok bad\u0001key".getBytes(UTF_8);
        assertEquals(FastlyStatus.INVAL, insert("k", o, CacheWriteOptions.MASK_SURROGATE_KEYS, ""));
        o.surrogateKeys = ("x".repeat(1025)).getBytes(UTF_8);
        assertEquals(FastlyStatus.INVAL, insert("k", o, CacheWriteOptions.MASK_SURROGATE_KEYS, ""));
        o.varyRule = "not a:header".getBytes(UTF_8);
        assertEquals(FastlyStatus.INVAL, insert("k", o, CacheWriteOptions.MASK_VARY_RULE, ""));
        assertEquals(FastlyStatus.INVAL, insert("k", ttl(Duration.ofSeconds(1)), 1 << 12, ""));
        o = ttl(Duration.ofSeconds(1));
        o.edgeMaxAgeNs = Duration.ofSeconds(2).toNanos();
        assertEquals(FastlyStatus.INVAL, insert("k", o, CacheWriteOptions.MASK_EDGE_MAX_AGE_NS, ""));
        // request headers belong to the lookup in a transaction
        sandbox.cacheTransactionLookup("t".getBytes(UTF_8), 0, null, h);
        assertEquals(
                FastlyStatus.INVAL,
                sandbox.cacheTransactionInsert(
                        h[0], CacheWriteOptions.MASK_REQUEST_HEADERS, ttl(Duration.ofSeconds(1)), new int[1]));
        assertEquals(FastlyStatus.BADF, sandbox.cacheGetState(12345, new int[1]));
        assertEquals(FastlyStatus.INVAL, sandbox.purgeSurrogateKey("two keys".getBytes(UTF_8), 0, null, 0, null));
    }

    @Test
    void aNinthVaryRuleIsLimitExceeded() {
        for (int i = 0; i <= 8; i++) {
            CacheWriteOptions o = ttl(Duration.ofSeconds(10));
            o.varyRule = ("x-h" + i).getBytes(UTF_8);
            assertEquals(
                    i < 8 ? FastlyStatus.OK : FastlyStatus.LIMITEXCEEDED,
                    insert("k", o, CacheWriteOptions.MASK_VARY_RULE, "v"));
        }
    }

    @Test
    void purgeCanAnswerLikeFastlysPurgeApi() {
        CacheWriteOptions o = ttl(Duration.ofSeconds(10));
        o.surrogateKeys = "news".getBytes(UTF_8);
        insert("k", o, CacheWriteOptions.MASK_SURROGATE_KEYS, "v");
        int[] nwritten = new int[1];
        byte[] small = new byte[4];
        assertEquals(FastlyStatus.BUFLEN, sandbox.purgeSurrogateKey("news".getBytes(UTF_8), 2, small, 4, nwritten));
        int[] h = new int[1];
        sandbox.cacheLookup("k".getBytes(UTF_8), 0, null, h);
        int[] state = new int[1];
        sandbox.cacheGetState(h[0], state);
        assertEquals(CacheCalls.STATE_FOUND | CacheCalls.STATE_USABLE, state[0], "nothing purged on buflen");
        byte[] buf = new byte[nwritten[0]];
        assertEquals(FastlyStatus.OK, sandbox.purgeSurrogateKey("news".getBytes(UTF_8), 2, buf, buf.length, nwritten));
        String json = new String(buf, 0, nwritten[0], UTF_8);
        assertEquals(true, json.matches("\\{\"status\":\"ok\",\"id\":\"\\d+\"\\}"), json);
        sandbox.cacheLookup("k".getBytes(UTF_8), 0, null, h);
        sandbox.cacheGetState(h[0], state);
        assertEquals(0, state[0]);
    }

    @Test
    void userMetadataUsesTheBuflenProtocol() {
        CacheWriteOptions o = ttl(Duration.ofSeconds(10));
        o.userMetadata = "0123456789".getBytes(UTF_8);
        insert("k", o, CacheWriteOptions.MASK_USER_METADATA, "v");
        int[] h = new int[1];
        sandbox.cacheLookup("k".getBytes(UTF_8), 0, null, h);
        int[] nwritten = new int[1];
        assertEquals(FastlyStatus.BUFLEN, sandbox.cacheGetUserMetadata(h[0], new byte[4], 4, nwritten));
        assertEquals(10, nwritten[0]);
        byte[] buf = new byte[10];
        assertEquals(FastlyStatus.OK, sandbox.cacheGetUserMetadata(h[0], buf, 10, nwritten));
        assertEquals("0123456789", new String(buf, UTF_8));
    }

    @Test
    void replaceHandlesReportTheReplacedObject() {
        CacheReplaceOptions bad = new CacheReplaceOptions();
        bad.replaceStrategy = 7;
        int[] h = new int[1];
        assertEquals(
                FastlyStatus.INVAL,
                sandbox.cacheReplace("k".getBytes(UTF_8), CacheReplaceOptions.MASK_REPLACE_STRATEGY, bad, h));
        assertEquals(FastlyStatus.OK, sandbox.cacheReplace("k".getBytes(UTF_8), 0, null, h));
        int[] state = new int[1];
        assertEquals(FastlyStatus.OK, sandbox.cacheReplaceGetState(h[0], state));
        assertEquals(0, state[0], "nothing to replace is an empty state, not an error");
        long[] out = new long[1];
        assertEquals(FastlyStatus.NONE, sandbox.cacheReplaceGetAgeNs(h[0], out));

        CacheWriteOptions o = ttl(Duration.ofSeconds(10));
        o.staleWhileRevalidateNs = 3;
        insert("k", o, CacheWriteOptions.MASK_STALE_WHILE_REVALIDATE_NS, "v");
        assertEquals(FastlyStatus.OK, sandbox.cacheReplace("k".getBytes(UTF_8), 0, null, h));
        sandbox.cacheReplaceGetState(h[0], state);
        assertEquals(CacheCalls.STATE_FOUND | CacheCalls.STATE_USABLE, state[0]);
        assertEquals(FastlyStatus.OK, sandbox.cacheReplaceGetStaleWhileRevalidateNs(h[0], out));
        assertEquals(3, out[0]);
        int[] body = new int[1];
        assertEquals(FastlyStatus.OK, sandbox.cacheReplaceInsert(h[0], 0, ttl(Duration.ofSeconds(1)), body));
        assertEquals(FastlyStatus.BADF, sandbox.cacheReplaceGetState(h[0], state), "the insert consumed the handle");
        assertEquals(FastlyStatus.OK, sandbox.bodyClose(body[0]));
    }
}
