package io.github.computejava.testkit;

import io.github.computejava.fsthttp.Headers;
import io.github.computejava.host.HostEngine;
import io.github.computejava.host.LogSink;
import io.github.computejava.host.Origin;
import io.github.computejava.server.LocalServer;
import io.github.computejava.server.WasmProgram;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpField;

/**
 * The Wasm door of a {@link TestHost}: {@code main.wasm} served over HTTP on loopback by the local server, whose
 * engine is the host's (virtual clock, scripted backends, stores). Client requests travel over HTTP with Jetty's
 * client, so what a test sees is what a real client gets.
 */
final class LocalServerDoor implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 60;
    private static final int MAX_CONNECTIONS = 256;

    private final LocalServer server;
    private final HttpClient client;

    /** Loads and compiles a module for the local server. */
    static WasmProgram load(Path mainWasm) {
        try {
            return WasmProgram.load(mainWasm, WasmProgram.Execution.COMPILED);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot load " + mainWasm + " for the local server: " + e.getMessage(), e);
        }
    }

    /** The local server this door sends to. */
    LocalServer server() {
        return server;
    }

    LocalServerDoor(WasmProgram program, HostEngine.Builder engine, Origin origin, LogSink logs) {
        this.server = LocalServer.builder()
                .program(program)
                .engine(engine)
                .origin(origin)
                .logSink(logs)
                .address(new InetSocketAddress("127.0.0.1", 0))
                .exposeRequestIds()
                .build();
        this.client = new HttpClient();
        client.setFollowRedirects(false);
        client.setUserAgentField(null);
        // as many concurrent requests as the server runs guests, not the client's default of 64 per server
        client.setMaxConnectionsPerDestination(MAX_CONNECTIONS);
        try {
            server.start();
            client.start();
        } catch (Exception e) {
            close();
            throw new IllegalStateException("cannot start the local server for " + program.name() + ": " + e, e);
        }
    }

    HostEngine engine() {
        return server.engine();
    }

    /** {@code http://127.0.0.1:PORT}. */
    String baseUrl() {
        String uri = server.uri().toString();
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    TestResponse send(TestRequest request) {
        InputStreamResponseListener listener = new InputStreamResponseListener();
        Response response = start(request, listener, TIMEOUT_SECONDS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean complete = true;
        try (InputStream in = listener.getInputStream()) {
            byte[] buf = new byte[16384];
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            // the program abandoned its streamed body: the server ended the response early
            complete = false;
        }
        Headers received = new Headers();
        boolean streamed = false;
        String requestId = null;
        for (HttpField f : response.getHeaders()) {
            if (f.getName().equalsIgnoreCase(LocalServer.REQUEST_ID_FIELD)) {
                requestId = f.getValue();
                continue;
            }
            received.add(f.getName(), f.getValue());
            streamed |= f.getName().equalsIgnoreCase("Transfer-Encoding");
        }
        TestResponse answer = new TestResponse(
                request.method() + " " + request.url(),
                true,
                response.getStatus(),
                received,
                out.toByteArray(),
                streamed,
                complete,
                List.of());
        java.util.concurrent.CompletableFuture<io.github.computejava.host.ResourceUsage> usage =
                requestId == null ? null : server.usage(requestId);
        if (usage != null) {
            answer.usage(usage);
        }
        return answer;
    }

    /** Sends a request and returns once the response head arrives, its body read as it arrives. */
    StreamingResponse sendStreaming(TestRequest request) {
        InputStreamResponseListener listener = new InputStreamResponseListener();
        // no total timeout: the body may take as long as the test makes it take
        Response response = start(request, listener, 0);
        Headers received = new Headers();
        for (HttpField f : response.getHeaders()) {
            if (f.getName().equalsIgnoreCase(LocalServer.REQUEST_ID_FIELD)) {
                // what the instance used is not kept for streamed exchanges
                server.usage(f.getValue());
                continue;
            }
            received.add(f.getName(), f.getValue());
        }
        return new StreamingResponse(
                request.method() + " " + request.url(),
                response.getStatus(),
                received,
                new ZeroLengthReads(listener.getInputStream()));
    }

    /**
     * Jetty's response stream blocks on a read of zero bytes, which {@link InputStream#readNBytes} makes at the
     * end of a buffer; the contract is to return 0 at once.
     */
    private static final class ZeroLengthReads extends FilterInputStream {
        ZeroLengthReads(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            return len == 0 ? 0 : super.read(b, off, len);
        }
    }

    /** Sends a request; returns its response head. A positive timeout bounds the whole exchange. */
    private Response start(TestRequest request, InputStreamResponseListener listener, long timeoutSeconds) {
        Request r = client.newRequest(request.url()).method(request.method());
        if (timeoutSeconds > 0) {
            r.timeout(timeoutSeconds, TimeUnit.SECONDS);
        }
        Headers headers = request.rawHeaders();
        r.headers(h -> {
            for (String name : headers.names()) {
                for (String value : headers.values(name)) {
                    h.add(name, value);
                }
            }
        });
        byte[] body = request.rawBody();
        if (body.length > 0) {
            r.body(new BytesRequestContent(body));
        }
        r.send(listener);
        try {
            return listener.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the local server gave no response to " + request + ": " + e, e);
        }
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            throw new UncheckedIOException(new IOException("cannot stop the HTTP client: " + e, e));
        } finally {
            server.close();
        }
    }
}
