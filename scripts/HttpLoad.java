import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small HTTP/1.1 load generator (run with {@code java scripts/HttpLoad.java}): CONNECTIONS keep-alive connections
 * send REQUESTS GET requests in total to URL, as fast as the server answers, and report throughput, latency
 * percentiles, statuses and errors. A connection the server closes is reopened.
 *
 * <pre>
 * java scripts/HttpLoad.java URL [--connections 100] [--requests 10000] [--warmup 0] [--expect 200] [--quiet]
 * </pre>
 *
 * Exits with 1 when a request failed or answered another status than --expect.
 */
public final class HttpLoad {
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java HttpLoad.java URL [--connections N] [--requests N] [--warmup N]"
                    + " [--expect STATUS] [--quiet]");
            System.exit(2);
        }
        URI url = URI.create(args[0]);
        int connections = 100;
        int requests = 10_000;
        int warmup = 0;
        int expect = 200;
        boolean quiet = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--connections":
                    connections = Integer.parseInt(args[++i]);
                    break;
                case "--requests":
                    requests = Integer.parseInt(args[++i]);
                    break;
                case "--warmup":
                    warmup = Integer.parseInt(args[++i]);
                    break;
                case "--expect":
                    expect = Integer.parseInt(args[++i]);
                    break;
                case "--quiet":
                    quiet = true;
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (warmup > 0) {
            run(url, Math.min(connections, warmup), warmup, expect);
        }
        Result r = run(url, connections, requests, expect);
        long[] sorted = Arrays.copyOf(r.latencies, r.count.get());
        Arrays.sort(sorted);
        double seconds = r.elapsedNanos / 1e9;
        if (!quiet) {
            System.out.printf(
                    Locale.ROOT,
                    "requests=%d connections=%d errors=%d unexpected=%d statuses=%s%n",
                    sorted.length,
                    connections,
                    r.errors.get(),
                    r.unexpected.get(),
                    new TreeMap<>(r.statuses));
            System.out.printf(Locale.ROOT, "elapsed=%.2fs throughput=%.0f req/s%n", seconds, sorted.length / seconds);
        }
        System.out.printf(
                Locale.ROOT,
                "latency_ms p50=%.3f p90=%.3f p99=%.3f max=%.3f%n",
                pct(sorted, 50),
                pct(sorted, 90),
                pct(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        if (!r.firstError.isEmpty()) {
            System.out.println("first error: " + r.firstError.get(0));
        }
        System.exit(r.errors.get() == 0 && r.unexpected.get() == 0 ? 0 : 1);
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(i, 0)] / 1e6;
    }

    static final class Result {
        final long[] latencies;
        final AtomicInteger count = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        final AtomicInteger unexpected = new AtomicInteger();
        final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        final List<String> firstError = java.util.Collections.synchronizedList(new ArrayList<>());
        long elapsedNanos;

        Result(int n) {
            latencies = new long[n];
        }
    }

    static Result run(URI url, int connections, int requests, int expect) throws InterruptedException {
        Result r = new Result(requests);
        AtomicLong remaining = new AtomicLong(requests);
        CountDownLatch done = new CountDownLatch(connections);
        String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        int port = url.getPort() < 0 ? 80 : url.getPort();
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + port
                        + "\r\nUser-Agent: HttpLoad\r\nAccept: */*\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            Thread t = new Thread(() -> {
                Socket socket = null;
                InputStream in = null;
                try {
                    while (remaining.getAndDecrement() > 0) {
                        long t0 = System.nanoTime();
                        try {
                            if (socket == null) {
                                socket = new Socket();
                                socket.setTcpNoDelay(true);
                                socket.connect(new InetSocketAddress(url.getHost(), port), 10_000);
                                socket.setSoTimeout(60_000);
                                in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                            }
                            OutputStream out = socket.getOutputStream();
                            out.write(request);
                            out.flush();
                            Response resp = Response.read(in);
                            long t1 = System.nanoTime();
                            r.latencies[r.count.getAndIncrement()] = t1 - t0;
                            r.statuses.merge(resp.status, 1, Integer::sum);
                            if (resp.status != expect) {
                                r.unexpected.incrementAndGet();
                            }
                            if (resp.close) {
                                socket.close();
                                socket = null;
                            }
                        } catch (IOException e) {
                            r.errors.incrementAndGet();
                            if (r.firstError.isEmpty()) {
                                r.firstError.add(e.toString());
                            }
                            if (socket != null) {
                                try {
                                    socket.close();
                                } catch (IOException ignored) {
                                    // reopened next time
                                }
                                socket = null;
                            }
                        }
                    }
                } finally {
                    if (socket != null) {
                        try {
                            socket.close();
                        } catch (IOException ignored) {
                            // done
                        }
                    }
                    done.countDown();
                }
            });
            t.setDaemon(true);
            t.start();
        }
        done.await();
        r.elapsedNanos = System.nanoTime() - start;
        return r;
    }

    /** A minimal HTTP/1.1 response reader: status, framing, body skipped. */
    static final class Response {
        int status;
        boolean close;

        static Response read(InputStream in) throws IOException {
            Response r = new Response();
            String statusLine = line(in);
            if (statusLine == null || !statusLine.startsWith("HTTP/1.")) {
                throw new IOException("bad status line: " + statusLine);
            }
            r.status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            String l;
            while ((l = line(in)) != null && !l.isEmpty()) {
                int colon = l.indexOf(':');
                String name = l.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = l.substring(colon + 1).trim();
                if (name.equals("content-length")) {
                    length = Long.parseLong(value);
                } else if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                    chunked = true;
                } else if (name.equals("connection") && value.equalsIgnoreCase("close")) {
                    r.close = true;
                }
            }
            if (l == null) {
                throw new IOException("connection closed in the response head");
            }
            if (chunked) {
                while (true) {
                    String size = line(in);
                    if (size == null) {
                        throw new IOException("connection closed in a chunked body");
                    }
                    int semi = size.indexOf(';');
                    long n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                    if (n == 0) {
                        while ((l = line(in)) != null && !l.isEmpty()) {
                            // trailers
                        }
                        break;
                    }
                    skip(in, n);
                    line(in);
                }
            } else if (length >= 0) {
                skip(in, length);
            } else {
                in.readAllBytes();
                r.close = true;
            }
            return r;
        }

        private static void skip(InputStream in, long n) throws IOException {
            while (n > 0) {
                long s = in.skip(n);
                if (s <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed in the body");
                    }
                    s = 1;
                }
                n -= s;
            }
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    int len = b.size();
                    byte[] bytes = b.toByteArray();
                    return new String(bytes, 0, len > 0 && bytes[len - 1] == '\r' ? len - 1 : len, StandardCharsets.ISO_8859_1);
                }
                b.write(c);
            }
            return null;
        }
    }
}
