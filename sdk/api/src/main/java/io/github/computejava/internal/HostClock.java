package io.github.computejava.internal;

import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.Hostcalls;

/**
 * The host's clock, read through {@link Hostcalls} (WASI {@code clock_time_get}): inside {@code main.wasm} the
 * Fastly host's clock, on the JVM the clock of the attached host (the testkit's virtual clock), so a program sees
 * the same time through both doors.
 */
public final class HostClock {
    private static final int REALTIME = 0;
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private HostClock() {}

    /**
     * Milliseconds since the epoch on the host's realtime clock.
     *
     * @throws io.github.computejava.HostcallException if the host cannot read its clock
     */
    public static long currentTimeMillis() {
        long[] time = new long[1];
        int errno = Host.calls().wasiClockTimeGet(REALTIME, NANOS_PER_MILLI, time);
        if (errno != 0) {
            throw Statuses.toException(FastlyStatus.ERROR, "wasi_snapshot_preview1.clock_time_get");
        }
        return Math.floorDiv(time[0], NANOS_PER_MILLI);
    }
}
