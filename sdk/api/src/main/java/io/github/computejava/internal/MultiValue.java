package io.github.computejava.internal;

import io.github.computejava.abi.FastlyStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a multi-value answer (header names, header values) with Fastly's cursor protocol: the host fills the
 * buffer with whole NUL-terminated values and returns the cursor to continue from, or -1 when done; when not
 * even one value fits it answers {@code buflen} with the size that value needs.
 */
public final class MultiValue {
    /** A cursor hostcall with its handle and arguments bound. */
    @FunctionalInterface
    public interface Getter {
        /** One round of the cursor protocol. */
        int get(byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut);
    }

    private MultiValue() {}

    /**
     * Reads every value, decoded as Latin-1 strings.
     *
     * @throws io.github.computejava.HostcallException when the host fails the call or breaks the protocol
     */
    public static List<String> read(Getter getter, int initialSize, String hostcall) {
        List<String> values = new ArrayList<>();
        int size = initialSize;
        byte[] buf = new byte[size];
        long[] ending = new long[1];
        int[] nwritten = new int[1];
        int cursor = 0;
        while (true) {
            ending[0] = -1;
            nwritten[0] = 0;
            int status = getter.get(buf, size, cursor, ending, nwritten);
            if (status == FastlyStatus.BUFLEN) {
                int wanted = nwritten[0];
                if (wanted <= size) {
                    wanted = size * 2;
                }
                if (wanted > AdaptiveBuffer.MAX_SIZE) {
                    throw Statuses.toException(status, hostcall);
                }
                size = wanted;
                buf = new byte[size];
                continue;
            }
            if (status == FastlyStatus.NONE) {
                return values;
            }
            Statuses.check(status, hostcall);
            int n = nwritten[0];
            if (n < 0 || n > size) {
                throw Statuses.toException(FastlyStatus.ERROR, hostcall);
            }
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (buf[i] == 0) {
                    values.add(Text.latin1(buf, start, i - start));
                    start = i + 1;
                }
            }
            if (start < n) {
                // a final value without its terminator
                values.add(Text.latin1(buf, start, n - start));
            }
            long next = ending[0];
            if (next < 0) {
                return values;
            }
            if (next <= cursor && n == 0) {
                // the host made no progress; stop rather than spin
                throw Statuses.toException(FastlyStatus.ERROR, hostcall);
            }
            cursor = (int) next;
        }
    }

    /** Encodes values the way {@code header_values_set} takes them: each followed by a NUL. */
    public static byte[] encode(List<String> values) {
        int size = 0;
        for (String v : values) {
            size += v.length() + 1;
        }
        byte[] out = new byte[size];
        int p = 0;
        for (String v : values) {
            for (int i = 0, n = v.length(); i < n; i++) {
                char c = v.charAt(i);
                out[p++] = c <= 0xFF ? (byte) c : (byte) '?';
            }
            out[p++] = 0;
        }
        return out;
    }
}
