package io.github.computejava.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.fsthttp.CacheOptions;
import io.github.computejava.fsthttp.Compute;
import io.github.computejava.fsthttp.PendingRequest;
import io.github.computejava.fsthttp.Request;
import io.github.computejava.fsthttp.Response;
import io.github.computejava.fsthttp.SendErrorException;
import io.github.computejava.fsthttp.SendErrorKind;
import io.github.computejava.fsthttp.StreamingBody;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Asynchronous sends on the testkit's door: scripted delays overlap on the virtual clock, select answers in the
 * order the backends answer, and the readthrough cache and collapsing apply as to {@code send}.
 */
@ComputeTest
class AsyncSendTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static void threeBackends(TestHost host, long a, long b, long c) {
        host.backend("a").respond(answer("A", a));
        host.backend("b").respond(answer("B", b));
        host.backend("c").respond(answer("C", c));
    }

    private static MockResponse answer(String body, long delayMillis) {
        return MockResponse.builder()
                .header("Cache-Control", "private")
                .body(body)
                .delay(Duration.ofMillis(delayMillis))
                .build();
    }

    private static long elapsedMillis(TestHost host, Instant start) {
        return Duration.between(start, host.clock().instant()).toMillis();
    }

    @Test
    void aFanOutToThreeBackendsTakesAsLongAsTheSlowest(TestHost host) {
        threeBackends(host, 100, 200, 300);
        host.handler((request, w) -> {
            long start = Compute.currentTimeMillis();
            List<PendingRequest> pending = new ArrayList<>();
            for (String name : List.of("a", "b", "c")) {
                pending.add(Request.get("https://" + name + ".example/").sendAsync(name));
            }
            StringBuilder body = new StringBuilder();
            for (Response r : PendingRequest.awaitAll(pending)) {
                body.append(r.bodyText());
                r.close();
            }
            w.headers().set("Elapsed", Long.toString(Compute.currentTimeMillis() - start));
            w.body().write(body.toString().getBytes(StandardCharsets.UTF_8));
        });
        Instant start = host.clock().instant();
        TestResponse r = assertTimeoutPreemptively(WAIT, () -> host.get("/").send());
        r.assertThat().hasStatus(200).hasBody("ABC").hasHeader("Elapsed", "300");
        assertEquals(300, elapsedMillis(host, start), "the three delays overlap: 300 ms, not 600");
        for (String name : List.of("a", "b", "c")) {
            assertEquals(start, host.backend(name).lastRequest().instant(), "all three were sent at once");
        }
    }

    @Test
    void theSameSendsOneAfterAnotherTakeTheSum(TestHost host) {
        threeBackends(host, 100, 200, 300);
        host.handler((request, w) -> {
            for (String name : List.of("a", "b", "c")) {
                try (Response r = Request.get("https://" + name + ".example/").send(name)) {
                    w.body().write(r.bodyText().getBytes(StandardCharsets.UTF_8));
                }
            }
        });
        Instant start = host.clock().instant();
        host.get("/").send().assertThat().hasBody("ABC");
        assertEquals(600, elapsedMillis(host, start));
    }

    @Test
    void selectAnswersInTheOrderTheBackendsAnswer(TestHost host) {
        threeBackends(host, 200, 300, 100);
        host.handler((request, w) -> {
            long start = Compute.currentTimeMillis();
            List<PendingRequest> left = new ArrayList<>();
            for (String name : List.of("a", "b", "c")) {
                left.add(Request.get("https://" + name + ".example/").sendAsync(name));
            }
            StringBuilder order = new StringBuilder();
            while (!left.isEmpty()) {
                PendingRequest.Selected first = PendingRequest.select(left);
                try (Response r = first.response()) {
                    order.append(r.bodyText())
                            .append('@')
                            .append(Compute.currentTimeMillis() - start)
                            .append(' ');
                }
                left = first.others();
            }
            w.body().write(order.toString().trim().getBytes(StandardCharsets.UTF_8));
        });
        TestResponse r = assertTimeoutPreemptively(WAIT, () -> host.get("/").send());
        r.assertThat().hasBody("C@100 A@200 B@300");
    }

    @Test
    void pollingLetsVirtualTimeReachTheAnswer(TestHost host) {
        host.backend("a").respond(answer("A", 250));
        host.handler((request, w) -> {
            PendingRequest p = Request.get("https://a.example/").sendAsync("a");
            Optional<Response> r;
            while ((r = p.poll()).isEmpty()) {
                // each poll that finds nothing lets virtual time move on
            }
            w.send(r.get());
        });
        Instant start = host.clock().instant();
        assertTimeoutPreemptively(WAIT, () -> host.get("/").send()).assertThat().hasBody("A");
        assertEquals(250, elapsedMillis(host, start));
    }

    @Test
    void aFailedSendThrowsWhenItsResponseIsTaken(TestHost host) {
        host.backend("a").respond(answer("A", 100));
        host.backend("down").fail(SendErrorKind.CONNECTION_REFUSED);
        host.handler((request, w) -> {
            PendingRequest ok = Request.get("https://a.example/").sendAsync("a");
            PendingRequest down = Request.get("https://down.example/").sendAsync("down");
            String kind;
            try {
                down.await();
                kind = "none";
            } catch (SendErrorException e) {
                kind = e.kind().name();
            }
            String all;
            try {
                PendingRequest.awaitAll(
                        List.of(ok, Request.get("https://down.example/").sendAsync("down")));
                all = "none";
            } catch (SendErrorException e) {
                all = e.kind().name();
            }
            w.headers().set("Await", kind);
            w.headers().set("AwaitAll", all);
        });
        host.get("/")
                .send()
                .assertThat()
                .hasStatus(200)
                .hasHeader("Await", "CONNECTION_REFUSED")
                .hasHeader("AwaitAll", "CONNECTION_REFUSED");
    }

    @Test
    void aClosedPendingRequestTakesNoVirtualTime(TestHost host) {
        host.backend("slow").respond(answer("late", 5_000));
        host.handler((request, w) -> {
            PendingRequest p = Request.get("https://slow.example/").sendAsync("slow");
            p.close();
            w.body().write("answered".getBytes(StandardCharsets.UTF_8));
        });
        Instant start = host.clock().instant();
        assertTimeoutPreemptively(WAIT, () -> host.get("/").send()).assertThat().hasBody("answered");
        assertEquals(0, elapsedMillis(host, start), "nobody waits for the abandoned send");
    }

    @Test
    void asyncSendsGoThroughTheReadthroughCacheAndCollapse(TestHost host) throws Exception {
        host.backend("origin")
                .respond(MockResponse.builder()
                        .header("Cache-Control", "max-age=60")
                        .body("shared")
                        .delay(Duration.ofMillis(100))
                        .build());
        host.handler((request, w) -> {
            PendingRequest first = Request.get("https://origin.example/x").sendAsync("origin");
            PendingRequest second = Request.get("https://origin.example/x").sendAsync("origin");
            StringBuilder b = new StringBuilder();
            for (Response r : PendingRequest.awaitAll(List.of(first, second))) {
                b.append(r.bodyText()).append(' ');
                r.close();
            }
            w.body().write(b.toString().trim().getBytes(StandardCharsets.UTF_8));
        });
        Instant start = host.clock().instant();
        assertTimeoutPreemptively(WAIT, () -> host.get("/").send()).assertThat().hasBody("shared shared");
        assertEquals(100, elapsedMillis(host, start));
        host.backend("origin").assertRequestCount(1);
        // and a later async send is a hit
        assertTimeoutPreemptively(WAIT, () -> host.get("/").send()).assertThat().hasBody("shared shared");
        host.backend("origin").assertRequestCount(1);
    }

    @Test
    void hooksRunForAnAsyncSend(TestHost host) {
        host.backend("origin").respond(MockResponse.builder().body("hooked").build());
        host.handler((request, w) -> {
            Request r = Request.get("https://origin.example/h")
                    .cacheOptions(CacheOptions.builder()
                            .beforeSend(req -> req.headers().set("Before", "1"))
                            .afterSend(c -> c.headers().set("After", "1"))
                            .build());
            w.send(r.sendAsync("origin").await());
        });
        host.get("/").send().assertThat().hasBody("hooked").hasHeader("After", "1");
        assertEquals(
                Optional.of("1"), host.backend("origin").lastRequest().headers().get("Before"));
    }

    @Test
    void hookedAsyncSendsOverlapAndAreStored(TestHost host) {
        for (String name : List.of("a", "b")) {
            host.backend(name)
                    .respond(MockResponse.builder()
                            .header("Cache-Control", "max-age=60")
                            .body(name.toUpperCase(java.util.Locale.ROOT))
                            .delay(Duration.ofMillis(name.equals("a") ? 100 : 200))
                            .build());
        }
        host.handler((request, w) -> {
            CacheOptions hooks = CacheOptions.builder()
                    .beforeSend(req -> req.headers().set("Before", "1"))
                    .afterSend(c -> c.headers().set("After", "1"))
                    .build();
            List<PendingRequest> pending = new ArrayList<>();
            for (String name : List.of("a", "b", "a")) {
                pending.add(Request.get("https://" + name + ".example/h")
                        .cacheOptions(hooks)
                        .sendAsync(name));
            }
            StringBuilder b = new StringBuilder();
            for (Response r : PendingRequest.awaitAll(pending)) {
                b.append(r.bodyText())
                        .append(r.headers().get("After").orElse("-"))
                        .append(r.headers().get("X-Cache").orElse("?"))
                        .append(' ');
                r.close();
            }
            w.body().write(b.toString().trim().getBytes(StandardCharsets.UTF_8));
        });
        Instant start = host.clock().instant();
        assertTimeoutPreemptively(WAIT, () -> host.get("/").send()).assertThat().hasBody("A1MISS B1MISS A1HIT");
        assertEquals(200, elapsedMillis(host, start), "the two fills overlap; the third is answered from the first");
        host.backend("a").assertRequestCount(1);
        host.backend("b").assertRequestCount(1);
        assertEquals(Optional.of("1"), host.backend("b").lastRequest().headers().get("Before"));
        assertTimeoutPreemptively(WAIT, () -> host.get("/").send()).assertThat().hasBody("A1HIT B1HIT A1HIT");
    }

    @Test
    void aStreamingBodyReachesTheBackendAsWritten(TestHost host) {
        host.backend("sink")
                .respond(req ->
                        MockResponse.builder().body("got " + req.body().length).build());
        host.handler((request, w) -> {
            StreamingBody upload = Request.of("PUT", "https://sink.example/u").sendAsyncStreaming("sink");
            byte[] chunk = new byte[10_000];
            for (int i = 0; i < 100; i++) {
                upload.write(chunk);
            }
            upload.close();
            w.send(upload.pending().await());
        });
        assertTimeoutPreemptively(WAIT, () -> host.get("/").send()).assertThat().hasBody("got 1000000");
    }

    @Test
    void a256MiBUploadReachesTheBackendAsItIsWrittenInBoundedMemory(TestHost host) {
        long total = 256L * 1024 * 1024;
        AtomicLong written = new AtomicLong();
        AtomicLong read = new AtomicLong();
        AtomicLong inFlight = new AtomicLong();
        host.backend("sink").respondStreaming((req, body) -> {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = body.read(buf)) >= 0) {
                read.addAndGet(n);
            }
            return MockResponse.builder().status(201).body("got " + read.get()).build();
        });
        host.handler((request, w) -> {
            StreamingBody upload = Request.of("PUT", "https://sink.example/big")
                    .cacheOptions(CacheOptions.PASS)
                    .sendAsyncStreaming("sink");
            byte[] chunk = new byte[64 * 1024];
            while (written.get() < total) {
                upload.write(chunk);
                inFlight.accumulateAndGet(written.addAndGet(chunk.length) - read.get(), Math::max);
            }
            upload.close();
            w.send(upload.pending().await());
        });
        assertTimeoutPreemptively(WAIT, () -> host.get("/").send())
                .assertThat()
                .hasStatus(201)
                .hasBody("got " + total);
        assertEquals(total, read.get());
        assertTrue(
                inFlight.get() <= 8L * 1024 * 1024,
                "the host held at most " + inFlight.get() + " bytes of the upload at once");
        assertEquals(0, host.backend("sink").lastRequest().body().length, "a streamed body is not recorded");
    }

    @Test
    void aStreamBodyAndABackendsBodyAreSentOn(TestHost host) {
        host.backend("source")
                .respond(MockResponse.builder().body("from the source").build());
        host.backend("sink").respond(req -> MockResponse.builder()
                .body(req.method() + " " + req.bodyText())
                .build());
        host.handler((request, w) -> {
            String from = request.path().substring(1);
            Request put = Request.of("PUT", "https://sink.example/u");
            if (from.equals("hooked-stream")) {
                put.cacheOptions(CacheOptions.builder()
                        .beforeSend(req -> req.headers().set("Before", "1"))
                        .build());
                put.body(new ByteArrayInputStream("from a stream, hooked".getBytes(StandardCharsets.UTF_8)));
                w.send(put.sendAsync("sink").await());
            } else if (from.equals("stream")) {
                InputStream in = new ByteArrayInputStream("from a stream".getBytes(StandardCharsets.UTF_8));
                put.body(in);
                w.send(put.send("sink"));
            } else {
                Response source = Request.get("https://source.example/").send("source");
                put.body(source.body());
                w.send(put.sendAsync("sink").await());
            }
        });
        host.get("/stream").send().assertThat().hasBody("PUT from a stream");
        host.get("/hooked-stream").send().assertThat().hasBody("PUT from a stream, hooked");
        host.get("/backend").send().assertThat().hasBody("PUT from the source");
    }

    @Test
    void concurrentClientRequestsWithAsyncSendsKeepTheirOwnTimes(TestHost host) throws Exception {
        threeBackends(host, 100, 200, 300);
        host.handler((request, w) -> {
            String name = request.path().substring(1);
            long start = Compute.currentTimeMillis();
            try (Response r =
                    Request.get("https://" + name + ".example/").sendAsync(name).await()) {
                w.headers().set("Elapsed", Long.toString(Compute.currentTimeMillis() - start));
                w.body().write(r.bodyText().getBytes(StandardCharsets.UTF_8));
            }
        });
        CompletableFuture<TestResponse> a = host.get("/a").sendAsync();
        CompletableFuture<TestResponse> c = host.get("/c").sendAsync();
        assertTimeoutPreemptively(WAIT, () -> {
            a.get().assertThat().hasBody("A");
            c.get().assertThat().hasBody("C").hasHeader("Elapsed", "300");
        });
        assertTrue(Integer.parseInt(a.get().header("Elapsed").orElseThrow()) >= 100);
    }
}
