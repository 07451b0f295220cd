package io.github.computejava.samples.fanout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.computejava.fsthttp.SendErrorKind;
import io.github.computejava.testkit.MockResponse;
import io.github.computejava.testkit.RecordedRequest;
import io.github.computejava.testkit.TestHost;
import io.github.computejava.testkit.TestResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sample's stories through the testkit's {@link TestHost}, run through each door by a subclass: {@link
 * MainTest} (the program in-process) and {@link MainIT} (the built main.wasm on the local server). The backends'
 * delays pass on the host's virtual clock, so the time a page takes is read exactly from the clock.
 */
abstract class FanOutStory {
    /** The longest any step waits; a correct run never comes near it. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    private TestHost host;

    /** A host running the sample through this subclass's door. */
    abstract TestHost open();

    @BeforeEach
    void start() {
        host = open();
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private void answer(String backend, String body, long delayMillis) {
        host.backend(backend)
                .respond(MockResponse.builder()
                        .body(body)
                        .delay(Duration.ofMillis(delayMillis))
                        .build());
    }

    private TestResponse get(String path) {
        return assertTimeoutPreemptively(WAIT, () -> host.get(path).send());
    }

    private long millisSince(Instant start) {
        return Duration.between(start, host.clock().instant()).toMillis();
    }

    @Test
    void theDashboardAsksItsThreeBackendsAtOnceAndTakesAsLongAsTheSlowest() {
        answer("weather", "sunny", 100);
        answer("news", "all quiet", 200);
        answer("stocks", "up 2%", 300);
        Instant start = host.clock().instant();

        TestResponse page = get("/");

        assertEquals(200, page.status());
        assertEquals("weather: sunny\nnews: all quiet\nstocks: up 2%\n", page.bodyText());
        assertEquals(300, millisSince(start), "100, 200 and 300 ms overlap: 300 ms in all, not 600");
        assertEquals("backends;dur=300", page.header("Server-Timing").orElse(null));
        for (String backend : Main.PANELS) {
            RecordedRequest sent = host.backend(backend).lastRequest();
            assertEquals(start, sent.instant(), backend + " was asked at once");
            assertEquals("https://http-me.glitch.me/" + backend, sent.url());
        }
    }

    @Test
    void theCachedDashboardKeepsItsPanelsThirtySecondsThroughItsHook() {
        for (String backend : Main.PANELS) {
            host.backend(backend)
                    .respond(MockResponse.builder()
                            .header("Cache-Control", "no-store")
                            .body(backend + " v1")
                            .delay(Duration.ofMillis(backend.equals("news") ? 250 : 120))
                            .build());
        }
        Instant start = host.clock().instant();
        String v1 = "weather: weather v1\nnews: news v1\nstocks: stocks v1\n";
        assertEquals(v1, get("/cached").bodyText());
        assertEquals(250, millisSince(start), "the hooked sends overlap too");

        assertEquals(v1, get("/cached").bodyText(), "the hook made the no-store answers cacheable");
        assertEquals(250, millisSince(start), "answered from the cache, no backend waited for");
        for (String backend : Main.PANELS) {
            assertEquals(1, host.backend(backend).requestCount(), backend);
        }
        host.clock().advance(Duration.ofSeconds(30));
        get("/cached");
        for (String backend : Main.PANELS) {
            assertEquals(2, host.backend(backend).requestCount(), backend + " after 30 s");
        }
    }

    @Test
    void aBackendThatFailsLeavesItsPanelOut() {
        answer("weather", "sunny", 100);
        host.backend("news").fail(SendErrorKind.CONNECTION_REFUSED);
        answer("stocks", "up 2%", 50);
        Instant start = host.clock().instant();

        TestResponse page = get("/");

        assertEquals("weather: sunny\nnews: unavailable (CONNECTION_REFUSED)\nstocks: up 2%\n", page.bodyText());
        assertEquals(100, millisSince(start));
    }

    @Test
    void theFirstMirrorToAnswerIsServedAndTheOtherAbandoned() {
        answer("mirror_eu", "from eu", 250);
        answer("mirror_us", "from us", 40);
        Instant start = host.clock().instant();

        TestResponse r = get("/first");

        assertEquals("from us", r.bodyText());
        assertEquals("mirror_us", r.header("Mirror").orElse(null));
        assertEquals("backends;dur=40", r.header("Server-Timing").orElse(null));
        assertEquals(40, millisSince(start), "nobody waits for the abandoned mirror");
        assertEquals(1, host.backend("mirror_eu").requestCount(), "both mirrors were asked");

        answer("mirror_eu", "from eu", 10);
        assertEquals("from eu", get("/first").bodyText());
    }

    @Test
    void anUploadIsStreamedToTheStoreWhole() {
        byte[] upload = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(upload);
        host.backend(Main.STORE).respond(req -> MockResponse.builder()
                .status(201)
                .body("stored " + req.body().length + " bytes")
                .build());

        TestResponse r = assertTimeoutPreemptively(WAIT, () -> host.request("PUT", "/upload")
                .header("Content-Type", "application/octet-stream")
                .body(upload)
                .send());

        assertEquals(201, r.status());
        assertEquals("stored " + upload.length + " bytes", r.bodyText());
        assertEquals(Long.toString(upload.length), r.header("Uploaded-Bytes").orElse(null));
        RecordedRequest stored = host.backend(Main.STORE).lastRequest();
        assertEquals("PUT", stored.method());
        assertEquals(
                "application/octet-stream", stored.headers().get("Content-Type").orElse(null));
        assertArrayEquals(upload, stored.body());
    }

    @Test
    void aTaggedUploadIsSentAsOneStream() {
        host.backend(Main.STORE)
                .respond(req ->
                        MockResponse.builder().status(201).body(req.bodyText()).build());

        TestResponse r = assertTimeoutPreemptively(WAIT, () -> host.request("PUT", "/upload-tagged")
                .body("the client's bytes")
                .send());

        assertEquals(201, r.status());
        assertEquals("uploaded-by: fan-out\nthe client's bytes", r.bodyText());
    }

    @Test
    void aBackupPassesOneBackendsBodyToAnother() {
        host.backend("weather")
                .respond(MockResponse.builder()
                        .header("Content-Type", "application/json")
                        .body("{\"sky\":\"clear\"}")
                        .build());
        host.backend(Main.STORE).respond(req -> MockResponse.builder()
                .status(201)
                .body(req.method() + " " + req.path() + " " + req.bodyText())
                .build());

        TestResponse r = assertTimeoutPreemptively(
                WAIT, () -> host.request("POST", "/backup").send());

        assertEquals(201, r.status());
        assertEquals("PUT /backup/weather {\"sky\":\"clear\"}", r.bodyText());
        assertEquals(
                "application/json",
                host.backend(Main.STORE)
                        .lastRequest()
                        .headers()
                        .get("Content-Type")
                        .orElse(null));
    }

    @Test
    void otherPathsAreNotFound() {
        assertEquals(404, get("/nope").status());
    }
}
