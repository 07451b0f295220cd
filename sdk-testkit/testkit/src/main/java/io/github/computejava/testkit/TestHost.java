package io.github.computejava.testkit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.computejava.abi.Hostcalls;
import io.github.computejava.fsthttp.CacheOptions;
import io.github.computejava.fsthttp.Compute;
import io.github.computejava.fsthttp.Handler;
import io.github.computejava.fsthttp.Headers;
import io.github.computejava.host.DownstreamRequest;
import io.github.computejava.host.DownstreamResponder;
import io.github.computejava.host.HostEngine;
import io.github.computejava.host.LogSink;
import io.github.computejava.host.ProgramEnd;
import io.github.computejava.host.Sandbox;
import io.github.computejava.host.Timeline;
import io.github.computejava.host.backend.Backend;
import io.github.computejava.host.backend.JettyOrigin;
import io.github.computejava.host.backend.Origin;
import io.github.computejava.host.config.ConfigException;
import io.github.computejava.host.config.LocalServerConfig;
import io.github.computejava.host.edge.AccessControlList;
import io.github.computejava.host.edge.Geolocation;
import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.RequestHead;
import io.github.computejava.host.http.ResponseHead;
import io.github.computejava.host.store.KvStore;
import io.github.computejava.internal.Host;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A fake Fastly host for one test: the real host engine (the same one the local server runs {@code main.wasm}
 * on) with a {@link VirtualClock}, scripted backends, and the program under test running in-process on the
 * JVM, through the same SDK code that ships in {@code main.wasm}.
 *
 * <p>Script, run, verify:
 *
 * <pre>{@code
 * @ComputeTest
 * class ProxyTest {
 *     @Test
 *     void stampsTheRequest(TestHost host) {
 *         host.program(Main::main);
 *         host.backend("origin").respond(MockResponse.ok("hello"));
 *
 *         TestResponse response = host.get("/").send();
 *
 *         response.assertThat().hasStatus(200).hasBody("hello");
 *         host.backend("origin").lastRequest().assertThat().hasHeader("TheTime");
 *     }
 * }
 * }</pre>
 *
 * <p>Each host has its own engine, clock, backends and stores; nothing is shared between hosts, so tests may
 * run in parallel. Requests run on the calling thread ({@link TestRequest#send()}) or on the host's threads
 * ({@link TestRequest#sendAsync()}). Close the host when done (the JUnit extension does).
 */
public final class TestHost implements AutoCloseable {
    private static final String[] NO_ARGS = new String[0];
    private static final long STREAMING_HEAD_TIMEOUT_SECONDS = 60;

    private final VirtualClock clock;
    private final HostEngine engine;
    private final Origin httpOrigin;
    private final Map<String, TestBackend> backends = new ConcurrentHashMap<>();
    private final List<RecordedRequest> recorded = new ArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<String, List<String>> logs = new ConcurrentHashMap<>();
    private final List<Throwable> responderFailures = new CopyOnWriteArrayList<>();
    private final ExecutorService threads;
    private final WasmDoor.Session door;
    private volatile Program program;
    private volatile String baseUrl = "http://localhost";
    private volatile boolean closed;

    private TestHost(Builder b) {
        this.clock = b.clock;
        this.httpOrigin = b.httpOrigin != null ? b.httpOrigin : new JettyOrigin();
        LogSink sink = (endpoint, line) -> {
            List<String> lines = logs.computeIfAbsent(endpoint, e -> new ArrayList<>());
            synchronized (lines) {
                lines.add(line);
            }
        };
        HostEngine.Builder engineBuilder = HostEngine.builder()
                .clock(clock)
                .timeline(Timeline.virtual(clock, due -> clock.advance(Duration.between(clock.instant(), due))))
                .requestHistory(b.requestHistory);
        if (b.manifest != null) {
            b.manifest.applyTo(engineBuilder, clock);
        }
        b.environment.forEach(engineBuilder::environment);
        if (!b.geolocation.isEmpty()) {
            Geolocation base = b.manifest != null ? b.manifest.geolocation() : Geolocation.DEFAULT;
            engineBuilder.geolocation(base.with(b.geolocation));
        }
        if (b.wasmDoor != null || b.wasmFile != null) {
            WasmDoor wasm = b.wasmDoor != null ? b.wasmDoor : findDoor(b.wasmFile);
            this.door = wasm.open(engineBuilder, new TestOrigin(this), sink);
            this.engine = door.engine();
            this.baseUrl = door.baseUrl();
        } else {
            this.door = null;
            this.engine =
                    engineBuilder.origin(new TestOrigin(this)).logSink(sink).build();
        }
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "compute-testkit");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A host with default settings: the clock at {@link VirtualClock#DEFAULT_START}, no backends, no stores.
     *
     * @return a new host; close it when done
     */
    public static TestHost create() {
        return builder().build();
    }

    /**
     * A builder for a host with its own clock or environment.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    // ---- the program under test

    /**
     * Runs this handler for each request, through {@code Compute.serve}.
     *
     * @param handler the handler
     * @return this host
     * @throws IllegalStateException if the host serves {@code main.wasm} ({@link Builder#localServer})
     * @throws NullPointerException if {@code handler} is null
     */
    public TestHost handler(Handler handler) {
        Objects.requireNonNull(handler, "handler");
        checkInProcess();
        this.program = args -> Compute.serve(handler);
        return this;
    }

    /**
     * Runs a program's {@code main} for each request, as Fastly runs {@code main.wasm}: {@code
     * host.program(Main::main)}.
     *
     * @param program the entry point
     * @return this host
     * @throws IllegalStateException if the host serves {@code main.wasm} ({@link Builder#localServer})
     * @throws NullPointerException if {@code program} is null
     */
    public TestHost program(Program program) {
        Objects.requireNonNull(program, "program");
        checkInProcess();
        this.program = program;
        return this;
    }

    // ---- backends

    /**
     * The backend of this name, defined now (as one in {@code fastly.toml} is) if it was not yet.
     *
     * @param name the backend name
     * @return the backend, to script and to inspect
     * @throws IllegalArgumentException if {@code name} is empty
     * @throws NullPointerException if {@code name} is null
     */
    public TestBackend backend(String name) {
        checkName(name);
        TestBackend b = backends.computeIfAbsent(name, n -> new TestBackend(this, n, false));
        if (!b.dynamic() && engine.backend(name) == null) {
            engine.putBackend(Backend.builder(name).build());
        }
        return b;
    }

    /**
     * Scripts a backend the program registers at run time ({@code Backend.register}): requests to it, once
     * registered, get these answers instead of going to its target.
     *
     * @param name the name the program will register
     * @return the backend, to script and to inspect
     * @throws IllegalArgumentException if {@code name} is empty or already a static backend
     * @throws NullPointerException if {@code name} is null
     */
    public TestBackend dynamicBackend(String name) {
        checkName(name);
        Backend existing = engine.backend(name);
        if (existing != null && !existing.dynamic()) {
            throw new IllegalArgumentException("name: '" + name + "' is already a static backend");
        }
        return backends.computeIfAbsent(name, n -> new TestBackend(this, n, true));
    }

    /**
     * Allows or forbids the program to register dynamic backends (allowed unless forbidden; Fastly enables
     * them per service).
     *
     * @param allowed false to make registration fail as on a service without dynamic backends
     * @return this host
     */
    public TestHost allowDynamicBackends(boolean allowed) {
        engine.allowDynamicBackends(allowed);
        return this;
    }

    /**
     * Every request that reached any backend, in order.
     *
     * @return an unmodifiable snapshot
     */
    public List<RecordedRequest> backendRequests() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    /**
     * Forgets the requests every backend recorded so far.
     *
     * @return this host
     */
    public TestHost clearBackendRequests() {
        synchronized (recorded) {
            recorded.clear();
        }
        backends.values().forEach(TestBackend::clearRequests);
        return this;
    }

    // ---- stores, logs, clock

    /**
     * Defines (or replaces) a config store.
     *
     * @param name the store name
     * @param entries its keys and values (copied)
     * @return this host
     * @throws NullPointerException if an argument is null
     */
    public TestHost configStore(String name, Map<String, String> entries) {
        Objects.requireNonNull(entries, "entries");
        engine.putConfigStore(checkName(name), entries);
        return this;
    }

    /**
     * Defines (or replaces) an ACL that {@code Acl.open} opens by this name, from its JSON form as Fastly's API
     * and {@code [local_server.acls]} files take it:
     *
     * <pre>{@code
     * host.acl("blocklist", "{\"entries\": [{\"prefix\": \"192.0.2.0/24\", \"action\": \"BLOCK\"}]}");
     * }</pre>
     *
     * @param name the ACL name
     * @param json {@code {"entries": [{"prefix": "ADDRESS/MASK", "action": "ALLOW" or "BLOCK"}, ...]}}
     * @return this host
     * @throws IllegalArgumentException if {@code name} is empty, or naming the entry and the problem when {@code
     *     json} is malformed
     * @throws NullPointerException if an argument is null
     */
    public TestHost acl(String name, String json) {
        engine.putAcl(checkName(name), AccessControlList.parse(Objects.requireNonNull(json, "json")));
        return this;
    }

    /**
     * Seeds what the client requests from now on report of their connection beyond plain HTTP, on either door:
     * TLS protocol, cipher and SNI name, the client certificate and its verification result, the ClientHello, JA3,
     * JA4, HTTP/2 and original-header fingerprints, the DDoS flag and whether the {@code Fastly-Key} is valid (the
     * SDK's {@code Request.clientInfo()}). Without it, they report what plain HTTP knows: none of them.
     *
     * <pre>{@code
     * host.clientConnection(ClientConnection.builder().tlsProtocol("TLSv1.3").ja4("t13d1516h2_8daaf6152771").build());
     * }</pre>
     *
     * @param connection what the connection reports
     * @return this host
     * @throws NullPointerException if {@code connection} is null
     */
    public TestHost clientConnection(io.github.computejava.host.ClientConnection connection) {
        engine.clientConnection(Objects.requireNonNull(connection, "connection"));
        return this;
    }

    /**
     * The KV store of this name, created empty if it does not exist: seed it with {@code insert}, inspect what
     * the program wrote with {@code lookup}. Time to live runs on the virtual clock.
     *
     * @param name the store name
     * @return the store
     * @throws IllegalArgumentException if {@code name} is empty
     * @throws NullPointerException if {@code name} is null
     */
    public KvStore kvStore(String name) {
        return engine.putKvStore(checkName(name));
    }

    /**
     * Defines a KV store holding UTF-8 values (adding to it if it exists).
     *
     * @param name the store name
     * @param entries keys and values
     * @return this host
     * @throws IllegalArgumentException if {@code name} is empty or a key is not a valid KV key
     * @throws NullPointerException if an argument is null
     */
    public TestHost kvStore(String name, Map<String, String> entries) {
        Objects.requireNonNull(entries, "entries");
        KvStore store = kvStore(name);
        entries.forEach((k, v) -> {
            if (!KvStore.isValidKey(k)) {
                throw new IllegalArgumentException("entries: '" + k + "' is not a valid KV key");
            }
            store.insert(
                    k,
                    v.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    KvStore.InsertMode.OVERWRITE,
                    null,
                    null,
                    null);
        });
        return this;
    }

    /**
     * Defines (or replaces) a secret store with UTF-8 plaintexts.
     *
     * @param name the store name
     * @param secrets secret names and plaintexts
     * @return this host
     * @throws IllegalArgumentException if {@code name} is empty
     * @throws NullPointerException if an argument is null
     */
    public TestHost secretStore(String name, Map<String, String> secrets) {
        Objects.requireNonNull(secrets, "secrets");
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        secrets.forEach((k, v) -> bytes.put(k, v.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        engine.putSecretStore(checkName(name), bytes);
        return this;
    }

    /**
     * The lines the program wrote to a log endpoint, in order.
     *
     * @param endpoint the endpoint name
     * @return an unmodifiable snapshot, empty when nothing was written
     * @throws NullPointerException if {@code endpoint} is null
     */
    public List<String> logs(String endpoint) {
        List<String> lines = logs.get(Objects.requireNonNull(endpoint, "endpoint"));
        if (lines == null) {
            return List.of();
        }
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /**
     * Every log endpoint written to, with its lines.
     *
     * @return an unmodifiable snapshot
     */
    public Map<String, List<String>> logs() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        logs.forEach((k, v) -> {
            synchronized (v) {
                copy.put(k, List.copyOf(v));
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    /**
     * The host's clock; advance it to age cached objects.
     *
     * @return the clock
     */
    public VirtualClock clock() {
        return clock;
    }

    /**
     * Purges every cached object (readthrough, simple and core cache alike) carrying a surrogate key, as Fastly's
     * purge API does.
     *
     * @param surrogateKey the key
     * @param soft mark the objects stale instead of removing them
     * @return how many objects were purged
     * @throws NullPointerException if {@code surrogateKey} is null
     */
    public int purgeSurrogateKey(String surrogateKey, boolean soft) {
        return engine.readthrough().purgeSurrogateKey(Objects.requireNonNull(surrogateKey, "surrogateKey"), soft);
    }

    /**
     * Removes the readthrough cache's objects (every variant) for a URL, as the purge API's purge by URL does.
     *
     * @param url the absolute URL, such as {@code http://localhost/a}
     * @return how many objects were removed
     * @throws NullPointerException if {@code url} is null
     */
    public int purgeUrl(String url) {
        return engine.readthrough().purgeUrl(Objects.requireNonNull(url, "url"));
    }

    /**
     * Removes every object of the readthrough cache, as the purge API's purge all does.
     *
     * @return how many objects were removed
     */
    public int purgeAll() {
        return engine.readthrough().purgeAll();
    }

    /**
     * Waits until the host does nothing in the background: no cache body still being copied from an origin and
     * no {@code stale-while-revalidate} revalidation still running.
     *
     * @param timeout the longest to wait
     * @return false if work was still running when the timeout passed
     * @throws InterruptedException if interrupted while waiting
     * @throws NullPointerException if {@code timeout} is null
     */
    public boolean awaitBackgroundWork(Duration timeout) throws InterruptedException {
        return engine.readthrough().awaitBackgroundWork(Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * The engine behind this host, for what the testkit does not wrap (such as the cache store's contents).
     *
     * @return the engine
     */
    public HostEngine engine() {
        return engine;
    }

    /**
     * How many instances of the program wait for another client request ({@code Compute.serveMany}). On the JVM
     * door each request is a run of its own, so none ever waits.
     *
     * @return the number of waiting instances
     */
    public int instancesWaitingForRequest() {
        return door == null ? 0 : door.instancesWaitingForRequest();
    }

    /**
     * Waits until exactly {@code count} instances of the program wait for another client request (on the Wasm
     * door, where {@code Compute.serveMany} keeps an instance between requests). A test that checks what an
     * instance remembers waits with this instead of sleeping.
     *
     * @param count the number of waiting instances to wait for
     * @param timeout the longest to wait
     * @return false if the count was not reached in time
     * @throws IllegalArgumentException if {@code count} is negative
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitInstancesWaitingForRequest(int count, Duration timeout) throws InterruptedException {
        if (count < 0) {
            throw new IllegalArgumentException("count: must not be negative, was " + count);
        }
        Objects.requireNonNull(timeout, "timeout");
        return door == null ? count == 0 : door.awaitInstancesWaitingForRequest(count, timeout);
    }

    /**
     * Waits until {@code count} cache lookups (readthrough, simple or core cache) wait behind another request's
     * cache fill, so a collapsing test knows every request has arrived before it lets the fill go on.
     *
     * @param count the number of waiting lookups to wait for
     * @param timeout the longest to wait
     * @return false if the count was not reached in time
     * @throws IllegalArgumentException if {@code count} is negative
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitWaitingLookups(int count, Duration timeout) throws InterruptedException {
        if (count < 0) {
            throw new IllegalArgumentException("count: must not be negative, was " + count);
        }
        return engine.cacheStore().awaitWaitingLookups(count, Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * Sets the scheme and authority relative request targets are resolved against.
     *
     * @param baseUrl such as {@code https://www.example.com}
     * @return this host
     * @throws IllegalArgumentException unless it is an http or https URL
     * @throws NullPointerException if {@code baseUrl} is null
     */
    public TestHost baseUrl(String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!(baseUrl.startsWith("http://") || baseUrl.startsWith("https://")) || baseUrl.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("baseUrl: '" + baseUrl + "' is not an http or https URL");
        }
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return this;
    }

    // ---- client requests

    /**
     * A client request to build and send.
     *
     * @param method the HTTP method
     * @param target a path such as {@code /a?b=c}, or an absolute URL
     * @return the request
     * @throws IllegalArgumentException if the method is not an HTTP token or the target is not a path or URL
     * @throws NullPointerException if an argument is null
     */
    public TestRequest request(String method, String target) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        if (method.isEmpty() || !HeaderList.isValidName(method)) {
            throw new IllegalArgumentException("method: '" + method + "' is not an HTTP method");
        }
        String url;
        if (target.startsWith("http://") || target.startsWith("https://")) {
            url = target;
        } else if (target.startsWith("/")) {
            url = baseUrl + target;
        } else {
            throw new IllegalArgumentException("target: '" + target + "' is neither a path nor an absolute URL");
        }
        for (int i = 0; i < url.length(); i++) {
            if (url.charAt(i) <= ' ' || url.charAt(i) >= 0x7F) {
                throw new IllegalArgumentException("target: must not contain spaces, controls or non-ASCII");
            }
        }
        return new TestRequest(this, method, url);
    }

    /**
     * A {@code GET} request.
     *
     * @param target a path or an absolute URL
     * @return the request
     * @throws IllegalArgumentException if the target is not a path or URL
     * @throws NullPointerException if {@code target} is null
     */
    public TestRequest get(String target) {
        return request("GET", target);
    }

    /**
     * A {@code POST} request with a UTF-8 body.
     *
     * @param target a path or an absolute URL
     * @param body the body
     * @return the request
     * @throws IllegalArgumentException if the target is not a path or URL
     * @throws NullPointerException if an argument is null
     */
    public TestRequest post(String target, String body) {
        return request("POST", target).body(body);
    }

    /** Releases the engine and the host's threads. Closing twice is harmless. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (door != null) {
            door.close();
        } else {
            engine.close();
        }
        if (httpOrigin instanceof AutoCloseable) {
            try {
                ((AutoCloseable) httpOrigin).close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
        threads.shutdownNow();
    }

    private void checkInProcess() {
        if (door != null) {
            throw new IllegalStateException("this host serves main.wasm on the local server; its program is the"
                    + " module, not a Java handler");
        }
    }

    /** The Wasm door on the classpath, for a host built with {@link Builder#localServer(Path)}. */
    private static WasmDoor findDoor(Path mainWasm) {
        for (WasmDoor.Provider provider : ServiceLoader.load(WasmDoor.Provider.class)) {
            return provider.load(mainWasm);
        }
        throw new IllegalStateException("serving " + mainWasm + " on the local server needs the Wasm door: add"
                + " io.github.computejava:compute-java-testkit-wasm to the test dependencies");
    }

    // ---- running the program

    TestResponse run(TestRequest request) {
        if (closed) {
            throw new IllegalStateException("this TestHost is closed");
        }
        if (door != null) {
            int failuresBefore = responderFailures.size();
            checkLoopbackClient(request);
            WasmDoor.Reply reply = door.send(request.method(), request.url(), request.rawHeaders(), request.rawBody());
            TestResponse response = new TestResponse(
                    request.method() + " " + request.url(),
                    true,
                    reply.status(),
                    reply.headers(),
                    reply.body(),
                    reply.streamed(),
                    reply.complete(),
                    List.of());
            response.usage(reply.usage());
            response.earlyHints(reply.earlyHints());
            response.trailers(reply.trailers());
            checkResponders(failuresBefore);
            return response;
        }
        Program p = checkProgram();
        int failuresBefore = responderFailures.size();
        Capture capture = new Capture();
        List<Throwable> uncaught = new ArrayList<>();
        boolean responded = execute(p, request, capture, uncaught);
        TestResponse response = capture.toResponse(request, responded, uncaught);
        response.usage(CompletableFuture.completedFuture(capture.usage));
        response.earlyHints(capture.earlyHints);
        response.trailers(capture.trailers());
        checkResponders(failuresBefore);
        return response;
    }

    /** A request to the local server comes over loopback: its client address is not the test's to set. */
    private static void checkLoopbackClient(TestRequest request) {
        if (!java.util.Arrays.equals(request.rawClientAddress(), new byte[] {127, 0, 0, 1})) {
            throw new IllegalStateException(
                    "a request to the local server comes from 127.0.0.1; the client address cannot be set");
        }
    }

    private Program checkProgram() {
        Program p = program;
        if (p == null) {
            throw new IllegalStateException(
                    "no program to run: call host.handler(...) or host.program(Main::main) first");
        }
        return p;
    }

    /** Runs the program for one request; returns whether it answered, and adds what it threw to {@code uncaught}. */
    private boolean execute(Program p, TestRequest request, DownstreamResponder responder, List<Throwable> uncaught) {
        RequestHead head = new RequestHead(request.method(), request.url(), toHeaderList(request));
        List<Throwable> thrown = new ArrayList<>();
        boolean[] responded = new boolean[1];
        // the engine runs the request's lifecycle: a 200 for a program that ends without answering, a 500 for one
        // that fails, the finish
        Sandbox sandbox = engine.serve(
                new DownstreamRequest(
                        head, BodyBuffer.of(request.rawBody()), request.rawClientAddress(), new byte[] {127, 0, 0, 1}),
                responder,
                s -> {
                    Hostcalls previous = Host.attach(s);
                    try {
                        p.main(NO_ARGS);
                    } catch (Throwable t) {
                        thrown.add(t);
                    } finally {
                        Host.attach(previous);
                        responded[0] = s.responded();
                    }
                    return thrown.isEmpty() ? ProgramEnd.normal() : ProgramEnd.failed(500, "", List.of());
                });
        if (responder instanceof Capture) {
            ((Capture) responder).usage = sandbox.usage();
        }
        uncaught.addAll(sandbox.uncaughtExceptions());
        uncaught.addAll(thrown);
        return responded[0];
    }

    StreamingResponse runStreaming(TestRequest request) {
        if (closed) {
            throw new IllegalStateException("this TestHost is closed");
        }
        if (door != null) {
            checkLoopbackClient(request);
            WasmDoor.StreamedReply reply =
                    door.sendStreaming(request.method(), request.url(), request.rawHeaders(), request.rawBody());
            return new StreamingResponse(
                    request.method() + " " + request.url(), reply.status(), reply.headers(), reply.body());
        }
        Program p = checkProgram();
        String line = request.method() + " " + request.url();
        CompletableFuture<StreamingResponse> head = new CompletableFuture<>();
        DownstreamResponder responder = (h, body, streaming) -> {
            Headers headers = new Headers();
            for (String[] field : h.headers().fields()) {
                headers.add(field[0], field[1]);
            }
            InputStream in = request.method().equals("HEAD") ? InputStream.nullInputStream() : body.asInputStream();
            head.complete(new StreamingResponse(line, h.status(), headers, in));
        };
        threads.execute(() -> {
            try {
                execute(p, request, responder, new ArrayList<>());
            } catch (Throwable t) {
                head.completeExceptionally(t);
            }
        });
        try {
            return head.get(STREAMING_HEAD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the response to " + line, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("running the program for " + line + " failed: " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "no response head to " + line + " within " + STREAMING_HEAD_TIMEOUT_SECONDS + " s", e);
        }
    }

    CompletableFuture<TestResponse> runAsync(TestRequest request) {
        if (closed) {
            throw new IllegalStateException("this TestHost is closed");
        }
        return CompletableFuture.supplyAsync(() -> run(request), threads);
    }

    private void checkResponders(int before) {
        if (responderFailures.size() > before) {
            Throwable first = responderFailures.get(before);
            if (first instanceof AssertionError) {
                throw (AssertionError) first;
            }
            throw new AssertionError("a scripted backend's responder threw " + first, first);
        }
    }

    private static HeaderList toHeaderList(TestRequest request) {
        HeaderList list = new HeaderList();
        Headers headers = request.rawHeaders();
        if (!headers.contains("Host")) {
            list.append("Host", Urls.authority(request.url()));
        }
        for (String name : headers.names()) {
            for (String value : headers.values(name)) {
                list.append(name, value);
            }
        }
        return list;
    }

    // ---- the origin's callbacks

    TestBackend script(String name) {
        TestBackend b = backends.get(name);
        if (b == null) {
            Backend defined = engine.backend(name);
            b = backends.computeIfAbsent(name, n -> new TestBackend(this, n, defined != null && defined.dynamic()));
        }
        return b;
    }

    RecordedRequest record(
            String backend, RequestHead head, byte[] body, CacheOptions cacheOptions, TestBackend script) {
        Headers headers = new Headers();
        for (String[] field : head.headers().fields()) {
            headers.add(field[0], field[1]);
        }
        RecordedRequest r = new RecordedRequest(
                backend,
                head.method(),
                head.uri(),
                headers,
                body,
                cacheOptions,
                clock.instant(),
                sequence.incrementAndGet());
        synchronized (recorded) {
            recorded.add(r);
        }
        if (script != null) {
            script.record(r);
        }
        return r;
    }

    void responderFailed(String backend, Throwable t) {
        responderFailures.add(t);
    }

    Origin httpOrigin() {
        return httpOrigin;
    }

    void updateBackend(TestBackend backend, UnaryOperator<Backend.Builder> change) {
        if (backend.dynamic()) {
            throw new IllegalStateException("backend '" + backend.name()
                    + "' is registered by the program, which sets its options; script its answers only");
        }
        Backend current = engine.backend(backend.name());
        Backend.Builder b = current == null ? Backend.builder(backend.name()) : current.toBuilder();
        engine.putBackend(change.apply(b).build());
    }

    private static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name: must not be empty");
        }
        return name;
    }

    /** Receives the program's response, collecting a streamed body on a host thread as it is written. */
    private final class Capture implements DownstreamResponder {
        private io.github.computejava.host.ResourceUsage usage;
        private ResponseHead head;
        private BodyBuffer body;
        private boolean streaming;
        private Future<Collected> collector;
        private final List<Headers> earlyHints = new CopyOnWriteArrayList<>();

        @Override
        public void informational(ResponseHead head) {
            Headers h = new Headers();
            for (String[] f : head.headers().fields()) {
                h.add(f[0], f[1]);
            }
            earlyHints.add(h);
        }

        @Override
        public void respond(ResponseHead head, BodyBuffer body, boolean streaming) {
            this.head = head.copy();
            this.body = body;
            this.streaming = streaming;
            if (streaming) {
                collector = threads.submit(() -> Collected.from(body));
            }
        }

        /** The trailers that followed the body, once it was read to its end. */
        Headers trailers() {
            Headers t = new Headers();
            if (body != null && body.trailersReady()) {
                for (String[] f : body.trailers().fields()) {
                    t.add(f[0], f[1]);
                }
            }
            return t;
        }

        TestResponse toResponse(TestRequest request, boolean responded, List<Throwable> uncaught) {
            String line = request.method() + " " + request.url();
            Collected c;
            try {
                c = streaming ? collector.get() : Collected.from(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the response body", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("reading the response body failed", e.getCause());
            }
            boolean isHead = request.method().equals("HEAD");
            Headers headers = Framing.clientHeaders(head, c.bytes, streaming, c.complete, isHead, clock.millis());
            byte[] body = isHead ? new byte[0] : c.bytes;
            return new TestResponse(line, responded, head.status(), headers, body, streaming, c.complete, uncaught);
        }
    }

    /** A body read to its end, or to where the program abandoned it. */
    private static final class Collected {
        final byte[] bytes;
        final boolean complete;

        Collected(byte[] bytes, boolean complete) {
            this.bytes = bytes;
            this.complete = complete;
        }

        static Collected from(BodyBuffer body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[16384];
            try {
                int n;
                while ((n = body.read(buf, 0, buf.length)) >= 0) {
                    out.write(buf, 0, n);
                }
                return new Collected(out.toByteArray(), true);
            } catch (IOException e) {
                return new Collected(out.toByteArray(), false);
            }
        }
    }

    /** Builds a {@link TestHost}. */
    public static final class Builder {
        private VirtualClock clock = new VirtualClock();
        private Origin httpOrigin;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private WasmDoor wasmDoor;
        private Path wasmFile;
        private LocalServerConfig manifest;
        private final Map<InetAddress, JsonObject> geolocation = new LinkedHashMap<>();
        private int requestHistory;

        private Builder() {}

        /**
         * Defines what the {@code [local_server]} section of a {@code fastly.toml} defines, as the local server
         * reads it: backends (scripting one replaces its URL), config stores, KV stores, secret stores,
         * geolocation and ACLs. KV entries' time to live runs on this host's clock.
         *
         * @param fastlyToml the project's {@code fastly.toml}
         * @return this builder
         * @throws IllegalArgumentException naming the file, line and problem when the file cannot be read or is
         *     not valid
         * @throws NullPointerException if {@code fastlyToml} is null
         */
        public Builder manifest(Path fastlyToml) {
            Objects.requireNonNull(fastlyToml, "fastlyToml");
            try {
                this.manifest = LocalServerConfig.read(fastlyToml);
            } catch (ConfigException e) {
                throw new IllegalArgumentException("fastlyToml: " + e.getMessage(), e);
            }
            return this;
        }

        /**
         * Serves this {@code main.wasm} on the local server (loopback, a free port) instead of running a Java
         * program in-process: requests then travel over HTTP to the module, while backends, stores and the
         * clock stay the host's. This is the Wasm door the conformance suite runs alongside the JVM door.
         *
         * @param mainWasm the built program, such as {@code bin/main.wasm}
         * @return this builder
         * @throws NullPointerException if {@code mainWasm} is null
         */
        public Builder localServer(Path mainWasm) {
            Objects.requireNonNull(mainWasm, "mainWasm");
            this.wasmDoor = null;
            this.wasmFile = mainWasm;
            return this;
        }

        /**
         * Serves a program already loaded for the local server, as {@link #localServer(Path)} does; loading and
         * compiling a module once ({@code LocalServerDoor.load(path)} in {@code compute-java-testkit-wasm}) for
         * many hosts saves a second or so per host.
         *
         * @param door the loaded program's door
         * @return this builder
         * @throws NullPointerException if {@code door} is null
         */
        public Builder localServer(WasmDoor door) {
            this.wasmDoor = Objects.requireNonNull(door, "door");
            this.wasmFile = null;
            return this;
        }

        /**
         * Uses this clock (for example one starting at another instant).
         *
         * @param clock the clock
         * @return this builder
         * @throws NullPointerException if {@code clock} is null
         */
        public Builder clock(VirtualClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets an environment variable the program sees (such as {@code FASTLY_POP}).
         *
         * @param name the variable
         * @param value its value
         * @return this builder
         * @throws NullPointerException if an argument is null
         */
        public Builder environment(String name, String value) {
            environment.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets the geolocation {@code fastly_geo.lookup} answers for an address (and so {@code Geo.lookup} and
         * {@code Request.clientGeo()}), over what a {@link #manifest(Path) manifest} defines. Loopback addresses
         * not set here get the data of Fastly's San Francisco office, as Fastly's local tools report.
         *
         * @param address an IPv4 or IPv6 literal, such as {@code 192.0.2.1}
         * @param json the data as a JSON object, with Fastly's field names ({@code city}, {@code country_code},
         *     {@code as_number}, ...)
         * @return this builder
         * @throws IllegalArgumentException if {@code address} is not an IP literal or {@code json} is not a JSON
         *     object
         * @throws NullPointerException if an argument is null
         */
        public Builder geolocation(String address, String json) {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(json, "json");
            if (!TestRequest.isIpLiteral(address)) {
                throw new IllegalArgumentException("address: '" + address + "' is not an IP address literal");
            }
            JsonObject data;
            try {
                JsonElement parsed = JsonParser.parseString(json);
                if (!parsed.isJsonObject()) {
                    throw new IllegalArgumentException("json: not a JSON object: " + json);
                }
                data = parsed.getAsJsonObject();
            } catch (JsonParseException e) {
                throw new IllegalArgumentException("json: not valid JSON: " + e.getMessage(), e);
            }
            try {
                geolocation.put(InetAddress.getByName(address), data);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("address: '" + address + "' is not an IP address literal", e);
            }
            return this;
        }

        /**
         * Sends requests for backends with a real URL (and nothing scripted) through this origin instead of the
         * local server's HTTP client.
         *
         * @param origin an HTTP client origin
         * @return this builder
         * @throws NullPointerException if {@code origin} is null
         */
        public Builder httpOrigin(Origin origin) {
            this.httpOrigin = Objects.requireNonNull(origin, "origin");
            return this;
        }

        /**
         * Has the engine record the last {@code count} client requests, for {@code engine().view().requests()}:
         * each with its status, its backend requests and what the cache did with each, and its log lines, as the
         * local server's inspector shows them. None are recorded by default.
         *
         * @param count how many requests to keep
         * @return this builder
         * @throws IllegalArgumentException if {@code count} is negative
         */
        public Builder requestHistory(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("count: must not be negative, got " + count);
            }
            this.requestHistory = count;
            return this;
        }

        /**
         * Builds the host.
         *
         * @return a new host; close it when done
         * @throws IllegalStateException if the local server cannot load {@code main.wasm} or start
         */
        public TestHost build() {
            return new TestHost(this);
        }
    }
}
