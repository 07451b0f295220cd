package io.github.computejava.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.fsthttp.CacheOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A slow origin ({@link StreamedBody}), a client reading while bytes arrive ({@link StreamingResponse}). */
@ComputeTest
class StreamingTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Relays the origin's answer, past the readthrough cache unless the path says {@code /cached}. */
    private static void relay(TestHost host) {
        host.handler((request, response) -> {
            if (!request.path().startsWith("/cached")) {
                request.cacheOptions(CacheOptions.PASS);
            }
            response.send(request.send("origin"));
        });
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aClientReadsTheFirstBytesBeforeTheOriginHasSentTheRest(TestHost host) {
        relay(host);
        StreamedBody slow = StreamedBody.create();
        host.backend("origin").respond(MockResponse.builder().body(slow).build());
        slow.write("written before the request; ");

        assertTimeoutPreemptively(WAIT, () -> {
            try (StreamingResponse r = host.get("/video").sendStreaming()) {
                assertEquals(200, r.status());
                assertFalse(r.header("Content-Length").isPresent(), "a streamed body has no known length");
                assertTrue(slow.awaitSent(WAIT));
                slow.write("first part");
                byte[] early = utf8("written before the request; first part");
                // the origin has not ended: these bytes can only come from a body still being written
                assertArrayEquals(early, r.body().readNBytes(early.length));
                slow.write(", the rest").end();
                assertEquals(", the rest", new String(r.body().readAllBytes(), StandardCharsets.UTF_8));
            }
        });
        assertEquals(1, host.backend("origin").requestCount());
    }

    @Test
    void anOriginThatBreaksOffMidBodyEndsTheClientsBodyWithAnError(TestHost host) {
        relay(host);
        StreamedBody broken = StreamedBody.create();
        host.backend("origin").respond(MockResponse.builder().body(broken).build());

        assertTimeoutPreemptively(WAIT, () -> {
            try (StreamingResponse r = host.get("/").sendStreaming()) {
                broken.write("partial");
                assertArrayEquals(utf8("partial"), r.body().readNBytes(7));
                broken.fail();
                assertThrows(IOException.class, () -> r.body().readAllBytes());
            }
        });
        assertThrows(IllegalStateException.class, () -> broken.write("more"));
        assertThrows(IllegalStateException.class, broken::end);
    }

    @Test
    void aStreamedBodyAnswersOneRequestOnly(TestHost host) {
        relay(host);
        StreamedBody once = StreamedBody.create();
        once.write("whole").end();
        host.backend("origin").respond(MockResponse.builder().body(once).build());

        assertEquals("whole", host.get("/").send().bodyText());
        AssertionError e =
                assertThrows(AssertionError.class, () -> host.get("/").send());
        assertTrue(e.getMessage().contains("answers one request"), e.getMessage());
    }

    @Test
    void awaitSentTimesOutWhileNoRequestTookTheBody() throws Exception {
        assertFalse(StreamedBody.create().awaitSent(Duration.ofMillis(20)));
    }

    @Test
    void aLookupWaitingForAnotherRequestsObligationIsCounted(TestHost host) throws Exception {
        relay(host);
        CountDownLatch atOrigin = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        host.backend("origin").respond(r -> {
            atOrigin.countDown();
            assertTrue(release.await(WAIT.getSeconds(), TimeUnit.SECONDS), "released");
            return MockResponse.builder()
                    .header("Cache-Control", "max-age=60")
                    .body("stored once")
                    .build();
        });
        var cache = host.engine().cacheStore();
        assertEquals(0, cache.waitingLookups(), "nobody waits yet");

        CompletableFuture<TestResponse> first = host.get("/cached").sendAsync();
        assertTrue(atOrigin.await(WAIT.getSeconds(), TimeUnit.SECONDS));
        assertEquals(0, cache.waitingLookups(), "the request at the origin holds the obligation; it does not wait");
        CompletableFuture<TestResponse> second = host.get("/cached").sendAsync();
        CompletableFuture<TestResponse> third = host.get("/cached").sendAsync();
        assertTrue(cache.awaitWaitingLookups(2, WAIT), "both later requests wait behind the first");
        assertEquals(2, cache.waitingLookups());
        release.countDown();

        assertEquals(
                "stored once", first.get(WAIT.getSeconds(), TimeUnit.SECONDS).bodyText());
        assertEquals(
                "stored once", second.get(WAIT.getSeconds(), TimeUnit.SECONDS).bodyText());
        assertEquals(
                "stored once", third.get(WAIT.getSeconds(), TimeUnit.SECONDS).bodyText());
        assertEquals(0, cache.waitingLookups());
        assertEquals(1, host.backend("origin").requestCount());
    }
}
