package io.github.computejava.host.edge;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The edge rate limiter ({@code fastly_erl}): named rate counters counting per entry over the last minute, and
 * named penalty boxes holding entries until a deadline. Time comes from the engine's clock.
 */
public final class RateCounters {
    private static final Duration HORIZON = Duration.ofSeconds(60);

    private final InstantSource clock;
    private final Map<String, ArrayDeque<long[]>> counts = new HashMap<>();
    private final Map<String, Instant> penalties = new HashMap<>();

    public RateCounters(InstantSource clock) {
        this.clock = clock;
    }

    /** Whether {@code window} is a rate window Fastly offers: 1, 10 or 60 seconds. */
    public static boolean isRateWindow(int window) {
        return window == 1 || window == 10 || window == 60;
    }

    /** Whether {@code duration} is a count duration Fastly offers: 10 to 60 seconds in steps of 10. */
    public static boolean isCountDuration(int duration) {
        return duration >= 10 && duration <= 60 && duration % 10 == 0;
    }

    /** Adds {@code delta} to an entry's count. */
    public synchronized void increment(String counter, String entry, int delta) {
        Instant now = clock.instant();
        ArrayDeque<long[]> q = counts.computeIfAbsent(counter + '\0' + entry, k -> new ArrayDeque<>());
        q.addLast(new long[] {now.toEpochMilli(), Integer.toUnsignedLong(delta)});
        prune(q, now);
    }

    /** The entry's count over the last {@code seconds}. */
    public synchronized long count(String counter, String entry, int seconds) {
        ArrayDeque<long[]> q = counts.get(counter + '\0' + entry);
        if (q == null) {
            return 0;
        }
        long since = clock.instant().toEpochMilli() - seconds * 1000L;
        long sum = 0;
        for (long[] c : q) {
            if (c[0] > since) {
                sum += c[1];
            }
        }
        return sum;
    }

    /** The entry's rate per second over a window of {@code seconds}. */
    public synchronized long rate(String counter, String entry, int seconds) {
        return count(counter, entry, seconds) / seconds;
    }

    /** Puts an entry in a penalty box for {@code ttl}. */
    public synchronized void penalize(String box, String entry, Duration ttl) {
        penalties.put(box + '\0' + entry, clock.instant().plus(ttl));
    }

    /** Whether an entry is in a penalty box. */
    public synchronized boolean penalized(String box, String entry) {
        Instant until = penalties.get(box + '\0' + entry);
        if (until == null) {
            return false;
        }
        if (!clock.instant().isBefore(until)) {
            penalties.remove(box + '\0' + entry);
            return false;
        }
        return true;
    }

    /**
     * Counts {@code delta} for an entry and, when its rate over {@code window} exceeds {@code limit}, puts it in
     * the penalty box for {@code ttl}.
     *
     * @return whether the entry is blocked (in the penalty box)
     */
    public synchronized boolean check(
            String counter, String entry, int delta, int window, long limit, String box, Duration ttl) {
        if (penalized(box, entry)) {
            return true;
        }
        increment(counter, entry, delta);
        if (rate(counter, entry, window) > limit) {
            penalize(box, entry, ttl);
            return true;
        }
        return false;
    }

    private static void prune(ArrayDeque<long[]> q, Instant now) {
        long since = now.toEpochMilli() - HORIZON.toMillis();
        while (!q.isEmpty() && q.peekFirst()[0] <= since) {
            q.pollFirst();
        }
    }
}
