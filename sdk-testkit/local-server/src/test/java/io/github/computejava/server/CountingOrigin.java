package io.github.computejava.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP origin that counts the requests reaching it, for tests that assert what a cache let through. Every path
 * answers 200 with the body {@code PATH#N} (N counts that path's requests from 1) and the {@code Cache-Control}
 * given by the query parameter {@code cc}; a path under {@code /gate/} is held until the test {@link #open opens}
 * it, so a test knows a request is in flight and can act meanwhile.
 */
final class CountingOrigin implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "counting-origin");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> lastHeaders = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final Object monitor = new Object();

    private CountingOrigin(HttpServer server) {
        this.server = server;
        server.setExecutor(threads);
        server.createContext("/", this::answer);
        server.start();
    }

    /** Starts an origin on a free loopback port. */
    static CountingOrigin start() throws IOException {
        return new CountingOrigin(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    }

    /** Where it listens, for a backend's URL. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** How many requests for {@code path} (without its query) arrived so far. */
    int requests(String path) {
        return counts.getOrDefault(path, 0);
    }

    /**
     * Waits until {@code count} requests for {@code path} arrived.
     *
     * @return whether they did within {@code timeout}
     */
    boolean awaitRequests(String path, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (requests(path) < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(monitor, left);
            }
            return true;
        }
    }

    /** A request header (lower-case name) of the last request for {@code path}, or null. */
    String lastHeader(String path, String name) {
        Map<String, String> h = lastHeaders.get(path);
        return h == null ? null : h.get(name);
    }

    /** Lets the requests held at the gate {@code path} (and later ones) through. */
    void open(String path) {
        gate(path).countDown();
    }

    @Override
    public void close() {
        gates.values().forEach(CountDownLatch::countDown);
        server.stop(0);
        threads.shutdownNow();
    }

    private CountDownLatch gate(String path) {
        return gates.computeIfAbsent(path, p -> new CountDownLatch(1));
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            String path = exchange.getRequestURI().getPath();
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((n, v) -> headers.put(n.toLowerCase(), String.join(", ", v)));
            lastHeaders.put(path, headers);
            int n;
            synchronized (monitor) {
                n = counts.merge(path, 1, Integer::sum);
                monitor.notifyAll();
            }
            if (path.startsWith("/gate/")) {
                try {
                    if (!gate(path).await(30, TimeUnit.SECONDS)) {
                        exchange.sendResponseHeaders(504, -1);
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            String cc = query(exchange.getRequestURI().getRawQuery(), "cc");
            if (cc != null) {
                exchange.getResponseHeaders().set("Cache-Control", cc);
            }
            byte[] body = (path + "#" + n).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static String query(String raw, String name) {
        if (raw == null) {
            return null;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String n = eq < 0 ? pair : pair.substring(0, eq);
            if (URLDecoder.decode(n, StandardCharsets.UTF_8).equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
