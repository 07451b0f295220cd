package io.github.computejava.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.cache.core.CacheWriter;
import io.github.computejava.cache.core.CoreCache;
import io.github.computejava.cache.core.Found;
import io.github.computejava.cache.core.Replace;
import io.github.computejava.cache.core.ReplaceOptions;
import io.github.computejava.cache.core.ReplaceStrategy;
import io.github.computejava.cache.core.Transaction;
import io.github.computejava.cache.core.WriteOptions;
import io.github.computejava.host.HostEngine;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReplaceTest {
    private final TestClock clock = new TestClock();
    private final HostEngine engine = HostEngine.builder().clock(clock).build();
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void close() {
        pool.shutdownNow();
        engine.close();
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), UTF_8);
        }
    }

    private void put(String key, String body) throws Exception {
        Guest.exec(engine, () -> {
            try (CacheWriter w = CoreCache.insert(
                    key,
                    WriteOptions.builder(Duration.ofMinutes(1))
                            .userMetadata("m1".getBytes(UTF_8))
                            .build())) {
                w.write(body.getBytes(UTF_8));
            }
        });
    }

    private String lookupBody(String key) throws Exception {
        return Guest.run(engine, () -> {
            var found = CoreCache.lookup(key);
            if (found.isEmpty()) {
                return null;
            }
            try (Found f = found.get()) {
                return read(f.body());
            }
        });
    }

    @Test
    void aReplaceSeesTheOldObjectThenWritesTheNewOne() throws Exception {
        put("r", "old");
        clock.advance(Duration.ofSeconds(5));
        Guest.exec(engine, () -> {
            Replace replace = CoreCache.replace("r", ReplaceOptions.defaults());
            Found old = replace.existing().orElseThrow();
            assertEquals(Duration.ofSeconds(5), old.age());
            assertEquals(Duration.ofMinutes(1), old.ttl());
            assertArrayEquals("m1".getBytes(UTF_8), old.userMetadata());
            assertEquals("old", read(old.body()));
            // the old object is still served until the replacement is inserted
            assertEquals("old", lookupBody("r"));
            try (CacheWriter w =
                    replace.insert(WriteOptions.builder(Duration.ofMinutes(2)).build())) {
                w.write("new".getBytes(UTF_8));
            }
            assertThrows(
                    IllegalStateException.class,
                    () -> replace.insert(WriteOptions.builder(Duration.ZERO).build()));
        });
        assertEquals("new", lookupBody("r"));
    }

    @Test
    void aReplaceOfNothingStillInserts() throws Exception {
        Guest.exec(engine, () -> {
            Replace replace = CoreCache.replace("fresh-key", ReplaceOptions.defaults());
            assertTrue(replace.existing().isEmpty());
            try (CacheWriter w =
                    replace.insert(WriteOptions.builder(Duration.ofMinutes(1)).build())) {
                w.write("v".getBytes(UTF_8));
            }
        });
        assertEquals("v", lookupBody("fresh-key"));
    }

    @Test
    void forceMissHidesTheOldObjectFromTheStart() throws Exception {
        put("f", "old");
        Guest.exec(engine, () -> {
            Replace replace = CoreCache.replace(
                    "f",
                    ReplaceOptions.builder()
                            .strategy(ReplaceStrategy.IMMEDIATE_FORCE_MISS)
                            .build());
            assertEquals("old", read(replace.existing().orElseThrow().body()));
            assertEquals(null, lookupBody("f"));
            try (CacheWriter w =
                    replace.insert(WriteOptions.builder(Duration.ofMinutes(1)).build())) {
                w.write("new".getBytes(UTF_8));
            }
        });
        assertEquals("new", lookupBody("f"));
    }

    @Test
    void waitStrategyWaitsForTheObligationHolder() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = pool.submit(() -> {
            Guest.exec(engine, () -> {
                try (Transaction tx = Transaction.lookup("w")) {
                    assertTrue(tx.mustInsert());
                    holding.countDown();
                    assertTrue(release.await(30, TimeUnit.SECONDS));
                    try (CacheWriter w = tx.insert(
                            WriteOptions.builder(Duration.ofMinutes(1)).build())) {
                        w.write("from holder".getBytes(UTF_8));
                    }
                }
            });
            return null;
        });
        assertTrue(holding.await(30, TimeUnit.SECONDS));
        Future<String> replacer = pool.submit(() -> Guest.run(engine, () -> {
            Replace replace = CoreCache.replace(
                    "w", ReplaceOptions.builder().strategy(ReplaceStrategy.WAIT).build());
            return read(replace.existing().orElseThrow().body());
        }));
        assertTrue(
                engine.cacheStore().awaitWaitingLookups(1, Duration.ofSeconds(30)),
                "a WAIT replace waits for the holder");
        assertFalse(replacer.isDone());
        release.countDown();
        assertEquals("from holder", replacer.get(30, TimeUnit.SECONDS));
        holder.get(30, TimeUnit.SECONDS);
    }
}
