package io.github.computejava.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.cache.core.CacheLimitExceededException;
import io.github.computejava.cache.core.CacheWriter;
import io.github.computejava.cache.core.CoreCache;
import io.github.computejava.cache.core.Found;
import io.github.computejava.cache.core.LookupOptions;
import io.github.computejava.cache.core.PendingTransaction;
import io.github.computejava.cache.core.StreamingInsert;
import io.github.computejava.cache.core.Transaction;
import io.github.computejava.cache.core.WriteOptions;
import io.github.computejava.host.HostEngine;
import io.github.computejava.purge.Purge;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoreCacheTest {
    private final TestClock clock = new TestClock();
    private final HostEngine engine = HostEngine.builder().clock(clock).build();

    @AfterEach
    void close() {
        engine.close();
    }

    private void put(String key, String body, WriteOptions options) throws Exception {
        Guest.exec(engine, () -> {
            try (CacheWriter w = CoreCache.insert(key, options)) {
                w.write(body.getBytes(UTF_8));
            }
        });
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), UTF_8);
        }
    }

    private String lookupBody(String key) throws Exception {
        return Guest.run(engine, () -> {
            Optional<Found> found = CoreCache.lookup(key);
            if (found.isEmpty()) {
                return null;
            }
            try (Found f = found.get()) {
                return read(f.body());
            }
        });
    }

    @Test
    void insertedObjectIsFoundWithItsMetadata() throws Exception {
        put(
                "k",
                "hello",
                WriteOptions.builder(Duration.ofSeconds(60))
                        .initialAge(Duration.ofSeconds(5))
                        .staleWhileRevalidate(Duration.ofSeconds(30))
                        .userMetadata(new byte[] {1, 2, 3})
                        .knownLength(5)
                        .build());
        clock.advance(Duration.ofSeconds(10));
        Guest.exec(engine, () -> {
            try (Found f = CoreCache.lookup("k").orElseThrow()) {
                assertEquals(Duration.ofSeconds(60), f.ttl());
                assertEquals(Duration.ofSeconds(15), f.age());
                assertEquals(Duration.ofSeconds(45), f.remainingTtl());
                assertEquals(Duration.ofSeconds(30), f.staleWhileRevalidate());
                assertEquals(OptionalLong.of(5), f.length());
                assertArrayEquals(new byte[] {1, 2, 3}, f.userMetadata());
                assertEquals(1, f.hits());
                assertFalse(f.isStale());
                assertTrue(f.isUsable());
                assertEquals("hello", read(f.body()));
            }
        });
    }

    @Test
    void hitsCountEveryLookupThatFindsTheObject() throws Exception {
        put("k", "v", WriteOptions.builder(Duration.ofMinutes(1)).build());
        for (int i = 1; i <= 3; i++) {
            long hits = Guest.run(engine, () -> {
                try (Found f = CoreCache.lookup("k").orElseThrow()) {
                    return f.hits();
                }
            });
            assertEquals(i, hits);
        }
        long viaTransaction = Guest.run(engine, () -> {
            try (Transaction tx = Transaction.lookup("k")) {
                return tx.found().orElseThrow().hits();
            }
        });
        assertEquals(4, viaTransaction);
    }

    @Test
    void objectsExpireAfterTheirTtlAndInitialAgeCounts() throws Exception {
        put("fresh", "a", WriteOptions.builder(Duration.ofSeconds(10)).build());
        put(
                "old",
                "b",
                WriteOptions.builder(Duration.ofSeconds(10))
                        .initialAge(Duration.ofSeconds(8))
                        .build());
        clock.advance(Duration.ofSeconds(3));
        assertEquals("a", lookupBody("fresh"));
        assertEquals(null, lookupBody("old"));
        clock.advance(Duration.ofSeconds(7));
        assertEquals(null, lookupBody("fresh"));
    }

    @Test
    void lastWriterWinsForPlainInserts() throws Exception {
        put("k", "one", WriteOptions.builder(Duration.ofMinutes(1)).build());
        put("k", "two", WriteOptions.builder(Duration.ofMinutes(1)).build());
        assertEquals("two", lookupBody("k"));
    }

    @Test
    void variantsFollowTheVaryRuleAndTheRequestHeaders() throws Exception {
        for (String lang : new String[] {"en", "fr"}) {
            Guest.exec(engine, () -> {
                try (CacheWriter w = CoreCache.insert(
                        "page",
                        WriteOptions.builder(Duration.ofMinutes(1))
                                .varyBy("Accept-Language")
                                .requestHeaders(
                                        new io.github.computejava.fsthttp.Headers().set("accept-language", lang))
                                .build())) {
                    w.write(("hello " + lang).getBytes(UTF_8));
                }
            });
        }
        for (String lang : new String[] {"en", "fr"}) {
            String body = Guest.run(engine, () -> {
                try (Found f = CoreCache.lookup(
                                "page",
                                LookupOptions.builder()
                                        .header("Accept-Language", lang)
                                        .build())
                        .orElseThrow()) {
                    return read(f.body());
                }
            });
            assertEquals("hello " + lang, body);
        }
        boolean germanFound = Guest.run(engine, () -> CoreCache.lookup(
                        "page",
                        LookupOptions.builder().header("Accept-Language", "de").build())
                .isPresent());
        assertFalse(germanFound);
    }

    @Test
    void aKeyHoldsAtMostEightVaryRules() throws Exception {
        for (int i = 0; i < 8; i++) {
            put(
                    "k",
                    "v" + i,
                    WriteOptions.builder(Duration.ofMinutes(1))
                            .varyBy("x-h" + i)
                            .build());
        }
        CacheLimitExceededException e = assertThrows(
                CacheLimitExceededException.class,
                () -> put(
                        "k",
                        "v8",
                        WriteOptions.builder(Duration.ofMinutes(1))
                                .varyBy("x-h8")
                                .build()));
        assertTrue(e.getMessage().contains("8 vary rules"), e.getMessage());
        // an existing rule is still accepted, and the newest rule is tried first
        put(
                "k",
                "again",
                WriteOptions.builder(Duration.ofMinutes(1)).varyBy("x-h3").build());
        assertEquals("again", lookupBody("k"));
    }

    @Test
    void keysAreLimitedTo4096Bytes() throws Exception {
        byte[] longest = new byte[4096];
        byte[] tooLong = new byte[4097];
        Guest.exec(engine, () -> {
            assertTrue(CoreCache.lookup(longest).isEmpty());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CoreCache.lookup(tooLong));
            assertTrue(e.getMessage().contains("4097 bytes, at most 4096"), e.getMessage());
        });
    }

    @Test
    void writeOptionsRejectBadInputAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> WriteOptions.builder(Duration.ofSeconds(-1)));
        WriteOptions.Builder b = WriteOptions.builder(Duration.ofSeconds(1));
        assertThrows(IllegalArgumentException.class, () -> b.surrogateKeys("has space"));
        assertThrows(IllegalArgumentException.class, () -> b.surrogateKeys(""));
        assertThrows(IllegalArgumentException.class, () -> b.surrogateKeys("x".repeat(1025)));
        assertThrows(IllegalArgumentException.class, () -> b.surrogateKeys("caf\u00e9"));
        assertThrows(IllegalArgumentException.class, () -> b.varyBy("bad header"));
        assertThrows(IllegalArgumentException.class, () -> b.knownLength(-1));
        assertThrows(NullPointerException.class, () -> b.userMetadata(null));
        b.surrogateKeys("x".repeat(1024));
    }

    @Test
    void transactionMustInsertThenFindsTheObject() throws Exception {
        Guest.exec(engine, () -> {
            try (Transaction tx = Transaction.lookup("t")) {
                assertTrue(tx.found().isEmpty());
                assertTrue(tx.mustInsert());
                assertTrue(tx.mustInsertOrUpdate());
                try (StreamingInsert insert = tx.insertAndStreamBack(
                        WriteOptions.builder(Duration.ofMinutes(1)).build())) {
                    insert.writer().write("built".getBytes(UTF_8));
                    insert.writer().close();
                    assertEquals("built", read(insert.found().body()));
                }
                assertFalse(tx.mustInsertOrUpdate());
                assertThrows(
                        IllegalStateException.class,
                        () -> tx.insert(WriteOptions.builder(Duration.ZERO).build()));
            }
        });
        assertEquals("built", lookupBody("t"));
        Guest.exec(engine, () -> {
            try (Transaction tx = Transaction.lookup("t")) {
                assertFalse(tx.mustInsertOrUpdate());
                assertEquals("built", read(tx.found().orElseThrow().body()));
            }
        });
    }

    @Test
    void transactionWritesRejectRequestHeaders() throws Exception {
        Guest.exec(engine, () -> {
            try (Transaction tx = Transaction.lookup("t")) {
                IllegalArgumentException e = assertThrows(
                        IllegalArgumentException.class,
                        () -> tx.insert(WriteOptions.builder(Duration.ofSeconds(1))
                                .requestHeaders(new io.github.computejava.fsthttp.Headers())
                                .build()));
                assertTrue(e.getMessage().contains("lookup's headers"), e.getMessage());
                assertTrue(tx.mustInsert());
            }
        });
    }

    @Test
    void staleWhileRevalidateGivesOneRevalidatorAndServesStaleToOthers() throws Exception {
        put(
                "s",
                "old",
                WriteOptions.builder(Duration.ofSeconds(10))
                        .staleWhileRevalidate(Duration.ofSeconds(20))
                        .userMetadata("v1".getBytes(UTF_8))
                        .build());
        clock.advance(Duration.ofSeconds(15));
        Guest.exec(engine, () -> {
            try (Transaction revalidator = Transaction.lookup("s")) {
                Found stale = revalidator.found().orElseThrow();
                assertTrue(stale.isStale());
                assertTrue(stale.isUsable());
                assertEquals(Duration.ofSeconds(20), stale.staleWhileRevalidate());
                assertTrue(revalidator.mustInsertOrUpdate());
                assertFalse(revalidator.mustInsert());
                // meanwhile another client gets the stale object, usable, without the obligation
                Guest.exec(engine, () -> {
                    try (Transaction other = Transaction.lookup("s")) {
                        Found f = other.found().orElseThrow();
                        assertTrue(f.isStale());
                        assertTrue(f.isUsable());
                        assertFalse(other.mustInsertOrUpdate());
                        assertEquals("old", read(f.body()));
                    }
                });
                // update replaces all the metadata and keeps the body
                revalidator.update(WriteOptions.builder(Duration.ofSeconds(100))
                        .userMetadata("v2".getBytes(UTF_8))
                        .build());
                assertFalse(revalidator.mustInsertOrUpdate());
            }
        });
        Guest.exec(engine, () -> {
            try (Found f = CoreCache.lookup("s").orElseThrow()) {
                assertFalse(f.isStale());
                assertEquals(Duration.ofSeconds(100), f.ttl());
                assertEquals(Duration.ZERO, f.age());
                assertEquals(Duration.ZERO, f.staleWhileRevalidate());
                assertArrayEquals("v2".getBytes(UTF_8), f.userMetadata());
                assertEquals("old", read(f.body()));
            }
        });
        clock.advance(Duration.ofSeconds(101));
        assertEquals(null, lookupBody("s"));
    }

    @Test
    void pastTheSwrWindowAStaleObjectIsNotFound() throws Exception {
        put(
                "s",
                "old",
                WriteOptions.builder(Duration.ofSeconds(10))
                        .staleWhileRevalidate(Duration.ofSeconds(5))
                        .build());
        clock.advance(Duration.ofSeconds(16));
        Guest.exec(engine, () -> {
            try (Transaction tx = Transaction.lookup("s")) {
                assertTrue(tx.found().isEmpty());
                assertTrue(tx.mustInsert());
                assertThrows(
                        IllegalStateException.class,
                        () -> tx.update(
                                WriteOptions.builder(Duration.ofSeconds(1)).build()));
            }
        });
    }

    @Test
    void cancelPassesTheObligationToTheNextLookup() throws Exception {
        Guest.exec(engine, () -> {
            try (Transaction tx = Transaction.lookup("c")) {
                assertTrue(tx.mustInsert());
                tx.cancel();
                assertFalse(tx.mustInsertOrUpdate());
                assertThrows(IllegalStateException.class, tx::cancel);
            }
        });
        boolean next = Guest.run(engine, () -> {
            try (Transaction tx = Transaction.lookup("c")) {
                return tx.mustInsert();
            }
        });
        assertTrue(next);
    }

    @Test
    void rangeReadsFollowFastlysRules() throws Exception {
        put("r", "0123456789", WriteOptions.builder(Duration.ofMinutes(1)).build());
        Guest.exec(engine, () -> {
            try (Found f = CoreCache.lookup("r").orElseThrow()) {
                assertEquals("234", read(f.body(2, 4)));
                assertEquals("789", read(f.bodyFrom(7)));
                assertEquals("6789", read(f.bodySuffix(4)));
                assertEquals("9", read(f.body(9, 9)));
                // invalid ranges give the whole body
                assertEquals("0123456789", read(f.body(4, 2)));
                assertEquals("0123456789", read(f.body(3, 10)));
                assertEquals("0123456789", read(f.bodyFrom(10)));
                assertEquals("0123456789", read(f.bodySuffix(11)));
                assertThrows(IllegalArgumentException.class, () -> f.body(-1, 2));
            }
        });
    }

    @Test
    void oneBodyStreamAtATimePerFoundObject() throws Exception {
        put("b", "body", WriteOptions.builder(Duration.ofMinutes(1)).build());
        Guest.exec(engine, () -> {
            try (Found f = CoreCache.lookup("b").orElseThrow()) {
                InputStream first = f.body();
                IllegalStateException e = assertThrows(IllegalStateException.class, f::body);
                assertTrue(e.getMessage().contains("still open"), e.getMessage());
                first.close();
                assertEquals("body", read(f.body()));
            }
        });
    }

    @Test
    void handleBackedTypesCloseIdempotentlyAndRefuseUseAfterClose() throws Exception {
        put("h", "x", WriteOptions.builder(Duration.ofMinutes(1)).build());
        Guest.exec(engine, () -> {
            Found f = CoreCache.lookup("h").orElseThrow();
            f.close();
            f.close();
            assertThrows(IllegalStateException.class, f::hits);
            Transaction tx = Transaction.lookup("h");
            tx.close();
            tx.close();
            assertThrows(IllegalStateException.class, tx::mustInsert);
            CacheWriter w = CoreCache.insert(
                    "w", WriteOptions.builder(Duration.ofMinutes(1)).build());
            w.close();
            w.close();
            w.abandon();
            assertThrows(IllegalStateException.class, () -> w.write(1));
        });
    }

    @Test
    void knownLengthMismatchFailsTheObject() throws Exception {
        Guest.exec(engine, () -> {
            try (CacheWriter w = CoreCache.insert(
                    "short",
                    WriteOptions.builder(Duration.ofMinutes(1)).knownLength(10).build())) {
                w.write("abc".getBytes(UTF_8));
            }
        });
        awaitMiss("short");
    }

    /** The failed object leaves the cache once its write ends; a reader that got it first sees the failure. */
    private void awaitMiss(String key) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            try {
                if (lookupBody(key) == null) {
                    return;
                }
                throw new AssertionError("a failed write was served whole");
            } catch (IOException e) {
                assertTrue(e.getMessage().contains("abandoned"), e.getMessage());
            }
            assertTrue(System.nanoTime() < deadline, "the object is still found");
            Thread.sleep(5);
        }
    }

    @Test
    void abandonedWritesAreNotKept() throws Exception {
        Guest.exec(engine, () -> {
            CacheWriter w = CoreCache.insert(
                    "a", WriteOptions.builder(Duration.ofMinutes(1)).build());
            w.write("partial".getBytes(UTF_8));
            w.flush();
            w.abandon();
        });
        awaitMiss("a");
    }

    @Test
    void hardPurgeRemovesAndSoftPurgeMarksStale() throws Exception {
        put(
                "p1",
                "one",
                WriteOptions.builder(Duration.ofMinutes(1))
                        .surrogateKeys("group", "p1")
                        .build());
        put(
                "p2",
                "two",
                WriteOptions.builder(Duration.ofMinutes(1))
                        .surrogateKeys("group")
                        .staleWhileRevalidate(Duration.ofMinutes(1))
                        .build());
        put(
                "p3",
                "three",
                WriteOptions.builder(Duration.ofMinutes(1))
                        .surrogateKeys("other")
                        .build());
        Guest.exec(engine, () -> Purge.softSurrogateKey("group"));
        // p1 has no stale-while-revalidate period: stale means gone; p2 is served stale with one revalidator
        assertEquals(null, lookupBody("p1"));
        Guest.exec(engine, () -> {
            try (Transaction tx = Transaction.lookup("p2")) {
                assertTrue(tx.found().orElseThrow().isStale());
                assertTrue(tx.mustInsertOrUpdate());
            }
        });
        assertEquals("three", lookupBody("p3"));
        Guest.exec(engine, () -> Purge.surrogateKey("group"));
        assertEquals(null, lookupBody("p2"));
        assertEquals("three", lookupBody("p3"));
        Guest.exec(engine, () -> assertThrows(IllegalArgumentException.class, () -> Purge.surrogateKey("a b")));
    }

    @Test
    void asyncLookupIsReadyAtOnceWhenNothingIsPending() throws Exception {
        Guest.exec(engine, () -> {
            PendingTransaction pending = Transaction.lookupAsync("async".getBytes(UTF_8), LookupOptions.defaults());
            try (Transaction tx = pending.await()) {
                assertTrue(tx.mustInsert());
                try (CacheWriter w =
                        tx.insert(WriteOptions.builder(Duration.ofMinutes(1)).build())) {
                    w.write("v".getBytes(UTF_8));
                }
            }
            assertThrows(IllegalStateException.class, pending::await);
            // closing a pending lookup that took the obligation gives it up
            PendingTransaction other = Transaction.lookupAsync("other".getBytes(UTF_8), LookupOptions.defaults());
            other.close();
            other.close();
            try (Transaction tx = Transaction.lookup("other")) {
                assertTrue(tx.mustInsert());
            }
        });
        assertEquals("v", lookupBody("async"));
    }
}
