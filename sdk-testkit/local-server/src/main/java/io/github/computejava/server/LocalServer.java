package io.github.computejava.server;

import io.github.computejava.host.ByteBudget;
import io.github.computejava.host.DownstreamExchange;
import io.github.computejava.host.DownstreamRequest;
import io.github.computejava.host.DownstreamResponder;
import io.github.computejava.host.DownstreamSource;
import io.github.computejava.host.ExecutionLimits;
import io.github.computejava.host.HostEngine;
import io.github.computejava.host.ProgramEnd;
import io.github.computejava.host.ResourceUsage;
import io.github.computejava.host.Sandbox;
import io.github.computejava.host.backend.JettyOrigin;
import io.github.computejava.host.backend.Origin;
import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.http.BodyPump;
import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.HeaderSection;
import io.github.computejava.host.http.RequestHead;
import io.github.computejava.host.http.ResponseHead;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpScheme;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.HostPort;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Serves a Compute program over HTTP on the local machine, like Fastly's Viceroy: every client request runs a fresh
 * instance of the program on a worker thread while the server thread streams the response to the client as the
 * program writes it. Backends are reached over the network, stores come from the engine. A program that traps,
 * exits with an error or fails in a hostcall ends that request with a 500 and a log line; the server keeps serving.
 * Malformed HTTP requests get a 400 from the HTTP layer; so does a request whose body turns out malformed (a bad
 * chunk) before the response has started, whatever the program made of the failed read.
 *
 * <pre>{@code
 * try (LocalServer server = LocalServer.builder()
 *         .program(WasmProgram.load(Path.of("bin/main.wasm"), WasmProgram.Execution.COMPILED))
 *         .engine(HostEngine.builder().backend(Backend.builder("origin").url("http://127.0.0.1:8080").build()))
 *         .build()) {
 *     server.start();
 *     ...
 * }
 * }</pre>
 */
public final class LocalServer implements AutoCloseable {
    /** How long writing a 103 Early Hints head to the client may take. */
    private static final long TIMEOUT_INTERIM_SECONDS = 10;

    private static final int WRITE_CHUNK = 16 * 1024;
    /** How many client requests the engine keeps for the inspector. */
    static final int INSPECTOR_HISTORY = 100;

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.US);

    // the program new requests run; replaceProgram swaps it while requests in flight finish on the one they started
    private volatile WasmProgram program;
    private volatile Instant programLoaded = Instant.now();
    private final AtomicInteger programVersion = new AtomicInteger(1);
    // the program the current guest thread runs, so an instance of a replaced program gets no further request
    private static final ThreadLocal<WasmProgram> RUNNING = new ThreadLocal<>();
    private final InetSocketAddress inspectorAddress;
    private Inspector inspector;
    private final HostEngine engine;
    private final ServerLog log;
    private final InetSocketAddress address;
    private final Origin origin;
    private final Server jetty;
    private final ExecutorService guests;
    private final Admission admission;
    private final ReuseQueue reuse;
    private final AtomicLong requestIds = new AtomicLong();
    private final ExecutionLimits limits;
    private final ByteBudget memoryBudget;
    private final int pooledMemories;
    private final int pooledInstances;

    /**
     * How many instances run at once per core unless told otherwise: a program that mostly computes serves a heavy
     * load best with about this many, which keeps latency even and memory low (more only share the same cores).
     * Instances that wait (for a backend, for another request building the cache object they collapse on, in {@code
     * next_request_wait}) count; a program that keeps many waiting at once sets {@code max_instances}.
     */
    public static final int DEFAULT_INSTANCES_PER_CORE = 8;

    /** How many instances run at once unless told otherwise: {@value #DEFAULT_INSTANCES_PER_CORE} per core, at least 8. */
    public static int defaultMaxInstances() {
        return Math.max(8, DEFAULT_INSTANCES_PER_CORE * Runtime.getRuntime().availableProcessors());
    }

    /** The fewest requests that may wait for a running instance (4 per running instance when that is more). */
    static final int MIN_QUEUED = 256;

    /** How many memories of ended instances the server keeps for reuse unless told otherwise. */
    public static final int DEFAULT_POOLED_MEMORIES = 32;

    private final Set<RunningInstance> running = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watch;
    private final Duration headerTimeout;
    private final Map<org.eclipse.jetty.io.Connection, HeaderClock> headerClocks = new ConcurrentHashMap<>();
    private final Duration healthInterval;
    private final Consumer<String> onFatal;
    private final String healthToken = Long.toHexString(new java.security.SecureRandom().nextLong());
    private final boolean exposeRequestIds;
    private final Map<String, CompletableFuture<ResourceUsage>> usages = new ConcurrentHashMap<>();
    private volatile boolean fatal;
    private volatile int boundPort;
    private ServerConnector connector;

    private LocalServer(Builder b) {
        this.program = b.program;
        this.log = b.log;
        this.address = b.address;
        this.origin = b.origin != null ? b.origin : new JettyOrigin();
        this.reuse = new ReuseQueue();
        this.inspectorAddress = b.inspectorAddress;
        if (inspectorAddress != null) {
            b.engine.requestHistory(INSPECTOR_HISTORY);
        }
        this.engine = b.engine
                .origin(origin)
                .logSink(
                        b.logSink == null
                                ? log::endpoint
                                : (name, line) -> {
                                    log.endpoint(name, line);
                                    b.logSink.write(name, line);
                                })
                .downstreamSource(reuse)
                .build();
        this.limits = engine.limits();
        // refused before anything listens: a program whose memory cannot start within the heap limit
        program.checkHeap(limits.heapBytes());
        long budget = b.memoryBudget > 0
                ? b.memoryBudget
                : defaultMemoryBudget(engine.cacheStore().capacityBytes());
        this.memoryBudget = new ByteBudget("memory for programs", budget, null);
        this.headerTimeout = b.headerTimeout;
        this.pooledMemories = b.pooledMemories;
        // unless told otherwise, every instance that may run at once can be kept for a next request
        this.pooledInstances = b.pooledInstances >= 0 ? b.pooledInstances : b.maxConcurrentGuests;
        this.healthInterval = b.healthInterval;
        this.onFatal = b.onFatal != null ? b.onFatal : why -> log.error("error: " + why);
        this.exposeRequestIds = b.exposeRequestIds;
        AtomicInteger threadIds = new AtomicInteger();
        // the admission below bounds how many run at once; this pool only provides their threads
        this.guests = Executors.newCachedThreadPool(r -> {
            // Chicory runs Wasm calls on the Java stack: give programs room for deep recursion
            Thread t = new Thread(null, r, "compute-guest-" + threadIds.incrementAndGet(), 8L << 20);
            t.setDaemon(true);
            return t;
        });
        this.watch = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "compute-watch");
            t.setDaemon(true);
            return t;
        });
        int maxQueued = Math.max(MIN_QUEUED, 4 * b.maxConcurrentGuests);
        this.admission = new Admission(b.maxConcurrentGuests, maxQueued, b.queueTimeout);
        // a thread per request waiting for its program (running or queued), and room for the 503s beyond them
        QueuedThreadPool threads = new QueuedThreadPool(Math.max(16, b.maxConcurrentGuests + maxQueued + 16));
        threads.setName("compute-http");
        this.jetty = new Server(threads);
    }

    /** A builder; {@link Builder#program} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the address and starts serving.
     *
     * @throws IOException if the address cannot be bound
     */
    public void start() throws IOException {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // the response's Date is the program's (often its origin's); one is added when it has none
        http.setSendDateHeader(false);
        // Fastly's limits on header sections: 69 KB each way (the response's with room for the fields added here)
        http.setRequestHeaderSize(HeaderSection.LIMIT);
        http.setMaxResponseHeaderSize(HeaderSection.LIMIT + 1024);
        // RFC 9112 3.2.2: a server must accept an absolute-form target, whose authority replaces the Host header's
        http.setHttpCompliance(
                http.getHttpCompliance().with("absolute-form", HttpCompliance.Violation.MISMATCHED_AUTHORITY));
        // header values reach the program as the client sent them: Jetty's header cache would otherwise hand a later
        // request on the connection an earlier one's value that differs only in case (Vary compares values exactly)
        http.setHeaderCacheCaseSensitive(true);
        connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(address.getHostString());
        connector.setPort(address.getPort());
        if (!headerTimeout.isZero()) {
            connector.addBean(new org.eclipse.jetty.io.Connection.Listener() {
                @Override
                public void onOpened(org.eclipse.jetty.io.Connection connection) {
                    headerClocks.put(connection, new HeaderClock());
                }

                @Override
                public void onClosed(org.eclipse.jetty.io.Connection connection) {
                    headerClocks.remove(connection);
                }
            });
        }
        jetty.addConnector(connector);
        jetty.setHandler(new ComputeHandler());
        try {
            jetty.start();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot start the server on " + address + ": " + e.getMessage(), e);
        }
        boundPort = connector.getLocalPort();
        watch.scheduleWithFixedDelay(this::watchInstances, 20, 20, TimeUnit.MILLISECONDS);
        if (!headerTimeout.isZero()) {
            long every = Math.max(20, Math.min(1000, headerTimeout.toMillis() / 4));
            watch.scheduleWithFixedDelay(this::closeSlowHeaders, every, every, TimeUnit.MILLISECONDS);
        }
        if (!healthInterval.isZero()) {
            Thread health = new Thread(this::checkHealth, "compute-health");
            health.setDaemon(true);
            health.start();
        }
        if (inspectorAddress != null) {
            inspector = Inspector.start(this, inspectorAddress);
        }
    }

    /**
     * The memory all instances together may have (their linear memories): what the JVM's heap holds beyond the
     * cache and a reserve for the server itself, so that many hungry instances at once get failed growths and a
     * log line instead of an OutOfMemoryError.
     */
    static long defaultMemoryBudget(long cacheCapacity) {
        long heap = Runtime.getRuntime().maxMemory();
        return Math.max(64L << 20, (long) ((heap - cacheCapacity) * 0.6));
    }

    /**
     * The inspector's page, when the server was built with {@link Builder#inspector} and has started.
     *
     * @return the page's URL, {@code http://host:port/}
     */
    public Optional<URI> inspectorUri() {
        return inspector == null ? Optional.empty() : Optional.of(inspector.uri());
    }

    /** The program new requests run. */
    public WasmProgram program() {
        return program;
    }

    /** When the current program started serving. */
    Instant programLoaded() {
        return programLoaded;
    }

    /** 1 for the program the server started with, one more for each replacement. */
    int programVersion() {
        return programVersion.get();
    }

    /**
     * Serves another program from now on, without closing the listening socket, as a deploy does on Fastly:
     * requests in flight finish on the program they started with, instances of the old program waiting for another
     * client request ({@code serveMany}) are told there is none, and the engine (its cache, stores and backends)
     * stays as it is.
     *
     * @param next the program to serve
     * @throws NullPointerException if {@code next} is null
     */
    public void replaceProgram(WasmProgram next) {
        Objects.requireNonNull(next, "next");
        program = next;
        programLoaded = Instant.now();
        programVersion.incrementAndGet();
        reuse.release();
    }

    /** The port the server listens on (useful after binding port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The server's base URL, {@code http://host:port}. */
    public URI uri() {
        String host = address.getHostString();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port());
    }

    /** The engine the program runs against. */
    public HostEngine engine() {
        return engine;
    }

    /**
     * How many instances have answered and wait in {@code next_request} for another client request (programs that
     * serve several requests per instance, such as with {@code Compute.serveMany}).
     *
     * @return the number of waiting instances
     */
    public int instancesWaitingForRequest() {
        return reuse.waitingCount();
    }

    /**
     * Waits until exactly {@code count} instances wait in {@code next_request}: a test knows then that its next
     * request goes to a waiting instance ({@code count} &gt; 0), or that waiting instances have timed out
     * ({@code count} = 0).
     *
     * @param count the number of waiting instances to wait for
     * @param timeout the longest wait
     * @return true when that many were waiting, false when the timeout passed first
     * @throws InterruptedException if interrupted while waiting
     * @throws NullPointerException if {@code timeout} is null
     */
    public boolean awaitInstancesWaitingForRequest(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (reuse.waitingCount() != count) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    /** How many instances of the program are running now (waiting in {@code next_request} included). */
    public int runningInstances() {
        return running.size();
    }

    /**
     * What the instance that served a request used, once it has ended; the request is named by its id, which the
     * server sends in the {@code compute-java-request-id} response field when built with {@link
     * Builder#exposeRequestIds()}.
     *
     * @param requestId the id
     * @return the usage when the instance ends; null for an unknown id (each id can be asked once)
     */
    public CompletableFuture<ResourceUsage> usage(String requestId) {
        return usages.remove(requestId);
    }

    /** Stops accepting connections, as a server whose acceptor died would (tests of the health check). */
    void stopAccepting() throws Exception {
        connector.stop();
    }

    /** The response field that carries a request's id when the server exposes them (tests). */
    public static final String REQUEST_ID_FIELD = "compute-java-request-id";

    @Override
    public void close() {
        watch.shutdownNow();
        if (inspector != null) {
            inspector.close();
        }
        try {
            jetty.stop();
        } catch (Exception e) {
            log.error("error while stopping the server: " + e);
        }
        reuse.close();
        guests.shutdownNow();
        if (origin instanceof AutoCloseable) {
            try {
                ((AutoCloseable) origin).close();
            } catch (Exception ignored) {
                // stopping anyway
            }
        }
        engine.close();
    }

    // ---- running the program

    /**
     * Starts a fresh instance for an exchange, or queues it while as many instances run as allowed; one still queued
     * after the queue timeout is answered with 503.
     */
    private void startGuest(DownstreamExchange exchange) {
        admission.submit(exchange);
    }

    private void launch(DownstreamExchange exchange) {
        try {
            guests.execute(() -> {
                try {
                    runGuest(exchange);
                } finally {
                    admission.finished();
                }
            });
        } catch (RejectedExecutionException e) {
            admission.finished();
            busy(exchange);
        } catch (OutOfMemoryError e) {
            admission.finished();
            log.error("cannot start an instance: " + e);
            busy(exchange);
        }
    }

    private static void busy(DownstreamExchange exchange) {
        exchange.responder()
                .respond(
                        new ResponseHead(503, textHeaders()),
                        BodyBuffer.of("The local server is running too many requests at once.\n"
                                .getBytes(StandardCharsets.UTF_8)),
                        false);
    }

    private void runGuest(DownstreamExchange exchange) {
        String traceId = exchange.request().requestId();
        // taken before the client is answered: once it has its answer it may ask for the usage, which removes it
        CompletableFuture<ResourceUsage> reported = usages.get(traceId);
        long start = System.nanoTime();
        RunningInstance instance = new RunningInstance(
                Thread.currentThread(),
                exchange.responder() instanceof Responder ? (Responder) exchange.responder() : null);
        running.add(instance);
        WasmProgram.Outcome[] ran = new WasmProgram.Outcome[1];
        WasmProgram serving = program;
        // the engine runs the request's lifecycle: the answer for a client the program left unanswered, the finish
        Sandbox sandbox = engine.serve(exchange.request(), exchange.responder(), s -> {
            String failure;
            int failureStatus = 500;
            List<String> trace = List.of();
            RUNNING.set(serving);
            try (Wasi wasi = new Wasi(
                    engine.clock(),
                    engine.environment(traceId),
                    line -> {
                        log.stdout(line);
                        engine.programOutput(s, false, line);
                    },
                    line -> {
                        log.stderr(line);
                        engine.programOutput(s, true, line);
                    },
                    serving.frameMap(),
                    limits.outputLineBytes())) {
                ran[0] = serving.run(
                        s,
                        wasi,
                        log,
                        limits.heapBytes(),
                        memoryBudget,
                        instance::endReason,
                        pooledMemories,
                        pooledInstances);
                failure = ran[0].failure;
                failureStatus = ran[0].status;
                trace = ran[0].trace;
            } catch (Throwable t) {
                // a fault of the server itself: the client still gets an answer, and the server keeps serving
                failure = "the host failed: " + t;
            } finally {
                running.remove(instance);
                instance.done();
                RUNNING.remove();
            }
            if (failure == null) {
                return ProgramEnd.normal();
            }
            log.error("request " + traceId + " failed: " + failure);
            trace.forEach(log::error);
            return ProgramEnd.failed(failureStatus, failure, trace);
        });
        WasmProgram.Outcome outcome = ran[0];
        ResourceUsage usage = sandbox.usage();
        List<String> measured = new ArrayList<>();
        if (outcome != null && outcome.heapRefusal != null) {
            measured.add(outcome.heapRefusal);
        }
        usage = usage.withMeasured(
                outcome != null && outcome.cpuMillis >= 0 ? Duration.ofMillis(outcome.cpuMillis) : null,
                outcome != null ? outcome.heapBytes : -1,
                measured);
        for (String refusal : usage.refusals()) {
            log.error("request " + traceId + ": " + refusal);
        }
        for (String warning : limits.warnings(usage)) {
            log.error("request " + traceId + ": warning: " + warning + " (limits in docs/local-server.md)");
        }
        if (reported != null) {
            reported.complete(usage);
        }
        log.info("request " + traceId + " completed in " + (System.nanoTime() - start) / 1_000_000L + " ms");
    }

    /**
     * Ends instances past the run-time limit, and those whose client went away once they have used more CPU than
     * Fastly allows (Fastly would have stopped them by then, so nothing they do now could be seen there).
     */
    private void watchInstances() {
        long now = System.nanoTime();
        for (RunningInstance instance : running) {
            if (!limits.runTime().isZero()
                    && now - instance.startNanos > limits.runTime().toNanos()) {
                instance.end("the local server ended the instance: it ran for "
                        + limits.runTime().toMillis()
                        + " ms, Fastly's limit on an instance's run time (limits.run_time_ms)");
            } else if (instance.clientGone() && !limits.cpuTime().isZero()) {
                long cpu = instance.cpuMillis();
                if (cpu > limits.cpuTime().toMillis()) {
                    instance.end("the local server ended the instance: its client went away and it has used " + cpu
                            + " ms of CPU, past Fastly's " + limits.cpuTime().toMillis()
                            + " ms, where Fastly would have stopped it");
                }
            }
        }
    }

    /** Closes connections that have not sent a complete request head within the header timeout (slowloris). */
    private void closeSlowHeaders() {
        long now = System.nanoTime();
        headerClocks.forEach((connection, clock) -> {
            if (clock.waitingSince(now) > headerTimeout.toNanos()) {
                headerClocks.remove(connection);
                log.info("closing a connection that sent no complete request head within " + headerTimeout.toMillis()
                        + " ms (limits.header_timeout_ms)");
                connection.getEndPoint().close();
            }
        });
    }

    /**
     * Asks the server for an answer every health interval, as a client would, without running the program; when
     * several in a row go unanswered the server cannot go on, and {@code onFatal} hears why.
     */
    private void checkHealth() {
        int failures = 0;
        while (!watch.isShutdown()) {
            try {
                Thread.sleep(healthInterval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            if (watch.isShutdown()) {
                return;
            }
            String problem = probe();
            if (problem == null) {
                answeredProbes.incrementAndGet();
            }
            failures = problem == null ? 0 : failures + 1;
            if (failures >= 3 && !fatal) {
                fatal = true;
                onFatal.accept("the server no longer answers requests on " + uri() + " (" + problem + ")");
                return;
            }
        }
    }

    private String probe() {
        int port = boundPort;
        String host = address.getAddress() != null && address.getAddress().isAnyLocalAddress()
                ? InetAddress.getLoopbackAddress().getHostAddress()
                : address.getHostString();
        try (java.net.Socket s = new java.net.Socket()) {
            int timeout = (int) Math.max(1000, Math.min(20_000, healthInterval.toMillis() * 4));
            s.connect(new InetSocketAddress(host, port), timeout);
            s.setSoTimeout(timeout);
            s.getOutputStream()
                    .write(("GET / HTTP/1.1\r\nHost: localhost\r\n" + HEALTH_FIELD + ": " + healthToken
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            byte[] line = new byte[12];
            int n = s.getInputStream().readNBytes(line, 0, line.length);
            String status = new String(line, 0, n, StandardCharsets.US_ASCII);
            return status.startsWith("HTTP/1.1 204") ? null : "the health probe got " + status;
        } catch (IOException | RuntimeException e) {
            return "the health probe failed: " + e;
        }
    }

    private static final String HEALTH_FIELD = "compute-java-health";

    private final java.util.concurrent.atomic.AtomicLong answeredProbes = new java.util.concurrent.atomic.AtomicLong();

    /** How many health probes the server has answered so far (tests wait on it). */
    long answeredProbes() {
        return answeredProbes.get();
    }

    private static HeaderList textHeaders() {
        HeaderList h = new HeaderList();
        h.append("Content-Type", "text/plain; charset=utf-8");
        return h;
    }

    /** The program's answer to one client request. */
    private static final class Answer {
        final ResponseHead head;
        final BodyBuffer body;
        final boolean streaming;

        Answer(ResponseHead head, BodyBuffer body, boolean streaming) {
            this.head = head;
            this.body = body;
            this.streaming = streaming;
        }
    }

    /** Receives the program's response for one client request, on the guest's thread. */
    private static final class Responder implements DownstreamResponder {
        final CompletableFuture<Answer> answer = new CompletableFuture<>();
        /** Set when the client is known to have gone away (a write to it failed, or its connection failed). */
        volatile boolean clientGone;

        private final java.util.function.Consumer<String> log;
        private final java.util.function.Consumer<ResponseHead> interim;

        /** @param log where the engine's refusals of the program's answer go (the server's log) */
        Responder(java.util.function.Consumer<String> log) {
            this(log, head -> {});
        }

        /**
         * @param log where the engine's refusals of the program's answer go (the server's log)
         * @param interim writes an informational head (103 Early Hints) to the client
         */
        Responder(java.util.function.Consumer<String> log, java.util.function.Consumer<ResponseHead> interim) {
            this.log = log;
            this.interim = interim;
        }

        @Override
        public void informational(ResponseHead head) {
            interim.accept(head);
        }

        @Override
        public void respond(ResponseHead head, BodyBuffer body, boolean streaming) {
            answer.complete(new Answer(head, body, streaming));
        }

        @Override
        public void refused(String why) {
            log.accept(why);
        }
    }

    /** An instance running on a guest thread, as the watch sees it. */
    private static final class RunningInstance {
        private static final java.lang.management.ThreadMXBean THREADS =
                java.lang.management.ManagementFactory.getThreadMXBean();

        final Thread thread;
        final long startNanos = System.nanoTime();
        final Responder first;
        private final long cpuStart;
        private String endReason;
        private boolean done;

        /** Made on the guest's thread. */
        RunningInstance(Thread thread, Responder first) {
            this.thread = thread;
            this.first = first;
            this.cpuStart = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
        }

        /** Ends the instance: interrupts its thread, which Chicory checks at every loop and call. */
        synchronized void end(String reason) {
            if (done) {
                return;
            }
            if (endReason == null) {
                endReason = reason;
            }
            // again on every tick, in case a hostcall swallowed the interrupt
            thread.interrupt();
        }

        synchronized String endReason() {
            return endReason;
        }

        /** The instance has ended: no interrupt reaches the thread's next task (called on the guest's thread). */
        synchronized void done() {
            done = true;
            Thread.interrupted();
        }

        boolean clientGone() {
            return first != null && first.clientGone;
        }

        long cpuMillis() {
            if (cpuStart < 0) {
                return -1;
            }
            long now = THREADS.getThreadCpuTime(thread.getId());
            return now < 0 ? -1 : (now - cpuStart) / 1_000_000L;
        }
    }

    /**
     * How many instances run at once: up to the maximum at once, then requests wait in a queue for a running one to
     * end, and one that waited the queue timeout (or finds the queue full) is answered with 503.
     */
    private final class Admission {
        private final int max;
        private final int maxQueued;
        private final Duration timeout;
        private int active;
        private final java.util.ArrayDeque<Queued> queue = new java.util.ArrayDeque<>();

        Admission(int max, int maxQueued, Duration timeout) {
            this.max = max;
            this.maxQueued = maxQueued;
            this.timeout = timeout;
        }

        void submit(DownstreamExchange exchange) {
            boolean now = false;
            synchronized (this) {
                if (active < max) {
                    active++;
                    now = true;
                } else if (queue.size() < maxQueued && !timeout.isZero()) {
                    Queued q = new Queued(exchange);
                    queue.add(q);
                    try {
                        q.timer = watch.schedule(() -> expire(q), timeout.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (RejectedExecutionException closing) {
                        queue.remove(q);
                    }
                    if (q.timer != null) {
                        return;
                    }
                }
            }
            if (now) {
                launch(exchange);
            } else {
                log.info("request " + exchange.request().requestId() + ": " + max + " instances are running and "
                        + queue.size() + " requests wait; answering 503");
                busy(exchange);
            }
        }

        /** A running instance ended: the next queued request takes its place. */
        void finished() {
            Queued next;
            synchronized (this) {
                next = queue.poll();
                if (next == null) {
                    active--;
                    return;
                }
            }
            next.timer.cancel(false);
            launch(next.exchange);
        }

        private void expire(Queued q) {
            boolean removed;
            synchronized (this) {
                removed = queue.remove(q);
            }
            if (removed) {
                log.info("request " + q.exchange.request().requestId() + " waited " + timeout.toMillis()
                        + " ms for one of " + max + " running instances to end; answering 503");
                busy(q.exchange);
            }
        }
    }

    /** A request waiting for an instance. */
    private static final class Queued {
        final DownstreamExchange exchange;
        java.util.concurrent.ScheduledFuture<?> timer;

        Queued(DownstreamExchange exchange) {
            this.exchange = exchange;
        }
    }

    /** Whether a connection waits for a request head, and since when (the header timeout). */
    private static final class HeaderClock {
        private int started;
        private int completed;
        private long since = System.nanoTime();

        synchronized void started() {
            started++;
        }

        synchronized void completed() {
            completed++;
            since = System.nanoTime();
        }

        /** How long the connection has waited for a complete request head, 0 while a request is being handled. */
        synchronized long waitingSince(long now) {
            return started == completed ? now - since : 0;
        }
    }

    /** Sandboxes waiting in {@code next_request_wait}: new client requests go to them before fresh instances. */
    private final class ReuseQueue implements DownstreamSource {
        private static final int MAX_WAITING = 5;
        private final ConcurrentLinkedQueue<CompletableFuture<Optional<DownstreamExchange>>> waiting =
                new ConcurrentLinkedQueue<>();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "compute-next-request");
            t.setDaemon(true);
            return t;
        });

        @Override
        public CompletableFuture<Optional<DownstreamExchange>> next(Duration timeout) {
            CompletableFuture<Optional<DownstreamExchange>> f = new CompletableFuture<>();
            if (waiting.size() >= MAX_WAITING || RUNNING.get() != program) {
                // an instance of a replaced program serves no further request
                f.complete(Optional.empty());
                return f;
            }
            waiting.add(f);
            timer.schedule(
                    () -> {
                        f.complete(Optional.empty());
                        waiting.remove(f);
                    },
                    timeout.toMillis(),
                    TimeUnit.MILLISECONDS);
            f.whenComplete((v, e) -> waiting.remove(f));
            return f;
        }

        int waitingCount() {
            return waiting.size();
        }

        /** Tells every waiting instance that no request is coming (their program was replaced). */
        void release() {
            CompletableFuture<Optional<DownstreamExchange>> f;
            while ((f = waiting.poll()) != null) {
                f.complete(Optional.empty());
            }
        }

        /** Hands an exchange to a waiting sandbox; false when none is waiting. */
        boolean offer(DownstreamExchange exchange) {
            CompletableFuture<Optional<DownstreamExchange>> f;
            while ((f = waiting.poll()) != null) {
                if (f.complete(Optional.of(exchange))) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void giveBack(DownstreamExchange exchange) {
            startGuest(exchange);
        }

        void close() {
            timer.shutdownNow();
        }
    }

    // ---- HTTP

    /** Turns each HTTP request into an exchange with the program and streams its answer back. */
    private final class ComputeHandler extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            if (healthToken.equals(request.getHeaders().get(HEALTH_FIELD))) {
                response.setStatus(204);
                callback.succeeded();
                return true;
            }
            HeaderClock clock = headerClocks.get(request.getConnectionMetaData().getConnection());
            if (clock != null) {
                clock.started();
            }
            try {
                return exchange(request, response, callback);
            } finally {
                if (clock != null) {
                    clock.completed();
                }
            }
        }

        private boolean exchange(Request request, Response response, Callback callback) {
            long id = requestIds.incrementAndGet();
            String requestId = String.format("%032x", id);
            ClientBody clientBody = new ClientBody(Request.asInputStream(request));
            DownstreamRequest downstream = downstream(request, requestId, clientBody);
            clientBody.reportTo(downstream);
            log.info("request " + requestId + ": " + request.getMethod() + " " + request.getHttpURI());
            Responder responder = new Responder(
                    why -> log.error("request " + requestId + ": " + why),
                    hints -> writeEarlyHints(requestId, response, hints));
            request.addFailureListener(failure -> responder.clientGone = true);
            if (exposeRequestIds) {
                usages.put(requestId, new CompletableFuture<>());
            }
            DownstreamExchange exchange = new DownstreamExchange(downstream, responder);
            if (!reuse.offer(exchange)) {
                startGuest(exchange);
            }
            Answer answer;
            try {
                answer = responder.answer.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                callback.failed(e);
                return true;
            } catch (ExecutionException e) {
                callback.failed(e.getCause());
                return true;
            }
            if (exposeRequestIds) {
                response.getHeaders().put(REQUEST_ID_FIELD, requestId);
            }
            try {
                write(request, response, answer);
                callback.succeeded();
            } catch (Throwable t) {
                responder.clientGone = true;
                answer.body.discard();
                log.error("request " + requestId + ": writing the response to the client failed: " + t);
                callback.failed(t);
            }
            return true;
        }

        /**
         * Writes a 103 Early Hints head to the client as an interim response, waiting until it is written; a client
         * that cannot take one (HTTP/1.0) or has gone does not get it, which the log notes.
         */
        private void writeEarlyHints(String requestId, Response response, ResponseHead head) {
            HttpFields.Mutable fields = HttpFields.build();
            for (String[] f : JettyOrigin.forwardable(head.headers())) {
                fields.add(f[0], f[1]);
            }
            try {
                response.writeInterim(head.status(), fields)
                        .get(TIMEOUT_INTERIM_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                log.info("request " + requestId + ": the early hints did not reach the client: " + e);
            }
        }

        private DownstreamRequest downstream(Request request, String requestId, ClientBody clientBody) {
            HeaderList headers = new HeaderList();
            for (HttpField f : request.getHeaders()) {
                headers.append(f.getName(), f.getValue());
            }
            HttpURI target = request.getHttpURI();
            if (target.getHost() != null && !sameAuthority(request.getHeaders().get(HttpHeader.HOST), target)) {
                // an absolute-form target names another host than the Host header: the target wins (RFC 9112
                // 3.2.2), and the program sees one host in its URL and its Host header, as a proxy forwards it
                headers.set("Host", target.getAuthority());
            }
            RequestHead head =
                    new RequestHead(request.getMethod(), request.getHttpURI().asString(), headers);
            HttpVersion v = request.getConnectionMetaData().getHttpVersion();
            head.version(v == HttpVersion.HTTP_1_0 ? 1 : v == HttpVersion.HTTP_2 ? 3 : v == HttpVersion.HTTP_3 ? 4 : 2);
            long length = request.getLength();
            boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
            BodyBuffer body;
            if (length == 0 || (length < 0 && !chunked)) {
                body = BodyBuffer.of(new byte[0]);
            } else {
                BodyBuffer incoming = BodyBuffer.incoming(length);
                BodyPump.start(clientBody, incoming, engine::execute, null);
                body = BodyBuffer.readingFrom(incoming);
            }
            return new DownstreamRequest(
                    head,
                    body,
                    octets(request.getConnectionMetaData().getRemoteSocketAddress()),
                    octets(request.getConnectionMetaData().getLocalSocketAddress()),
                    requestId);
        }

        private void write(Request request, Response response, Answer answer) throws IOException {
            ResponseHead head = answer.head;
            response.setStatus(head.status());
            HttpFields.Mutable out = response.getHeaders();
            for (String[] f : JettyOrigin.forwardable(head.headers())) {
                if (!f[0].equalsIgnoreCase("content-length")) {
                    out.add(f[0], f[1]);
                }
            }
            if (!out.contains(HttpHeader.DATE)) {
                out.put(
                        HttpHeader.DATE,
                        HTTP_DATE.format(engine.clock().instant().atZone(ZoneOffset.UTC)));
            }
            boolean noBody = request.getMethod().equals("HEAD") || head.status() == 204 || head.status() == 304;
            long length = answer.body.knownLength();
            if (noBody) {
                if (request.getMethod().equals("HEAD")) {
                    // the length a GET would get: the program's (or the cache's) Content-Length, else a non-empty
                    // body's; a HEAD answer's empty body says nothing about it (RFC 9110 §8.6)
                    long declared = JettyOrigin.declaredLength(head.headers());
                    if (declared >= 0) {
                        out.put(HttpHeader.CONTENT_LENGTH, declared);
                    } else if (length > 0) {
                        out.put(HttpHeader.CONTENT_LENGTH, length);
                    }
                }
                answer.body.discard();
                blockingWrite(response, true, ByteBuffer.allocate(0));
                return;
            }
            // a body that ended with trailers goes chunked, the one framing that carries them
            boolean trailing = length >= 0 && !answer.body.trailers().isEmpty();
            if (length >= 0 && length <= WRITE_CHUNK * 4L && !trailing) {
                byte[] all = answer.body.readAll(length);
                out.put(HttpHeader.CONTENT_LENGTH, all.length);
                blockingWrite(response, true, ByteBuffer.wrap(all));
                return;
            }
            if (length >= 0 && !trailing) {
                out.put(HttpHeader.CONTENT_LENGTH, length);
            } else {
                BodyBuffer body = answer.body;
                response.setTrailersSupplier(() -> trailers(body));
            }
            byte[] buf = new byte[WRITE_CHUNK];
            int n;
            while ((n = answer.body.read(buf, 0, buf.length)) >= 0) {
                if (n > 0) {
                    blockingWrite(response, false, ByteBuffer.wrap(buf, 0, n));
                }
            }
            blockingWrite(response, true, ByteBuffer.allocate(0));
        }

        private HttpFields trailers(BodyBuffer body) {
            if (!body.trailersReady() || body.trailers().isEmpty()) {
                return null;
            }
            HttpFields.Mutable t = HttpFields.build();
            for (String[] f : body.trailers().fields()) {
                t.add(f[0], f[1]);
            }
            return t;
        }

        private void blockingWrite(Response response, boolean last, ByteBuffer buffer) throws IOException {
            try (Blocker.Callback cb = Blocker.callback()) {
                response.write(last, buffer, cb);
                cb.block();
            }
        }
    }

    /** Whether a Host header names the target's host and port (a port left out is the scheme's default). */
    private static boolean sameAuthority(String hostHeader, HttpURI target) {
        if (hostHeader == null) {
            return false;
        }
        HostPort host;
        try {
            host = new HostPort(hostHeader);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int defaultPort = HttpScheme.getDefaultPort(target.getScheme());
        int port = host.getPort() > 0 ? host.getPort() : defaultPort;
        int targetPort = target.getPort() > 0 ? target.getPort() : defaultPort;
        return host.getHost().equalsIgnoreCase(target.getHost()) && port == targetPort;
    }

    /** What went wrong with a client's request body, for the log and the 400's text. */
    private static String describe(IOException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpException) {
                return "is malformed: " + t.getMessage();
            }
        }
        return "could not be read to its end: " + failure;
    }

    /**
     * The client's request body as the server reads it for the program, remembering why a read failed (before the
     * program sees the failure, so the answer to the client can tell it).
     */
    private static final class ClientBody extends FilterInputStream {
        private volatile IOException failure;
        private volatile DownstreamRequest reported;

        ClientBody(InputStream in) {
            super(in);
        }

        /** Tells the engine through {@code request} when (or if already) a read fails: it answers the client 400. */
        void reportTo(DownstreamRequest request) {
            reported = request;
            IOException f = failure;
            if (f != null) {
                request.clientBodyFailed(describe(f));
            }
        }

        private void failed(IOException e) {
            failure = e;
            DownstreamRequest r = reported;
            if (r != null) {
                r.clientBodyFailed(describe(e));
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                failed(e);
                throw e;
            } catch (RuntimeException e) {
                IOException io = new IOException(e.getMessage(), e);
                failed(io);
                throw io;
            }
        }
    }

    private static byte[] octets(SocketAddress address) {
        if (address instanceof InetSocketAddress && ((InetSocketAddress) address).getAddress() != null) {
            return ((InetSocketAddress) address).getAddress().getAddress();
        }
        return InetAddress.getLoopbackAddress().getAddress();
    }

    /** Builds a {@link LocalServer}. */
    public static final class Builder {
        private WasmProgram program;
        private HostEngine.Builder engine = HostEngine.builder();
        private InetSocketAddress address = new InetSocketAddress("127.0.0.1", 7676);
        private Origin origin;
        private ServerLog log = ServerLog.standard(0);
        private int maxConcurrentGuests = defaultMaxInstances();
        private Duration queueTimeout = Duration.ofSeconds(1);
        private int pooledMemories = DEFAULT_POOLED_MEMORIES;
        private int pooledInstances = -1;
        private Duration headerTimeout = Duration.ofSeconds(10);
        private long memoryBudget;
        private Duration healthInterval = Duration.ZERO;
        private Consumer<String> onFatal;
        private boolean exposeRequestIds;
        private io.github.computejava.host.LogSink logSink;
        private InetSocketAddress inspectorAddress;

        private Builder() {}

        /** Also hands every {@code fastly_log} entry to {@code sink} (tests read them back). */
        public Builder logSink(io.github.computejava.host.LogSink sink) {
            this.logSink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** The program to serve. */
        public Builder program(WasmProgram program) {
            this.program = Objects.requireNonNull(program, "program");
            return this;
        }

        /**
         * The engine's configuration (backends, stores, clock); the server sets its origin, log sink and request
         * reuse.
         */
        public Builder engine(HostEngine.Builder engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
            return this;
        }

        /** Where to listen (default {@code 127.0.0.1:7676}; port 0 picks a free port). */
        public Builder address(InetSocketAddress address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /**
         * Also serves the inspector's page on this address (port 0 picks a free port): the last requests, the
         * cache's objects and the stores, as the engine's view shows them. The engine then records its last
         * {@value LocalServer#INSPECTOR_HISTORY} client requests. Off unless set.
         */
        public Builder inspector(InetSocketAddress address) {
            this.inspectorAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        /** Where backend requests go instead of the network (tests). */
        public Builder origin(Origin origin) {
            this.origin = Objects.requireNonNull(origin, "origin");
            return this;
        }

        /**
         * How much to log: 0 errors and the program's output, 1 ({@code -v}) a line per request, 2 hostcall
         * faults and more.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder verbosity(int verbosity) {
            if (verbosity < 0) {
                throw new IllegalArgumentException("verbosity: must not be negative, got " + verbosity);
            }
            this.log = log.withVerbosity(verbosity);
            return this;
        }

        /**
         * Where the server writes: progress and the program's standard output to {@code out}, errors (and the
         * stack traces of the program's uncaught exceptions and traps) and the program's standard error to {@code
         * err}. The default is the process's standard streams.
         */
        public Builder output(PrintStream out, PrintStream err) {
            this.log = log.withStreams(Objects.requireNonNull(out, "out"), Objects.requireNonNull(err, "err"));
            return this;
        }

        Builder log(ServerLog log) {
            this.log = log;
            return this;
        }

        /**
         * How many program instances may run at once (default {@link LocalServer#defaultMaxInstances()}; an instance
         * waiting for a backend, a collapsed cache lookup or in {@code next_request_wait} counts). Further requests
         * wait in a queue, in order, up to the {@link #queueTimeout}; one that finds the queue full (4 requests per
         * running instance, at least 256) or waits longer gets a 503.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxConcurrentGuests(int max) {
            if (max <= 0) {
                throw new IllegalArgumentException("maxConcurrentGuests: must be positive, got " + max);
            }
            this.maxConcurrentGuests = max;
            return this;
        }

        /**
         * How long a request waits for a running instance to end when {@link #maxConcurrentGuests} run (default 1 s;
         * zero answers 503 at once).
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder queueTimeout(Duration timeout) {
            this.queueTimeout = nonNegative(timeout, "queueTimeout");
            return this;
        }

        /**
         * How many linear memories of ended instances the server keeps for the next instances of the program (default
         * {@value LocalServer#DEFAULT_POOLED_MEMORIES}; 0 gives every instance a new memory). A kept memory is put back
         * to the module's initial image before it is reused, so an instance sees nothing of an earlier one; the
         * memory of an instance that failed or was ended is never kept.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder pooledMemories(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("pooledMemories: must not be negative, got " + count);
            }
            this.pooledMemories = count;
            return this;
        }

        /**
         * How many whole instances of ended requests the server keeps for the next requests (default: as many as may
         * run at once, {@link #maxConcurrentGuests}; 0 instantiates the module for every request). A kept instance is put
         * back to the state it had when instantiated (its memory to the module's initial image, its globals, tables,
         * element and data segments to their initial values), so a request sees nothing of an earlier one; an instance
         * that failed, exited, was ended or had a growth refused is never kept.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder pooledInstances(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("pooledInstances: must not be negative, got " + count);
            }
            this.pooledInstances = count;
            return this;
        }

        /**
         * How long a connection may take to send a complete request head, from its opening or the end of its last
         * response (default 10 s; zero for no limit). Slower connections are closed.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder headerTimeout(Duration timeout) {
            this.headerTimeout = nonNegative(timeout, "headerTimeout");
            return this;
        }

        /**
         * The bytes of linear memory all instances together may have (default: 60 % of the JVM's heap beyond the
         * cache). A growth past it fails, as one past the heap limit does.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder memoryBudget(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("memoryBudget: must be positive, got " + bytes);
            }
            this.memoryBudget = bytes;
            return this;
        }

        /**
         * Checks every {@code interval} that the server still answers (without running the program); after three
         * checks in a row fail, {@code onFatal} hears why. Zero (the default) checks nothing.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder healthCheck(Duration interval, Consumer<String> onFatal) {
            this.healthInterval = nonNegative(interval, "interval");
            this.onFatal = Objects.requireNonNull(onFatal, "onFatal");
            return this;
        }

        /**
         * Sends each request's id in the {@value #REQUEST_ID_FIELD} response field and keeps what its instance used
         * for {@link LocalServer#usage(String)} (the testkit's Wasm door).
         */
        public Builder exposeRequestIds() {
            this.exposeRequestIds = true;
            return this;
        }

        private static Duration nonNegative(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + ": must not be negative, got " + d);
            }
            return d;
        }

        /**
         * The server, not yet started.
         *
         * @throws IllegalStateException if no program was set
         * @throws ProgramException if the program's initial memory is larger than the heap limit
         */
        public LocalServer build() {
            if (program == null) {
                throw new IllegalStateException("program: a LocalServer needs a program");
            }
            return new LocalServer(this);
        }
    }
}
