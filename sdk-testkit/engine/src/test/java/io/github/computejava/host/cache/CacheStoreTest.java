package io.github.computejava.host.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.host.http.HeaderList;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class CacheStoreTest {
    private static final HeaderList NO_HEADERS = new HeaderList();
    private final InstantSource clock = InstantSource.fixed(Instant.parse("2025-01-01T00:00:00Z"));

    private static byte[] key(String s) {
        return s.getBytes(UTF_8);
    }

    private static WriteOptions minute() {
        return WriteOptions.builder(Duration.ofMinutes(1)).build();
    }

    private static boolean found(CacheStore store, String key) {
        return store.lookup(CacheNamespace.CORE, key(key), NO_HEADERS).found().isPresent();
    }

    @Test
    void evictsTheLeastRecentlyUsedObjectsPastTheBound() {
        CacheStore store = new CacheStore(clock, 10_000);
        byte[] body = new byte[2_500];
        for (String k : new String[] {"a", "b", "c"}) {
            store.put(CacheNamespace.CORE, key(k), NO_HEADERS, minute(), body);
        }
        assertTrue(found(store, "a")); // a is now more recent than b
        store.put(CacheNamespace.CORE, key("d"), NO_HEADERS, minute(), body);
        assertTrue(store.sizeBytes() <= 10_000, "size " + store.sizeBytes());
        assertFalse(found(store, "b"), "b was the least recently used");
        assertTrue(found(store, "a"));
        assertTrue(found(store, "c"));
        assertTrue(found(store, "d"));
        assertEquals(3, store.objectCount());
    }

    @Test
    void neverEvictsAnObjectStillBeingWritten() {
        CacheStore store = new CacheStore(clock, 4_000);
        ObjectWriter writing = store.insert(CacheNamespace.CORE, key("big"), NO_HEADERS, minute());
        writing.write(new byte[3_000], 0, 3_000);
        store.put(CacheNamespace.CORE, key("small"), NO_HEADERS, minute(), new byte[2_000]);
        writing.write(new byte[3_000], 0, 3_000);
        assertTrue(found(store, "big"));
        assertFalse(found(store, "small"));
        writing.finish();
        // complete and over the bound on its own: now it may go
        store.put(CacheNamespace.CORE, key("next"), NO_HEADERS, minute(), new byte[100]);
        assertFalse(found(store, "big"));
        assertTrue(found(store, "next"));
    }

    @Test
    void namespacesAreSeparateButPurgesReachThemAll() {
        CacheStore store = new CacheStore(clock, 1 << 20);
        WriteOptions tagged = WriteOptions.builder(Duration.ofMinutes(1))
                .surrogateKeys(SurrogateKeys.parse("tag"))
                .build();
        store.put(CacheNamespace.READTHROUGH, key("k"), NO_HEADERS, tagged, key("http"));
        assertTrue(
                store.lookup(CacheNamespace.CORE, key("k"), NO_HEADERS).found().isEmpty());
        store.put(CacheNamespace.CORE, key("k"), NO_HEADERS, tagged, key("core"));
        assertEquals(2, store.objectCount());
        assertEquals(2, store.purge("tag", false));
        assertEquals(0, store.objectCount());
        assertEquals(0, store.sizeBytes());
    }

    @Test
    void aHardPurgeKeepsAnOutstandingObligation() throws Exception {
        CacheStore store = new CacheStore(clock, 1 << 20);
        store.put(
                CacheNamespace.CORE,
                key("k"),
                NO_HEADERS,
                WriteOptions.builder(0)
                        .staleWhileRevalidateNanos(Duration.ofMinutes(1).toNanos())
                        .surrogateKeys(SurrogateKeys.parse("t"))
                        .build(),
                key("stale"));
        CacheLookup first = store.transactionLookup(CacheNamespace.CORE, key("k"), NO_HEADERS);
        Obligation obligation = first.obligation().orElseThrow();
        assertEquals(1, store.purge("t", false));
        // the purge removed the object; a new lookup must wait for the holder rather than take a second obligation
        PendingLookup second = store.transactionLookupAsync(CacheNamespace.CORE, key("k"), NO_HEADERS);
        assertFalse(second.isReady());
        obligation.insert(minute()).finish();
        CacheLookup after = second.await();
        assertTrue(after.found().isPresent());
        assertTrue(after.obligation().isEmpty());
    }

    @Test
    void keysAndVaryRulesAreValidated() {
        CacheStore store = new CacheStore(clock, 1 << 20);
        assertThrows(
                IllegalArgumentException.class, () -> store.lookup(CacheNamespace.CORE, new byte[4097], NO_HEADERS));
        assertThrows(IllegalArgumentException.class, () -> VaryRule.parse("ok not:ok"));
        assertEquals(VaryRule.parse("b A  a"), VaryRule.parse("a b"));
        assertEquals("a b", VaryRule.parse("B a").toString());
        for (int i = 0; i < CacheStore.MAX_VARY_RULES; i++) {
            store.put(
                    CacheNamespace.CORE,
                    key("v"),
                    NO_HEADERS,
                    WriteOptions.builder(1).varyRule(VaryRule.parse("h" + i)).build(),
                    new byte[0]);
        }
        assertThrows(
                CacheLimitException.class,
                () -> store.insert(
                        CacheNamespace.CORE,
                        key("v"),
                        NO_HEADERS,
                        WriteOptions.builder(1).varyRule(VaryRule.parse("h8")).build()));
    }
}
