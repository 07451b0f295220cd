package io.github.computejava.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.host.ExecutionLimits;
import io.github.computejava.host.HostEngine;
import io.github.computejava.host.ResourceUsage;
import io.github.computejava.host.backend.Backend;
import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.ResponseHead;
import io.github.computejava.host.http.UpstreamResponse;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fault suite: hostile programs (written in WebAssembly's text format, {@code faults/*.wat}) and hostile clients
 * against the local server. Each case checks that the fault is contained (ended, bounded, refused or reported with a
 * clear line) and that the server then answers a normal request: a request without the {@code X-Fault} header gets
 * "ok" from the same program.
 */
class FaultsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private LocalServer server;

    private LocalServer serve(
            String program, UnaryOperator<ExecutionLimits.Builder> limits, UnaryOperator<LocalServer.Builder> more)
            throws Exception {
        return serve(Wat.compile(program), limits, more);
    }

    private LocalServer serve(
            byte[] program, UnaryOperator<ExecutionLimits.Builder> limits, UnaryOperator<LocalServer.Builder> more)
            throws Exception {
        ServerLog log = new ServerLog(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                1);
        LocalServer.Builder b = LocalServer.builder()
                .program(WasmProgram.load("fault.wasm", program, WasmProgram.Execution.COMPILED))
                .engine(HostEngine.builder()
                        .limits(limits.apply(ExecutionLimits.builder()).build())
                        .backend(Backend.builder("origin")
                                .url("http://127.0.0.1:" + backendPort)
                                .build()))
                .address(new InetSocketAddress("127.0.0.1", 0))
                .log(log);
        server = more.apply(b).build();
        server.start();
        return server;
    }

    private int backendPort = 1;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private HttpResponse<byte[]> get(boolean fault) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(server.uri().resolve("/")).timeout(Duration.ofSeconds(60));
        if (fault) {
            b.header("X-Fault", "1");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private CompletableFuture<HttpResponse<byte[]>> getAsync(boolean fault) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(server.uri().resolve("/")).timeout(Duration.ofSeconds(60));
        if (fault) {
            b.header("X-Fault", "1");
        }
        return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private void assertServesNormally() throws Exception {
        HttpResponse<byte[]> r = get(false);
        assertEquals(200, r.statusCode(), "the server answers a normal request after the fault");
        assertEquals("ok", new String(r.body(), StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static int[] ints(byte[] body) {
        ByteBuffer b = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        int[] out = new int[body.length / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getInt();
        }
        return out;
    }

    private static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    // ---- run time and the client leaving

    @Test
    void aRunawayInstanceIsEndedAtTheRunTimeLimitWithALogLine() throws Exception {
        serve("spin", l -> l.runTime(Duration.ofMillis(300)), b -> b);

        long start = System.nanoTime();
        HttpResponse<byte[]> r = get(true);
        long millis = (System.nanoTime() - start) / 1_000_000L;

        assertEquals(500, r.statusCode());
        assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("run time"), new String(r.body()));
        assertTrue(errors().contains("the local server ended the instance: it ran for 300 ms"), errors());
        assertTrue(millis < 30_000, "ended after " + millis + " ms");
        assertTrue(await(() -> server.runningInstances() == 0, Duration.ofSeconds(10)));
        assertServesNormally();
    }

    @Test
    void requestsBeyondTheConcurrencyLimitWaitForARunningInstanceToEnd() throws Exception {
        serve("sleep", l -> l.runTime(Duration.ofMillis(500)), b -> b.maxConcurrentGuests(2)
                .queueTimeout(Duration.ofSeconds(30)));
        CompletableFuture<HttpResponse<byte[]>> first = getAsync(true);
        CompletableFuture<HttpResponse<byte[]>> second = getAsync(true);
        assertTrue(await(() -> server.runningInstances() == 2, Duration.ofSeconds(10)), "two sleepers run");

        HttpResponse<byte[]> queued = get(false);

        assertEquals(200, queued.statusCode(), "queued until a sleeper was ended, not a 503");
        assertEquals("ok", new String(queued.body(), StandardCharsets.UTF_8));
        assertEquals(500, first.get(30, TimeUnit.SECONDS).statusCode());
        assertEquals(500, second.get(30, TimeUnit.SECONDS).statusCode());
    }

    @Test
    void aRequestThatWaitedTheQueueTimeoutGetsA503() throws Exception {
        serve("sleep", l -> l.runTime(Duration.ofSeconds(30)), b -> b.maxConcurrentGuests(1)
                .queueTimeout(Duration.ofMillis(200)));
        CompletableFuture<HttpResponse<byte[]>> sleeper = getAsync(true);
        assertTrue(await(() -> server.runningInstances() == 1, Duration.ofSeconds(10)));

        HttpResponse<byte[]> refused = get(false);

        assertEquals(503, refused.statusCode());
        assertTrue(new String(refused.body(), StandardCharsets.UTF_8).contains("too many requests"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("waited 200 ms"), out.toString());
        sleeper.cancel(true);
    }

    @Test
    void anInstanceWhoseClientWentAwayIsEndedOnceItPassesFastlysCpuLimit() throws Exception {
        serve("streamer", l -> l.runTime(Duration.ofMinutes(5)), b -> b);
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream()
                    .write("GET / HTTP/1.1\r\nHost: x\r\nX-Fault: 1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getInputStream().readNBytes(64 * 1024);
        }

        assertTrue(
                await(() -> server.runningInstances() == 0, Duration.ofSeconds(60)),
                "the streamer still runs: " + errors());
        assertTrue(errors().contains("its client went away and it has used"), errors());
        assertServesNormally();
    }

    // ---- memory

    @Test
    void guestMemoryStopsAtFastlysHeapLimit() throws Exception {
        serve("grow", l -> l, b -> b);

        HttpResponse<byte[]> r = get(true);

        assertEquals(200, r.statusCode());
        int pages = ints(r.body())[0];
        assertTrue(
                pages > 2048 - 16 && pages <= 2048,
                "128 MiB is 2048 pages of 64 KiB; it grew 16 at a time to " + pages);
        assertTrue(await(() -> errors().contains("Fastly's heap limit is 128 MiB"), Duration.ofSeconds(10)), errors());
        assertServesNormally();
    }

    @Test
    void eightMemoryHungryRequestsAtOnceLeaveTheServerServing() throws Exception {
        serve("grow", l -> l, b -> b);
        List<CompletableFuture<HttpResponse<byte[]>>> hungry = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            hungry.add(getAsync(true));
        }

        for (CompletableFuture<HttpResponse<byte[]>> f : hungry) {
            HttpResponse<byte[]> r = f.get(120, TimeUnit.SECONDS);
            assertEquals(200, r.statusCode());
            int pages = ints(r.body())[0];
            assertTrue(pages > 2048 - 16 && pages <= 2048, "pages: " + pages);
        }
        assertServesNormally();
    }

    @Test
    void whenThePagesOfAllInstancesPassTheServersBudgetGrowthFailsWithALogLine() throws Exception {
        serve("grow", l -> l, b -> b.memoryBudget(300L << 20));
        List<CompletableFuture<HttpResponse<byte[]>>> hungry = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            hungry.add(getAsync(true));
        }

        int total = 0;
        for (CompletableFuture<HttpResponse<byte[]>> f : hungry) {
            HttpResponse<byte[]> r = f.get(120, TimeUnit.SECONDS);
            assertTrue(r.statusCode() == 200 || r.statusCode() == 503, "status " + r.statusCode());
            if (r.statusCode() == 200) {
                total += ints(r.body())[0];
            }
        }
        assertTrue(total < 8 * 2048, "the budget held some back: " + total + " pages");
        assertTrue(await(() -> errors().contains("memory for programs is used up"), Duration.ofSeconds(10)), errors());
        assertServesNormally();
    }

    // ---- handles, bodies, output

    @Test
    void openHandlesAreBoundedWithLimitExceeded() throws Exception {
        serve("handles", l -> l.handles(1000), b -> b);

        int[] r = ints(get(true).body());

        assertEquals(13, r[0], "limitexceeded");
        assertTrue(r[1] > 900 && r[1] <= 1000, "opened " + r[1]);
        assertTrue(await(() -> errors().contains("1000 open handles"), Duration.ofSeconds(10)), errors());
        assertServesNormally();
    }

    @Test
    void bytesBufferedInBodiesAreBoundedWithLimitExceeded() throws Exception {
        serve("buffer", l -> l.bufferedBodyBytes(1 << 20), b -> b);

        int[] r = ints(get(true).body());

        assertEquals(13, r[0], "limitexceeded");
        assertEquals(16, r[1], "16 writes of 64 KiB fill 1 MiB");
        assertTrue(await(() -> errors().contains("bytes in bodies nobody has read"), Duration.ofSeconds(10)), errors());
        assertServesNormally();
    }

    @Test
    void anEndlessOutputLineIsCutAtTheLimit() throws Exception {
        serve("longline", l -> l, b -> b);

        get(true);

        String printed = out.toString(StandardCharsets.UTF_8);
        String cut =
                printed.lines().filter(l -> l.startsWith("xxx")).findFirst().orElseThrow();
        assertTrue(cut.length() < 66_000, "a line of " + cut.length());
        assertTrue(cut.endsWith("[line cut at 65536 bytes: 983040 more left out (limits.output_line_bytes)]"), cut);
        assertTrue(printed.lines().anyMatch(l -> l.equals("done")), "the next line prints");
        assertServesNormally();
    }

    @Test
    void aWasiCallWithABadPointerGetsEfault() throws Exception {
        serve("efault", l -> l, b -> b);

        assertEquals(200 + Wasi.EFAULT, get(true).statusCode());
        assertServesNormally();
    }

    // ---- reported limits

    @Test
    void moreBackendRequestsThanFastlyAllowsAreReportedAndCounted() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        serve("backends", l -> l, b -> b.exposeRequestIds().origin((backend, head, body) -> {
            sent.incrementAndGet();
            return new UpstreamResponse(new ResponseHead(200, new HeaderList()), BodyBuffer.of(new byte[0]));
        }));

        HttpResponse<byte[]> r = get(true);

        assertEquals(200, r.statusCode());
        assertTrue(sent.get() >= 1, "the readthrough cache answers the repeated GETs after the first");
        String id = r.headers().firstValue(LocalServer.REQUEST_ID_FIELD).orElseThrow();
        ResourceUsage usage = server.usage(id).get(30, TimeUnit.SECONDS);
        assertEquals(33, usage.backendRequests());
        assertTrue(
                await(
                        () -> errors().contains("made 33 backend requests; Fastly allows 32 per execution"),
                        Duration.ofSeconds(10)),
                errors());
        assertServesNormally();
    }

    @Test
    void moreCpuThanFastlyAllowsIsReported() throws Exception {
        serve("burn", l -> l.cpuTime(Duration.ofMillis(1)), b -> b);

        assertEquals(200, get(true).statusCode());

        assertTrue(
                await(
                        () -> errors().matches(
                                        "(?s).*this request used \\d+ ms of CPU; Fastly stops a program at 1 ms.*"),
                        Duration.ofSeconds(10)),
                errors());
        assertServesNormally();
    }

    // ---- programs refused before listening

    @Test
    void aStartFunctionWithParametersIsRefusedWithTheReason() {
        ProgramException e = assertThrows(
                ProgramException.class,
                () -> WasmProgram.load("bad.wasm", Wat.compile("bad-start"), WasmProgram.Execution.INTERPRETED));
        assertTrue(e.getMessage().contains("_start must take no parameters and return nothing"), e.getMessage());
    }

    @Test
    void aProgramThatDoesNotExportItsMemoryIsRefused() {
        ProgramException e = assertThrows(
                ProgramException.class,
                () -> WasmProgram.load("bad.wasm", Wat.compile("no-memory-export"), WasmProgram.Execution.INTERPRETED));
        assertTrue(e.getMessage().contains("does not export its memory"), e.getMessage());
    }

    @Test
    void initialMemoryAboveTheHeapLimitIsRefusedBeforeListening() {
        WasmProgram p = WasmProgram.load("huge.wasm", Wat.compile("huge-memory"), WasmProgram.Execution.INTERPRETED);
        ProgramException e = assertThrows(
                ProgramException.class, () -> LocalServer.builder().program(p).build());
        assertTrue(e.getMessage().contains("4096 MiB of initial memory"), e.getMessage());
        assertTrue(e.getMessage().contains("heap limit of 128 MiB"), e.getMessage());
    }

    // ---- hostile clients

    @Test
    void aConnectionThatNeverFinishesItsRequestHeadIsClosed() throws Exception {
        serve("spin", l -> l, b -> b.headerTimeout(Duration.ofMillis(300)));

        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            int read;
            try {
                read = s.getInputStream().read();
            } catch (SocketTimeoutException e) {
                read = -2;
            } catch (java.net.SocketException e) {
                read = -1;
            }
            assertEquals(-1, read, "the server closed the connection");
        }
        assertServesNormally();
    }

    @Test
    void expectContinueIsAnsweredHereAndTheClientsLengthReachesTheBackend() throws Exception {
        RecordingBackend backend = new RecordingBackend();
        closing.add(backend);
        backendPort = backend.port();
        serve("proxy", l -> l, b -> b);
        int length = 2 << 20;

        String reply;
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(30_000);
            OutputStream o = s.getOutputStream();
            InputStream in = s.getInputStream();
            o.write(("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: " + length
                            + "\r\nExpect: 100-continue\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            o.flush();
            String interim = readHead(in);
            assertTrue(interim.startsWith("HTTP/1.1 100"), interim);
            o.write(new byte[length]);
            o.flush();
            reply = readHead(in);
        }

        assertTrue(reply.startsWith("HTTP/1.1 200"), reply);
        String head = backend.head.get(30, TimeUnit.SECONDS).toLowerCase(java.util.Locale.ROOT);
        assertFalse(head.contains("expect:"), head);
        assertTrue(head.contains("content-length: " + length), head);
        assertFalse(head.contains("transfer-encoding"), head);
        assertEquals(length, backend.bodyBytes.get(30, TimeUnit.SECONDS));
    }

    @Test
    void theMethodsCaseReachesTheBackend() throws Exception {
        RecordingBackend backend = new RecordingBackend();
        closing.add(backend);
        backendPort = backend.port();
        serve("proxy", l -> l, b -> b);

        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(30_000);
            s.getOutputStream().write("get / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            String reply = readHead(s.getInputStream());
            assertTrue(reply.startsWith("HTTP/1.1 200"), reply);
        }

        assertTrue(backend.head.get(30, TimeUnit.SECONDS).startsWith("get / HTTP/1.1"), backend.head.get());
    }

    // ---- a server that cannot go on says so

    @Test
    void aServerThatNoLongerAnswersReportsItselfFatal() throws Exception {
        CountDownLatch fatal = new CountDownLatch(1);
        String[] why = new String[1];
        serve(
                "spin",
                l -> l,
                b -> b.healthCheck(Duration.ofMillis(50), w -> {
                    why[0] = w;
                    fatal.countDown();
                }));
        assertServesNormally();
        // a healthy server answers its probes; three unanswered in a row would have made it fatal by now
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (server.answeredProbes() < 6 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(server.answeredProbes() >= 6, "the health check probes a healthy server");
        assertEquals(1, fatal.getCount(), "a healthy server is not fatal");

        server.stopAccepting();

        assertTrue(fatal.await(30, TimeUnit.SECONDS));
        assertTrue(why[0].contains("no longer answers"), why[0]);
    }

    /** Reads a response head (to the empty line) as text. */
    private static String readHead(InputStream in) throws java.io.IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /**
     * A backend on a raw socket that records the request head it receives, reads the body its Content-Length
     * announces (it never sends 100 Continue), and answers "ok".
     */
    private static final class RecordingBackend implements AutoCloseable {
        final CompletableFuture<String> head = new CompletableFuture<>();
        final CompletableFuture<Integer> bodyBytes = new CompletableFuture<>();
        private final ServerSocket socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        private final Thread thread;

        RecordingBackend() throws java.io.IOException {
            thread = new Thread(() -> {
                try (Socket s = socket.accept()) {
                    InputStream in = s.getInputStream();
                    String h = readHead(in);
                    head.complete(h);
                    long length = 0;
                    for (String line : h.split("\r\n")) {
                        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                            length = Long.parseLong(line.substring(15).trim());
                        }
                    }
                    bodyBytes.complete(in.readNBytes((int) length).length);
                    s.getOutputStream()
                            .write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                                    .getBytes(StandardCharsets.US_ASCII));
                } catch (Exception e) {
                    head.completeExceptionally(e);
                    bodyBytes.completeExceptionally(e);
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }
}
