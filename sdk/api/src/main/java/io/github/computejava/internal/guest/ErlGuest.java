package io.github.computejava.internal.guest;

import io.github.computejava.abi.FastlyErl;
import io.github.computejava.internal.Host;
import io.github.computejava.internal.Statuses;
import org.teavm.interop.Address;
import org.teavm.interop.Import;
import org.teavm.interop.StaticInit;

/**
 * The {@code fastly_erl} module as the SDK's public API uses it: {@link Wasm}, its imports inside {@code
 * main.wasm}, and the typed calls over them. Names and entries are the UTF-8 bytes the program gave; every
 * status but {@code ok} is an exception.
 */
public final class ErlGuest {
    private ErlGuest() {}

    /**
     * Counts {@code delta} events for an entry and, when its rate over {@code window} exceeds {@code limit}, puts
     * the entry in the penalty box for {@code ttl} seconds.
     *
     * @return whether the entry is blocked
     * @throws io.github.computejava.HostcallException if the host refuses the call
     */
    public static boolean checkRate(
            byte[] rateCounter, byte[] entry, int delta, int window, int limit, byte[] penaltyBox, int ttl) {
        int[] blocked = new int[1];
        Statuses.check(
                Host.calls().erl().checkRate(rateCounter, entry, delta, window, limit, penaltyBox, ttl, blocked),
                "fastly_erl.check_rate");
        return blocked[0] != 0;
    }

    /**
     * Counts {@code delta} events for an entry.
     *
     * @throws io.github.computejava.HostcallException if the host refuses the call
     */
    public static void ratecounterIncrement(byte[] rateCounter, byte[] entry, int delta) {
        Statuses.check(
                Host.calls().erl().ratecounterIncrement(rateCounter, entry, delta), "fastly_erl.ratecounter_increment");
    }

    /**
     * An entry's rate over a window of {@code window} seconds.
     *
     * @return events per second, as the unsigned 32-bit value the host answers
     * @throws io.github.computejava.HostcallException if the host refuses the call
     */
    public static long ratecounterLookupRate(byte[] rateCounter, byte[] entry, int window) {
        int[] out = new int[1];
        Statuses.check(
                Host.calls().erl().ratecounterLookupRate(rateCounter, entry, window, out),
                "fastly_erl.ratecounter_lookup_rate");
        return out[0] & 0xFFFFFFFFL;
    }

    /**
     * An entry's count of events over the last {@code duration} seconds.
     *
     * @return the count, as the unsigned 32-bit value the host answers
     * @throws io.github.computejava.HostcallException if the host refuses the call
     */
    public static long ratecounterLookupCount(byte[] rateCounter, byte[] entry, int duration) {
        int[] out = new int[1];
        Statuses.check(
                Host.calls().erl().ratecounterLookupCount(rateCounter, entry, duration, out),
                "fastly_erl.ratecounter_lookup_count");
        return out[0] & 0xFFFFFFFFL;
    }

    /**
     * Puts an entry in a penalty box for {@code ttl} seconds.
     *
     * @throws io.github.computejava.HostcallException if the host refuses the call
     */
    public static void penaltyboxAdd(byte[] penaltyBox, byte[] entry, int ttl) {
        Statuses.check(Host.calls().erl().penaltyboxAdd(penaltyBox, entry, ttl), "fastly_erl.penaltybox_add");
    }

    /**
     * Whether an entry is in a penalty box.
     *
     * @throws io.github.computejava.HostcallException if the host refuses the call
     */
    public static boolean penaltyboxHas(byte[] penaltyBox, byte[] entry) {
        int[] out = new int[1];
        Statuses.check(Host.calls().erl().penaltyboxHas(penaltyBox, entry, out), "fastly_erl.penaltybox_has");
        return out[0] != 0;
    }

    /**
     * The {@code fastly_erl} hostcalls inside {@code main.wasm}: one binding per function, which passes its arrays' data
     * addresses to the import. An array's address is taken in the call itself, so no allocation can move it in between.
     */
    @StaticInit
    public static final class Wasm implements FastlyErl {
        /** The one instance; the imports are static. */
        public static final Wasm INSTANCE = new Wasm();

        private Wasm() {}

        // check_rate(rc: string, entry: string, delta: u32, window: u32, limit: u32, pb: string, ttl: u32)
        //   -> (status, blocked u32)
        @Import(module = "fastly_erl", name = "check_rate")
        private static native int checkRateImport(
                Address rc,
                int rcLen,
                Address entry,
                int entryLen,
                int delta,
                int window,
                int limit,
                Address pb,
                int pbLen,
                int ttl,
                Address blockedOut);

        @Override
        public int checkRate(
                byte[] rateCounter,
                byte[] entry,
                int delta,
                int window,
                int limit,
                byte[] penaltyBox,
                int ttl,
                int[] blockedOut) {
            return checkRateImport(
                    Address.ofData(rateCounter),
                    rateCounter.length,
                    Address.ofData(entry),
                    entry.length,
                    delta,
                    window,
                    limit,
                    Address.ofData(penaltyBox),
                    penaltyBox.length,
                    ttl,
                    Address.ofData(blockedOut));
        }

        // ratecounter_increment(rc: string, entry: string, delta: u32) -> status
        @Import(module = "fastly_erl", name = "ratecounter_increment")
        private static native int ratecounterIncrementImport(
                Address rc, int rcLen, Address entry, int entryLen, int delta);

        @Override
        public int ratecounterIncrement(byte[] rateCounter, byte[] entry, int delta) {
            return ratecounterIncrementImport(
                    Address.ofData(rateCounter), rateCounter.length, Address.ofData(entry), entry.length, delta);
        }

        // ratecounter_lookup_rate(rc: string, entry: string, window: u32) -> (status, rate u32)
        @Import(module = "fastly_erl", name = "ratecounter_lookup_rate")
        private static native int ratecounterLookupRateImport(
                Address rc, int rcLen, Address entry, int entryLen, int window, Address rateOut);

        @Override
        public int ratecounterLookupRate(byte[] rateCounter, byte[] entry, int window, int[] rateOut) {
            return ratecounterLookupRateImport(
                    Address.ofData(rateCounter),
                    rateCounter.length,
                    Address.ofData(entry),
                    entry.length,
                    window,
                    Address.ofData(rateOut));
        }

        // ratecounter_lookup_count(rc: string, entry: string, duration: u32) -> (status, count u32)
        @Import(module = "fastly_erl", name = "ratecounter_lookup_count")
        private static native int ratecounterLookupCountImport(
                Address rc, int rcLen, Address entry, int entryLen, int duration, Address countOut);

        @Override
        public int ratecounterLookupCount(byte[] rateCounter, byte[] entry, int duration, int[] countOut) {
            return ratecounterLookupCountImport(
                    Address.ofData(rateCounter),
                    rateCounter.length,
                    Address.ofData(entry),
                    entry.length,
                    duration,
                    Address.ofData(countOut));
        }

        // penaltybox_add(pb: string, entry: string, ttl: u32) -> status
        @Import(module = "fastly_erl", name = "penaltybox_add")
        private static native int penaltyboxAddImport(Address pb, int pbLen, Address entry, int entryLen, int ttl);

        @Override
        public int penaltyboxAdd(byte[] penaltyBox, byte[] entry, int ttl) {
            return penaltyboxAddImport(
                    Address.ofData(penaltyBox), penaltyBox.length, Address.ofData(entry), entry.length, ttl);
        }

        // penaltybox_has(pb: string, entry: string) -> (status, has u32)
        @Import(module = "fastly_erl", name = "penaltybox_has")
        private static native int penaltyboxHasImport(
                Address pb, int pbLen, Address entry, int entryLen, Address hasOut);

        @Override
        public int penaltyboxHas(byte[] penaltyBox, byte[] entry, int[] hasOut) {
            return penaltyboxHasImport(
                    Address.ofData(penaltyBox),
                    penaltyBox.length,
                    Address.ofData(entry),
                    entry.length,
                    Address.ofData(hasOut));
        }
    }
}
