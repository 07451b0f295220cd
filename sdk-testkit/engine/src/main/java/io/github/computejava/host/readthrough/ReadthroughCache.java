package io.github.computejava.host.readthrough;

import io.github.computejava.abi.FastlyHttpReq;
import io.github.computejava.host.backend.Backend;
import io.github.computejava.host.backend.SendFailure;
import io.github.computejava.host.cache.CacheLimitException;
import io.github.computejava.host.cache.CacheLookup;
import io.github.computejava.host.cache.CacheNamespace;
import io.github.computejava.host.cache.CacheStore;
import io.github.computejava.host.cache.CachedObject;
import io.github.computejava.host.cache.ObjectWriter;
import io.github.computejava.host.cache.Obligation;
import io.github.computejava.host.cache.SurrogateKeys;
import io.github.computejava.host.cache.VaryRule;
import io.github.computejava.host.cache.WriteOptions;
import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.http.CacheOverride;
import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.RequestHead;
import io.github.computejava.host.http.ResponseHead;
import io.github.computejava.host.http.UpstreamResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Fastly's readthrough cache on the engine's {@link CacheStore} (in the {@link CacheNamespace#READTHROUGH}
 * namespace): what {@code send} does when the program leaves caching to the host, and the operations the
 * {@code fastly_http_cache} hostcalls use when the program drives it. The rules are {@link CachePolicy}'s.
 *
 * <p>A send: a request Fastly does not look up (not GET or HEAD, or {@code pass}) goes to the backend. Otherwise
 * the cache key (URL and {@code Host}, or the program's) is looked up, collapsing with concurrent lookups of the
 * same object: a usable response is a hit ({@code X-Cache: HIT}, {@code X-Cache-Hits}, {@code Age}); a
 * hit-for-pass object sends the request on at once; otherwise one request fetches from the backend (revalidating
 * a stale response with {@code If-None-Match}/{@code If-Modified-Since}) while the others wait. A storable
 * response is inserted as soon as its head arrives and its body streams into the store while the client and the
 * waiters read it; an uncacheable one is recorded as hit-for-pass or handed to the next waiter. A stale response
 * within its stale-while-revalidate period is served while one background task revalidates it; one within its
 * stale-if-error period stands in for a backend that fails or answers 5xx; a 304 refreshes its freshness and keeps its
 * headers ({@link CachePolicy#revalidated}).
 *
 * <p>The backend is asked for the whole response, without the client's conditional and range headers; every stored
 * response then answers its client's request with {@link ClientAnswer}: whole, 304, 206 or 416. docs/caching.md lists
 * every rule with its source.
 */
public final class ReadthroughCache {
    private static final int COPY_CHUNK = 16 * 1024;

    private final CacheStore store;
    private final CachePolicy policy;
    private final Upstream upstream;
    private final Executor background;
    private final InstantSource clock;
    private final Object idle = new Object();
    private int inFlight;

    /**
     * Creates the readthrough cache of an engine.
     *
     * @param store the engine's store
     * @param policy the caching rules
     * @param upstream where requests the cache cannot answer go
     * @param background runs body copies and stale-while-revalidate revalidations
     * @param clock the engine's clock
     * @throws NullPointerException if an argument is null
     */
    public ReadthroughCache(
            CacheStore store, CachePolicy policy, Upstream upstream, Executor background, InstantSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.background = Objects.requireNonNull(background, "background");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The caching rules.
     *
     * @return the policy
     */
    public CachePolicy policy() {
        return policy;
    }

    /**
     * The store.
     *
     * @return the engine's cache store
     */
    public CacheStore store() {
        return store;
    }

    /**
     * The engine's time.
     *
     * @return now, by the engine's clock
     */
    public Instant now() {
        return clock.instant();
    }

    // ---- send

    /**
     * Sends a request through the cache.
     *
     * @param backend the backend
     * @param request the request head (not changed)
     * @param body the request body
     * @param override the program's cache override
     * @return the response for the program, from the cache or the backend
     * @throws SendFailure when the backend gives no response and no stale response may stand in, or the cache key
     *     override is invalid
     */
    public UpstreamResponse send(Backend backend, RequestHead request, BodyBuffer body, CacheOverride override)
            throws SendFailure {
        if (request.bypassReadthrough() || override == CacheOverride.UNCACHED) {
            // the HTTP cache API's own backend request (its transaction is the lookup), or send_v3/send_async_v2,
            // which bypass every cache and add no X-Cache
            return upstream.exchange(backend, request, body, override)
                    .withCacheOutcome(request.bypassReadthrough() ? CacheOutcome.MISS : CacheOutcome.PASS);
        }
        if (override.pass() || !CachePolicy.isRequestCacheable(request.method())) {
            return pass(backend, request, body, override).withCacheOutcome(CacheOutcome.PASS);
        }
        byte[] key = keyOrFail(request);
        CacheLookup lookup;
        try {
            lookup = store.transactionLookup(CacheNamespace.READTHROUGH, key, request.headers());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailure(
                    FastlyHttpReq.SEND_ERROR_TAG_INTERNAL_ERROR, "interrupted while waiting for the cache", e);
        }
        Optional<CachedObject> found = lookup.found();
        if (found.isPresent()) {
            StoredResponse meta = meta(found.get());
            if (meta == null || meta.isHitForPass()) {
                lookup.obligation().ifPresent(Obligation::release);
                return pass(backend, request, body, override)
                        .withCacheOutcome(meta == null ? CacheOutcome.PASS : CacheOutcome.HIT_FOR_PASS);
            }
            lookup.obligation().ifPresent(o -> revalidateInBackground(o, backend, request, override));
            return fromObject(found.get(), meta, request, true, lookup.hits(), now())
                    .withCacheOutcome(lookup.isStale() ? CacheOutcome.STALE : CacheOutcome.HIT);
        }
        Obligation obligation = lookup.obligation().orElseThrow(() -> new IllegalStateException("no obligation"));
        return fill(obligation, backend, request, body, override);
    }

    /**
     * The cache key of a request: its {@code fastly-xqd-cache-key} override, or Fastly's default.
     *
     * @param request the request
     * @return 32 bytes
     * @throws IllegalArgumentException if the override header is not 64 hex digits
     */
    public static byte[] key(RequestHead request) {
        return CacheKeys.overrideKey(request).orElseGet(() -> CacheKeys.defaultKey(request));
    }

    private static byte[] keyOrFail(RequestHead request) throws SendFailure {
        try {
            return key(request);
        } catch (IllegalArgumentException e) {
            throw new SendFailure(FastlyHttpReq.SEND_ERROR_TAG_HTTP_REQUEST_CACHE_KEY_INVALID, e.getMessage());
        }
    }

    private UpstreamResponse pass(Backend backend, RequestHead request, BodyBuffer body, CacheOverride override)
            throws SendFailure {
        RequestHead outgoing = request.copy();
        outgoing.headers().remove(CachePolicy.CACHE_KEY_HEADER);
        UpstreamResponse response = upstream.exchange(backend, outgoing, body, override);
        CachePolicy.prepareForClient(response.head().headers(), request.headers(), false, 0, -1);
        return response;
    }

    /** Fetches for the holder of an obligation; returns what its client gets. */
    private UpstreamResponse fill(
            Obligation obligation, Backend backend, RequestHead request, BodyBuffer body, CacheOverride override)
            throws SendFailure {
        CachedObject stale = obligation.existing().orElse(null);
        StoredResponse staleMeta = stale == null ? null : meta(stale);
        if (staleMeta != null && staleMeta.isHitForPass()) {
            stale = null;
            staleMeta = null;
        }
        HeaderList validators = staleMeta != null ? staleMeta.head().headers() : null;
        RequestHead outgoing = CachePolicy.backendRequest(request, validators);
        if ("HEAD".equals(outgoing.method())) {
            outgoing.method("GET"); // fill the cache with the whole response
        }
        UpstreamResponse response;
        try {
            response = upstream.exchange(backend, outgoing, body, override);
        } catch (SendFailure | RuntimeException e) {
            if (stale != null && withinStaleIfError(stale, staleMeta)) {
                obligation.release();
                return fromObject(stale, staleMeta, request, true, stale.recordHit(), now())
                        .withCacheOutcome(CacheOutcome.STALE);
            }
            obligation.release();
            throw e;
        }
        ResponseHead head = response.head();
        if (head.status() == 304 && staleMeta != null) {
            return revalidated(obligation, stale, staleMeta, response, request, override)
                    .withCacheOutcome(CacheOutcome.REVALIDATED);
        }
        if (head.status() >= 500 && stale != null && withinStaleIfError(stale, staleMeta)) {
            response.body().discard();
            obligation.release();
            return fromObject(stale, staleMeta, request, true, stale.recordHit(), now())
                    .withCacheOutcome(CacheOutcome.STALE);
        }
        CachePolicy.Decision decision = policy.evaluate(head, clock.instant(), override);
        if (decision.action() == StorageAction.INSERT) {
            ObjectWriter writer;
            try {
                writer = obligation.insert(
                        writeOptions(decision, head, response.body().knownLength()));
            } catch (CacheLimitException e) {
                // the key has all the vary rules it may have: this response is passed on, not stored
                obligation.release();
                return passOn(response, request).withCacheOutcome(CacheOutcome.MISS);
            }
            copyInBackground(response.body(), writer);
            return fromObject(writer.object(), meta(writer.object()), request, false, 0, now())
                    .withCacheOutcome(CacheOutcome.MISS);
        }
        if (decision.action() == StorageAction.RECORD_UNCACHEABLE) {
            recordUncacheable(obligation, seconds(decision.hitForPassSeconds()), decision.varyNames());
        } else {
            obligation.release();
        }
        return passOn(response, request).withCacheOutcome(CacheOutcome.MISS);
    }

    /**
     * A 304 answered a revalidation: the stored response, its headers as first stored, is kept with the freshness
     * the 304 gives it, and serves the client.
     */
    private UpstreamResponse revalidated(
            Obligation obligation,
            CachedObject stale,
            StoredResponse staleMeta,
            UpstreamResponse notModified,
            RequestHead request,
            CacheOverride override) {
        notModified.body().discard();
        ResponseHead kept = staleMeta.head();
        CachePolicy.Decision decision = policy.revalidated(kept, notModified.head(), clock.instant(), override);
        if (decision.action() == StorageAction.INSERT) {
            try {
                CachedObject updated = obligation.update(writeOptions(decision, kept, -1));
                return fromObject(updated, meta(updated), request, false, 0, now());
            } catch (CacheLimitException e) {
                obligation.release();
            }
        } else if (decision.action() == StorageAction.RECORD_UNCACHEABLE) {
            recordUncacheable(obligation, seconds(decision.hitForPassSeconds()), decision.varyNames());
        } else {
            obligation.release();
        }
        return fromObject(stale, staleMeta, request, false, 0, now());
    }

    private static UpstreamResponse passOn(UpstreamResponse response, RequestHead request) {
        CachePolicy.prepareForClient(response.head().headers(), request.headers(), false, 0, -1);
        if ("HEAD".equals(request.method())) {
            response.body().discard();
            return new UpstreamResponse(response.head(), BodyBuffer.of(new byte[0]));
        }
        return response;
    }

    private void revalidateInBackground(
            Obligation obligation, Backend backend, RequestHead request, CacheOverride override) {
        RequestHead copy = request.copy();
        boolean started = runInBackground(() -> {
            try {
                UpstreamResponse r = fill(obligation, backend, copy, BodyBuffer.of(new byte[0]), override);
                r.body().discard();
            } catch (SendFailure | RuntimeException e) {
                obligation.release(); // the stale response stays until its stale-while-revalidate period ends
            }
        });
        if (!started) {
            obligation.release();
        }
    }

    // ---- objects

    /**
     * The readthrough metadata of an object.
     *
     * @param object an object of the readthrough namespace
     * @return its metadata, or null if it has none
     */
    public static StoredResponse meta(CachedObject object) {
        return StoredResponse.decode(object.userMetadata()).orElse(null);
    }

    /**
     * Whether a stored response may stand in for a failed backend: its age is within its freshness lifetime plus
     * its stale-if-error period.
     *
     * @param object the stored object
     * @param meta its metadata
     * @return true when it is within its stale-if-error period (or still fresh)
     */
    public static boolean withinStaleIfError(CachedObject object, StoredResponse meta) {
        if (meta == null || meta.isHitForPass()) {
            return false;
        }
        long limit = object.maxAgeNanos() + meta.staleIfErrorNanos();
        if (limit < 0) {
            limit = Long.MAX_VALUE;
        }
        return object.ageNanos() < limit;
    }

    /**
     * The response a stored object gives the program: what {@link #answer} makes of it for the request, its head
     * with {@code Age}, {@code X-Cache} and {@code X-Cache-Hits} (surrogate headers removed unless the request
     * debugs).
     *
     * @param object the object
     * @param meta its metadata
     * @param request the program's request
     * @param hit whether to report a hit
     * @param hits the hit count to report
     * @param now the current time
     * @return the response
     */
    public static UpstreamResponse fromObject(
            CachedObject object, StoredResponse meta, RequestHead request, boolean hit, long hits, Instant now) {
        UpstreamResponse answer = answer(object, meta, request, now);
        CachePolicy.prepareForClient(
                answer.head().headers(), request.headers(), hit, hits, object.ageNanos() / 1_000_000_000L);
        return answer;
    }

    /**
     * What a stored object answers a request with ({@link ClientAnswer}): the stored response, a 304 when the
     * request's conditional headers match it, a 206 with the requested slice of its body, or a 416. A HEAD request
     * gets no body, but the length a GET would get (RFC 9110 section 8.6) once the stored body's length is known.
     * The body is read as it is stored or still arriving.
     *
     * @param object the object
     * @param meta its metadata
     * @param request the request
     * @param now the current time
     * @return the response (headers as stored, plus what the answer needs)
     */
    public static UpstreamResponse answer(CachedObject object, StoredResponse meta, RequestHead request, Instant now) {
        ResponseHead stored = meta.head();
        long length = object.length();
        ClientAnswer answer = ClientAnswer.evaluate(request.method(), request.headers(), stored, length, now);
        ResponseHead head = answer.head(stored, length);
        if (answer.isBodiless()) {
            return new UpstreamResponse(head, BodyBuffer.of(new byte[0]));
        }
        if ("HEAD".equals(request.method())) {
            if (length >= 0) {
                head.headers().set("Content-Length", Long.toString(length));
            }
            return new UpstreamResponse(head, BodyBuffer.of(new byte[0]));
        }
        if (answer.kind() == ClientAnswer.Kind.PARTIAL) {
            return new UpstreamResponse(head, slice(object, answer.first(), answer.last()));
        }
        return new UpstreamResponse(head, body(object));
    }

    private static BodyBuffer slice(CachedObject object, long first, long last) {
        try {
            InputStream in = object.openBody(first, last, true);
            return BodyBuffer.fromStream(in, last - first + 1);
        } catch (IOException e) {
            BodyBuffer b = new BodyBuffer();
            b.abandon();
            return b;
        }
    }

    /**
     * A body reading a stored object from its start, waiting for bytes still being written.
     *
     * @param object the object
     * @return the body
     */
    public static BodyBuffer body(CachedObject object) {
        try {
            InputStream in = object.openBody(-1, -1, false);
            return BodyBuffer.fromStream(in, object.length());
        } catch (IOException e) {
            BodyBuffer b = new BodyBuffer();
            b.abandon();
            return b;
        }
    }

    /**
     * The store metadata for a response the policy decided to store.
     *
     * @param decision the policy's decision (its freshness, vary names, surrogate keys, sensitivity)
     * @param head the response head to keep
     * @param length the body length, or -1 when unknown
     * @return the write options
     */
    public static WriteOptions writeOptions(CachePolicy.Decision decision, ResponseHead head, long length) {
        Freshness f = decision.freshness();
        return writeOptions(
                seconds(f.lifetimeSeconds()),
                seconds(f.initialAgeSeconds()),
                seconds(f.staleWhileRevalidateSeconds()),
                seconds(f.staleIfErrorSeconds()),
                decision.varyNames(),
                decision.surrogateKeys(),
                decision.sensitive(),
                length,
                head);
    }

    /**
     * Store metadata from explicit values (the {@code fastly_http_cache} write options).
     *
     * @param maxAgeNanos the freshness lifetime
     * @param initialAgeNanos the age on arrival
     * @param swrNanos the stale-while-revalidate period
     * @param sieNanos the stale-if-error period
     * @param varyNames the request headers the response varies on
     * @param surrogateKeys space-separated surrogate keys; invalid ones are ignored
     * @param sensitive whether it is sensitive data
     * @param length the body length, or -1
     * @param head the response head to keep
     * @return the write options
     * @throws IllegalArgumentException if a vary name is not a header name or a duration is negative
     */
    public static WriteOptions writeOptions(
            long maxAgeNanos,
            long initialAgeNanos,
            long swrNanos,
            long sieNanos,
            List<String> varyNames,
            String surrogateKeys,
            boolean sensitive,
            long length,
            ResponseHead head) {
        WriteOptions.Builder b = WriteOptions.builder(maxAgeNanos)
                .initialAgeNanos(initialAgeNanos)
                .staleWhileRevalidateNanos(swrNanos)
                .varyRule(VaryRule.of(varyNames))
                .surrogateKeys(validKeys(surrogateKeys))
                .sensitive(sensitive)
                .userMetadata(StoredResponse.of(head, sieNanos).encode());
        if (length >= 0) {
            b.length(length);
        }
        return b.build();
    }

    /**
     * Meets an obligation with a hit-for-pass object: lookups of its variant go straight to the backend until
     * it expires.
     *
     * @param obligation the obligation
     * @param nanos how long the object lasts
     * @param varyNames the vary rule it is stored under
     * @throws IllegalArgumentException if {@code nanos} is negative or a vary name is not a header name
     */
    public static void recordUncacheable(Obligation obligation, long nanos, List<String> varyNames) {
        WriteOptions options = WriteOptions.builder(nanos)
                .varyRule(VaryRule.of(varyNames))
                .length(0)
                .userMetadata(StoredResponse.hitForPass().encode())
                .build();
        try {
            obligation.insert(options).finish();
        } catch (CacheLimitException e) {
            obligation.release();
        }
    }

    private static Set<String> validKeys(String keys) {
        StringBuilder valid = new StringBuilder();
        for (String k : keys.split(" ")) {
            if (k.isEmpty()) {
                continue;
            }
            try {
                SurrogateKeys.validate(k);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (valid.length() + k.length() + 1 > SurrogateKeys.MAX_TOTAL_LENGTH) {
                break;
            }
            valid.append(valid.length() == 0 ? "" : " ").append(k);
        }
        return SurrogateKeys.parse(valid.toString());
    }

    static long seconds(long s) {
        return s >= Long.MAX_VALUE / 1_000_000_000L ? Long.MAX_VALUE : s * 1_000_000_000L;
    }

    // ---- background work

    /**
     * Copies a backend body into an object on a background thread: the object's readers get the bytes as they
     * come. A failing backend body abandons the object (its readers get an error, and it is removed).
     *
     * @param from the backend body
     * @param to the object's writer
     */
    public void copyInBackground(BodyBuffer from, ObjectWriter to) {
        boolean started = runInBackground(() -> {
            byte[] buf = new byte[COPY_CHUNK];
            try {
                int n;
                while ((n = from.read(buf, 0, buf.length)) >= 0) {
                    if (n > 0 && !to.write(buf, 0, n)) {
                        from.discard();
                        return;
                    }
                }
                to.finish();
            } catch (IOException | RuntimeException e) {
                to.abandon();
                from.discard();
            }
        });
        if (!started) {
            to.abandon();
        }
    }

    private boolean runInBackground(Runnable task) {
        synchronized (idle) {
            inFlight++;
        }
        try {
            background.execute(() -> {
                try {
                    task.run();
                } finally {
                    synchronized (idle) {
                        inFlight--;
                        idle.notifyAll();
                    }
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            synchronized (idle) {
                inFlight--;
                idle.notifyAll();
            }
            return false;
        }
    }

    /**
     * Waits until no body copy or revalidation is running.
     *
     * @param timeout the longest wait
     * @return true when idle, false when the timeout passed first
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitBackgroundWork(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                idle.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    // ---- purges

    /**
     * Removes every readthrough object.
     *
     * @return how many were removed
     */
    public int purgeAll() {
        return store.clear(CacheNamespace.READTHROUGH);
    }

    /**
     * Removes the objects (all variants) of a URL, as the purge API's purge by URL does.
     *
     * @param url the absolute URL
     * @return how many were removed
     * @throws NullPointerException if {@code url} is null
     */
    public int purgeUrl(String url) {
        return store.remove(CacheNamespace.READTHROUGH, CacheKeys.defaultKey(url, null));
    }

    /**
     * Purges every object (of every cache interface) carrying a surrogate key.
     *
     * @param surrogateKey the key
     * @param soft mark stale instead of removing
     * @return how many were purged
     */
    public int purgeSurrogateKey(String surrogateKey, boolean soft) {
        return store.purge(surrogateKey, soft);
    }
}
