package io.github.computejava.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.host.HostEngine;
import io.github.computejava.host.backend.Backend;
import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.ResponseHead;
import io.github.computejava.host.http.UpstreamResponse;
import io.github.computejava.host.view.RequestTrace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link LocalServer#replaceProgram}: a new program serves new requests on the same socket and the same cache. */
class ProgramReplacementTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger originRequests = new AtomicInteger();
    private final CountDownLatch slowEntered = new CountDownLatch(1);
    private final CountDownLatch slowRelease = new CountDownLatch(1);
    private LocalServer server;

    private static WasmProgram program(byte[] bytes) {
        return WasmProgram.load("test.wasm", bytes, WasmProgram.Execution.COMPILED);
    }

    private void serve(byte[] first) throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(sink, true, StandardCharsets.UTF_8);
        server = LocalServer.builder()
                .program(program(first))
                .engine(HostEngine.builder()
                        .backend(Backend.builder("origin").build())
                        .requestHistory(10))
                .origin((backend, request, body) -> {
                    originRequests.incrementAndGet();
                    if (request.uri().endsWith("/slow")) {
                        slowEntered.countDown();
                        try {
                            slowRelease.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    HeaderList h = new HeaderList();
                    h.append("Cache-Control", "max-age=300");
                    return new UpstreamResponse(
                            new ResponseHead(200, h),
                            BodyBuffer.of("from the origin".getBytes(StandardCharsets.UTF_8)));
                })
                .address(new InetSocketAddress("127.0.0.1", 0))
                .log(new ServerLog(print, print, 0))
                .build();
        server.start();
    }

    @AfterEach
    void stop() {
        slowRelease.countDown();
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(server.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRequestInFlightFinishesOnTheOldProgramWhileNewOnesGetTheNewOne() throws Exception {
        serve(TestPrograms.loggingProxy("v1"));
        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                HttpRequest.newBuilder(server.uri().resolve("/slow")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(slowEntered.await(30, TimeUnit.SECONDS), "the old program's request reached the origin");

        server.replaceProgram(program(TestPrograms.respond(200, "v2")));
        HttpResponse<String> after = get("/other");
        slowRelease.countDown();

        assertEquals("v2", after.body());
        HttpResponse<String> old = inFlight.get(30, TimeUnit.SECONDS);
        assertEquals(200, old.statusCode());
        assertEquals("from the origin", old.body(), "the proxy (the old program) answered it");
        assertEquals(2, server.programVersion());
    }

    @Test
    void theCacheSurvivesTheReplacement() throws Exception {
        serve(TestPrograms.loggingProxy("v1"));
        assertEquals("MISS", get("/cached").headers().firstValue("X-Cache").orElseThrow());

        server.replaceProgram(program(TestPrograms.loggingProxy("v2")));
        HttpResponse<String> hit = get("/cached");

        assertEquals("HIT", hit.headers().firstValue("X-Cache").orElseThrow());
        assertEquals(1, originRequests.get());
        RequestTrace last = server.engine().view().requests().get(0);
        assertEquals("v2 proxying", last.logLines().get(0).text(), "the new program served the hit");
    }

    @Test
    void instancesOfTheOldProgramWaitingForARequestGetNone() throws Exception {
        serve(TestPrograms.reusing());
        assertEquals(201, get("/").statusCode());
        assertTrue(server.awaitInstancesWaitingForRequest(1, Duration.ofSeconds(10)));

        server.replaceProgram(program(TestPrograms.respond(200, "new")));

        assertTrue(server.awaitInstancesWaitingForRequest(0, Duration.ofSeconds(10)), "the old instance ended");
        HttpResponse<String> next = get("/");
        assertEquals(200, next.statusCode());
        assertEquals("new", next.body());
    }
}
