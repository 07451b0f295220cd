package io.github.computejava.cache;

import io.github.computejava.cache.core.CacheWriter;
import io.github.computejava.cache.core.CoreCache;
import io.github.computejava.cache.core.Found;
import io.github.computejava.cache.core.WriteOptions;
import io.github.computejava.cache.simple.CacheEntry;
import io.github.computejava.cache.simple.SimpleCache;
import io.github.computejava.host.HostEngine;
import io.github.computejava.host.LoopbackClient;
import io.github.computejava.host.Sandbox;
import io.github.computejava.internal.Host;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Operations per second of the cache APIs in the testkit path: the SDK on the JVM over the engine, one thread,
 * hits on a warm cache. Run by {@code scripts/bench-cache.sh}; prints one markdown table row per operation.
 */
public final class CacheBenchmark {
    private static final int KEYS = 1000;
    private static final byte[] VALUE = new byte[1024];

    private interface Op {
        void run(int i) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        HostEngine engine = HostEngine.builder().build();
        Sandbox sandbox = LoopbackClient.sandbox(engine, "http://bench.example/");
        Host.attach(sandbox);
        String[] keys = new String[KEYS];
        for (int i = 0; i < KEYS; i++) {
            keys[i] = "/bench/key/" + i;
            try (InputStream in = SimpleCache.getOrSet(keys[i], () -> CacheEntry.of(VALUE, Duration.ofHours(1)))) {
                in.readAllBytes();
            }
            try (CacheWriter w = CoreCache.insert(
                    "core" + keys[i], WriteOptions.builder(Duration.ofHours(1)).build())) {
                w.write(VALUE);
            }
        }
        byte[] buf = new byte[2048];
        report("simple `get` (hit, 1 KiB read)", seconds, i -> {
            try (InputStream in = SimpleCache.get(keys[i % KEYS]).orElseThrow()) {
                drain(in, buf);
            }
        });
        report("simple `getOrSet` (hit, 1 KiB read)", seconds, i -> {
            try (InputStream in = SimpleCache.getOrSet(keys[i % KEYS], () -> {
                throw new AssertionError("miss");
            })) {
                drain(in, buf);
            }
        });
        report("core `lookup` (hit, metadata only)", seconds, i -> {
            try (Found f = CoreCache.lookup("core" + keys[i % KEYS]).orElseThrow()) {
                if (f.hits() < 1) {
                    throw new AssertionError();
                }
            }
        });
        report("core `lookup` (hit, 1 KiB read)", seconds, i -> {
            try (Found f = CoreCache.lookup("core" + keys[i % KEYS]).orElseThrow();
                    InputStream in = f.body()) {
                drain(in, buf);
            }
        });
        Host.attach(null);
        sandbox.finish();
        engine.close();
    }

    private static void drain(InputStream in, byte[] buf) throws IOException {
        int total = 0;
        int n;
        while ((n = in.read(buf)) >= 0) {
            total += n;
        }
        if (total != VALUE.length) {
            throw new AssertionError("read " + total);
        }
    }

    private static void report(String name, double seconds, Op op) throws Exception {
        long warmEnd = System.nanoTime() + (long) (seconds * 0.5e9);
        int i = 0;
        while (System.nanoTime() < warmEnd) {
            op.run(i++);
        }
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long count = 0;
        while (System.nanoTime() < end) {
            for (int k = 0; k < 100; k++) {
                op.run(i++);
            }
            count += 100;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "| %s | %,.0f | %.2f µs |%n", name, count / elapsed, elapsed / count * 1e6);
    }
}
