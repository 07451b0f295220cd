package io.github.computejava.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.StoreNotFoundException;
import io.github.computejava.configstore.ConfigStore;
import io.github.computejava.fsthttp.BackendNotFoundException;
import io.github.computejava.fsthttp.CacheOptions;
import io.github.computejava.fsthttp.Compute;
import io.github.computejava.fsthttp.Request;
import io.github.computejava.fsthttp.Response;
import io.github.computejava.fsthttp.SendErrorException;
import io.github.computejava.fsthttp.SendErrorKind;
import io.github.computejava.log.LogEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@ComputeTest
class TestHostTest {

    /** A program with a main, the way users write them. */
    static final class Hello {
        public static void main(String[] args) {
            Compute.serve((request, response) -> {
                response.headers().set("Content-Type", "text/plain");
                response.write("Hello " + request.path() + "\n");
            });
        }
    }

    @Test
    void runsAProgramsMain(TestHost host) {
        host.program(Hello::main);

        TestResponse response = host.get("/world").send();

        response.assertThat()
                .hasStatus(200)
                .hasHeader("Content-Type", "text/plain")
                .hasHeader("Content-Length", "13")
                .hasBody("Hello /world\n")
                .isComplete()
                .threwNothing();
        assertFalse(response.streamed());
    }

    @Test
    void theProgramSeesTheClientRequest(TestHost host) {
        host.baseUrl("https://www.example.com");
        host.handler((request, response) -> {
            response.write(request.method() + " " + request.url() + "\n");
            response.write("host=" + request.headers().get("host").orElse("-") + "\n");
            response.write("x=" + request.headers().values("X-Test") + "\n");
            response.write("client=" + request.clientAddress().orElse("-") + "\n");
            response.write("body=" + new String(request.body().readAllBytes()) + "\n");
        });

        TestResponse response = host.request("PUT", "/a/b?c=d")
                .header("X-Test", "one")
                .header("X-Test", "two")
                .clientAddress("2001:db8::7")
                .body("payload")
                .send();

        response.assertThat()
                .hasBody("PUT https://www.example.com/a/b?c=d\n"
                        + "host=www.example.com\n"
                        + "x=[one, two]\n"
                        + "client=2001:db8::7\n"
                        + "body=payload\n");
    }

    @Test
    void recordsWhatReachesTheBackendAndReturnsItsAnswer(TestHost host) {
        host.backend("origin")
                .overrideHost("origin.example.com")
                .respond(MockResponse.builder()
                        .status(201)
                        .header("X-Origin", "yes")
                        .body("from origin")
                        .build());
        host.handler((request, response) -> {
            request.headers().set("X-Forwarded", "1");
            try (Response r = request.send("origin")) {
                response.status(r.status());
                response.headers().set("X-Origin", r.headers().get("X-Origin").orElse("-"));
                response.headers()
                        .set(
                                "X-Origin-Length",
                                r.headers().get("Content-Length").orElse("-"));
                response.write(r.bodyText());
            }
        });

        TestResponse response = host.post("/submit?x=1", "data").send();

        response.assertThat()
                .hasStatus(201)
                .hasHeader("X-Origin", "yes")
                .hasHeader("X-Origin-Length", "11")
                .hasBody("from origin");
        RecordedRequest seen = host.backend("origin").assertRequestCount(1).lastRequest();
        seen.assertThat()
                .hasMethod("POST")
                .hasPath("/submit")
                .hasUrl("http://localhost/submit?x=1")
                .hasHeader("X-Forwarded", "1")
                .hasHeader("Host", "origin.example.com")
                .hasBody("data");
        assertEquals("x=1", seen.query().orElseThrow());
        assertEquals(VirtualClock.DEFAULT_START, seen.instant());
        assertEquals(
                List.of(seen.sequence()), List.of(host.backendRequests().get(0).sequence()));
    }

    @Test
    void queuedResponsesComeFirstThenTheResponder(TestHost host) {
        host.backend("b")
                .enqueue(MockResponse.ok("first"), MockResponse.ok("second"))
                .respond(r -> MockResponse.ok("always " + r.path()));
        host.handler((request, response) -> {
            try (Response r = request.send("b")) {
                response.write(r.bodyText());
            }
        });

        assertEquals("first", host.get("/1").send().bodyText());
        assertEquals("second", host.get("/2").send().bodyText());
        assertEquals("always /3", host.get("/3").send().bodyText());
        host.backend("b").assertRequestCount(3);
    }

    @Test
    void anUnscriptedBackendAnswers502SayingSo(TestHost host) {
        host.backend("quiet");
        host.handler((request, response) -> response.send(request.send("quiet")));

        host.get("/").send().assertThat().hasStatus(502).bodyContains("no response is scripted for backend 'quiet'");
    }

    @Test
    void scriptedFailuresReachTheProgramAsSendErrors(TestHost host) {
        host.backend("down")
                .enqueue(
                        MockResponse.failure(SendErrorKind.CONNECTION_REFUSED),
                        MockResponse.dnsError(3, 22),
                        MockResponse.tlsAlert(42),
                        MockResponse.h2Error(3, 7),
                        MockResponse.failure(SendErrorKind.DESTINATION_NOT_FOUND));
        host.handler((request, response) -> {
            try {
                request.send("down").close();
                response.write("no error");
            } catch (SendErrorException e) {
                response.write(e.kind() + "|" + e.getMessage());
            } catch (BackendNotFoundException e) {
                response.write("not found: " + e.backend());
            }
        });

        host.get("/").send().assertThat().bodyContains("CONNECTION_REFUSED|");
        host.get("/").send().assertThat().bodyContains("DNS_ERROR|").bodyContains("rcode 3, info code 22");
        host.get("/").send().assertThat().bodyContains("TLS_ALERT_RECEIVED|").bodyContains("alert 42");
        host.get("/").send().assertThat().bodyContains("H2_ERROR|").bodyContains("frame 3, code 7");
        host.get("/").send().assertThat().hasBody("not found: down");
    }

    @Test
    void sendErrorDetailReachesTheException(TestHost host) {
        host.backend("dns").respond(MockResponse.dnsError(2, 9));
        host.handler((request, response) -> {
            try {
                request.send("dns");
            } catch (SendErrorException e) {
                response.write(e.dnsRcode().getAsInt() + "/" + e.dnsInfoCode().getAsInt() + "/"
                        + e.tlsAlertId().isPresent());
            }
        });

        host.get("/").send().assertThat().hasBody("2/9/false");
    }

    @Test
    void aScriptedBackendsHeaderSectionOver69KbIsASendError(TestHost host) {
        // the engine's limit applies to what any origin returns, a scripted backend too
        String big = "v".repeat(40 * 1024);
        host.backend("wide")
                .respond(MockResponse.builder()
                        .header("X-A", big)
                        .header("X-B", big)
                        .body("ok")
                        .build());
        host.handler((request, response) -> response.send(request.send("wide")));

        TestResponse response = host.get("/").send();

        response.assertThat().hasStatus(500).threw(SendErrorException.class);
        assertEquals(
                SendErrorKind.HTTP_RESPONSE_HEADER_SECTION_TOO_LARGE,
                ((SendErrorException) response.uncaught().get(0)).kind());
    }

    @Test
    void aProgramsResponseWithAHeaderSectionOver69KbBecomesA500(TestHost host) {
        String big = "v".repeat(40 * 1024);
        host.handler((request, response) -> {
            response.headers().set("X-A", big);
            response.headers().set("X-B", big);
            response.write("too wide");
        });

        TestResponse response = host.get("/").send();

        response.assertThat().hasStatus(500);
        assertTrue(
                response.bodyText().contains("bytes of header fields; the limit is 70656 (69 KB)"),
                response.bodyText());
        assertTrue(response.usage().refusals().get(0).startsWith("the program's response has "));
    }

    @Test
    void anUncaughtSendErrorBecomesA500AndIsReported(TestHost host) {
        host.backend("down").fail(SendErrorKind.CONNECTION_TIMEOUT);
        host.handler((request, response) -> response.send(request.send("down")));

        TestResponse response = host.get("/").send();

        response.assertThat().hasStatus(500).threw(SendErrorException.class);
        SendErrorException e = (SendErrorException) response.uncaught().get(0);
        assertEquals(SendErrorKind.CONNECTION_TIMEOUT, e.kind());
        assertEquals("down", e.backend());
    }

    @Test
    void anUndefinedBackendIsBackendNotFound(TestHost host) {
        host.handler((request, response) -> request.send("nowhere"));

        host.get("/").send().assertThat().hasStatus(500).threw(BackendNotFoundException.class);
    }

    @Test
    void delaysPassOnTheVirtualClockAndTimeOutPastTheFirstByteTimeout(TestHost host) {
        host.backend("slow")
                .firstByteTimeout(Duration.ofSeconds(10))
                .enqueue(
                        MockResponse.builder()
                                .delay(Duration.ofSeconds(4))
                                .body("late")
                                .build(),
                        MockResponse.builder().delay(Duration.ofMinutes(5)).build());
        host.handler((request, response) -> {
            request.cacheOptions(CacheOptions.PASS); // both requests reach the backend, none is answered from cache
            try (Response r = request.send("slow")) {
                response.write(r.bodyText());
            } catch (SendErrorException e) {
                response.write(e.kind().name());
            }
        });
        Instant start = host.clock().instant();

        host.get("/").send().assertThat().hasBody("late");
        assertEquals(start.plusSeconds(4), host.clock().instant());
        host.get("/").send().assertThat().hasBody("HTTP_RESPONSE_TIMEOUT");
        assertEquals(start.plusSeconds(14), host.clock().instant());
    }

    @Test
    void aFailingResponderFailsTheTest(TestHost host) {
        host.backend("strict").respond(request -> {
            throw new AssertionError("the origin wanted a token");
        });
        host.handler((request, response) -> response.send(request.send("strict")));

        AssertionError e =
                assertThrows(AssertionError.class, () -> host.get("/").send());
        assertEquals("the origin wanted a token", e.getMessage());
    }

    @Test
    void aProgramThatEndsWithoutAnsweringGets200AndOneThatFailsGets500(TestHost host) {
        host.program(args -> {});

        TestResponse quiet = host.get("/").send();

        assertFalse(quiet.responded());
        quiet.assertThat().hasStatus(200).hasEmptyBody();

        host.program(args -> {
            throw new IllegalStateException("main failed before serving");
        });

        TestResponse failed = host.get("/").send();

        assertFalse(failed.responded());
        failed.assertThat().hasStatus(500).threw(IllegalStateException.class);
    }

    @Test
    void aThrowingHandlerGets500AndTheExceptionIsKept(TestHost host) {
        host.handler((request, response) -> {
            throw new IllegalStateException("boom");
        });

        TestResponse response = host.get("/").send();

        response.assertThat().hasStatus(500).hasBody("Internal Server Error\n").threw(IllegalStateException.class);
        AssertionError e =
                assertThrows(AssertionError.class, () -> response.assertThat().threwNothing());
        assertTrue(e.getMessage().contains("IllegalStateException: boom"), e.getMessage());
    }

    @Test
    void aLargeBodyStreamsWithChunkedFraming(TestHost host) {
        byte[] big = new byte[300_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) ('a' + i % 26);
        }
        host.handler((request, response) -> response.write(big));

        TestResponse response = host.get("/big").send();

        assertTrue(response.streamed());
        response.assertThat()
                .hasBody(big)
                .hasHeader("Transfer-Encoding", "chunked")
                .hasNoHeader("Content-Length");
    }

    @Test
    void aBodyLargerThanTheStreamingLimitDoesNotDeadlock(TestHost host) {
        byte[] chunk = new byte[1024 * 1024];
        host.handler((request, response) -> {
            for (int i = 0; i < 12; i++) {
                response.write(chunk);
            }
        });

        assertEquals(12 * chunk.length, host.get("/").send().body().length);
    }

    @Test
    void aFailureAfterStreamingStartedLeavesAnIncompleteBody(TestHost host) {
        host.handler((request, response) -> {
            response.writeHeader(200);
            response.write("partial");
            response.flush();
            throw new IllegalStateException("mid-stream");
        });

        TestResponse response = host.get("/").send();

        response.assertThat().hasStatus(200).isIncomplete().hasBody("partial");
    }

    @Test
    void logLinesAreKeptPerEndpoint(TestHost host) {
        host.handler((request, response) -> {
            LogEndpoint.open("access").log("GET " + request.path());
            LogEndpoint.open("errors").log("none");
            LogEndpoint.open("access").log("done");
        });

        host.get("/x").send();

        assertEquals(List.of("GET /x", "done"), host.logs("access"));
        assertEquals(List.of("none"), host.logs("errors"));
        assertEquals(List.of(), host.logs("other"));
        assertEquals(2, host.logs().size());
    }

    @Test
    void configStoresAreSeededFromCode(TestHost host) {
        host.configStore("settings", Map.of("greeting", "hej"));
        host.handler((request, response) -> {
            ConfigStore settings = ConfigStore.open("settings");
            response.write(settings.get("greeting").orElse("?") + " " + settings.contains("missing"));
            try {
                ConfigStore.open("nope");
            } catch (StoreNotFoundException e) {
                response.write(" " + e.name());
            }
        });

        host.get("/").send().assertThat().hasBody("hej false nope");
    }

    @Test
    void asyncRequestsRunConcurrently(TestHost host) throws Exception {
        java.util.concurrent.CountDownLatch both = new java.util.concurrent.CountDownLatch(2);
        host.handler((request, response) -> {
            both.countDown();
            // each request waits for the other: only concurrent runs finish
            if (!both.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("requests did not run concurrently");
            }
            response.write("ok");
        });

        var a = host.get("/a").sendAsync();
        var b = host.get("/b").sendAsync();

        assertEquals("ok", a.get().bodyText());
        assertEquals("ok", b.get().bodyText());
    }

    @Test
    void hostsDoNotShareState() throws Exception {
        try (TestHost one = TestHost.create();
                TestHost two = TestHost.create()) {
            one.backend("b").respond(MockResponse.ok("one"));
            two.backend("b").respond(MockResponse.ok("two"));
            one.handler((request, response) -> response.send(request.send("b")));
            two.handler((request, response) -> response.send(request.send("b")));
            one.clock().advance(Duration.ofHours(1));

            assertEquals("one", one.get("/").send().bodyText());
            assertEquals("two", two.get("/").send().bodyText());
            one.backend("b").assertRequestCount(1);
            two.backend("b").assertRequestCount(1);
            assertEquals(VirtualClock.DEFAULT_START, two.clock().instant());
        }
    }

    @Test
    void usageMistakesAreReportedClearly(TestHost host) {
        IllegalStateException noProgram =
                assertThrows(IllegalStateException.class, () -> host.get("/").send());
        assertTrue(noProgram.getMessage().contains("host.program(Main::main)"));
        assertThrows(IllegalArgumentException.class, () -> host.get("relative"));
        assertThrows(IllegalArgumentException.class, () -> host.request("BAD METHOD", "/"));
        assertThrows(IllegalArgumentException.class, () -> host.get("/").clientAddress("example.com"));
        assertThrows(IllegalArgumentException.class, () -> MockResponse.failure(SendErrorKind.UNKNOWN));
        assertThrows(IllegalArgumentException.class, () -> host.clock().advance(Duration.ofSeconds(-1)));
        host.backend("static");
        assertThrows(IllegalArgumentException.class, () -> host.dynamicBackend("static"));
    }

    @Test
    void aClosedHostRefusesRequests() {
        TestHost host = TestHost.create();
        host.handler((request, response) -> {});
        host.close();
        host.close();

        assertThrows(IllegalStateException.class, () -> host.get("/").send());
    }

    @Test
    void requestsBuiltByTheProgramGoToTheirBackend(TestHost host) {
        host.backend("api").respond(r -> MockResponse.ok(r.method() + " " + r.url()));
        host.handler((request, response) -> {
            try (Response r =
                    Request.of("DELETE", "https://api.example.com/items/7").send("api")) {
                response.write(r.bodyText());
            }
        });

        host.get("/").send().assertThat().hasBody("DELETE https://api.example.com/items/7");
    }
}
