package io.github.computejava.samples.corecache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.computejava.testkit.MockResponse;
import io.github.computejava.testkit.RecordedRequest;
import io.github.computejava.testkit.TestHost;
import io.github.computejava.testkit.TestResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sample's story through the testkit's {@link TestHost}, run through a door by a subclass: {@link MainTest}
 * (the program in-process) and {@link MainWasmTest} (the built main.wasm on the local server).
 */
abstract class CoreCacheStory {
    private TestHost host;
    private volatile String originContent = "version 1";

    /** A host running the sample through this subclass's door. */
    abstract TestHost open();

    @BeforeEach
    void start() {
        host = open();
        host.backend("origin").respond(r -> MockResponse.ok(originContent));
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private TestResponse get(String path) {
        return host.get(path).send();
    }

    private List<String> originRequests() {
        return host.backend("origin").requests().stream()
                .map(RecordedRequest::url)
                .collect(Collectors.toList());
    }

    private static String header(TestResponse r, String name) {
        return r.header(name).orElse(null);
    }

    @Test
    void missThenHitThenStaleWhileOneRequestRevalidates() {
        TestResponse miss = get("/item");
        assertEquals("MISS", header(miss, "x-cache"), miss.status() + " " + miss.headers() + " " + miss.bodyText());
        assertEquals("version 1", miss.bodyText());
        assertEquals(List.of("https://http-me.glitch.me/item"), originRequests());

        host.clock().advance(Duration.ofSeconds(30));
        TestResponse hit = get("/item");
        assertEquals("HIT", header(hit, "x-cache"));
        assertEquals("1", header(hit, "x-cache-hits"));
        assertEquals("30", header(hit, "age"));
        assertEquals("version 1", hit.bodyText());
        assertEquals(1, originRequests().size());

        // past the TTL, within stale-while-revalidate: served stale, revalidated, unchanged -> metadata update
        host.clock().advance(Duration.ofSeconds(60));
        TestResponse stale = get("/item");
        assertEquals("STALE", header(stale, "x-cache"));
        assertEquals("version 1", stale.bodyText());
        assertEquals(2, originRequests().size());
        TestResponse refreshed = get("/item");
        assertEquals("HIT", header(refreshed, "x-cache"));
        assertEquals("0", header(refreshed, "age"));
        assertEquals("3", header(refreshed, "x-cache-hits"), "an update keeps the hit count");

        // the origin changes: the revalidating request replaces the object
        originContent = "version 2";
        host.clock().advance(Duration.ofSeconds(61));
        assertEquals("version 1", get("/item").bodyText());
        TestResponse replaced = get("/item");
        assertEquals("HIT", header(replaced, "x-cache"));
        assertEquals("version 2", replaced.bodyText());
        assertEquals("1", header(replaced, "x-cache-hits"), "a new object counts from zero");
        assertEquals(3, originRequests().size());
    }
}
