package io.github.computejava.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.computejava.abi.FastlyHttpReq;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.host.DownstreamRequest;
import io.github.computejava.host.HostEngine;
import io.github.computejava.host.Sandbox;
import io.github.computejava.host.backend.Backend;
import io.github.computejava.host.backend.JettyOrigin;
import io.github.computejava.host.backend.SendFailure;
import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.RequestHead;
import io.github.computejava.host.http.UpstreamResponse;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JettyOriginTest {
    private EmbeddedOrigin origin;
    private JettyOrigin jetty;

    @BeforeEach
    void start() throws Exception {
        origin = EmbeddedOrigin.start(new InetSocketAddress("127.0.0.1", 0));
        jetty = new JettyOrigin();
    }

    @AfterEach
    void stop() {
        jetty.close();
        origin.close();
    }

    private static RequestHead get(String uri, String... headers) {
        RequestHead head = new RequestHead("GET", uri, new HeaderList());
        for (int i = 0; i < headers.length; i += 2) {
            head.headers().append(headers[i], headers[i + 1]);
        }
        return head;
    }

    private static JsonObject json(UpstreamResponse r) throws Exception {
        return JsonParser.parseString(new String(r.body().readAll(), StandardCharsets.UTF_8))
                .getAsJsonObject();
    }

    @Test
    void sendsToTheBackendWithItsPathAsPrefixAndTheOverrideHostAsHost() throws Exception {
        Backend b = Backend.builder("o")
                .url(origin.uri().resolve("/prefix/"))
                .overrideHost("virtual.example")
                .build();

        UpstreamResponse r = jetty.exchange(
                b, get("http://client.example/status/203/a?c=d", "Host", "client.example"), BodyBuffer.of(new byte[0]));

        assertEquals(203, r.head().status());
        JsonObject seen = json(r);
        assertEquals("/prefix/status/203/a", seen.get("path").getAsString());
        assertEquals("c=d", seen.get("query").getAsString());
        assertEquals(
                "virtual.example", seen.getAsJsonObject("headers").get("Host").getAsString());
    }

    @Test
    void withoutOverrideHostTheRequestsHostIsSentAndNothingIsAdded() throws Exception {
        Backend b = Backend.builder("o").url(origin.uri()).build();

        UpstreamResponse r = jetty.exchange(
                b, get("http://client.example/", "Host", "client.example", "X-Mine", "1"), BodyBuffer.of(new byte[0]));

        JsonObject headers = json(r).getAsJsonObject("headers");
        assertEquals("client.example", headers.get("Host").getAsString());
        assertEquals("1", headers.get("X-Mine").getAsString());
        assertFalse(headers.has("User-Agent"), headers.toString());
        assertFalse(headers.has("Accept-Encoding"), headers.toString());
    }

    @Test
    void responseHeaderValuesArriveAsSentOnAReusedConnection() throws Exception {
        Backend b = Backend.builder("o").url(origin.uri()).build();
        for (String value : new String[] {"max-age=300", "MAX-AGE=300", "Max-Age=300"}) {
            UpstreamResponse r = jetty.exchange(
                    b, get("http://client.example/cache-control/" + value + "/x"), BodyBuffer.of(new byte[0]));
            r.body().readAll();
            assertEquals(value, r.head().headers().first("Cache-Control"), "no case folding by a header cache");
        }
    }

    @Test
    void streamsARequestBodyUpstreamWhileItIsWritten() throws Exception {
        Backend b = Backend.builder("o").url(origin.uri()).build();
        BodyBuffer body = new BodyBuffer();
        body.startStreaming();
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; i < 100; i++) {
                    byte[] chunk = "0123456789".repeat(100).getBytes(StandardCharsets.UTF_8);
                    body.write(chunk, 0, chunk.length, false);
                }
                body.close();
            } catch (Exception e) {
                body.abandon();
            }
        });
        writer.start();
        RequestHead head = get("http://client.example/upload");
        head.method("POST");

        UpstreamResponse r = jetty.exchange(b, head, body);

        assertEquals(100_000, json(r).get("bodyLength").getAsInt());
        writer.join();
    }

    @Test
    void aRequestBodyWhoseSourceFailsIsNotBlamedOnTheBackend() throws Exception {
        Backend b = Backend.builder("o").url(origin.uri()).build();
        BodyBuffer body = BodyBuffer.incoming(-1); // a client's body, as the server delivers it
        byte[] start = "the start".getBytes(StandardCharsets.UTF_8);
        body.produce(start, 0, start.length);
        Thread client = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException ignored) {
                // abandon now
            }
            body.abandon(); // the client's body turned out malformed
        });
        client.start();
        RequestHead head = get("http://client.example/upload");
        head.method("POST");

        SendFailure f = assertThrows(SendFailure.class, () -> jetty.exchange(b, head, BodyBuffer.readingFrom(body)));

        assertEquals(FastlyHttpReq.SEND_ERROR_TAG_INTERNAL_ERROR, f.tag(), f.getMessage());
        assertTrue(f.getMessage().contains("request body"), f.getMessage());
        client.join();
    }

    @Test
    void aSlowFirstByteIsAResponseTimeout() {
        Backend b = Backend.builder("o")
                .url(origin.uri())
                .firstByteTimeout(Duration.ofMillis(200))
                .build();

        long start = System.nanoTime();
        SendFailure f = assertThrows(
                SendFailure.class, () -> jetty.exchange(b, get("http://x/delay/3000"), BodyBuffer.of(new byte[0])));

        assertEquals(FastlyHttpReq.SEND_ERROR_TAG_HTTP_RESPONSE_TIMEOUT, f.tag());
        assertTrue((System.nanoTime() - start) / 1_000_000L < 2500, "gave up at the first-byte timeout");
    }

    @Test
    void aRefusedConnectionIsConnectionRefused() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Backend b =
                Backend.builder("o").url("http://127.0.0.1:" + closedPort + "/").build();

        SendFailure f =
                assertThrows(SendFailure.class, () -> jetty.exchange(b, get("http://x/"), BodyBuffer.of(new byte[0])));

        assertEquals(FastlyHttpReq.SEND_ERROR_TAG_CONNECTION_REFUSED, f.tag());
    }

    @Test
    void anUnknownHostIsADnsError() {
        Backend b = Backend.builder("o").url("http://no-such-host.invalid/").build();

        SendFailure f =
                assertThrows(SendFailure.class, () -> jetty.exchange(b, get("http://x/"), BodyBuffer.of(new byte[0])));

        assertEquals(FastlyHttpReq.SEND_ERROR_TAG_DNS_ERROR, f.tag());
    }

    @Test
    void tlsToAPlainHttpPortIsATlsError() {
        Backend b = Backend.builder("o")
                .url(URI.create("https://127.0.0.1:" + origin.port() + "/"))
                .build();

        SendFailure f =
                assertThrows(SendFailure.class, () -> jetty.exchange(b, get("http://x/"), BodyBuffer.of(new byte[0])));

        assertTrue(
                f.tag() == FastlyHttpReq.SEND_ERROR_TAG_TLS_PROTOCOL_ERROR
                        || f.tag() == FastlyHttpReq.SEND_ERROR_TAG_TLS_CERTIFICATE_ERROR,
                "tag " + f.tag() + ": " + f.getMessage());
    }

    /** A backend on a raw socket: answers one request with {@code response}; the request head goes to {@code seen}. */
    private static java.net.ServerSocket rawBackend(
            String response, java.util.concurrent.CompletableFuture<String> seen) throws java.io.IOException {
        java.net.ServerSocket listener = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (java.net.Socket s = listener.accept()) {
                StringBuilder head = new StringBuilder();
                java.io.InputStream in = s.getInputStream();
                while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    head.append((char) b);
                }
                seen.complete(head.toString());
                s.getOutputStream().write(response.getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
            } catch (java.io.IOException e) {
                seen.completeExceptionally(e);
            }
        });
        t.setDaemon(true);
        t.start();
        return listener;
    }

    @Test
    void theEmbeddedOriginTakesFastlysHeaderSizesAsTheLocalServerDoes() throws Exception {
        String big = "v".repeat(30 * 1024);
        Backend b = Backend.builder("o").url(origin.uri()).build();

        UpstreamResponse r =
                jetty.exchange(b, get("http://x/status/200/", "X-Up", big, "X-Up2", big), BodyBuffer.of(new byte[0]));

        assertEquals(200, r.head().status());
        assertEquals(big, json(r).getAsJsonObject("headers").get("X-Up2").getAsString());
    }

    @Test
    void headersUpTo69KbTravelToAndFromTheBackend() throws Exception {
        String big = "v".repeat(30 * 1024);
        java.util.concurrent.CompletableFuture<String> seen = new java.util.concurrent.CompletableFuture<>();
        try (java.net.ServerSocket backend = rawBackend(
                "HTTP/1.1 200 OK\r\nX-A: " + big + "\r\nX-B: " + big + "\r\nContent-Length: 2\r\n\r\nok", seen)) {
            Backend b = Backend.builder("o")
                    .url("http://127.0.0.1:" + backend.getLocalPort() + "/")
                    .build();

            UpstreamResponse r =
                    jetty.exchange(b, get("http://x/", "X-Up", big, "X-Up2", big), BodyBuffer.of(new byte[0]));

            assertTrue(seen.get().contains("X-Up2: " + big), "60 KB of request headers reached the backend");
            assertEquals(big, r.head().headers().first("X-A"));
            assertEquals(big, r.head().headers().first("X-B"));
            assertEquals("ok", new String(r.body().readAll(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void backendResponseHeadersBeyond69KbAreAHeaderSectionTooLarge() throws Exception {
        // the engine applies the limit to what any origin returns; here the HTTP client's
        String big = "v".repeat(40 * 1024);
        java.util.concurrent.CompletableFuture<String> seen = new java.util.concurrent.CompletableFuture<>();
        try (java.net.ServerSocket backend = rawBackend(
                        "HTTP/1.1 200 OK\r\nX-A: " + big + "\r\nX-B: " + big + "\r\nContent-Length: 2\r\n\r\nok",
                        seen);
                HostEngine engine = HostEngine.builder()
                        .origin(jetty)
                        .backend(Backend.builder("o")
                                .url("http://127.0.0.1:" + backend.getLocalPort() + "/")
                                .build())
                        .build()) {
            byte[] loopback = {127, 0, 0, 1};
            Sandbox s = engine.newSandbox(
                    new DownstreamRequest(get("http://x/"), BodyBuffer.of(new byte[0]), loopback, loopback),
                    (head, body, streaming) -> {});
            int[] req = new int[1];
            int[] body = new int[1];
            assertEquals(FastlyStatus.OK, s.httpReq().new_(req));
            assertEquals(FastlyStatus.OK, s.httpReq().uriSet(req[0], "http://x/".getBytes(StandardCharsets.US_ASCII)));
            assertEquals(FastlyStatus.OK, s.httpBody().new_(body));
            byte[] detail = new byte[FastlyHttpReq.SEND_ERROR_DETAIL_SIZE];

            int status = s.httpReq()
                    .sendV2(req[0], body[0], "o".getBytes(StandardCharsets.US_ASCII), detail, new int[1], new int[1]);

            assertEquals(FastlyStatus.ERROR, status);
            int tag = java.nio.ByteBuffer.wrap(detail)
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                    .getInt(FastlyHttpReq.SEND_ERROR_DETAIL_OFF_TAG);
            assertEquals(FastlyHttpReq.SEND_ERROR_TAG_HTTP_RESPONSE_HEADER_SECTION_TOO_LARGE, tag);
            s.finish();
        }
    }
}
