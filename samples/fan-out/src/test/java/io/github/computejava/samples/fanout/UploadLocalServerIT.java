package io.github.computejava.samples.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.host.HostEngine;
import io.github.computejava.host.backend.Backend;
import io.github.computejava.server.LocalServer;
import io.github.computejava.server.WasmProgram;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A 256 MiB upload through the built {@code bin/main.wasm} on the local server, to a backend that counts what it
 * receives: the bytes the client has sent but the backend has not yet received (everything held in between:
 * the server's buffers, the program, the connection to the backend) never exceed {@link #BOUND}, so the body is
 * streamed, never held whole.
 */
class UploadLocalServerIT {
    private static final long UPLOAD = 256L * 1024 * 1024;
    /** What may be in flight between the client and the backend: host buffers plus both sockets' buffers. */
    private static final long BOUND = 48L * 1024 * 1024;

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong largestInFlight = new AtomicLong();

    @Test
    void aLargeUploadIsStreamedToTheBackendInBoundedMemory() throws Exception {
        try (ServerSocket store = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread backend = new Thread(() -> countBody(store), "store");
            backend.setDaemon(true);
            backend.start();
            try (LocalServer server = LocalServer.builder()
                    .program(WasmProgram.load(Path.of("bin/main.wasm"), WasmProgram.Execution.COMPILED))
                    .engine(HostEngine.builder()
                            .backend(Backend.builder(Main.STORE)
                                    .url(URI.create("http://127.0.0.1:" + store.getLocalPort()))
                                    .build()))
                    .address(new InetSocketAddress("127.0.0.1", 0))
                    .build()) {
                server.start();
                HttpResponse<String> response =
                        assertTimeoutPreemptively(Duration.ofMinutes(5), () -> HttpClient.newHttpClient()
                                .send(
                                        HttpRequest.newBuilder(server.uri().resolve("/upload"))
                                                .PUT(HttpRequest.BodyPublishers.ofInputStream(Generated::new))
                                                .header("Content-Type", "application/octet-stream")
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString()));

                assertEquals(201, response.statusCode(), response.body());
                assertEquals("stored " + UPLOAD + " bytes", response.body());
                assertEquals(
                        Long.toString(UPLOAD),
                        response.headers().firstValue("Uploaded-Bytes").orElseThrow());
                assertEquals(UPLOAD, received.get());
                System.out.printf(
                        "upload of %d MiB: at most %.1f MiB in flight between client and backend%n",
                        UPLOAD >> 20, largestInFlight.get() / 1048576.0);
                assertTrue(
                        largestInFlight.get() <= BOUND,
                        "held at most " + largestInFlight.get() + " bytes, bound " + BOUND);
            }
        }
    }

    /** The client's body: {@link #UPLOAD} bytes made as they are read, noting how far ahead of the backend it is. */
    private final class Generated extends InputStream {
        private long sent;

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (sent == UPLOAD) {
                return -1;
            }
            int n = (int) Math.min(len, UPLOAD - sent);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) (sent + i);
            }
            sent += n;
            largestInFlight.accumulateAndGet(sent - received.get(), Math::max);
            return n;
        }
    }

    /** One request: reads its head, then its body (chunked or of a known length), counting; answers 201. */
    private void countBody(ServerSocket listener) {
        try (Socket s = listener.accept()) {
            InputStream in = new java.io.BufferedInputStream(s.getInputStream(), 65536);
            String head = readHead(in);
            String lower = head.toLowerCase(java.util.Locale.ROOT);
            byte[] buf = new byte[65536];
            if (lower.contains("transfer-encoding: chunked")) {
                while (true) {
                    long size = Long.parseLong(line(in).trim().split(";")[0], 16);
                    if (size == 0) {
                        while (!line(in).isEmpty()) {
                            // trailers
                        }
                        break;
                    }
                    drain(in, size, buf);
                    line(in);
                }
            } else {
                int at = lower.indexOf("content-length:");
                long length = Long.parseLong(
                        lower.substring(at + 15, lower.indexOf('\r', at)).trim());
                drain(in, length, buf);
            }
            byte[] body = ("stored " + received.get() + " bytes").getBytes(StandardCharsets.US_ASCII);
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 201 Created\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void drain(InputStream in, long n, byte[] buf) throws IOException {
        while (n > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, n));
            if (r < 0) {
                throw new IOException("the body ended early");
            }
            n -= r;
            received.addAndGet(r);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        String l;
        while (!(l = line(in)).isEmpty()) {
            head.append(l).append("\r\n");
        }
        return head.toString();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }
}
