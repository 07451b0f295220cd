package io.github.computejava.cache.core;

import io.github.computejava.fsthttp.Headers;
import io.github.computejava.internal.Text;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The metadata of a write: the TTL (required), the headers the object varies on, its initial age, its
 * stale-while-revalidate period, surrogate keys, its length if known, user metadata and whether it holds
 * sensitive data. An update replaces all of it.
 *
 * <p>Surrogate keys follow Fastly's rules: each 1 to {@value #MAX_SURROGATE_KEY_LENGTH} bytes of graphic ASCII
 * ({@code !} to {@code ~}), all of them with separating spaces at most {@value #MAX_SURROGATE_KEYS_LENGTH}
 * bytes.
 */
public final class WriteOptions {
    /** The longest surrogate key, in bytes. */
    public static final int MAX_SURROGATE_KEY_LENGTH = 1024;

    /** The longest list of surrogate keys with the spaces between them, in bytes. */
    public static final int MAX_SURROGATE_KEYS_LENGTH = 16 * 1024;

    private final Duration ttl;
    private final List<String> varyBy;
    private final Headers requestHeaders;
    private final Duration initialAge;
    private final Duration staleWhileRevalidate;
    private final List<String> surrogateKeys;
    private final long knownLength;
    private final byte[] userMetadata;
    private final boolean sensitiveData;

    private WriteOptions(Builder b) {
        this.ttl = b.ttl;
        this.varyBy = Collections.unmodifiableList(new ArrayList<>(b.varyBy));
        this.requestHeaders = b.requestHeaders == null ? null : b.requestHeaders.copy();
        this.initialAge = b.initialAge;
        this.staleWhileRevalidate = b.staleWhileRevalidate;
        this.surrogateKeys = Collections.unmodifiableList(new ArrayList<>(b.surrogateKeys));
        this.knownLength = b.knownLength;
        this.userMetadata = b.userMetadata;
        this.sensitiveData = b.sensitiveData;
    }

    /**
     * A builder for options with a TTL.
     *
     * @param ttl how long the object stays fresh
     * @return a new builder
     * @throws IllegalArgumentException if {@code ttl} is negative
     * @throws NullPointerException if {@code ttl} is null
     */
    public static Builder builder(Duration ttl) {
        return new Builder(ttl);
    }

    /**
     * A builder starting from these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(ttl);
        b.varyBy.addAll(varyBy);
        b.requestHeaders = requestHeaders == null ? null : requestHeaders.copy();
        b.initialAge = initialAge;
        b.staleWhileRevalidate = staleWhileRevalidate;
        b.surrogateKeys.addAll(surrogateKeys);
        b.surrogateKeysLength = String.join(" ", surrogateKeys).length();
        b.knownLength = knownLength;
        b.userMetadata = userMetadata;
        b.sensitiveData = sensitiveData;
        return b;
    }

    /** @return how long the object stays fresh (its max age) */
    public Duration ttl() {
        return ttl;
    }

    /** @return the request header names the object varies on */
    public List<String> varyBy() {
        return varyBy;
    }

    /** @return the request headers a non-transactional insert computes its variant from */
    public Optional<Headers> requestHeaders() {
        return requestHeaders == null ? Optional.empty() : Optional.of(requestHeaders.copy());
    }

    /** @return the age the object already has when written */
    public Duration initialAge() {
        return initialAge;
    }

    /** @return how long past its TTL the object may be served while one client revalidates it */
    public Duration staleWhileRevalidate() {
        return staleWhileRevalidate;
    }

    /** @return the surrogate keys, for purging */
    public List<String> surrogateKeys() {
        return surrogateKeys;
    }

    /** @return the body's length, when announced */
    public OptionalLong knownLength() {
        return knownLength < 0 ? OptionalLong.empty() : OptionalLong.of(knownLength);
    }

    /** @return a copy of the user metadata */
    public byte[] userMetadata() {
        return userMetadata.clone();
    }

    /** @return whether the object holds sensitive data */
    public boolean sensitiveData() {
        return sensitiveData;
    }

    Headers rawRequestHeaders() {
        return requestHeaders;
    }

    byte[] rawUserMetadata() {
        return userMetadata;
    }

    static long nanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Builds {@link WriteOptions}; each setter rejects bad input at once. */
    public static final class Builder {
        private final Duration ttl;
        private final List<String> varyBy = new ArrayList<>();
        private Headers requestHeaders;
        private Duration initialAge = Duration.ZERO;
        private Duration staleWhileRevalidate = Duration.ZERO;
        private final LinkedHashSet<String> surrogateKeys = new LinkedHashSet<>();
        private int surrogateKeysLength;
        private long knownLength = -1;
        private byte[] userMetadata = new byte[0];
        private boolean sensitiveData;

        private Builder(Duration ttl) {
            this.ttl = nonNegative(ttl, "ttl");
        }

        /**
         * Makes the object vary on request headers: a lookup finds it only with the same values of these
         * headers as the request it was written for.
         *
         * @param headerNames header names, in any case
         * @return this builder
         * @throws IllegalArgumentException if a name is not an HTTP token
         * @throws NullPointerException if a name is null
         */
        public Builder varyBy(String... headerNames) {
            for (String name : headerNames) {
                Objects.requireNonNull(name, "headerNames");
                if (!Text.isToken(name)) {
                    throw new IllegalArgumentException("varyBy: '" + name + "' is not a header name");
                }
                varyBy.add(name);
            }
            return this;
        }

        /**
         * The request headers for a non-transactional {@link CoreCache#insert} (a transaction uses its lookup's).
         *
         * @param headers the headers (copied)
         * @return this builder
         * @throws NullPointerException if {@code headers} is null
         */
        public Builder requestHeaders(Headers headers) {
            this.requestHeaders = Objects.requireNonNull(headers, "headers").copy();
            return this;
        }

        /**
         * @param age the age the object already has (it expires that much sooner)
         * @return this builder
         * @throws IllegalArgumentException if negative
         * @throws NullPointerException if {@code age} is null
         */
        public Builder initialAge(Duration age) {
            this.initialAge = nonNegative(age, "initialAge");
            return this;
        }

        /**
         * @param period how long past the TTL the object may be served stale while one client revalidates it
         * @return this builder
         * @throws IllegalArgumentException if negative
         * @throws NullPointerException if {@code period} is null
         */
        public Builder staleWhileRevalidate(Duration period) {
            this.staleWhileRevalidate = nonNegative(period, "staleWhileRevalidate");
            return this;
        }

        /**
         * Adds surrogate keys, by which the object can be purged.
         *
         * @param keys the keys
         * @return this builder
         * @throws IllegalArgumentException if a key is empty, longer than {@value #MAX_SURROGATE_KEY_LENGTH}
         *     bytes, not graphic ASCII, or the keys together exceed {@value #MAX_SURROGATE_KEYS_LENGTH} bytes
         * @throws NullPointerException if a key is null
         */
        public Builder surrogateKeys(String... keys) {
            return surrogateKeys(java.util.Arrays.asList(keys));
        }

        /**
         * Adds surrogate keys, by which the object can be purged.
         *
         * @param keys the keys
         * @return this builder
         * @throws IllegalArgumentException if a key is empty, longer than {@value #MAX_SURROGATE_KEY_LENGTH}
         *     bytes, not graphic ASCII, or the keys together exceed {@value #MAX_SURROGATE_KEYS_LENGTH} bytes
         * @throws NullPointerException if a key is null
         */
        public Builder surrogateKeys(Collection<String> keys) {
            int length = surrogateKeysLength;
            List<String> added = new ArrayList<>();
            for (String key : keys) {
                checkSurrogateKey(key);
                if (!surrogateKeys.contains(key) && !added.contains(key)) {
                    length += (length == 0 ? 0 : 1) + key.length();
                    added.add(key);
                }
            }
            if (length > MAX_SURROGATE_KEYS_LENGTH) {
                throw new IllegalArgumentException(
                        "surrogateKeys: " + length + " bytes with spaces, at most " + MAX_SURROGATE_KEYS_LENGTH);
            }
            surrogateKeys.addAll(added);
            surrogateKeysLength = length;
            return this;
        }

        /**
         * Announces the body's length; the write fails if the body turns out longer or shorter.
         *
         * @param length the length in bytes
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder knownLength(long length) {
            if (length < 0) {
                throw new IllegalArgumentException("knownLength: negative (" + length + ")");
            }
            this.knownLength = length;
            return this;
        }

        /**
         * @param metadata bytes stored alongside the object (copied)
         * @return this builder
         * @throws NullPointerException if {@code metadata} is null
         */
        public Builder userMetadata(byte[] metadata) {
            this.userMetadata = Objects.requireNonNull(metadata, "metadata").clone();
            return this;
        }

        /**
         * @param sensitive whether the object holds sensitive data (kept out of logs and persistent storage)
         * @return this builder
         */
        public Builder sensitiveData(boolean sensitive) {
            this.sensitiveData = sensitive;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public WriteOptions build() {
            return new WriteOptions(this);
        }

        private static Duration nonNegative(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + ": negative (" + d + ")");
            }
            return d;
        }
    }

    /**
     * Checks a surrogate key against Fastly's rules.
     *
     * @param key the key
     * @throws IllegalArgumentException if it is empty, too long or not graphic ASCII
     * @throws NullPointerException if {@code key} is null
     */
    public static void checkSurrogateKey(String key) {
        Objects.requireNonNull(key, "surrogate key");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("surrogate key: empty");
        }
        if (key.length() > MAX_SURROGATE_KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "surrogate key: " + key.length() + " bytes, at most " + MAX_SURROGATE_KEY_LENGTH);
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                throw new IllegalArgumentException(
                        "surrogate key: character " + (int) c + " at " + i + " is not graphic ASCII");
            }
        }
    }
}
