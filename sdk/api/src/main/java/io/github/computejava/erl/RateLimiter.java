package io.github.computejava.erl;

import io.github.computejava.internal.guest.ErlGuest;
import java.time.Duration;
import java.util.Objects;

/**
 * An edge rate limiter: a {@link RateCounter} and a {@link PenaltyBox} used together. Each {@link #checkRate}
 * counts events for an entry; once the entry's rate over the window goes above the limit, the entry goes into the
 * penalty box, and checks answer "blocked" until its time to live ends.
 *
 * <pre>{@code
 * RateLimiter limiter = RateLimiter.open(RateCounter.open("requests"), PenaltyBox.open("banned"));
 * boolean blocked = limiter.checkRate(clientAddress, 1, RateWindow.TEN_SECONDS, 100, Duration.ofMinutes(5));
 * if (blocked) {
 *     response.status(429);
 * }
 * }</pre>
 */
public final class RateLimiter {
    /** The lowest limit Fastly accepts, in events per second. */
    public static final int MIN_LIMIT = 10;

    /** The highest limit Fastly accepts, in events per second. */
    public static final int MAX_LIMIT = 10_000;

    private final RateCounter counter;
    private final PenaltyBox penaltyBox;

    private RateLimiter(RateCounter counter, PenaltyBox penaltyBox) {
        this.counter = counter;
        this.penaltyBox = penaltyBox;
    }

    /**
     * A rate limiter over a rate counter and a penalty box.
     *
     * @param counter counts the events
     * @param penaltyBox holds the entries over the limit
     * @return the rate limiter
     * @throws NullPointerException if an argument is null
     */
    public static RateLimiter open(RateCounter counter, PenaltyBox penaltyBox) {
        return new RateLimiter(
                Objects.requireNonNull(counter, "counter"), Objects.requireNonNull(penaltyBox, "penaltyBox"));
    }

    /**
     * The rate counter.
     *
     * @return the counter
     */
    public RateCounter counter() {
        return counter;
    }

    /**
     * The penalty box.
     *
     * @return the penalty box
     */
    public PenaltyBox penaltyBox() {
        return penaltyBox;
    }

    /**
     * Counts {@code delta} events for an entry and tells whether it is blocked: an entry already in the penalty
     * box is blocked; otherwise, if its rate over {@code window} is now above {@code limit}, it goes into the
     * penalty box for {@code ttl} and is blocked.
     *
     * @param entry the entry, such as a client address
     * @param delta the number of events, typically 1
     * @param window the window the rate is averaged over
     * @param limit the highest rate allowed, in events per second, from {@value #MIN_LIMIT} to {@value
     *     #MAX_LIMIT}
     * @param ttl how long an entry over the limit stays in the penalty box, 1 to 60 minutes (truncated to the
     *     minute)
     * @return true when the entry is blocked
     * @throws IllegalArgumentException if {@code delta} is negative, {@code limit} is out of range or {@code ttl}
     *     is under a minute or over 60 minutes
     * @throws NullPointerException if an argument is null
     * @throws io.github.computejava.HostcallException if the host refuses the call
     */
    public boolean checkRate(String entry, int delta, RateWindow window, int limit, Duration ttl) {
        byte[] e = RateCounter.entryBytes(entry);
        RateCounter.checkDelta(delta);
        Objects.requireNonNull(window, "window");
        if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "limit: must be from " + MIN_LIMIT + " to " + MAX_LIMIT + " per second, was " + limit);
        }
        int seconds = PenaltyBox.ttlSeconds(ttl);
        return ErlGuest.checkRate(
                counter.nameBytes(), e, delta, window.seconds(), limit, penaltyBox.nameBytes(), seconds);
    }

    @Override
    public String toString() {
        return "RateLimiter{" + counter.name() + ", " + penaltyBox.name() + "}";
    }
}
