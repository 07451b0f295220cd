package io.github.computejava.samples.corecache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.computejava.host.Backend;
import io.github.computejava.host.BodyBuffer;
import io.github.computejava.host.HeaderList;
import io.github.computejava.host.HostEngine;
import io.github.computejava.host.ResponseHead;
import io.github.computejava.host.UpstreamResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MainTest {
    private final SampleHost.Clock clock = new SampleHost.Clock();
    private final List<String> originRequests = new ArrayList<>();
    private volatile String originContent = "version 1";
    private final HostEngine engine = HostEngine.builder()
            .clock(clock)
            .backend(Backend.builder("origin").build())
            .origin((backend, request, body) -> {
                originRequests.add(request.uri);
                return new UpstreamResponse(
                        new ResponseHead(200, new HeaderList()),
                        BodyBuffer.of(originContent.getBytes(StandardCharsets.UTF_8)));
            })
            .build();

    @AfterEach
    void close() {
        engine.close();
    }

    private SampleHost.Reply get(String path) throws Exception {
        return SampleHost.get(engine, Main::main, path);
    }

    @Test
    void missThenHitThenStaleWhileOneRequestRevalidates() throws Exception {
        SampleHost.Reply miss = get("/item");
        assertEquals("MISS", miss.header("x-cache"));
        assertEquals("version 1", miss.body());
        assertEquals(List.of("https://http-me.glitch.me/item"), originRequests);

        clock.advance(Duration.ofSeconds(30));
        SampleHost.Reply hit = get("/item");
        assertEquals("HIT", hit.header("x-cache"));
        assertEquals("1", hit.header("x-cache-hits"));
        assertEquals("30", hit.header("age"));
        assertEquals("version 1", hit.body());
        assertEquals(1, originRequests.size());

        // past the TTL, within stale-while-revalidate: served stale, revalidated, unchanged -> metadata update
        clock.advance(Duration.ofSeconds(60));
        SampleHost.Reply stale = get("/item");
        assertEquals("STALE", stale.header("x-cache"));
        assertEquals("version 1", stale.body());
        assertEquals(2, originRequests.size());
        SampleHost.Reply refreshed = get("/item");
        assertEquals("HIT", refreshed.header("x-cache"));
        assertEquals("0", refreshed.header("age"));
        assertEquals("3", refreshed.header("x-cache-hits"), "an update keeps the hit count");

        // the origin changes: the revalidating request replaces the object
        originContent = "version 2";
        clock.advance(Duration.ofSeconds(61));
        assertEquals("version 1", get("/item").body());
        SampleHost.Reply replaced = get("/item");
        assertEquals("HIT", replaced.header("x-cache"));
        assertEquals("version 2", replaced.body());
        assertEquals("1", replaced.header("x-cache-hits"), "a new object counts from zero");
        assertEquals(3, originRequests.size());
    }
}
