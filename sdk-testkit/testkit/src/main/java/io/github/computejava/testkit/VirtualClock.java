package io.github.computejava.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when a test moves it: the host engine under test reads all its time from here, so
 * ageing or expiring a cached object is {@link #advance(Duration)}, never a sleep.
 *
 * <p>Every {@link TestHost} owns one, starting at {@link #DEFAULT_START}. A scripted backend's delay also passes
 * on this clock. Safe to use from several threads.
 */
public final class VirtualClock implements InstantSource {
    /** Where a new clock starts: 2025-01-01T00:00:00Z, so runs are repeatable. */
    public static final Instant DEFAULT_START = Instant.parse("2025-01-01T00:00:00Z");

    private final AtomicReference<Instant> now;

    /** A clock at {@link #DEFAULT_START}. */
    public VirtualClock() {
        this(DEFAULT_START);
    }

    /**
     * A clock at the given instant.
     *
     * @param start the first instant the clock reads
     * @throws NullPointerException if {@code start} is null
     */
    public VirtualClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    /**
     * The current virtual instant.
     *
     * @return the instant
     */
    @Override
    public Instant instant() {
        return now.get();
    }

    /**
     * Moves the clock forward.
     *
     * @param amount how far, zero or more
     * @return the new instant
     * @throws IllegalArgumentException if {@code amount} is negative
     * @throws NullPointerException if {@code amount} is null
     */
    public Instant advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount: a clock only moves forward, got " + amount);
        }
        return now.updateAndGet(t -> t.plus(amount));
    }

    /**
     * Sets the clock to an instant, forward or back (to test a clock step on the host).
     *
     * @param instant the new instant
     * @return this clock
     * @throws NullPointerException if {@code instant} is null
     */
    public VirtualClock set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
        return this;
    }

    @Override
    public String toString() {
        return "VirtualClock{" + now.get() + "}";
    }
}
