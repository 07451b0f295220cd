package io.github.computejava.samples.httpme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.computejava.fsthttp.CacheOptions;
import io.github.computejava.fsthttp.SendErrorException;
import io.github.computejava.fsthttp.SendErrorKind;
import io.github.computejava.testkit.ComputeTest;
import io.github.computejava.testkit.MockResponse;
import io.github.computejava.testkit.RecordedRequest;
import io.github.computejava.testkit.TestBackend;
import io.github.computejava.testkit.TestHost;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed program's behaviour, on the JVM through the testkit: the same Main that becomes main.wasm, with the
 * backend fastly.toml defines for local runs (scripted here, so no network is needed).
 */
@ComputeTest(manifest = "fastly.toml")
class MainTest {
    private TestBackend httpme;

    @BeforeEach
    void setUp(TestHost host) {
        host.program(Main::main);
        httpme = host.backend("httpme")
                .respond(MockResponse.builder()
                        .header("Content-Type", "text/plain")
                        .header("Cache-Control", "no-cache")
                        .body("hello from http-me\n")
                        .build());
    }

    @Test
    void stampsTheRequestWithTheTime(TestHost host) {
        host.clock().advance(Duration.ofDays(3).plusSeconds(7));

        host.get("/").send().assertThat().hasStatus(200);

        RecordedRequest seen = httpme.assertRequestCount(1).lastRequest();
        seen.assertThat().hasHeader("TheTime");
        ZonedDateTime stamped =
                ZonedDateTime.parse(seen.header("TheTime").orElseThrow(), DateTimeFormatter.RFC_1123_DATE_TIME);
        // the host's clock, as on Fastly: here the test's virtual clock, not the machine's
        assertEquals(host.clock().instant().getEpochSecond(), stamped.toEpochSecond(), stamped::toString);
    }

    @Test
    void sendsTheOverrideHostFromFastlyToml(TestHost host) {
        host.get("/").header("Host", "edge.example.com").send();

        httpme.lastRequest().assertThat().hasHeader("Host", "http-me.glitch.me");
    }

    @Test
    void asksTheHostToCacheTheAnswerFor30Seconds(TestHost host) {
        host.get("/").send();

        httpme.lastRequest()
                .assertThat()
                .hasCacheOptions(
                        CacheOptions.builder().ttl(Duration.ofSeconds(30)).build());
    }

    @Test
    void forwardsTheClientsRequest(TestHost host) {
        host.request("POST", "/anything?x=1")
                .header("Accept", "application/json")
                .body("{\"a\":1}")
                .send();

        httpme.lastRequest()
                .assertThat()
                .hasMethod("POST")
                .hasUrl("http://localhost/anything?x=1")
                .hasHeader("Accept", "application/json")
                .hasBody("{\"a\":1}");
    }

    @Test
    void letsBrowsersKeepTheAnswerFor60Seconds(TestHost host) {
        host.get("/").send().assertThat().hasHeader("Cache-Control", "public, max-age=60");
    }

    @Test
    void copiesTheOriginsStatusHeadersAndBody(TestHost host) {
        httpme.enqueue(MockResponse.builder()
                .status(404)
                .header("Content-Type", "application/json")
                .header("X-Request-Id", "abc")
                .header("Set-Cookie", "a=1")
                .header("Set-Cookie", "b=2")
                .body("{\"error\":\"missing\"}")
                .build());

        host.get("/missing")
                .send()
                .assertThat()
                .hasStatus(404)
                .hasHeader("Content-Type", "application/json")
                .hasHeader("X-Request-Id", "abc")
                .hasHeaderValues("Set-Cookie", "a=1", "b=2")
                .hasHeader("Content-Length", "19")
                .hasBody("{\"error\":\"missing\"}")
                .threwNothing();
    }

    @Test
    void streamsALargeBodyThrough(TestHost host) {
        byte[] big = new byte[200_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        httpme.enqueue(MockResponse.builder().body(big).build());

        host.get("/big").send().assertThat().hasStatus(200).hasBody(big).isComplete();
    }

    @Test
    void aBackendFailureIsA500(TestHost host) {
        httpme.fail(SendErrorKind.CONNECTION_REFUSED);

        var response = host.get("/").send();

        response.assertThat().hasStatus(500).threw(SendErrorException.class);
        assertEquals(
                SendErrorKind.CONNECTION_REFUSED,
                ((SendErrorException) response.uncaught().get(0)).kind());
    }

    @Test
    void aSecondRequestWithin30SecondsIsAHitThatNeverReachesTheOrigin(TestHost host) {
        host.get("/").send().assertThat().isCacheMiss();
        host.clock().advance(Duration.ofSeconds(29));

        host.get("/").send().assertThat().isCacheHit().hasBody("hello from http-me\n");

        httpme.assertRequestCount(1);
    }

    @Test
    void aRequestAfter30SecondsIsAMiss(TestHost host) {
        host.get("/").send().assertThat().isCacheMiss();
        host.clock().advance(Duration.ofSeconds(31));

        host.get("/").send().assertThat().isCacheMiss();

        httpme.assertRequestCount(2);
    }

    @Test
    void aPrivateAnswerIsNeverCachedEvenWithTheTtlOverride(TestHost host) {
        httpme.respond(MockResponse.builder()
                .header("Cache-Control", "private")
                .body("for you only")
                .build());

        host.get("/").send().assertThat().isCacheMiss();
        host.get("/").send().assertThat().isCacheMiss().hasBody("for you only");

        httpme.assertRequestCount(2);
    }
}
