package io.github.computejava.cache.core;

import io.github.computejava.fsthttp.Headers;
import java.util.Objects;

/**
 * How to look an object up: the request headers that choose among its variants (when it was written with a
 * vary rule), and whether body ranges are honoured while the length is still unknown.
 */
public final class LookupOptions {
    private static final LookupOptions DEFAULT = builder().build();

    private final Headers requestHeaders;
    private final boolean alwaysUseRequestedRange;

    private LookupOptions(Builder b) {
        this.requestHeaders = b.requestHeaders.copy();
        this.alwaysUseRequestedRange = b.alwaysUseRequestedRange;
    }

    /**
     * Options with no request headers.
     *
     * @return the default options
     */
    public static LookupOptions defaults() {
        return DEFAULT;
    }

    /**
     * A builder for options.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.requestHeaders = requestHeaders.copy();
        b.alwaysUseRequestedRange = alwaysUseRequestedRange;
        return b;
    }

    /**
     * The request headers vary rules are matched against.
     *
     * @return a copy of the headers
     */
    public Headers requestHeaders() {
        return requestHeaders.copy();
    }

    /**
     * Whether a body range is honoured even while the object's length is unknown (reads then wait for the
     * range's bytes); otherwise such a read returns the whole body.
     *
     * @return the flag
     */
    public boolean alwaysUseRequestedRange() {
        return alwaysUseRequestedRange;
    }

    boolean hasRequestHeaders() {
        return !requestHeaders.isEmpty();
    }

    Headers rawRequestHeaders() {
        return requestHeaders;
    }

    /** Builds {@link LookupOptions}. */
    public static final class Builder {
        private Headers requestHeaders = new Headers();
        private boolean alwaysUseRequestedRange;

        private Builder() {}

        /**
         * Adds a request header value.
         *
         * @param name the header name
         * @param value the value
         * @return this builder
         * @throws IllegalArgumentException if the name is not an HTTP token or the value holds CR, LF or NUL
         * @throws NullPointerException if an argument is null
         */
        public Builder header(String name, String value) {
            requestHeaders.add(name, value);
            return this;
        }

        /**
         * Replaces the request headers (for example with a client request's).
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
         * Sets whether ranges are honoured while the length is unknown.
         *
         * @param always the flag
         * @return this builder
         */
        public Builder alwaysUseRequestedRange(boolean always) {
            this.alwaysUseRequestedRange = always;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public LookupOptions build() {
            return new LookupOptions(this);
        }
    }
}
