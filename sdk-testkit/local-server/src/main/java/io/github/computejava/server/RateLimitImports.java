package io.github.computejava.server;

import static io.github.computejava.server.Hostcall.i32;

import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.host.RateLimitHostcalls;

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
            g.memory().checkU32(i32(a, 10));
            int[] blocked = new int[1];
            int status = calls(g).checkRate(counter, entry, i32(a, 4), i32(a, 5), i32(a, 6), box, i32(a, 9), blocked);
            if (status == FastlyStatus.OK) {
                g.memory().u32(i32(a, 10), blocked[0]);
            }
            return status;
        });

        // ratecounter_increment(rc: string, entry: string, delta: u32) -> status
        r.add(m, "ratecounter_increment", (g, a) -> calls(g).increment(
                        g.memory().utf8(i32(a, 0), i32(a, 1)), g.memory().utf8(i32(a, 2), i32(a, 3)), i32(a, 4)));

        // ratecounter_lookup_rate(rc: string, entry: string, window: u32) -> (status, rate)
        r.add(m, "ratecounter_lookup_rate", (g, a) -> {
            String counter = g.memory().utf8(i32(a, 0), i32(a, 1));
            String entry = g.memory().utf8(i32(a, 2), i32(a, 3));
            g.memory().checkU32(i32(a, 5));
            int[] rate = new int[1];
            int status = calls(g).lookupRate(counter, entry, i32(a, 4), rate);
            if (status == FastlyStatus.OK) {
                g.memory().u32(i32(a, 5), rate[0]);
            }
            return status;
        });

        // ratecounter_lookup_count(rc: string, entry: string, duration: u32) -> (status, count)
        r.add(m, "ratecounter_lookup_count", (g, a) -> {
            String counter = g.memory().utf8(i32(a, 0), i32(a, 1));
            String entry = g.memory().utf8(i32(a, 2), i32(a, 3));
            g.memory().checkU32(i32(a, 5));
            int[] count = new int[1];
            int status = calls(g).lookupCount(counter, entry, i32(a, 4), count);
            if (status == FastlyStatus.OK) {
                g.memory().u32(i32(a, 5), count[0]);
            }
            return status;
        });

        // penaltybox_add(pb: string, entry: string, ttl: u32) -> status
        r.add(m, "penaltybox_add", (g, a) -> calls(g).penaltyBoxAdd(
                        g.memory().utf8(i32(a, 0), i32(a, 1)), g.memory().utf8(i32(a, 2), i32(a, 3)), i32(a, 4)));

        // penaltybox_has(pb: string, entry: string) -> (status, has)
        r.add(m, "penaltybox_has", (g, a) -> {
            String box = g.memory().utf8(i32(a, 0), i32(a, 1));
            String entry = g.memory().utf8(i32(a, 2), i32(a, 3));
            g.memory().checkU32(i32(a, 4));
            int[] has = new int[1];
            int status = calls(g).penaltyBoxHas(box, entry, has);
            if (status == FastlyStatus.OK) {
                g.memory().u32(i32(a, 4), has[0]);
            }
            return status;
        });
    }

    private static RateLimitHostcalls calls(Guest g) {
        return new RateLimitHostcalls(g.engine().rateCounters());
    }
}
