package io.github.computejava.internal;

import io.github.computejava.abi.FastlyStatus;

/**
 * Reads a value of unknown size from the host: call with a buffer, and on {@code buflen} retry once with the
 * size the host asked for.
 */
public final class AdaptiveBuffer {
    /** The largest value the SDK accepts from a single getter, a guard against a confused host. */
    static final int MAX_SIZE = 64 * 1024 * 1024;

    /** A getter hostcall with its handle and arguments bound. */
    @FunctionalInterface
    public interface Getter {
        /** Writes at most {@code len} bytes into {@code buf} and their count into {@code nwrittenOut[0]}. */
        int get(byte[] buf, int len, int[] nwrittenOut);
    }

    private AdaptiveBuffer() {}

    /**
     * Reads the whole value.
     *
     * @return the value's bytes, or {@code null} when the host answers {@code none}
     * @throws io.github.computejava.HostcallException when the host fails the call
     */
    public static byte[] get(Getter getter, int initialSize, String hostcall) {
        int size = initialSize;
        int[] nwritten = new int[1];
        while (true) {
            byte[] buf = new byte[size];
            int status = getter.get(buf, size, nwritten);
            if (status == FastlyStatus.OK) {
                int n = nwritten[0];
                if (n < 0 || n > size) {
                    throw Statuses.toException(FastlyStatus.ERROR, hostcall);
                }
                if (n == size) {
                    return buf;
                }
                byte[] exact = new byte[n];
                System.arraycopy(buf, 0, exact, 0, n);
                return exact;
            }
            if (status == FastlyStatus.NONE) {
                return null;
            }
            if (status != FastlyStatus.BUFLEN) {
                throw Statuses.toException(status, hostcall);
            }
            // the host writes the size it needs; without a usable hint, grow geometrically
            int wanted = nwritten[0] > size ? nwritten[0] : size * 2;
            if (wanted > MAX_SIZE) {
                throw Statuses.toException(status, hostcall);
            }
            size = wanted;
        }
    }
}
