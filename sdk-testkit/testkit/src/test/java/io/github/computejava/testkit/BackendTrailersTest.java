package io.github.computejava.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.HostcallException;
import io.github.computejava.fsthttp.CacheOptions;
import io.github.computejava.fsthttp.Headers;
import io.github.computejava.fsthttp.Request;
import io.github.computejava.fsthttp.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backend's trailers ({@code Response.trailers()}) and the scripted backend that sends them, in-process. */
@ComputeTest
class BackendTrailersTest {
    private static Request passing(String path) {
        return Request.get("http://origin.test" + path).cacheOptions(CacheOptions.PASS);
    }

    @Test
    void aScriptedResponseWithTrailersIsChunkedAndItsTrailersFollowTheLastByte(TestHost host) {
        host.backend("origin").respond(r -> MockResponse.builder()
                .body("abc")
                .trailer("X-Checksum", "900150983cd24fb0")
                .build());
        host.handler((request, w) -> {
            try (Response r = passing("/").send("origin")) {
                w.write("te=" + r.headers().get("Transfer-Encoding").orElse("-") + " cl="
                        + r.headers().get("Content-Length").orElse("-"));
                InputStream body = r.body();
                assertEquals('a', body.read());
                // bytes remain: the host does not know the trailers yet
                IllegalStateException early = assertThrows(IllegalStateException.class, r::trailers);
                assertTrue(early.getMessage().contains("read to its end"), early.getMessage());
                assertEquals("bc", new String(body.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII));
                w.write(" checksum=" + r.trailers().get("X-Checksum").orElse("-"));
                // each call reads them again, into a new object
                Headers again = r.trailers();
                again.add("X-Local", "1");
                w.write(" again=" + r.trailers().names());
            }
        });

        host.get("/")
                .send()
                .assertThat()
                .threwNothing()
                .hasBody("te=chunked cl=- checksum=900150983cd24fb0 again=[X-Checksum]");
    }

    @Test
    void aStreamedBodysTrailersAreKnownOnceItEnded(TestHost host) {
        StreamedBody slow = StreamedBody.create();
        host.backend("origin")
                .respond(MockResponse.builder()
                        .body(slow)
                        .trailer("Server-Timing", "db;dur=7")
                        .build());
        slow.write("part one, ").write("part two").end();
        host.handler((request, w) -> {
            try (Response r = passing("/").send("origin")) {
                assertThrows(IllegalStateException.class, r::trailers);
                w.write(r.bodyText() + " | " + r.trailers().values("Server-Timing"));
            }
        });

        host.get("/").send().assertThat().threwNothing().hasBody("part one, part two | [db;dur=7]");
    }

    @Test
    void trailersAreGoneOnceTheResponseOrItsBodyIsClosed(TestHost host) {
        host.backend("origin")
                .respond(r ->
                        MockResponse.builder().body("x").trailer("X-A", "1").build());
        List<String> seen = new ArrayList<>();
        host.handler((request, w) -> {
            Response closed = passing("/").send("origin");
            closed.bodyText();
            closed.close();
            seen.add(assertThrows(IllegalStateException.class, closed::trailers).getMessage());
            try (Response r = passing("/").send("origin")) {
                r.body().close();
                seen.add(assertThrows(IllegalStateException.class, r::trailers).getMessage());
            }
        });

        host.get("/").send().assertThat().threwNothing();
        assertEquals(
                List.of("response is closed", "the response body was closed or handed on, and its trailers with it"),
                seen);
    }

    /**
     * Reading a body to its end keeps its handle for the trailers; closing the response releases it, so a program
     * that sends many times within the handle limit never runs out. The same program without closing does run
     * out, which shows the limit is in force.
     */
    @Test
    void closingAResponseReadToItsEndReleasesItsHandles(@TempDir Path dir) throws IOException {
        Path manifest = dir.resolve("fastly.toml");
        Files.writeString(manifest, "manifest_version = 3\nname = \"t\"\n[local_server.limits]\nhandles = 24\n");
        for (boolean close : new boolean[] {true, false}) {
            try (TestHost host = TestHost.builder().manifest(manifest).build()) {
                host.backend("origin").respond(r -> MockResponse.builder()
                        .body("b")
                        .trailer("X-N", r.query().orElse("-"))
                        .build());
                AtomicReference<String> last = new AtomicReference<>("none");
                AtomicReference<HostcallException> refused = new AtomicReference<>();
                host.handler((request, w) -> {
                    try {
                        for (int i = 0; i < 60; i++) {
                            Response r = passing("/?" + i).send("origin");
                            r.bodyText();
                            last.set(r.trailers().get("X-N").orElse("-"));
                            if (close) {
                                r.close();
                            }
                        }
                    } catch (HostcallException e) {
                        refused.set(e);
                    }
                });
                host.get("/").send();
                if (close) {
                    assertEquals(null, refused.get());
                    assertEquals("59", last.get());
                } else {
                    assertTrue(refused.get() != null, "the handle limit was not reached: " + last.get());
                }
            }
        }
    }
}
