package io.github.computejava.server;

import static io.github.computejava.server.Hostcall.i32;

import io.github.computejava.host.RateCounters;
import io.github.computejava.internal.FastlyStatus;
import java.time.Duration;

/** {@code fastly_erl}: the edge rate limiter, with counters and penalty boxes on the engine's clock. */
final class RateLimitImports implements ImportGroup {
    @Override
    public void register(Registrar r) {
        String m = "fastly_erl";

        // check_rate(rc: string, entry: string, delta: u32, window: u32, limit: u32, pb: string, ttl: u32)
        //   -> (status, blocked)
        r.add(m, "check_rate", (g, a) -> {
            String counter = g.memory().utf8(i32(a, 0), i32(a, 1));
            String entry = g.memory().utf8(i32(a, 2), i32(a, 3));
            String box = g.memory().utf8(i32(a, 7), i32(a, 8));
            int window = i32(a, 5);
            if (!RateCounters.isRateWindow(window) || i32(a, 9) == 0) {
                return FastlyStatus.INVAL;
            }
            g.memory().checkU32(i32(a, 10));
            boolean blocked = g.engine()
                    .rateCounters()
                    .check(
                            counter,
                            entry,
                            i32(a, 4),
                            window,
                            Integer.toUnsignedLong(i32(a, 6)),
                            box,
                            Duration.ofSeconds(Integer.toUnsignedLong(i32(a, 9))));
            g.memory().u32(i32(a, 10), blocked ? 1 : 0);
            return FastlyStatus.OK;
        });

        // ratecounter_increment(rc: string, entry: string, delta: u32) -> status
        r.add(m, "ratecounter_increment", (g, a) -> {
            g.engine()
                    .rateCounters()
                    .increment(g.memory().utf8(i32(a, 0), i32(a, 1)), g.memory().utf8(i32(a, 2), i32(a, 3)), i32(a, 4));
            return FastlyStatus.OK;
        });

        // ratecounter_lookup_rate(rc: string, entry: string, window: u32) -> (status, rate)
        r.add(m, "ratecounter_lookup_rate", (g, a) -> {
            String counter = g.memory().utf8(i32(a, 0), i32(a, 1));
            String entry = g.memory().utf8(i32(a, 2), i32(a, 3));
            if (!RateCounters.isRateWindow(i32(a, 4))) {
                return FastlyStatus.INVAL;
            }
            long rate = g.engine().rateCounters().rate(counter, entry, i32(a, 4));
            g.memory().u32(i32(a, 5), (int) Math.min(rate, 0xFFFFFFFFL));
            return FastlyStatus.OK;
        });

        // ratecounter_lookup_count(rc: string, entry: string, duration: u32) -> (status, count)
        r.add(m, "ratecounter_lookup_count", (g, a) -> {
            String counter = g.memory().utf8(i32(a, 0), i32(a, 1));
            String entry = g.memory().utf8(i32(a, 2), i32(a, 3));
            if (!RateCounters.isCountDuration(i32(a, 4))) {
                return FastlyStatus.INVAL;
            }
            long count = g.engine().rateCounters().count(counter, entry, i32(a, 4));
            g.memory().u32(i32(a, 5), (int) Math.min(count, 0xFFFFFFFFL));
            return FastlyStatus.OK;
        });

        // penaltybox_add(pb: string, entry: string, ttl: u32) -> status
        r.add(m, "penaltybox_add", (g, a) -> {
            if (i32(a, 4) == 0) {
                return FastlyStatus.INVAL;
            }
            g.engine()
                    .rateCounters()
                    .penalize(
                            g.memory().utf8(i32(a, 0), i32(a, 1)),
                            g.memory().utf8(i32(a, 2), i32(a, 3)),
                            Duration.ofSeconds(Integer.toUnsignedLong(i32(a, 4))));
            return FastlyStatus.OK;
        });

        // penaltybox_has(pb: string, entry: string) -> (status, has)
        r.add(m, "penaltybox_has", (g, a) -> {
            String box = g.memory().utf8(i32(a, 0), i32(a, 1));
            String entry = g.memory().utf8(i32(a, 2), i32(a, 3));
            g.memory().checkU32(i32(a, 4));
            g.memory().u32(i32(a, 4), g.engine().rateCounters().penalized(box, entry) ? 1 : 0);
            return FastlyStatus.OK;
        });
    }
}
