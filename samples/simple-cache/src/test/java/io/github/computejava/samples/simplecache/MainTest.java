package io.github.computejava.samples.simplecache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.testkit.TestHost;
import io.github.computejava.testkit.TestResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sample on the testkit's host (the JVM door), where its rendering counter lives as long as the test. */
class MainTest {
    private final TestHost host = TestHost.create().program(Main::main);

    @AfterEach
    void close() {
        host.close();
    }

    private TestResponse get(String path) {
        return host.get(path).send();
    }

    @Test
    void eachPathIsRenderedOnceAMinute() {
        TestResponse first = get("/a");
        assertEquals(200, first.status());
        assertEquals("text/html; charset=utf-8", first.header("content-type").orElse(null));
        assertTrue(first.bodyText().contains("<h1>/a</h1>"), first.bodyText());

        host.clock().advance(Duration.ofSeconds(59));
        assertEquals(first.bodyText(), get("/a").bodyText(), "served from the cache");

        TestResponse other = get("/b?x=<y>");
        assertTrue(other.bodyText().contains("<h1>/b</h1>"), other.bodyText());
        assertNotEquals(first.bodyText(), other.bodyText());

        host.clock().advance(Duration.ofSeconds(1));
        TestResponse again = get("/a");
        assertTrue(again.bodyText().contains("<h1>/a</h1>"));
        assertNotEquals(first.bodyText(), again.bodyText(), "rendered again after 60 s");
    }
}
