package io.github.computejava.samples.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.testkit.MockResponse;
import io.github.computejava.testkit.RecordedRequest;
import io.github.computejava.testkit.TestHost;
import io.github.computejava.testkit.TestResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conformance scenarios, in one ordered list both doors run. They rely on what both doors share: the
 * backends {@code origin} and {@code refused} and the stores of {@code fastly.toml}, and the origin script of
 * {@link #scriptOrigin(TestHost)}. Nothing here reads the clock or the engine.
 */
final class Scenarios {
    private Scenarios() {}

    /** The origin's behaviour: it echoes what reached it (the dynamic backend reaches the same origin). */
    static void scriptOrigin(TestHost host) {
        host.backend("origin").respond(Scenarios::originAnswer);
        host.dynamicBackend("dynamic-origin").respond(Scenarios::originAnswer);
    }

    static MockResponse originAnswer(RecordedRequest r) {
        if (r.path().equals("/gzipped")) {
            return MockResponse.builder()
                    .header("Content-Type", "text/plain")
                    .header("Content-Encoding", "gzip")
                    .body(gzip("unzipped by the host\n"))
                    .build();
        }
        return MockResponse.builder()
                .header("Content-Type", "text/plain")
                .header("X-Origin", "yes")
                .body("origin saw " + r.method() + " " + r.path() + " host="
                        + r.header("Host").orElse("-") + " x-test="
                        + r.header("X-Test").orElse("-") + " body=" + r.bodyText() + "\n")
                .build();
    }

    private static byte[] gzip(String text) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
            out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Map<String, Scenario> all() {
        Map<String, Scenario> s = new LinkedHashMap<>();
        s.put("hello", host -> host.get("/hello")
                .send()
                .assertThat()
                .hasStatus(200)
                .hasHeader("Content-Type", "text/plain; charset=utf-8")
                .hasHeader("Content-Length", "19")
                .hasBody("Hello, conformance\n"));
        s.put("echo", host -> host.request("PUT", "/echo?a=1&b=2")
                .header("X-Test", "one")
                .header("X-Test", "two")
                .body("payload")
                .send()
                .assertThat()
                .hasStatus(200)
                .hasBody("PUT /echo ?a=1&b=2\nx-test: one,two\nbody: payload\n"));
        s.put("status", host -> {
            host.get("/status?418").send().assertThat().hasStatus(418).hasBody("status\n");
            host.get("/status?204").send().assertThat().hasStatus(204).hasNoHeader("Content-Length");
        });
        s.put("headers", host -> host.get("/headers")
                .send()
                .assertThat()
                .hasHeaderValues("X-Multi", "one", "two")
                .hasHeader("X-Latin1", "caf\u00e9"));
        s.put("proxy", host -> {
            host.get("/proxy")
                    .header("X-Test", "forwarded")
                    .send()
                    .assertThat()
                    .hasStatus(200)
                    .hasHeader("X-Origin", "yes")
                    .hasBody("origin saw GET /proxy host=" + authority(host) + " x-test=forwarded body=\n");
            RecordedRequest seen = host.backend("origin").assertRequestCount(1).lastRequest();
            seen.assertThat().hasMethod("GET").hasPath("/proxy").hasHeader("X-Test", "forwarded");
        });
        s.put("proxy-post-body", host -> {
            host.post("/proxy", "sent on").send().assertThat().bodyContains("body=sent on");
            host.backend("origin").lastRequest().assertThat().hasBody("sent on").hasHeader("Content-Length", "7");
        });
        s.put("proxy-copy", host -> host.get("/proxy-copy")
                .send()
                .assertThat()
                .hasHeader("X-Proxied", "yes")
                .hasHeader("X-Origin", "yes")
                .bodyContains("origin saw GET /proxy-copy"));
        s.put("stream", host -> {
            TestResponse r = host.get("/stream").send();
            r.assertThat()
                    .hasStatus(200)
                    .hasHeader("Transfer-Encoding", "chunked")
                    .isComplete();
            byte[] body = r.body();
            assertEquals(100_000, body.length);
            for (int i = 0; i < 100; i++) {
                for (int j = 0; j < 1000; j += 250) {
                    assertEquals((byte) ('a' + (i + j) % 26), body[i * 1000 + j], "byte " + (i * 1000 + j));
                }
            }
        });
        s.put("append", host -> {
            host.get("/append")
                    .send()
                    .assertThat()
                    .hasBody("<origin saw GET /one host=origin.test x-test=- body=\n"
                            + "|origin saw GET /two host=origin.test x-test=- body=\n>");
            host.backend("origin").assertRequestCount(2);
        });
        s.put("send-error", host -> host.get("/send-error")
                .send()
                .assertThat()
                .hasStatus(502)
                .hasBody("send error: CONNECTION_REFUSED\n"));
        s.put("missing-backend", host -> host.get("/missing-backend")
                .send()
                .assertThat()
                .hasStatus(500)
                .hasBody("no backend: nowhere\n"));
        s.put(
                "throw",
                host -> host.get("/throw").send().assertThat().hasStatus(500).hasBody("Internal Server Error\n"));
        s.put("throw-after-flush", host -> host.get("/throw-after-flush")
                .send()
                .assertThat()
                .hasStatus(200)
                .isIncomplete());
        s.put("config", host -> host.get("/config").send().assertThat().hasBody("hej\nabsent store\n"));
        s.put("kv", host -> host.post("/kv", "")
                .send()
                .assertThat()
                .hasBody("seeded: from the manifest\nvisit: written by POST\ndeleted: true false\n"));
        s.put("kv-generation", host -> host.get("/kv-generation")
                .send()
                .assertThat()
                .threwNothing()
                .hasBody(
                        "first 1 {\"v\":1}\nstale generation: PRECONDITION_FAILED\nnow 2\nadd: PRECONDITION_FAILED\n"));
        s.put("gunzip", host -> {
            TestResponse r = host.get("/gunzip").send();
            r.assertThat().threwNothing().hasStatus(200);
            String[] lines = r.bodyText().split("\n", -1);
            assertEquals(
                    "/gzipped decompress=false: encoding=gzip length=" + gzip("unzipped by the host\n").length
                            + " gzip bytes",
                    lines[0]);
            assertEquals("/gzipped decompress=true: encoding=- length=- unzipped by the host", lines[1]);
            // an uncompressed response is left as it is, Content-Length included
            assertTrue(lines[3].startsWith("/plain decompress=true: encoding=- length="), lines[3]);
            assertTrue(!lines[3].contains("length=-") && lines[3].contains("origin saw GET /plain"), lines[3]);
        });
        s.put("kv-list", host -> host.get("/kv-list")
                .send()
                .assertThat()
                .threwNothing()
                .hasBody("first [list/a, list/b] more=true\nsecond [list/c] more=false\nall list/a list/b list/c\n"
                        + "whole store 5\nbad cursor: BAD_REQUEST\n"));
        s.put("secret", host -> host.get("/secret").send().assertThat().hasBody("token length 6\nfrom bytes 3\n"));
        s.put("log", host -> {
            host.get("/log").send().assertThat().hasBody("logged\n");
            assertEquals(List.of("visited /log"), host.logs("conformance"));
        });
        s.put("log-writer", host -> {
            host.get("/log-writer").send().assertThat().threwNothing().hasBody("logged through a writer\n");
            assertEquals(
                    List.of("writer line 1", "writer caf\u00e9 \u20ac", "writer line 3", "at close"),
                    host.logs("conformance"));
        });
        s.put("dynamic", host -> {
            host.get("/dynamic")
                    .send()
                    .assertThat()
                    .threwNothing()
                    .hasBody("registered dynamic-origin dynamic=true override=dynamic.test connect=2000\n"
                            + "timeouts 20/30 keepalive 9 tcp true 60/5/4 ssl false false false health UNKNOWN\n"
                            + "origin said: origin saw GET /via-dynamic host=dynamic.test x-test=- body=\n");
        });
        s.put("cookies", host -> host.get("/cookies")
                .cookie("id", "42")
                .cookie("other", "x")
                .send()
                .assertThat()
                .hasBody("cookies 2 id=42\n")
                .hasHeader("Set-Cookie", "seen=1; Path=/; Max-Age=300; HttpOnly"));
        s.put("redirect", host -> host.get("/redirect")
                .send()
                .assertThat()
                .hasStatus(302)
                .hasHeader("Location", "/hello")
                .hasHeader("Content-Length", "0"));
        s.put("error", host -> host.get("/error")
                .send()
                .assertThat()
                .hasStatus(503)
                .hasHeader("X-Content-Type-Options", "nosniff")
                .hasBody("unavailable\n"));
        s.put("not-found", host -> host.get("/no/such/path")
                .send()
                .assertThat()
                .hasStatus(404)
                .hasBody("Not Found\n"));
        s.put("manual-framing", host -> host.get("/manual-framing")
                .send()
                .assertThat()
                .hasHeader("Content-Length", "6")
                .hasBody("framed"));
        s.put("client", host -> host.get("/client").send().assertThat().hasBody("client 127.0.0.1\n"));
        s.put("backend-info", host -> host.get("/backend-info")
                .send()
                .assertThat()
                .hasBody("origin exists=true dynamic=false missing=false\n"));
        return s;
    }

    private static String authority(TestHost host) {
        String url = host.get("/").url();
        String rest = url.substring(url.indexOf("://") + 3);
        int slash = rest.indexOf('/');
        assertTrue(slash > 0, url);
        return rest.substring(0, slash);
    }
}
