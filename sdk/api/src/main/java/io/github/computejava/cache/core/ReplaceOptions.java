package io.github.computejava.cache.core;

import io.github.computejava.fsthttp.Headers;
import java.util.Objects;

/** How to begin a {@link Replace}: request headers (for vary rules), the strategy and range behaviour. */
public final class ReplaceOptions {
    private static final ReplaceOptions DEFAULT = builder().build();

    private final Headers requestHeaders;
    private final ReplaceStrategy strategy;
    private final boolean alwaysUseRequestedRange;

    private ReplaceOptions(Builder b) {
        this.requestHeaders = b.requestHeaders.copy();
        this.strategy = b.strategy;
        this.alwaysUseRequestedRange = b.alwaysUseRequestedRange;
    }

    /**
     * Options with no request headers and the {@link ReplaceStrategy#IMMEDIATE} strategy.
     *
     * @return the default options
     */
    public static ReplaceOptions defaults() {
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

    /** @return a copy of the request headers */
    public Headers requestHeaders() {
        return requestHeaders.copy();
    }

    /** @return the strategy */
    public ReplaceStrategy strategy() {
        return strategy;
    }

    /** @return whether body ranges of the existing object are honoured while its length is unknown */
    public boolean alwaysUseRequestedRange() {
        return alwaysUseRequestedRange;
    }

    Headers rawRequestHeaders() {
        return requestHeaders;
    }

    /** Builds {@link ReplaceOptions}. */
    public static final class Builder {
        private Headers requestHeaders = new Headers();
        private ReplaceStrategy strategy = ReplaceStrategy.IMMEDIATE;
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
         * Replaces the request headers.
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
         * @param strategy how to treat other clients
         * @return this builder
         * @throws NullPointerException if {@code strategy} is null
         */
        public Builder strategy(ReplaceStrategy strategy) {
            this.strategy = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /**
         * @param always honour body ranges while the existing object's length is unknown
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
        public ReplaceOptions build() {
            return new ReplaceOptions(this);
        }
    }
}
