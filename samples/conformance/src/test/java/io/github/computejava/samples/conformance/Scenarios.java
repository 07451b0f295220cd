package io.github.computejava.samples.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.abi.FastlyHttpDownstream;
import io.github.computejava.host.ClientConnection;
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

    /**
     * What {@code /backend-trailers} answers when the origin's {@code /with-trailers} sends {@code body with
     * trailers} and the trailers {@code X-Checksum: abc123}, {@code Server-Timing: db;dur=4} and {@code
     * Server-Timing: render;dur=1}, and its {@code /plain} sends none.
     */
    static final String BACKEND_TRAILERS = "before the body: the trailers are known once the body was read to its"
            + " end: read body() until -1, or call bodyText(), first\n"
            + "body with trailers\n"
            + "trailers [X-Checksum, Server-Timing] checksum=abc123 timing=[db;dur=4, render;dur=1]\n"
            + "without trailers: []\n";

    /** The origin's behaviour: it echoes what reached it (the dynamic backend reaches the same origin). */
    static void scriptOrigin(TestHost host) {
        host.backend("origin").respond(Scenarios::originAnswer);
        host.dynamicBackend("dynamic-origin").respond(Scenarios::originAnswer);
        host.dynamicBackend("mtls-origin").respond(Scenarios::originAnswer);
    }

    static MockResponse originAnswer(RecordedRequest r) {
        if (r.path().equals("/gzipped")) {
            return MockResponse.builder()
                    .header("Content-Type", "text/plain")
                    .header("Content-Encoding", "gzip")
                    .body(gzip("unzipped by the host\n"))
                    .build();
        }
        if (r.path().equals("/with-trailers")) {
            return MockResponse.builder()
                    .body("body with trailers\n")
                    .trailer("X-Checksum", "abc123")
                    .trailer("Server-Timing", "db;dur=4")
                    .trailer("Server-Timing", "render;dur=1")
                    .build();
        }
        if (r.path().equals("/items")) {
            return MockResponse.builder()
                    .body("items " + r.method() + " ?" + r.query().orElse("") + " body=" + r.bodyText() + "\n")
                    .build();
        }
        if (r.path().equals("/facts")) {
            return MockResponse.builder()
                    .header("Cache-Control", "max-age=60, stale-while-revalidate=30, stale-if-error=300")
                    .header("Vary", "Accept-Language")
                    .header("Surrogate-Key", "fact-a fact-b")
                    .body("facts\n")
                    .build();
        }
        if (r.path().equals("/flaky")) {
            if (r.header("X-Fail").orElse("").equals("yes")) {
                return MockResponse.builder().status(503).body("down\n").build();
            }
            return MockResponse.builder()
                    .header("Cache-Control", "max-age=0, stale-if-error=300")
                    .body("flaky\n")
                    .build();
        }
        if (r.path().equals("/short")) {
            return MockResponse.builder()
                    .header("Cache-Control", "max-age=0")
                    .body("short " + r.query().orElse("-") + "\n")
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
        s.put("url", host -> host.get("/url?q=a+b&tag=x&tag=%E2%82%AC&debug=1")
                .send()
                .assertThat()
                .threwNothing()
                .hasBody("path /url q=a b tags=[x, \u20ac] names=[q, tag, debug]\n"
                        + "changed /v2/url?q=a+b&tag=x&tag=%E2%82%AC&page=2&note=a%20b%26c\n"
                        + "items POST ?id=7%208 body=posted\n"
                        + "items PUT ?id=7%208 body=put\n"
                        + "items DELETE ?id=7%208 body=\n"));
        s.put("cache-ttl", host -> {
            host.get("/cache-ttl")
                    .send()
                    .assertThat()
                    .threwNothing()
                    .hasBody("override MISS short -\noverride HIT short -\nplain MISS short plain\n"
                            + "plain MISS short plain\n");
            host.backend("origin").assertRequestCount(3);
        });
        s.put("throwing-hooks", host -> {
            host.get("/throwing-hooks")
                    .send()
                    .assertThat()
                    .threwNothing()
                    .hasBody("before-send: no token for /hooked-before\nafter-send: cannot judge 200\n"
                            + "loader: loader could not read\n");
            // the before-send hook failed before anything was sent; the after-send one after the backend answered
            host.backend("origin").assertRequestCount(1);
        });
        s.put("cache-facts", host -> {
            host.get("/cache-facts")
                    .send()
                    .assertThat()
                    .threwNothing()
                    .hasBody("facts: status=200 fromCache=false ttl=-1 age=-1 swr=-1 sie=-1 vary=[] keys=[] masked=-\n"
                            + "facts: status=200 fromCache=true ttl=60 age=0 swr=30 sie=300 vary=[accept-language]"
                            + " keys=[fact-a, fact-b] masked=-\n"
                            + "plain: status=200 fromCache=true ttl=-1 age=-1 swr=-1 sie=-1 vary=[] keys=[] masked=-\n"
                            + "flaky no: status=200 fromCache=false ttl=-1 age=-1 swr=-1 sie=-1 vary=[] keys=[]"
                            + " masked=-\n"
                            + "flaky yes: status=200 fromCache=true ttl=0 age=0 swr=0 sie=300 vary=[] keys=[]"
                            + " masked=the backend answered 503\n"
                            + "hooked: status=200 fromCache=true ttl=0 age=0 swr=0 sie=300 vary=[] keys=[]"
                            + " masked=io: the after-send hook failed\n");
            host.backend("origin").assertRequestCount(4);
        });
        s.put("client-info-plain-http", host -> host.get("/client-info")
                .header("X-Mixed-Case", "1")
                .send()
                .assertThat()
                .threwNothing()
                .hasBody("id true HTTP/1.1 server 127.0.0.1\n"
                        + "tls - - sni - hello -1\n"
                        + "cert - -\n"
                        + "ja3 - ja4 - h2 - oh -\n"
                        + "ddos false fastly-key false\n"
                        + "original X-Mixed-Case true count true\n"
                        + "built false\n"));
        s.put("client-info-seeded", host -> {
            byte[] md5 = new byte[16];
            for (int i = 0; i < 16; i++) {
                md5[i] = (byte) (i * 17);
            }
            host.clientConnection(ClientConnection.builder()
                    .tlsProtocol("TLSv1.3")
                    .tlsCipher("TLS_AES_128_GCM_SHA256")
                    .tlsServerName("www.example.com")
                    .tlsClientHello(new byte[] {22, 3, 1})
                    .tlsClientCertificate(
                            "-----BEGIN CERTIFICATE-----".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            FastlyHttpDownstream.CLIENT_CERT_VERIFY_CERTIFICATE_EXPIRED)
                    .ja3Md5(md5)
                    .ja4("t13d1516h2_8daaf6152771_b186095e22b6")
                    .h2Fingerprint("1:65536;2:0;4:6291456;6:262144|15663105|0|m,a,s,p")
                    .ohFingerprint("oh-fp")
                    .ddosDetected(true)
                    .fastlyKeyValid(true)
                    .build());
            host.get("/client-info")
                    .header("X-Mixed-Case", "1")
                    .send()
                    .assertThat()
                    .threwNothing()
                    .hasBody("id true HTTP/1.1 server 127.0.0.1\n"
                            + "tls TLSv1.3 TLS_AES_128_GCM_SHA256 sni www.example.com hello 3\n"
                            + "cert -----BEGIN CERTIFICATE----- CERTIFICATE_EXPIRED\n"
                            + "ja3 00112233445566778899aabbccddeeff ja4 t13d1516h2_8daaf6152771_b186095e22b6"
                            + " h2 1:65536;2:0;4:6291456;6:262144|15663105|0|m,a,s,p oh oh-fp\n"
                            + "ddos true fastly-key true\n"
                            + "original X-Mixed-Case true count true\n"
                            + "built false\n");
        });
        s.put("early-hints", host -> {
            TestResponse r = host.get("/early-hints").send();
            r.assertThat().threwNothing().hasStatus(200).hasBody("page\n");
            assertEquals(2, r.earlyHints().size(), "early hints: " + r.earlyHints());
            assertEquals(
                    java.util.List.of("</a.css>; rel=preload; as=style"),
                    r.earlyHints().get(0).values("Link"));
            assertEquals(
                    java.util.List.of("</b.js>; rel=preload; as=script"),
                    r.earlyHints().get(1).values("Link"));
            assertEquals(java.util.Optional.of("2"), r.earlyHints().get(1).get("X-Hint"));
            assertTrue(
                    !r.earlyHints().get(0).contains("Content-Length"),
                    r.earlyHints().toString());
        });
        s.put("early-hints-after-the-head", host -> {
            TestResponse r = host.get("/early-hints-late").send();
            r.assertThat()
                    .threwNothing()
                    .hasBody("late: sendEarlyHints: the response head was already sent to the client\n");
            assertEquals(0, r.earlyHints().size());
        });
        s.put("trailers", host -> {
            TestResponse r = host.get("/trailers").send();
            r.assertThat()
                    .threwNothing()
                    .hasHeader("Transfer-Encoding", "chunked")
                    .hasBody("body\n");
            assertEquals(java.util.Optional.of("abc123"), r.trailers().get("X-Checksum"));
            assertEquals(java.util.Optional.of("render;dur=1"), r.trailers().get("Server-Timing"));
        });
        s.put("informational", host -> {
            TestResponse r = host.get("/informational").send();
            // nothing reached the client: the host answers for a program that sent no response
            r.assertThat().threwNothing().hasStatus(200).hasBody("");
            assertEquals(0, r.earlyHints().size());
            assertEquals(
                    List.of("refused: Invalid argument (fastly_http_resp.send_downstream returned inval)"),
                    host.logs("conformance"));
        });
        s.put("backend trailers", host -> host.get("/backend-trailers")
                .send()
                .assertThat()
                .threwNothing()
                .hasBody(BACKEND_TRAILERS));
        s.put("mtls", host -> {
            host.get("/mtls")
                    .send()
                    .assertThat()
                    .threwNothing()
                    .hasBody("registered mtls-origin ssl=true\nbad certificate: INVALID\n"
                            + "origin said: origin saw GET /with-certificate host=mtls.test x-test=- body=\n");
            RecordedRequest seen =
                    host.backend("mtls-origin").assertRequestCount(1).lastRequest();
            assertTrue(
                    seen.clientCertificate().orElse("").startsWith("-----BEGIN CERTIFICATE-----\nMI"),
                    "the certificate the origin was shown: " + seen.clientCertificate());
        });
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
