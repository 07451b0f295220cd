package io.github.computejava.fsthttp;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How long one program instance keeps serving client requests under {@link Compute#serveMany}: how long it waits
 * for the next request, how long it lives, and how many requests it serves. A limit left unset is the host's.
 *
 * <pre>{@code
 * Compute.serveMany(handler, ServeManyOptions.builder()
 *         .nextTimeout(Duration.ofSeconds(1))
 *         .maxLifetime(Duration.ofMinutes(1))
 *         .maxRequests(100)
 *         .build());
 * }</pre>
 */
public final class ServeManyOptions {
    /** No limits of the program's own: the host decides how long an instance lives and how much it serves. */
    public static final ServeManyOptions DEFAULT = builder().build();

    private final Duration nextTimeout;
    private final Duration maxLifetime;
    private final int maxRequests;

    private ServeManyOptions(Builder b) {
        this.nextTimeout = b.nextTimeout;
        this.maxLifetime = b.maxLifetime;
        this.maxRequests = b.maxRequests;
    }

    /**
     * A builder with no limits set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * How long the instance waits for another request once it has answered one.
     *
     * @return the timeout, or empty for the host's ({@code next_request} without a timeout)
     */
    public Optional<Duration> nextTimeout() {
        return Optional.ofNullable(nextTimeout);
    }

    /**
     * How long after its start the instance stops taking requests: it finishes the one it serves, and waits for
     * the next one no longer than what remains.
     *
     * @return the lifetime, or empty for no limit of the program's own
     */
    public Optional<Duration> maxLifetime() {
        return Optional.ofNullable(maxLifetime);
    }

    /**
     * How many requests the instance serves at most, the first included.
     *
     * @return the limit, or empty for no limit of the program's own
     */
    public OptionalInt maxRequests() {
        return maxRequests == 0 ? OptionalInt.empty() : OptionalInt.of(maxRequests);
    }

    @Override
    public String toString() {
        return "ServeManyOptions{nextTimeout=" + nextTimeout + ", maxLifetime=" + maxLifetime + ", maxRequests="
                + (maxRequests == 0 ? "none" : String.valueOf(maxRequests)) + "}";
    }

    /** Builds {@link ServeManyOptions}. */
    public static final class Builder {
        private Duration nextTimeout;
        private Duration maxLifetime;
        private int maxRequests;

        private Builder() {}

        /**
         * Sets how long the instance waits for another request once it has answered one (whole milliseconds;
         * the host may cap it).
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws NullPointerException if {@code timeout} is null
         * @throws IllegalArgumentException if {@code timeout} is zero or negative
         */
        public Builder nextTimeout(Duration timeout) {
            this.nextTimeout = positive(timeout, "nextTimeout");
            return this;
        }

        /**
         * Sets how long after its start the instance stops taking requests.
         *
         * @param lifetime a positive duration
         * @return this builder
         * @throws NullPointerException if {@code lifetime} is null
         * @throws IllegalArgumentException if {@code lifetime} is zero or negative
         */
        public Builder maxLifetime(Duration lifetime) {
            this.maxLifetime = positive(lifetime, "maxLifetime");
            return this;
        }

        /**
         * Sets how many requests the instance serves at most, the first included ({@code 1} serves one, as
         * {@link Compute#serve} does).
         *
         * @param requests at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code requests} is below 1
         */
        public Builder maxRequests(int requests) {
            if (requests < 1) {
                throw new IllegalArgumentException("maxRequests must be at least 1, not " + requests);
            }
            this.maxRequests = requests;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public ServeManyOptions build() {
            return new ServeManyOptions(this);
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(what + " must be positive, not " + d);
            }
            return d;
        }
    }
}
