package io.github.computejava.host.cache;

import io.github.computejava.host.http.HeaderList;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The metadata a write gives an object: freshness (max age, initial age, stale-while-revalidate), the vary rule
 * and the request headers it applies to, surrogate keys, the expected length, user metadata and the
 * sensitive-data flag. Durations are nanoseconds, as the ABI carries them.
 */
public final class WriteOptions {
    private final long maxAgeNanos;
    private final long initialAgeNanos;
    private final long staleWhileRevalidateNanos;
    private final long edgeMaxAgeNanos;
    private final VaryRule varyRule;
    private final HeaderList requestHeaders;
    private final Set<String> surrogateKeys;
    private final long length;
    private final byte[] userMetadata;
    private final boolean sensitive;

    private WriteOptions(Builder b) {
        this.maxAgeNanos = b.maxAgeNanos;
        this.initialAgeNanos = b.initialAgeNanos;
        this.staleWhileRevalidateNanos = b.staleWhileRevalidateNanos;
        this.edgeMaxAgeNanos = b.edgeMaxAgeNanos < 0 ? b.maxAgeNanos : b.edgeMaxAgeNanos;
        this.varyRule = b.varyRule;
        this.requestHeaders = b.requestHeaders;
        this.surrogateKeys = b.surrogateKeys;
        this.length = b.length;
        this.userMetadata = b.userMetadata;
        this.sensitive = b.sensitive;
    }

    /**
     * Options with a freshness lifetime.
     *
     * @param maxAgeNanos the max age (TTL) in nanoseconds
     * @return a builder
     * @throws IllegalArgumentException if {@code maxAgeNanos} is negative
     */
    public static Builder builder(long maxAgeNanos) {
        return new Builder(maxAgeNanos);
    }

    /**
     * Options with a freshness lifetime.
     *
     * @param maxAge the max age (TTL)
     * @return a builder
     * @throws IllegalArgumentException if {@code maxAge} is negative
     */
    public static Builder builder(Duration maxAge) {
        return new Builder(maxAge.toNanos());
    }

    /** @return the max age (TTL) in nanoseconds */
    public long maxAgeNanos() {
        return maxAgeNanos;
    }

    /** @return the age the object had when written, in nanoseconds */
    public long initialAgeNanos() {
        return initialAgeNanos;
    }

    /** @return how long after expiring the object may still be served while one client revalidates it */
    public long staleWhileRevalidateNanos() {
        return staleWhileRevalidateNanos;
    }

    /** @return the max age at the delivering node (never more than the max age) */
    public long edgeMaxAgeNanos() {
        return edgeMaxAgeNanos;
    }

    /** @return the vary rule */
    public VaryRule varyRule() {
        return varyRule;
    }

    /** @return the request headers of a non-transactional write, or null to use the lookup's */
    public HeaderList requestHeaders() {
        return requestHeaders;
    }

    /** @return the surrogate keys */
    public Set<String> surrogateKeys() {
        return surrogateKeys;
    }

    /** @return the length the writer announced, or -1 */
    public long length() {
        return length;
    }

    /** @return the user metadata (not copied) */
    public byte[] userMetadata() {
        return userMetadata;
    }

    /** @return whether the object holds sensitive data */
    public boolean sensitive() {
        return sensitive;
    }

    /** Builds {@link WriteOptions}. */
    public static final class Builder {
        private final long maxAgeNanos;
        private long initialAgeNanos;
        private long staleWhileRevalidateNanos;
        private long edgeMaxAgeNanos = -1;
        private VaryRule varyRule = VaryRule.NONE;
        private HeaderList requestHeaders;
        private Set<String> surrogateKeys = Set.of();
        private long length = -1;
        private byte[] userMetadata = new byte[0];
        private boolean sensitive;

        private Builder(long maxAgeNanos) {
            this.maxAgeNanos = nonNegative(maxAgeNanos, "maxAge");
        }

        /**
         * @param nanos the initial age
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder initialAgeNanos(long nanos) {
            this.initialAgeNanos = nonNegative(nanos, "initialAge");
            return this;
        }

        /**
         * @param nanos the stale-while-revalidate period
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder staleWhileRevalidateNanos(long nanos) {
            this.staleWhileRevalidateNanos = nonNegative(nanos, "staleWhileRevalidate");
            return this;
        }

        /**
         * @param nanos the max age at the delivering node
         * @return this builder
         * @throws IllegalArgumentException if negative or more than the max age
         */
        public Builder edgeMaxAgeNanos(long nanos) {
            nonNegative(nanos, "edgeMaxAge");
            if (nanos > maxAgeNanos) {
                throw new IllegalArgumentException("edgeMaxAge: more than the max age");
            }
            this.edgeMaxAgeNanos = nanos;
            return this;
        }

        /**
         * @param rule the vary rule
         * @return this builder
         * @throws NullPointerException if {@code rule} is null
         */
        public Builder varyRule(VaryRule rule) {
            this.varyRule = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /**
         * @param headers the request headers the vary rule applies to (non-transactional writes)
         * @return this builder
         * @throws NullPointerException if {@code headers} is null
         */
        public Builder requestHeaders(HeaderList headers) {
            this.requestHeaders = Objects.requireNonNull(headers, "headers").copy();
            return this;
        }

        /**
         * @param keys validated surrogate keys (see {@link SurrogateKeys#parse})
         * @return this builder
         * @throws NullPointerException if {@code keys} is null
         */
        public Builder surrogateKeys(Set<String> keys) {
            // in the order written, so get_surrogate_keys answers alike on every run (Set.copyOf's order is not)
            this.surrogateKeys = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(keys));
            return this;
        }

        /**
         * @param length the body's length as announced by the writer
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder length(long length) {
            this.length = nonNegative(length, "length");
            return this;
        }

        /**
         * @param metadata the user metadata (copied)
         * @return this builder
         * @throws NullPointerException if {@code metadata} is null
         */
        public Builder userMetadata(byte[] metadata) {
            this.userMetadata = Objects.requireNonNull(metadata, "metadata").clone();
            return this;
        }

        /**
         * @param sensitive whether the object holds sensitive data
         * @return this builder
         */
        public Builder sensitive(boolean sensitive) {
            this.sensitive = sensitive;
            return this;
        }

        /** @return the options */
        public WriteOptions build() {
            return new WriteOptions(this);
        }

        private static long nonNegative(long value, String name) {
            if (value < 0) {
                throw new IllegalArgumentException(name + ": negative (" + value + ")");
            }
            return value;
        }
    }
}
