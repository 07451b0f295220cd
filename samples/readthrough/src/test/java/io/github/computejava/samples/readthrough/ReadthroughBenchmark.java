package io.github.computejava.samples.readthrough;

import io.github.computejava.host.HostEngine;
import io.github.computejava.host.backend.Backend;
import io.github.computejava.host.backend.Origin;
import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.http.CacheOverride;
import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.RequestHead;
import io.github.computejava.host.http.ResponseHead;
import io.github.computejava.host.http.UpstreamResponse;
import io.github.computejava.host.readthrough.ReadthroughCache;
import io.github.computejava.server.LocalServer;
import io.github.computejava.server.WasmProgram;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the readthrough cache (not a test): hit and miss latency and throughput through the testkit's JVM door
 * and through the local server running the sample's main.wasm, and the memory a cached object takes. The origin is
 * scripted in memory (1 KiB bodies, {@code max-age=3600}), so the figures are the cache's and the doors' own cost.
 * {@code scripts/bench-readthrough.sh} runs it and writes the markdown section it prints.
 *
 * <p>Arguments: {@code --wasm PATH} (the sample's main.wasm), {@code --out FILE} (markdown), {@code --seconds N}
 * (per throughput run, default 4), {@code --threads N} (default 4), {@code --objects N} (memory run, default 20000).
 */
public final class ReadthroughBenchmark {
    private static final byte[] BODY = "x".repeat(1024).getBytes(StandardCharsets.UTF_8);

    private final Path wasm;
    private final int seconds;
    private final int threads;
    private final int objects;

    private ReadthroughBenchmark(Path wasm, int seconds, int threads, int objects) {
        this.wasm = wasm;
        this.seconds = seconds;
        this.threads = threads;
        this.objects = objects;
    }

    public static void main(String[] args) throws Exception {
        Path wasm = Path.of("bin/main.wasm");
        Path out = null;
        int seconds = 4;
        int threads = 4;
        int objects = 20_000;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--wasm" -> wasm = Path.of(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--objects" -> objects = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        String section = new ReadthroughBenchmark(wasm, seconds, threads, objects).run();
        if (out != null) {
            Files.writeString(out, section);
        }
        System.out.println(section);
    }

    /** One door: how a benchmark request reaches the program. */
    private interface Door extends AutoCloseable {
        void get(String path) throws Exception;

        @Override
        void close();
    }

    private static final Origin ORIGIN = (backend, request, body) -> {
        body.discard();
        HeaderList h = new HeaderList();
        h.append("Cache-Control", "max-age=3600");
        h.append("Content-Type", "text/plain");
        h.append("Content-Length", Integer.toString(BODY.length));
        return new UpstreamResponse(new ResponseHead(200, h), BodyBuffer.of(BODY));
    };

    private String run() throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Door jvm = jvmDoor()) {
            measure("testkit (JVM door)", jvm, rows);
        }
        try (Door server = serverDoor()) {
            measure("local server (main.wasm)", server, rows);
        }
        long[] memory = memoryPerObject();

        StringBuilder md = new StringBuilder();
        md.append("## Readthrough cache\n\n");
        md.append("`scripts/bench-readthrough.sh`, ")
                .append(java.time.LocalDate.now(java.time.ZoneOffset.UTC))
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ")
                .append(System.getProperty("java.version"))
                .append(". The sample `samples/readthrough` (default path) in front of an in-memory origin")
                .append(" answering 1 KiB with `max-age=3600`: the figures are the cache's and the door's own cost.")
                .append(" Latency: one client alternating hits and misses, median and 99th percentile. Throughput: ")
                .append(threads)
                .append(" client threads for ")
                .append(seconds)
                .append(" s after a warm-up; misses use a new URL per request.\n\n");
        md.append("| door | measure | hit | miss |\n|---|---|---|---|\n");
        for (String[] r : rows) {
            md.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        md.append("\nMemory per cached object (1 KiB body, 3 headers, ")
                .append(objects)
                .append(" objects stored through `ReadthroughCache.send`): ")
                .append(String.format(Locale.ROOT, "%.0f", memory[0] / (double) objects))
                .append(" bytes of JVM heap (")
                .append(String.format(Locale.ROOT, "%.0f", memory[0] / (double) objects - BODY.length))
                .append(" beyond the body); the store's byte bound counts ")
                .append(String.format(Locale.ROOT, "%.0f", memory[1] / (double) objects))
                .append(" bytes per object.\n");
        return md.toString();
    }

    private void measure(String door, Door d, List<String[]> rows) throws Exception {
        AtomicLong ids = new AtomicLong();
        // warm up both paths (the local server compiles the program's hot functions as it goes)
        long warmEnd =
                System.nanoTime() + Duration.ofSeconds(Math.max(5, seconds)).toNanos();
        d.get("/hot");
        while (System.nanoTime() < warmEnd) {
            d.get("/hot");
            d.get("/warm/" + ids.incrementAndGet());
        }
        // hits and misses alternate, so both see the same conditions
        long[] hit = new long[2000];
        long[] miss = new long[2000];
        for (int i = 0; i < hit.length; i++) {
            hit[i] = timed(d, "/hot");
            miss[i] = timed(d, "/miss/" + ids.incrementAndGet());
        }
        Arrays.sort(hit);
        Arrays.sort(miss);
        double hitRps = throughput(d, () -> "/hot");
        double missRps = throughput(d, () -> "/tput/" + ids.incrementAndGet());
        rows.add(new String[] {door, "latency, median", micros(hit, 0.5), micros(miss, 0.5)});
        rows.add(new String[] {door, "latency, p99", micros(hit, 0.99), micros(miss, 0.99)});
        rows.add(new String[] {
            door,
            "throughput",
            String.format(Locale.ROOT, "%,.0f req/s", hitRps),
            String.format(Locale.ROOT, "%,.0f req/s", missRps)
        });
    }

    private static long timed(Door d, String path) throws Exception {
        long start = System.nanoTime();
        d.get(path);
        return System.nanoTime() - start;
    }

    private double throughput(Door d, java.util.function.Supplier<String> paths) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long start = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            fs.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    d.get(paths.get());
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static String micros(long[] sorted, double q) {
        long v = sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))];
        return String.format(Locale.ROOT, "%.0f µs", v / 1000.0);
    }

    // ---- doors

    private static Door jvmDoor() {
        HostEngine engine = HostEngine.builder()
                .backend(Backend.builder(Main.BACKEND).build())
                .origin(ORIGIN)
                .logSink((endpoint, line) -> {})
                .build();
        JvmRunner runner = new JvmRunner(engine);
        return new Door() {
            @Override
            public void get(String path) throws Exception {
                runner.get(path);
            }

            @Override
            public void close() {
                engine.close();
            }
        };
    }

    private Door serverDoor() throws IOException {
        LocalServer server = LocalServer.builder()
                .program(WasmProgram.load(wasm, WasmProgram.Execution.COMPILED))
                .engine(HostEngine.builder()
                        .backend(Backend.builder(Main.BACKEND).build()))
                .origin(ORIGIN)
                .address(new InetSocketAddress("127.0.0.1", 0))
                .build();
        server.start();
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = server.uri().toString().replaceAll("/$", "");
        return new Door() {
            @Override
            public void get(String path) throws Exception {
                HttpResponse<byte[]> r = client.send(
                        HttpRequest.newBuilder(URI.create(base + path)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200 || r.body().length != BODY.length) {
                    throw new IllegalStateException("unexpected answer " + r.statusCode() + " for " + path);
                }
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }

    /** Runs the sample's main for one request on the JVM door. */
    private static final class JvmRunner {
        private final HostEngine engine;

        JvmRunner(HostEngine engine) {
            this.engine = engine;
        }

        void get(String path) throws Exception {
            java.util.concurrent.atomic.AtomicReference<BodyBuffer> body =
                    new java.util.concurrent.atomic.AtomicReference<>();
            io.github.computejava.host.Sandbox sandbox = engine.newSandbox(
                    new io.github.computejava.host.DownstreamRequest(
                            new RequestHead("GET", "http://bench.example" + path, new HeaderList()),
                            new BodyBuffer(),
                            new byte[] {127, 0, 0, 1},
                            new byte[] {127, 0, 0, 1}),
                    (h, b, streaming) -> body.set(b));
            io.github.computejava.internal.Host.attach(sandbox);
            try {
                Main.main(new String[0]);
            } finally {
                io.github.computejava.internal.Host.attach(null);
                sandbox.finish();
            }
            if (body.get().readAll().length != BODY.length) {
                throw new IllegalStateException("unexpected body for " + path);
            }
        }
    }

    // ---- memory

    /** Heap bytes and store-accounted bytes for {@link #objects} stored objects. */
    private long[] memoryPerObject() throws Exception {
        HostEngine engine = HostEngine.builder()
                .backend(Backend.builder(Main.BACKEND).build())
                .origin(ORIGIN)
                .cacheCapacity(4L << 30)
                .build();
        try {
            ReadthroughCache cache = engine.readthrough();
            Backend backend = engine.backend(Main.BACKEND);
            long before = usedHeap();
            for (int i = 0; i < objects; i++) {
                UpstreamResponse r = cache.send(
                        backend,
                        new RequestHead("GET", "http://bench.example/object/" + i, new HeaderList()),
                        BodyBuffer.of(new byte[0]),
                        CacheOverride.NONE);
                r.body().readAll();
            }
            cache.awaitBackgroundWork(Duration.ofSeconds(30));
            long after = usedHeap();
            if (engine.cacheStore().objectCount() != objects) {
                throw new IllegalStateException("stored " + engine.cacheStore().objectCount() + " objects");
            }
            long accounted = engine.cacheStore().sizeBytes();
            return new long[] {after - before, accounted};
        } finally {
            engine.close();
        }
    }

    private static long usedHeap() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
