package io.github.computejava.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.host.DownstreamRequest;
import io.github.computejava.host.HostEngine;
import io.github.computejava.host.Sandbox;
import io.github.computejava.host.backend.Backend;
import io.github.computejava.host.backend.JettyOrigin;
import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.RequestHead;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A {@code send_async} the program never waits on gives its backend connection back when the sandbox ends. */
class UnwaitedSendConnectionTest {
    @Test
    void theBackendConnectionOfAnUnwaitedStreamingResponseIsClosed() throws Exception {
        CountDownLatch streaming = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                JettyOrigin jetty = new JettyOrigin()) {
            Thread backend = new Thread(() -> serveEndlessBody(listener, streaming, closed));
            backend.setDaemon(true);
            backend.start();
            HostEngine engine = HostEngine.builder()
                    .backend(Backend.builder("origin")
                            .url(URI.create("http://127.0.0.1:" + listener.getLocalPort()))
                            .betweenBytesTimeout(Duration.ofSeconds(60)) // no idle timeout to close it for us
                            .build())
                    .origin(jetty)
                    .build();
            try {
                Sandbox sandbox = engine.newSandbox(
                        new DownstreamRequest(
                                new RequestHead("GET", "http://example.com/", new HeaderList()),
                                new BodyBuffer(),
                                new byte[] {127, 0, 0, 1},
                                new byte[] {127, 0, 0, 1}),
                        (h, b, st) -> {});
                int[] out = new int[1];
                sandbox.httpReq().new_(out);
                int req = out[0];
                sandbox.httpReq().uriSet(req, "http://example.com/endless".getBytes(StandardCharsets.UTF_8));
                sandbox.httpBody().new_(out);
                assertEquals(
                        FastlyStatus.OK,
                        sandbox.httpReq().sendAsync(req, out[0], "origin".getBytes(StandardCharsets.UTF_8), out));
                assertTrue(streaming.await(10, TimeUnit.SECONDS), "the backend got the request");
                Thread.sleep(200); // the response head has arrived and its body fills the buffers

                sandbox.finish();

                assertTrue(closed.await(5, TimeUnit.SECONDS), "the backend sees its connection closed");
            } finally {
                engine.close();
            }
        }
    }

    /** Answers one request with an endless chunked body, until writing fails. */
    private static void serveEndlessBody(ServerSocket listener, CountDownLatch streaming, CountDownLatch closed) {
        try (Socket s = listener.accept()) {
            InputStream in = s.getInputStream();
            int last4 = 0;
            while (last4 != 0x0d0a0d0a) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                last4 = (last4 << 8) | b;
            }
            OutputStream o = s.getOutputStream();
            o.write(("HTTP/1.1 200 OK\r\nCache-Control: no-store\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            streaming.countDown();
            byte[] chunk = new byte[32 * 1024];
            byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
            while (true) {
                o.write(size);
                o.write(chunk);
                o.write(crlf);
            }
        } catch (IOException e) {
            closed.countDown();
        }
    }
}
