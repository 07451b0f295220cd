package io.github.computejava.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.cache.core.CacheWriter;
import io.github.computejava.cache.core.Found;
import io.github.computejava.cache.core.StreamingInsert;
import io.github.computejava.cache.core.Transaction;
import io.github.computejava.cache.core.WriteOptions;
import io.github.computejava.cache.simple.CacheEntry;
import io.github.computejava.cache.simple.SimpleCache;
import io.github.computejava.host.HostEngine;
import io.github.computejava.host.LoopbackClient;
import io.github.computejava.host.Sandbox;
import io.github.computejava.internal.Host;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Request collapsing with many real threads, each serving its own request (its own sandbox). */
class CollapsingConcurrencyTest {
    private static final long TIMEOUT_SECONDS = 60;

    private final HostEngine engine = HostEngine.builder().build();
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void close() {
        pool.shutdownNow();
        engine.close();
    }

    /** A value that differs per key and is long enough to arrive in several chunks. */
    private static byte[] valueOf(int key) {
        byte[] v = new byte[48 * 1024 + key];
        for (int i = 0; i < v.length; i++) {
            v[i] = (byte) (key * 31 + i);
        }
        return v;
    }

    private <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> t : tasks) {
            futures.add(pool.submit(t));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        }
        return results;
    }

    @Test
    void fiftyThreadsTwentyKeysRunEachLoaderOnceAndNobodySeesAnotherKeysValue() throws Exception {
        int threads = 50;
        int keys = 20;
        AtomicIntegerArray loads = new AtomicIntegerArray(keys);
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int seed = t;
            tasks.add(() -> {
                List<Integer> order = new ArrayList<>();
                for (int k = 0; k < keys; k++) {
                    order.add(k);
                }
                Collections.shuffle(order, new java.util.Random(seed));
                start.await();
                int checked = 0;
                for (int k : order) {
                    byte[] got = Guest.run(engine, () -> {
                        try (InputStream in = SimpleCache.getOrSet("key-" + k, () -> {
                            loads.incrementAndGet(k);
                            sleep(20); // a slow origin, so the others pile up behind the obligation
                            return CacheEntry.of(valueOf(k), Duration.ofMinutes(5));
                        })) {
                            return in.readAllBytes();
                        }
                    });
                    assertArrayEquals(valueOf(k), got, "key " + k);
                    checked++;
                }
                return checked;
            });
        }
        for (int checked : runAll(tasks)) {
            assertEquals(keys, checked);
        }
        for (int k = 0; k < keys; k++) {
            assertEquals(1, loads.get(k), "loader runs for key " + k);
        }
    }

    @Test
    void whenTheHolderFailsTheNextWaiterTakesTheObligation() throws Exception {
        int waiters = 16;
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch holderHasIt = new CountDownLatch(1);
        CountDownLatch fail = new CountDownLatch(1);
        Future<Exception> holder = pool.submit(() -> {
            try {
                Guest.run(
                        engine,
                        () -> SimpleCache.getOrSet("flaky", () -> {
                            loads.incrementAndGet();
                            holderHasIt.countDown();
                            await(fail); // the waiters queue up meanwhile
                            throw new IllegalStateException("origin timed out");
                        }));
                return null;
            } catch (Exception e) {
                return e;
            }
        });
        assertTrue(holderHasIt.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < waiters; i++) {
            tasks.add(() -> Guest.run(engine, () -> {
                try (InputStream in = SimpleCache.getOrSet("flaky", () -> {
                    loads.incrementAndGet();
                    return CacheEntry.of("recovered", Duration.ofMinutes(1));
                })) {
                    return new String(in.readAllBytes(), UTF_8);
                }
            }));
        }
        List<Future<String>> results = new ArrayList<>();
        for (Callable<String> task : tasks) {
            results.add(pool.submit(task));
        }
        assertTrue(
                engine.cacheStore().awaitWaitingLookups(waiters, Duration.ofSeconds(TIMEOUT_SECONDS)),
                "every waiter queues behind the holder");
        fail.countDown();
        for (Future<String> f : results) {
            assertEquals("recovered", f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        }
        assertEquals(
                "origin timed out",
                holder.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).getMessage());
        assertEquals(2, loads.get(), "the failing loader and exactly one waiter's");
    }

    @Test
    void whenTheHoldersRequestEndsItsObligationPassesOn() throws Exception {
        Sandbox holder = sandbox();
        Host.attach(holder);
        try {
            Transaction tx = Transaction.lookup("orphan");
            assertTrue(tx.mustInsert());
            // the handler returns without closing the transaction
        } finally {
            Host.attach(null);
        }
        CountDownLatch waiting = new CountDownLatch(1);
        Future<Boolean> waiter = pool.submit(() -> Guest.run(engine, () -> {
            waiting.countDown();
            try (Transaction tx = Transaction.lookup("orphan")) {
                return tx.mustInsert();
            }
        }));
        assertTrue(waiting.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertTrue(
                engine.cacheStore().awaitWaitingLookups(1, Duration.ofSeconds(TIMEOUT_SECONDS)),
                "the waiter waits for the holder");
        assertFalse(waiter.isDone());
        holder.finish();
        assertTrue(waiter.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void readersStreamAnObjectWhileItIsWritten() throws Exception {
        int readers = 8;
        int chunks = 20;
        byte[] chunk = new byte[10_000];
        CountDownLatch readersFoundIt = new CountDownLatch(readers);
        CountDownLatch writerStarted = new CountDownLatch(1);
        CountDownLatch firstChunkRead = new CountDownLatch(readers);
        Future<Void> writer = pool.submit(() -> {
            Guest.exec(engine, () -> {
                try (Transaction tx = Transaction.lookup("stream")) {
                    assertTrue(tx.mustInsert());
                    try (StreamingInsert insert = tx.insertAndStreamBack(
                            WriteOptions.builder(Duration.ofMinutes(1)).build())) {
                        CacheWriter w = insert.writer();
                        for (int i = 0; i < chunks; i++) {
                            java.util.Arrays.fill(chunk, (byte) i);
                            w.write(chunk);
                            w.flush();
                            if (i == 0) {
                                writerStarted.countDown();
                                // the readers get the object and its first bytes before the rest exists
                                assertTrue(readersFoundIt.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));
                                assertTrue(firstChunkRead.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));
                            }
                        }
                    }
                }
            });
            return null;
        });
        assertTrue(writerStarted.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        List<Callable<byte[]>> tasks = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            tasks.add(() -> Guest.run(engine, () -> {
                try (Transaction tx = Transaction.lookup("stream")) {
                    Found f = tx.found().orElseThrow();
                    readersFoundIt.countDown();
                    try (InputStream in = f.body()) {
                        byte[] first = in.readNBytes(chunk.length);
                        firstChunkRead.countDown();
                        byte[] rest = in.readAllBytes();
                        byte[] all = new byte[first.length + rest.length];
                        System.arraycopy(first, 0, all, 0, first.length);
                        System.arraycopy(rest, 0, all, first.length, rest.length);
                        return all;
                    }
                }
            }));
        }
        List<byte[]> bodies = runAll(tasks);
        writer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        for (byte[] body : bodies) {
            assertEquals(chunks * chunk.length, body.length);
            for (int i = 0; i < body.length; i++) {
                if (body[i] != (byte) (i / chunk.length)) {
                    throw new AssertionError("byte " + i + " is " + body[i]);
                }
            }
        }
    }

    private Sandbox sandbox() {
        return LoopbackClient.sandbox(engine, "http://example.com/");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test did not release the latch");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
