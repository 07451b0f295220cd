package io.github.computejava.host;

import io.github.computejava.abi.FastlyErl;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.host.edge.RateCounters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code fastly_erl}: the edge rate limiter over the engine's {@link RateCounters}, shared by both doors: argument
 * checks and outcomes. Names are UTF-8.
 */
final class ErlHost implements FastlyErl {
    private final RateCounters counters;

    /** @param counters the engine's counters and penalty boxes */
    ErlHost(RateCounters counters) {
        this.counters = counters;
    }

    /** {@code check_rate}: a rate window of 1, 10 or 60 seconds and a non-zero time to live, else inval. */
    @Override
    public int checkRate(
            byte[] counter, byte[] entry, int delta, int window, int limit, byte[] box, int ttl, int[] blockedOut) {
        if (!RateCounters.isRateWindow(window) || ttl == 0) {
            return FastlyStatus.INVAL;
        }
        boolean blocked = counters.check(
                text(counter),
                text(entry),
                delta,
                window,
                Integer.toUnsignedLong(limit),
                text(box),
                Duration.ofSeconds(Integer.toUnsignedLong(ttl)));
        blockedOut[0] = blocked ? 1 : 0;
        return FastlyStatus.OK;
    }

    /** {@code ratecounter_increment}. */
    @Override
    public int ratecounterIncrement(byte[] counter, byte[] entry, int delta) {
        counters.increment(text(counter), text(entry), delta);
        return FastlyStatus.OK;
    }

    /** {@code ratecounter_lookup_rate}: a window of 1, 10 or 60 seconds, else inval. */
    @Override
    public int ratecounterLookupRate(byte[] counter, byte[] entry, int window, int[] rateOut) {
        if (!RateCounters.isRateWindow(window)) {
            return FastlyStatus.INVAL;
        }
        rateOut[0] = (int) Math.min(counters.rate(text(counter), text(entry), window), 0xFFFFFFFFL);
        return FastlyStatus.OK;
    }

    /** {@code ratecounter_lookup_count}: a duration of 10 to 60 seconds in steps of 10, else inval. */
    @Override
    public int ratecounterLookupCount(byte[] counter, byte[] entry, int duration, int[] countOut) {
        if (!RateCounters.isCountDuration(duration)) {
            return FastlyStatus.INVAL;
        }
        countOut[0] = (int) Math.min(counters.count(text(counter), text(entry), duration), 0xFFFFFFFFL);
        return FastlyStatus.OK;
    }

    /** {@code penaltybox_add}: a non-zero time to live in seconds, else inval. */
    @Override
    public int penaltyboxAdd(byte[] box, byte[] entry, int ttl) {
        if (ttl == 0) {
            return FastlyStatus.INVAL;
        }
        counters.penalize(text(box), text(entry), Duration.ofSeconds(Integer.toUnsignedLong(ttl)));
        return FastlyStatus.OK;
    }

    /** {@code penaltybox_has}. */
    @Override
    public int penaltyboxHas(byte[] box, byte[] entry, int[] hasOut) {
        hasOut[0] = counters.penalized(text(box), text(entry)) ? 1 : 0;
        return FastlyStatus.OK;
    }

    private static String text(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
