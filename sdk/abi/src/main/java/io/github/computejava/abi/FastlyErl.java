package io.github.computejava.abi;

/** The {@code fastly_erl} hostcalls, with the conventions of {@link Hostcalls}. */
public interface FastlyErl {
    // check_rate(rc: string, entry: string, delta: u32, window: u32, limit: u32, pb: string, ttl: u32)
    //   -> (status, blocked u32)
    int erlCheckRate(
            byte[] rateCounter,
            byte[] entry,
            int delta,
            int window,
            int limit,
            byte[] penaltyBox,
            int ttl,
            int[] blockedOut);

    // ratecounter_increment(rc: string, entry: string, delta: u32) -> status
    int erlRatecounterIncrement(byte[] rateCounter, byte[] entry, int delta);

    // ratecounter_lookup_rate(rc: string, entry: string, window: u32) -> (status, rate u32)
    int erlRatecounterLookupRate(byte[] rateCounter, byte[] entry, int window, int[] rateOut);

    // ratecounter_lookup_count(rc: string, entry: string, duration: u32) -> (status, count u32)
    int erlRatecounterLookupCount(byte[] rateCounter, byte[] entry, int duration, int[] countOut);

    // penaltybox_add(pb: string, entry: string, ttl: u32) -> status
    int erlPenaltyboxAdd(byte[] penaltyBox, byte[] entry, int ttl);

    // penaltybox_has(pb: string, entry: string) -> (status, has u32)
    int erlPenaltyboxHas(byte[] penaltyBox, byte[] entry, int[] hasOut);
}
