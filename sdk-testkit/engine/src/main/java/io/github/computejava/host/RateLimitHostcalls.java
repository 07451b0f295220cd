package io.github.computejava.host;

import io.github.computejava.abi.FastlyStatus;
import java.time.Duration;

/**
 * The {@code fastly_erl} hostcalls over the engine's {@link RateCounters}, shared by both doors: argument checks
 * and outcomes. Methods return a {@code fastly_status}; out-values go to element 0 of the array given.
 */
public final class RateLimitHostcalls {
    private final RateCounters counters;

    /** @param counters the engine's counters and penalty boxes */
    public RateLimitHostcalls(RateCounters counters) {
        this.counters = counters;
    }

    /** {@code check_rate}: a rate window of 1, 10 or 60 seconds and a non-zero time to live, else inval. */
    public int checkRate(
            String counter, String entry, int delta, int window, int limit, String box, int ttl, int[] blockedOut) {
        if (!RateCounters.isRateWindow(window) || ttl == 0) {
            return FastlyStatus.INVAL;
        }
        boolean blocked = counters.check(
                counter,
                entry,
                delta,
                window,
                Integer.toUnsignedLong(limit),
                box,
                Duration.ofSeconds(Integer.toUnsignedLong(ttl)));
        blockedOut[0] = blocked ? 1 : 0;
        return FastlyStatus.OK;
    }

    /** {@code ratecounter_increment}. */
    public int increment(String counter, String entry, int delta) {
        counters.increment(counter, entry, delta);
        return FastlyStatus.OK;
    }

    /** {@code ratecounter_lookup_rate}: a window of 1, 10 or 60 seconds, else inval. */
    public int lookupRate(String counter, String entry, int window, int[] rateOut) {
        if (!RateCounters.isRateWindow(window)) {
            return FastlyStatus.INVAL;
        }
        rateOut[0] = (int) Math.min(counters.rate(counter, entry, window), 0xFFFFFFFFL);
        return FastlyStatus.OK;
    }

    /** {@code ratecounter_lookup_count}: a duration of 10 to 60 seconds in steps of 10, else inval. */
    public int lookupCount(String counter, String entry, int duration, int[] countOut) {
        if (!RateCounters.isCountDuration(duration)) {
            return FastlyStatus.INVAL;
        }
        countOut[0] = (int) Math.min(counters.count(counter, entry, duration), 0xFFFFFFFFL);
        return FastlyStatus.OK;
    }

    /** {@code penaltybox_add}: a non-zero time to live in seconds, else inval. */
    public int penaltyBoxAdd(String box, String entry, int ttl) {
        if (ttl == 0) {
            return FastlyStatus.INVAL;
        }
        counters.penalize(box, entry, Duration.ofSeconds(Integer.toUnsignedLong(ttl)));
        return FastlyStatus.OK;
    }

    /** {@code penaltybox_has}. */
    public int penaltyBoxHas(String box, String entry, int[] hasOut) {
        hasOut[0] = counters.penalized(box, entry) ? 1 : 0;
        return FastlyStatus.OK;
    }
}
