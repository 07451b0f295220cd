package io.github.computejava.samples.corecache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.computejava.host.Backend;
import io.github.computejava.host.BodyBuffer;
import io.github.computejava.host.HeaderList;
import io.github.computejava.host.HostEngine;
import io.github.computejava.host.ResponseHead;
import io.github.computejava.host.UpstreamResponse;
import io.github.computejava.server.LocalServer;
import io.github.computejava.server.WasmProgram;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same story as {@link MainTest}, through the built main.wasm on the local server. */
class MainWasmTest {
    private final SampleHost.Clock clock = new SampleHost.Clock();
    private final List<String> originRequests = new CopyOnWriteArrayList<>();
    private volatile String originContent = "version 1";
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalServer server;

    @BeforeEach
    void start() throws Exception {
        server = LocalServer.builder()
                .program(WasmProgram.load(Path.of("bin/main.wasm"), WasmProgram.Execution.COMPILED))
                .engine(HostEngine.builder()
                        .clock(clock)
                        .backend(Backend.builder("origin").build()))
                .origin((backend, request, body) -> {
                    originRequests.add(request.uri);
                    return new UpstreamResponse(
                            new ResponseHead(200, new HeaderList()),
                            BodyBuffer.of(originContent.getBytes(StandardCharsets.UTF_8)));
                })
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

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    @Test
    void missThenHitThenStaleWhileOneRequestRevalidates() throws Exception {
        HttpResponse<String> miss = get("/item");
        assertEquals("MISS", header(miss, "x-cache"), miss.statusCode() + " " + miss.headers() + " " + miss.body());
        assertEquals("version 1", miss.body());
        assertEquals(List.of("https://http-me.glitch.me/item"), originRequests);

        clock.advance(Duration.ofSeconds(30));
        HttpResponse<String> hit = get("/item");
        assertEquals("HIT", header(hit, "x-cache"));
        assertEquals("1", header(hit, "x-cache-hits"));
        assertEquals("30", header(hit, "age"));

        clock.advance(Duration.ofSeconds(60));
        HttpResponse<String> stale = get("/item");
        assertEquals("STALE", header(stale, "x-cache"));
        assertEquals("version 1", stale.body());
        assertEquals(2, originRequests.size());
        HttpResponse<String> refreshed = get("/item");
        assertEquals("HIT", header(refreshed, "x-cache"));
        assertEquals("0", header(refreshed, "age"));
        assertEquals("3", header(refreshed, "x-cache-hits"));

        originContent = "version 2";
        clock.advance(Duration.ofSeconds(61));
        assertEquals("version 1", get("/item").body());
        HttpResponse<String> replaced = get("/item");
        assertEquals("version 2", replaced.body());
        assertEquals("1", header(replaced, "x-cache-hits"));
        assertEquals(3, originRequests.size());
    }
}
