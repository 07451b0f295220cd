package io.github.computejava.samples.simplecache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.host.HostEngine;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MainTest {
    private final SampleHost.Clock clock = new SampleHost.Clock();
    private final HostEngine engine = HostEngine.builder().clock(clock).build();

    @AfterEach
    void close() {
        engine.close();
    }

    private SampleHost.Reply get(String path) throws Exception {
        return SampleHost.get(engine, Main::main, path);
    }

    @Test
    void eachPathIsRenderedOnceAMinute() throws Exception {
        SampleHost.Reply first = get("/a");
        assertEquals(200, first.status());
        assertEquals("text/html; charset=utf-8", first.header("content-type"));
        assertTrue(first.body().contains("<h1>/a</h1>"), first.body());

        clock.advance(Duration.ofSeconds(59));
        assertEquals(first.body(), get("/a").body(), "served from the cache");

        SampleHost.Reply other = get("/b?x=<y>");
        assertTrue(other.body().contains("<h1>/b</h1>"), other.body());
        assertNotEquals(first.body(), other.body());

        clock.advance(Duration.ofSeconds(1));
        SampleHost.Reply again = get("/a");
        assertTrue(again.body().contains("<h1>/a</h1>"));
        assertNotEquals(first.body(), again.body(), "rendered again after 60 s");
    }
}
