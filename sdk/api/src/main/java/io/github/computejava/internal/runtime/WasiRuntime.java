package io.github.computejava.internal.runtime;

import org.teavm.interop.Address;
import org.teavm.interop.Import;

/**
 * WASI replacements for JDK methods that TeaVM would otherwise lower to imports Fastly does not provide
 * ({@code teavm.nanoTime}, {@code teavm.teavm_interrupt}). The build rewrites calls to
 * {@code System.nanoTime} and {@code Thread.sleep}/{@code yield} into calls to these methods.
 */
public final class WasiRuntime {
    private static final int CLOCK_MONOTONIC = 1;
    private static final int SUBSCRIPTION_SIZE = 48;
    private static final int EVENT_SIZE = 32;

    private WasiRuntime() {}

    // wasi_snapshot_preview1.clock_time_get(id: clockid, precision: timestamp, time_out: ptr timestamp) -> errno
    @Import(module = "wasi_snapshot_preview1", name = "clock_time_get")
    private static native int clockTimeGet(int clockId, long precision, Address timeOut);

    // wasi_snapshot_preview1.poll_oneoff(in: ptr subscription, out: ptr event, nsubscriptions, nevents_out) -> errno
    @Import(module = "wasi_snapshot_preview1", name = "poll_oneoff")
    private static native int pollOneoff(Address in, Address out, int subscriptions, Address eventsOut);

    /** {@link System#nanoTime()} from the WASI monotonic clock. */
    public static long nanoTime() {
        // a u64 out-pointer must be 8-aligned and TeaVM aligns array data to 4: read from the aligned slot
        long[] time = new long[2];
        clockTimeGet(CLOCK_MONOTONIC, 1, Address.align(Address.ofData(time), 8));
        return Address.align(Address.ofData(time), 8).getLong();
    }

    /** {@link Thread#sleep(long)}: blocks on a WASI monotonic clock subscription. */
    public static void sleep(long millis) throws InterruptedException {
        sleep(millis, 0);
    }

    /** {@link Thread#sleep(long, int)}. */
    public static void sleep(long millis, int nanos) throws InterruptedException {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        if (nanos < 0 || nanos > 999999) {
            throw new IllegalArgumentException("nanosecond timeout value out of range");
        }
        long timeout = millis >= Long.MAX_VALUE / 1_000_000L ? Long.MAX_VALUE : millis * 1_000_000L + nanos;
        if (timeout == 0) {
            return;
        }
        // subscription: userdata u64 @0, tag u8 @8 (0 = clock), clock id u32 @16, timeout u64 @24,
        // precision u64 @32, flags u16 @40 (0 = relative); both records 8-aligned, one element longer for that
        long[] subscription = new long[SUBSCRIPTION_SIZE / 8 + 1];
        long[] event = new long[EVENT_SIZE / 8 + 1];
        int[] count = new int[1];
        Address in = Address.align(Address.ofData(subscription), 8);
        in.add(16).putInt(CLOCK_MONOTONIC);
        in.add(24).putLong(timeout);
        pollOneoff(in, Address.align(Address.ofData(event), 8), 1, Address.ofData(count));
    }

    /** {@link Thread#yield()}: a program has one thread, so there is nothing to yield to. */
    public static void yieldThread() {}
}
