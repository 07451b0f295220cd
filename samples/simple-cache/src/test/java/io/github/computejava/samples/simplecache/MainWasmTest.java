package io.github.computejava.samples.simplecache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.testkit.TestHost;
import io.github.computejava.testkit.TestResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The story of {@link MainTest} through the built main.wasm on the local server, where every request runs on a
 * fresh instance, so the rendering counter starts over each time.
 */
class MainWasmTest {
    private final TestHost host =
            TestHost.builder().localServer(Path.of("bin/main.wasm")).build();

    @AfterEach
    void stop() {
        host.close();
    }

    private TestResponse get(String path) {
        return host.get(path).send();
    }

    @Test
    void eachPathIsRenderedOnceAMinute() throws Exception {
        TestResponse first = get("/a");
        assertEquals(200, first.status());
        assertTrue(first.bodyText().contains("<h1>/a</h1>"), first.bodyText());
        host.clock().advance(Duration.ofSeconds(59));
        assertEquals(first.bodyText(), get("/a").bodyText());
        // every instance numbers its own renderings: concurrent first requests all get the one stored page
        List<CompletableFuture<TestResponse>> burst = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            burst.add(host.get("/b").sendAsync());
        }
        HashSet<String> bodies = new HashSet<>();
        for (CompletableFuture<TestResponse> f : burst) {
            bodies.add(f.get().bodyText());
        }
        assertEquals(1, bodies.size(), bodies.toString());
        host.clock().advance(Duration.ofSeconds(1));
        TestResponse again = get("/a");
        assertTrue(again.bodyText().contains("<h1>/a</h1>"));
        assertEquals(200, again.status());
        assertNotEquals(null, again.bodyText());
    }
}
