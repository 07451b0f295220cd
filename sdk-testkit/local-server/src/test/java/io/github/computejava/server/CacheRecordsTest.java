package io.github.computejava.server;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.abi.CacheLookupOptions;
import io.github.computejava.abi.CacheWriteOptions;
import io.github.computejava.abi.FastlyPurge;
import io.github.computejava.abi.FastlyStatus;
import org.junit.jupiter.api.Test;

/** The {@code fastly_cache} and {@code fastly_purge} records, read out of guest memory in the witx layout. */
class CacheRecordsTest {
    private final GuestHarness g = new GuestHarness();

    private void u32(int ptr, int value) {
        g.memory.u32(ptr, value);
    }

    private void u64(int ptr, long value) {
        g.memory.u64(ptr, value);
    }

    @Test
    void writeOptionsFollowTheWitxLayout() {
        int rec = 1024;
        u64(rec, 60_000_000_000L);
        u32(rec + 8, 7);
        u32(rec + 12, 100);
        u32(rec + 16, g.put(100, "accept cookie"));
        u64(rec + 24, 5L);
        u64(rec + 32, 6L);
        u32(rec + 40, 200);
        u32(rec + 44, g.put(200, "a b"));
        u64(rec + 48, 1234L);
        u32(rec + 56, 300);
        u32(rec + 60, g.put(300, "meta"));
        u64(rec + 64, 9L);
        int all = CacheWriteOptions.MASK_ALL;
        CacheWriteOptions o = CacheImports.writeOptions(g.memory, rec, all & ~CacheWriteOptions.MASK_SERVICE_ID);
        assertEquals(60_000_000_000L, o.maxAgeNs);
        assertEquals(7, o.requestHeaders);
        assertEquals("accept cookie", new String(o.varyRule, US_ASCII));
        assertEquals(5L, o.initialAgeNs);
        assertEquals(6L, o.staleWhileRevalidateNs);
        assertEquals("a b", new String(o.surrogateKeys, US_ASCII));
        assertEquals(1234L, o.length);
        assertEquals("meta", new String(o.userMetadata, US_ASCII));
        assertEquals(9L, o.edgeMaxAgeNs);
        // unused pointer fields are not followed
        u32(rec + 12, -5);
        u32(rec + 16, 1 << 30);
        assertArrayEquals(new byte[0], CacheImports.writeOptions(g.memory, rec, 0).varyRule);
    }

    @Test
    void lookupAndGetBodyRecords() {
        u32(16, 42);
        assertEquals(
                42, CacheImports.lookupOptions(g.memory, 16, CacheLookupOptions.MASK_REQUEST_HEADERS).requestHeaders);
        u64(32, 3);
        u64(40, 8);
        byte[] body = CacheImports.getBodyOptions(g.memory, 32);
        assertEquals(3, GuestMemory.u64(body, 0));
        assertEquals(8, GuestMemory.u64(body, 8));
    }

    @Test
    void aPurgeWithAReturnBufferWritesFastlysAnswerWhereTheRecordSays() {
        int key = 100;
        int keyLen = g.put(key, "news");
        int options = 200;
        int buf = 300;
        int nwritten = 600;
        u32(options, buf);
        u32(options + 4, 256);
        u32(options + 8, nwritten);

        int status = g.call("fastly_purge", "purge_surrogate_key", key, keyLen, FastlyPurge.RET_BUF, options);

        assertEquals(FastlyStatus.OK, status);
        String answer = new String(g.bytes(buf, g.u32(nwritten)), UTF_8);
        assertTrue(answer.startsWith("{\"status\":\"ok\",\"id\":\""), answer);
    }
}
