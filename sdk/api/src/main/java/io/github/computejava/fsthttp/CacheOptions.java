package io.github.computejava.fsthttp;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the readthrough cache treats one backend request: the overrides of Fastly's {@code CacheOverride}.
 *
 * <p>A TTL override applies only to responses Fastly considers cacheable: a {@code Cache-Control: private}
 * response stays uncached whatever the TTL says. Durations travel to the host as whole seconds (rounded
 * down).
 *
 * <pre>{@code
 * request.cacheOptions(CacheOptions.builder().ttl(Duration.ofSeconds(30)).build());
 * }</pre>
 *
 * <p>Hooks customize the cache further: {@link Builder#beforeSend} changes the request only when it really
 * goes to the backend, {@link Builder#afterSend} inspects the backend's response before it is stored and
 * decides its cacheability, TTL, stale periods, vary, surrogate keys and body. With a hook (or a
 * stale-if-error period) set, {@link Request#send} drives the cache from the program through Fastly's HTTP
 * cache API ({@code fastly_http_cache}); without, the host does all of it in one call. Both share one cache.
 */
public final class CacheOptions {
    /** No overrides: the origin's caching headers decide. */
    public static final CacheOptions DEFAULT = builder().build();

    /** Bypass the cache for this request. */
    public static final CacheOptions PASS = builder().pass(true).build();

    /** The largest duration the host accepts, in seconds ({@code u32}). */
    static final long MAX_SECONDS = 0xFFFFFFFFL;

    private final boolean pass;
    private final boolean pci;
    private final Duration ttl;
    private final Duration staleWhileRevalidate;
    private final String surrogateKey;
    private final Duration staleIfError;
    private final byte[] overrideKey;
    private final BeforeSend beforeSend;
    private final AfterSend afterSend;
    private final CacheFlow flow;
    private final CacheFacts.Source facts;

    private CacheOptions(Builder b) {
        this.pass = b.pass;
        this.pci = b.pci;
        this.ttl = b.ttl;
        this.staleWhileRevalidate = b.staleWhileRevalidate;
        this.surrogateKey = b.surrogateKey;
        this.staleIfError = b.staleIfError;
        this.overrideKey = b.overrideKey;
        this.beforeSend = b.beforeSend;
        this.afterSend = b.afterSend;
        this.flow = b.flow;
        this.facts = b.facts;
    }

    /**
     * A builder with no overrides set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.pass = pass;
        b.pci = pci;
        b.ttl = ttl;
        b.staleWhileRevalidate = staleWhileRevalidate;
        b.surrogateKey = surrogateKey;
        b.staleIfError = staleIfError;
        b.overrideKey = overrideKey;
        b.beforeSend = beforeSend;
        b.afterSend = afterSend;
        b.flow = flow;
        b.facts = facts;
        return b;
    }

    /**
     * Whether the request bypasses the cache.
     *
     * @return true for pass
     */
    public boolean pass() {
        return pass;
    }

    /**
     * Whether the response must not be written to disk (PCI compliance).
     *
     * @return true when set
     */
    public boolean pci() {
        return pci;
    }

    /**
     * The TTL override.
     *
     * @return the TTL, or empty to use the origin's freshness information
     */
    public Optional<Duration> ttl() {
        return Optional.ofNullable(ttl);
    }

    /**
     * The stale-while-revalidate override.
     *
     * @return the period, or empty to use the origin's
     */
    public Optional<Duration> staleWhileRevalidate() {
        return Optional.ofNullable(staleWhileRevalidate);
    }

    /**
     * The surrogate key override (space-separated keys).
     *
     * @return the keys, or empty to use the origin's {@code Surrogate-Key} header
     */
    public Optional<String> surrogateKey() {
        return Optional.ofNullable(surrogateKey);
    }

    /**
     * The stale-if-error override: how long after turning stale a stored response may stand in for a failed or
     * 5xx backend response.
     *
     * @return the period, or empty to use the origin's
     */
    public Optional<Duration> staleIfError() {
        return Optional.ofNullable(staleIfError);
    }

    /**
     * The cache key used instead of the one Fastly derives from the URL and {@code Host}.
     *
     * @return a copy of the 32-byte key, or empty
     */
    public Optional<byte[]> overrideKey() {
        return overrideKey == null ? Optional.empty() : Optional.of(overrideKey.clone());
    }

    /**
     * The hook run on the backend request when the cache cannot answer.
     *
     * @return the hook, or empty
     */
    public Optional<BeforeSend> beforeSend() {
        return Optional.ofNullable(beforeSend);
    }

    /**
     * The hook run on a backend response before it is stored.
     *
     * @return the hook, or empty
     */
    public Optional<AfterSend> afterSend() {
        return Optional.ofNullable(afterSend);
    }

    /** Whether any readthrough override is set, so the host must be told. */
    boolean isDefault() {
        return !pass && !pci && ttl == null && staleWhileRevalidate == null && surrogateKey == null;
    }

    /** The program-driven cache flow, set only by the options that need it (so others never link it in). */
    CacheFlow flow() {
        return flow;
    }

    /** What reads a stored response's cache facts, set only by {@link Builder#cacheFacts}; else null. */
    CacheFacts.Source factsSource() {
        return facts;
    }

    byte[] overrideKeyBytes() {
        return overrideKey;
    }

    BeforeSend beforeSendHook() {
        return beforeSend;
    }

    AfterSend afterSendHook() {
        return afterSend;
    }

    Duration staleIfErrorValue() {
        return staleIfError;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CacheOptions)) {
            return false;
        }
        CacheOptions other = (CacheOptions) o;
        return pass == other.pass
                && pci == other.pci
                && Objects.equals(ttl, other.ttl)
                && Objects.equals(staleWhileRevalidate, other.staleWhileRevalidate)
                && Objects.equals(surrogateKey, other.surrogateKey)
                && Objects.equals(staleIfError, other.staleIfError)
                && java.util.Arrays.equals(overrideKey, other.overrideKey)
                && beforeSend == other.beforeSend
                && afterSend == other.afterSend;
    }

    @Override
    public int hashCode() {
        return Objects.hash(pass, pci, ttl, staleWhileRevalidate, surrogateKey, staleIfError)
                + 31 * java.util.Arrays.hashCode(overrideKey);
    }

    @Override
    public String toString() {
        return "CacheOptions{pass=" + pass + ", pci=" + pci + ", ttl=" + ttl + ", staleWhileRevalidate="
                + staleWhileRevalidate + ", staleIfError=" + staleIfError + ", surrogateKey=" + surrogateKey
                + (overrideKey != null ? ", overrideKey" : "") + (beforeSend != null ? ", beforeSend" : "")
                + (afterSend != null ? ", afterSend" : "") + "}";
    }

    /** Builds {@link CacheOptions}; every setter checks its argument at once. */
    /** A hook run on the backend request before it is sent ({@link Builder#beforeSend}); it may fail with I/O. */
    @FunctionalInterface
    public interface BeforeSend {
        /**
         * Changes the request about to go to the backend.
         *
         * @param request the backend request
         * @throws IOException to fail the send: {@link Request#send} throws it as an {@link
         *     java.io.UncheckedIOException}
         */
        void accept(Request request) throws IOException;
    }

    /** A hook run on a backend response before it is stored ({@link Builder#afterSend}); it may fail with I/O. */
    @FunctionalInterface
    public interface AfterSend {
        /**
         * Changes what is stored and returned.
         *
         * @param response the candidate response
         * @throws IOException to fail the send: {@link Request#send} throws it as an {@link
         *     java.io.UncheckedIOException}, unless a stale response may stand in (stale-if-error)
         */
        void accept(CandidateResponse response) throws IOException;
    }

    public static final class Builder {
        private boolean pass;
        private boolean pci;
        private Duration ttl;
        private Duration staleWhileRevalidate;
        private String surrogateKey;
        private Duration staleIfError;
        private byte[] overrideKey;
        private BeforeSend beforeSend;
        private AfterSend afterSend;
        private CacheFlow flow;
        private CacheFacts.Source facts;

        private Builder() {}

        /**
         * Bypasses the cache.
         *
         * @param pass true to pass
         * @return this builder
         */
        public Builder pass(boolean pass) {
            this.pass = pass;
            return this;
        }

        /**
         * Keeps the response off disk (PCI compliance).
         *
         * @param pci true to set
         * @return this builder
         */
        public Builder pci(boolean pci) {
            this.pci = pci;
            return this;
        }

        /**
         * Overrides the TTL of a cacheable response: it stays fresh for {@code ttl} from its arrival. As on Fastly,
         * an {@code Age} from the origin does not shorten an explicit TTL; clients still see the age counted from
         * the origin's.
         *
         * @param ttl the TTL, from zero up to 2^32-1 seconds
         * @return this builder
         * @throws IllegalArgumentException if {@code ttl} is negative or too large
         * @throws NullPointerException if {@code ttl} is null
         */
        public Builder ttl(Duration ttl) {
            this.ttl = checkSeconds(ttl, "ttl");
            return this;
        }

        /**
         * Overrides the stale-while-revalidate period.
         *
         * @param period the period, from zero up to 2^32-1 seconds
         * @return this builder
         * @throws IllegalArgumentException if {@code period} is negative or too large
         * @throws NullPointerException if {@code period} is null
         */
        public Builder staleWhileRevalidate(Duration period) {
            this.staleWhileRevalidate = checkSeconds(period, "staleWhileRevalidate");
            return this;
        }

        /**
         * Overrides the surrogate keys (space-separated) the response is stored under.
         *
         * @param keys the keys
         * @return this builder
         * @throws IllegalArgumentException if {@code keys} is empty or holds CR, LF or NUL
         * @throws NullPointerException if {@code keys} is null
         */
        public Builder surrogateKey(String keys) {
            Objects.requireNonNull(keys, "surrogateKey");
            if (keys.trim().isEmpty()) {
                throw new IllegalArgumentException("surrogateKey: must name at least one key");
            }
            Headers.checkValue(keys);
            this.surrogateKey = keys;
            return this;
        }

        /**
         * Overrides the stale-if-error period: a stored response this much past its freshness may stand in for
         * a backend that fails or answers 5xx. Setting it makes {@link Request#send} drive the cache from the
         * program, as the hooks do (the host's one-call send has no such override).
         *
         * @param period the period, from zero up to 2^32-1 seconds
         * @return this builder
         * @throws IllegalArgumentException if {@code period} is negative or too large
         * @throws NullPointerException if {@code period} is null
         */
        public Builder staleIfError(Duration period) {
            this.staleIfError = checkSeconds(period, "staleIfError");
            this.flow = GuestCache.FLOW;
            return this;
        }

        /**
         * Uses this cache key instead of the one Fastly derives from the URL and {@code Host}: requests with the
         * same key share one cached response (subject to {@code Vary}).
         *
         * @param key exactly 32 bytes (copied), for example a SHA-256 digest
         * @return this builder
         * @throws IllegalArgumentException if {@code key} is not 32 bytes long
         * @throws NullPointerException if {@code key} is null
         */
        public Builder overrideKey(byte[] key) {
            Objects.requireNonNull(key, "overrideKey");
            if (key.length != 32) {
                throw new IllegalArgumentException("overrideKey: must be 32 bytes, got " + key.length);
            }
            this.overrideKey = key.clone();
            return this;
        }

        /**
         * Runs {@code hook} on the request just before it goes to the backend, which happens only when the cache
         * cannot answer: the place for headers that are expensive to compute. The hook may change the method,
         * URL, headers, body and cache options of the request it is given.
         *
         * @param hook the hook; an exception it throws fails {@link Request#send} (an {@code IOException} as an {@link
         *     java.io.UncheckedIOException})
         * @return this builder
         * @throws NullPointerException if {@code hook} is null
         */
        public Builder beforeSend(BeforeSend hook) {
            this.beforeSend = Objects.requireNonNull(hook, "beforeSend");
            this.flow = GuestCache.FLOW;
            return this;
        }

        /**
         * Runs {@code hook} on each backend response before the cache stores it (revalidation responses
         * included): it may change the status, headers, cacheability, TTL, stale periods, vary rule, surrogate
         * keys, sensitivity and body of what is stored and returned.
         *
         * @param hook the hook; an exception it throws fails {@link Request#send} unless a stale response may
         *     stand in (stale-if-error)
         * @return this builder
         * @throws NullPointerException if {@code hook} is null
         */
        public Builder afterSend(AfterSend hook) {
            this.afterSend = Objects.requireNonNull(hook, "afterSend");
            this.flow = GuestCache.FLOW;
            return this;
        }

        /**
         * Sends through Fastly's HTTP cache API (as the hooks do) and keeps the cache's facts of a response it
         * answers from the cache: {@link Response#ttl()}, {@link Response#age()}, the stale periods, {@link
         * Response#vary()}, {@link Response#surrogateKeys()} and {@link Response#maskedError()} (the host's
         * one-call send reports none of them). Caching is the same either way, one cache serves both. Only a
         * program that sets it links the flow and the reading of the facts (a few kilobytes of {@code main.wasm}).
         *
         * @param report true to report the facts; false reports none (hooks still send through the flow)
         * @return this builder
         */
        public Builder cacheFacts(boolean report) {
            if (report) {
                this.flow = GuestCache.FLOW;
                this.facts = CacheFacts.SOURCE;
            } else {
                this.facts = null;
            }
            return this;
        }

        /**
         * Builds the options.
         *
         * @return immutable options
         */
        public CacheOptions build() {
            return new CacheOptions(this);
        }

        private static Duration checkSeconds(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.getSeconds() > MAX_SECONDS) {
                throw new IllegalArgumentException(name + ": must be between 0 and " + MAX_SECONDS + " seconds");
            }
            return d;
        }
    }
}
