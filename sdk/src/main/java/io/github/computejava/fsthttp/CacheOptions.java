package io.github.computejava.fsthttp;

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

    private CacheOptions(Builder b) {
        this.pass = b.pass;
        this.pci = b.pci;
        this.ttl = b.ttl;
        this.staleWhileRevalidate = b.staleWhileRevalidate;
        this.surrogateKey = b.surrogateKey;
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

    /** Whether any override is set, so the host must be told. */
    boolean isDefault() {
        return !pass && !pci && ttl == null && staleWhileRevalidate == null && surrogateKey == null;
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
                && Objects.equals(surrogateKey, other.surrogateKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pass, pci, ttl, staleWhileRevalidate, surrogateKey);
    }

    @Override
    public String toString() {
        return "CacheOptions{pass=" + pass + ", pci=" + pci + ", ttl=" + ttl + ", staleWhileRevalidate="
                + staleWhileRevalidate + ", surrogateKey=" + surrogateKey + "}";
    }

    /** Builds {@link CacheOptions}; every setter checks its argument at once. */
    public static final class Builder {
        private boolean pass;
        private boolean pci;
        private Duration ttl;
        private Duration staleWhileRevalidate;
        private String surrogateKey;

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
         * Overrides the TTL of a cacheable response.
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
