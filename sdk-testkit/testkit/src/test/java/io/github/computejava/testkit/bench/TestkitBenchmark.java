package io.github.computejava.testkit.bench;

import io.github.computejava.fsthttp.PendingRequest;
import io.github.computejava.fsthttp.Request;
import io.github.computejava.fsthttp.Response;
import io.github.computejava.testkit.MockResponse;
import io.github.computejava.testkit.TestHost;
import io.github.computejava.testkit.TestResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests per second through the testkit's JVM door (run by {@code scripts/bench-testkit.sh}, not by the
 * test suite): a hello handler, a proxy to a scripted backend that answers uncacheable responses, and the same
 * proxy answered from the readthrough cache (the backend says {@code max-age=3600}; every measured request must
 * be a hit), and a fan-out to three scripted backends asked at once with {@code sendAsync} (their delays of 100,
 * 200 and 300 ms pass on the virtual clock, overlapping). Prints one line per path: {@code path threads requests/s microseconds/request}.
 */
public final class TestkitBenchmark {
    private static final int WARMUP = 30_000;
    private static final int ROUNDS = 5;
    private static final long ROUND_NANOS = 2_000_000_000L;

    private TestkitBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(measure("hello", 1));
        lines.add(measure("hello", 2));
        lines.add(measure("proxy", 1));
        lines.add(measure("cache-hit", 1));
        lines.add(measure("fan-out", 1));
        for (String line : lines) {
            System.out.println(line);
        }
    }

    private static TestHost host(String path) {
        TestHost host = TestHost.create();
        if (path.equals("fan-out")) {
            for (int i = 0; i < 3; i++) {
                host.backend("b" + i)
                        .respond(MockResponse.builder()
                                .header("Cache-Control", "no-store")
                                .body("panel " + i + "\n")
                                .delay(Duration.ofMillis(100L * (i + 1)))
                                .build());
            }
            host.handler((request, response) -> {
                List<PendingRequest> pending = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    pending.add(Request.get("https://b" + i + ".example/").sendAsync("b" + i));
                }
                for (Response r : PendingRequest.awaitAll(pending)) {
                    try (r) {
                        r.body().transferTo(response.body());
                    }
                }
            });
        } else if (path.equals("hello")) {
            host.handler((request, response) -> {
                response.headers().set("Content-Type", "text/plain");
                response.write("Hello from Java on Fastly Compute!\n");
            });
        } else {
            host.backend("origin")
                    .respond(MockResponse.builder()
                            .header("Cache-Control", path.equals("cache-hit") ? "max-age=3600" : "no-store")
                            .body("from the origin\n")
                            .build());
            host.handler((request, response) -> {
                try (Response r = request.send("origin")) {
                    response.status(r.status());
                    response.headers().setAll(r.headers());
                    r.body().transferTo(response.body());
                }
            });
        }
        return host;
    }

    /** The median of {@value #ROUNDS} rounds of about two seconds, each thread with its own host. */
    private static String measure(String path, int threads) throws Exception {
        List<TestHost> hosts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            TestHost host = host(path);
            hosts.add(host);
            for (int i = 0; i < WARMUP; i++) {
                check(host.get("/").send(), null);
            }
            host.clearBackendRequests();
        }
        String expectedCache = path.equals("cache-hit") ? "HIT" : path.equals("proxy") ? "MISS" : null;
        List<Double> rates = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            AtomicLong done = new AtomicLong();
            long start = System.nanoTime();
            List<Thread> workers = new ArrayList<>();
            for (TestHost host : hosts) {
                Thread worker = new Thread(() -> {
                    long n = 0;
                    while (System.nanoTime() - start < ROUND_NANOS) {
                        for (int i = 0; i < 256; i++) {
                            check(host.get("/").send(), expectedCache);
                        }
                        n += 256;
                        // a test keeps every request it makes; a long run must not
                        host.clearBackendRequests();
                    }
                    done.addAndGet(n);
                });
                workers.add(worker);
                worker.start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
            long elapsed = System.nanoTime() - start;
            rates.add(done.get() * 1e9 / elapsed);
        }
        for (TestHost host : hosts) {
            host.close();
        }
        Collections.sort(rates);
        double median = rates.get(ROUNDS / 2);
        return String.format(Locale.ROOT, "%s %d %.0f %.1f", path, threads, median, threads * 1e6 / median);
    }

    /** A 200 with a body, and for the proxies the expected {@code X-Cache}. */
    private static void check(TestResponse response, String expectedCache) {
        if (response.status() != 200 || response.body().length == 0) {
            throw new IllegalStateException("unexpected response " + response);
        }
        if (expectedCache != null
                && !expectedCache.equals(response.header("X-Cache").orElse(null))) {
            throw new IllegalStateException("expected X-Cache: " + expectedCache + ", got " + response);
        }
    }
}
