package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.computejava.fsthttp.CacheOptions;
import io.github.computejava.testkit.MockResponse;
import io.github.computejava.testkit.RecordedRequest;
import io.github.computejava.testkit.TestBackend;
import io.github.computejava.testkit.TestHost;
import io.github.computejava.testkit.VirtualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The proxy's behaviour as stories, run through each door by a subclass: {@link MainTest} (the program on the
 * JVM, milliseconds per test) and {@link MainIT} (the built bin/main.wasm on the local server, after package).
 * The origin is scripted and the clock is virtual: a test advances it to see the cache expire.
 */
abstract class ProxyScenarios {
    private TestHost host;
    private TestBackend origin;

    /** A host running the program through this subclass's door. */
    abstract TestHost open(TestHost.Builder builder);

    @BeforeEach
    void start() {
        host = open(TestHost.builder()
                .manifest(Path.of("fastly.toml"))
                .clock(new VirtualClock(Instant.parse("2030-01-01T12:00:00Z"))));
        origin = host.backend(Main.BACKEND)
                .respond(MockResponse.builder()
                        .header("Content-Type", "text/plain")
                        .header("Cache-Control", "no-cache")
                        .body("hello from the origin\n")
                        .build());
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void forwardsTheRequestStampedWithTheHostsTime() {
        host.clock().advance(Duration.ofHours(5));

        host.get("/page?x=1").send().assertThat().hasStatus(200).hasBody("hello from the origin\n");

        RecordedRequest seen = origin.assertRequestCount(1).lastRequest();
        assertEquals("/page", seen.path());
        assertEquals("x=1", seen.query().orElseThrow());
        // fastly.toml's override_host, as on Fastly
        seen.assertThat().hasHeader("Host", "http-me.glitch.me");
        ZonedDateTime stamped =
                ZonedDateTime.parse(seen.header("TheTime").orElseThrow(), DateTimeFormatter.RFC_1123_DATE_TIME);
        assertEquals(host.clock().instant().getEpochSecond(), stamped.toEpochSecond(), stamped::toString);
    }

    @Test
    void asksTheCacheToKeepTheAnswerForThirtySeconds() {
        host.get("/").send();

        origin.lastRequest()
                .assertThat()
                .hasCacheOptions(CacheOptions.builder().ttl(Main.EDGE_TTL).build());
    }

    @Test
    void aSecondRequestWithinTheTtlIsAHitThatNeverReachesTheOrigin() {
        host.get("/").send().assertThat().isCacheMiss();
        host.clock().advance(Duration.ofSeconds(29));

        host.get("/").send().assertThat().isCacheHit().hasBody("hello from the origin\n");

        origin.assertRequestCount(1);
    }

    @Test
    void aRequestAfterTheTtlGoesToTheOriginAgain() {
        host.get("/").send().assertThat().isCacheMiss();
        host.clock().advance(Duration.ofSeconds(31));

        host.get("/").send().assertThat().isCacheMiss();

        origin.assertRequestCount(2);
    }

    @Test
    void letsBrowsersKeepTheAnswerForAMinute() {
        host.get("/").send().assertThat().hasHeader("Cache-Control", Main.BROWSER_CACHE_CONTROL);
    }

    @Test
    void aPrivateAnswerIsNeverCachedEvenWithTheTtlOverride() {
        origin.respond(MockResponse.builder()
                .header("Cache-Control", "private")
                .body("for you only")
                .build());

        host.get("/").send().assertThat().isCacheMiss();
        host.get("/").send().assertThat().isCacheMiss().hasBody("for you only");

        origin.assertRequestCount(2);
    }
}
