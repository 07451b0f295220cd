package io.github.computejava.host;

import io.github.computejava.abi.FastlyHttpReq;
import io.github.computejava.host.backend.Backend;
import io.github.computejava.host.backend.Origin;
import io.github.computejava.host.backend.SendFailure;
import io.github.computejava.host.cache.CacheStore;
import io.github.computejava.host.edge.AccessControlList;
import io.github.computejava.host.edge.Geolocation;
import io.github.computejava.host.edge.RateCounters;
import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.http.CacheOverride;
import io.github.computejava.host.http.HeaderSection;
import io.github.computejava.host.http.RequestHead;
import io.github.computejava.host.http.UpstreamResponse;
import io.github.computejava.host.readthrough.CachePolicy;
import io.github.computejava.host.readthrough.ReadthroughCache;
import io.github.computejava.host.store.KvStore;
import io.github.computejava.host.view.LogLine;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Fastly's host semantics, implemented once: backends, stores, logging and (as they land) the caches. The
 * testkit and the local server are two doors onto one engine; a sandbox per request holds that request's
 * handles.
 *
 * <p>The engine reads time only from its {@link InstantSource}: the system clock in the local server, a
 * virtual clock in the testkit.
 */
public final class HostEngine implements AutoCloseable {
    private final InstantSource clock;
    private final Timeline timeline;
    private final Origin origin;
    private final Map<String, Backend> backends = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> configStores;
    private final LogSink logSink;
    private final Map<String, String> environment;
    private final ExecutorService async;
    private final ExecutorService cacheWriters;
    private volatile boolean dynamicBackendsAllowed = true;
    private volatile java.util.List<String> dynamicBackendHosts;
    private final java.util.concurrent.atomic.AtomicInteger dynamicBackendCount =
            new java.util.concurrent.atomic.AtomicInteger();
    private final ExecutionLimits limits;
    private final CacheStore cacheStore;
    private final ReadthroughCache readthrough;
    private final Map<String, KvStore> kvStores;
    private final Map<String, Map<String, byte[]>> secretStores;
    private volatile Geolocation geolocation;
    private volatile ClientConnection clientConnection;
    private final DownstreamSource downstreamSource;
    private final RateCounters rateCounters;
    private final Map<String, AccessControlList> acls;
    private final RequestJournal journal;
    private final EngineView view;

    private HostEngine(Builder b) {
        this.clock = b.clock;
        this.timeline = b.timeline;
        this.origin = b.origin;
        this.backends.putAll(b.backends);
        this.configStores = new ConcurrentHashMap<>(b.configStores);
        this.logSink = b.logSink;
        this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(b.environment));
        this.cacheStore = new CacheStore(b.clock, b.cacheCapacity, b.timeline);
        Map<String, KvStore> kv = new LinkedHashMap<>(b.kvStores);
        b.kvSeeds.forEach((name, entries) -> {
            KvStore store = new KvStore(b.clock);
            entries.forEach((k, v) -> store.insert(k, v, KvStore.InsertMode.OVERWRITE, null, null, null));
            kv.put(name, store);
        });
        // stores stay definable after the build: the testkit scripts a host after creating it
        this.kvStores = new ConcurrentHashMap<>(kv);
        this.secretStores = new ConcurrentHashMap<>(b.secretStores);
        this.geolocation = b.geolocation;
        this.clientConnection = b.clientConnection;
        this.downstreamSource = b.downstreamSource;
        this.rateCounters = new RateCounters(b.clock);
        this.acls = new ConcurrentHashMap<>(b.acls);
        this.limits = b.limits;
        this.dynamicBackendsAllowed = b.dynamicBackendsAllowed;
        this.dynamicBackendHosts = java.util.List.copyOf(b.dynamicBackendHosts);
        this.async = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "compute-host-async");
            t.setDaemon(true);
            return t;
        });
        this.cacheWriters = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "compute-cache-write");
            t.setDaemon(true);
            return t;
        });
        this.readthrough = new ReadthroughCache(
                cacheStore,
                CachePolicy.withDefaultTtl(b.defaultTtl),
                (backend, head, body, override) ->
                        withinLimits(backend, origin.exchange(backend, head, body, override)),
                async,
                clock);
        this.journal = b.requestHistory > 0 ? new RequestJournal(clock, b.requestHistory) : null;
        this.view = new EngineView(this, journal);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A sandbox for one client request. */
    public Sandbox newSandbox(DownstreamRequest request, DownstreamResponder responder) {
        return new Sandbox(this, request, traced(request, responder));
    }

    /**
     * Serves one client request, the lifecycle both doors share: a sandbox for it, the program run on it, then the
     * answer for a client the program did not answer (an empty 200 after a normal end; after a failure its status
     * with the failure's text, the failure and its trace also noted among the request's lines in {@link #view()}),
     * and the sandbox finished (see {@link Sandbox#finish}). A door's own fault while running ({@code run}
     * throwing) is a 500 naming it, and the engine keeps serving.
     *
     * @param request the client request
     * @param responder where the client's answer goes
     * @param run runs the program on the sandbox
     * @return the finished sandbox, for its usage and what the program threw
     * @throws NullPointerException if an argument is null
     */
    public Sandbox serve(DownstreamRequest request, DownstreamResponder responder, ProgramEnd.Run run) {
        Objects.requireNonNull(run, "run");
        Sandbox sandbox =
                newSandbox(Objects.requireNonNull(request, "request"), Objects.requireNonNull(responder, "responder"));
        ProgramEnd end;
        try {
            end = run.run(sandbox);
        } catch (Throwable t) {
            end = ProgramEnd.failed(500, "the host failed: " + t, java.util.List.of());
        }
        try {
            if (!end.isFailure()) {
                sandbox.answerIfUnanswered(200, new byte[0]);
            } else {
                programOutput(sandbox, true, "the request failed: " + end.failure());
                for (String line : end.trace()) {
                    programOutput(sandbox, true, line);
                }
                byte[] text = end.failure().isEmpty()
                        ? new byte[0]
                        : (end.failure() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                sandbox.answerIfUnanswered(end.status(), text);
            }
        } finally {
            sandbox.finish();
        }
        return sandbox;
    }

    /** The responder for a client request, noting its answer when the engine records requests. */
    DownstreamResponder traced(DownstreamRequest request, DownstreamResponder responder) {
        return journal == null ? responder : journal.begin(request, responder);
    }

    /**
     * A read-only look inside the engine: its last client requests (see {@link Builder#requestHistory}), the cache's
     * objects, the stores and the backends.
     *
     * @return the engine's view
     */
    public EngineView view() {
        return view;
    }

    public InstantSource clock() {
        return clock;
    }

    /** How time passes for waits on the clock: {@link Timeline#system()} unless the builder set one. */
    public Timeline timeline() {
        return timeline;
    }

    /** The threads that copy bodies written with {@code fastly_cache} into the cache store as they come. */
    ExecutorService cacheWriters() {
        return cacheWriters;
    }

    /** The cache store shared by the readthrough, simple and core caches (each in its namespace). */
    public CacheStore cacheStore() {
        return cacheStore;
    }

    /** The backend with this name, static or registered at run time, or null. */
    public Backend backend(String name) {
        return backends.get(name);
    }

    /** All backends by name. */
    public Map<String, Backend> backends() {
        return Collections.unmodifiableMap(backends);
    }

    /**
     * Registers a dynamic backend.
     *
     * @return false when the name is taken
     */
    public boolean registerBackend(Backend backend) {
        boolean added = backends.putIfAbsent(backend.name(), backend) == null;
        if (added && backend.dynamic()) {
            dynamicBackendCount.incrementAndGet();
        }
        return added;
    }

    /** How many dynamic backends programs have registered (Fastly's limit is per service). */
    public int dynamicBackendCount() {
        return dynamicBackendCount.get();
    }

    /** The limits on each execution: what the engine enforces and what the doors enforce or report. */
    public ExecutionLimits limits() {
        return limits;
    }

    /**
     * Whether a program may register a dynamic backend to {@code host} (a host name or address) and {@code port}:
     * dynamic backends are allowed and, when hosts are listed, one of them names it ({@code host},
     * {@code host:port}, or {@code *.domain} for any name under that domain).
     */
    public boolean dynamicBackendTargetAllowed(String host, int port) {
        if (!dynamicBackendsAllowed) {
            return false;
        }
        if (dynamicBackendHosts.isEmpty()) {
            return true;
        }
        String h = host.toLowerCase(java.util.Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        for (String allowed : dynamicBackendHosts) {
            String a = allowed.toLowerCase(java.util.Locale.ROOT);
            String aHost = a;
            int aPort = -1;
            int colon = a.lastIndexOf(':');
            if (colon > 0
                    && a.indexOf(':') == colon
                    && a.substring(colon + 1).chars().allMatch(Character::isDigit)) {
                aHost = a.substring(0, colon);
                aPort = Integer.parseInt(a.substring(colon + 1));
            }
            boolean hostMatches = aHost.startsWith("*.") ? h.endsWith(aHost.substring(1)) : aHost.equals(h);
            if (hostMatches && (aPort < 0 || aPort == port)) {
                return true;
            }
        }
        return false;
    }

    /** The hosts dynamic backends may reach; empty for any. */
    public java.util.List<String> dynamicBackendHosts() {
        return dynamicBackendHosts;
    }

    /** The config store with this name, or null. */
    public Map<String, String> configStore(String name) {
        return configStores.get(name);
    }

    /** Whether a log endpoint of this name can be opened (any name, as in Viceroy). */
    boolean logEndpointAllowed(String name) {
        return true;
    }

    void log(Sandbox sandbox, String endpoint, String line) {
        if (journal != null) {
            journal.log(sandbox.downstream().requestId(), LogLine.Source.ENDPOINT, endpoint, line);
        }
        logSink.write(endpoint, line);
    }

    /**
     * Notes a line the program of a sandbox wrote to its standard output or error, for {@link #view()}: the local
     * server's door hands the program's output over here (it prints it too).
     *
     * @param sandbox the sandbox whose program wrote it (its current client request gets the line)
     * @param stderr whether it went to standard error
     * @param line the line, without its newline
     */
    public void programOutput(Sandbox sandbox, boolean stderr, String line) {
        if (journal != null) {
            journal.log(
                    sandbox.downstream().requestId(), stderr ? LogLine.Source.STDERR : LogLine.Source.STDOUT, "", line);
        }
    }

    /** The environment variables a program sees, with a trace id for the given sandbox number. */
    public Map<String, String> environment(String traceId) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("FASTLY_TRACE_ID", traceId);
        return env;
    }

    /**
     * Sends a request to a backend on behalf of a sandbox, through the readthrough cache: the one hook where
     * Fastly's caching of {@code send} happens, for both doors.
     *
     * @param requestId the id of the client request the sandbox serves (for the recorded requests)
     */
    UpstreamResponse send(String requestId, Backend backend, RequestHead head, BodyBuffer body, CacheOverride override)
            throws SendFailure {
        if (journal == null) {
            return readthrough.send(backend, head, body, override);
        }
        RequestJournal.Call call = journal.backendRequest(requestId, backend, head);
        if (!head.bypassReadthrough() && override != CacheOverride.UNCACHED) {
            try {
                journal.nameKey(ReadthroughCache.key(head), head.uri());
            } catch (IllegalArgumentException e) {
                // a malformed key override: the send fails on it below
            }
        }
        try {
            UpstreamResponse response = readthrough.send(backend, head, body, override);
            call.answered(response);
            return response;
        } catch (SendFailure | RuntimeException e) {
            call.failed(e.getMessage());
            throw e;
        }
    }

    /**
     * A backend's response under the host's rules, whatever origin gave it: a header section over Fastly's limit
     * ({@link HeaderSection}) is the send error {@code http_response_header_section_too_large}.
     */
    private static UpstreamResponse withinLimits(Backend backend, UpstreamResponse response) throws SendFailure {
        long bytes = HeaderSection.bytes(response.head().headers());
        if (HeaderSection.tooLarge(bytes)) {
            response.body().discard();
            throw new SendFailure(
                    FastlyHttpReq.SEND_ERROR_TAG_HTTP_RESPONSE_HEADER_SECTION_TOO_LARGE,
                    HeaderSection.describe("the response of backend " + backend.name(), bytes));
        }
        return response;
    }

    /**
     * The readthrough cache: purges (all, by URL, by surrogate key) and waiting for its background work.
     *
     * @return the engine's readthrough cache
     */
    public ReadthroughCache readthrough() {
        return readthrough;
    }

    /**
     * {@link #send} on another thread; the sandbox abandons it when the program never waits for it.
     *
     * @param requestId the id of the client request the sandbox serves now (it may serve another by the time the
     *     send runs)
     */
    AsyncSend sendAsync(String requestId, Backend backend, RequestHead head, BodyBuffer body, CacheOverride override) {
        AsyncSend send = new AsyncSend();
        Timeline.Work work = timeline.begin();
        send.counted(work);
        try {
            async.execute(() -> work.run(() -> send.run(() -> send(requestId, backend, head, body, override))));
        } catch (RuntimeException e) {
            work.end();
            throw e;
        }
        return send;
    }

    // ---- stores, geolocation, rate counters and request reuse (fastly_kv_store, fastly_secret_store,
    // fastly_geo, fastly_erl, fastly_http_downstream.next_request)

    /** The KV store with this name, or null. */
    public KvStore kvStore(String name) {
        return kvStores.get(name);
    }

    /** The secret store with this name (secret name to plaintext), or null. */
    public Map<String, byte[]> secretStore(String name) {
        return secretStores.get(name);
    }

    /** What {@code fastly_geo.lookup} answers. */
    public Geolocation geolocation() {
        return geolocation;
    }

    /** What every client request reports of its connection (TLS, fingerprints, flags): see {@link ClientConnection}. */
    public ClientConnection clientConnection() {
        return clientConnection;
    }

    /**
     * Changes what client requests from now on report of their connection, as {@link
     * Builder#clientConnection(ClientConnection)} sets it.
     *
     * @throws NullPointerException if {@code connection} is null
     */
    public void clientConnection(ClientConnection connection) {
        this.clientConnection = Objects.requireNonNull(connection, "connection");
    }

    /** Where sandboxes that call {@code next_request} get their next client request. */
    public DownstreamSource downstreamSource() {
        return downstreamSource;
    }

    /** The edge rate limiter's counters and penalty boxes. */
    public RateCounters rateCounters() {
        return rateCounters;
    }

    /** Runs a host task (a body pump, a pending wait) on the engine's background threads. */
    public void execute(Runnable task) {
        async.execute(task);
    }

    /** Stops the engine's background threads (sends, body pumps, cache writes). */
    @Override
    public void close() {
        async.shutdownNow();
        cacheWriters.shutdownNow();
    }

    // ---- run-time definitions (the testkit scripts a host after building it)

    /**
     * Defines a backend, replacing one of the same name.
     *
     * @param backend the backend
     */
    public void putBackend(Backend backend) {
        Objects.requireNonNull(backend, "backend");
        backends.put(backend.name(), backend);
    }

    /** The KV store with this name, created empty if it does not exist. */
    public KvStore putKvStore(String name) {
        Objects.requireNonNull(name, "name");
        return kvStores.computeIfAbsent(name, n -> new KvStore(clock));
    }

    /** Defines (or replaces) a secret store; the plaintexts are copied. */
    public void putSecretStore(String name, Map<String, byte[]> secrets) {
        Objects.requireNonNull(name, "name");
        Map<String, byte[]> copy = new ConcurrentHashMap<>();
        secrets.forEach((k, v) -> copy.put(k, v.clone()));
        secretStores.put(name, Collections.unmodifiableMap(copy));
    }

    /** Whether programs may register dynamic backends (Fastly enables it per service). */
    public boolean dynamicBackendsAllowed() {
        return dynamicBackendsAllowed;
    }

    /** Allows or forbids dynamic backends; a forbidden registration is {@code unsupported}. */
    public void allowDynamicBackends(boolean allowed) {
        this.dynamicBackendsAllowed = allowed;
    }

    /**
     * Defines a config store, replacing one of the same name.
     *
     * @param name the store name
     * @param entries its keys and values (copied)
     */
    public void putConfigStore(String name, Map<String, String> entries) {
        Objects.requireNonNull(name, "name");
        configStores.put(name, Collections.unmodifiableMap(new LinkedHashMap<>(entries)));
    }

    // ---- ACLs (fastly_acl)

    /** The ACL of this name, or null. */
    public AccessControlList acl(String name) {
        return acls.get(name);
    }

    /**
     * Defines (or replaces) an ACL; sandboxes opening it from now on see it.
     *
     * @param name the ACL name
     * @param acl its entries
     */
    public void putAcl(String name, AccessControlList acl) {
        acls.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(acl, "acl"));
    }

    // ---- what the view reads

    Map<String, Map<String, String>> configStores() {
        return Collections.unmodifiableMap(configStores);
    }

    Map<String, KvStore> kvStores() {
        return Collections.unmodifiableMap(kvStores);
    }

    Map<String, Map<String, byte[]>> secretStores() {
        return Collections.unmodifiableMap(secretStores);
    }

    // ---- a new configuration while serving

    /**
     * Replaces the engine's definitions with those of {@code definitions}, as a deploy of a new service
     * configuration does, while the engine keeps serving: backends (those programs registered at run time stay),
     * config, KV and secret stores (KV stores start again from their seeds), geolocation data, ACLs and the dynamic
     * backend settings. The execution limits stay as the engine started with them. The cache,
     * the clock, the origin, the log sink and the recorded requests stay. A definition that exists before and after
     * is never missing in between; requests in flight may see either.
     *
     * @param definitions a builder holding the new definitions (its other settings are ignored)
     * @throws NullPointerException if {@code definitions} is null
     */
    public void redefine(Builder definitions) {
        Objects.requireNonNull(definitions, "definitions");
        Map<String, Backend> nextBackends = new LinkedHashMap<>(definitions.backends);
        backends.putAll(nextBackends);
        backends.entrySet().removeIf(e -> !e.getValue().dynamic() && !nextBackends.containsKey(e.getKey()));
        configStores.putAll(definitions.configStores);
        configStores.keySet().retainAll(definitions.configStores.keySet());
        Map<String, KvStore> kv = new LinkedHashMap<>(definitions.kvStores);
        definitions.kvSeeds.forEach((name, entries) -> {
            KvStore store = new KvStore(clock);
            entries.forEach((k, v) -> store.insert(k, v, KvStore.InsertMode.OVERWRITE, null, null, null));
            kv.put(name, store);
        });
        kvStores.putAll(kv);
        kvStores.keySet().retainAll(kv.keySet());
        secretStores.putAll(definitions.secretStores);
        secretStores.keySet().retainAll(definitions.secretStores.keySet());
        acls.putAll(definitions.acls);
        acls.keySet().retainAll(definitions.acls.keySet());
        geolocation = definitions.geolocation;
        dynamicBackendsAllowed = definitions.dynamicBackendsAllowed;
        dynamicBackendHosts = java.util.List.copyOf(definitions.dynamicBackendHosts);
    }

    /** Builds a {@link HostEngine}. */
    public static final class Builder {
        private InstantSource clock = InstantSource.system();
        private Timeline timeline = Timeline.system();
        private Origin origin = (backend, request, body) -> {
            throw new SendFailure(
                    FastlyHttpReq.SEND_ERROR_TAG_DESTINATION_UNAVAILABLE, "no origin is configured for " + backend);
        };
        private final Map<String, Backend> backends = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> configStores = new LinkedHashMap<>();
        private LogSink logSink = (endpoint, line) -> System.out.println(endpoint + " :: " + line);
        private final Map<String, String> environment = new LinkedHashMap<>();
        private long cacheCapacity = CacheStore.DEFAULT_CAPACITY;
        private Duration defaultTtl = CachePolicy.DEFAULT_TTL;
        private final Map<String, KvStore> kvStores = new LinkedHashMap<>();
        private final Map<String, Map<String, byte[]>> kvSeeds = new LinkedHashMap<>();
        private final Map<String, Map<String, byte[]>> secretStores = new LinkedHashMap<>();
        private Geolocation geolocation = Geolocation.DEFAULT;
        private ClientConnection clientConnection = ClientConnection.PLAIN_HTTP;
        private DownstreamSource downstreamSource = DownstreamSource.NONE;
        private final Map<String, AccessControlList> acls = new LinkedHashMap<>();
        private ExecutionLimits limits = ExecutionLimits.DEFAULT;
        private boolean dynamicBackendsAllowed = true;
        private final java.util.List<String> dynamicBackendHosts = new java.util.ArrayList<>();
        private int requestHistory;

        private Builder() {
            environment.put("FASTLY_CACHE_GENERATION", "0");
            environment.put("FASTLY_CUSTOMER_ID", "0000000000000000000000");
            environment.put("FASTLY_HOSTNAME", "localhost");
            environment.put("FASTLY_POP", "XXX");
            environment.put("FASTLY_REGION", "Somewhere");
            environment.put("FASTLY_SERVICE_ID", "0000000000000000000000");
            environment.put("FASTLY_SERVICE_VERSION", "0");
        }

        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How time passes for waits on the clock: a virtual timeline over the builder's clock lets concurrent
         * work overlap on it (see {@link Timeline}).
         */
        public Builder timeline(Timeline timeline) {
            this.timeline = Objects.requireNonNull(timeline, "timeline");
            return this;
        }

        public Builder origin(Origin origin) {
            this.origin = Objects.requireNonNull(origin, "origin");
            return this;
        }

        /**
         * Adds a backend.
         *
         * @throws IllegalArgumentException if the name is already defined
         */
        public Builder backend(Backend backend) {
            Objects.requireNonNull(backend, "backend");
            if (backends.putIfAbsent(backend.name(), backend) != null) {
                throw new IllegalArgumentException("backend: '" + backend.name() + "' is defined twice");
            }
            return this;
        }

        public Builder configStore(String name, Map<String, String> entries) {
            Objects.requireNonNull(name, "name");
            configStores.put(name, Collections.unmodifiableMap(new LinkedHashMap<>(entries)));
            return this;
        }

        public Builder logSink(LogSink sink) {
            this.logSink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** Sets an environment variable every program sees. */
        public Builder environment(String name, String value) {
            environment.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Bounds the cache store: bodies plus metadata; least recently used objects are evicted past it.
         *
         * @throws IllegalArgumentException if {@code bytes} is not positive
         */
        public Builder cacheCapacity(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("bytes: must be positive");
            }
            this.cacheCapacity = bytes;
            return this;
        }

        /**
         * The lifetime the readthrough cache gives a cacheable response without freshness information.
         *
         * @throws IllegalArgumentException if {@code ttl} is negative
         */
        public Builder readthroughDefaultTtl(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.isNegative()) {
                throw new IllegalArgumentException("ttl: negative (" + ttl + ")");
            }
            this.defaultTtl = ttl;
            return this;
        }

        /**
         * Adds a KV store with entries (key to value, no metadata).
         *
         * @throws IllegalArgumentException if a key is not a valid KV key
         */
        public Builder kvStore(String name, Map<String, byte[]> entries) {
            Objects.requireNonNull(name, "name");
            Map<String, byte[]> copy = new LinkedHashMap<>();
            entries.forEach((k, v) -> {
                if (!KvStore.isValidKey(k)) {
                    throw new IllegalArgumentException("kvStore: '" + k + "' is not a valid key in store " + name);
                }
                copy.put(k, v.clone());
            });
            kvStores.remove(name);
            kvSeeds.put(name, copy);
            return this;
        }

        /** Adds a KV store built elsewhere (it keeps its own clock). */
        public Builder kvStore(String name, KvStore store) {
            kvSeeds.remove(Objects.requireNonNull(name, "name"));
            kvStores.put(name, Objects.requireNonNull(store, "store"));
            return this;
        }

        /** Adds a secret store (secret name to plaintext). */
        public Builder secretStore(String name, Map<String, byte[]> secrets) {
            Objects.requireNonNull(name, "name");
            Map<String, byte[]> copy = new LinkedHashMap<>();
            secrets.forEach((k, v) -> copy.put(k, v.clone()));
            secretStores.put(name, Collections.unmodifiableMap(copy));
            return this;
        }

        /** Sets what {@code fastly_geo.lookup} answers. */
        public Builder geolocation(Geolocation geolocation) {
            this.geolocation = Objects.requireNonNull(geolocation, "geolocation");
            return this;
        }

        /**
         * Sets what client requests report of their connection beyond plain HTTP (TLS details, client certificate,
         * fingerprints, the DDoS flag, whether the {@code Fastly-Key} is valid); {@link ClientConnection#PLAIN_HTTP}
         * by default, as the local server speaks plain HTTP.
         */
        public Builder clientConnection(ClientConnection connection) {
            this.clientConnection = Objects.requireNonNull(connection, "connection");
            return this;
        }

        /** Sets where sandboxes calling {@code next_request} get more client requests. */
        public Builder downstreamSource(DownstreamSource source) {
            this.downstreamSource = Objects.requireNonNull(source, "source");
            return this;
        }

        /** Defines (or replaces) the ACL {@code fastly_acl.open} opens by this name. */
        public Builder acl(String name, AccessControlList acl) {
            acls.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(acl, "acl"));
            return this;
        }

        /** The limits on each execution (default {@link ExecutionLimits#DEFAULT}, Fastly's). */
        public Builder limits(ExecutionLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Whether programs may register dynamic backends (default true); a refused registration is unsupported. */
        public Builder allowDynamicBackends(boolean allowed) {
            this.dynamicBackendsAllowed = allowed;
            return this;
        }

        /**
         * Limits dynamic backends to these hosts ({@code host}, {@code host:port} or {@code *.domain}); none listed
         * means any host.
         *
         * @throws IllegalArgumentException if a host is empty
         */
        public Builder dynamicBackendHosts(java.util.Collection<String> hosts) {
            for (String h : hosts) {
                if (h == null || h.isBlank()) {
                    throw new IllegalArgumentException("dynamicBackendHosts: a host is empty");
                }
                dynamicBackendHosts.add(h.trim());
            }
            return this;
        }

        /**
         * Has the engine record its last {@code count} client requests (status, backend requests with their cache
         * outcome, log lines) for {@link HostEngine#view()}; 0, the default, records none.
         *
         * @throws IllegalArgumentException if {@code count} is negative
         */
        public Builder requestHistory(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("count: must not be negative, got " + count);
            }
            this.requestHistory = count;
            return this;
        }

        public HostEngine build() {
            return new HostEngine(this);
        }
    }
}
