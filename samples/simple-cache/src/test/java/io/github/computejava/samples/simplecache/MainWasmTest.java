package io.github.computejava.samples.simplecache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.host.HostEngine;
import io.github.computejava.server.LocalServer;
import io.github.computejava.server.WasmProgram;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same story as {@link MainTest}, through the built main.wasm on the local server. */
class MainWasmTest {
    private final SampleHost.Clock clock = new SampleHost.Clock();
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalServer server;

    @BeforeEach
    void start() throws Exception {
        server = LocalServer.builder()
                .program(WasmProgram.load(Path.of("bin/main.wasm"), WasmProgram.Execution.COMPILED))
                .engine(HostEngine.builder().clock(clock))
                .address(new InetSocketAddress("127.0.0.1", 0))
                .build();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(server.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void eachPathIsRenderedOnceAMinute() throws Exception {
        HttpResponse<String> first = get("/a");
        assertEquals(200, first.statusCode());
        assertTrue(first.body().contains("<h1>/a</h1>"), first.body());
        clock.advance(Duration.ofSeconds(59));
        assertEquals(first.body(), get("/a").body());
        // every instance numbers its own renderings: concurrent first requests all get the one stored page
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            burst.add(http.sendAsync(
                    HttpRequest.newBuilder(server.uri().resolve("/b")).build(), HttpResponse.BodyHandlers.ofString()));
        }
        HashSet<String> bodies = new HashSet<>();
        for (CompletableFuture<HttpResponse<String>> f : burst) {
            bodies.add(f.get().body());
        }
        assertEquals(1, bodies.size(), bodies.toString());
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> again = get("/a");
        assertTrue(again.body().contains("<h1>/a</h1>"));
        assertEquals(200, again.statusCode());
        assertNotEquals(null, again.body());
    }
}
