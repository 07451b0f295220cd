package io.github.computejava.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.cache.core.CacheWriter;
import io.github.computejava.cache.core.CoreCache;
import io.github.computejava.cache.core.Found;
import io.github.computejava.cache.core.WriteOptions;
import io.github.computejava.cache.simple.CacheEntry;
import io.github.computejava.cache.simple.PurgeScope;
import io.github.computejava.cache.simple.SimpleCache;
import io.github.computejava.host.HostEngine;
import io.github.computejava.host.cache.CacheNamespace;
import io.github.computejava.host.cache.CachedObject;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimpleCacheTest {
    private final TestClock clock = new TestClock();
    private final HostEngine engine =
            HostEngine.builder().clock(clock).environment("FASTLY_POP", "LHR").build();

    @AfterEach
    void close() {
        engine.close();
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), UTF_8);
        }
    }

    private String getOrSet(String key, String value, AtomicInteger loads) throws Exception {
        return Guest.run(
                engine,
                () -> read(SimpleCache.getOrSet(key, () -> {
                    loads.incrementAndGet();
                    return CacheEntry.of(value, Duration.ofSeconds(60));
                })));
    }

    private Optional<String> get(String key) throws Exception {
        return Guest.run(engine, () -> {
            Optional<InputStream> in = SimpleCache.get(key);
            return in.isPresent() ? Optional.of(read(in.get())) : Optional.empty();
        });
    }

    @Test
    void getOrSetRunsTheLoaderOnlyOnMissAndKeepsTheValueForItsTtl() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        assertEquals(Optional.empty(), get("/page"));
        assertEquals("rendered", getOrSet("/page", "rendered", loads));
        assertEquals("rendered", getOrSet("/page", "other", loads));
        assertEquals(Optional.of("rendered"), get("/page"));
        assertEquals(1, loads.get());
        clock.advance(Duration.ofSeconds(60));
        assertEquals(Optional.empty(), get("/page"));
        assertEquals("again", getOrSet("/page", "again", loads));
        assertEquals(2, loads.get());
    }

    @Test
    void entriesCarryTheSha256SurrogateKeysOfEveryFastlySdk() throws Exception {
        getOrSet("my key", "v", new AtomicInteger());
        List<CachedObject> objects = engine.cacheStore().objects(CacheNamespace.CORE, "my key".getBytes(UTF_8));
        assertEquals(1, objects.size());
        String global = jdkSha256Hex("my key");
        String pop = jdkSha256Hex("my keyLHR");
        assertEquals(java.util.Set.of(global, pop), objects.get(0).surrogateKeys());
        assertEquals(
                global,
                Guest.run(engine, () -> SimpleCache.surrogateKeyFor("my key".getBytes(UTF_8), PurgeScope.GLOBAL)));
        assertEquals(
                pop, Guest.run(engine, () -> SimpleCache.surrogateKeyFor("my key".getBytes(UTF_8), PurgeScope.POP)));
    }

    private static String jdkSha256Hex(String s) throws Exception {
        return HexFormat.of()
                .withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(UTF_8)));
    }

    @Test
    void purgeRemovesTheEntryInEitherScope() throws Exception {
        for (PurgeScope scope : PurgeScope.values()) {
            AtomicInteger loads = new AtomicInteger();
            getOrSet("k", "v", loads);
            Guest.exec(engine, () -> SimpleCache.purge("k", scope));
            assertEquals(Optional.empty(), get("k"), scope.name());
            getOrSet("k", "v", loads);
            assertEquals(2, loads.get());
            Guest.exec(engine, () -> SimpleCache.purge("k", PurgeScope.GLOBAL));
        }
    }

    @Test
    void aFailingLoaderStoresNothingAndTheNextCallLoads() throws Exception {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> Guest.run(
                        engine,
                        () -> SimpleCache.getOrSet("k", () -> {
                            throw new IllegalStateException("origin down");
                        })));
        assertEquals("origin down", e.getMessage());
        assertEquals(Optional.empty(), get("k"));
        AtomicInteger loads = new AtomicInteger();
        assertEquals("v", getOrSet("k", "v", loads));
        assertEquals(1, loads.get());
    }

    @Test
    void aFailingValueStreamAbandonsTheEntry() throws Exception {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk on fire");
            }
        };
        Exception e = assertThrows(
                Exception.class,
                () -> Guest.run(
                        engine, () -> SimpleCache.getOrSet("k", () -> CacheEntry.of(broken, Duration.ofSeconds(5)))));
        assertTrue(e.getMessage().contains("reading the cache entry's value failed"), e.getMessage());
        AtomicInteger loads = new AtomicInteger();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (get("k").isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals("v", getOrSet("k", "v", loads));
    }

    @Test
    void coreReadsSimpleEntriesAndSimpleReadsButNeverOverwritesCoreEntries() throws Exception {
        getOrSet("from-simple", "simple value", new AtomicInteger());
        String viaCore = Guest.run(engine, () -> {
            try (Found f = CoreCache.lookup("from-simple").orElseThrow()) {
                return read(f.body());
            }
        });
        assertEquals("simple value", viaCore);

        Guest.exec(engine, () -> {
            try (CacheWriter w = CoreCache.insert(
                    "from-core",
                    WriteOptions.builder(Duration.ofSeconds(10))
                            .staleWhileRevalidate(Duration.ofSeconds(30))
                            .userMetadata(new byte[] {9})
                            .build())) {
                w.write("core value".getBytes(UTF_8));
            }
        });
        AtomicInteger loads = new AtomicInteger();
        assertEquals(Optional.of("core value"), get("from-core"));
        assertEquals("core value", getOrSet("from-core", "simple", loads));
        // stale but usable: the simple cache serves it and still does not overwrite it
        clock.advance(Duration.ofSeconds(20));
        assertEquals("core value", getOrSet("from-core", "simple", loads));
        assertEquals(0, loads.get());
        byte[] metadata = Guest.run(engine, () -> {
            try (Found f = CoreCache.lookup("from-core").orElseThrow()) {
                return f.userMetadata();
            }
        });
        assertEquals(9, metadata[0]);

        // and core overwrites a simple entry
        Guest.exec(engine, () -> {
            try (CacheWriter w = CoreCache.insert(
                    "from-simple", WriteOptions.builder(Duration.ofSeconds(10)).build())) {
                w.write("overwritten".getBytes(UTF_8));
            }
        });
        assertEquals(Optional.of("overwritten"), get("from-simple"));
    }

    @Test
    void theReadthroughNamespaceIsIsolated() throws Exception {
        byte[] key = "shared-key".getBytes(UTF_8);
        engine.cacheStore()
                .put(
                        CacheNamespace.READTHROUGH,
                        key,
                        new io.github.computejava.host.http.HeaderList(),
                        io.github.computejava.host.cache.WriteOptions.builder(Duration.ofMinutes(1))
                                .build(),
                        "http response".getBytes(UTF_8));
        assertEquals(Optional.empty(), get("shared-key"));
        AtomicInteger loads = new AtomicInteger();
        assertEquals("simple", getOrSet("shared-key", "simple", loads));
        assertEquals(1, loads.get());
        List<CachedObject> readthrough = engine.cacheStore().objects(CacheNamespace.READTHROUGH, key);
        assertEquals(1, readthrough.size());
        assertEquals("http response", new String(readthrough.get(0).readAll(), UTF_8));
        assertFalse(engine.cacheStore()
                .lookup(CacheNamespace.READTHROUGH, key, new io.github.computejava.host.http.HeaderList())
                .found()
                .map(o -> new String(read0(o), UTF_8).equals("simple"))
                .orElse(true));
        assertSame(
                readthrough.get(0),
                engine.cacheStore()
                        .lookup(CacheNamespace.READTHROUGH, key, new io.github.computejava.host.http.HeaderList())
                        .found()
                        .orElseThrow());
    }

    private static byte[] read0(CachedObject o) {
        try {
            return o.readAll();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
