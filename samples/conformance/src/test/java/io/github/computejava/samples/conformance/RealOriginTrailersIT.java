package io.github.computejava.samples.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.testkit.TestHost;
import io.github.computejava.testkit.wasm.LocalServerDoor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code backend trailers} scenario on the Wasm door against a real origin over HTTP/1.1: a socket that
 * frames {@code /with-trailers} chunked, with trailer fields after the last chunk, and {@code /plain} with a
 * {@code Content-Length}. The program reads them through the engine's HTTP client, in {@code main.wasm} on the
 * local server and in-process.
 */
class RealOriginTrailersIT {
    @Test
    void mainWasmReadsTheChunkedTrailersARealOriginSent(@TempDir Path dir) throws Exception {
        Path wasm = Path.of("bin/main.wasm");
        assertTrue(Files.isRegularFile(wasm), wasm + " is missing: run `mvn verify` so `package` builds it first");
        LocalServerDoor door = LocalServerDoor.load(wasm);
        againstARealOrigin(
                dir,
                manifest ->
                        TestHost.builder().manifest(manifest).localServer(door).build());
    }

    @Test
    void theProgramInProcessReadsTheChunkedTrailersARealOriginSent(@TempDir Path dir) throws Exception {
        againstARealOrigin(dir, manifest -> {
            TestHost host = TestHost.builder().manifest(manifest).build();
            host.program(Main::main);
            return host;
        });
    }

    private static void againstARealOrigin(Path dir, java.util.function.Function<Path, TestHost> door)
            throws IOException {
        try (ServerSocket origin = new ServerSocket(0, 16, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> serve(origin), "trailers-origin");
            server.setDaemon(true);
            server.start();
            Path manifest = dir.resolve("fastly.toml");
            Files.writeString(
                    manifest,
                    "manifest_version = 3\nname = \"conformance\"\n[local_server.backends.origin]\nurl ="
                            + " \"http://127.0.0.1:" + origin.getLocalPort() + "/\"\n");
            try (TestHost host = door.apply(manifest)) {
                host.get("/backend-trailers").send().assertThat().hasStatus(200).hasBody(Scenarios.BACKEND_TRAILERS);
            }
        }
    }

    /** Answers every request on every connection until the socket closes. */
    private static void serve(ServerSocket origin) {
        while (!origin.isClosed()) {
            try {
                Socket s = origin.accept();
                Thread t = new Thread(() -> answer(s), "trailers-origin-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void answer(Socket s) {
        try (s;
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream()) {
            String head;
            while ((head = head(in)) != null) {
                String path = head.split(" ", 3)[1];
                String answer = path.equals("/with-trailers")
                        ? "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTrailer: X-Checksum, Server-Timing\r\n\r\n"
                                + "13\r\nbody with trailers\n\r\n0\r\nX-Checksum: abc123\r\nServer-Timing: db;dur=4\r\n"
                                + "Server-Timing: render;dur=1\r\n\r\n"
                        : "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nplain\n";
                out.write(answer.getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** A request head (GETs only, so no body follows), or null at the end of the connection. */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            bytes.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return bytes.toString(StandardCharsets.US_ASCII);
            }
        }
        return null;
    }
}
