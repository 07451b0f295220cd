package io.github.computejava.testkit.wasm;

import io.github.computejava.fsthttp.Headers;
import io.github.computejava.host.HostEngine;
import io.github.computejava.host.LogSink;
import io.github.computejava.host.backend.Origin;
import io.github.computejava.server.LocalServer;
import io.github.computejava.server.WasmProgram;
import io.github.computejava.testkit.WasmDoor;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.EarlyHintsProtocolHandler;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;

/**
 * The Wasm door of a {@code TestHost}: {@code main.wasm} served over HTTP on loopback by the local server, whose
 * engine is the host's (virtual clock, scripted backends, stores). Client requests travel over HTTP with Jetty's
 * client, so what a test sees is what a real client gets.
 *
 * <pre>{@code
 * static final LocalServerDoor MAIN = LocalServerDoor.load(Path.of("bin/main.wasm")); // compiled once
 * try (TestHost host = TestHost.builder().localServer(MAIN).build()) { ... }
 * }</pre>
 */
public final class LocalServerDoor implements WasmDoor {
    private static final long TIMEOUT_SECONDS = 60;
    private static final int MAX_CONNECTIONS = 256;

    private final WasmProgram program;
    /** How many instances each host's server runs at once, 0 for the local server's default. */
    private final int maxInstances;

    private LocalServerDoor(WasmProgram program, int maxInstances) {
        this.program = program;
        this.maxInstances = maxInstances;
    }

    /**
     * This door with each host's server running at most {@code max} instances at once (the local server's {@code
     * max_instances}; its default suits a program that mostly computes): for a test that keeps more requests waiting
     * at once, such as many requests collapsing on cache lookups.
     *
     * @param max how many instances may run at once
     * @return the door
     * @throws IllegalArgumentException if not positive
     */
    public LocalServerDoor withMaxInstances(int max) {
        if (max <= 0) {
            throw new IllegalArgumentException("max instances must be positive, got " + max);
        }
        return new LocalServerDoor(program, max);
    }

    /**
     * Loads and compiles a module, ready to serve for many hosts.
     *
     * @param mainWasm the module, such as {@code bin/main.wasm}
     * @return its door
     * @throws IllegalStateException if the module cannot be loaded
     * @throws NullPointerException if {@code mainWasm} is null
     */
    public static LocalServerDoor load(Path mainWasm) {
        Objects.requireNonNull(mainWasm, "mainWasm");
        try {
            return new LocalServerDoor(WasmProgram.load(mainWasm, WasmProgram.Execution.COMPILED), 0);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot load " + mainWasm + " for the local server: " + e.getMessage(), e);
        }
    }

    /**
     * A door for a program the test loaded itself.
     *
     * @param program the loaded program
     * @return its door
     * @throws NullPointerException if {@code program} is null
     */
    public static LocalServerDoor of(WasmProgram program) {
        return new LocalServerDoor(Objects.requireNonNull(program, "program"), 0);
    }

    @Override
    public Session open(HostEngine.Builder engine, Origin origin, LogSink logs) {
        return new Served(program, maxInstances, engine, origin, logs);
    }

    /** Found by {@code TestHost.Builder.localServer(Path)} through {@link java.util.ServiceLoader}. */
    public static final class Provider implements WasmDoor.Provider {
        @Override
        public WasmDoor load(Path mainWasm) {
            return LocalServerDoor.load(mainWasm);
        }
    }

    /** The request attribute collecting a request's 103 responses. */
    private static final String EARLY_HINTS = LocalServerDoor.class.getName() + ".earlyHints";

    /** Jetty's handling of 103 responses, which keeps each one's fields in its request's {@link #EARLY_HINTS}. */
    private static final class HintsHandler extends EarlyHintsProtocolHandler {
        @Override
        @SuppressWarnings("unchecked")
        protected void onEarlyHints(Request request, HttpFields fields) {
            Object hints = request.getAttributes().get(EARLY_HINTS);
            if (hints != null) {
                Headers h = new Headers();
                for (HttpField f : fields) {
                    h.add(f.getName(), f.getValue());
                }
                ((List<Headers>) hints).add(h);
            }
        }
    }

    /** The program served for one host. */
    private static final class Served implements Session {
        private final LocalServer server;
        private final HttpClient client;

        Served(WasmProgram program, int maxInstances, HostEngine.Builder engine, Origin origin, LogSink logs) {
            LocalServer.Builder builder = LocalServer.builder();
            if (maxInstances > 0) {
                builder.maxConcurrentGuests(maxInstances);
            }
            this.server = builder.program(program)
                    .engine(engine)
                    .origin(origin)
                    .logSink(logs)
                    .address(new InetSocketAddress("127.0.0.1", 0))
                    // as on the JVM door, where the program's output goes to System.out and System.err
                    .output(
                            new PrintStream(new CurrentStream(false), true, StandardCharsets.UTF_8),
                            new PrintStream(new CurrentStream(true), true, StandardCharsets.UTF_8))
                    .exposeRequestIds()
                    .build();
            // the test reads response header values exactly as the local server sent them
            HttpClientTransportOverHTTP transport = new HttpClientTransportOverHTTP();
            transport.setHeaderCacheCaseSensitive(true);
            this.client = new HttpClient(transport);
            client.setFollowRedirects(false);
            client.setUserAgentField(null);
            // as many concurrent requests as the server runs guests, not the client's default of 64 per server
            client.setMaxConnectionsPerDestination(MAX_CONNECTIONS);
            try {
                server.start();
                client.start();
                // keep each 103 Early Hints the server sends, for TestResponse.earlyHints() (after start, which
                // installs Jetty's own handlers)
                client.getProtocolHandlers().put(new HintsHandler());
            } catch (Exception e) {
                close();
                throw new IllegalStateException("cannot start the local server for " + program.name() + ": " + e, e);
            }
        }

        @Override
        public HostEngine engine() {
            return server.engine();
        }

        @Override
        public String baseUrl() {
            String uri = server.uri().toString();
            return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        }

        @Override
        public int instancesWaitingForRequest() {
            return server.instancesWaitingForRequest();
        }

        @Override
        public boolean awaitInstancesWaitingForRequest(int count, Duration timeout) throws InterruptedException {
            return server.awaitInstancesWaitingForRequest(count, timeout);
        }

        @Override
        public Reply send(String method, String url, Headers headers, byte[] body) {
            InputStreamResponseListener listener = new InputStreamResponseListener();
            Response response = start(method, url, headers, body, listener, TIMEOUT_SECONDS);
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
            java.util.concurrent.CompletableFuture<io.github.computejava.host.ResourceUsage> usage = null;
            for (HttpField f : response.getHeaders()) {
                if (f.getName().equalsIgnoreCase(LocalServer.REQUEST_ID_FIELD)) {
                    usage = server.usage(f.getValue());
                    continue;
                }
                received.add(f.getName(), f.getValue());
                streamed |= f.getName().equalsIgnoreCase("Transfer-Encoding");
            }
            if (usage == null) {
                usage = java.util.concurrent.CompletableFuture.failedFuture(
                        new IllegalStateException("the local server kept no usage for this request"));
            }
            Headers trailers = new Headers();
            if (response.getTrailers() != null) {
                for (HttpField f : response.getTrailers()) {
                    trailers.add(f.getName(), f.getValue());
                }
            }
            return new Reply(
                    response.getStatus(),
                    received,
                    out.toByteArray(),
                    streamed,
                    complete,
                    usage,
                    hints(response),
                    trailers);
        }

        @Override
        public StreamedReply sendStreaming(String method, String url, Headers headers, byte[] body) {
            InputStreamResponseListener listener = new InputStreamResponseListener();
            // no total timeout: the body may take as long as the test makes it take
            Response response = start(method, url, headers, body, listener, 0);
            Headers received = new Headers();
            for (HttpField f : response.getHeaders()) {
                if (f.getName().equalsIgnoreCase(LocalServer.REQUEST_ID_FIELD)) {
                    // what the instance used is not kept for streamed exchanges
                    server.usage(f.getValue());
                    continue;
                }
                received.add(f.getName(), f.getValue());
            }
            return new StreamedReply(response.getStatus(), received, new ZeroLengthReads(listener.getInputStream()));
        }

        /** Writes to whatever {@code System.out} or {@code System.err} is at the time, as a test may replace them. */
        private static final class CurrentStream extends OutputStream {
            private final boolean err;

            CurrentStream(boolean err) {
                this.err = err;
            }

            @Override
            public void write(int b) {
                (err ? System.err : System.out).write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                (err ? System.err : System.out).write(b, off, len);
            }

            @Override
            public void flush() {
                (err ? System.err : System.out).flush();
            }
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
        /** The 103 responses the client saw before the final one, collected by {@link HintsHandler}. */
        @SuppressWarnings("unchecked")
        private static List<Headers> hints(Response response) {
            Object hints = response.getRequest().getAttributes().get(EARLY_HINTS);
            return hints == null ? List.of() : List.copyOf((List<Headers>) hints);
        }

        private Response start(
                String method,
                String url,
                Headers headers,
                byte[] body,
                InputStreamResponseListener listener,
                long timeoutSeconds) {
            Request r =
                    client.newRequest(url).method(method).attribute(EARLY_HINTS, new CopyOnWriteArrayList<Headers>());
            if (timeoutSeconds > 0) {
                r.timeout(timeoutSeconds, TimeUnit.SECONDS);
            }
            r.headers(h -> {
                for (String name : headers.names()) {
                    for (String value : headers.values(name)) {
                        h.add(name, value);
                    }
                }
            });
            if (body.length > 0) {
                r.body(new BytesRequestContent(body));
            }
            r.send(listener);
            try {
                return listener.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(
                        "the local server gave no response to " + method + " " + url + ": " + e, e);
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
}
