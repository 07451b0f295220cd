package io.github.computejava.samples.readthrough;

import static io.github.computejava.samples.readthrough.Door.answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sample's behaviours as stories, run through each door by a subclass. */
abstract class ReadthroughScenarios {
    private Door door;
    private final AtomicInteger version = new AtomicInteger(1);

    abstract Door open() throws Exception;

    @BeforeEach
    void start() throws Exception {
        door = open();
    }

    @AfterEach
    void stop() throws Exception {
        door.close();
    }

    @Test
    void theOriginsHeadersDecideByDefault() throws Exception {
        door.origin(r -> answer(200, "v" + version.get(), "Cache-Control", "max-age=60", "Surrogate-Key", "page"));
        Door.Reply miss = door.get("/page");
        assertEquals("v1", miss.body());
        assertEquals("MISS", miss.header("X-Cache"));
        assertNull(miss.header("Surrogate-Key"), "clients do not see surrogate keys");
        door.settle();
        door.clock.advance(Duration.ofSeconds(59));
        Door.Reply hit = door.get("/page");
        assertEquals("HIT", hit.header("X-Cache"));
        assertEquals("59", hit.header("Age"));
        version.set(2);
        door.clock.advance(Duration.ofSeconds(1));
        assertEquals("v2", door.get("/page").body());
        assertEquals(2, door.originCount());
    }

    @Test
    void ttlPathsAreCachedThirtySecondsWhateverTheOriginSays() throws Exception {
        door.origin(r -> answer(200, "v" + version.get(), "Cache-Control", "max-age=86400"));
        door.get("/ttl/a");
        door.settle();
        version.set(2);
        door.clock.advance(Duration.ofSeconds(29));
        assertEquals("v1", door.get("/ttl/a").body());
        door.clock.advance(Duration.ofSeconds(1));
        assertEquals("v2", door.get("/ttl/a").body());
    }

    @Test
    void aTtlOverrideLeavesAPrivateResponseUncached() throws Exception {
        door.origin(r -> answer(200, "v" + version.incrementAndGet(), "Cache-Control", "private"));
        assertEquals("v2", door.get("/ttl/cart").body());
        assertEquals("v3", door.get("/ttl/cart").body());
        assertEquals("MISS", door.get("/ttl/cart").header("X-Cache"));
    }

    @Test
    void swrPathsServeStaleWhileOneRequestRevalidates() throws Exception {
        door.origin(r -> answer(200, "v" + version.get(), "Cache-Control", "max-age=10"));
        door.get("/swr/news");
        door.settle();
        version.set(2);
        door.clock.advance(Duration.ofSeconds(40));
        Door.Reply stale = door.get("/swr/news");
        assertEquals("v1", stale.body());
        assertEquals("HIT", stale.header("X-Cache"));
        door.settle();
        assertEquals(2, door.originCount(), "one background revalidation");
        assertEquals("v2", door.get("/swr/news").body());
        door.clock.advance(Duration.ofSeconds(75));
        version.set(3);
        assertEquals("v3", door.get("/swr/news").body(), "past the stale period the client waits for the origin");
    }

    @Test
    void hooksRunOnlyOnMissesAndDecideHowTheResponseIsStored() throws Exception {
        door.origin(r -> answer(
                200,
                "v" + version.get() + " token=" + r.headers.first("X-Origin-Token"),
                "Cache-Control",
                "max-age=5"));
        Door.Reply miss = door.get("/hooks/profile");
        assertEquals("v1 token=only-on-miss", miss.body());
        assertEquals("after-send", miss.header("X-Stored-By"));
        door.settle();
        door.clock.advance(Duration.ofSeconds(100));
        Door.Reply hit = door.get("/hooks/profile");
        assertEquals("HIT", hit.header("X-Cache"), "stored 120 s by the after-send hook, not the origin's 5");
        assertEquals("after-send", hit.header("X-Stored-By"));
        assertEquals(1, door.originCount());

        version.set(2);
        assertEquals("purged\n", door.request("POST", "/purge/hooked").body());
        assertEquals("v2 token=only-on-miss", door.get("/hooks/profile").body());
        assertEquals(2, door.originCount());
    }

    @Test
    void aPurgeReachesOnlyItsKey() throws Exception {
        door.origin(r -> answer(
                200,
                "v" + version.get(),
                "Cache-Control",
                "max-age=600",
                "Surrogate-Key",
                r.uri.contains("/a") ? "key-a" : "key-b"));
        door.get("/a");
        door.get("/b");
        door.settle();
        version.set(2);
        door.request("POST", "/purge/key-a");
        assertEquals("v2", door.get("/a").body());
        assertEquals("v1", door.get("/b").body());
    }
}
